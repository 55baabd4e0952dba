//! Representations: every list becomes one [`Table`], which each writer turns into its format,
//! so that JSON, CSV, XML and GeoJSON never disagree and a new dataset gets every format free.

mod csv;
mod geojson;
mod json;
mod table;
mod xml;

pub use self::csv::write_csv;
pub use geojson::write_geojson;
pub use json::{Row, row_object, write_json, write_row};
pub use table::{Cell, Listing, Table};
pub use xml::write_xml;

/// The formats a client can ask for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Json,
    Csv,
    Xml,
    GeoJson,
}

impl Format {
    pub const ALL: [Format; 4] = [Format::Json, Format::Csv, Format::Xml, Format::GeoJson];
    /// The formats of data with no place on a map.
    pub const TABULAR: [Format; 3] = [Format::Json, Format::Csv, Format::Xml];

    /// The `?format=` value.
    pub fn name(self) -> &'static str {
        match self {
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Xml => "xml",
            Format::GeoJson => "geojson",
        }
    }

    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|format| format.name().eq_ignore_ascii_case(name.trim()))
    }

    pub fn content_type(self) -> &'static str {
        match self {
            Format::Json => "application/json",
            Format::Csv => "text/csv; charset=utf-8",
            Format::Xml => "application/xml; charset=utf-8",
            Format::GeoJson => "application/geo+json",
        }
    }

    /// Media types that ask for this format in an `Accept` header.
    fn media_types(self) -> &'static [&'static str] {
        match self {
            Format::Json => &["application/json", "application/*", "*/*"],
            Format::Csv => &["text/csv"],
            Format::Xml => &["application/xml", "text/xml"],
            Format::GeoJson => &["application/geo+json"],
        }
    }

    /// Chooses by an `Accept` header: the supported type with the highest quality, JSON for
    /// `*/*` or no header, `None` when the client accepts nothing we write.
    pub fn from_accept(header: Option<&str>) -> Option<Self> {
        let Some(header) = header.filter(|h| !h.trim().is_empty()) else {
            return Some(Format::Json);
        };
        let mut best: Option<(f32, Format)> = None;
        for range in header.split(',') {
            let mut parts = range.split(';');
            let media = parts.next().unwrap_or("").trim().to_ascii_lowercase();
            let quality = parts
                .filter_map(|p| p.trim().strip_prefix("q="))
                .find_map(|q| q.trim().parse::<f32>().ok())
                .unwrap_or(1.0);
            if quality <= 0.0 {
                continue;
            }
            let found = Self::ALL
                .into_iter()
                .find(|format| format.media_types().contains(&media.as_str()));
            if let Some(format) = found
                && best.is_none_or(|(q, _)| quality > q)
            {
                best = Some((quality, format));
            }
        }
        best.map(|(_, format)| format)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn accept_header_chooses_by_quality() {
        assert_eq!(Format::from_accept(None), Some(Format::Json));
        assert_eq!(Format::from_accept(Some("text/csv")), Some(Format::Csv));
        assert_eq!(
            Format::from_accept(Some("application/json;q=0.5, application/xml")),
            Some(Format::Xml)
        );
        assert_eq!(
            Format::from_accept(Some("text/html,*/*;q=0.8")),
            Some(Format::Json)
        );
        assert_eq!(Format::from_accept(Some("image/png")), None);
        assert_eq!(Format::from_accept(Some("text/csv;q=0")), None);
    }
}
