//! A timing check over the bundled data, run by hand with
//! `cargo test --release --lib search::bench -- --ignored --nocapture`. It prints times and
//! asserts only results: timings depend on the machine.

use std::collections::{BTreeMap, HashMap};
use std::path::PathBuf;
use std::time::Instant;

use super::SearchIndex;
use crate::countries::{Country, CountryCode};
use crate::ports::{ConsularInfo, HarborSize, Port, PortId};

fn data(file: &str) -> csv::Reader<std::fs::File> {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../data")
        .join(file);
    csv::Reader::from_path(&path).unwrap_or_else(|error| panic!("{}: {error}", path.display()))
}

/// Reads just the columns the index uses; the real importers live in `countries` and `ports`.
fn bundled() -> (Vec<Country>, Vec<Port>) {
    let mut countries = Vec::new();
    let mut codes = HashMap::new();
    for row in data("countries/countries_iso3166_zh_hant.csv").deserialize() {
        let row: HashMap<String, String> = row.unwrap_or_default();
        let field = |name: &str| row.get(name).cloned().unwrap_or_default();
        let Some(code) = CountryCode::parse(&field("alpha2")) else {
            continue;
        };
        codes.insert(field("wc_common_en"), code.clone());
        codes.insert(field("name_en_cldr"), code.clone());
        let other_names = ["name_zh_hant_cldr_alt", "wc_official_en", "wc_zho_official"]
            .map(field)
            .into_iter()
            .filter(|name| !name.is_empty())
            .collect();
        countries.push(Country {
            code,
            alpha3: field("alpha3"),
            numeric: field("numeric"),
            name_zh: field("name_zh_hant_cldr"),
            name_en: field("name_en_cldr"),
            other_names,
            region: None,
            subregion: None,
            capital: None,
            latitude: None,
            longitude: None,
            calling_codes: Vec::new(),
        });
    }
    let mut ports = Vec::new();
    for row in data("ports/UpdatedPub150.csv").deserialize() {
        let row: HashMap<String, String> = row.unwrap_or_default();
        let field = |name: &str| row.get(name).cloned().unwrap_or_default();
        let Ok(id) = field("World Port Index Number").parse::<f64>() else {
            continue;
        };
        let country_name = field("Country Code");
        ports.push(Port {
            id: PortId(id as u32),
            name: field("Main Port Name"),
            names_zh: Vec::new(),
            other_names: vec![field("Alternate Port Name")],
            country: codes.get(&country_name).cloned(),
            country_name,
            locode: Some(field("UN/LOCODE").replace(' ', "")),
            region: None,
            position: None,
            harbor_size: match field("Harbor Size").as_str() {
                "Large" => Some(HarborSize::Large),
                "Medium" => Some(HarborSize::Medium),
                "Small" => Some(HarborSize::Small),
                "Very Small" => Some(HarborSize::VerySmall),
                _ => None,
            },
            attributes: BTreeMap::new(),
            consular: ConsularInfo::default(),
        });
    }
    (countries, ports)
}

#[test]
#[ignore = "timing over the bundled data; run by hand"]
fn time_queries_over_the_bundled_data() {
    let (countries, ports) = bundled();
    let started = Instant::now();
    let index = SearchIndex::build(&countries, &ports);
    println!(
        "{} documents indexed in {:?}",
        index.len(),
        started.elapsed()
    );
    assert!(index.len() > 4_000);
    assert_eq!(index.search("Kaohsiung", 1)[0].id, "57920");
    assert_eq!(index.search("日本", 1)[0].id, "JP");
    assert_eq!(index.search("Japan", 1)[0].id, "JP");
    let queries = [
        "日本",
        "台",
        "美國",
        "Kaohsiung",
        "kao hsiung",
        "sao tome",
        "Rotterdam",
        "port",
        "san",
        "a",
        "e",
        "zzz",
    ];
    for query in queries {
        let rounds = 2_000;
        let started = Instant::now();
        let mut total = 0;
        for _ in 0..rounds {
            total = index.search_page(query, 0, 20).total;
        }
        let each = started.elapsed() / rounds;
        println!("{query:>12}: {total:>5} results, {each:?} per query");
    }
}
