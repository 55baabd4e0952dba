//! `/api/v1/ports` and `/api/v1/ports/{id}`.

use axum::extract::rejection::PathRejection;
use axum::extract::{Path, RawQuery, State};
use axum::http::HeaderMap;
use axum::response::Response;

use super::error::ApiError;
use super::params::{ItemRequest, Params};
use super::{paged, respond, tables};
use crate::countries::CountryCode;
use crate::formats::Format;
use crate::ports::{FIELDS, FieldKind, HarborSize, PortId};
use crate::store::{Cursor, PageRequest, PortFilter, SortKey};
use crate::web::AppState;

const LIST_PARAMS: &[&str] = &["country", "size", "facility", "sort", "cursor", "limit"];

/// Lists ports, filtered by country, harbour size and facilities, cursor-paged.
pub async fn list(
    State(state): State<AppState>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let params = Params::parse(query.as_deref(), LIST_PARAMS)?;
    let format = params.format(&headers, &Format::ALL)?;
    let bom = params.flag("bom")?;
    let filter = filter(&state, &params)?;
    let page = page_request(&params)?;

    let page_of_ports = state.store.ports(&filter, &page).await?;

    let next_cursor = page_of_ports.next.as_ref().map(Cursor::encode);
    let listing = paged(
        tables::ports(&page_of_ports.items),
        page_of_ports.total,
        page.limit,
        ("/api/v1/ports", query.as_deref()),
        next_cursor,
    );
    Ok(respond::listing(&listing, format, bom))
}

/// One port by its World Port Index number.
pub async fn one(
    State(state): State<AppState>,
    id: Result<Path<String>, PathRejection>,
    RawQuery(query): RawQuery,
    headers: HeaderMap,
) -> Result<Response, ApiError> {
    let request = ItemRequest::read(id, query.as_deref(), &headers)?;
    let id = PortId::from_index_number(&request.id).ok_or(ApiError::NotFound)?;

    let derived = state.derived();
    let port = derived.port(id).ok_or(ApiError::NotFound)?;

    Ok(respond::item(
        tables::ports([port]),
        request.format,
        request.bom,
    ))
}

fn filter(state: &AppState, params: &Params) -> Result<PortFilter, ApiError> {
    let country = match params.one("country")? {
        None => None,
        Some(text) => {
            let code = CountryCode::parse(text)
                .filter(|code| state.derived().country(code).is_some())
                .ok_or_else(|| ApiError::bad("country", "country_code"))?;
            Some(code)
        }
    };
    let harbor_sizes = params
        .all("size")
        .map(|code| HarborSize::from_code(code).ok_or_else(|| ApiError::bad("size", "harbor_size")))
        .collect::<Result<Vec<_>, _>>()?;
    let facilities = params
        .all("facility")
        .map(|key| {
            FIELDS
                .iter()
                .find(|spec| spec.key == key && matches!(spec.kind, FieldKind::Flag))
                .map(|spec| spec.key.to_owned())
                .ok_or_else(|| ApiError::bad("facility", "facility"))
        })
        .collect::<Result<Vec<_>, _>>()?;
    Ok(PortFilter {
        country,
        harbor_sizes,
        facilities,
    })
}

fn page_request(params: &Params) -> Result<PageRequest, ApiError> {
    let sort = match params.one("sort")? {
        None => SortKey::Id,
        Some(text) => SortKey::parse(text).ok_or_else(|| ApiError::bad("sort", "sort"))?,
    };
    let after = params
        .one("cursor")?
        .map(|text| Cursor::decode(text).map_err(|_| ApiError::bad("cursor", "cursor")))
        .transpose()?;
    if after.as_ref().is_some_and(|cursor| cursor.sort != sort) {
        return Err(ApiError::bad("cursor", "cursor_sort"));
    }
    let limit = params.number(
        "limit",
        PageRequest::DEFAULT_LIMIT,
        1,
        PageRequest::MAX_LIMIT,
    )?;
    Ok(PageRequest { sort, after, limit })
}
