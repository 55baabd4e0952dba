//! Countries and territories of ISO 3166-1, named as Taiwan names them (CLDR zh-Hant).
//!
//! [`parse_countries`] reads the bundled table, choosing shown names by the rules in `names`;
//! [`CountryResolver`] maps other sources' country names to codes. `source` holds the CSV reading
//! every importer of the crate shares (byte order mark, lines and columns of faults).

mod import;
mod model;
mod names;
mod resolve;

#[cfg(test)]
mod tests;

pub use import::{CountryImportError, parse_countries};
pub use model::{Country, CountryCode};
pub(crate) use resolve::name_key;
pub use resolve::{ALIASES, CountryResolver};

/// The bundled table, for tests that check real values.
#[cfg(test)]
pub(crate) const BUNDLED_CSV: &[u8] =
    include_bytes!("../../../../data/countries/countries_iso3166_zh_hant.csv");
