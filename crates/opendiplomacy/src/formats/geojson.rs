//! GeoJSON (RFC 7946): a FeatureCollection, one Point per row with `[longitude, latitude]`.
//! A row without a position has a null geometry, never (0, 0).

use serde_json::{Value, json};

use super::{Cell, Listing, row_object};

pub fn write_geojson(listing: &Listing) -> Vec<u8> {
    let table = &listing.table;
    let features: Vec<Value> = table
        .rows
        .iter()
        .map(|row| {
            let geometry = table
                .position
                .and_then(|(lat, lon)| match (&row[lat], &row[lon]) {
                    (Cell::Float(lat), Cell::Float(lon)) => {
                        Some(json!({"type": "Point", "coordinates": [lon, lat]}))
                    }
                    _ => None,
                });
            json!({"type": "Feature", "geometry": geometry, "properties": row_object(table, row)})
        })
        .collect();
    let body = json!({
        "type": "FeatureCollection",
        "features": features,
        "total": listing.total,
        "next_cursor": listing.next_cursor,
        "next": listing.next_url,
    });
    serde_json::to_vec(&body).unwrap_or_default()
}
