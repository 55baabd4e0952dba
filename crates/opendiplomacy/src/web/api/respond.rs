//! Turns a [`Listing`] or a single row into a response in the negotiated format, with the
//! paging headers every format shares (`X-Total-Count`, `Link: rel="next"`).

use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};

use crate::formats::{Format, Listing, Table, write_csv, write_geojson, write_json, write_xml};

pub fn listing(listing: &Listing, format: Format, bom: bool) -> Response {
    let body = match format {
        Format::Json => write_json(listing),
        Format::Csv => write_csv(&listing.table, bom),
        Format::Xml => write_xml(listing),
        Format::GeoJson => write_geojson(listing),
    };
    let mut response = with_type(body, format, listing.table.name);
    let headers = response.headers_mut();
    headers.insert("x-total-count", HeaderValue::from(listing.total));
    if let Some(next) = &listing.next_url
        && let Ok(value) = HeaderValue::from_str(&format!("<{next}>; rel=\"next\""))
    {
        headers.insert(header::LINK, value);
    }
    response
}

/// One item: JSON is the row object itself, GeoJSON a Feature, CSV and XML a one-row table.
pub fn item(table: Table, format: Format, bom: bool) -> Response {
    let name = table.row_name;
    let body = match format {
        Format::Json => table
            .rows
            .first()
            .map(|row| crate::formats::write_row(&table, row))
            .unwrap_or_default(),
        Format::GeoJson => {
            let listing = single(table);
            let collection: serde_json::Value =
                serde_json::from_slice(&write_geojson(&listing)).unwrap_or_default();
            serde_json::to_vec(&collection["features"][0]).unwrap_or_default()
        }
        Format::Csv => write_csv(&table, bom),
        Format::Xml => write_xml(&single(table)),
    };
    with_type(body, format, name)
}

fn single(table: Table) -> Listing {
    Listing {
        total: table.rows.len() as u64,
        table,
        limit: None,
        next_cursor: None,
        next_url: None,
    }
}

fn with_type(body: Vec<u8>, format: Format, name: &str) -> Response {
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(format.content_type()),
    );
    headers.insert(
        header::VARY,
        HeaderValue::from_static("accept, accept-language"),
    );
    headers.insert(
        header::ACCESS_CONTROL_ALLOW_ORIGIN,
        HeaderValue::from_static("*"),
    );
    if format == Format::Csv {
        let disposition = format!("attachment; filename=\"{name}.csv\"");
        if let Ok(value) = HeaderValue::from_str(&disposition) {
            headers.insert(header::CONTENT_DISPOSITION, value);
        }
    }
    response
}
