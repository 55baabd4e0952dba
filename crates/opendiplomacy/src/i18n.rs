//! The two languages of the site and their message catalogues.
//!
//! Bilingual text lives in `i18n/{zh-TW,en}/*.toml`, embedded in the binary. A key is the file's
//! name, a dot, and the key inside the file (`ports.field.channel_depth_m`). Both languages must
//! have the same keys; a test checks it.

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize)]
pub enum Lang {
    #[default]
    #[serde(rename = "zh-TW")]
    ZhTw,
    #[serde(rename = "en")]
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::ZhTw, Lang::En];

    /// The BCP 47 tag, as used in `lang` attributes and `Content-Language`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::ZhTw => "zh-TW",
            Lang::En => "en",
        }
    }

    /// Reads `zh-TW`, `zh`, `en` and their common spellings; anything else is not a language here.
    pub fn parse(text: &str) -> Option<Self> {
        let lower = text.trim().to_ascii_lowercase();
        if lower == "en" || lower.starts_with("en-") {
            Some(Lang::En)
        } else if lower == "zh" || lower.starts_with("zh-") {
            Some(Lang::ZhTw)
        } else {
            None
        }
    }

    /// Picks the first supported language of an `Accept-Language` header.
    pub fn from_accept_language(header: &str) -> Option<Self> {
        header
            .split(',')
            .filter_map(|part| part.split(';').next())
            .find_map(Lang::parse)
    }

    pub fn is_zh(self) -> bool {
        self == Lang::ZhTw
    }

    /// Looks a message up; a missing key shows as the key itself, so it is seen and fixed.
    pub fn text(self, key: &str) -> &str {
        CATALOGUE
            .get(&(self, key.to_owned()))
            .map(String::as_str)
            .unwrap_or(key)
    }

    /// Like [`Lang::text`], but `None` when the key is missing.
    pub fn lookup(self, key: &str) -> Option<&'static str> {
        CATALOGUE.get(&(self, key.to_owned())).map(String::as_str)
    }
}

/// The catalogue files, by language and name; a new file is listed here once.
const FILES: &[(Lang, &str, &str)] = &[
    (
        Lang::ZhTw,
        "ports",
        include_str!("../i18n/zh-TW/ports.toml"),
    ),
    (Lang::En, "ports", include_str!("../i18n/en/ports.toml")),
    (Lang::ZhTw, "ui", include_str!("../i18n/zh-TW/ui.toml")),
    (Lang::En, "ui", include_str!("../i18n/en/ui.toml")),
    (Lang::ZhTw, "orgs", include_str!("../i18n/zh-TW/orgs.toml")),
    (Lang::En, "orgs", include_str!("../i18n/en/orgs.toml")),
    (Lang::ZhTw, "api", include_str!("../i18n/zh-TW/api.toml")),
    (Lang::En, "api", include_str!("../i18n/en/api.toml")),
    (
        Lang::ZhTw,
        "advisories",
        include_str!("../i18n/zh-TW/advisories.toml"),
    ),
    (
        Lang::En,
        "advisories",
        include_str!("../i18n/en/advisories.toml"),
    ),
];

static CATALOGUE: LazyLock<HashMap<(Lang, String), String>> = LazyLock::new(|| {
    let mut map = HashMap::new();
    for (lang, name, source) in FILES {
        // The files are part of the binary and checked by tests; a broken one is a build defect.
        let table: toml::Table = toml::from_str(source)
            .unwrap_or_else(|error| panic!("i18n/{}/{name}.toml: {error}", lang.tag()));
        flatten(*lang, name, &table, &mut map);
    }
    map
});

fn flatten(
    lang: Lang,
    prefix: &str,
    table: &toml::Table,
    map: &mut HashMap<(Lang, String), String>,
) {
    for (key, value) in table {
        let full = format!("{prefix}.{key}");
        match value {
            toml::Value::String(text) => {
                map.insert((lang, full), text.clone());
            }
            toml::Value::Table(inner) => flatten(lang, &full, inner, map),
            _ => {}
        }
    }
}

/// Every key of a language, for the test that both languages agree.
pub fn keys(lang: Lang) -> Vec<String> {
    let mut keys: Vec<String> = CATALOGUE
        .keys()
        .filter(|(l, _)| *l == lang)
        .map(|(_, key)| key.clone())
        .collect();
    keys.sort();
    keys
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_languages_have_the_same_keys() {
        assert_eq!(keys(Lang::ZhTw), keys(Lang::En));
        assert!(!keys(Lang::En).is_empty());
    }

    #[test]
    fn accept_language_picks_the_first_supported() {
        assert_eq!(
            Lang::from_accept_language("fr-FR, en-GB;q=0.8"),
            Some(Lang::En)
        );
        assert_eq!(
            Lang::from_accept_language("zh-Hant-TW,zh;q=0.9"),
            Some(Lang::ZhTw)
        );
        assert_eq!(Lang::from_accept_language("fr"), None);
    }
}
