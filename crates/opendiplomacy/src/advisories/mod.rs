//! Travel advisories of several governments, side by side with Taiwan's.
//!
//! Each source's file is read by its own format (`import`) onto one common scale of four
//! levels (`model::Level`), keeping the source's own words, dates and coverage. Each import is
//! a [`Snapshot`]; [`Board`] holds every snapshot and answers the comparisons the site shows:
//! per country, disagreements with Taiwan, agreement between sources, and what changed.
//!
//! Rule: missing stays missing. No level is never read as a safe level, and a source whose
//! levels vanish (Ireland's scraper in 2026) is marked stale and its last good snapshot served.

mod board;
mod changes;
mod import;
mod model;
mod names;
mod published;
pub mod refresh;

#[cfg(test)]
mod tests;

pub use board::{
    Board, CountryRow, Disagreement, PairAgreement, SourceStatus, Staleness, falls_sharply,
};
pub use changes::{Change, ChangeKind, changes};
pub use import::{AdvisoryImportError, Parsed, level_of, parse_advisories, taken_from_path};
pub use model::{Advisory, Level, Snapshot, Source};
pub use names::{DestinationNames, Resolution};
pub use published::is_date;

/// Two levels this many steps apart or more are a disagreement worth a flag.
pub const FLAG_STEPS: u8 = 2;
