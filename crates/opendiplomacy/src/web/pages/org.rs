//! An organization's page: its names and facts, the standing of the Republic of China and of
//! the People's Republic over time, its members now or in a chosen year, a map of them, and
//! every statement beyond the Correlates of War membership years with its source.
//!
//! Rules: the address is the abbreviation as the data spells it; another case, or the
//! organization's number, redirects there, and anything else is the not-found page. `year`
//! takes a year from 1815 (the data's first) to this one; another value is named on the page
//! with status 400.

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::context;
use serde::Serialize;

use super::context::PageCtx;
use super::map::MapData;
use super::org_history::{history, sources};
use super::org_view::{
    PartyView, fill, kind_labels, not_recorded, org_href, org_names, org_path, party_view,
    read_param, status_label, value_in,
};
use super::port_query::BadParam;
use super::render::{Failure, failure, render};
use crate::i18n::Lang;
use crate::orgs::{Catalogue, LAST_YEAR, Organization, Property};
use crate::web::AppState;

/// The first year of the Correlates of War data.
const FIRST_YEAR: i32 = 1815;

#[derive(Debug, Serialize)]
struct Link {
    href: String,
    name: String,
}

#[derive(Debug, Serialize)]
struct Charter {
    name: String,
    signed: Option<String>,
}

/// The organization's own facts.
#[derive(Debug, Serialize)]
struct Facts {
    abbr: String,
    name: String,
    other_name: Option<String>,
    name_zh: Option<String>,
    name_en: String,
    kinds: Vec<String>,
    founded: Option<i32>,
    ended: Option<i32>,
    parent: Option<Link>,
    organs: Vec<Link>,
    headquarters: Option<String>,
    charter: Option<Charter>,
    data_until: Option<i32>,
}

fn link(catalogue: &Catalogue, ctx: &PageCtx, org: &Organization) -> Link {
    Link {
        href: org_href(ctx, org),
        name: org_names(catalogue, org, ctx.lang).0,
    }
}

fn facts(catalogue: &Catalogue, ctx: &PageCtx, org: &Organization) -> Facts {
    let (name, other_name) = org_names(catalogue, org, ctx.lang);
    let charter = catalogue.best(org.id, Property::Charter).map(|s| Charter {
        name: value_in(ctx.lang, s).unwrap_or_default(),
        signed: s
            .start
            .map(|date| fill(ctx.lang, "orgs.org.signed", "date", &date.to_string())),
    });
    Facts {
        abbr: org.abbr.clone(),
        name,
        other_name,
        name_zh: catalogue.name_zh(org.id).map(str::to_owned),
        name_en: catalogue.name_en(org).to_owned(),
        kinds: kind_labels(ctx.lang, &org.kinds),
        founded: org.founded,
        ended: org.ended,
        parent: org
            .parent
            .and_then(|id| catalogue.organization(id))
            .map(|parent| link(catalogue, ctx, parent)),
        organs: catalogue
            .organizations()
            .iter()
            .filter(|organ| organ.parent == Some(org.id))
            .map(|organ| link(catalogue, ctx, organ))
            .collect(),
        headquarters: catalogue
            .best(org.id, Property::Headquarters)
            .and_then(|s| value_in(ctx.lang, s)),
        charter,
        data_until: org.data_until,
    }
}

#[derive(Debug, Serialize)]
struct MemberRow {
    party: PartyView,
    status: String,
    not_recorded: Option<String>,
}

/// The members in `year`, in the order the country list uses, and the map of them.
fn members(
    catalogue: &Catalogue,
    ctx: &PageCtx,
    org: &Organization,
    year: i32,
) -> (Vec<MemberRow>, MapData) {
    let mut map = MapData::new(None);
    let mut rows: Vec<MemberRow> = catalogue
        .members_in(org.id, year)
        .into_iter()
        .map(|standing| {
            let party = party_view(catalogue, ctx, &standing.party);
            let status = status_label(ctx.lang, standing.status);
            let numeric = catalogue
                .party(&standing.party)
                .and_then(|p| p.numeric.as_deref());
            map.fill(numeric, &party.name, &status, standing.recorded);
            MemberRow {
                party,
                status,
                not_recorded: standing
                    .last_recorded
                    .map(|year| not_recorded(ctx.lang, year)),
            }
        })
        .collect();
    match ctx.lang {
        Lang::En => rows.sort_by_key(|row| row.party.name.to_lowercase()),
        Lang::ZhTw => rows.sort_by(|a, b| a.party.key.cmp(&b.party.key)),
    }
    (rows, map)
}

pub async fn page(
    State(state): State<AppState>,
    ctx: PageCtx,
    key: Result<Path<String>, PathRejection>,
) -> Response {
    let Ok(Path(raw)) = key else {
        return failure(&ctx, Failure::NotFound);
    };
    let derived = state.derived();
    let catalogue = &derived.orgs;
    let Some(org) = catalogue.find(&raw) else {
        return failure(&ctx, Failure::NotFound);
    };
    if raw != org.abbr {
        return Redirect::permanent(&ctx.href_with_query(&org_path(org))).into_response();
    }

    let now = catalogue.now();
    let mut errors: Vec<BadParam> = Vec::new();
    let chosen = read_param(
        &ctx,
        "year",
        |text| text.parse().ok().filter(|y| (FIRST_YEAR..=now).contains(y)),
        &mut errors,
    );
    let year = chosen.unwrap_or(now);
    let status = if errors.is_empty() {
        StatusCode::OK
    } else {
        StatusCode::BAD_REQUEST
    };
    let (members, map) = members(catalogue, &ctx, org, year);
    let page = context! {
        org => facts(catalogue, &ctx, org),
        href => org_href(&ctx, org),
        history => history(catalogue, &ctx, org),
        year,
        chosen,
        year_text => ctx.param("year").unwrap_or_default(),
        now,
        first_year => FIRST_YEAR,
        members,
        errors,
        map => (!map.fill.is_empty()).then_some(map),
        map_label => "orgs.org.map_label",
        last_year => org.data_until.unwrap_or(LAST_YEAR),
        sources => sources(catalogue, &ctx, org),
    };
    render(&ctx, status, "organization.html", page)
}
