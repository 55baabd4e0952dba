//! A port's page: names, place, every World Port Index attribute in words, what consular
//! officers need, a map, and the nearest other ports.
//!
//! Rules: the id in the URL is the World Port Index number written plainly; other spellings
//! of a number redirect there, and anything else is the not-found page.

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::context;
use serde::Serialize;

use super::attributes;
use super::context::PageCtx;
use super::format;
use super::home::country_name;
use super::map::MapData;
use super::ports::size_label;
use super::render::{Failure, failure, render, store_failure};
use crate::ports::{Port, PortId, nearest};
use crate::web::AppState;

/// How many nearest ports a page lists.
const NEAREST: usize = 10;

/// Reads a port number: ASCII digits only, at most what a `u32` holds.
fn parse_id(raw: &str) -> Option<u32> {
    if raw.is_empty() || !raw.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    raw.parse().ok()
}

#[derive(Debug, Serialize)]
struct Near {
    href: String,
    name: String,
    country: Option<String>,
    distance: String,
}

pub async fn page(
    State(state): State<AppState>,
    ctx: PageCtx,
    id: Result<Path<String>, PathRejection>,
) -> Response {
    let Some((id, raw)) = id.ok().and_then(|Path(raw)| Some((parse_id(&raw)?, raw))) else {
        return failure(&ctx, Failure::NotFound);
    };
    if raw != id.to_string() {
        let canonical = ctx.href_with_query(&format!("/ports/{id}"));
        return Redirect::permanent(&canonical).into_response();
    }
    let port = match state.store.port(PortId(id)).await {
        Ok(Some(port)) => port,
        Ok(None) => return failure(&ctx, Failure::NotFound),
        Err(error) => return store_failure(&ctx, &error),
    };

    let derived = state.derived();
    let zh = ctx.lang.is_zh();
    let country = port.country.as_ref().and_then(|code| derived.country(code));
    let near = nearest(&port, &derived.ports, NEAREST);

    let mut map = MapData::new(country);
    map.add(&port, ctx.lang, true);
    for (other, _) in &near {
        map.add(other, ctx.lang, false);
    }
    let near: Vec<Near> = near
        .iter()
        .map(|(other, km)| Near {
            href: ctx.href(&format!("/ports/{}", other.id)),
            name: other.display_name(zh).to_owned(),
            country: other
                .country
                .as_ref()
                .and_then(|code| derived.country(code))
                .map(|country| country_name(country, zh).to_owned()),
            distance: format::kilometres(ctx.lang, *km),
        })
        .collect();

    let page = context! {
        id,
        wpi_number => port.id.index_number(),
        name => port.display_name(zh),
        other_names => other_names(&port, zh),
        country => country.map(|country| context! {
            name => country_name(country, zh),
            href => ctx.href(&format!("/countries/{}", country.code)),
        }),
        country_text => Some(port.country_name.as_str()).filter(|name| !name.is_empty()),
        locode => port.locode,
        region => port.region,
        position => port.position.map(|position| format::position(ctx.lang, position)),
        size => port.harbor_size.map(|size| size_label(&ctx, size)),
        groups => attributes::groups(&port, ctx.lang),
        consular => attributes::consular(&port.consular, ctx.lang),
        nearest => near,
        map => map.is_useful().then_some(map),
    };
    render(&ctx, StatusCode::OK, "port.html", page)
}

/// Every name of a port other than the one shown, each once.
fn other_names(port: &Port, zh: bool) -> Vec<String> {
    let shown = port.display_name(zh);
    let mut names: Vec<String> = Vec::new();
    let all = port
        .names_zh
        .iter()
        .chain(std::iter::once(&port.name))
        .chain(&port.other_names);
    for name in all {
        let name = name.trim();
        if !name.is_empty() && name != shown && !names.iter().any(|seen| seen == name) {
            names.push(name.to_owned());
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_plain_numbers_are_ids() {
        assert_eq!(parse_id("57920"), Some(57920));
        assert_eq!(parse_id("057920"), Some(57920));
        assert_eq!(parse_id("+57920"), None);
        assert_eq!(parse_id("-1"), None);
        assert_eq!(parse_id(""), None);
        assert_eq!(parse_id("99999999999"), None);
        assert_eq!(parse_id("高雄"), None);
    }

    #[test]
    fn other_names_leave_out_the_shown_one() {
        let port = super::super::tests::kaohsiung();
        assert_eq!(other_names(&port, true), ["Kao-Hsiung", "Kaohsiung"]);
        assert_eq!(other_names(&port, false), ["高雄港", "Kaohsiung"]);
    }
}
