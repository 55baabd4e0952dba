//! Every snapshot of every source, and the comparisons the site shows, built in memory from
//! the store and rebuilt whole when the data changes.
//!
//! Rule: each source is read from its current snapshot, the newest one not marked stale. A
//! stale newer one is kept and shown as such, never silently.

use std::collections::BTreeSet;

use serde::Serialize;

use super::FLAG_STEPS;
use super::model::{Advisory, Level, Snapshot, Source};
use crate::countries::CountryCode;

/// Whether the share of rows with a level fell sharply: to under half of what the last good
/// snapshot had. A source that never had levels (the UK) never falls.
pub fn falls_sharply(last_good_share: f64, share: f64) -> bool {
    last_good_share > 0.0 && share < last_good_share * 0.5
}

/// What a source is served from.
#[derive(Debug, Clone, Copy)]
pub struct SourceStatus<'a> {
    pub source: Source,
    /// The newest snapshot not marked stale.
    pub current: Option<&'a Snapshot>,
    /// A newer snapshot marked stale, when there is one.
    pub stale: Option<&'a Snapshot>,
}

/// Whether a snapshot is served or passed over.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Staleness {
    Current,
    Stale,
    Superseded,
}

/// One source's line in a country's comparison.
#[derive(Debug, Clone)]
pub struct CountryRow<'a> {
    pub source: Source,
    pub status: SourceStatus<'a>,
    /// `None`: the source does not cover the country (or has no snapshot at all).
    pub advisory: Option<&'a Advisory>,
    /// Taiwan's level and this one are [`FLAG_STEPS`] or more apart.
    pub flagged: bool,
}

/// How often two sources give the same level to the countries both give a level to.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PairAgreement {
    pub a: Source,
    pub b: Source,
    pub compared: u64,
    pub same: u64,
    /// One step apart or the same.
    pub within_one: u64,
}

/// A country where Taiwan's level is [`FLAG_STEPS`] or more from another source's.
#[derive(Debug, Clone)]
pub struct Disagreement<'a> {
    pub country: &'a CountryCode,
    pub taiwan: &'a Advisory,
    pub others: Vec<&'a Advisory>,
}

#[derive(Debug, Clone, Default)]
pub struct Board {
    /// By source (in [`Source::ALL`] order), then by day taken, then id.
    snapshots: Vec<Snapshot>,
}

impl Board {
    pub fn new(mut snapshots: Vec<Snapshot>) -> Self {
        snapshots.sort_by(|a, b| (a.source, &a.taken, a.id).cmp(&(b.source, &b.taken, b.id)));
        Self { snapshots }
    }

    pub fn snapshots(&self) -> &[Snapshot] {
        &self.snapshots
    }

    /// A source's snapshots, oldest first.
    pub fn snapshots_of(&self, source: Source) -> impl DoubleEndedIterator<Item = &Snapshot> {
        self.snapshots.iter().filter(move |s| s.source == source)
    }

    pub fn snapshot(&self, id: i64) -> Option<&Snapshot> {
        self.snapshots.iter().find(|s| s.id == id)
    }

    pub fn status(&self, source: Source) -> SourceStatus<'_> {
        let current = self.snapshots_of(source).rev().find(|s| !s.stale);
        let stale = self
            .snapshots_of(source)
            .next_back()
            .filter(|latest| latest.stale);
        SourceStatus {
            source,
            current,
            stale,
        }
    }

    /// Whether a snapshot is the one served for its source.
    pub fn staleness(&self, snapshot: &Snapshot) -> Staleness {
        if snapshot.stale {
            Staleness::Stale
        } else if self.status(snapshot.source).current.map(|s| s.id) == Some(snapshot.id) {
            Staleness::Current
        } else {
            Staleness::Superseded
        }
    }

    /// What a source currently says about a country.
    pub fn current(&self, source: Source, country: &CountryCode) -> Option<&Advisory> {
        self.status(source).current?.advisory(country)
    }

    /// Every source's line for a country, Taiwan first.
    pub fn country(&self, country: &CountryCode) -> Vec<CountryRow<'_>> {
        let taiwan = self.current(Source::Taiwan, country).and_then(|a| a.level);
        Source::ALL
            .into_iter()
            .map(|source| {
                let status = self.status(source);
                let advisory = status.current.and_then(|s| s.advisory(country));
                let flagged =
                    source != Source::Taiwan && far_apart(taiwan, advisory.and_then(|a| a.level));
                CountryRow {
                    source,
                    status,
                    advisory,
                    flagged,
                }
            })
            .collect()
    }

    /// Countries where Taiwan's level is two steps or more from another source's, by code.
    pub fn disagreements(&self) -> Vec<Disagreement<'_>> {
        let Some(taiwan) = self.status(Source::Taiwan).current else {
            return Vec::new();
        };
        taiwan
            .advisories
            .iter()
            .filter_map(|tw| {
                let others: Vec<&Advisory> = Source::ALL[1..]
                    .iter()
                    .filter_map(|source| self.current(*source, &tw.country))
                    .filter(|other| far_apart(tw.level, other.level))
                    .collect();
                (!others.is_empty()).then_some(Disagreement {
                    country: &tw.country,
                    taiwan: tw,
                    others,
                })
            })
            .collect()
    }

    /// How many countries each level has in a source's current snapshot, and how many it
    /// lists with no level: `[no level, 1, 2, 3, 4]`.
    pub fn level_counts(&self, source: Source) -> [u64; 5] {
        let mut counts = [0; 5];
        for advisory in self
            .status(source)
            .current
            .iter()
            .flat_map(|s| &s.advisories)
        {
            counts[advisory.level.map_or(0, |l| usize::from(l.number()))] += 1;
        }
        counts
    }

    /// Agreement of every pair of sources over the countries both give a level to.
    pub fn agreement(&self) -> Vec<PairAgreement> {
        let mut pairs = Vec::new();
        for (i, a) in Source::ALL.iter().enumerate() {
            for b in &Source::ALL[i + 1..] {
                pairs.push(self.pair(*a, *b));
            }
        }
        pairs
    }

    fn pair(&self, a: Source, b: Source) -> PairAgreement {
        let mut result = PairAgreement {
            a,
            b,
            compared: 0,
            same: 0,
            within_one: 0,
        };
        let Some(first) = self.status(a).current else {
            return result;
        };
        for advisory in &first.advisories {
            let other = self.current(b, &advisory.country).and_then(|o| o.level);
            if let (Some(x), Some(y)) = (advisory.level, other) {
                result.compared += 1;
                result.same += u64::from(x == y);
                result.within_one += u64::from(x.steps(y) <= 1);
            }
        }
        result
    }

    /// A country's levels from one source over every snapshot, oldest first; `None` where
    /// the snapshot does not cover it.
    pub fn history<'a>(
        &'a self,
        source: Source,
        country: &'a CountryCode,
    ) -> impl Iterator<Item = (&'a Snapshot, Option<&'a Advisory>)> + 'a {
        self.snapshots_of(source)
            .map(move |snapshot| (snapshot, snapshot.advisory(country)))
    }

    /// Every country any current snapshot covers.
    pub fn countries(&self) -> BTreeSet<&CountryCode> {
        Source::ALL
            .into_iter()
            .filter_map(|source| self.status(source).current)
            .flat_map(|s| s.advisories.iter().map(|a| &a.country))
            .collect()
    }
}

fn far_apart(taiwan: Option<Level>, other: Option<Level>) -> bool {
    matches!((taiwan, other), (Some(t), Some(o)) if t.steps(o) >= FLAG_STEPS)
}
