//! JSON: a list is `{"items": [...], "total", "limit", "next_cursor", "next"}`; one item is the
//! row object alone. Rows are serialised straight from the table, with no tree in between.

use serde::Serialize;
use serde::ser::{SerializeMap, SerializeSeq, Serializer};

use super::{Cell, Listing, Table};

impl Serialize for Cell<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Cell::Null => serializer.serialize_none(),
            Cell::Bool(b) => serializer.serialize_bool(*b),
            Cell::Int(i) => serializer.serialize_i64(*i),
            // JSON has no NaN or infinity; such a value is unknown.
            Cell::Float(f) if f.is_finite() => serializer.serialize_f64(*f),
            Cell::Float(_) => serializer.serialize_none(),
            Cell::Text(t) => serializer.serialize_str(t),
            Cell::List(items) => items.as_ref().serialize(serializer),
        }
    }
}

/// One row as an object, keys in column order.
pub struct Row<'a> {
    pub table: &'a Table<'a>,
    pub cells: &'a [Cell<'a>],
}

impl Serialize for Row<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.cells.len()))?;
        for (column, cell) in self.table.columns.iter().zip(self.cells) {
            map.serialize_entry(column, cell)?;
        }
        map.end()
    }
}

struct Rows<'a>(&'a Table<'a>);

impl Serialize for Rows<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut seq = serializer.serialize_seq(Some(self.0.rows.len()))?;
        for cells in &self.0.rows {
            seq.serialize_element(&Row {
                table: self.0,
                cells,
            })?;
        }
        seq.end()
    }
}

#[derive(Serialize)]
struct Body<'a> {
    items: Rows<'a>,
    total: u64,
    limit: Option<u32>,
    next_cursor: Option<&'a str>,
    next: Option<&'a str>,
}

/// One row as a JSON value, for writers that wrap it (GeoJSON).
pub fn row_object(table: &Table, cells: &[Cell]) -> serde_json::Value {
    serde_json::to_value(Row { table, cells }).unwrap_or_default()
}

/// One row as JSON bytes.
pub fn write_row(table: &Table, cells: &[Cell]) -> Vec<u8> {
    serde_json::to_vec(&Row { table, cells }).unwrap_or_default()
}

pub fn write_json(listing: &Listing) -> Vec<u8> {
    let body = Body {
        items: Rows(&listing.table),
        total: listing.total,
        limit: listing.limit,
        next_cursor: listing.next_cursor.as_deref(),
        next: listing.next_url.as_deref(),
    };
    serde_json::to_vec(&body).unwrap_or_default()
}
