//! What a page's map shows, written into the page as JSON for `map.js` to draw.
//!
//! Rule: the map only repeats what the page already says in text, so a reader without
//! JavaScript, or a screen reader, misses nothing.

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
            colours: std::collections::BTreeMap::new(),
        }
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
        self.highlight.is_some() || !self.markers.is_empty() || !self.colours.is_empty()
    }
}
