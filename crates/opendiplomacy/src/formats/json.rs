//! JSON: a list is `{"items": [...], "total", "limit", "next_cursor", "next"}`; one item is the
//! row object alone.

use serde_json::{Map, Value};

use super::{Cell, Listing, Table};

fn cell_value(cell: &Cell) -> Value {
    match cell {
        Cell::Null => Value::Null,
        Cell::Bool(b) => Value::Bool(*b),
        Cell::Int(i) => Value::from(*i),
        Cell::Float(f) => serde_json::Number::from_f64(*f).map_or(Value::Null, Value::Number),
        Cell::Text(t) => Value::String(t.clone()),
        Cell::List(items) => Value::Array(items.iter().cloned().map(Value::String).collect()),
    }
}

/// One row as an object, keys in column order.
pub fn row_object(table: &Table, row: &[Cell]) -> Value {
    let object: Map<String, Value> = table
        .columns
        .iter()
        .zip(row)
        .map(|(column, cell)| (column.clone(), cell_value(cell)))
        .collect();
    Value::Object(object)
}

pub fn write_json(listing: &Listing) -> Vec<u8> {
    let items: Vec<Value> = listing
        .table
        .rows
        .iter()
        .map(|row| row_object(&listing.table, row))
        .collect();
    let body = serde_json::json!({
        "items": items,
        "total": listing.total,
        "limit": listing.limit,
        "next_cursor": listing.next_cursor,
        "next": listing.next_url,
    });
    serde_json::to_vec(&body).unwrap_or_default()
}
