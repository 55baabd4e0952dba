//! The values of the organizations domain: organizations, the parties that join them, and
//! statements, each fact with its dates, its source and its rank.

use serde::{Deserialize, Serialize};

use crate::countries::CountryCode;

/// An organization's number: the Correlates of War `ionum` for the organizations of that data,
/// and numbers from [`OrgId::EXTRA_FROM`] for the ones the project adds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct OrgId(pub u32);

impl OrgId {
    /// Above every COW `ionum`, so an added organization never takes a number COW may use.
    pub const EXTRA_FROM: u32 = 100_000;
}

impl std::fmt::Display for OrgId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.0.fmt(f)
    }
}

/// What kind of body an organization is; COW flags each of its organizations with one or more
/// of the first three.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum OrgKind {
    Political,
    Social,
    Economic,
    /// Not intergovernmental, such as the International Olympic Committee.
    NonGovernmental,
}

impl OrgKind {
    pub const ALL: [OrgKind; 4] = [
        OrgKind::Political,
        OrgKind::Social,
        OrgKind::Economic,
        OrgKind::NonGovernmental,
    ];

    pub fn code(self) -> &'static str {
        match self {
            OrgKind::Political => "political",
            OrgKind::Social => "social",
            OrgKind::Economic => "economic",
            OrgKind::NonGovernmental => "non_governmental",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| {
            kind.code() == text || (text == "non-governmental" && *kind == OrgKind::NonGovernmental)
        })
    }
}

/// Where a statement or an organization comes from. Only [`Origin::Official`] counts as
/// checked; the others show as unverified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Origin {
    /// The Correlates of War data, as published.
    Dataset,
    /// Written by the community, with a cited source, not yet reviewed by an official.
    Community,
    /// Reviewed and accepted by an official.
    Official,
}

impl Origin {
    pub fn code(self) -> &'static str {
        match self {
            Origin::Dataset => "dataset",
            Origin::Community => "community",
            Origin::Official => "official",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Organization {
    pub id: OrgId,
    /// The abbreviation, unique ignoring case; the organization's address on the site.
    pub abbr: String,
    /// The English name the data gives (COW's long name, cut at 80 characters there).
    pub name_en: String,
    pub founded: Option<i32>,
    pub ended: Option<i32>,
    pub kinds: Vec<OrgKind>,
    /// The organization this one is an organ of (the World Health Assembly of the WHO).
    pub parent: Option<OrgId>,
    /// The last year the source data covers this organization; memberships then read "not
    /// recorded after" that year unless a cited statement carries them on.
    pub data_until: Option<i32>,
    /// COW's word on how exact its pre-1965 membership years are.
    pub accuracy: Option<String>,
    pub origin: Origin,
}

/// A member or would-be member: a country with an ISO code, or a state of the past that has
/// none (the German Democratic Republic), keyed `cow-265`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Party {
    pub key: String,
    pub iso: Option<CountryCode>,
    pub name_en: String,
    pub name_zh: String,
}

impl Party {
    /// The key of a party that has an ISO code: the code itself.
    pub fn key_of(code: &CountryCode) -> String {
        code.as_str().to_owned()
    }
}

/// The property a statement gives a value of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Property {
    NameZh,
    NameEn,
    Headquarters,
    Charter,
    Membership,
    /// The name a party is listed under inside one organization ("Chinese Taipei"); never the
    /// party's own name.
    NameUsed,
}

impl Property {
    pub const ALL: [Property; 6] = [
        Property::NameZh,
        Property::NameEn,
        Property::Headquarters,
        Property::Charter,
        Property::Membership,
        Property::NameUsed,
    ];

    pub fn code(self) -> &'static str {
        match self {
            Property::NameZh => "name_zh",
            Property::NameEn => "name_en",
            Property::Headquarters => "headquarters",
            Property::Charter => "charter",
            Property::Membership => "membership",
            Property::NameUsed => "name_used",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.code() == text)
    }

    /// Whether the statement is about one party (a membership, a name used) rather than the
    /// organization itself.
    pub fn has_party(self) -> bool {
        matches!(self, Property::Membership | Property::NameUsed)
    }
}

/// A membership status, strongest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MemberStatus {
    Full,
    Associate,
    Observer,
    /// Invited as a guest to one meeting (ICAO's Assembly in 2013), a status below observer.
    Guest,
}

impl MemberStatus {
    pub const ALL: [MemberStatus; 4] = [
        MemberStatus::Full,
        MemberStatus::Associate,
        MemberStatus::Observer,
        MemberStatus::Guest,
    ];

    pub fn code(self) -> &'static str {
        match self {
            MemberStatus::Full => "full",
            MemberStatus::Associate => "associate",
            MemberStatus::Observer => "observer",
            MemberStatus::Guest => "guest",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == text)
    }

    /// COW's codes: 1 full, 2 associate, 3 observer. Others (0 none, -9 missing, -1 not in
    /// the system) are not memberships.
    pub fn from_cow(code: i32) -> Option<Self> {
        match code {
            1 => Some(MemberStatus::Full),
            2 => Some(MemberStatus::Associate),
            3 => Some(MemberStatus::Observer),
            _ => None,
        }
    }
}

/// Wikidata's ranks: a preferred statement wins over a normal one where they disagree, and a
/// deprecated one is kept, with its reason, but never counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rank {
    Deprecated,
    Normal,
    Preferred,
}

impl Rank {
    pub fn code(self) -> &'static str {
        match self {
            Rank::Deprecated => "deprecated",
            Rank::Normal => "normal",
            Rank::Preferred => "preferred",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        [Rank::Deprecated, Rank::Normal, Rank::Preferred]
            .into_iter()
            .find(|r| r.code() == text)
    }
}

/// A point in time as precise as its source: a year, a month or a day.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct When {
    pub year: i32,
    pub month: Option<u8>,
    pub day: Option<u8>,
}

impl When {
    pub fn year(year: i32) -> Self {
        Self {
            year,
            month: None,
            day: None,
        }
    }

    /// Reads `YYYY`, `YYYY-MM` or `YYYY-MM-DD`, checking the month and the day exist.
    pub fn parse(text: &str) -> Option<Self> {
        let mut parts = text.trim().split('-');
        let year_text = parts.next()?;
        if year_text.len() != 4 {
            return None;
        }
        let year: i32 = year_text.parse().ok()?;
        let month = match parts.next() {
            Some(text) => Some(two_digits(text)?),
            None => None,
        };
        let day = match parts.next() {
            Some(text) => Some(two_digits(text)?),
            None => None,
        };
        if parts.next().is_some() {
            return None;
        }
        if let Some(month) = month
            && !(1..=12).contains(&month)
        {
            return None;
        }
        if let (Some(month), Some(day)) = (month, day)
            && (day == 0 || day > days_in_month(year, month))
        {
            return None;
        }
        Some(Self { year, month, day })
    }
}

fn two_digits(text: &str) -> Option<u8> {
    (text.len() == 2 && text.bytes().all(|b| b.is_ascii_digit()))
        .then(|| text.parse().ok())
        .flatten()
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

impl std::fmt::Display for When {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(month) = self.month {
            write!(f, "-{month:02}")?;
        }
        if let Some(day) = self.day {
            write!(f, "-{day:02}")?;
        }
        Ok(())
    }
}

/// Where a statement was read: a title, an address where there is one, and the day it was
/// read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    pub title: String,
    pub url: Option<String>,
    pub seen: Option<String>,
}

/// Why a statement is deprecated, and who says so on what evidence. Kept beside the statement
/// so that the published data is never altered, only ranked.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Deprecation {
    pub reason: String,
    pub source: Source,
    pub origin: Origin,
}

/// One fact about an organization, in the manner of Wikidata.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    /// Stable across imports of the same data: derived from where the fact came from.
    pub id: String,
    pub org: OrgId,
    pub property: Property,
    /// The party a membership or a name used is about.
    pub party: Option<String>,
    pub status: Option<MemberStatus>,
    pub value_en: Option<String>,
    pub value_zh: Option<String>,
    pub start: Option<When>,
    pub end: Option<When>,
    /// The source stops covering the fact at `end` (the COW data ends in 2014): the end is
    /// where the record stops, not where the membership did.
    pub unrecorded_after: bool,
    pub rank: Rank,
    pub deprecation: Option<Deprecation>,
    pub source: Source,
    pub origin: Origin,
    /// Why this statement wants a reviewer's eye, found by the importer (a "China" seat coded
    /// between 1949 and 1971 that may be the ROC's).
    pub review: Option<String>,
    pub note: Option<String>,
}

impl Statement {
    /// The years the statement covers: from its start to its end, the end open when the fact
    /// still holds. `None` start means unknown: treated as the organization's founding.
    pub fn years(&self) -> (Option<i32>, Option<i32>) {
        (self.start.map(|w| w.year), self.end.map(|w| w.year))
    }

    pub fn counts(&self) -> bool {
        self.rank != Rank::Deprecated
    }
}
