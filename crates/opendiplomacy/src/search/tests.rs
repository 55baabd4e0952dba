//! Countries and ports below are built here for the tests; the ports' Chinese names and other
//! spellings are as the alias table gives them, and Yokohama's id is made up.

use std::collections::BTreeMap;

use super::{Document, HitKind, NameRole, SearchIndex, SearchName};
use crate::countries::{Country, CountryCode};
use crate::ports::{ConsularInfo, HarborSize, Port, PortId};

fn country(code: &str, zh: &str, en: &str, other_names: &[&str]) -> Country {
    Country {
        code: CountryCode::parse(code).unwrap_or_else(|| panic!("bad test code {code}")),
        alpha3: String::new(),
        numeric: String::new(),
        name_zh: zh.to_owned(),
        name_en: en.to_owned(),
        other_names: other_names.iter().map(|name| name.to_string()).collect(),
        region: None,
        subregion: None,
        capital: None,
        latitude: None,
        longitude: None,
        calling_codes: Vec::new(),
    }
}

fn port(id: u32, name: &str, zh: &[&str], other_names: &[&str], code: &str) -> Port {
    Port {
        id: PortId(id),
        name: name.to_owned(),
        names_zh: zh.iter().map(|name| name.to_string()).collect(),
        other_names: other_names.iter().map(|name| name.to_string()).collect(),
        country: CountryCode::parse(code),
        country_name: String::new(),
        locode: None,
        region: None,
        position: None,
        harbor_size: Some(HarborSize::Large),
        attributes: BTreeMap::new(),
        consular: ConsularInfo::default(),
    }
}

fn index() -> SearchIndex {
    let mut japan = country("JP", "日本", "Japan", &[]);
    japan.alpha3 = "JPN".to_owned();
    let countries = [
        japan,
        country(
            "TW",
            "台灣",
            "Taiwan",
            &["臺灣", "中華民國", "Republic of China (Taiwan)"],
        ),
        country("ST", "聖多美普林西比", "São Tomé and Príncipe", &[]),
        country("CW", "庫拉索", "Curaçao", &[]),
        country("CI", "象牙海岸", "Côte d’Ivoire", &[]),
    ];
    let mut kaohsiung = port(57920, "Kao-Hsiung", &["高雄港"], &["Kaohsiung"], "TW");
    kaohsiung.locode = Some("TWKHH".to_owned());
    let mut anping = port(57935, "An-Ping", &["安平港"], &["Anping"], "TW");
    anping.harbor_size = Some(HarborSize::Small);
    let ports = [
        kaohsiung,
        anping,
        port(
            57955,
            "Tai-Chung Kang",
            &["臺中港", "台中港"],
            &["Taichung"],
            "TW",
        ),
        port(60140, "Yokohama", &["横浜港"], &[], "JP"),
    ];
    SearchIndex::build(&countries, &ports)
}

/// `(kind, id)` of each hit, best first.
fn ids(index: &SearchIndex, query: &str) -> Vec<(HitKind, String)> {
    let hits = index.search(query, 20);
    hits.into_iter().map(|hit| (hit.kind, hit.id)).collect()
}

fn first(index: &SearchIndex, query: &str) -> Option<(HitKind, String)> {
    ids(index, query).into_iter().next()
}

fn country_id(code: &str) -> Option<(HitKind, String)> {
    Some((HitKind::Country, code.to_owned()))
}

fn port_id(id: &str) -> Option<(HitKind, String)> {
    Some((HitKind::Port, id.to_owned()))
}

#[test]
fn chinese_without_spaces_finds_countries_and_ports() {
    let index = index();
    assert_eq!(first(&index, "日本"), country_id("JP"));
    assert_eq!(first(&index, "高雄"), port_id("57920"));
    assert_eq!(first(&index, "台中"), port_id("57955"));
    assert_eq!(first(&index, "臺中"), port_id("57955"));
    assert_eq!(first(&index, "普林西比"), country_id("ST"));
    assert_eq!(first(&index, "横浜"), port_id("60140"));
    assert_eq!(first(&index, "橫濱"), port_id("60140"));
}

#[test]
fn one_chinese_character_is_enough() {
    let index = index();
    let found = ids(&index, "台");
    assert_eq!(found.first().cloned(), country_id("TW"));
    assert_eq!(found.get(1).cloned(), port_id("57955"));
    // The other Taiwanese ports follow, found through their country's name.
    assert_eq!(found.len(), 4);
    assert_eq!(ids(&index, "臺"), found);
}

#[test]
fn romanizations_find_kaohsiung_first() {
    let index = index();
    for query in [
        "Kaohsiung",
        "kao hsiung",
        "KAO-HSIUNG",
        "ｋａｏｈｓｉｕｎｇ",
        "Kao‐Hsiung",
    ] {
        let hits = index.search(query, 5);
        assert_eq!(hits.len(), 1, "{query}");
        assert_eq!(hits[0].id, "57920", "{query}");
        assert_eq!(hits[0].kind, HitKind::Port);
        assert_eq!(hits[0].country.as_deref(), Some("TW"));
        assert_eq!(hits[0].name_zh, "高雄港");
        assert_eq!(hits[0].name_en, "Kao-Hsiung");
        assert_eq!(hits[0].score, 1424, "{query}");
        assert_eq!(hits[0].matched, "Kao-Hsiung", "{query}");
    }
    assert_eq!(first(&index, "ＫＡＯ"), port_id("57920"));
    assert_eq!(first(&index, "twkhh"), port_id("57920"));
    assert_eq!(first(&index, "Taichung"), port_id("57955"));
    assert_eq!(first(&index, "tai chung kang"), port_id("57955"));
}

#[test]
fn accents_case_and_apostrophes_do_not_matter() {
    let index = index();
    assert_eq!(first(&index, "Sao Tome"), country_id("ST"));
    assert_eq!(first(&index, "são tomé"), country_id("ST"));
    assert_eq!(first(&index, "curacao"), country_id("CW"));
    assert_eq!(first(&index, "CURAÇAO"), country_id("CW"));
    assert_eq!(first(&index, "cote d'ivoire"), country_id("CI"));
    assert_eq!(first(&index, "Côte d’Ivoire"), country_id("CI"));
    assert_eq!(first(&index, "ivoire"), country_id("CI"));
}

#[test]
fn exact_matches_rank_first_then_the_country_s_ports() {
    let index = index();
    let taiwan = index.search("Taiwan", 10);
    assert_eq!(taiwan[0].id, "TW");
    assert_eq!(taiwan[0].score, 1429);
    assert_eq!(taiwan[0].matched, "Taiwan");
    let rest: Vec<&str> = taiwan[1..].iter().map(|hit| hit.id.as_str()).collect();
    // Context matches, larger harbours first, then by id.
    assert_eq!(rest, ["57920", "57955", "57935"]);
    assert!(taiwan[1..].iter().all(|hit| hit.score < 1000));

    assert_eq!(
        ids(&index, "Japan"),
        [country_id("JP"), port_id("60140")].map(Option::unwrap)
    );
    assert_eq!(first(&index, "jpn"), country_id("JP"));
}

#[test]
fn names_beat_prefixes_which_beat_words_which_beat_insides() {
    let index = index();
    assert_eq!(index.search("Taiwan", 1)[0].score, 1429);
    assert_eq!(index.search("Taiw", 1)[0].score, 1329);
    assert_eq!(index.search("China", 1)[0].score, 1219);
    assert_eq!(index.search("aiwan", 1)[0].score, 1129);
}

#[test]
fn queries_that_are_empty_huge_or_garbage_find_nothing() {
    let index = index();
    let huge = "日本".repeat(5_000);
    let huge_latin = "a".repeat(10_000);
    let controls: String = (0u8..32).map(char::from).collect();
    let marks = "\u{0301}\u{0308}\u{20DD}";
    for query in [
        "",
        "   ",
        "\t\n",
        &huge,
        &huge_latin,
        &controls,
        marks,
        "🇹🇼🙂",
        "---",
    ] {
        assert_eq!(index.search(query, 10), Vec::new(), "{query:?}");
        assert_eq!(index.search_page(query, 0, 10).total, 0);
    }
    for query in ["\u{10FFFF}", "\u{FFFD}", "ﷺ", "\u{202E}\u{200D}"] {
        assert_eq!(index.search(query, 10), Vec::new(), "{query:?}");
    }
    assert_eq!(index.search("zzzz", 10), Vec::new());
    // Marks piled on letters are dropped, leaving the word.
    assert_eq!(
        first(&index, "T\u{0337}a\u{0338}i\u{0335}w\u{0336}a\u{0337}n"),
        country_id("TW")
    );
    assert_eq!(index.search("Taiwan", 0), Vec::new());
}

#[test]
fn pages_split_the_same_ranking() {
    let index = index();
    let all = index.search_page("Taiwan", 0, 100);
    assert_eq!(all.total, 4);
    let second = index.search_page("Taiwan", 1, 2);
    assert_eq!(second.total, 4);
    assert_eq!(second.hits, all.hits[1..3]);
    assert_eq!(index.search_page("Taiwan", 10, 5).hits, Vec::new());
    assert_eq!(
        index.search_page("Taiwan", usize::MAX, usize::MAX).hits,
        Vec::new()
    );
}

#[test]
fn any_kind_of_document_can_be_indexed() {
    let doc = |id: &str, name: &str| Document {
        kind: HitKind::Port,
        id: id.to_owned(),
        name_zh: name.to_owned(),
        name_en: name.to_owned(),
        country: None,
        weight: 0,
        names: vec![SearchName::new(name, NameRole::Primary)],
    };
    let index = SearchIndex::from_documents(vec![
        doc("10000", "Keelung"),
        doc("900", "Keelung"),
        doc("900", "Duplicate"),
        doc("5", ""),
    ]);
    assert_eq!(index.len(), 3);
    let found: Vec<String> = index
        .search("keelung", 5)
        .into_iter()
        .map(|h| h.id)
        .collect();
    assert_eq!(found, ["900", "10000"]);
    assert_eq!(index.search("duplicate", 5), Vec::new());
    assert!(SearchIndex::build(&[], &[]).is_empty());
}
