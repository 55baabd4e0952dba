//! The Open API, version 1: `/api/v1/…`, its OpenAPI document and its documentation page.
//!
//! Conventions every endpoint keeps: JSON by default, CSV, XML and GeoJSON by `Accept` or
//! `?format=`; lists cursor-paged with the total on every page; errors as problem documents.

mod advisories;
mod advisory_tables;
mod countries;
mod docs;
mod error;
mod org_tables;
mod orgs;
mod params;
mod ports;
mod respond;
mod search;
mod tables;

use axum::Router;
use axum::middleware;
use axum::routing::{any, get};

use super::AppState;

pub use error::ApiError;

pub fn routes() -> Router<AppState> {
    let v1 = Router::new()
        .route("/api/v1/ports", get(ports::list))
        .route("/api/v1/ports/{id}", get(ports::one))
        .route("/api/v1/countries", get(countries::list))
        .route("/api/v1/countries/{code}", get(countries::one))
        .route(
            "/api/v1/countries/{code}/memberships",
            get(orgs::country_memberships),
        )
        .route("/api/v1/organizations", get(orgs::list))
        .route("/api/v1/organizations/{key}", get(orgs::one))
        .route(
            "/api/v1/organizations/{key}/statements",
            get(orgs::org_statements),
        )
        .route(
            "/api/v1/organizations/{key}/memberships",
            get(orgs::org_memberships),
        )
        .route("/api/v1/statements", get(orgs::statements))
        .route("/api/v1/search", get(search::search))
        .merge(advisories::routes())
        .route("/api", any(not_found))
        .route("/api/", any(not_found))
        .route("/api/{*rest}", any(not_found))
        .method_not_allowed_fallback(method_not_allowed)
        .layer(middleware::from_fn(error::render_problems));
    Router::new()
        .merge(v1)
        .route("/api/openapi.json", get(docs::openapi))
        .route("/api/docs", get(docs::page))
}

async fn not_found() -> ApiError {
    ApiError::NotFound
}

/// The API only reads: every other method is refused with a problem document.
async fn method_not_allowed() -> ApiError {
    ApiError::MethodNotAllowed
}

/// One page of a list held in memory and ordered by `key`: the rows after the cursor's key,
/// and the cursor of the next page when rows remain. Keys must be unique and ascending.
fn page_in_memory<T>(
    items: Vec<T>,
    key: impl Fn(&T) -> String,
    after: Option<&crate::store::Cursor>,
    limit: u32,
) -> (Vec<T>, Option<String>) {
    let start = after.map_or(0, |cursor| {
        items.partition_point(|item| key(item) <= cursor.key)
    });
    let end = start.saturating_add(limit as usize).min(items.len());
    let next = (end < items.len() && end > start).then(|| {
        crate::store::Cursor {
            sort: crate::store::SortKey::Id,
            key: key(&items[end - 1]),
            id: 0,
        }
        .encode()
    });
    let page = items.into_iter().skip(start).take(end - start).collect();
    (page, next)
}

/// A page of a list, with the URL of the next page made from the request's own path and query.
fn paged<'a>(
    table: crate::formats::Table<'a>,
    total: u64,
    limit: u32,
    (path, query): (&str, Option<&str>),
    next_cursor: Option<String>,
) -> crate::formats::Listing<'a> {
    crate::formats::Listing {
        table,
        total,
        limit: Some(limit),
        next_url: next_cursor
            .as_deref()
            .map(|cursor| next_url(path, query, cursor)),
        next_cursor,
    }
}

/// The URL of the next page: the request's own query with the cursor replaced.
fn next_url(path: &str, query: Option<&str>, cursor: &str) -> String {
    let mut serializer = form_urlencoded::Serializer::new(String::new());
    for (key, value) in form_urlencoded::parse(query.unwrap_or("").as_bytes()) {
        if key != "cursor" {
            serializer.append_pair(&key, &value);
        }
    }
    serializer.append_pair("cursor", cursor);
    format!("{path}?{}", serializer.finish())
}
