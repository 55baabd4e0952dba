//! Countries and territories of ISO 3166-1, named as Taiwan names them (CLDR zh-Hant).

mod import;
mod model;
mod resolve;

pub use import::{CountryImportError, parse_countries};
pub use model::{Country, CountryCode};
pub use resolve::CountryResolver;
