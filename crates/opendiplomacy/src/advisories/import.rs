//! Reading each source's file into advisories on the common scale, or refusing it whole with
//! the file, line and column of the first fault.
//!
//! Rules:
//! - Each source's wording is mapped by its own table ([`level_of`]); a wording no table knows,
//!   or a placeholder such as "No summary found", is no level, and the import says how many.
//! - Every destination maps to countries through [`DestinationNames`]; one that maps to none is
//!   listed in `unmapped`, never dropped silently.
//! - One advisory per country: when several rows name the same country (the US lists
//!   "France" three times), the row with the highest level is kept and the others counted.

use std::collections::BTreeMap;

use super::model::{Advisory, Level, Source};
use super::names::{DestinationNames, Resolution};
use super::published;
use crate::countries::CountryCode;
use crate::csv_source::{CsvFile, Fault, FileError, Header, cell};

/// Why a file was refused: its first fault, placed in it.
pub type AdvisoryImportError = FileError;

/// A file as read, before it becomes a stored snapshot.
#[derive(Debug, Clone, PartialEq)]
pub struct Parsed {
    /// One per country, ordered by country code.
    pub advisories: Vec<Advisory>,
    pub rows: u64,
    pub rows_with_level: u64,
    pub unmapped: Vec<String>,
    pub notes: Vec<String>,
}

/// One row of a source's file, as the source wrote it.
#[derive(Debug, Clone)]
struct Row {
    line: u64,
    destination: String,
    /// BOCA names countries by ISO code; the others by name.
    key: Key,
    level: Option<Level>,
    words: Option<String>,
    published: Option<String>,
    published_utc: Option<String>,
    regional: bool,
    area: Option<String>,
    url: Option<String>,
}

#[derive(Debug, Clone)]
enum Key {
    Name,
    Code(String),
}

/// Wordings that stand where a level should be but are none.
const PLACEHOLDERS: &[&str] = &["no summary found", "other", "n/a", "not available", "-"];

/// Canada's mark of a level that applies to the whole country but with worse regions.
const CANADA_REGIONAL: &str = " (with regional advisories)";

/// A source's wording on the common scale, and whether the wording marks regional advice.
/// `None`: not a level (blank, a placeholder, or a wording the table does not know).
pub fn level_of(source: Source, words: &str) -> Option<(Level, bool)> {
    let words = words.trim();
    let (words, regional) = match words.strip_suffix(CANADA_REGIONAL) {
        Some(base) if source == Source::Canada => (base, true),
        _ => (words, false),
    };
    let lower = words.to_lowercase();
    if lower.is_empty() || PLACEHOLDERS.contains(&lower.as_str()) {
        return None;
    }
    let table: &[(&str, Level)] = match source {
        Source::Australia => &[
            ("exercise normal safety precautions", Level::One),
            ("exercise a high degree of caution", Level::Two),
            ("reconsider your need to travel", Level::Three),
            ("do not travel", Level::Four),
        ],
        Source::Canada => &[
            ("take normal security precautions", Level::One),
            ("exercise a high degree of caution", Level::Two),
            ("avoid non-essential travel", Level::Three),
            ("avoid all travel", Level::Four),
        ],
        Source::Ireland => &[
            ("normal precautions", Level::One),
            ("high degree of caution", Level::Two),
            ("avoid non-essential travel", Level::Three),
            ("do not travel", Level::Four),
        ],
        Source::UnitedStates => &[
            ("level 1: exercise normal precautions", Level::One),
            ("level 2: exercise increased caution", Level::Two),
            ("level 3: reconsider travel", Level::Three),
            ("level 4: do not travel", Level::Four),
        ],
        Source::Taiwan => &[
            ("灰色：提醒注意", Level::One),
            ("黃色：特別注意旅遊安全並檢討是否有必要前往", Level::Two),
            ("橙色：避免非必要旅行", Level::Three),
            ("紅色：儘速離境", Level::Four),
        ],
        Source::UnitedKingdom => &[],
    };
    table
        .iter()
        .find(|(known, _)| *known == lower)
        .map(|(_, level)| (*level, regional))
}

/// Reads a source's file whole. `names` maps destinations to countries.
pub fn parse_advisories(
    source: Source,
    file: &str,
    bytes: &[u8],
    names: &DestinationNames,
) -> Result<Parsed, AdvisoryImportError> {
    let rows = read_rows(source, bytes).map_err(|fault| fault.in_file(file))?;
    Ok(combine(source, rows, names))
}

fn read_rows(source: Source, bytes: &[u8]) -> Result<Vec<Row>, Fault> {
    let mut csv = CsvFile::new(bytes);
    let mut record = csv::StringRecord::new();
    let Some(line) = csv.next_record(&mut record)? else {
        return Err(Fault::at(1, 0, "the file is empty; expected a header"));
    };
    let format = Format::of(source);
    let header = Header::read(&record, line, format.required, format.known)?;
    let mut rows = Vec::new();
    while let Some(line) = csv.next_record(&mut record)? {
        rows.push(format.read(source, &header, &record, line)?);
    }
    Ok(rows)
}

/// The columns of a source's file and which of them hold what.
struct Format {
    required: &'static [&'static str],
    known: &'static [&'static str],
    destination: &'static str,
    level: Option<&'static str>,
    published: Option<&'static str>,
    url: &'static str,
}

impl Format {
    fn of(source: Source) -> Self {
        match source {
            Source::Australia => Self {
                required: &["destination", "risk_level", "last_updated", "url"],
                known: &[],
                destination: "destination",
                level: Some("risk_level"),
                published: Some("last_updated"),
                url: "url",
            },
            Source::Canada | Source::Ireland => Self {
                required: &["destination", "risk_level", "last_updated", "details_url"],
                known: &[],
                destination: "destination",
                level: Some("risk_level"),
                published: Some("last_updated"),
                url: "details_url",
            },
            Source::UnitedKingdom => Self {
                required: &["destination", "last_updated", "details_url"],
                known: &[],
                destination: "destination",
                level: None,
                published: Some("last_updated"),
                url: "details_url",
            },
            Source::UnitedStates => Self {
                required: &[
                    "destination",
                    "risk_level",
                    "last_updated_advisory",
                    "advisory_details_url",
                    "risk_level_number",
                ],
                known: &["country_info_url", "last_updated_country_details"],
                destination: "destination",
                level: Some("risk_level"),
                published: Some("last_updated_advisory"),
                url: "advisory_details_url",
            },
            Source::Taiwan => Self {
                required: &["key", "level", "colour", "label_zh", "note"],
                known: &[],
                destination: "key",
                level: Some("label_zh"),
                published: None,
                url: "",
            },
        }
    }

    fn read(
        &self,
        source: Source,
        header: &Header,
        record: &csv::StringRecord,
        line: u64,
    ) -> Result<Row, Fault> {
        let column = |name: &str| header.position(name);
        let destination_column = column(self.destination);
        let destination = cell(record, destination_column)
            .ok_or_else(|| Fault::at(line, destination_column, "the destination is blank"))?
            .to_owned();
        let words = self.level.and_then(|name| cell(record, column(name)));
        let (level, regional) = words
            .and_then(|words| level_of(source, words))
            .map_or((None, false), |(level, regional)| (Some(level), regional));
        let (published, published_utc) = match self.published {
            Some(name) => match cell(record, column(name)) {
                Some(text) => {
                    let utc = published::instant(text)
                        .map_err(|message| Fault::at(line, column(name), message))?;
                    (Some(text.to_owned()), utc)
                }
                None => (None, None),
            },
            None => (None, None),
        };
        let url = cell(record, column(self.url))
            .or_else(|| cell(record, column("country_info_url")))
            .map(str::to_owned);
        let mut row = Row {
            line,
            key: Key::Name,
            destination,
            level,
            words: words.map(str::to_owned),
            published,
            published_utc,
            regional,
            area: None,
            url,
        };
        match source {
            Source::UnitedStates => check_us_number(&mut row, header, record)?,
            Source::Taiwan => read_boca(&mut row, header, record)?,
            _ => {}
        }
        Ok(row)
    }
}

/// The US gives the level twice, as words ("Level 4: Do Not Travel") and as a number; a
/// number that contradicts the words is a fault, and -1 (with "Other") is no level.
fn check_us_number(
    row: &mut Row,
    header: &Header,
    record: &csv::StringRecord,
) -> Result<(), Fault> {
    let column = header.position("risk_level_number");
    let Some(text) = cell(record, column) else {
        return Ok(());
    };
    let number: i64 = text.parse().map_err(|_| {
        Fault::at(
            row.line,
            column,
            format!("expected a level number, found {text:?}"),
        )
    })?;
    let stated = Level::from_number(number);
    if row.level.is_some() && stated != row.level {
        return Err(Fault::at(
            row.line,
            column,
            format!(
                "level {number} contradicts the words {:?}",
                row.words.as_deref().unwrap_or("")
            ),
        ));
    }
    if row.level.is_none() && stated.is_some() && row.words.is_some() {
        return Err(Fault::at(
            row.line,
            header.position("risk_level"),
            format!(
                "unknown wording {:?} for level {number}",
                row.words.as_deref().unwrap_or("")
            ),
        ));
    }
    Ok(())
}

/// BOCA's rows: the code is the destination, the level a number that must agree with its
/// colour and label, and the note the area the level is for (or the country's own name).
fn read_boca(row: &mut Row, header: &Header, record: &csv::StringRecord) -> Result<(), Fault> {
    let line = row.line;
    let level_column = header.position("level");
    let number = cell(record, level_column).and_then(|text| text.parse::<i64>().ok());
    let level = number
        .and_then(Level::from_number)
        .ok_or_else(|| Fault::at(line, level_column, "expected a level from 1 to 4"))?;
    let colour_column = header.position("colour");
    let colour = cell(record, colour_column).unwrap_or("");
    let expected = ["gray", "yellow", "orange", "red"][usize::from(level.number()) - 1];
    if colour != expected {
        return Err(Fault::at(
            line,
            colour_column,
            format!("level {} is {expected}, not {colour:?}", level.number()),
        ));
    }
    if row.level != Some(level) {
        return Err(Fault::at(
            line,
            header.position("label_zh"),
            format!("the label does not name level {}", level.number()),
        ));
    }
    row.key = Key::Code(row.destination.clone());
    row.area = cell(record, header.position("note")).map(str::to_owned);
    row.url = Some(Source::Taiwan.official_url().to_owned());
    Ok(())
}

/// Maps rows to countries and keeps one advisory per country.
fn combine(source: Source, rows: Vec<Row>, names: &DestinationNames) -> Parsed {
    let total = rows.len() as u64;
    let with_level = rows.iter().filter(|row| row.level.is_some()).count() as u64;
    let unknown_words: Vec<&str> = rows
        .iter()
        .filter(|row| row.level.is_none())
        .filter_map(|row| row.words.as_deref())
        .collect();
    let mut notes = Vec::new();
    if !unknown_words.is_empty() {
        let mut distinct = unknown_words.clone();
        distinct.sort_unstable();
        distinct.dedup();
        notes.push(format!(
            "{} rows have no level: their wording ({}) is not a level",
            unknown_words.len(),
            distinct.join("; ")
        ));
    }
    let blank = rows.iter().filter(|row| row.words.is_none()).count();
    if source.has_levels() && blank > 0 {
        notes.push(format!(
            "{blank} rows have a blank level and are kept as no level"
        ));
    }

    let mut by_country: BTreeMap<CountryCode, Advisory> = BTreeMap::new();
    let mut unmapped = Vec::new();
    let mut merged = 0;
    for row in &rows {
        let resolution = match &row.key {
            Key::Code(code) => names.resolve_code(code),
            Key::Name => names.resolve(&row.destination),
        };
        let codes = match resolution {
            Resolution::Countries(codes) => codes,
            Resolution::Unmapped => {
                unmapped.push(row.destination.clone());
                continue;
            }
        };
        for code in codes {
            let advisory = advisory(source, row, code, names);
            match by_country.get_mut(&advisory.country) {
                Some(kept) => {
                    merged += 1;
                    if advisory.level > kept.level {
                        *kept = advisory;
                    }
                }
                None => {
                    by_country.insert(advisory.country.clone(), advisory);
                }
            }
        }
    }
    if merged > 0 {
        notes.push(format!(
            "{merged} rows named a country another row already named; the highest level is kept"
        ));
    }
    unmapped.sort();
    unmapped.dedup();
    if !unmapped.is_empty() {
        notes.push(format!(
            "{} destinations map to no country: {}",
            unmapped.len(),
            unmapped.join("; ")
        ));
    }
    Parsed {
        advisories: by_country.into_values().collect(),
        rows: total,
        rows_with_level: with_level,
        unmapped,
        notes,
    }
}

/// BOCA gives the highest level anywhere in a country; its level is regional when its note
/// names an area rather than the country, or when BOCA's page names an area the row lost.
fn advisory(source: Source, row: &Row, country: CountryCode, names: &DestinationNames) -> Advisory {
    let mut area = row.area.clone();
    let mut regional = row.regional;
    if source == Source::Taiwan {
        if area
            .as_deref()
            .is_some_and(|note| names.names_country(note, &country))
        {
            area = None;
        }
        if area.is_none() {
            area = names.boca_area(&country).map(str::to_owned);
        }
        regional = area.is_some();
    }
    Advisory {
        source,
        country,
        destination: row.destination.clone(),
        level: row.level,
        source_words: row.words.clone(),
        published: row.published.clone(),
        published_utc: row.published_utc.clone(),
        regional,
        area,
        url: row.url.clone(),
    }
}

/// The day a snapshot was taken, read from its path (`snapshot_2025-04-15/…`,
/// `boca_levels_2026-09-28_excerpt.csv`): the last date the path names.
pub fn taken_from_path(path: &str) -> Option<String> {
    let chars: Vec<(usize, char)> = path.char_indices().collect();
    (0..chars.len())
        .rev()
        .filter_map(|i| {
            let start = chars[i].0;
            path.get(start..start + 10)
        })
        .find(|candidate| published::is_date(candidate))
        .map(str::to_owned)
}
