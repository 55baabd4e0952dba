//! Maps the country names other sources use (the World Port Index's "Country Code" column holds
//! English names) to ISO codes.
//!
//! Rules:
//! - A name matches when it equals one of a country's names ignoring case, accents, spacing and
//!   punctuation ("Cote D'Ivoire" is "Côte d’Ivoire").
//! - A spelling that two countries share matches neither: a wrong country is worse than none.
//! - Names no table spells the same way are listed in [`ALIASES`], each with its reason.

use std::collections::HashMap;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use super::{Country, CountryCode};

/// Names sources use that match none of the table's names, with the ISO code they mean.
pub const ALIASES: &[(&str, &str)] = &[
    // ISO 3166-1's own short name; CLDR says "Brunei".
    ("Brunei Darussalam", "BN"),
    // The US government's name for Myanmar.
    ("Burma", "MM"),
    // CLDR and world-countries still say Cape Verde.
    ("Cabo Verde", "CV"),
    ("Falkland Islands (Islas Malvinas)", "FK"),
    // ISO 3166-1 counts these atolls among the United States Minor Outlying Islands.
    ("Johnson Atoll", "UM"),
    // ISO 3166-1 and Canada, the UK and Ireland spell it Macao; CLDR says Macau.
    ("Macao", "MO"),
    ("Midway Islands", "UM"),
    ("Wake Island", "UM"),
    ("Saint Vincent and the Grenadines (Windward Islands)", "VC"),
    // ISO 3166-1 pairs Svalbard with Jan Mayen.
    ("Svalbard", "SJ"),
    ("The Bahamas", "BS"),
    ("The Gambia", "GM"),
    // The tables follow the 2022 renaming to Türkiye.
    ("Turkey", "TR"),
];

/// Finds the ISO code a country name means.
#[derive(Debug, Clone, Default)]
pub struct CountryResolver {
    by_key: HashMap<String, CountryCode>,
}

impl CountryResolver {
    /// Indexes every name of every country, and the aliases whose code is among them.
    pub fn new(countries: &[Country]) -> Self {
        let mut by_key: HashMap<String, Option<CountryCode>> = HashMap::new();
        for country in countries {
            let names = [&country.name_en, &country.name_zh]
                .into_iter()
                .chain(&country.other_names);
            for name in names {
                by_key
                    .entry(name_key(name))
                    .and_modify(|code| {
                        if code.as_ref() != Some(&country.code) {
                            *code = None;
                        }
                    })
                    .or_insert_with(|| Some(country.code.clone()));
            }
        }

        let mut by_key: HashMap<String, CountryCode> = by_key
            .into_iter()
            .filter_map(|(key, code)| Some((key, code?)))
            .collect();
        for (name, code) in ALIASES {
            if let Some(country) = countries.iter().find(|c| c.code.as_str() == *code) {
                by_key.insert(name_key(name), country.code.clone());
            }
        }
        by_key.remove("");
        Self { by_key }
    }

    /// The code a name means, or `None` when no country, or more than one, has that name.
    pub fn resolve(&self, name: &str) -> Option<CountryCode> {
        self.by_key.get(&name_key(name)).cloned()
    }
}

/// The form names are compared in: accents removed, lower case, `&` read as "and", 臺 as 台,
/// and only letters and digits kept.
pub(crate) fn name_key(name: &str) -> String {
    name.nfkd()
        .filter(|c| !is_combining_mark(*c))
        .flat_map(char::to_lowercase)
        .map(|c| if c == '臺' { '台' } else { c })
        .fold(String::new(), |mut key, c| {
            if c == '&' {
                key.push_str("and");
            } else if c.is_alphanumeric() {
                key.push(c);
            }
            key
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::countries::{BUNDLED_CSV as COUNTRIES, parse_countries};
    use crate::ports::BUNDLED_CSV as PORTS;

    fn resolver() -> CountryResolver {
        let countries = parse_countries("countries.csv", COUNTRIES).expect("bundled countries");
        CountryResolver::new(&countries)
    }

    fn code(text: &str) -> Option<CountryCode> {
        CountryCode::parse(text)
    }

    #[test]
    fn every_country_name_in_the_port_index_resolves() {
        let resolver = resolver();
        let mut reader = csv::Reader::from_reader(PORTS);
        let column = reader
            .headers()
            .expect("header")
            .iter()
            .position(|name| name == "Country Code")
            .expect("Country Code column");
        let mut names: Vec<String> = reader
            .records()
            .map(|record| record.expect("record")[column].to_owned())
            .collect();
        names.sort();
        names.dedup();
        assert_eq!(names.len(), 195);

        let unresolved: Vec<&String> = names
            .iter()
            .filter(|name| resolver.resolve(name).is_none())
            .collect();
        assert!(unresolved.is_empty(), "unresolved: {unresolved:?}");
    }

    #[test]
    fn the_index_spellings_map_to_the_right_codes() {
        let resolver = resolver();
        let cases = [
            ("Taiwan", "TW"),
            ("Saint Helena, Ascension, and Tristan da Cunha", "SH"),
            ("South Korea", "KR"),
            ("North Korea", "KP"),
            ("Burma", "MM"),
            ("Cote D'Ivoire", "CI"),
            ("Congo (Brazzaville)", "CG"),
            ("Congo (Kinshasa)", "CD"),
            ("Macau", "MO"),
            ("Hong Kong", "HK"),
            ("Wake Island", "UM"),
            ("Curacao", "CW"),
        ];
        for (name, expected) in cases {
            assert_eq!(resolver.resolve(name), code(expected), "{name}");
        }
    }

    #[test]
    fn chinese_names_resolve_with_either_tai() {
        let resolver = resolver();
        assert_eq!(resolver.resolve("臺灣"), code("TW"));
        assert_eq!(resolver.resolve("台灣"), code("TW"));
        assert_eq!(resolver.resolve("中華民國"), code("TW"));
        assert_eq!(resolver.resolve("波斯尼亞和黑塞哥維那"), code("BA"));
        assert_eq!(resolver.resolve("Atlantis"), None);
    }

    #[test]
    fn a_name_two_countries_share_resolves_to_neither() {
        let mut countries = parse_countries("countries.csv", COUNTRIES).expect("countries");
        let guinea = countries
            .iter_mut()
            .find(|c| c.code.as_str() == "GQ")
            .expect("GQ");
        guinea.other_names.push("Guinea".to_owned());
        let resolver = CountryResolver::new(&countries);
        assert_eq!(resolver.resolve("Guinea"), None);
        assert_eq!(resolver.resolve("Guinea-Bissau"), code("GW"));
    }
}
