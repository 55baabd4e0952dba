//! `/api/v1/search?q=`: one query over countries and ports, best match first.
//!
//! It answers the best `limit` results; `total` says how many matched in all.

use axum::extract::{RawQuery, State};
use axum::http::HeaderMap;
use axum::response::Response;

use super::error::{ApiError, Detail};
use super::params::Params;
use super::{respond, tables};
use crate::formats::{Format, Listing};
use crate::web::AppState;

/// The longest query read; longer ones are a client's mistake, not something to scan.
const MAX_QUERY_CHARS: usize = 200;

pub async fn search(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let params = Params::parse(query.as_deref(), &["q", "limit"])?;
    let format = params.format(&headers, &[Format::Json, Format::Csv, Format::Xml])?;
    let bom = params.flag("bom")?;
    let limit = params.number("limit", 20, 1, 100)?;
    let q = params.one("q")?.unwrap_or("").trim();
    if q.is_empty() {
        return Err(ApiError::bad("q", "empty_query"));
    }
    if q.chars().count() > MAX_QUERY_CHARS {
        return Err(ApiError::bad(
            "q",
            Detail::new("query_length").arg("max", MAX_QUERY_CHARS),
        ));
    }

    let results = state.derived().search.search_page(q, 0, limit as usize);

    let listing = Listing {
        total: results.total as u64,
        table: tables::hits(&results.hits),
        limit: Some(limit),
        next_cursor: None,
        next_url: None,
    };
    Ok(respond::listing(&listing, format, bom))
}
