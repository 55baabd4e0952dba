//! The country importer against the bundled table and against broken copies of it.

use super::{BUNDLED_CSV, Country, CountryImportError, parse_countries};

const FILE: &str = "countries_iso3166_zh_hant.csv";

fn countries() -> Vec<Country> {
    parse_countries(FILE, BUNDLED_CSV).expect("the bundled table parses")
}

fn country<'a>(countries: &'a [Country], code: &str) -> &'a Country {
    countries
        .iter()
        .find(|country| country.code.as_str() == code)
        .unwrap_or_else(|| panic!("{code} is in the table"))
}

#[test]
fn every_row_becomes_a_country() {
    let countries = countries();
    assert_eq!(countries.len(), 250);
    assert_eq!(countries[0].code.as_str(), "AF");
    assert_eq!(countries[0].numeric, "004");
}

#[test]
fn taiwan_is_named_as_taiwan_names_itself() {
    let countries = countries();
    let taiwan = country(&countries, "TW");
    assert_eq!(taiwan.name_en, "Taiwan");
    assert_eq!(taiwan.name_zh, "台灣");
    assert_eq!(taiwan.alpha3, "TWN");
    assert_eq!(taiwan.capital.as_deref(), Some("Taipei"));
    assert_eq!(taiwan.calling_codes, ["+886"]);
    for name in ["臺灣", "中華民國", "Republic of China (Taiwan)"] {
        assert!(
            taiwan.other_names.iter().any(|other| other == name),
            "{name}"
        );
    }
}

#[test]
fn no_country_value_calls_taiwan_a_province() {
    let json = serde_json::to_string(&countries()).expect("countries serialise");
    assert!(!json.contains("Province of China"));
    assert!(!json.contains("中国台湾省"));
    assert!(!json.contains("台灣省"));
}

#[test]
fn hong_kong_and_macao_use_the_short_forms() {
    let countries = countries();
    let hong_kong = country(&countries, "HK");
    assert_eq!(hong_kong.name_zh, "香港");
    assert_eq!(hong_kong.name_en, "Hong Kong");
    assert!(
        hong_kong
            .other_names
            .contains(&"中國香港特別行政區".to_owned())
    );
    assert!(
        hong_kong
            .other_names
            .contains(&"Hong Kong SAR China".to_owned())
    );
    assert_eq!(hong_kong.capital.as_deref(), Some("City of Victoria"));

    let macao = country(&countries, "MO");
    assert_eq!(macao.name_zh, "澳門");
    assert_eq!(macao.name_en, "Macau");
    assert_eq!(macao.capital, None);
}

#[test]
fn simplified_chinese_is_not_kept() {
    let countries = countries();
    assert_eq!(country(&countries, "KR").name_zh, "南韓");
    assert!(
        !country(&countries, "KR")
            .other_names
            .contains(&"韩国".to_owned())
    );
    assert!(
        !country(&countries, "CN")
            .other_names
            .contains(&"中国".to_owned())
    );
    assert!(
        !country(&countries, "FR")
            .other_names
            .contains(&"法国".to_owned())
    );
}

#[test]
fn hong_kong_usage_and_cldr_alternates_are_other_names() {
    let countries = countries();
    let bosnia = country(&countries, "BA");
    assert_eq!(bosnia.name_zh, "波士尼亞與赫塞哥維納");
    assert!(
        bosnia
            .other_names
            .contains(&"波斯尼亞和黑塞哥維那".to_owned())
    );
    let eswatini = country(&countries, "SZ");
    assert!(eswatini.other_names.contains(&"史瓦濟蘭".to_owned()));
}

#[test]
fn places_and_dialling_codes_are_typed() {
    let countries = countries();
    let helena = country(&countries, "SH");
    assert_eq!(helena.calling_codes, ["+290", "+247"]);
    assert_eq!(helena.latitude, Some(-15.95));
    assert_eq!(helena.longitude, Some(-5.72));
    assert_eq!(helena.region.as_deref(), Some("Africa"));
    assert_eq!(helena.subregion.as_deref(), Some("Western Africa"));
    let kosovo = country(&countries, "XK");
    assert_eq!(kosovo.numeric, "983");
}

fn error_of(bytes: &[u8]) -> (u64, u64, String) {
    match parse_countries(FILE, bytes) {
        Err(CountryImportError::Invalid {
            line,
            column,
            message,
            ..
        }) => (line, column, message),
        Ok(countries) => panic!("{} countries from a broken file", countries.len()),
    }
}

/// The bundled table with its `at`-th data row (1-based) changed by `edit`.
fn with_row_edited(at: usize, edit: impl Fn(&str) -> String) -> Vec<u8> {
    let text = std::str::from_utf8(BUNDLED_CSV).expect("UTF-8");
    let lines: Vec<String> = text
        .lines()
        .enumerate()
        .map(|(index, line)| {
            if index == at {
                edit(line)
            } else {
                line.to_owned()
            }
        })
        .collect();
    lines.join("\n").into_bytes()
}

#[test]
fn a_bad_latitude_is_placed_at_its_line_and_column() {
    // Row 2 is Albania: "…,Tirana,41,20,+355"; wc_lat is the 21st column.
    let bytes = with_row_edited(2, |line| line.replace(",41,20,", ",north,20,"));
    let (line, column, message) = error_of(&bytes);
    assert_eq!((line, column), (3, 21));
    assert!(message.contains("\"north\""), "{message}");
}

#[test]
fn a_short_row_and_invalid_utf8_are_placed() {
    let bytes = with_row_edited(3, |line| {
        line.split(',').take(5).collect::<Vec<_>>().join(",")
    });
    assert_eq!(error_of(&bytes).0, 4);
    assert_eq!(error_of(&bytes).1, 6);

    let mut bytes = with_row_edited(1, |line| line.replace("阿富汗", "@"));
    let at = bytes.iter().position(|b| *b == b'@').expect("marker");
    bytes[at] = 0xFF;
    let (line, column, _) = error_of(&bytes);
    assert_eq!((line, column), (2, 5));
}

#[test]
fn a_wrong_header_is_an_error() {
    let bytes = with_row_edited(0, |line| line.replace("name_zh_hant_cldr,", "name_zh,"));
    let (line, column, message) = error_of(&bytes);
    assert_eq!((line, column), (1, 5));
    assert_eq!(message, "unexpected column \"name_zh\"");
}
