//! The tables of the advisories endpoints. Every format is written from these.

use crate::advisories::{
    Advisory, Board, Change, CountryRow, Level, PairAgreement, Snapshot, Source,
};
use crate::formats::{Cell, Table};
use crate::i18n::Lang;
use crate::web::Derived;

fn level(value: Option<Level>) -> Cell<'static> {
    value.map_or(Cell::Null, |l| Cell::Int(i64::from(l.number())))
}

fn source_name(source: Source, lang: Lang) -> Cell<'static> {
    Cell::text(message(
        lang,
        &format!("advisories.source.{}", source.code()),
    ))
}

const ADVISORY_COLUMNS: &[&str] = &[
    "source",
    "country",
    "country_name_zh",
    "country_name_en",
    "destination",
    "level",
    "source_words",
    "published",
    "published_utc",
    "regional",
    "area",
    "url",
    "snapshot",
    "snapshot_taken",
    "newer_stale_snapshot",
    "flag_against_taiwan",
];

/// An advisory as served, with the snapshot it comes from. `newer_stale` is the day of a
/// newer snapshot passed over as stale; `flag` whether it is two steps or more from Taiwan's.
pub struct AdvisoryLine<'a> {
    pub source: Source,
    pub country: &'a str,
    pub advisory: Option<&'a Advisory>,
    pub snapshot: Option<&'a Snapshot>,
    pub newer_stale: Option<&'a Snapshot>,
    pub flag: bool,
}

impl<'a> AdvisoryLine<'a> {
    pub fn from_row(country: &'a str, row: &CountryRow<'a>) -> Self {
        Self {
            source: row.source,
            country,
            advisory: row.advisory,
            snapshot: row.status.current,
            newer_stale: row.status.stale,
            flag: row.flagged,
        }
    }
}

pub fn advisories<'a>(
    derived: &'a Derived,
    lines: impl IntoIterator<Item = AdvisoryLine<'a>>,
) -> Table<'a> {
    let mut table = Table::new("advisories", "advisory", ADVISORY_COLUMNS.to_vec());
    table.rows = lines
        .into_iter()
        .map(|line| {
            let country = crate::countries::CountryCode::parse(line.country)
                .and_then(|code| derived.country(&code));
            let a = line.advisory;
            vec![
                Cell::text(line.source.code()),
                Cell::text(line.country),
                Cell::opt_text(country.map(|c| c.name_zh.as_str())),
                Cell::opt_text(country.map(|c| c.name_en.as_str())),
                Cell::opt_text(a.map(|a| a.destination.as_str())),
                level(a.and_then(|a| a.level)),
                Cell::opt_text(a.and_then(|a| a.source_words.as_deref())),
                Cell::opt_text(a.and_then(|a| a.published.as_deref())),
                Cell::opt_text(a.and_then(|a| a.published_utc.as_deref())),
                a.map_or(Cell::Null, |a| Cell::Bool(a.regional)),
                Cell::opt_text(a.and_then(|a| a.area.as_deref())),
                Cell::opt_text(a.and_then(|a| a.url.as_deref())),
                line.snapshot.map_or(Cell::Null, |s| Cell::Int(s.id)),
                Cell::opt_text(line.snapshot.map(|s| s.taken.as_str())),
                Cell::opt_text(line.newer_stale.map(|s| s.taken.as_str())),
                Cell::Bool(line.flag),
            ]
        })
        .collect();
    table
}

const SNAPSHOT_COLUMNS: &[&str] = &[
    "id",
    "source",
    "source_name_zh",
    "source_name_en",
    "taken",
    "fetched",
    "origin",
    "rows",
    "rows_with_level",
    "countries",
    "stale",
    "status",
    "unmapped",
    "notes",
];

pub fn snapshots<'a>(
    board: &'a Board,
    snapshots: impl IntoIterator<Item = &'a Snapshot>,
) -> Table<'a> {
    let mut table = Table::new("snapshots", "snapshot", SNAPSHOT_COLUMNS.to_vec());
    table.rows = snapshots
        .into_iter()
        .map(|s| {
            let status = match board.staleness(s) {
                crate::advisories::Staleness::Current => "current",
                crate::advisories::Staleness::Stale => "stale",
                crate::advisories::Staleness::Superseded => "superseded",
            };
            vec![
                Cell::Int(s.id),
                Cell::text(s.source.code()),
                source_name(s.source, Lang::ZhTw),
                source_name(s.source, Lang::En),
                Cell::text(s.taken.as_str()),
                Cell::text(s.fetched.as_str()),
                Cell::text(s.origin.as_str()),
                Cell::Int(i64::try_from(s.rows).unwrap_or(i64::MAX)),
                Cell::Int(i64::try_from(s.rows_with_level).unwrap_or(i64::MAX)),
                Cell::Int(s.advisories.len() as i64),
                Cell::Bool(s.stale),
                Cell::text(status),
                Cell::list(&s.unmapped),
                Cell::list(&s.notes),
            ]
        })
        .collect();
    table
}

const SOURCE_COLUMNS: &[&str] = &[
    "source",
    "name_zh",
    "name_en",
    "has_levels",
    "official_url",
    "current_snapshot",
    "current_taken",
    "stale_snapshot",
    "stale_taken",
    "no_level",
    "level_1",
    "level_2",
    "level_3",
    "level_4",
];

pub fn sources(board: &Board) -> Table<'static> {
    let mut table = Table::new("sources", "source", SOURCE_COLUMNS.to_vec());
    table.rows = Source::ALL
        .into_iter()
        .map(|source| {
            let status = board.status(source);
            let counts = board.level_counts(source);
            let mut row = vec![
                Cell::text(source.code()),
                source_name(source, Lang::ZhTw),
                source_name(source, Lang::En),
                Cell::Bool(source.has_levels()),
                Cell::text(source.official_url()),
                status.current.map_or(Cell::Null, |s| Cell::Int(s.id)),
                Cell::opt_text(status.current.map(|s| s.taken.clone())),
                status.stale.map_or(Cell::Null, |s| Cell::Int(s.id)),
                Cell::opt_text(status.stale.map(|s| s.taken.clone())),
            ];
            row.extend(counts.map(|n| Cell::Int(i64::try_from(n).unwrap_or(i64::MAX))));
            row
        })
        .collect();
    table
}

const CHANGE_COLUMNS: &[&str] = &[
    "source",
    "from_snapshot",
    "from_taken",
    "to_snapshot",
    "to_taken",
    "country",
    "kind",
    "before",
    "after",
    "before_destination",
    "after_destination",
    "before_words",
    "after_words",
    "published",
];

/// A change with the two snapshots it lies between.
pub struct ChangeLine<'a> {
    pub from: &'a Snapshot,
    pub to: &'a Snapshot,
    pub change: Change,
}

pub fn changes<'a>(lines: Vec<ChangeLine<'a>>) -> Table<'a> {
    let mut table = Table::new("changes", "change", CHANGE_COLUMNS.to_vec());
    table.rows = lines
        .into_iter()
        .map(|line| {
            let c = line.change;
            vec![
                Cell::text(line.to.source.code()),
                Cell::Int(line.from.id),
                Cell::text(line.from.taken.as_str()),
                Cell::Int(line.to.id),
                Cell::text(line.to.taken.as_str()),
                Cell::text(c.country.as_str().to_owned()),
                Cell::text(c.kind.code()),
                level(c.before),
                level(c.after),
                Cell::opt_text(c.before_destination),
                Cell::opt_text(c.after_destination),
                Cell::opt_text(c.before_words),
                Cell::opt_text(c.after_words),
                Cell::opt_text(c.published),
            ]
        })
        .collect();
    table
}

const AGREEMENT_COLUMNS: &[&str] = &["a", "b", "compared", "same", "within_one", "same_share"];

pub fn agreement(pairs: &[PairAgreement]) -> Table<'static> {
    let mut table = Table::new("agreement", "pair", AGREEMENT_COLUMNS.to_vec());
    table.rows = pairs
        .iter()
        .map(|p| {
            let share = (p.compared > 0).then(|| p.same as f64 / p.compared as f64);
            vec![
                Cell::text(p.a.code()),
                Cell::text(p.b.code()),
                Cell::Int(p.compared as i64),
                Cell::Int(p.same as i64),
                Cell::Int(p.within_one as i64),
                Cell::opt_float(share.map(|s| (s * 1000.0).round() / 1000.0)),
            ]
        })
        .collect();
    table
}

/// A message of the catalogue that lives as long as the program; a missing key (which a test
/// rules out) reads as empty.
fn message(lang: Lang, key: &str) -> &'static str {
    lang.lookup(key).unwrap_or_default()
}
