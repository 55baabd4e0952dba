//! `/api/v1/countries` and `/api/v1/countries/{code}`, served from the in-memory list (250 rows).

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::HeaderMap;
use axum::response::Response;

use super::error::{ApiError, Detail};
use super::params::{ItemRequest, Params};
use super::{page_in_memory, paged, respond, tables};
use crate::countries::CountryCode;
use crate::formats::Format;
use crate::web::AppState;

/// Lists countries and territories by code, cursor-paged like every list.
pub async fn list(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let params = Params::parse(query.as_deref(), &["cursor", "limit", "region"])?;
    let format = params.format(&headers, &Format::ALL)?;
    let bom = params.flag("bom")?;
    let limit = params.limit()?;
    let after = params.cursor()?;
    let region = params.one("region")?;

    let derived = state.derived();
    if let Some(region) = region {
        let mut regions: Vec<&str> = derived
            .countries
            .iter()
            .filter_map(|c| c.region.as_deref())
            .collect();
        regions.sort_unstable();
        regions.dedup();
        if !regions
            .iter()
            .any(|known| known.eq_ignore_ascii_case(region))
        {
            let choices = regions.join(", ");
            return Err(ApiError::bad(
                "region",
                Detail::new("region").arg("choices", choices),
            ));
        }
    }
    let matching: Vec<_> = derived
        .countries
        .iter()
        .filter(|c| {
            region.is_none_or(|r| {
                c.region
                    .as_deref()
                    .is_some_and(|cr| cr.eq_ignore_ascii_case(r))
            })
        })
        .collect();
    let total = matching.len() as u64;
    let (page, next_cursor) = page_in_memory(
        matching,
        |c| c.code.as_str().to_owned(),
        after.as_ref(),
        limit,
    );

    let listing = paged(
        tables::countries(page),
        total,
        limit,
        ("/api/v1/countries", query.as_deref()),
        next_cursor,
    );
    Ok(respond::listing(&listing, format, bom))
}

/// One country or territory by its ISO 3166-1 alpha-2 code, in either case.
pub async fn one(
    State(state): State<AppState>,
    code: Result<Path<String>, PathRejection>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let request = ItemRequest::read(code, query.as_deref(), &headers)?;
    let code = CountryCode::parse(&request.id).ok_or(ApiError::NotFound)?;

    let country = state
        .store
        .country(&code)
        .await?
        .ok_or(ApiError::NotFound)?;

    Ok(respond::item(
        tables::countries([&country]),
        request.format,
        request.bom,
    ))
}
