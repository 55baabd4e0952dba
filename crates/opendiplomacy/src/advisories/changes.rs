//! What changed for each country between two snapshots of one source.

use serde::Serialize;

use super::model::{Level, Snapshot};
use crate::countries::CountryCode;

/// How a country's advisory differs between two snapshots.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ChangeKind {
    Raised,
    Lowered,
    /// A level where there was none (the source had said nothing readable).
    LevelGiven,
    /// No level any more: never read as "safer".
    LevelWithdrawn,
    /// The source covers the country now and did not before.
    Added,
    /// The source no longer covers the country.
    Removed,
    /// Same level, but the source names the destination differently.
    Renamed,
    /// Same level, but it now covers the whole country where it covered regions, or back.
    CoverageChanged,
}

impl ChangeKind {
    pub fn code(self) -> &'static str {
        match self {
            ChangeKind::Raised => "raised",
            ChangeKind::Lowered => "lowered",
            ChangeKind::LevelGiven => "level_given",
            ChangeKind::LevelWithdrawn => "level_withdrawn",
            ChangeKind::Added => "added",
            ChangeKind::Removed => "removed",
            ChangeKind::Renamed => "renamed",
            ChangeKind::CoverageChanged => "coverage_changed",
        }
    }

    /// Whether the level itself moved on the scale.
    pub fn is_level_change(self) -> bool {
        matches!(self, ChangeKind::Raised | ChangeKind::Lowered)
    }
}

/// One country's change, with what the source said before and after.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub country: CountryCode,
    pub kind: ChangeKind,
    pub before: Option<Level>,
    pub after: Option<Level>,
    pub before_destination: Option<String>,
    pub after_destination: Option<String>,
    pub before_words: Option<String>,
    pub after_words: Option<String>,
    /// The date the source gives to the newer advisory, as written.
    pub published: Option<String>,
}

/// Every country whose advisory differs between `old` and `new`, by country code. Both should
/// be of one source; the caller checks.
pub fn changes(old: &Snapshot, new: &Snapshot) -> Vec<Change> {
    let mut countries: Vec<&CountryCode> = old
        .advisories
        .iter()
        .chain(&new.advisories)
        .map(|advisory| &advisory.country)
        .collect();
    countries.sort();
    countries.dedup();
    countries
        .into_iter()
        .filter_map(|country| {
            let before = old.advisory(country);
            let after = new.advisory(country);
            let kind = match (before, after) {
                (None, None) => return None,
                (None, Some(_)) => ChangeKind::Added,
                (Some(_), None) => ChangeKind::Removed,
                (Some(b), Some(a)) => match (b.level, a.level) {
                    (Some(x), Some(y)) if y > x => ChangeKind::Raised,
                    (Some(x), Some(y)) if y < x => ChangeKind::Lowered,
                    (None, Some(_)) => ChangeKind::LevelGiven,
                    (Some(_), None) => ChangeKind::LevelWithdrawn,
                    _ if b.regional != a.regional => ChangeKind::CoverageChanged,
                    _ if b.destination != a.destination => ChangeKind::Renamed,
                    _ => return None,
                },
            };
            Some(Change {
                country: country.clone(),
                kind,
                before: before.and_then(|b| b.level),
                after: after.and_then(|a| a.level),
                before_destination: before.map(|b| b.destination.clone()),
                after_destination: after.map(|a| a.destination.clone()),
                before_words: before.and_then(|b| b.source_words.clone()),
                after_words: after.and_then(|a| a.source_words.clone()),
                published: after.and_then(|a| a.published.clone()),
            })
        })
        .collect()
}
