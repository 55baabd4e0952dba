//! Real values from the bundled data: the COW files as published, and the cited statements.

use std::collections::HashSet;
use std::sync::LazyLock;

use super::*;
use crate::countries::{Country, parse_countries};

static COUNTRIES: LazyLock<Vec<Country>> = LazyLock::new(|| {
    parse_countries("countries.csv", crate::seed::COUNTRIES_CSV).expect("bundled countries")
});

fn codes() -> HashSet<String> {
    COUNTRIES
        .iter()
        .map(|c| c.code.as_str().to_owned())
        .collect()
}

static DATA: LazyLock<OrgData> = LazyLock::new(|| {
    parse_organizations(&crate::seed::bundled_org_files(), &codes()).expect("bundled organizations")
});

static CATALOGUE: LazyLock<Catalogue> = LazyLock::new(|| {
    Catalogue::build(
        DATA.organizations.clone(),
        DATA.statements.clone(),
        &DATA.parties,
        &COUNTRIES,
        2026,
    )
});

fn org(abbr: &str) -> &'static Organization {
    CATALOGUE.find(abbr).unwrap_or_else(|| panic!("no {abbr}"))
}

fn spells(abbr: &str, party: &str) -> Vec<String> {
    CATALOGUE
        .spells_of(org(abbr).id, party)
        .iter()
        .map(|s| {
            let end = match (s.end, s.unrecorded_after) {
                (None, _) => "".to_owned(),
                (Some(end), false) => end.to_string(),
                (Some(end), true) => format!("{end}+"),
            };
            format!("{} {}–{end}", s.status.code(), s.start)
        })
        .collect()
}

#[test]
fn every_cow_organization_and_the_added_ones_load() {
    let cow = DATA
        .organizations
        .iter()
        .filter(|o| o.origin == Origin::Dataset)
        .count();
    assert_eq!(cow, 534);
    assert_eq!(DATA.organizations.len(), 538);
    let wto = org("wto");
    assert_eq!(wto.id, OrgId(4580));
    assert_eq!(wto.founded, Some(1995));
    assert_eq!(wto.kinds, vec![OrgKind::Economic]);
    assert_eq!(org("WHA").parent, Some(org("WHO").id));
}

#[test]
fn missing_data_is_not_membership() {
    let spells_read: u64 = 40_934;
    assert!(
        DATA.notes[0].contains(&format!("{spells_read} membership spells")),
        "{:?}",
        DATA.notes
    );
    assert!(
        DATA.notes[0].contains("22246 coded as missing data"),
        "{:?}",
        DATA.notes
    );
    // ICAO 2014 is coded -9 for both China and Taiwan: the PRC's COW spell ends in 2013.
    let icao = CATALOGUE.statements_of(org("ICAO").id);
    assert!(
        icao.iter()
            .any(|s| s.id == "cow/2500/710/1971" && s.end == Some(When::year(2013)))
    );
}

#[test]
fn the_roc_has_one_history_at_the_united_nations() {
    assert_eq!(spells("UN", "TW"), ["full 1945-10-24–1971-10-25"]);
    assert_eq!(spells("UN", "CN"), ["full 1971-10-25–"]);
    let members_1960 = CATALOGUE.members_in(org("UN").id, 1960);
    assert!(members_1960.iter().any(|s| s.party == "TW" && s.recorded));
    assert!(!members_1960.iter().any(|s| s.party == "CN"));
}

#[test]
fn china_710_before_1912_is_the_qing_empire() {
    let pca = spells("PCA", QING);
    assert_eq!(pca, ["full 1904–1911"]);
    assert!(spells("PCA", "TW")[0].starts_with("full 1912–"));
}

#[test]
fn a_cited_deprecation_removes_the_wrong_apo_seat() {
    let apo = CATALOGUE.statements_of(org("APO").id);
    let wrong = apo
        .iter()
        .find(|s| s.id == "cow/600/710/1965")
        .expect("the COW spell is kept");
    assert_eq!(wrong.rank, Rank::Deprecated);
    assert!(
        wrong
            .deprecation
            .as_ref()
            .is_some_and(|d| d.source.url.is_some())
    );
    assert!(spells("APO", "CN").is_empty());
    assert_eq!(spells("APO", "TW"), ["full 1961-05-11–"]);
}

#[test]
fn after_2014_a_membership_is_not_recorded_unless_carried_on() {
    // Taiwan in the ICAC: the data ends in 2014, a cited statement carries it on.
    assert_eq!(spells("WTO", "TW"), ["full 2002-01-01–"]);
    // A cited statement with no start carries the data's spell on, and reaches back no further.
    assert_eq!(spells("ICAC", "TW"), ["full 1963–"]);
    // Japan in the WTO: nothing cited after 2014.
    assert_eq!(spells("WTO", "JP"), ["full 1995–2014+"]);
    let now = CATALOGUE.members_in(org("WTO").id, 2026);
    let japan = now.iter().find(|s| s.party == "JP").expect("Japan listed");
    assert!(!japan.recorded);
    let taiwan = now.iter().find(|s| s.party == "TW").expect("Taiwan listed");
    assert!(taiwan.recorded);
}

#[test]
fn where_the_last_year_is_all_missing_the_record_stops_a_year_earlier() {
    // COW codes every ICAO membership of 2014 as missing data.
    assert_eq!(org("ICAO").data_until, Some(2013));
    // COW counts the ICAO from its forerunner, the International Commission for Air Navigation.
    assert_eq!(spells("ICAO", "JP"), ["full 1919–2013+"]);
    let japan = CATALOGUE
        .standing_now(org("ICAO").id, "JP")
        .expect("listed");
    assert_eq!((japan.recorded, japan.last_recorded), (false, Some(2013)));
}

#[test]
fn a_status_that_changes_within_a_year_keeps_its_date() {
    assert_eq!(
        spells("IATTC", "TW"),
        ["observer 1973–2010-08-27", "full 2010-08-27–"]
    );
}

#[test]
fn a_spell_shows_the_name_used_during_it() {
    let interpol = org("INTERPOL");
    let spells = CATALOGUE.spells_of(interpol.id, "TW");
    let named: Vec<Option<&str>> = spells
        .iter()
        .map(|spell| {
            CATALOGUE
                .name_used_during(interpol.id, spell)
                .and_then(|s| s.value_en.as_deref())
        })
        .collect();
    assert_eq!(named.last(), Some(&Some("Republic of China")), "{named:?}");
    assert_eq!(named.first(), Some(&None), "{named:?}");
}

#[test]
fn english_names_drop_the_abbreviation_shown_beside_them() {
    assert_eq!(CATALOGUE.name_en(org("WTO")), "World Trade Organization");
    assert_eq!(
        CATALOGUE.name_en(org("AsDB")),
        "Asian Development Bank (ADB)"
    );
}

#[test]
fn the_name_used_is_not_the_countrys_name() {
    let names = CATALOGUE.names_used(org("APEC").id, "TW");
    assert_eq!(names[0].value_en.as_deref(), Some("Chinese Taipei"));
    let taiwan = CATALOGUE.party("TW").expect("Taiwan");
    assert_eq!(taiwan.name_zh, "台灣");
    assert_eq!(CATALOGUE.name_zh(org("WHO").id), Some("世界衛生組織"));
}

#[test]
fn pre_1971_china_seats_are_flagged_for_review() {
    let flagged: Vec<&str> = DATA
        .statements
        .iter()
        .filter(|s| s.review.is_some())
        .map(|s| s.id.as_str())
        .collect();
    assert!(flagged.contains(&"cow/600/710/1965"), "{flagged:?}");
    assert!(!flagged.iter().any(|id| id.starts_with("cow/4400/")));
}

#[test]
fn taiwan_participation_lists_current_and_former() {
    let orgs: Vec<&str> = CATALOGUE
        .organizations_of("TW")
        .iter()
        .map(|o| o.abbr.as_str())
        .collect();
    for abbr in [
        "UN", "WHO", "WTO", "APEC", "AsDB", "IOEz", "INTERPOL", "WHA", "ICAO-A", "IOC",
    ] {
        assert!(orgs.contains(&abbr), "{abbr} missing from {orgs:?}");
    }
}

#[test]
fn when_parses_only_real_dates() {
    assert_eq!(
        When::parse("1971-10-25").map(|w| w.to_string()),
        Some("1971-10-25".into())
    );
    assert_eq!(
        When::parse("1991-11").map(|w| w.to_string()),
        Some("1991-11".into())
    );
    assert!(When::parse("1971-02-30").is_none());
    assert!(When::parse("71").is_none());
    assert!(When::parse("1971-13").is_none());
    assert!(When::parse("2024-02-29").is_some());
}
