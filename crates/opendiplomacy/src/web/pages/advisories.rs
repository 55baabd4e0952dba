//! The advisories pages: `/advisories` (map by source, the scale, disagreements, statistics),
//! `/countries/{code}/advisories` (every government side by side, Taiwan first) and
//! `/advisories/changes` (between two snapshots of a source).
//!
//! Rule: a level the source does not give is shown as "no level" or "not covered", never as
//! level 1, and a stale snapshot passed over is said so wherever its source appears.

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::context;
use serde::Serialize;

use super::context::PageCtx;
use super::home::country_name;
use super::map::MapData;
use super::render::{Failure, failure, render};
use crate::advisories::{Advisory, Board, Level, Snapshot, Source, SourceStatus, changes};
use crate::countries::{Country, CountryCode};
use crate::i18n::Lang;
use crate::web::{AppState, Derived};

/// The map colour of each level: BOCA's own gray, yellow, orange and red.
pub fn colour(level: Level) -> &'static str {
    match level {
        Level::One => "#9aa5b1",
        Level::Two => "#f2c94c",
        Level::Three => "#f2994a",
        Level::Four => "#d0312d",
    }
}

fn source_name(lang: Lang, source: Source) -> &'static str {
    message(lang, &format!("advisories.source.{}", source.code()))
}

fn level_label(lang: Lang, level: Option<Level>) -> &'static str {
    match level {
        Some(level) => message(lang, &format!("advisories.level.{}", level.number())),
        None => lang.text("advisories.level.none"),
    }
}

#[derive(Debug, Serialize)]
struct SourceView {
    code: &'static str,
    name: &'static str,
    selected: bool,
    current: Option<String>,
    stale: Option<StaleView>,
    unmapped: Vec<String>,
    /// `[no level, 1, 2, 3, 4]` in the current snapshot.
    counts: [u64; 5],
}

#[derive(Debug, Serialize)]
struct StaleView {
    taken: String,
    rows: u64,
    with: u64,
}

fn source_view(lang: Lang, board: &Board, source: Source, selected: Source) -> SourceView {
    let status = board.status(source);
    SourceView {
        code: source.code(),
        name: source_name(lang, source),
        selected: source == selected,
        current: status.current.map(|s| s.taken.clone()),
        stale: status.stale.map(|s| StaleView {
            taken: s.taken.clone(),
            rows: s.rows,
            with: s.rows_with_level,
        }),
        unmapped: status
            .current
            .map(|s| s.unmapped.clone())
            .unwrap_or_default(),
        counts: board.level_counts(source),
    }
}

#[derive(Debug, Serialize)]
struct LevelCell {
    n: Option<u8>,
    label: &'static str,
    words: Option<String>,
    regional: bool,
}

fn level_cell(lang: Lang, advisory: Option<&Advisory>) -> Option<LevelCell> {
    advisory.map(|a| LevelCell {
        n: a.level.map(Level::number),
        label: level_label(lang, a.level),
        words: a.source_words.clone(),
        regional: a.regional,
    })
}

#[derive(Debug, Serialize)]
struct CountryLine {
    code: String,
    href: String,
    name: String,
    level: Option<LevelCell>,
    taiwan: Option<LevelCell>,
    others: Vec<(&'static str, Option<LevelCell>)>,
}

/// `/advisories`: the overview.
pub async fn overview(State(state): State<AppState>, ctx: PageCtx) -> Response {
    let derived = state.derived();
    let board = &derived.advisories;
    let lang = ctx.lang;
    let asked = ctx.param("source");
    let chosen = asked.and_then(Source::parse).unwrap_or(Source::Taiwan);
    let bad_source = asked.is_some_and(|text| Source::parse(text).is_none());

    let mut map = MapData::new(None);
    let mut by_country = Vec::new();
    if let Some(snapshot) = board.status(chosen).current {
        for advisory in &snapshot.advisories {
            let Some(country) = derived.country(&advisory.country) else {
                continue;
            };
            if let Some(level) = advisory.level {
                map.colours
                    .insert(country.numeric.clone(), colour(level).to_owned());
            }
            by_country.push(line(&ctx, country, Some(advisory), None, Vec::new()));
        }
    }
    by_country.sort_by(|a, b| a.name.cmp(&b.name));

    let disagreements: Vec<CountryLine> = board
        .disagreements()
        .iter()
        .filter_map(|d| {
            let country = derived.country(d.country)?;
            let others = d
                .others
                .iter()
                .map(|o| (source_name(lang, o.source), level_cell(lang, Some(o))))
                .collect();
            Some(line(&ctx, country, None, Some(d.taiwan), others))
        })
        .collect();
    let agreement: Vec<_> = board
        .agreement()
        .into_iter()
        .filter(|p| p.compared > 0)
        .map(|p| {
            context! {
                a => source_name(lang, p.a),
                b => source_name(lang, p.b),
                compared => p.compared,
                same => p.same,
                within_one => p.within_one,
                percent => (p.same * 100 + p.compared / 2) / p.compared,
            }
        })
        .collect();
    let sources: Vec<SourceView> = Source::ALL
        .into_iter()
        .map(|source| source_view(lang, board, source, chosen))
        .collect();
    let page = context! {
        sources,
        chosen => chosen.code(),
        chosen_name => source_name(lang, chosen),
        bad_source,
        choices => Source::ALL.map(Source::code).join(", "),
        map => map.is_useful().then_some(map),
        by_country,
        disagreements,
        agreement,
        levels => [1, 2, 3, 4],
    };
    render(&ctx, StatusCode::OK, "advisories.html", page)
}

fn line(
    ctx: &PageCtx,
    country: &Country,
    advisory: Option<&Advisory>,
    taiwan: Option<&Advisory>,
    others: Vec<(&'static str, Option<LevelCell>)>,
) -> CountryLine {
    CountryLine {
        code: country.code.to_string(),
        href: ctx.href(&format!("/countries/{}/advisories", country.code)),
        name: country_name(country, ctx.lang.is_zh()).to_owned(),
        level: level_cell(ctx.lang, advisory),
        taiwan: level_cell(ctx.lang, taiwan),
        others,
    }
}

#[derive(Debug, Serialize)]
struct SideBySide {
    source: &'static str,
    name: &'static str,
    taiwan: bool,
    covered: bool,
    level: Option<u8>,
    level_label: &'static str,
    words: Option<String>,
    destination: Option<String>,
    published: Option<String>,
    published_utc: Option<String>,
    regional: bool,
    area: Option<String>,
    url: Option<String>,
    flagged: bool,
    taken: Option<String>,
    stale_taken: Option<String>,
    history: Vec<(String, String)>,
}

fn side_by_side(
    lang: Lang,
    board: &Board,
    code: &CountryCode,
    status: SourceStatus<'_>,
    advisory: Option<&Advisory>,
    flagged: bool,
) -> SideBySide {
    let source = status.source;
    let history = board
        .history(source, code)
        .map(|(snapshot, advisory)| {
            (
                snapshot.taken.clone(),
                history_label(lang, snapshot, advisory),
            )
        })
        .collect();
    SideBySide {
        source: source.code(),
        name: source_name(lang, source),
        taiwan: source == Source::Taiwan,
        covered: advisory.is_some(),
        level: advisory.and_then(|a| a.level).map(Level::number),
        level_label: match advisory {
            Some(a) => level_label(lang, a.level),
            None => lang.text("advisories.level.not_covered"),
        },
        words: advisory.and_then(|a| a.source_words.clone()),
        destination: advisory.map(|a| a.destination.clone()),
        published: advisory.and_then(|a| a.published.clone()),
        published_utc: advisory.and_then(|a| a.published_utc.clone()),
        regional: advisory.is_some_and(|a| a.regional),
        area: advisory.and_then(|a| a.area.clone()),
        url: advisory.and_then(|a| a.url.clone()),
        flagged,
        taken: status.current.map(|s| s.taken.clone()),
        stale_taken: status.stale.map(|s| s.taken.clone()),
        history,
    }
}

fn history_label(lang: Lang, snapshot: &Snapshot, advisory: Option<&Advisory>) -> String {
    let label = match advisory {
        Some(a) => level_label(lang, a.level),
        None => lang.text("advisories.level.not_covered"),
    };
    if snapshot.stale {
        format!("{label} ({})", lang.text("advisories.page.stale"))
    } else {
        label.to_owned()
    }
}

/// `/countries/{code}/advisories`: every government side by side, Taiwan first.
pub async fn country(
    State(state): State<AppState>,
    ctx: PageCtx,
    code: Result<Path<String>, axum::extract::rejection::PathRejection>,
) -> Response {
    let Ok(Path(raw)) = code else {
        return failure(&ctx, Failure::NotFound);
    };
    let Some(code) = CountryCode::parse(&raw) else {
        return failure(&ctx, Failure::NotFound);
    };
    if raw != code.as_str() {
        let canonical = ctx.href_with_query(&format!("/countries/{code}/advisories"));
        return Redirect::permanent(&canonical).into_response();
    }
    let derived: std::sync::Arc<Derived> = state.derived();
    let Some(country) = derived.country(&code) else {
        return failure(&ctx, Failure::NotFound);
    };
    let board = &derived.advisories;
    let rows: Vec<SideBySide> = board
        .country(&code)
        .iter()
        .map(|row| {
            side_by_side(
                ctx.lang,
                board,
                &code,
                row.status,
                row.advisory,
                row.flagged,
            )
        })
        .collect();
    let flagged = rows.iter().any(|row| row.flagged);
    let taiwan_level = rows.first().and_then(|row| row.level);
    let mut map = MapData::new(Some(country));
    if let Some(level) = taiwan_level.and_then(|n| Level::from_number(i64::from(n))) {
        map.colours
            .insert(country.numeric.clone(), colour(level).to_owned());
    }
    let page = context! {
        country => context! {
            code => country.code.as_str(),
            name => country_name(country, ctx.lang.is_zh()),
            href => ctx.href(&format!("/countries/{}", country.code)),
        },
        rows,
        flagged,
        taiwan_level,
        map => map.is_useful().then_some(map),
    };
    render(&ctx, StatusCode::OK, "country_advisories.html", page)
}

#[derive(Debug, Serialize)]
struct ChangeView {
    code: String,
    href: String,
    name: String,
    kind: &'static str,
    before: &'static str,
    after: &'static str,
    before_destination: Option<String>,
    after_destination: Option<String>,
    published: Option<String>,
}

/// `/advisories/changes?source=ca&from=2025-04-15&to=2026-08-22`: the differences between
/// two snapshots of a source; by default its current snapshot against the one before.
pub async fn change_page(State(state): State<AppState>, ctx: PageCtx) -> Response {
    let derived = state.derived();
    let board = &derived.advisories;
    let lang = ctx.lang;
    let asked = ctx.param("source");
    let source = asked.and_then(Source::parse).unwrap_or(Source::Canada);
    let bad_source = asked.is_some_and(|text| Source::parse(text).is_none());
    let days: Vec<String> = board
        .snapshots_of(source)
        .map(|s| s.taken.clone())
        .collect();
    let pick = |name: &str| {
        ctx.param(name)
            .map(|day| board.snapshots_of(source).find(|s| s.taken == day))
    };
    let (from, to, bad_dates) = match (pick("from"), pick("to")) {
        (None, None) => {
            let to = board.status(source).current;
            let from = to.and_then(|to| {
                board
                    .snapshots_of(source)
                    .rev()
                    .find(|s| s.taken < to.taken && !s.stale)
            });
            (from, to, false)
        }
        (Some(Some(from)), Some(Some(to))) => (Some(from), Some(to), false),
        _ => (None, None, true),
    };
    let list: Vec<ChangeView> = match (from, to) {
        (Some(from), Some(to)) => changes(from, to)
            .into_iter()
            .map(|c| {
                let country = derived.country(&c.country);
                ChangeView {
                    href: ctx.href(&format!("/countries/{}/advisories", c.country)),
                    name: country.map_or_else(
                        || c.country.to_string(),
                        |country| country_name(country, lang.is_zh()).to_owned(),
                    ),
                    code: c.country.to_string(),
                    kind: message(lang, &format!("advisories.changes.{}", c.kind.code())),
                    before: label_or_absent(lang, c.before_destination.is_some(), c.before),
                    after: label_or_absent(lang, c.after_destination.is_some(), c.after),
                    before_destination: c.before_destination,
                    after_destination: c.after_destination,
                    published: c.published,
                }
            })
            .collect(),
        _ => Vec::new(),
    };
    let page = context! {
        sources => Source::ALL.map(|s| context! { code => s.code(), name => source_name(lang, s), selected => s == source }),
        source => source.code(),
        source_name => source_name(lang, source),
        bad_source,
        bad_dates,
        choices => Source::ALL.map(Source::code).join(", "),
        days => days.join(", "),
        all_days => days,
        from => from.map(|s| s.taken.clone()),
        to => to.map(|s| s.taken.clone()),
        changes => list,
    };
    render(&ctx, StatusCode::OK, "advisory_changes.html", page)
}

fn label_or_absent(lang: Lang, covered: bool, level: Option<Level>) -> &'static str {
    if covered {
        level_label(lang, level)
    } else {
        lang.text("advisories.level.not_covered")
    }
}

/// A message of the catalogue that lives as long as the program; a missing key (which a test
/// rules out) reads as empty.
fn message(lang: Lang, key: &str) -> &'static str {
    lang.lookup(key).unwrap_or_default()
}
