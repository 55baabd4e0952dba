//! `/api/v1/advisories…` and `/api/v1/countries/{code}/advisories`, served from the in-memory
//! board in JSON, CSV and XML.
//!
//! Each source is served from its current snapshot; a newer snapshot passed over as stale is
//! named on every row (`newer_stale_snapshot`), so a client always knows.

use axum::Router;
use axum::extract::rejection::PathRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::get;

use super::advisory_tables::{self, AdvisoryLine, ChangeLine};
use super::error::{ApiError, Detail};
use super::params::Params;
use super::{page_in_memory, paged, respond};
use crate::advisories::{Board, Level, Snapshot, Source, changes};
use crate::countries::CountryCode;
use crate::formats::Format;
use crate::web::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/api/v1/advisories", get(list))
        .route("/api/v1/advisories/sources", get(sources))
        .route("/api/v1/advisories/snapshots", get(snapshots))
        .route("/api/v1/advisories/changes", get(change_list))
        .route("/api/v1/advisories/disagreements", get(disagreements))
        .route("/api/v1/advisories/agreement", get(agreement))
        .route("/api/v1/countries/{code}/advisories", get(country))
}

const SOURCE_CODES: [&str; 6] = ["tw", "us", "ca", "uk", "au", "ie"];

fn source_param(params: &Params) -> Result<Option<Source>, ApiError> {
    Ok(params
        .choice("source", &SOURCE_CODES)?
        .and_then(Source::parse))
}

/// Every source's current advisories, by source (Taiwan first) and country.
async fn list(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let params = Params::parse(
        query.as_deref(),
        &["source", "country", "level", "cursor", "limit"],
    )?;
    let format = params.format(&headers, &Format::TABULAR)?;
    let only = source_param(&params)?;
    let country = params
        .one("country")?
        .map(|text| {
            CountryCode::parse(text).ok_or_else(|| ApiError::bad("country", "country_code"))
        })
        .transpose()?;
    let level = params.choice("level", &["1", "2", "3", "4", "none"])?;
    let (limit, after) = (params.limit()?, params.cursor()?);

    let derived = state.derived();
    let board = &derived.advisories;
    let mut lines = Vec::new();
    for (index, source) in Source::ALL.into_iter().enumerate() {
        if only.is_some_and(|only| only != source) {
            continue;
        }
        let status = board.status(source);
        let Some(snapshot) = status.current else {
            continue;
        };
        for advisory in &snapshot.advisories {
            if country.as_ref().is_some_and(|c| c != &advisory.country) {
                continue;
            }
            let wanted = match level {
                None => true,
                Some("none") => advisory.level.is_none(),
                Some(n) => advisory.level.map(|l| l.number().to_string()).as_deref() == Some(n),
            };
            if !wanted {
                continue;
            }
            let taiwan = board
                .current(Source::Taiwan, &advisory.country)
                .and_then(|a| a.level);
            lines.push((
                format!("{index}/{}", advisory.country),
                AdvisoryLine {
                    source,
                    country: advisory.country.as_str(),
                    advisory: Some(advisory),
                    snapshot: Some(snapshot),
                    newer_stale: status.stale,
                    flag: source != Source::Taiwan && far_apart(taiwan, advisory.level),
                },
            ));
        }
    }
    let total = lines.len() as u64;
    let (page, next) = page_in_memory(lines, |(key, _)| key.clone(), after.as_ref(), limit);
    let listing = paged(
        advisory_tables::advisories(&derived, page.into_iter().map(|(_, line)| line)),
        total,
        limit,
        ("/api/v1/advisories", query.as_deref()),
        next,
    );
    Ok(respond::listing(&listing, format, params.flag("bom")?))
}

fn far_apart(taiwan: Option<Level>, other: Option<Level>) -> bool {
    matches!((taiwan, other), (Some(t), Some(o)) if t.steps(o) >= crate::advisories::FLAG_STEPS)
}

/// One line per source for a country, Taiwan first; a source that does not cover the country
/// has a line with no advisory.
async fn country(
    State(state): State<AppState>,
    code: Result<Path<String>, PathRejection>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let Ok(Path(code)) = code else {
        return Err(ApiError::NotFound);
    };
    let params = Params::parse(query.as_deref(), &[])?;
    let format = params.format(&headers, &Format::TABULAR)?;
    let derived = state.derived();
    let code = CountryCode::parse(&code).ok_or(ApiError::NotFound)?;
    let country = derived.country(&code).ok_or(ApiError::NotFound)?;
    let rows = derived.advisories.country(&country.code);
    let lines = rows
        .iter()
        .map(|row| AdvisoryLine::from_row(country.code.as_str(), row));
    let table = advisory_tables::advisories(&derived, lines);
    let listing = crate::formats::Listing {
        total: table.rows.len() as u64,
        table,
        limit: None,
        next_cursor: None,
        next_url: None,
    };
    Ok(respond::listing(&listing, format, params.flag("bom")?))
}

/// Each source: what it is served from, a newer stale snapshot, and its level counts.
async fn sources(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let params = Params::parse(query.as_deref(), &[])?;
    let format = params.format(&headers, &Format::TABULAR)?;
    let derived = state.derived();
    let table = advisory_tables::sources(&derived.advisories);
    Ok(respond::listing(&whole(table), format, params.flag("bom")?))
}

/// Every snapshot kept, with its status, the destinations it could not map, and its notes.
async fn snapshots(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let params = Params::parse(query.as_deref(), &["source", "cursor", "limit"])?;
    let format = params.format(&headers, &Format::TABULAR)?;
    let source = source_param(&params)?;
    let (limit, after) = (params.limit()?, params.cursor()?);
    let derived = state.derived();
    let board = &derived.advisories;
    let mut matching: Vec<&Snapshot> = board
        .snapshots()
        .iter()
        .filter(|s| source.is_none_or(|source| s.source == source))
        .collect();
    matching.sort_by_key(|s| s.id);
    let total = matching.len() as u64;
    let key = |s: &&Snapshot| format!("{:012}", s.id);
    let (page, next) = page_in_memory(matching, key, after.as_ref(), limit);
    let listing = paged(
        advisory_tables::snapshots(board, page),
        total,
        limit,
        ("/api/v1/advisories/snapshots", query.as_deref()),
        next,
    );
    Ok(respond::listing(&listing, format, params.flag("bom")?))
}

/// The pairs of snapshots to compare: with `from` and `to` (days taken), those two of the
/// source; otherwise, for each source (or the one asked for), its current snapshot against
/// the one before it.
pub fn snapshot_pairs<'a>(
    board: &'a Board,
    source: Option<Source>,
    from: Option<&str>,
    to: Option<&str>,
) -> Result<Vec<(&'a Snapshot, &'a Snapshot)>, ApiError> {
    if from.is_some() || to.is_some() {
        let source = source.ok_or_else(|| ApiError::bad("source", "source_needed"))?;
        let days: Vec<&str> = board
            .snapshots_of(source)
            .map(|s| s.taken.as_str())
            .collect();
        let find = |name: &'static str, day: Option<&str>| -> Result<&'a Snapshot, ApiError> {
            let day = day.ok_or_else(|| {
                ApiError::bad(
                    name,
                    Detail::new("snapshot_day").arg("choices", days.join(", ")),
                )
            })?;
            board
                .snapshots_of(source)
                .find(|s| s.taken == day)
                .ok_or_else(|| {
                    ApiError::bad(
                        name,
                        Detail::new("snapshot_day").arg("choices", days.join(", ")),
                    )
                })
        };
        return Ok(vec![(find("from", from)?, find("to", to)?)]);
    }
    let sources: Vec<Source> = match source {
        Some(source) => vec![source],
        None => Source::ALL.to_vec(),
    };
    Ok(sources
        .into_iter()
        .filter_map(|source| {
            let current = board.status(source).current?;
            let before = board
                .snapshots_of(source)
                .rev()
                .find(|s| s.taken < current.taken && !s.stale)?;
            Some((before, current))
        })
        .collect())
}

/// What changed between two snapshots of a source.
async fn change_list(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let params = Params::parse(
        query.as_deref(),
        &["source", "from", "to", "kind", "cursor", "limit"],
    )?;
    let format = params.format(&headers, &Format::TABULAR)?;
    let source = source_param(&params)?;
    let kinds = [
        "raised",
        "lowered",
        "level_given",
        "level_withdrawn",
        "added",
        "removed",
        "renamed",
        "coverage_changed",
        "level",
    ];
    let kind = params.choice("kind", &kinds)?;
    let (limit, after) = (params.limit()?, params.cursor()?);
    let derived = state.derived();
    let pairs = snapshot_pairs(
        &derived.advisories,
        source,
        params.one("from")?,
        params.one("to")?,
    )?;
    let mut lines: Vec<(String, ChangeLine)> = Vec::new();
    for (from, to) in pairs {
        for change in changes(from, to) {
            let wanted = match kind {
                None => true,
                Some("level") => change.kind.is_level_change(),
                Some(kind) => change.kind.code() == kind,
            };
            if wanted {
                let key = format!("{:012}/{}", to.id, change.country);
                lines.push((key, ChangeLine { from, to, change }));
            }
        }
    }
    lines.sort_by(|a, b| a.0.cmp(&b.0));
    let total = lines.len() as u64;
    let (page, next) = page_in_memory(lines, |(key, _)| key.clone(), after.as_ref(), limit);
    let listing = paged(
        advisory_tables::changes(page.into_iter().map(|(_, line)| line).collect()),
        total,
        limit,
        ("/api/v1/advisories/changes", query.as_deref()),
        next,
    );
    Ok(respond::listing(&listing, format, params.flag("bom")?))
}

/// Every source's line for each country where Taiwan is two steps or more from another.
async fn disagreements(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let params = Params::parse(query.as_deref(), &["cursor", "limit"])?;
    let format = params.format(&headers, &Format::TABULAR)?;
    let (limit, after) = (params.limit()?, params.cursor()?);
    let derived = state.derived();
    let board = &derived.advisories;
    let flagged = board.disagreements();
    let mut lines = Vec::new();
    for disagreement in &flagged {
        let code = disagreement.country.as_str();
        for (index, row) in board.country(disagreement.country).iter().enumerate() {
            if row.advisory.is_some() {
                lines.push((format!("{code}/{index}"), AdvisoryLine::from_row(code, row)));
            }
        }
    }
    let total = lines.len() as u64;
    let (page, next) = page_in_memory(lines, |(key, _)| key.clone(), after.as_ref(), limit);
    let listing = paged(
        advisory_tables::advisories(&derived, page.into_iter().map(|(_, line)| line)),
        total,
        limit,
        ("/api/v1/advisories/disagreements", query.as_deref()),
        next,
    );
    Ok(respond::listing(&listing, format, params.flag("bom")?))
}

/// How often each pair of sources gives the same level.
async fn agreement(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let params = Params::parse(query.as_deref(), &[])?;
    let format = params.format(&headers, &Format::TABULAR)?;
    let derived = state.derived();
    let table = advisory_tables::agreement(&derived.advisories.agreement());
    Ok(respond::listing(&whole(table), format, params.flag("bom")?))
}

fn whole(table: crate::formats::Table<'_>) -> crate::formats::Listing<'_> {
    crate::formats::Listing {
        total: table.rows.len() as u64,
        table,
        limit: None,
        next_cursor: None,
        next_url: None,
    }
}
