//! Pages end to end: a few ports and countries in an in-memory SQLite store, the site served
//! on a local port, and real HTTP requests against it.

use std::collections::BTreeMap;

use reqwest::StatusCode;
use reqwest::redirect::Policy;

use crate::countries::{Country, CountryCode};
use crate::ports::{ConsularInfo, HarborSize, Port, PortId, Position};
use crate::store::ImportRun;
use crate::web::{AppState, Derived, assets};

pub fn kaohsiung() -> Port {
    Port {
        id: PortId(57920),
        name: "Kao-Hsiung".into(),
        names_zh: vec!["高雄港".into()],
        other_names: vec!["Kaohsiung".into()],
        country: CountryCode::parse("TW"),
        country_name: "Taiwan".into(),
        locode: Some("TWKHH".into()),
        region: Some("Taiwan -- 57880".into()),
        position: Some(Position {
            latitude: 22.6134,
            longitude: 120.2836,
        }),
        harbor_size: Some(HarborSize::Large),
        attributes: BTreeMap::new(),
        consular: ConsularInfo {
            morgue: Some("Kaohsiung Municipal Hospital".into()),
            ..ConsularInfo::default()
        },
    }
}

/// Small Taiwanese harbours numbered from 60000, enough to need a second page.
fn harbours(count: u32) -> Vec<Port> {
    (0..count)
        .map(|n| Port {
            id: PortId(60000 + n),
            name: format!("Harbour {n:02}"),
            names_zh: Vec::new(),
            other_names: Vec::new(),
            locode: None,
            region: None,
            position: None,
            harbor_size: Some(HarborSize::VerySmall),
            consular: ConsularInfo::default(),
            ..kaohsiung()
        })
        .collect()
}

fn country(code: &str, numeric: &str, zh: &str, en: &str) -> Country {
    Country {
        code: CountryCode::parse(code).unwrap(),
        alpha3: format!("{code}X"),
        numeric: numeric.into(),
        name_zh: zh.into(),
        name_en: en.into(),
        other_names: Vec::new(),
        region: Some("Asia".into()),
        subregion: Some("Eastern Asia".into()),
        capital: None,
        latitude: None,
        longitude: None,
        calling_codes: vec!["+886".into()],
    }
}

fn run(dataset: &str) -> ImportRun {
    ImportRun {
        dataset: dataset.into(),
        source: "test".into(),
        rows: 0,
        inserted: 0,
        updated: 0,
        unchanged: 0,
        notes: Vec::new(),
    }
}

/// Serves the pages and assets over the sample data; returns the base URL.
async fn serve() -> String {
    let store = crate::store::open("sqlite::memory:").await.unwrap();
    let countries = [
        country("TW", "158", "臺灣", "Taiwan"),
        country("JP", "392", "日本", "Japan"),
    ];
    store
        .import_countries(&countries, run("countries"))
        .await
        .unwrap();
    let mut ports = harbours(55);
    ports.push(kaohsiung());
    store
        .import_ports(&ports, run("ports"), &|_| {})
        .await
        .unwrap();

    let derived = Derived::load(store.as_ref()).await.unwrap();
    // The whole site's router, so that merging the pages with the API and assets is tested too.
    let app = crate::web::router(AppState::new(store, derived));
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let address = listener.local_addr().unwrap();
    tokio::spawn(async move { axum::serve(listener, app).await });
    format!("http://{address}")
}

/// GETs a path without following redirects: status, the Location header, and the body.
async fn get(base: &str, path: &str) -> (StatusCode, String, String) {
    let client = reqwest::Client::builder()
        .redirect(Policy::none())
        .build()
        .unwrap();
    let response = client.get(format!("{base}{path}")).send().await.unwrap();
    let status = response.status();
    let location = response
        .headers()
        .get("location")
        .and_then(|value| value.to_str().ok())
        .unwrap_or_default()
        .to_owned();
    (status, location, response.text().await.unwrap())
}

#[tokio::test]
async fn every_page_links_to_itself_in_the_other_language() {
    let base = serve().await;

    let (status, _, zh) = get(&base, "/").await;
    assert_eq!(status, StatusCode::OK);
    assert!(zh.contains(r#"<html lang="zh-TW">"#));
    assert!(zh.contains(r#"id="q""#) && zh.contains(r#"id="suggestions""#));
    assert!(zh.contains(r#"id="lang-switch" class="lang-switch" href="/en""#));

    let (_, _, en) = get(&base, "/en/ports?size=large").await;
    assert!(en.contains(r#"<html lang="en">"#));
    assert!(en.contains(r#"href="/ports?size=large""#), "{en}");
}

#[tokio::test]
async fn a_country_page_lists_its_ports_with_downloads() {
    let base = serve().await;

    let (status, location, _) = get(&base, "/en/countries/tw").await;
    assert_eq!(status, StatusCode::PERMANENT_REDIRECT);
    assert_eq!(location, "/en/countries/TW");

    let (status, _, page) = get(&base, "/countries/TW").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("臺灣") && page.contains("高雄港") && page.contains("東亞"));
    assert!(page.contains(
        r#"class="download-csv" href="/api/v1/ports?country=TW&amp;limit=5000&amp;format=csv""#
    ));
    assert!(page.contains(r#"id="map""#) && page.contains(r#""highlight":"158""#));

    let (status, _, missing) = get(&base, "/en/countries/ZZ").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(missing.contains(r#"<html lang="en">"#));
    assert_eq!(
        get(&base, "/countries/T%FFW").await.0,
        StatusCode::NOT_FOUND
    );
}

#[tokio::test]
async fn a_port_page_says_what_is_known_and_what_is_not() {
    let base = serve().await;

    let (status, _, page) = get(&base, "/ports/57920").await;
    assert_eq!(status, StatusCode::OK);
    assert!(page.contains("<h1>高雄港</h1>"));
    assert!(page.contains("Kao-Hsiung") && page.contains("TWKHH"));
    assert!(page.contains("北緯 22.6134°"));
    assert!(page.contains("Kaohsiung Municipal Hospital"));
    assert!(page.contains(r#"class="invite""#));

    let (_, _, english) = get(&base, "/en/ports/57920").await;
    assert!(english.contains("<h1>Kao-Hsiung</h1>") && english.contains("22.6134° N"));

    let (status, location, _) = get(&base, "/ports/057920").await;
    assert_eq!(
        (status, location.as_str()),
        (StatusCode::PERMANENT_REDIRECT, "/ports/57920")
    );
    for path in [
        "/ports/abc",
        "/ports/1",
        "/ports/-5",
        "/ports/99999999999999",
    ] {
        assert_eq!(get(&base, path).await.0, StatusCode::NOT_FOUND, "{path}");
    }
}

#[tokio::test]
async fn the_port_list_pages_by_cursor_and_names_bad_filters() {
    let base = serve().await;

    let (status, _, first) = get(&base, "/en/ports?country=TW").await;
    assert_eq!(status, StatusCode::OK);
    assert!(first.contains("56 ports"), "{first}");
    let next = first
        .split(r#"rel="next" href=""#)
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("a next link")
        .replace("&amp;", "&");
    assert!(next.starts_with("/en/ports?country=TW&cursor="), "{next}");

    let (_, _, second) = get(&base, &next).await;
    assert!(second.contains("Harbour 54") && !second.contains("Harbour 00"));
    assert!(second.contains("Back to the first page"));
    assert!(!second.contains(r#"rel="next""#));

    let (status, _, bad) = get(&base, "/en/ports?size=huge&country=TW").await;
    assert_eq!(status, StatusCode::BAD_REQUEST);
    assert!(bad.contains("parameter size") && bad.contains("huge"));
}

#[tokio::test]
async fn search_and_unknown_paths_answer_in_the_page_language() {
    let base = serve().await;

    let (status, _, search) = get(&base, "/search?q=%E9%AB%98%E9%9B%84").await;
    assert_eq!(status, StatusCode::OK);
    assert!(search.contains(r#"value="高雄""#));

    let (status, _, countries) = get(&base, "/en/countries").await;
    assert_eq!(status, StatusCode::OK);
    assert!(countries.contains("Japan") && countries.contains(r#"href="/en/countries/TW""#));

    let (status, location, _) = get(&base, "/en/").await;
    assert_eq!(
        (status, location.as_str()),
        (StatusCode::PERMANENT_REDIRECT, "/en")
    );

    let (status, _, missing) = get(&base, "/en/no/such/page").await;
    assert_eq!(status, StatusCode::NOT_FOUND);
    assert!(missing.contains("Page not found"));
}

#[tokio::test]
async fn assets_are_served_with_their_type_and_cache_lifetime() {
    let base = serve().await;
    let client = reqwest::Client::new();

    let current = client
        .get(format!("{base}{}", assets::url("site.css")))
        .send()
        .await
        .unwrap();
    assert_eq!(current.headers()["content-type"], "text/css; charset=utf-8");
    assert!(
        current.headers()["cache-control"]
            .to_str()
            .unwrap()
            .contains("immutable")
    );

    let old = client
        .get(format!("{base}/assets/0/site.css"))
        .send()
        .await
        .unwrap();
    assert_eq!(old.headers()["cache-control"], "no-cache");

    let missing = client
        .get(format!("{base}/assets/0/nothing.js"))
        .send()
        .await
        .unwrap();
    assert_eq!(missing.status(), StatusCode::NOT_FOUND);
}
