//! The one shape every list takes before it is written out.

/// One typed value. `Null` is "unknown" in every format: empty in CSV, absent in XML, `null`
/// in JSON.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Text(String),
    List(Vec<String>),
}

impl Cell {
    pub fn text(value: impl Into<String>) -> Self {
        Cell::Text(value.into())
    }

    pub fn opt_text(value: Option<impl Into<String>>) -> Self {
        value.map_or(Cell::Null, |v| Cell::Text(v.into()))
    }

    pub fn opt_float(value: Option<f64>) -> Self {
        value.map_or(Cell::Null, Cell::Float)
    }
}

/// Rows of typed cells under named columns. `name` is the collection (`ports`), `row_name` one
/// member (`port`); both name XML elements.
#[derive(Debug, Clone, PartialEq)]
pub struct Table {
    pub name: &'static str,
    pub row_name: &'static str,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<Cell>>,
    /// The latitude and longitude columns, for GeoJSON.
    pub position: Option<(usize, usize)>,
}

impl Table {
    pub fn new(name: &'static str, row_name: &'static str, columns: Vec<String>) -> Self {
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
        let lat = self.columns.iter().position(|c| c == latitude);
        let lon = self.columns.iter().position(|c| c == longitude);
        self.position = lat.zip(lon);
        self
    }
}

/// A table with where it sits in a paged list.
#[derive(Debug, Clone, PartialEq)]
pub struct Listing {
    pub table: Table,
    /// Rows matching the request, over all pages.
    pub total: u64,
    pub limit: Option<u32>,
    /// The cursor of the next page, and its full URL.
    pub next_cursor: Option<String>,
    pub next_url: Option<String>,
}
