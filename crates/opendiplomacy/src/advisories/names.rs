//! Which countries a source's destination means: the country list's own names first, then the
//! advisories' alias table (`data/travel_advisories/destination_aliases.csv`), whose entries
//! may name several countries ("China - Hong Kong / Macao" is HK and MO).
//!
//! Rule: a name nothing resolves is `Unmapped`, and the import reports it.

use std::collections::{HashMap, HashSet};

use crate::countries::{Country, CountryCode, CountryResolver, name_key};
use crate::csv_source::{CsvFile, Fault, FileError, Header, cell};

/// Where a destination lands.
#[derive(Debug, Clone, PartialEq)]
pub enum Resolution {
    Countries(Vec<CountryCode>),
    Unmapped,
}

/// The country list, the alias table, and the areas BOCA names where its published row lost
/// them.
#[derive(Debug, Clone, Default)]
pub struct DestinationNames {
    resolver: CountryResolver,
    codes: HashSet<CountryCode>,
    /// Name key → codes, from the alias table.
    aliases: HashMap<String, Vec<CountryCode>>,
    /// Code → the names of its country, keyed, to tell a BOCA note that names the country
    /// itself from one that names an area.
    own_names: HashMap<CountryCode, HashSet<String>>,
    /// Code → area, from `taiwan_boca/boca_regional_areas.csv`.
    boca_areas: HashMap<CountryCode, String>,
}

impl DestinationNames {
    /// Reads the alias table and BOCA's areas; every code they name must be in `countries`.
    pub fn new(
        countries: &[Country],
        aliases: (&str, &[u8]),
        boca_areas: (&str, &[u8]),
    ) -> Result<Self, FileError> {
        let codes: HashSet<CountryCode> = countries.iter().map(|c| c.code.clone()).collect();
        let own_names = countries
            .iter()
            .map(|c| {
                let names = [&c.name_zh, &c.name_en]
                    .into_iter()
                    .chain(&c.other_names)
                    .map(|name| name_key(name))
                    .collect();
                (c.code.clone(), names)
            })
            .collect();
        let mut names = Self {
            resolver: CountryResolver::new(countries),
            codes,
            aliases: HashMap::new(),
            own_names,
            boca_areas: HashMap::new(),
        };
        names.aliases = read_table(aliases.1, &names.codes, &["name", "codes", "reason"])
            .map_err(|fault| fault.in_file(aliases.0))?
            .into_iter()
            .map(|(name, codes, _)| (name_key(&name), codes))
            .collect();
        names.boca_areas = read_table(boca_areas.1, &names.codes, &["area_zh", "codes", "source"])
            .map_err(|fault| fault.in_file(boca_areas.0))?
            .into_iter()
            .flat_map(|(area, codes, _)| codes.into_iter().map(move |c| (c, area.clone())))
            .collect();
        Ok(names)
    }

    /// The countries a destination name means: the alias table wins, since it exists for the
    /// names the country list reads wrongly or not at all.
    pub fn resolve(&self, name: &str) -> Resolution {
        if let Some(codes) = self.aliases.get(&name_key(name)) {
            return Resolution::Countries(codes.clone());
        }
        match self.resolver.resolve(name) {
            Some(code) => Resolution::Countries(vec![code]),
            None => Resolution::Unmapped,
        }
    }

    /// A destination given as an ISO code (BOCA): a code of the list, else the alias table.
    pub fn resolve_code(&self, key: &str) -> Resolution {
        match CountryCode::parse(key).filter(|code| self.codes.contains(code)) {
            Some(code) => Resolution::Countries(vec![code]),
            None => self.resolve(key),
        }
    }

    /// Whether a text is one of a country's own names (BOCA sometimes repeats the country's
    /// name where the area would be).
    pub fn names_country(&self, text: &str, code: &CountryCode) -> bool {
        let key = name_key(text);
        self.own_names
            .get(code)
            .is_some_and(|names| names.contains(&key))
            || self.resolver.resolve(text).as_ref() == Some(code)
    }

    /// The area BOCA's page names for a country's level, where the published row lost it.
    pub fn boca_area(&self, code: &CountryCode) -> Option<&str> {
        self.boca_areas.get(code).map(String::as_str)
    }
}

/// Reads a three-column table whose second column holds ISO codes separated by spaces:
/// `(first, codes, third)` per row.
fn read_table(
    bytes: &[u8],
    known: &HashSet<CountryCode>,
    columns: &[&str; 3],
) -> Result<Vec<(String, Vec<CountryCode>, String)>, Fault> {
    let mut csv = CsvFile::new(bytes);
    let mut record = csv::StringRecord::new();
    let Some(line) = csv.next_record(&mut record)? else {
        return Err(Fault::at(1, 0, "the file is empty; expected a header"));
    };
    let header = Header::read(&record, line, columns, &[])?;
    let [first, codes_column, third] = columns.map(|name| header.position(name));
    let mut rows = Vec::new();
    while let Some(line) = csv.next_record(&mut record)? {
        let text = cell(&record, first)
            .ok_or_else(|| Fault::at(line, first, "blank"))?
            .to_owned();
        let mut codes = Vec::new();
        for word in cell(&record, codes_column).unwrap_or("").split_whitespace() {
            let code = CountryCode::parse(word)
                .filter(|code| known.contains(code))
                .ok_or_else(|| {
                    Fault::at(
                        line,
                        codes_column,
                        format!("{word:?} is not a code of the country list"),
                    )
                })?;
            codes.push(code);
        }
        if codes.is_empty() {
            return Err(Fault::at(
                line,
                codes_column,
                "expected one or more ISO codes",
            ));
        }
        let note = cell(&record, third)
            .ok_or_else(|| Fault::at(line, third, "blank: say why, or where from"))?
            .to_owned();
        rows.push((text, codes, note));
    }
    Ok(rows)
}
