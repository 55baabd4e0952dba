//! What the index holds: one generic document per searchable item, whatever its kind.
//!
//! Rules: the index knows nothing of countries or ports beyond this file. A new kind of item
//! (an organization, a person record) is searchable once it has a [`super::HitKind`] and a
//! function here that turns it into a [`Document`]; the index itself does not change.

use std::collections::HashMap;

use super::HitKind;
use crate::countries::Country;
use crate::orgs::{Catalogue, Property};
use crate::ports::{HarborSize, Port};

/// One searchable item as the index sees it.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub kind: HitKind,
    /// The id in the item's URL: a country code, a port number.
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
    /// The country code the item belongs to, for items that belong to one.
    pub country: Option<String>,
    /// Breaks ties between equally good matches, higher first; 0 to 9, larger values count as
    /// 9. Lets a large port come before a small one of the same name.
    pub weight: u8,
    /// Every name a reader may type to find the item.
    pub names: Vec<SearchName>,
}

/// A name to match, with how much a match on it says about the item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SearchName {
    pub text: String,
    pub role: NameRole,
}

impl SearchName {
    pub fn new(text: impl Into<String>, role: NameRole) -> Self {
        Self {
            text: text.into(),
            role,
        }
    }
}

/// Ordered from weakest to strongest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum NameRole {
    /// Not the item's own name but where it is, such as a port's country: "日本" lists
    /// Japan's ports, after every item whose own name matches.
    Context,
    /// Other spellings, former names, codes.
    Alternate,
    /// The names the item is displayed under.
    Primary,
}

/// The document of a country: its display names first, then official and other names and its
/// ISO codes, which API users type.
pub fn country_document(country: &Country) -> Document {
    let mut names = vec![
        SearchName::new(&country.name_zh, NameRole::Primary),
        SearchName::new(&country.name_en, NameRole::Primary),
    ];
    names.extend(
        country
            .other_names
            .iter()
            .map(|name| SearchName::new(name, NameRole::Alternate)),
    );
    names.push(SearchName::new(country.code.as_str(), NameRole::Alternate));
    names.push(SearchName::new(&country.alpha3, NameRole::Alternate));
    Document {
        kind: HitKind::Country,
        id: country.code.as_str().to_owned(),
        name_zh: country.name_zh.clone(),
        name_en: country.name_en.clone(),
        country: None,
        weight: 9,
        names,
    }
}

/// The document of a port: its published name and first Chinese name, then other spellings
/// and its UN/LOCODE, then its country's names as context. `countries` maps a code to the
/// country's names in both languages.
pub fn port_document(port: &Port, countries: &HashMap<&str, &Country>) -> Document {
    let mut names = vec![SearchName::new(&port.name, NameRole::Primary)];
    for (index, name) in port.names_zh.iter().enumerate() {
        let role = if index == 0 {
            NameRole::Primary
        } else {
            NameRole::Alternate
        };
        names.push(SearchName::new(name, role));
    }
    names.extend(
        port.other_names
            .iter()
            .map(|name| SearchName::new(name, NameRole::Alternate)),
    );
    names.extend(
        port.locode
            .iter()
            .map(|locode| SearchName::new(locode, NameRole::Alternate)),
    );
    match port
        .country
        .as_ref()
        .and_then(|code| countries.get(code.as_str()))
    {
        Some(country) => {
            names.push(SearchName::new(&country.name_zh, NameRole::Context));
            names.push(SearchName::new(&country.name_en, NameRole::Context));
        }
        None => names.push(SearchName::new(&port.country_name, NameRole::Context)),
    }
    Document {
        kind: HitKind::Port,
        id: port.id.to_string(),
        name_zh: port.display_name(true).to_owned(),
        name_en: port.display_name(false).to_owned(),
        country: port.country.as_ref().map(|code| code.as_str().to_owned()),
        weight: port.harbor_size.map_or(0, harbor_weight),
        names,
    }
}

/// Larger harbours first: the one a reader means is more often the larger.
fn harbor_weight(size: HarborSize) -> u8 {
    match size {
        HarborSize::VerySmall => 1,
        HarborSize::Small => 2,
        HarborSize::Medium => 3,
        HarborSize::Large => 4,
    }
}

/// Documents for every country and port, in no particular order.
pub fn documents(countries: &[Country], ports: &[Port]) -> Vec<Document> {
    let by_code: HashMap<&str, &Country> = countries
        .iter()
        .map(|country| (country.code.as_str(), country))
        .collect();
    countries
        .iter()
        .map(country_document)
        .chain(ports.iter().map(|port| port_document(port, &by_code)))
        .collect()
}

/// The documents of the organizations: the names readers see first, then the abbreviation and
/// every other name a statement gives (deprecated ones too: a reader may know an old name).
pub fn organization_documents(catalogue: &Catalogue) -> Vec<Document> {
    catalogue
        .organizations()
        .iter()
        .map(|org| {
            let name_zh = catalogue.name_zh(org.id).unwrap_or_default().to_owned();
            let name_en = catalogue.name_en(org).to_owned();
            let mut names = vec![
                SearchName::new(&name_zh, NameRole::Primary),
                SearchName::new(&name_en, NameRole::Primary),
                SearchName::new(&org.abbr, NameRole::Alternate),
            ];
            for statement in catalogue.statements_of(org.id) {
                if matches!(statement.property, Property::NameZh | Property::NameEn) {
                    names.extend(
                        [&statement.value_zh, &statement.value_en]
                            .into_iter()
                            .flatten()
                            .map(|name| SearchName::new(name, NameRole::Alternate)),
                    );
                }
            }
            Document {
                kind: HitKind::Organization,
                id: org.abbr.clone(),
                name_zh,
                name_en,
                country: None,
                // Bodies still at work before those that ended; those with a Chinese name (the
                // ones Taiwan takes part in) first among them.
                // An organ (the World Health Assembly) after the body it belongs to.
                weight: match (org.ended.is_none(), catalogue.name_zh(org.id).is_some()) {
                    (true, true) if org.parent.is_none() => 8,
                    (true, true) => 7,
                    (true, false) => 5,
                    (false, _) => 2,
                },
                names,
            }
        })
        .collect()
}
