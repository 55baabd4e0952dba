//! The country list and each country's page with its ports.
//!
//! Rules: a country's URL uses its ISO 3166-1 alpha-2 code in upper case; any other case
//! redirects there, and a code that is not a country is the not-found page.

use std::collections::HashMap;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::context;
use serde::Serialize;

use super::context::PageCtx;
use super::home::country_name;
use super::map::MapData;
use super::render::{Failure, failure, render};
use super::{format, ports};
use crate::countries::{Country, CountryCode};
use crate::i18n::Lang;
use crate::ports::Port;
use crate::web::AppState;

#[derive(Debug, Serialize)]
struct CountryRow {
    code: String,
    href: String,
    name: String,
    other_name: String,
    region: Option<String>,
    ports: usize,
}

pub async fn list(State(state): State<AppState>, ctx: PageCtx) -> Response {
    let derived = state.derived();
    let counts = port_counts(&derived.ports);
    let mut rows: Vec<CountryRow> = derived
        .countries
        .iter()
        .map(|country| CountryRow {
            code: country.code.to_string(),
            href: ctx.href(&format!("/countries/{}", country.code)),
            name: country_name(country, ctx.lang.is_zh()).to_owned(),
            other_name: country_name(country, !ctx.lang.is_zh()).to_owned(),
            region: country
                .region
                .as_deref()
                .map(|text| region_label(ctx.lang, text)),
            ports: counts.get(&country.code).copied().unwrap_or(0),
        })
        .collect();
    sort_rows(&mut rows, ctx.lang);
    render(
        &ctx,
        StatusCode::OK,
        "countries.html",
        context! { countries => rows },
    )
}

/// English readers find a country by its name; zh-TW has no one alphabetical order that
/// readers scan by, so the list keeps the order of the codes, shown beside each name.
fn sort_rows(rows: &mut [CountryRow], lang: Lang) {
    match lang {
        Lang::En => rows.sort_by_key(|row| row.name.to_lowercase()),
        Lang::ZhTw => rows.sort_by(|a, b| a.code.cmp(&b.code)),
    }
}

/// A region's name in a language: the data names regions in English (`South-Eastern Asia`),
/// and the catalogue has each as `ui.region.<name in snake case>`; a region it lacks is shown
/// as the data spells it.
fn region_label(lang: Lang, region: &str) -> String {
    let key: String = region
        .trim()
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '_'
            }
        })
        .collect();
    match lang.lookup(&format!("ui.region.{key}")) {
        Some(label) => label.to_owned(),
        None => region.to_owned(),
    }
}

pub fn port_counts(ports: &[Port]) -> HashMap<CountryCode, usize> {
    let mut counts = HashMap::new();
    for code in ports.iter().filter_map(|port| port.country.as_ref()) {
        *counts.entry(code.clone()).or_insert(0) += 1;
    }
    counts
}

pub async fn page(
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
        let canonical = ctx.href_with_query(&format!("/countries/{code}"));
        return Redirect::permanent(&canonical).into_response();
    }

    let derived = state.derived();
    let Some(country) = derived.country(&code) else {
        return failure(&ctx, Failure::NotFound);
    };
    let mut in_country: Vec<&Port> = derived
        .ports
        .iter()
        .filter(|port| port.country.as_ref() == Some(&code))
        .collect();
    in_country.sort_by_key(|port| port.display_name(ctx.lang.is_zh()).to_lowercase());

    let mut map = MapData::new(Some(country));
    for port in &in_country {
        map.add(port, ctx.lang, false);
    }
    let page = context! {
        country => view(country, &ctx),
        ports => in_country.iter().map(|port| ports::row(port, &ctx, &derived)).collect::<Vec<_>>(),
        downloads => ports::downloads(&format::query_string([("country", code.as_str())])),
        map => map.is_useful().then_some(map),
    };
    render(&ctx, StatusCode::OK, "country.html", page)
}

#[derive(Debug, Serialize)]
struct CountryView<'a> {
    code: &'a str,
    alpha3: &'a str,
    numeric: &'a str,
    name: &'a str,
    name_zh: &'a str,
    name_en: &'a str,
    other_names: &'a [String],
    region: Option<String>,
    subregion: Option<String>,
    capital: Option<&'a str>,
    calling_codes: &'a [String],
}

fn view<'a>(country: &'a Country, ctx: &PageCtx) -> CountryView<'a> {
    CountryView {
        code: country.code.as_str(),
        alpha3: &country.alpha3,
        numeric: &country.numeric,
        name: country_name(country, ctx.lang.is_zh()),
        name_zh: &country.name_zh,
        name_en: &country.name_en,
        other_names: &country.other_names,
        region: country
            .region
            .as_deref()
            .map(|text| region_label(ctx.lang, text)),
        subregion: country
            .subregion
            .as_deref()
            .map(|text| region_label(ctx.lang, text)),
        capital: country.capital.as_deref(),
        calling_codes: &country.calling_codes,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn regions_are_named_in_the_page_language() {
        assert_eq!(region_label(Lang::ZhTw, "South-Eastern Asia"), "東南亞");
        assert_eq!(region_label(Lang::En, "Eastern Asia"), "Eastern Asia");
        assert_eq!(region_label(Lang::ZhTw, "Atlantis"), "Atlantis");
    }
}
