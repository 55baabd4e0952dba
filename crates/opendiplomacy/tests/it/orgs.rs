//! International organizations over real HTTP and through the importer, on each engine, with
//! the bundled COW data and the cited statements.

use std::collections::HashSet;

use opendiplomacy::orgs::{NamedFile, OrgFiles};
use opendiplomacy::seed::{self, Quiet, SeedError};
use serde_json::Value;

use crate::on_both_engines;
use crate::support::{Engine, fresh_database, get, json, server};

/// `(party, status, start, end)` of each membership row.
fn spells(listing: &Value) -> Vec<(String, String, String, String)> {
    listing["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|row| {
            let text = |key: &str| row[key].as_str().unwrap_or("").to_owned();
            (text("party"), text("status"), text("start"), text("end"))
        })
        .collect()
}

async fn the_roc_and_the_prc_each_have_their_own_un_seat(engine: Engine) {
    let Some(server) = server(engine) else { return };
    let base = format!("{}/api/v1/organizations/un/memberships", server.base);
    let roc = json(&format!("{base}?party=TW")).await;
    assert_eq!(
        spells(&roc),
        [(
            "TW".into(),
            "full".into(),
            "1945-10-24".into(),
            "1971-10-25".into()
        )]
    );
    assert_eq!(roc["items"][0]["rank"], "preferred");
    let prc = json(&format!("{base}?party=cn")).await;
    assert_eq!(
        spells(&prc),
        [(
            "CN".into(),
            "full".into(),
            "1971-10-25".into(),
            String::new()
        )]
    );
    // In 1960 the ROC held the seat and the PRC did not.
    let in_1960 = json(&format!("{base}?year=1960&limit=5000")).await;
    let parties: HashSet<String> = spells(&in_1960).into_iter().map(|s| s.0).collect();
    assert!(parties.contains("TW") && !parties.contains("CN"));
    // 97 states in COW's 1960 UN column; the UN counted 99 members at the end of 1960, the
    // other two being the Byelorussian and Ukrainian SSRs, which COW does not list as states.
    assert_eq!(in_1960["total"], 97);
}

async fn after_2014_memberships_are_not_recorded_unless_cited(engine: Engine) {
    let Some(server) = server(engine) else { return };
    let now = json(&format!(
        "{}/api/v1/organizations/WTO/memberships?year=2026&limit=5000",
        server.base
    ))
    .await;
    let row = |party: &str| {
        now["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|row| row["party"] == party)
            .cloned()
            .unwrap_or_else(|| panic!("{party} listed"))
    };
    assert_eq!(row("JP")["recorded"], false);
    assert_eq!(row("JP")["end"], "2014");
    assert_eq!(row("JP")["unrecorded_after"], true);
    assert_eq!(row("TW")["recorded"], true);
    assert_eq!(row("TW")["start"], "2002-01-01");
    assert_eq!(
        row("TW")["name_used"],
        "Separate Customs Territory of Taiwan, Penghu, Kinmen and Matsu"
    );
}

async fn taiwan_participation_current_and_former(engine: Engine) {
    let Some(server) = server(engine) else { return };
    let url = |status: &str| {
        format!(
            "{}/api/v1/countries/tw/memberships?status={status}&limit=5000",
            server.base
        )
    };
    let orgs = |listing: &Value| -> HashSet<String> {
        listing["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|row| row["organization"].as_str().unwrap().to_owned())
            .collect()
    };
    let current = orgs(&json(&url("current")).await);
    for abbr in ["WTO", "APEC", "AsDB", "APO", "IOEz", "IOC"] {
        assert!(current.contains(abbr), "{abbr} not in {current:?}");
    }
    let former = orgs(&json(&url("former")).await);
    for abbr in ["UN", "WHO", "IMF", "INTERPOL", "WHA"] {
        assert!(former.contains(abbr), "{abbr} not in {former:?}");
    }
    assert!(current.is_disjoint(&former));
    // COW last records Taiwan in the IOcC in 2014, and a cited statement deprecates that spell;
    // the International Cotton Advisory Committee is carried on by a cited statement.
    let unrecorded = orgs(&json(&url("unrecorded")).await);
    assert!(unrecorded.is_disjoint(&current) && unrecorded.is_disjoint(&former));
    assert!(current.contains("ICAC") && !unrecorded.contains("IOcC"));
    // Japan's view comes from the same data.
    let japan = orgs(
        &json(&format!(
            "{}/api/v1/countries/JP/memberships?limit=5000",
            server.base
        ))
        .await,
    );
    assert!(japan.contains("UN") && japan.contains("OECD"));
}

async fn statements_carry_sources_and_ranks(engine: Engine) {
    let Some(server) = server(engine) else { return };
    let apo = json(&format!(
        "{}/api/v1/organizations/APO/statements?party=CN&limit=100",
        server.base
    ))
    .await;
    let wrong = &apo["items"][0];
    assert_eq!(wrong["id"], "cow/600/710/1965");
    assert_eq!(wrong["rank"], "deprecated");
    assert_eq!(wrong["origin"], "dataset");
    assert!(
        wrong["deprecation_source_url"]
            .as_str()
            .is_some_and(|url| url.starts_with("http"))
    );
    assert!(wrong["review"].is_string());

    let names = json(&format!(
        "{}/api/v1/statements?organization=APEC&property=name_used",
        server.base
    ))
    .await;
    let apec = &names["items"][0];
    assert_eq!(apec["party"], "TW");
    assert_eq!(apec["value_en"], "Chinese Taipei");
    assert_eq!(apec["origin"], "community");
    assert_eq!(apec["verified"], false);
    assert_eq!(apec["source_seen"], "2026-12-03");

    let who = json(&format!("{}/api/v1/organizations/who", server.base)).await;
    assert_eq!(who["name_zh"], "世界衛生組織");
    assert_eq!(who["headquarters_en"], "Geneva, Switzerland");
}

async fn walking_every_statement_page_sees_each_once(engine: Engine) {
    let Some(server) = server(engine) else { return };
    let mut url = format!("{}/api/v1/statements?limit=5000", server.base);
    let mut seen = HashSet::new();
    let total = loop {
        let page = json(&url).await;
        let total = page["total"].as_u64().unwrap();
        for row in page["items"].as_array().unwrap() {
            assert!(seen.insert(row["id"].as_str().unwrap().to_owned()), "{row}");
        }
        match page["next"].as_str() {
            Some(next) => url = format!("{}{next}", server.base),
            None => break total,
        }
    };
    assert_eq!(seen.len() as u64, total);
    assert!(total > 19_000, "{total}");
}

async fn formats_agree_on_memberships(engine: Engine) {
    let Some(server) = server(engine) else { return };
    let base = format!(
        "{}/api/v1/organizations/APEC/memberships?party=TW",
        server.base
    );
    let (_, csv) = get(&format!("{base}&format=csv")).await;
    let mut lines = csv.lines();
    assert!(
        lines
            .next()
            .unwrap()
            .starts_with("organization,organization_name_zh")
    );
    assert!(lines.next().unwrap().starts_with("APEC,亞太經濟合作,"));
    let (_, xml) = get(&format!("{base}&format=xml")).await;
    assert!(
        xml.contains("<name_used>Chinese Taipei</name_used>"),
        "{xml}"
    );
    let (status, _) = get(&format!("{base}&format=geojson")).await;
    assert_eq!(status, 400);
}

async fn search_finds_organizations_in_both_languages(engine: Engine) {
    let Some(server) = server(engine) else { return };
    for query in ["世界衛生組織", "WHO", "World%20Health", "世界衛生"] {
        let hits = json(&format!("{}/api/v1/search?q={query}", server.base)).await;
        let first = &hits["items"][0];
        assert_eq!(first["kind"], "organization", "{query}");
        assert_eq!(first["id"], "WHO", "{query}");
        assert_eq!(first["url"], "/organizations/WHO", "{query}");
    }
}

async fn bad_requests_name_the_parameter(engine: Engine) {
    let Some(server) = server(engine) else { return };
    for (path, param) in [
        ("/api/v1/organizations?type=military", "type"),
        ("/api/v1/organizations?alive=maybe", "alive"),
        ("/api/v1/organizations?sort=size", "sort"),
        ("/api/v1/organizations/UN/memberships?year=1700", "year"),
        ("/api/v1/organizations/UN/memberships?year=abc", "year"),
        ("/api/v1/statements?property=colour", "property"),
        ("/api/v1/statements?rank=best", "rank"),
        ("/api/v1/statements?organization=NOPE", "organization"),
        ("/api/v1/countries/TW/memberships?status=maybe", "status"),
        ("/api/v1/statements?cursor=garbage", "cursor"),
    ] {
        let (status, body) = get(&format!("{}{path}", server.base)).await;
        assert_eq!(status, 400, "{path}: {body}");
        let problem: Value = serde_json::from_str(&body).unwrap();
        assert_eq!(problem["parameter"], param, "{path}");
    }
    for path in [
        "/api/v1/organizations/NOPE",
        "/api/v1/organizations/%3Cscript%3E/memberships",
        "/api/v1/countries/XX/memberships",
        "/api/v1/organizations/999999/statements",
    ] {
        let (status, _) = get(&format!("{}{path}", server.base)).await;
        assert_eq!(status, 404, "{path}");
    }
}

/// The bundled dataset's files with `statements.csv` replaced.
fn files_with_statements(statements: &[u8]) -> OrgFiles<'_> {
    OrgFiles {
        statements: NamedFile {
            name: "statements.csv",
            bytes: statements,
        },
        ..seed::bundled_org_files()
    }
}

async fn a_bad_statement_is_refused_whole_with_its_line(engine: Engine) {
    let Some((_, store)) = fresh_database(engine).await else {
        return;
    };
    seed::load_missing(store.as_ref(), &Quiet)
        .await
        .expect("bundled data");
    let before = store.org_statements().await.unwrap();

    let bundled = std::str::from_utf8(seed::bundled_org_files().statements.bytes).unwrap();
    let header = bundled.lines().next().unwrap();
    let cases = [
        (
            "WTO,membership,TW,member,,,2002,,preferred,,T,https://example.org/,2026-12-03,",
            "statements.csv:3:4:",
        ),
        (
            "WTO,membership,TW,full,,,2002,,preferred,,T,not a url,2026-12-03,",
            "statements.csv:3:12:",
        ),
        (
            "APO,membership,CN,full,,,1966,2014,deprecated,wrong,T,https://example.org/,2026-12-03,",
            "statements.csv:3:7:",
        ),
        (
            "UN,name_used,,,Chinese Taipei,,,,normal,,T,https://example.org/,2026-12-03,",
            "statements.csv:3:3:",
        ),
        (
            "UN,headquarters,,,\"=HYPERLINK(\"\"x\"\")\",,1971-02-30,,normal,,T,https://example.org/,2026-12-03,",
            "statements.csv:3:7:",
        ),
    ];
    for (row, place) in cases {
        let good = bundled.lines().nth(1).unwrap();
        let file = format!("{header}\n{good}\n{row}\n");
        let error = seed::load_organizations(
            store.as_ref(),
            &files_with_statements(file.as_bytes()),
            "test",
            &Quiet,
        )
        .await
        .expect_err("refused");
        assert!(matches!(error, SeedError::Organizations(_)));
        assert!(
            error.to_string().starts_with(place),
            "{error} (wanted {place})"
        );
    }
    assert_eq!(store.org_statements().await.unwrap(), before);
}

async fn reimporting_the_same_files_changes_nothing(engine: Engine) {
    let Some((_, store)) = fresh_database(engine).await else {
        return;
    };
    seed::load_missing(store.as_ref(), &Quiet)
        .await
        .expect("bundled data");
    let run = seed::load_organizations(store.as_ref(), &seed::bundled_org_files(), "again", &Quiet)
        .await
        .expect("reimport");
    assert_eq!((run.inserted, run.updated), (0, 0));
    assert_eq!(run.unchanged, run.rows);
    assert_eq!(store.organizations().await.unwrap().len(), 538);
}

on_both_engines!(
    the_roc_and_the_prc_each_have_their_own_un_seat,
    after_2014_memberships_are_not_recorded_unless_cited,
    taiwan_participation_current_and_former,
    statements_carry_sources_and_ranks,
    walking_every_statement_page_sees_each_once,
    formats_agree_on_memberships,
    search_finds_organizations_in_both_languages,
    bad_requests_name_the_parameter,
    a_bad_statement_is_refused_whole_with_its_line,
    reimporting_the_same_files_changes_nothing,
);
