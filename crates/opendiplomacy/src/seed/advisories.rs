//! The bundled travel advisories (`data/travel_advisories/`), and loading one source's file as
//! a snapshot: parsed whole, judged for staleness against the source's last good snapshot,
//! written in one transaction.

use super::{Progress, SeedError};
use crate::advisories::{DestinationNames, Snapshot, Source, falls_sharply, parse_advisories};
use crate::store::{ImportRun, Store};

macro_rules! advisory_file {
    ($path:literal) => {
        (
            concat!("data/travel_advisories/", $path),
            include_bytes!(concat!("../../../../data/travel_advisories/", $path)) as &[u8],
        )
    };
}

/// The alias table for destination names the country list does not resolve.
pub const DESTINATION_ALIASES: (&str, &[u8]) = advisory_file!("destination_aliases.csv");
/// Areas BOCA names for a country's level where the excerpt's row lost them.
pub const BOCA_AREAS: (&str, &[u8]) = advisory_file!("taiwan_boca/boca_regional_areas.csv");

/// One bundled file: its source, the day it was taken, its path and bytes.
pub type BundledAdvisories = (Source, &'static str, (&'static str, &'static [u8]));

/// Every bundled file, in the order they are loaded: the older snapshot first, so that the
/// newer one is judged against it, then BOCA.
pub const BUNDLED_ADVISORIES: &[BundledAdvisories] = &[
    (
        Source::Australia,
        "2025-04-15",
        advisory_file!("snapshot_2025-04-15/australia_summary.csv"),
    ),
    (
        Source::Canada,
        "2025-04-15",
        advisory_file!("snapshot_2025-04-15/canada_summary.csv"),
    ),
    (
        Source::Ireland,
        "2025-04-15",
        advisory_file!("snapshot_2025-04-15/ireland_summary.csv"),
    ),
    (
        Source::UnitedKingdom,
        "2025-04-15",
        advisory_file!("snapshot_2025-04-15/unitedkingdom_summary.csv"),
    ),
    (
        Source::UnitedStates,
        "2025-04-15",
        advisory_file!("snapshot_2025-04-15/unitedstates_summary.csv"),
    ),
    (
        Source::Australia,
        "2026-08-22",
        advisory_file!("snapshot_2026-08-22/australia_summary.csv"),
    ),
    (
        Source::Canada,
        "2026-08-22",
        advisory_file!("snapshot_2026-08-22/canada_summary.csv"),
    ),
    (
        Source::Ireland,
        "2026-08-22",
        advisory_file!("snapshot_2026-08-22/ireland_summary.csv"),
    ),
    (
        Source::UnitedKingdom,
        "2026-08-22",
        advisory_file!("snapshot_2026-08-22/unitedkingdom_summary.csv"),
    ),
    (
        Source::UnitedStates,
        "2026-08-22",
        advisory_file!("snapshot_2026-08-22/unitedstates_summary.csv"),
    ),
    (
        Source::Taiwan,
        "2026-09-28",
        advisory_file!("taiwan_boca/boca_levels_2026-09-28_excerpt.csv"),
    ),
];

/// The names every advisories import resolves destinations with.
pub async fn destination_names(store: &dyn Store) -> Result<DestinationNames, SeedError> {
    let countries = store.countries().await?;
    if countries.is_empty() {
        return Err(SeedError::NoCountries);
    }
    DestinationNames::new(&countries, DESTINATION_ALIASES, BOCA_AREAS)
        .map_err(SeedError::Advisories)
}

/// Parses one source's file taken on `taken` (YYYY-MM-DD) and stores it as a snapshot.
pub async fn load_advisories(
    store: &dyn Store,
    source: Source,
    (file, bytes): (&str, &[u8]),
    taken: &str,
    progress: &dyn Progress,
) -> Result<ImportRun, SeedError> {
    if !crate::advisories::is_date(taken) {
        return Err(SeedError::NoDate(taken.to_owned()));
    }
    let names = destination_names(store).await?;
    let parsed = parse_advisories(source, file, bytes, &names).map_err(SeedError::Advisories)?;
    progress.start(&format!("advisories {source}"), parsed.rows);

    let mut snapshot = Snapshot {
        id: 0,
        source,
        taken: taken.to_owned(),
        fetched: humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string(),
        origin: file.to_owned(),
        rows: parsed.rows,
        rows_with_level: parsed.rows_with_level,
        stale: false,
        unmapped: parsed.unmapped,
        notes: parsed.notes,
        advisories: parsed.advisories,
    };
    let earlier = store.advisory_snapshots().await?;
    let last_good = earlier
        .iter()
        .filter(|s| s.source == source && !s.stale && s.taken.as_str() < taken)
        .max_by(|a, b| a.taken.cmp(&b.taken));
    if let Some(good) = last_good
        && falls_sharply(good.level_share(), snapshot.level_share())
    {
        snapshot.stale = true;
        snapshot.notes.push(format!(
            "stale: {} of {} rows have a level, against {} of {} on {}; the snapshot of {} stays in use",
            snapshot.rows_with_level, snapshot.rows, good.rows_with_level, good.rows, good.taken, good.taken
        ));
    }

    let run = ImportRun {
        dataset: format!("advisories/{source}"),
        source: file.to_owned(),
        rows: snapshot.rows,
        inserted: snapshot.advisories.len() as u64,
        updated: 0,
        unchanged: 0,
        notes: snapshot.notes.clone(),
    };
    let run = store.import_advisories(&snapshot, run).await?;
    progress.advance(snapshot.rows);
    progress.finish();
    Ok(run)
}

/// Loads every bundled file, older snapshot first, when the store has no advisories at all.
pub async fn load_bundled_advisories(
    store: &dyn Store,
    progress: &dyn Progress,
) -> Result<Vec<ImportRun>, SeedError> {
    if !store.advisory_snapshots().await?.is_empty() {
        return Ok(Vec::new());
    }
    let mut runs = Vec::new();
    for (source, taken, file) in BUNDLED_ADVISORIES {
        runs.push(load_advisories(store, *source, *file, taken, progress).await?);
    }
    Ok(runs)
}
