//! The home page with its one search box, and the search results page behind it.
//!
//! Rule: the search box is a plain GET form to `/search?q=`, so searching works without
//! JavaScript; `search.js` only adds suggestions as the reader types.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use minijinja::context;
use serde::Serialize;

use super::context::PageCtx;
use super::render::render;
use crate::countries::CountryCode;
use crate::search::Hit;
use crate::web::{AppState, Derived};

/// Results on the search page; more than a reader scans, fewer than a slow page.
const RESULTS: usize = 50;

/// Longer queries are cut to this many characters: no name is longer.
const MAX_QUERY_CHARS: usize = 200;

pub async fn home(ctx: PageCtx) -> Response {
    render(&ctx, StatusCode::OK, "home.html", context! {})
}

/// One search result, ready to show.
#[derive(Debug, Serialize)]
struct ResultView {
    href: String,
    name: String,
    /// The name in the other language, when it differs.
    other_name: Option<String>,
    kind: &'static str,
    /// The country a port is in, in the page's language.
    country: Option<String>,
}

pub async fn search(State(state): State<AppState>, ctx: PageCtx) -> Response {
    let query: String = ctx
        .param("q")
        .unwrap_or_default()
        .chars()
        .take(MAX_QUERY_CHARS)
        .collect();
    let derived = state.derived();
    let results: Vec<ResultView> = if query.is_empty() {
        Vec::new()
    } else {
        derived
            .search
            .search(&query, RESULTS)
            .iter()
            .map(|hit| result_view(&ctx, &derived, hit))
            .collect()
    };
    let page = context! { query, results };
    render(&ctx, StatusCode::OK, "search.html", page)
}

fn result_view(ctx: &PageCtx, derived: &Derived, hit: &Hit) -> ResultView {
    let (name, other) = if ctx.lang.is_zh() {
        (&hit.name_zh, &hit.name_en)
    } else {
        (&hit.name_en, &hit.name_zh)
    };
    let (name, other) = if name.trim().is_empty() {
        (other, name)
    } else {
        (name, other)
    };
    let (kind, collection) = hit.kind.names();
    let path = format!("/{collection}/{}", hit.id);
    let country = hit
        .country
        .as_deref()
        .and_then(CountryCode::parse)
        .and_then(|code| derived.country(&code))
        .map(|country| country_name(country, ctx.lang.is_zh()).to_owned());
    ResultView {
        href: ctx.href(&path),
        name: name.clone(),
        other_name: (!other.trim().is_empty() && other != name).then(|| other.clone()),
        kind,
        country,
    }
}

/// A country's name in a language.
pub fn country_name(country: &crate::countries::Country, zh: bool) -> &str {
    if zh && !country.name_zh.is_empty() {
        &country.name_zh
    } else {
        &country.name_en
    }
}
