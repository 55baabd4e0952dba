//! One search index over countries and ports, derived from the store and rebuilt from it.

use serde::Serialize;

use crate::countries::Country;
use crate::ports::Port;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HitKind {
    Country,
    Port,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub kind: HitKind,
    /// The country code or the port id, as in the item's URL.
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
    /// The country code a port is in.
    pub country: Option<String>,
    pub score: u32,
}

#[derive(Debug, Default)]
pub struct SearchIndex {}

impl SearchIndex {
    pub fn build(_countries: &[Country], _ports: &[Port]) -> Self {
        Self {}
    }

    pub fn search(&self, _query: &str, _limit: usize) -> Vec<Hit> {
        Vec::new()
    }
}
