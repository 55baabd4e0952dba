//! Reads the bundled ISO 3166-1 table (`data/countries/countries_iso3166_zh_hant.csv`).

use super::Country;

#[derive(Debug, thiserror::Error)]
pub enum CountryImportError {
    #[error("{file}:{line}:{column}: {message}")]
    Invalid {
        file: String,
        line: u64,
        column: u64,
        message: String,
    },
}

/// Parses the whole file or nothing. `file` names it in errors.
pub fn parse_countries(_file: &str, _bytes: &[u8]) -> Result<Vec<Country>, CountryImportError> {
    Ok(Vec::new())
}
