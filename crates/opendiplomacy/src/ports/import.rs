//! Reads the World Port Index CSV (NGA Pub. 150, `UpdatedPub150.csv`) into ports.
//!
//! Rules:
//! - The whole file or nothing: a wrong header, a row of the wrong width, invalid UTF-8 or a
//!   cell that cannot be read is an error naming file, line and column, and no port is returned.
//! - What the importer decides on its own (a duplicate index number merged, a country name it
//!   cannot map, a malformed UN/LOCODE left out) is said in the [`ImportReport`].
//! - Chinese names and today's spellings come from [`PortAliases`], added after the rows are read.

use std::collections::{BTreeMap, HashMap};

use super::fields::{ARTEFACTS, identity};
use super::row::Row;
use super::{DuplicateRow, FIELDS, Port, PortAliases, PortId};
use crate::countries::CountryResolver;
use crate::csv_source::{CsvFile, Fault, FileError, Header};

/// Why a World Port Index file was refused.
pub type PortImportError = FileError;

/// What an import read and decided.
#[derive(Debug, Default)]
pub struct ImportReport {
    /// Data rows read, the header not counted.
    pub rows: u64,
    /// One sentence for each decision worth a reader's attention.
    pub notes: Vec<String>,
    /// Rows merged into an earlier row with the same index number.
    pub duplicates: Vec<DuplicateRow>,
    /// The line each port was read from, so a question about a port can be checked at its
    /// source.
    pub lines: BTreeMap<PortId, u64>,
}

/// Reads every row of the index. `file` names it in errors; `countries` maps its country names
/// to ISO codes; `aliases` adds Chinese names and other spellings.
pub fn parse_ports(
    file: &str,
    bytes: &[u8],
    countries: &CountryResolver,
    aliases: &PortAliases,
) -> Result<(Vec<Port>, ImportReport), PortImportError> {
    let (mut ports, mut report) = read(bytes, countries).map_err(|fault| fault.in_file(file))?;
    report.notes.extend(unresolved_countries(&ports));
    report.notes.extend(aliases.apply(&mut ports));
    Ok((ports, report))
}

fn read(bytes: &[u8], countries: &CountryResolver) -> Result<(Vec<Port>, ImportReport), Fault> {
    let mut file = CsvFile::new(bytes);
    let mut record = csv::StringRecord::new();
    let Some(line) = file.next_record(&mut record)? else {
        return Err(Fault::at(1, 0, "the file is empty"));
    };
    let required: Vec<&str> = identity::ALL
        .iter()
        .copied()
        .chain(FIELDS.iter().map(|spec| spec.column))
        .collect();
    let header = Header::read(&record, line, &required, ARTEFACTS)?;

    let mut ports: Vec<Port> = Vec::new();
    let mut report = ImportReport::default();
    let mut seen: HashMap<PortId, usize> = HashMap::new();
    while let Some(line) = file.next_record(&mut record)? {
        let mut row = Row {
            header: &header,
            record: &record,
            line,
            notes: Vec::new(),
        };
        let port = row.port(countries)?;
        report.rows += 1;
        report.notes.append(&mut row.notes);

        match seen.get(&port.id) {
            Some(&index) => {
                let kept_line = report.lines.get(&port.id).copied().unwrap_or_default();
                if let Some(kept) = ports.get_mut(index) {
                    let duplicate = DuplicateRow::merge(kept, kept_line, &port, line);
                    report.notes.push(duplicate.note());
                    report.duplicates.push(duplicate);
                }
            }
            None => {
                seen.insert(port.id, ports.len());
                report.lines.insert(port.id, line);
                ports.push(port);
            }
        }
    }
    // A header alone is almost surely a truncated export, not an index with no ports.
    if ports.is_empty() {
        return Err(Fault::at(line + 1, 1, "the file has a header but no ports"));
    }
    Ok((ports, report))
}

/// One note for each country name no ISO entry matched, with how many ports carry it.
fn unresolved_countries(ports: &[Port]) -> Vec<String> {
    let mut counts: BTreeMap<&str, usize> = BTreeMap::new();
    for port in ports.iter().filter(|port| port.country.is_none()) {
        *counts.entry(port.country_name.as_str()).or_default() += 1;
    }
    counts
        .into_iter()
        .map(|(name, count)| {
            format!(
                "country {name:?} ({count} ports) matches no ISO 3166-1 entry; the ports keep \
                 the name without a code"
            )
        })
        .collect()
}
