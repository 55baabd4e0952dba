//! The list of international organizations: filters and order as a plain GET form.
//!
//! Rules: the list is read from the query alone, so a filtered list is a permalink. `type`,
//! `alive` and `sort` take the values the form offers and nothing else: another value is a
//! page that names the parameter, with status 400. `q` takes any text and matches it inside
//! names and abbreviations, folded as search folds it (case, width, 台/臺).

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use minijinja::context;
use serde::Serialize;

use super::context::PageCtx;
use super::org_view::{choices, kind_choices, kind_labels, org_href, org_names, read_param};
use super::port_query::BadParam;
use super::render::render;
use crate::i18n::Lang;
use crate::orgs::{Catalogue, OrgKind, Organization};
use crate::text::normalise;
use crate::web::AppState;

/// The longest `q` read; no name is longer.
const MAX_QUERY_CHARS: usize = 200;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
enum Order {
    #[default]
    Abbr,
    Name,
    Founded,
}

impl Order {
    const CHOICES: [(&'static str, &'static str); 3] = [
        ("abbr", "orgs.list.sort_abbr"),
        ("name", "orgs.list.sort_name"),
        ("founded", "orgs.list.sort_founded"),
    ];

    fn parse(text: &str) -> Option<Self> {
        match text {
            "abbr" => Some(Order::Abbr),
            "name" => Some(Order::Name),
            "founded" => Some(Order::Founded),
            _ => None,
        }
    }

    fn code(self) -> &'static str {
        match self {
            Order::Abbr => "abbr",
            Order::Name => "name",
            Order::Founded => "founded",
        }
    }
}

/// The list's request as the query states it.
#[derive(Debug, Default, PartialEq)]
struct ListQuery {
    kind: Option<OrgKind>,
    alive: Option<bool>,
    text: String,
    order: Order,
}

fn parse(ctx: &PageCtx) -> Result<ListQuery, Vec<BadParam>> {
    let mut bad = Vec::new();
    let query = ListQuery {
        kind: read_param(ctx, "type", OrgKind::parse, &mut bad),
        alive: read_param(ctx, "alive", |text| text.parse().ok(), &mut bad),
        text: ctx
            .param("q")
            .unwrap_or_default()
            .chars()
            .take(MAX_QUERY_CHARS)
            .collect(),
        order: read_param(ctx, "sort", Order::parse, &mut bad).unwrap_or_default(),
    };
    if bad.is_empty() { Ok(query) } else { Err(bad) }
}

/// One organization as a row of the list.
#[derive(Debug, Serialize)]
struct OrgRow {
    abbr: String,
    href: String,
    name: String,
    other_name: Option<String>,
    kinds: Vec<String>,
    founded: Option<i32>,
    ended: Option<i32>,
}

fn matches(catalogue: &Catalogue, org: &Organization, query: &ListQuery, needle: &str) -> bool {
    let kind = query.kind.is_none_or(|kind| org.kinds.contains(&kind));
    let alive = query.alive.is_none_or(|alive| org.ended.is_none() == alive);
    let text = needle.is_empty()
        || [
            Some(org.abbr.as_str()),
            Some(catalogue.name_en(org)),
            catalogue.name_zh(org.id),
        ]
        .into_iter()
        .flatten()
        .any(|name| normalise(name).contains(needle));
    kind && alive && text
}

fn rows(catalogue: &Catalogue, ctx: &PageCtx, query: &ListQuery) -> Vec<OrgRow> {
    let needle = normalise(&query.text);
    let mut rows: Vec<OrgRow> = catalogue
        .organizations()
        .iter()
        .filter(|org| matches(catalogue, org, query, &needle))
        .map(|org| {
            let (name, other_name) = org_names(catalogue, org, ctx.lang);
            OrgRow {
                abbr: org.abbr.clone(),
                href: org_href(ctx, org),
                name,
                other_name,
                kinds: kind_labels(ctx.lang, &org.kinds),
                founded: org.founded,
                ended: org.ended,
            }
        })
        .collect();
    match query.order {
        Order::Abbr => rows.sort_by_key(|row| row.abbr.to_lowercase()),
        Order::Name => rows.sort_by_key(|row| (row.name.to_lowercase(), row.abbr.to_lowercase())),
        Order::Founded => {
            rows.sort_by_key(|row| (row.founded.is_none(), row.founded, row.abbr.to_lowercase()))
        }
    }
    rows
}

/// The filter form with the query's values chosen.
fn form(lang: Lang, query: &ListQuery) -> minijinja::Value {
    let alive = match query.alive {
        None => "",
        Some(true) => "true",
        Some(false) => "false",
    };
    context! {
        q => query.text,
        kinds => kind_choices(lang, query.kind),
        alive => choices(lang, &[
            ("", "orgs.list.alive_any"),
            ("true", "orgs.list.alive_true"),
            ("false", "orgs.list.alive_false"),
        ], alive),
        sorts => choices(lang, &Order::CHOICES, query.order.code()),
    }
}

pub async fn list(State(state): State<AppState>, ctx: PageCtx) -> Response {
    let derived = state.derived();
    let catalogue = &derived.orgs;
    let (status, query, errors) = match parse(&ctx) {
        Ok(query) => (StatusCode::OK, query, Vec::new()),
        Err(errors) => (StatusCode::BAD_REQUEST, ListQuery::default(), errors),
    };
    let rows = if errors.is_empty() {
        rows(catalogue, &ctx, &query)
    } else {
        Vec::new()
    };
    let page = context! {
        form => form(ctx.lang, &query),
        errors,
        organizations => rows,
        all => catalogue.organizations().len(),
    };
    render(&ctx, status, "organizations.html", page)
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
            "/organizations?type=economic&alive=true&q=Trade&sort=founded",
        ))
        .unwrap();
        assert_eq!(query.kind, Some(OrgKind::Economic));
        assert_eq!(query.alive, Some(true));
        assert_eq!(query.text, "Trade");
        assert_eq!(query.order, Order::Founded);
    }

    #[test]
    fn bad_values_are_named_by_parameter() {
        let errors =
            parse(&ctx("/organizations?type=military&alive=yes&sort=size&q=x")).unwrap_err();
        let params: Vec<&str> = errors.iter().map(|bad| bad.param).collect();
        assert_eq!(params, ["type", "alive", "sort"]);
        assert_eq!(errors[0].value, "military");
    }
}
