//! Which organizations a country is or was in: `/countries/{code}/organizations`, with its
//! standing now, the years of each spell and the name it is listed under there; and `/taiwan`,
//! a short path to Taiwan's.
//!
//! Rules: the code is read as on the country page (other cases redirect to upper case, a code
//! that is not a country is the not-found page). `status`, `type` and `sort` take the values
//! the form offers; another value is named on the page with status 400. "Current" means a
//! standing this year, including one the data last recorded in 2014 and nothing has ended.

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use minijinja::context;
use serde::Serialize;

use super::context::PageCtx;
use super::home::country_name;
use super::org_view::{
    ROC, SpellView, choices, fill, kind_choices, kind_labels, not_recorded, org_href, org_names,
    read_param, spell_view, status_label, values, when,
};
use super::port_query::BadParam;
use super::render::{Failure, failure, render};
use crate::countries::CountryCode;
use crate::orgs::{Catalogue, MemberStatus, OrgKind, Organization, When};
use crate::web::AppState;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Order {
    #[default]
    Status,
    Name,
    Start,
}

impl Order {
    const CHOICES: [(&'static str, &'static str); 3] = [
        ("status", "orgs.participation.sort_status"),
        ("name", "orgs.participation.sort_name"),
        ("start", "orgs.participation.sort_start"),
    ];

    fn parse(text: &str) -> Option<Self> {
        match text {
            "status" => Some(Order::Status),
            "name" => Some(Order::Name),
            "start" => Some(Order::Start),
            _ => None,
        }
    }
}

/// The page's request as the query states it; `current` is `None` for current and former.
#[derive(Debug, Default, PartialEq)]
struct Query {
    current: Option<bool>,
    kind: Option<OrgKind>,
    order: Order,
    /// The values as given, for the form.
    status_code: &'static str,
    sort_code: &'static str,
}

fn parse(ctx: &PageCtx) -> Result<Query, Vec<BadParam>> {
    let mut bad = Vec::new();
    let status = read_param(
        ctx,
        "status",
        |text| match text {
            "all" => Some(("all", None)),
            "current" => Some(("current", Some(true))),
            "former" => Some(("former", Some(false))),
            _ => None,
        },
        &mut bad,
    );
    let order = read_param(ctx, "sort", Order::parse, &mut bad).unwrap_or_default();
    let query = Query {
        current: status.and_then(|(_, current)| current),
        kind: read_param(ctx, "type", OrgKind::parse, &mut bad),
        order,
        status_code: status.map_or("all", |(code, _)| code),
        sort_code: Order::CHOICES
            .iter()
            .find(|(code, _)| Order::parse(code) == Some(order))
            .map_or("status", |(code, _)| code),
    };
    if bad.is_empty() { Ok(query) } else { Err(bad) }
}

/// A name the country is listed under in one organization.
#[derive(Debug, Serialize)]
struct NameView {
    name: String,
    other_name: Option<String>,
    start: Option<String>,
    end: Option<String>,
}

#[derive(Debug, Serialize)]
struct Row {
    abbr: String,
    href: String,
    name: String,
    other_name: Option<String>,
    kinds: Vec<String>,
    now: Option<String>,
    not_recorded: Option<String>,
    spells: Vec<SpellView>,
    names: Vec<NameView>,
}

/// A row and what it sorts by: the standing now (none last), and the first spell's start.
struct Sorted {
    row: Row,
    standing: Option<(bool, MemberStatus)>,
    start: Option<When>,
}

fn row(catalogue: &Catalogue, ctx: &PageCtx, org: &Organization, party: &str) -> Sorted {
    let (name, other_name) = org_names(catalogue, org, ctx.lang);
    let standing = catalogue.standing_now(org.id, party);
    let spells = catalogue.spells_of(org.id, party);
    let names = catalogue
        .names_used(org.id, party)
        .into_iter()
        .filter(|statement| statement.counts())
        .map(|statement| {
            let (name, other_name) = values(statement, ctx.lang);
            NameView {
                name: name.unwrap_or_default(),
                other_name,
                start: when(statement.start),
                end: when(statement.end),
            }
        })
        .collect();
    Sorted {
        standing: standing.as_ref().map(|s| (!s.recorded, s.status)),
        start: spells.first().map(|spell| spell.start),
        row: Row {
            abbr: org.abbr.clone(),
            href: org_href(ctx, org),
            name,
            other_name,
            kinds: kind_labels(ctx.lang, &org.kinds),
            now: standing.as_ref().map(|s| status_label(ctx.lang, s.status)),
            not_recorded: standing
                .and_then(|s| s.last_recorded)
                .map(|year| not_recorded(ctx.lang, year)),
            spells: spells
                .into_iter()
                .map(|spell| spell_view(catalogue, org, spell, ctx.lang))
                .collect(),
            names,
        },
    }
}

fn rows(catalogue: &Catalogue, ctx: &PageCtx, party: &str, query: &Query) -> Vec<Row> {
    let mut sorted: Vec<Sorted> = catalogue
        .organizations_of(party)
        .into_iter()
        .filter(|org| query.kind.is_none_or(|kind| org.kinds.contains(&kind)))
        .map(|org| row(catalogue, ctx, org, party))
        .filter(|item| {
            query
                .current
                .is_none_or(|current| item.standing.is_some() == current)
        })
        .collect();
    let name = |item: &Sorted| item.row.name.to_lowercase();
    match query.order {
        Order::Status => {
            sorted.sort_by_key(|item| (item.standing.is_none(), item.standing, name(item)))
        }
        Order::Name => sorted.sort_by_key(name),
        Order::Start => sorted.sort_by_key(|item| (item.start.is_none(), item.start, name(item))),
    }
    sorted.into_iter().map(|item| item.row).collect()
}

pub async fn page(
    State(state): State<AppState>,
    ctx: PageCtx,
    code: Result<Path<String>, PathRejection>,
) -> Response {
    let Some((code, raw)) = code
        .ok()
        .and_then(|Path(raw)| Some((CountryCode::parse(&raw)?, raw)))
    else {
        return failure(&ctx, Failure::NotFound);
    };
    if raw != code.as_str() {
        let canonical = ctx.href_with_query(&format!("/countries/{code}/organizations"));
        return Redirect::permanent(&canonical).into_response();
    }
    let derived = state.derived();
    let Some(country) = derived.country(&code) else {
        return failure(&ctx, Failure::NotFound);
    };

    let (status, query, errors) = match parse(&ctx) {
        Ok(query) => (StatusCode::OK, query, Vec::new()),
        Err(errors) => (StatusCode::BAD_REQUEST, Query::default(), errors),
    };
    let organizations = if errors.is_empty() {
        rows(&derived.orgs, &ctx, code.as_str(), &query)
    } else {
        Vec::new()
    };
    let name = country_name(country, ctx.lang.is_zh());
    let taiwan = code.as_str() == ROC;
    let (title, intro) = if taiwan {
        (
            ctx.lang.text("orgs.participation.taiwan_title").to_owned(),
            ctx.lang.text("orgs.participation.taiwan_intro").to_owned(),
        )
    } else {
        (
            fill(ctx.lang, "orgs.participation.title", "country", name),
            fill(ctx.lang, "orgs.participation.intro", "country", name),
        )
    };
    let lang = ctx.lang;
    let form = context! {
        statuses => choices(lang, &[
            ("all", "orgs.participation.status_all"),
            ("current", "orgs.participation.status_current"),
            ("former", "orgs.participation.status_former"),
        ], query.status_code),
        kinds => kind_choices(lang, query.kind),
        sorts => choices(lang, &Order::CHOICES, query.sort_code),
    };
    let page = context! {
        title,
        intro,
        taiwan,
        country => context! { name, code => code.as_str(), href => ctx.href(&format!("/countries/{code}")) },
        action => ctx.href(&format!("/countries/{code}/organizations")),
        form,
        errors,
        organizations,
    };
    render(&ctx, status, "participation.html", page)
}

/// `/taiwan`: a short path to Taiwan's participation, in the same language, query kept.
pub async fn taiwan(ctx: PageCtx) -> Response {
    Redirect::temporary(&ctx.href_with_query("/countries/TW/organizations")).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(uri: &str) -> PageCtx {
        PageCtx::from_uri(&uri.parse().unwrap())
    }

    #[test]
    fn filters_read_from_the_query() {
        let query = parse(&ctx(
            "/countries/TW/organizations?status=current&type=economic&sort=name",
        ))
        .unwrap();
        assert_eq!(query.current, Some(true));
        assert_eq!(query.kind, Some(OrgKind::Economic));
        assert_eq!(query.order, Order::Name);
        assert_eq!((query.status_code, query.sort_code), ("current", "name"));
        assert_eq!(
            parse(&ctx("/countries/TW/organizations")).unwrap().current,
            None
        );
    }

    #[test]
    fn bad_values_are_named_by_parameter() {
        let errors = parse(&ctx("/countries/TW/organizations?status=now&sort=size")).unwrap_err();
        let params: Vec<&str> = errors.iter().map(|bad| bad.param).collect();
        assert_eq!(params, ["status", "sort"]);
    }
}
