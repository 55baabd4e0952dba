//! `/api/v1/search?q=`: one query over countries and ports, best match first.

use axum::extract::{RawQuery, State};
use axum::http::HeaderMap;
use axum::response::Response;

use super::error::ApiError;
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
        return Err(ApiError::bad("q", "a search needs some text"));
    }
    if q.chars().count() > MAX_QUERY_CHARS {
        return Err(ApiError::bad(
            "q",
            format!("at most {MAX_QUERY_CHARS} characters"),
        ));
    }

    let hits = state.derived().search.search(q, limit as usize);

    let listing = Listing {
        total: hits.len() as u64,
        table: tables::hits(&hits),
        limit: Some(limit),
        next_cursor: None,
        next_url: None,
    };
    Ok(respond::listing(&listing, format, bom))
}
