//! Chinese names and today's spellings of ports, from the bundled alias table
//! `data/ports/port_names.csv`, which the project writes and keeps.
//!
//! Rules:
//! - The first Chinese name of a port is the one the zh-TW site shows; it is Taiwan usage in
//!   Traditional characters. Later ones are other names readers type (台中港 beside 臺中港).
//! - The table adds names and never replaces the index's own: the main name stays as published.
//! - The whole file or nothing, like every importer.

use std::collections::BTreeMap;

use super::{Port, PortId};
use crate::csv_source::{self as source, CsvFile, Fault, FileError};

/// Why the port name table was refused.
pub type PortAliasError = FileError;

/// The names the table gives one port.
#[derive(Debug, Clone, PartialEq)]
pub struct PortAlias {
    /// Chinese names, the one to display first.
    pub names_zh: Vec<String>,
    /// Other spellings: today's romanization, the city's name.
    pub other_names: Vec<String>,
    /// Where the names come from.
    pub source: String,
}

/// The alias table, by World Port Index number.
#[derive(Debug, Clone, Default)]
pub struct PortAliases {
    by_port: BTreeMap<PortId, PortAlias>,
}

const BUNDLED_FILE: &str = "data/ports/port_names.csv";
const BUNDLED: &str = include_str!("../../../../data/ports/port_names.csv");

const WPI_NUMBER: &str = "wpi_number";
const NAME_ZH: &str = "name_zh";
const OTHER_NAMES: &str = "other_names";
const SOURCE: &str = "source";

impl PortAliases {
    /// The table shipped in the binary.
    pub fn bundled() -> Result<Self, PortAliasError> {
        Self::parse(BUNDLED_FILE, BUNDLED.as_bytes())
    }

    /// Reads a table with the columns `wpi_number,name_zh,other_names,source`; names within a
    /// cell are separated by `|`.
    pub fn parse(file: &str, bytes: &[u8]) -> Result<Self, PortAliasError> {
        read(bytes).map_err(|fault| fault.in_file(file))
    }

    pub fn get(&self, id: PortId) -> Option<&PortAlias> {
        self.by_port.get(&id)
    }

    pub fn len(&self) -> usize {
        self.by_port.len()
    }

    pub fn is_empty(&self) -> bool {
        self.by_port.is_empty()
    }

    /// Adds the table's names to the ports, and says which table rows named no port.
    pub(super) fn apply(&self, ports: &mut [Port]) -> Vec<String> {
        let mut unused: Vec<PortId> = self.by_port.keys().copied().collect();
        for port in ports.iter_mut() {
            let Some(alias) = self.by_port.get(&port.id) else {
                continue;
            };
            unused.retain(|id| *id != port.id);
            for name in &alias.names_zh {
                add_name(&mut port.names_zh, name, "");
            }
            for name in &alias.other_names {
                add_name(&mut port.other_names, name, &port.name);
            }
        }
        unused
            .into_iter()
            .map(|id| format!("the port name table names port {id}, which the index lacks"))
            .collect()
    }
}

/// Adds a name unless it is already there or is the port's main name.
pub(super) fn add_name(names: &mut Vec<String>, name: &str, main: &str) {
    if name != main && !names.iter().any(|known| known == name) {
        names.push(name.to_owned());
    }
}

fn read(bytes: &[u8]) -> Result<PortAliases, Fault> {
    let mut file = CsvFile::new(bytes);
    let mut record = csv::StringRecord::new();
    let columns = [WPI_NUMBER, NAME_ZH, OTHER_NAMES, SOURCE];
    let header = file.header(&mut record, &columns, &[])?;

    let mut by_port = BTreeMap::new();
    while let Some(line) = file.next_record(&mut record)? {
        let fault =
            |column: &str, message: String| Fault::at(line, header.position(column), message);
        let cell = |column: &str| source::cell(&record, header.position(column));

        let number = cell(WPI_NUMBER).unwrap_or_default();
        let id = number.parse::<u32>().map(PortId).map_err(|_| {
            fault(
                WPI_NUMBER,
                format!("expected a port number, found {number:?}"),
            )
        })?;
        let names_zh = names(cell(NAME_ZH));
        if names_zh.is_empty() || !names_zh.iter().all(|name| name.chars().any(is_han)) {
            return Err(fault(
                NAME_ZH,
                format!("expected Chinese names, found {names_zh:?}"),
            ));
        }
        let alias = PortAlias {
            names_zh,
            other_names: names(cell(OTHER_NAMES)),
            source: cell(SOURCE).unwrap_or_default().to_owned(),
        };
        if alias.source.is_empty() {
            return Err(fault(SOURCE, "every row names its source".to_owned()));
        }
        if by_port.insert(id, alias).is_some() {
            return Err(fault(WPI_NUMBER, format!("port {id} appears twice")));
        }
    }
    Ok(PortAliases { by_port })
}

fn names(cell: Option<&str>) -> Vec<String> {
    cell.unwrap_or_default()
        .split('|')
        .map(str::trim)
        .filter(|name| !name.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A CJK unified ideograph, the characters a Chinese port name is written in.
fn is_han(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}' | '\u{F900}'..='\u{FAFF}')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_table_names_every_taiwan_port() {
        let aliases = PortAliases::bundled().expect("bundled table");
        let expected = [
            (57920, "高雄港", "Kaohsiung"),
            (57890, "基隆港", "Keelung"),
            (57955, "臺中港", "Taichung"),
            (57910, "花蓮港", "Hualien"),
            (57950, "澎湖港", "Penghu"),
            (57900, "蘇澳港", "Suao"),
            (57935, "淡水港", "Tamsui"),
            (57953, "麥寮港", "Mailiao"),
        ];
        for (id, zh, en) in expected {
            let alias = aliases.get(PortId(id)).expect("Taiwan port in the table");
            assert_eq!(alias.names_zh[0], zh);
            assert!(alias.other_names.iter().any(|name| name == en), "{id} {en}");
        }
        let taichung = aliases.get(PortId(57955)).expect("Taichung");
        assert_eq!(taichung.names_zh, ["臺中港", "台中港"]);
        let penghu = aliases.get(PortId(57950)).expect("Penghu");
        assert_eq!(penghu.names_zh, ["澎湖港", "馬公港"]);
    }

    #[test]
    fn a_latin_name_in_the_chinese_column_is_refused() {
        let table = "wpi_number,name_zh,other_names,source\n57920,Kaohsiung,,test\n";
        let error = PortAliases::parse("t.csv", table.as_bytes()).expect_err("refused");
        assert_eq!(
            error.to_string(),
            "t.csv:2:2: expected Chinese names, found [\"Kaohsiung\"]"
        );
    }

    #[test]
    fn a_port_listed_twice_is_refused() {
        let table = "wpi_number,name_zh,other_names,source\n1,甲港,,a\n1,乙港,,b\n";
        let error = PortAliases::parse("t.csv", table.as_bytes()).expect_err("refused");
        assert_eq!(error.to_string(), "t.csv:3:1: port 1 appears twice");
    }
}
