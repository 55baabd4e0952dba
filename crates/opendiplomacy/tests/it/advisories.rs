//! Travel advisories over real HTTP and through the importer, on each engine, with the bundled
//! snapshots: the US, Canada, the UK, Australia and Ireland in 2025 and 2026, and BOCA.

use opendiplomacy::advisories::Source;
use opendiplomacy::seed::{self, Dataset, Quiet, SeedError};
use serde_json::Value;

use crate::on_both_engines;
use crate::support::{Engine, client, fresh_database, get, json, server};

fn row<'a>(listing: &'a Value, source: &str) -> &'a Value {
    listing["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|row| row["source"] == source)
        .unwrap_or_else(|| panic!("no row for {source}: {listing}"))
}

async fn turkey_side_by_side_flags_taiwan(engine: Engine) {
    let Some(server) = server(engine) else { return };
    let turkey = json(&format!("{}/api/v1/countries/tr/advisories", server.base)).await;
    let items = turkey["items"].as_array().unwrap();
    assert_eq!(items.len(), 6);
    assert_eq!(items[0]["source"], "tw");
    let taiwan = row(&turkey, "tw");
    assert_eq!(taiwan["level"], 4);
    assert_eq!(taiwan["regional"], true);
    assert_eq!(taiwan["source_words"], "紅色：儘速離境");
    let us = row(&turkey, "us");
    assert_eq!(us["level"], 2);
    assert_eq!(us["destination"], "Turkey");
    assert_eq!(us["flag_against_taiwan"], true);
    // The UK gives no levels: its row is there, with no level.
    let uk = row(&turkey, "uk");
    assert_eq!(uk["level"], Value::Null);
    assert_eq!(uk["published"], "2026-07-22T13:48:23+01:00");
    assert_eq!(uk["published_utc"], "2026-07-22T12:48:23Z");
    // Ireland is served from 2025, and says that a newer snapshot was passed over.
    let ireland = row(&turkey, "ie");
    assert_eq!(ireland["snapshot_taken"], "2025-04-15");
    assert_eq!(ireland["newer_stale_snapshot"], "2026-08-22");
}

async fn afghanistan_is_level_4_for_the_us_in_every_format(engine: Engine) {
    let Some(server) = server(engine) else { return };
    let base = format!("{}/api/v1/advisories?source=us&country=AF", server.base);
    let listing = json(&base).await;
    assert_eq!(listing["total"], 1);
    assert_eq!(listing["items"][0]["level"], 4);
    assert_eq!(
        listing["items"][0]["source_words"],
        "Level 4: Do Not Travel"
    );

    let (status, csv) = get(&format!("{base}&format=csv")).await;
    assert_eq!(status, 200);
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header = reader.headers().unwrap().clone();
    let record = reader.records().next().unwrap().unwrap();
    let level = header.iter().position(|h| h == "level").unwrap();
    assert_eq!(&record[level], "4");

    let (status, xml) = get(&format!("{base}&format=xml")).await;
    assert_eq!(status, 200);
    assert!(xml.contains("<level>4</level>"), "{xml}");
}

async fn ireland_is_stale_and_its_last_good_snapshot_served(engine: Engine) {
    let Some(server) = server(engine) else { return };
    let sources = json(&format!("{}/api/v1/advisories/sources", server.base)).await;
    let ireland = row(&sources, "ie");
    assert_eq!(ireland["current_taken"], "2025-04-15");
    assert_eq!(ireland["stale_taken"], "2026-08-22");
    assert!(ireland["level_4"].as_i64().unwrap() > 10, "{ireland}");
    let canada = row(&sources, "ca");
    assert_eq!(canada["current_taken"], "2026-08-22");
    assert_eq!(canada["stale_taken"], Value::Null);

    let snapshots = json(&format!(
        "{}/api/v1/advisories/snapshots?source=ie",
        server.base
    ))
    .await;
    let statuses: Vec<(&str, &str)> = snapshots["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["taken"].as_str().unwrap(), s["status"].as_str().unwrap()))
        .collect();
    assert_eq!(
        statuses,
        [("2025-04-15", "current"), ("2026-08-22", "stale")]
    );
    assert_eq!(snapshots["items"][1]["rows_with_level"], 0);
}

async fn canada_changed_eleven_levels_between_the_snapshots(engine: Engine) {
    let Some(server) = server(engine) else { return };
    let url = format!(
        "{}/api/v1/advisories/changes?source=ca&from=2025-04-15&to=2026-08-22",
        server.base
    );
    let levels = json(&format!("{url}&kind=level")).await;
    assert_eq!(levels["total"], 11);
    let qatar = levels["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["country"] == "QA")
        .unwrap();
    assert_eq!(
        (qatar["before"].as_i64(), qatar["after"].as_i64()),
        (Some(1), Some(3))
    );
    let renamed = json(&format!("{url}&kind=renamed")).await;
    let israel = renamed["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["country"] == "IL")
        .expect("Israel renamed");
    assert_eq!(israel["after_destination"], "Israel and Palestine");
}

async fn unmapped_destinations_are_reported(engine: Engine) {
    let Some(server) = server(engine) else { return };
    let taiwan = json(&format!(
        "{}/api/v1/advisories/snapshots?source=tw",
        server.base
    ))
    .await;
    assert_eq!(
        taiwan["items"][0]["unmapped"],
        serde_json::json!(["SOMALILAND"])
    );
    // Macao and Macau are one place.
    let macao = json(&format!("{}/api/v1/countries/MO/advisories", server.base)).await;
    assert_eq!(row(&macao, "ca")["destination"], "Macao");
    assert_eq!(row(&macao, "au")["destination"], "Macau");
    // BOCA does not cover Macao: no advisory, not "gray".
    assert_eq!(row(&macao, "tw")["level"], Value::Null);
    assert_eq!(row(&macao, "tw")["destination"], Value::Null);
}

async fn bad_advisory_parameters_name_the_parameter(engine: Engine) {
    let Some(server) = server(engine) else { return };
    for (path, param) in [
        ("/api/v1/advisories?source=xx", "source"),
        ("/api/v1/advisories?level=5", "level"),
        ("/api/v1/advisories?country=Taiwan", "country"),
        (
            "/api/v1/advisories/changes?from=2025-04-15&to=2026-08-22",
            "source",
        ),
        (
            "/api/v1/advisories/changes?source=ca&from=1999-01-01&to=2026-08-22",
            "from",
        ),
        ("/api/v1/advisories/snapshots?colour=red", "query"),
    ] {
        let response = client()
            .get(format!("{}{path}", server.base))
            .header("accept-language", "en")
            .send()
            .await
            .unwrap();
        assert_eq!(response.status(), 400, "{path}");
        let problem: Value = response.json().await.unwrap();
        assert_eq!(problem["parameter"], param, "{path}: {problem}");
    }
    let (status, _) = get(&format!("{}/api/v1/countries/XX/advisories", server.base)).await;
    assert_eq!(status, 404);
}

async fn the_atom_feed_is_well_formed(engine: Engine) {
    let Some(server) = server(engine) else { return };
    let response = client()
        .get(format!("{}/en/advisories/changes.atom", server.base))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert!(
        response.headers()["content-type"]
            .to_str()
            .unwrap()
            .starts_with("application/atom+xml")
    );
    let body = response.text().await.unwrap();
    let mut reader = quick_xml::Reader::from_str(&body);
    let mut entries = 0;
    loop {
        match reader.read_event().expect("well-formed XML") {
            quick_xml::events::Event::Start(tag) if tag.name().as_ref() == b"entry" => entries += 1,
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    // Canada's eleven and the other sources' level changes; Ireland's lost levels are none.
    assert!(entries >= 11, "{entries} entries");
    assert!(body.contains("Qatar"), "{body}");
}

async fn the_pages_show_the_comparison(engine: Engine) {
    let Some(server) = server(engine) else { return };
    let (status, html) = get(&format!("{}/countries/TR/advisories", server.base)).await;
    assert_eq!(status, 200);
    assert!(html.contains("id=\"taiwan-flag\""), "{html}");
    assert!(html.contains("紅色：儘速離境"));
    let (status, html) = get(&format!("{}/en/advisories?source=us", server.base)).await;
    assert_eq!(status, 200);
    assert!(html.contains("Where Taiwan differs by two steps or more"));
    assert!(
        html.contains("Stale"),
        "Ireland's stale snapshot is said so"
    );
    let (status, html) = get(&format!("{}/en/advisories?source=nope", server.base)).await;
    assert_eq!(status, 200);
    assert!(html.contains("The parameter “source”"));
    let (status, html) = get(&format!("{}/en/advisories/changes?source=ca", server.base)).await;
    assert_eq!(status, 200);
    assert!(html.contains("Israel and Palestine"));
    let (status, html) = get(&format!("{}/en/countries/TW", server.base)).await;
    assert_eq!(status, 200);
    assert!(html.contains("/en/countries/TW/advisories"));
}

async fn importing_keeps_history_and_judges_staleness(engine: Engine) {
    let Some((_, store)) = fresh_database(engine).await else {
        return;
    };
    let (name, countries) = Dataset::Countries.bundled();
    seed::load(store.as_ref(), Dataset::Countries, name, countries, &Quiet)
        .await
        .unwrap();
    let files: Vec<_> = seed::BUNDLED_ADVISORIES
        .iter()
        .filter(|(source, _, _)| *source == Source::Ireland)
        .collect();
    for (source, taken, file) in &files {
        seed::load_advisories(store.as_ref(), *source, *file, taken, &Quiet)
            .await
            .unwrap();
    }
    let snapshots = store.advisory_snapshots().await.unwrap();
    assert_eq!(snapshots.len(), 2);
    assert!(!snapshots[0].stale && snapshots[1].stale);
    // 211 rows; "China - Hong Kong / Macao" and "Israel and the Occupied Territories" each
    // name two countries.
    assert_eq!(snapshots[0].advisories.len(), 213);

    let broken = b"destination,risk_level,last_updated,details_url\nAfghanistan,Do Not Travel,20 May,https://x\n";
    let error = seed::load_advisories(
        store.as_ref(),
        Source::Ireland,
        ("broken.csv", &broken[..]),
        "2026-09-01",
        &Quiet,
    )
    .await
    .expect_err("a malformed file is refused");
    assert!(matches!(error, SeedError::Advisories(_)));
    assert!(error.to_string().starts_with("broken.csv:2:3:"), "{error}");
    assert_eq!(store.advisory_snapshots().await.unwrap().len(), 2);

    // Importing the same source and day again replaces that snapshot, keeping the others.
    let (source, taken, file) = files[0];
    seed::load_advisories(store.as_ref(), *source, *file, taken, &Quiet)
        .await
        .unwrap();
    assert_eq!(store.advisory_snapshots().await.unwrap().len(), 2);
}

on_both_engines!(
    turkey_side_by_side_flags_taiwan,
    afghanistan_is_level_4_for_the_us_in_every_format,
    ireland_is_stale_and_its_last_good_snapshot_served,
    canada_changed_eleven_levels_between_the_snapshots,
    unmapped_destinations_are_reported,
    bad_advisory_parameters_name_the_parameter,
    the_atom_feed_is_well_formed,
    the_pages_show_the_comparison,
    importing_keeps_history_and_judges_staleness,
);
