//! The one shape every list takes before it is written out.
//!
//! Cells borrow from the values they show where they can, so serving a stored port copies no
//! text before the writer does.

use std::borrow::Cow;

/// One typed value. `Null` is "unknown" in every format: empty in CSV, absent in XML, `null`
/// in JSON.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell<'a> {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Text(Cow<'a, str>),
    List(Cow<'a, [String]>),
}

impl<'a> Cell<'a> {
    pub fn text(value: impl Into<Cow<'a, str>>) -> Self {
        Cell::Text(value.into())
    }

    pub fn list(items: &'a [String]) -> Self {
        Cell::List(Cow::Borrowed(items))
    }

    pub fn opt_text(value: Option<impl Into<Cow<'a, str>>>) -> Self {
        value.map_or(Cell::Null, |v| Cell::Text(v.into()))
    }

    pub fn opt_float(value: Option<f64>) -> Self {
        value.map_or(Cell::Null, Cell::Float)
    }
}

/// Rows of typed cells under named columns. `name` is the collection (`ports`), `row_name` one
/// member (`port`); both name XML elements.
#[derive(Debug, Clone, PartialEq)]
pub struct Table<'a> {
    pub name: &'static str,
    pub row_name: &'static str,
    /// Column names are the API's field names, fixed in code: borrowed, never allocated per
    /// request.
    pub columns: Vec<&'static str>,
    pub rows: Vec<Vec<Cell<'a>>>,
    /// The latitude and longitude columns, for GeoJSON.
    pub position: Option<(usize, usize)>,
}

impl Table<'_> {
    pub fn new(name: &'static str, row_name: &'static str, columns: Vec<&'static str>) -> Self {
        Self {
            name,
            row_name,
            columns,
            rows: Vec::new(),
            position: None,
        }
    }

    /// Marks the position columns by name; a name not among the columns leaves no position.
    pub fn with_position(mut self, latitude: &str, longitude: &str) -> Self {
        let lat = self.columns.iter().position(|c| *c == latitude);
        let lon = self.columns.iter().position(|c| *c == longitude);
        self.position = lat.zip(lon);
        self
    }
}

/// A table with where it sits in a paged list.
#[derive(Debug, Clone, PartialEq)]
pub struct Listing<'a> {
    pub table: Table<'a>,
    /// Rows matching the request, over all pages.
    pub total: u64,
    pub limit: Option<u32>,
    /// The cursor of the next page, and its full URL.
    pub next_cursor: Option<String>,
    pub next_url: Option<String>,
}
