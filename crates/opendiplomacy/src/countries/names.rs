//! Which of a country's many names is shown, and which are kept for readers to search by.
//!
//! Rules:
//! - The zh-TW name is CLDR zh-Hant; for Hong Kong and Macao it is CLDR's short alternate.
//! - No name that makes Taiwan a province of China is kept anywhere, whatever its source.
//! - Other names are Traditional Chinese or English only, each once, never repeating a shown name.

use super::CountryCode;

/// Territories shown by CLDR's short zh-Hant form (香港 rather than 中國香港特別行政區), as
/// Taiwan's own usage does.
const SHORT_FORM: &[&str] = &["HK", "MO"];

/// Names the sources lack that readers in Taiwan type: the formal 臺 spelling and the state's
/// name.
const EXTRA_NAMES: &[(&str, &[&str])] =
    &[("TW", &["臺灣", "中華民國", "Republic of China (Taiwan)"])];

/// Wording that makes Taiwan a province of China; a name containing any of it is never kept.
const REFUSED_WORDING: &[&str] = &[
    "province of china",
    "台湾省",
    "台灣省",
    "臺灣省",
    "中国台湾",
];

/// The names one row of the table offers.
pub(super) struct Sources<'a> {
    pub cldr_en: &'a str,
    pub cldr_zh: &'a str,
    /// CLDR zh-Hant alternates as (type, name), such as ("short", "香港").
    pub cldr_zh_alternates: Vec<(&'a str, &'a str)>,
    pub cldr_zh_hk: Option<&'a str>,
    pub common_en: Option<&'a str>,
    pub official_en: Option<&'a str>,
}

/// The chosen names of a country.
#[derive(Debug, PartialEq)]
pub(super) struct Names {
    pub zh: String,
    pub en: String,
    pub others: Vec<String>,
}

/// Splits the alternates cell (`short:香港 | variant:…`) into (type, name) pairs; `None` when a
/// part has no type.
pub(super) fn alternates(text: &str) -> Option<Vec<(&str, &str)>> {
    text.split('|')
        .map(str::trim)
        .filter(|part| !part.is_empty())
        .map(|part| {
            let (kind, name) = part.split_once(':')?;
            Some((kind.trim(), name.trim()))
        })
        .collect()
}

/// Chooses the shown names and gathers the others; an error when a shown name is refused.
pub(super) fn choose(code: &CountryCode, found: &Sources) -> Result<Names, String> {
    let short = SHORT_FORM
        .contains(&code.as_str())
        .then(|| {
            found
                .cldr_zh_alternates
                .iter()
                .find(|(kind, _)| *kind == "short")
        })
        .flatten();
    let (zh, en) = match short {
        Some((_, short_zh)) => (*short_zh, found.common_en.unwrap_or(found.cldr_en)),
        None => (found.cldr_zh, found.cldr_en),
    };
    if let Some(name) = [zh, en].into_iter().find(|name| is_refused(name)) {
        return Err(format!("{code} would be shown as {name:?}"));
    }

    let extra = EXTRA_NAMES
        .iter()
        .filter(|(extra_code, _)| *extra_code == code.as_str())
        .flat_map(|(_, names)| names.iter().copied());
    let candidates = [Some(found.cldr_en), found.common_en, found.official_en]
        .into_iter()
        .chain([Some(found.cldr_zh), found.cldr_zh_hk])
        .flatten()
        .chain(found.cldr_zh_alternates.iter().map(|(_, name)| *name))
        .chain(extra);
    let mut others: Vec<String> = Vec::new();
    for name in candidates {
        let keep = !name.is_empty()
            && name != zh
            && name != en
            && !is_refused(name)
            && !others.iter().any(|kept| kept == name);
        if keep {
            others.push(name.to_owned());
        }
    }
    Ok(Names {
        zh: zh.to_owned(),
        en: en.to_owned(),
        others,
    })
}

fn is_refused(name: &str) -> bool {
    let lower = name.to_lowercase();
    REFUSED_WORDING
        .iter()
        .any(|wording| lower.contains(wording))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn taiwan_row<'a>() -> Sources<'a> {
        Sources {
            cldr_en: "Taiwan",
            cldr_zh: "台灣",
            cldr_zh_alternates: Vec::new(),
            cldr_zh_hk: Some("台灣"),
            common_en: Some("Taiwan, Province of China"),
            official_en: Some("Republic of China (Taiwan)"),
        }
    }

    #[test]
    fn refused_wording_is_dropped_from_other_names() {
        let code = CountryCode::parse("TW").expect("code");
        let names = choose(&code, &taiwan_row()).expect("names");
        assert_eq!(
            names.others,
            ["Republic of China (Taiwan)", "臺灣", "中華民國"]
        );
    }

    #[test]
    fn a_refused_display_name_is_an_error() {
        let code = CountryCode::parse("TW").expect("code");
        let row = Sources {
            cldr_zh: "中国台湾省",
            ..taiwan_row()
        };
        assert_eq!(
            choose(&code, &row),
            Err("TW would be shown as \"中国台湾省\"".to_owned())
        );
    }

    #[test]
    fn alternates_need_a_type() {
        assert_eq!(alternates("short:香港"), Some(vec![("short", "香港")]));
        assert_eq!(alternates("香港"), None);
    }
}
