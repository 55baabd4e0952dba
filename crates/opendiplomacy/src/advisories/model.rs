//! The values of the advisories domain: who advises (`Source`), on the one common scale
//! (`Level`), what each source said about a country (`Advisory`), and each import as a whole
//! (`Snapshot`).
//!
//! Rule: missing stays missing. A source that says nothing, says "No summary found", or has no
//! levels at all (the United Kingdom) gives `level: None`, never level 1.

use serde::{Deserialize, Serialize};

use crate::countries::CountryCode;

/// A government whose travel advisories are compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    Taiwan,
    UnitedStates,
    Canada,
    UnitedKingdom,
    Australia,
    Ireland,
}

impl Source {
    /// Taiwan first: every comparison is read against it.
    pub const ALL: [Source; 6] = [
        Source::Taiwan,
        Source::UnitedStates,
        Source::Canada,
        Source::UnitedKingdom,
        Source::Australia,
        Source::Ireland,
    ];

    /// The short code used in URLs, the API and the CLI.
    pub fn code(self) -> &'static str {
        match self {
            Source::Taiwan => "tw",
            Source::UnitedStates => "us",
            Source::Canada => "ca",
            Source::UnitedKingdom => "uk",
            Source::Australia => "au",
            Source::Ireland => "ie",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        let text = text.trim();
        Self::ALL
            .into_iter()
            .find(|source| source.code().eq_ignore_ascii_case(text))
    }

    /// The word the snapshot files are named by (`unitedstates_summary.csv`).
    pub fn file_stem(self) -> &'static str {
        match self {
            Source::Taiwan => "taiwan_boca",
            Source::UnitedStates => "unitedstates",
            Source::Canada => "canada",
            Source::UnitedKingdom => "unitedkingdom",
            Source::Australia => "australia",
            Source::Ireland => "ireland",
        }
    }

    /// Whether the source publishes levels at all: the FCDO advises area by area in words.
    pub fn has_levels(self) -> bool {
        self != Source::UnitedKingdom
    }

    /// Where the government publishes its advisories, for `advisories refresh` and for
    /// readers who want the original.
    pub fn official_url(self) -> &'static str {
        match self {
            Source::Taiwan => "https://www.boca.gov.tw/sp-trwa-list-1.html",
            Source::UnitedStates => "https://travel.state.gov/_res/rss/TAsTWs.xml",
            Source::Canada => "https://data.international.gc.ca/travel-voyage/index-updated.json",
            Source::UnitedKingdom => "https://www.gov.uk/api/content/foreign-travel-advice",
            Source::Australia => "https://www.smartraveller.gov.au/destinations",
            Source::Ireland => "https://www.ireland.ie/en/dfa/overseas-travel/advice/",
        }
    }
}

impl std::fmt::Display for Source {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

/// The common scale, 1 to 4, that every source's own levels are mapped onto. What each level
/// asks of a traveller is in `i18n/*/advisories.toml` (`advisories.level.N`), shown on the site.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub enum Level {
    /// Normal precautions (BOCA gray).
    One = 1,
    /// A high degree of caution (BOCA yellow).
    Two = 2,
    /// Avoid non-essential travel, reconsider the trip (BOCA orange).
    Three = 3,
    /// Do not travel, leave (BOCA red).
    Four = 4,
}

impl Level {
    pub const ALL: [Level; 4] = [Level::One, Level::Two, Level::Three, Level::Four];

    pub fn number(self) -> u8 {
        self as u8
    }

    pub fn from_number(number: i64) -> Option<Self> {
        match number {
            1 => Some(Level::One),
            2 => Some(Level::Two),
            3 => Some(Level::Three),
            4 => Some(Level::Four),
            _ => None,
        }
    }

    /// How many steps apart two levels are.
    pub fn steps(self, other: Level) -> u8 {
        self.number().abs_diff(other.number())
    }
}

impl From<Level> for u8 {
    fn from(level: Level) -> u8 {
        level.number()
    }
}

impl TryFrom<u8> for Level {
    type Error = String;
    fn try_from(number: u8) -> Result<Self, String> {
        Level::from_number(i64::from(number)).ok_or_else(|| format!("no level {number}"))
    }
}

/// What one source said about one country in one snapshot.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Advisory {
    pub source: Source,
    pub country: CountryCode,
    /// The destination as the source names it ("Burma", "China - Hong Kong / Macao").
    pub destination: String,
    /// On the common scale; `None` when the source gives no level for it.
    pub level: Option<Level>,
    /// The source's own words for its level, exactly as published; `None` when blank.
    pub source_words: Option<String>,
    /// The date the source gives for this advisory, exactly as written, zone or not.
    pub published: Option<String>,
    /// `published` as an instant in UTC (RFC 3339), only when the text names its zone.
    pub published_utc: Option<String>,
    /// The level applies to parts of the country only (elsewhere lower).
    pub regional: bool,
    /// The area the source names for its level, when it names one (BOCA's note).
    pub area: Option<String>,
    pub url: Option<String>,
}

/// One import of one source: every advisory it gave, and what the import noticed.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Snapshot {
    /// Given by the store; 0 before it is stored.
    pub id: i64,
    pub source: Source,
    /// The day the source was read (YYYY-MM-DD).
    pub taken: String,
    /// When this import ran (RFC 3339, UTC).
    pub fetched: String,
    /// Where the rows came from: a file path or an address.
    pub origin: String,
    /// Rows in the file.
    pub rows: u64,
    /// Rows whose level could be read.
    pub rows_with_level: u64,
    /// The share of rows with a level fell sharply against the last good snapshot: readers are
    /// served that one instead.
    pub stale: bool,
    /// Destinations that map to no country, as the source spells them.
    pub unmapped: Vec<String>,
    /// What the import noticed, in plain words.
    pub notes: Vec<String>,
    /// One per country, ordered by country code.
    pub advisories: Vec<Advisory>,
}

impl Snapshot {
    /// The share of rows with a level, 0 to 1; 0 for an empty file.
    pub fn level_share(&self) -> f64 {
        if self.rows == 0 {
            0.0
        } else {
            self.rows_with_level as f64 / self.rows as f64
        }
    }

    pub fn advisory(&self, country: &CountryCode) -> Option<&Advisory> {
        self.advisories
            .binary_search_by(|advisory| advisory.country.cmp(country))
            .ok()
            .map(|index| &self.advisories[index])
    }
}
