//! The port list: filters as a plain GET form, cursor paging, and downloads of the same list.
//!
//! Rules: the filter is read from the query alone ([`super::port_query`]), so a filtered list
//! is a permalink and its downloads name the same filter for the Open API. A value that is not
//! understood is never dropped silently: the page says which parameter it was, with status 400.

use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use minijinja::context;
use serde::Serialize;

use super::attributes::facility_fields;
use super::context::PageCtx;
use super::home::country_name;
use super::port_query::{ListQuery, filter_query, parse};
use super::render::{render, store_failure};
use super::{countries, format};
use crate::ports::{HarborSize, Port};
use crate::store::{PageRequest, SortKey};
use crate::web::{AppState, Derived};

/// Ports on one page of the list.
const PAGE_SIZE: u32 = 50;

/// Links to the same list from the Open API, one per format.
#[derive(Debug, Serialize)]
pub struct Downloads {
    csv: String,
    excel: String,
    json: String,
    geojson: String,
}

/// A download takes the whole filtered list in one request, whatever page is on screen: the
/// largest page the API gives is larger than the whole port index.
pub fn downloads(filter_query: &str) -> Downloads {
    let limit = crate::store::PageRequest::MAX_LIMIT;
    let link = |format: &str| {
        let separator = if filter_query.is_empty() { "" } else { "&" };
        format!("/api/v1/ports?{filter_query}{separator}limit={limit}&format={format}")
    };
    Downloads {
        csv: link("csv"),
        excel: link("csv&bom=true"),
        json: link("json"),
        geojson: link("geojson"),
    }
}

/// One port as a row of a table.
#[derive(Debug, Serialize)]
pub struct PortRow {
    id: u32,
    href: String,
    name: String,
    /// The index's own name, when the row shows a Chinese one.
    index_name: Option<String>,
    country: Option<String>,
    country_href: Option<String>,
    locode: Option<String>,
    size: Option<String>,
}

pub fn row(port: &Port, ctx: &PageCtx, derived: &Derived) -> PortRow {
    let name = port.display_name(ctx.lang.is_zh());
    let country = port.country.as_ref().and_then(|code| derived.country(code));
    PortRow {
        id: port.id.0,
        href: ctx.href(&format!("/ports/{}", port.id)),
        name: name.to_owned(),
        index_name: (name != port.name).then(|| port.name.clone()),
        country: match country {
            Some(country) => Some(country_name(country, ctx.lang.is_zh()).to_owned()),
            None => Some(port.country_name.clone()).filter(|name| !name.is_empty()),
        },
        country_href: country.map(|country| ctx.href(&format!("/countries/{}", country.code))),
        locode: port.locode.clone(),
        size: port.harbor_size.map(|size| size_label(ctx, size)),
    }
}

pub fn size_label(ctx: &PageCtx, size: HarborSize) -> String {
    ctx.lang
        .text(&format!("ports.code.harbor_size.{}", size.code()))
        .to_owned()
}

/// A choice in the filter form.
#[derive(Debug, Serialize)]
struct Choice {
    value: String,
    label: String,
    checked: bool,
}

/// The filter form's choices, with the current query's values checked.
fn form(ctx: &PageCtx, derived: &Derived, query: &ListQuery) -> minijinja::Value {
    let counts = countries::port_counts(&derived.ports);
    let mut country_choices: Vec<Choice> = derived
        .countries
        .iter()
        .filter(|country| counts.contains_key(&country.code))
        .map(|country| Choice {
            value: country.code.to_string(),
            label: format!(
                "{} {}",
                country.code,
                country_name(country, ctx.lang.is_zh())
            ),
            checked: query.filter.country.as_ref() == Some(&country.code),
        })
        .collect();
    country_choices.sort_by(|a, b| a.value.cmp(&b.value));

    let sizes: Vec<Choice> = HarborSize::ALL
        .iter()
        .map(|size| Choice {
            value: size.code().to_owned(),
            label: size_label(ctx, *size),
            checked: query.filter.harbor_sizes.contains(size),
        })
        .collect();
    let facilities: Vec<Choice> = facility_fields()
        .iter()
        .map(|spec| Choice {
            value: spec.key.to_owned(),
            label: ctx
                .lang
                .text(&format!("ports.field.{}", spec.key))
                .to_owned(),
            checked: query.filter.facilities.iter().any(|key| key == spec.key),
        })
        .collect();
    context! {
        countries => country_choices,
        sizes,
        facilities,
        sort => if query.sort == SortKey::Name { "name" } else { "id" },
    }
}

pub async fn list(State(state): State<AppState>, ctx: PageCtx) -> Response {
    let derived = state.derived();
    let query = match parse(&ctx) {
        Ok(query) => query,
        Err(errors) => {
            let page = context! { form => form(&ctx, &derived, &ListQuery::default()), errors };
            return render(&ctx, StatusCode::BAD_REQUEST, "ports.html", page);
        }
    };

    let request = PageRequest {
        sort: query.sort,
        after: query.cursor.clone(),
        limit: PAGE_SIZE,
    };
    let page = match state.store.ports(&query.filter, &request).await {
        Ok(page) => page,
        Err(error) => return store_failure(&ctx, &error),
    };

    let filter = filter_query(&query);
    let with_filter = |extra: &str| {
        let joined = [filter.as_str(), extra]
            .into_iter()
            .filter(|part| !part.is_empty())
            .collect::<Vec<_>>()
            .join("&");
        let path = ctx.href("/ports");
        if joined.is_empty() {
            path
        } else {
            format!("{path}?{joined}")
        }
    };
    let next = page.next.as_ref().map(|cursor| {
        with_filter(&format::query_string([(
            "cursor",
            cursor.encode().as_str(),
        )]))
    });
    let rows: Vec<PortRow> = page
        .items
        .iter()
        .map(|port| row(port, &ctx, &derived))
        .collect();
    let vars = context! {
        form => form(&ctx, &derived, &query),
        ports => rows,
        total => page.total,
        next,
        first => query.cursor.is_some().then(|| with_filter("")),
        downloads => downloads(&filter),
    };
    render(&ctx, StatusCode::OK, "ports.html", vars)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn downloads_name_the_same_filter() {
        let links = downloads("country=TW");
        assert_eq!(links.csv, "/api/v1/ports?country=TW&limit=5000&format=csv");
        assert_eq!(
            links.excel,
            "/api/v1/ports?country=TW&limit=5000&format=csv&bom=true"
        );
        assert_eq!(
            downloads("").geojson,
            "/api/v1/ports?limit=5000&format=geojson"
        );
    }
}
