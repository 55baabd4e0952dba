//! The site in a real browser: headless Chromium driven over WebDriver.
//!
//! Needs `chromium` and `chromedriver` (Debian's chromium and chromium-driver; `.ci/run`
//! installs them). Without them these tests say so and pass, except under CI, where they must
//! run.

use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::Duration;

use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;

use crate::support::{Engine, server};

struct Browser {
    client: Client,
    driver: Child,
    downloads: tempfile::TempDir,
}

impl Drop for Browser {
    /// Ends chromedriver and every browser it started: they share its process group, and a
    /// test that fails halfway must not leave a browser running.
    fn drop(&mut self) {
        let group = format!("-{}", self.driver.id());
        let _ = Command::new("kill").args(["-TERM", "--", &group]).status();
        let _ = self.driver.kill();
        let _ = self.driver.wait();
    }
}

fn find(candidates: &[&str]) -> Option<PathBuf> {
    candidates
        .iter()
        .map(PathBuf::from)
        .find(|path| path.exists())
}

async fn browser() -> Option<Browser> {
    let driver = find(&["/usr/bin/chromedriver", "/usr/lib/chromium/chromedriver"]);
    let chromium = find(&["/usr/bin/chromium", "/usr/bin/chromium-browser"]);
    let (Some(driver), Some(chromium)) = (driver, chromium) else {
        let required = std::env::var("CI").is_ok_and(|v| v == "true")
            || std::env::var("OPENDIPLOMACY_REQUIRE_BROWSER").is_ok();
        assert!(
            !required,
            "chromium and chromedriver are required here (apt-get install chromium chromium-driver)"
        );
        eprintln!("chromium or chromedriver not installed: browser test skipped");
        return None;
    };
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new(driver)
        .process_group(0)
        .arg(format!("--port={port}"))
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("start chromedriver");
    let downloads = tempfile::tempdir().unwrap();
    let profile = tempfile::tempdir().unwrap();
    let mut capabilities = serde_json::Map::new();
    capabilities.insert(
        "goog:chromeOptions".into(),
        json!({
            "binary": chromium,
            "args": [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-dev-shm-usage", "--window-size=390,844",
                format!("--user-data-dir={}", profile.keep().display()),
            ],
            "prefs": {
                "download.default_directory": downloads.path(),
                "download.prompt_for_download": false,
            },
        }),
    );
    let connector = hyper_util::client::legacy::connect::HttpConnector::new();
    let mut last_error = None;
    for _ in 0..50 {
        match ClientBuilder::new(connector.clone())
            .capabilities(capabilities.clone())
            .connect(&format!("http://127.0.0.1:{port}"))
            .await
        {
            Ok(client) => {
                return Some(Browser {
                    client,
                    driver: child,
                    downloads,
                });
            }
            Err(error) => {
                last_error = Some(error);
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
        }
    }
    panic!("cannot start a browser session: {last_error:?}");
}

async fn wait_for_url(client: &Client, suffix: &str) -> String {
    for _ in 0..100 {
        let url = client.current_url().await.unwrap();
        if url.path().ends_with(suffix) {
            return url.to_string();
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the browser never reached …{suffix}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn typing_in_search_reaches_a_port_page() {
    let Some(browser) = browser().await else {
        return;
    };
    let base = &server(Engine::Sqlite).unwrap().base;
    let client = &browser.client;

    client.goto(&format!("{base}/")).await.unwrap();
    let input = client.wait().for_element(Locator::Css("#q")).await.unwrap();
    input.send_keys("高雄").await.unwrap();
    let suggestion = client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css("#suggestions a[href$='/ports/57920']"))
        .await
        .expect("a suggestion for the port of Kaohsiung");
    suggestion.click().await.unwrap();

    wait_for_url(client, "/ports/57920").await;
    let heading = client
        .find(Locator::Css("h1"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(heading.contains("高雄港"), "{heading}");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn switching_language_keeps_the_page() {
    let Some(browser) = browser().await else {
        return;
    };
    let base = &server(Engine::Sqlite).unwrap().base;
    let client = &browser.client;

    client.goto(&format!("{base}/ports/57920")).await.unwrap();
    let html = client.find(Locator::Css("html")).await.unwrap();
    assert_eq!(html.attr("lang").await.unwrap().as_deref(), Some("zh-TW"));
    client
        .find(Locator::Css("#lang-switch"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();

    wait_for_url(client, "/en/ports/57920").await;
    let html = client.find(Locator::Css("html")).await.unwrap();
    assert_eq!(html.attr("lang").await.unwrap().as_deref(), Some("en"));
    let heading = client
        .find(Locator::Css("h1"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(heading.contains("Kao-Hsiung"), "{heading}");
}

fn downloaded_csv(dir: &Path) -> Option<PathBuf> {
    std::fs::read_dir(dir)
        .ok()?
        .filter_map(Result::ok)
        .map(|entry| entry.path())
        .find(|path| path.extension().is_some_and(|ext| ext == "csv"))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn downloading_csv_from_a_country_page() {
    let Some(browser) = browser().await else {
        return;
    };
    let base = &server(Engine::Sqlite).unwrap().base;
    let client = &browser.client;

    client.goto(&format!("{base}/countries/TW")).await.unwrap();
    let link = client
        .wait()
        .for_element(Locator::Css("a.download-csv"))
        .await
        .unwrap();
    link.click().await.unwrap();

    let mut file = None;
    for _ in 0..100 {
        file = downloaded_csv(browser.downloads.path());
        if file.is_some() {
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let file = file.expect("a CSV file was downloaded");
    let bytes = std::fs::read(&file).unwrap();
    let text = std::str::from_utf8(bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(&bytes)).unwrap();
    let mut reader = csv::Reader::from_reader(text.as_bytes());
    let names: Vec<String> = reader
        .deserialize::<std::collections::HashMap<String, String>>()
        .map(|row| row.unwrap()["name"].clone())
        .collect();
    assert_eq!(names.len(), 8, "{names:?}");
    assert!(names.iter().any(|n| n == "Kao-Hsiung"), "{names:?}");
}

/// The names of the organization cards on a participation page, in page order.
async fn card_abbrs(client: &Client) -> Vec<String> {
    let mut abbrs = Vec::new();
    for card in client.find_all(Locator::Css("li.org-card")).await.unwrap() {
        abbrs.push(card.attr("data-abbr").await.unwrap().unwrap_or_default());
    }
    abbrs
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn filtering_taiwans_participation_and_opening_an_organization() {
    let Some(browser) = browser().await else {
        return;
    };
    let base = &server(Engine::Sqlite).unwrap().base;
    let client = &browser.client;

    client.goto(&format!("{base}/en/taiwan")).await.unwrap();
    wait_for_url(client, "/en/countries/TW/organizations").await;
    assert!(card_abbrs(client).await.contains(&"UN".to_owned()));

    let status = client.find(Locator::Css("#status")).await.unwrap();
    status.select_by_value("current").await.unwrap();
    client
        .find(Locator::Css("#apply"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_query(client, "status=current").await;
    let current = card_abbrs(client).await;
    assert!(current.contains(&"WTO".to_owned()), "{current:?}");
    assert!(!current.contains(&"UN".to_owned()), "{current:?}");

    let sort = client.find(Locator::Css("#sort")).await.unwrap();
    sort.select_by_value("name").await.unwrap();
    client
        .find(Locator::Css("#apply"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_query(client, "sort=name").await;
    let mut names = Vec::new();
    for heading in client
        .find_all(Locator::Css("li.org-card h3 a"))
        .await
        .unwrap()
    {
        names.push(heading.text().await.unwrap().to_lowercase());
    }
    let mut sorted = names.clone();
    sorted.sort();
    assert_eq!(names, sorted);
    assert_eq!(card_abbrs(client).await.len(), current.len());

    client
        .find(Locator::Css("li.org-card[data-abbr='WTO'] h3 a"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_url(client, "/en/organizations/WTO").await;
    let timeline = client
        .find(Locator::Css("#timeline-TW"))
        .await
        .unwrap()
        .text()
        .await
        .unwrap();
    assert!(
        timeline.contains("2002-01-01 – to the present"),
        "{timeline}"
    );
    assert!(
        timeline.contains("Separate Customs Territory of Taiwan"),
        "{timeline}"
    );

    // The member map fills the members in from the embedded world atlas.
    let filled = client
        .wait()
        .at_most(Duration::from_secs(10))
        .for_element(Locator::Css(
            "#map-section:not([hidden]) path[fill='#0b5c8c']",
        ))
        .await;
    assert!(filled.is_ok(), "no member filled in on the map");
}

async fn wait_for_query(client: &Client, part: &str) {
    for _ in 0..100 {
        let url = client.current_url().await.unwrap();
        if url.query().is_some_and(|query| query.contains(part)) {
            return;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the browser never reached a page with {part} in its query");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_country_comparison_highlights_taiwan_and_flags_the_gap() {
    let Some(browser) = browser().await else {
        return;
    };
    let base = &server(Engine::Sqlite).unwrap().base;
    let client = &browser.client;

    client
        .goto(&format!("{base}/en/countries/TR"))
        .await
        .unwrap();
    client
        .wait()
        .for_element(Locator::Css("a[href$='/en/countries/TR/advisories']"))
        .await
        .unwrap()
        .click()
        .await
        .unwrap();
    wait_for_url(client, "/en/countries/TR/advisories").await;

    let taiwan = client.find(Locator::Css("#advisory-tw")).await.unwrap();
    assert!(
        taiwan
            .attr("class")
            .await
            .unwrap()
            .unwrap_or_default()
            .contains("taiwan")
    );
    assert_eq!(
        taiwan.attr("data-level").await.unwrap().as_deref(),
        Some("4")
    );
    let us = client.find(Locator::Css("#advisory-us")).await.unwrap();
    assert!(
        us.attr("class")
            .await
            .unwrap()
            .unwrap_or_default()
            .contains("flagged")
    );
    assert!(us.text().await.unwrap().contains("Level 2"));
    let flag = client.find(Locator::Css("#taiwan-flag")).await.unwrap();
    assert!(
        flag.text()
            .await
            .unwrap()
            .contains("Two steps or more from Taiwan")
    );
}
