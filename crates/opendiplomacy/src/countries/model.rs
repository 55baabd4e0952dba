//! The country value shared by every domain.

use serde::{Deserialize, Serialize};

/// An ISO 3166-1 alpha-2 code in upper case, such as `TW`.
///
/// Kept as a newtype so that a port id or a free-text country name can never be passed where a
/// code is meant.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct CountryCode(String);

impl CountryCode {
    /// Accepts two ASCII letters in either case; anything else is not a code.
    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        if text.len() == 2 && text.bytes().all(|b| b.is_ascii_alphabetic()) {
            Some(Self(text.to_ascii_uppercase()))
        } else {
            None
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for CountryCode {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

/// A country or territory with its names in both languages.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Country {
    pub code: CountryCode,
    pub alpha3: String,
    /// Three digits, leading zeros kept (`004`).
    pub numeric: String,
    /// The zh-TW display name (CLDR zh-Hant, short form where CLDR offers one for HK and MO).
    pub name_zh: String,
    pub name_en: String,
    /// Other names a reader may type: official names, Hong Kong usage, CLDR alternates.
    pub other_names: Vec<String>,
    pub region: Option<String>,
    pub subregion: Option<String>,
    pub capital: Option<String>,
    pub latitude: Option<f64>,
    pub longitude: Option<f64>,
    /// International dialling prefixes, such as `+886`.
    pub calling_codes: Vec<String>,
}
