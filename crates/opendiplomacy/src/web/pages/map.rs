//! What a page's map shows, written into the page as JSON for `map.js` to draw: port markers,
//! one highlighted country, or countries filled by what the page says of them (the members
//! of an organization).
//!
//! Rule: the map only repeats what the page already says in text, so a reader without
//! JavaScript, or a screen reader, misses nothing. Names go into the JSON as text, and
//! `map.js` writes them into tooltips as text, never as HTML.

use serde::Serialize;

use super::context::href;
use crate::countries::Country;
use crate::i18n::Lang;
use crate::ports::Port;
use crate::web::assets;

#[derive(Debug, Serialize)]
pub struct MapData {
    /// The world map's URL.
    pub atlas: String,
    /// The ISO 3166-1 numeric code of the country to highlight, as the world map ids it.
    pub highlight: Option<String>,
    pub markers: Vec<Marker>,
    /// Fill colours by ISO numeric code, for maps that colour countries (advisory levels).
    #[serde(skip_serializing_if = "std::collections::BTreeMap::is_empty")]
    pub colours: std::collections::BTreeMap<String, String>,
    /// Countries filled in, by ISO 3166-1 numeric code as the world map ids them.
    pub fill: Vec<Fill>,
}

/// A country filled in on the map, with the words its tooltip shows.
#[derive(Debug, Serialize)]
pub struct Fill {
    pub numeric: String,
    pub name: String,
    pub status: String,
    /// False draws the lighter shade: the record stops before the year shown.
    pub recorded: bool,
}

#[derive(Debug, Serialize)]
pub struct Marker {
    pub name: String,
    pub href: String,
    pub lat: f64,
    pub lon: f64,
    /// The page's own port, drawn larger.
    pub main: bool,
}

impl MapData {
    pub fn new(country: Option<&Country>) -> Self {
        Self {
            atlas: assets::url("vendor/world-atlas/countries-50m.json"),
            highlight: country.map(|country| country.numeric.clone()),
            markers: Vec::new(),
            fill: Vec::new(),
            colours: std::collections::BTreeMap::new(),
        }
    }

    /// Fills a country in; a party with no numeric code (a state of the past) is only in the
    /// text.
    pub fn fill(&mut self, numeric: Option<&str>, name: &str, status: &str, recorded: bool) {
        let Some(numeric) = numeric.filter(|code| !code.is_empty()) else {
            return;
        };
        self.fill.push(Fill {
            numeric: numeric.to_owned(),
            name: name.to_owned(),
            status: status.to_owned(),
            recorded,
        });
    }

    /// Adds a port that has a position; a port without one is only in the text.
    pub fn add(&mut self, port: &Port, lang: Lang, main: bool) {
        let Some(position) = port.position else {
            return;
        };
        if !(position.latitude.is_finite() && position.longitude.is_finite()) {
            return;
        }
        self.markers.push(Marker {
            name: port.display_name(lang.is_zh()).to_owned(),
            href: href(lang, &format!("/ports/{}", port.id)),
            lat: position.latitude,
            lon: position.longitude,
            main,
        });
    }

    /// Whether there is anything to draw.
    pub fn is_useful(&self) -> bool {
        self.highlight.is_some()
            || !self.markers.is_empty()
            || !self.fill.is_empty()
            || !self.colours.is_empty()
    }
}
