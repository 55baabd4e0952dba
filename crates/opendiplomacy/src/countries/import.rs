//! Reads the bundled ISO 3166-1 table (`data/countries/countries_iso3166_zh_hant.csv`) into
//! [`Country`] values.
//!
//! Rules:
//! - Display names come from CLDR alone: `name_zh_hant_cldr` (Taiwan usage) and `name_en_cldr`.
//!   Hong Kong and Macao show CLDR's short form (香港, 澳門), with the world-countries short English
//!   name to match.
//! - The i18n-iso-countries columns are read nowhere: they call Taiwan a province of China, and
//!   their Chinese is Simplified. Any name carrying such wording is dropped wherever it comes from.
//! - Simplified Chinese (the CLDR zh and world-countries zho columns) is not read either.
//! - The whole file or nothing: the first fault is an error naming file, line and column.

use super::names::{self, Names};
use super::{Country, CountryCode};
use crate::csv_source::{self as source, CsvFile, Fault, FileError, Header};

/// Why the country table was refused.
pub type CountryImportError = FileError;

const ALPHA2: &str = "alpha2";
const ALPHA3: &str = "alpha3";
const NUMERIC: &str = "numeric";
const NAME_EN: &str = "name_en_cldr";
const NAME_ZH: &str = "name_zh_hant_cldr";
const NAME_ZH_ALTERNATES: &str = "name_zh_hant_cldr_alt";
const NAME_ZH_HK: &str = "name_zh_hant_hk_cldr";
const COMMON_EN: &str = "wc_common_en";
const OFFICIAL_EN: &str = "wc_official_en";
const REGION: &str = "wc_region";
const SUBREGION: &str = "wc_subregion";
const CAPITAL: &str = "wc_capital";
const LATITUDE: &str = "wc_lat";
const LONGITUDE: &str = "wc_lng";
const CALLING_CODES: &str = "wc_idd";

const READ: &[&str] = &[
    ALPHA2,
    ALPHA3,
    NUMERIC,
    NAME_EN,
    NAME_ZH,
    NAME_ZH_ALTERNATES,
    NAME_ZH_HK,
    COMMON_EN,
    OFFICIAL_EN,
    REGION,
    SUBREGION,
    CAPITAL,
    LATITUDE,
    LONGITUDE,
    CALLING_CODES,
];

/// Columns the file has and this importer leaves alone on purpose (see the module rules).
const NOT_READ: &[&str] = &[
    "name_zh_hans_cldr",
    "name_en_i18n_iso",
    "name_zh_i18n_iso",
    "wc_zho_common",
    "wc_zho_official",
    "wc_independent",
    "wc_un_member",
    "wc_status",
];

/// Parses the whole file or nothing. `file` names it in errors.
pub fn parse_countries(file: &str, bytes: &[u8]) -> Result<Vec<Country>, CountryImportError> {
    read(bytes).map_err(|fault| fault.in_file(file))
}

fn read(bytes: &[u8]) -> Result<Vec<Country>, Fault> {
    let mut file = CsvFile::new(bytes);
    let mut record = csv::StringRecord::new();
    let header = file.header(&mut record, READ, NOT_READ)?;

    let mut countries: Vec<Country> = Vec::new();
    while let Some(line) = file.next_record(&mut record)? {
        let row = Row {
            header: &header,
            record: &record,
            line,
        };
        let country = row.country()?;
        if countries.iter().any(|known| known.code == country.code) {
            let column = header.position(ALPHA2);
            return Err(Fault::at(
                row.line,
                column,
                format!("{} appears twice", country.code),
            ));
        }
        countries.push(country);
    }
    Ok(countries)
}

/// One record, read by column name.
struct Row<'a> {
    header: &'a Header,
    record: &'a csv::StringRecord,
    line: u64,
}

impl Row<'_> {
    fn country(&self) -> Result<Country, Fault> {
        let code = CountryCode::parse(self.required(ALPHA2)?)
            .ok_or_else(|| self.fault(ALPHA2, "not a two-letter code"))?;
        let alpha3 = self.letters(ALPHA3, 3)?;
        let numeric = self.digits(NUMERIC, 3)?;
        let names = self.names(&code)?;
        Ok(Country {
            code,
            alpha3,
            numeric,
            name_zh: names.zh,
            name_en: names.en,
            other_names: names.others,
            region: self.optional(REGION).map(str::to_owned),
            subregion: self.optional(SUBREGION).map(str::to_owned),
            capital: self.optional(CAPITAL).and_then(first_of_list),
            latitude: self.degrees(LATITUDE, 90.0)?,
            longitude: self.degrees(LONGITUDE, 180.0)?,
            calling_codes: self.list(CALLING_CODES),
        })
    }

    fn names(&self, code: &CountryCode) -> Result<Names, Fault> {
        let alternates = match self.optional(NAME_ZH_ALTERNATES) {
            Some(text) => names::alternates(text)
                .ok_or_else(|| self.fault(NAME_ZH_ALTERNATES, "expected type:name pairs"))?,
            None => Vec::new(),
        };
        let found = names::Sources {
            cldr_en: self.required(NAME_EN)?,
            cldr_zh: self.required(NAME_ZH)?,
            cldr_zh_alternates: alternates,
            cldr_zh_hk: self.optional(NAME_ZH_HK),
            common_en: self.optional(COMMON_EN),
            official_en: self.optional(OFFICIAL_EN),
        };
        names::choose(code, &found).map_err(|message| self.fault(NAME_EN, message))
    }

    fn optional(&self, column: &str) -> Option<&str> {
        source::cell(self.record, self.header.position(column))
    }

    fn required(&self, column: &str) -> Result<&str, Fault> {
        self.optional(column)
            .ok_or_else(|| self.fault(column, "must not be blank"))
    }

    fn letters(&self, column: &str, count: usize) -> Result<String, Fault> {
        let text = self.required(column)?;
        if text.len() == count && text.bytes().all(|b| b.is_ascii_uppercase()) {
            Ok(text.to_owned())
        } else {
            Err(self.fault(
                column,
                format!("expected {count} capital letters, found {text:?}"),
            ))
        }
    }

    fn digits(&self, column: &str, count: usize) -> Result<String, Fault> {
        let text = self.required(column)?;
        if text.len() == count && text.bytes().all(|b| b.is_ascii_digit()) {
            Ok(text.to_owned())
        } else {
            Err(self.fault(column, format!("expected {count} digits, found {text:?}")))
        }
    }

    /// Decimal degrees within ±`limit`; blank is unknown.
    fn degrees(&self, column: &str, limit: f64) -> Result<Option<f64>, Fault> {
        let Some(text) = self.optional(column) else {
            return Ok(None);
        };
        match text.parse::<f64>() {
            Ok(value) if value.is_finite() && value.abs() <= limit => Ok(Some(value)),
            _ => Err(self.fault(
                column,
                format!("expected degrees within ±{limit}, found {text:?}"),
            )),
        }
    }

    /// A `|`-joined cell as its non-blank parts.
    fn list(&self, column: &str) -> Vec<String> {
        self.optional(column)
            .map(|text| {
                text.split('|')
                    .map(str::trim)
                    .filter(|part| !part.is_empty())
                    .map(str::to_owned)
                    .collect()
            })
            .unwrap_or_default()
    }

    fn fault(&self, column: &str, message: impl Into<String>) -> Fault {
        Fault::at(self.line, self.header.position(column), message)
    }
}

/// The first of a `|`-joined list: the capital where a country lists several.
fn first_of_list(text: &str) -> Option<String> {
    text.split('|')
        .map(str::trim)
        .find(|part| !part.is_empty())
        .map(str::to_owned)
}
