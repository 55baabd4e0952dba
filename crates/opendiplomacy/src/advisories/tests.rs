//! The importers and comparisons on the bundled files: real values from the snapshots.

use super::*;
use crate::countries::{BUNDLED_CSV, CountryCode, parse_countries};
use crate::seed::{BOCA_AREAS, BUNDLED_ADVISORIES, DESTINATION_ALIASES};

fn names() -> DestinationNames {
    let countries = parse_countries("countries.csv", BUNDLED_CSV).expect("bundled countries");
    DestinationNames::new(&countries, DESTINATION_ALIASES, BOCA_AREAS).expect("alias tables")
}

fn code(text: &str) -> CountryCode {
    CountryCode::parse(text).expect("code")
}

/// The bundled file of a source taken on a day, parsed.
fn parsed(source: Source, taken: &str) -> Parsed {
    let (_, _, (file, bytes)) = BUNDLED_ADVISORIES
        .iter()
        .find(|(s, t, _)| *s == source && *t == taken)
        .expect("bundled file");
    parse_advisories(source, file, bytes, &names()).expect("parses")
}

fn snapshot(source: Source, taken: &str, id: i64) -> Snapshot {
    let parsed = parsed(source, taken);
    Snapshot {
        id,
        source,
        taken: taken.to_owned(),
        fetched: "2026-09-30T00:00:00Z".into(),
        origin: "test".into(),
        rows: parsed.rows,
        rows_with_level: parsed.rows_with_level,
        stale: false,
        unmapped: parsed.unmapped,
        notes: parsed.notes,
        advisories: parsed.advisories,
    }
}

fn level(parsed: &Parsed, country: &str) -> Option<Level> {
    parsed
        .advisories
        .iter()
        .find(|a| a.country.as_str() == country)
        .and_then(|a| a.level)
}

#[test]
fn the_us_says_do_not_travel_to_afghanistan() {
    let us = parsed(Source::UnitedStates, "2026-08-22");
    let afghanistan = us
        .advisories
        .iter()
        .find(|a| a.country.as_str() == "AF")
        .expect("AF");
    assert_eq!(afghanistan.level, Some(Level::Four));
    assert_eq!(
        afghanistan.source_words.as_deref(),
        Some("Level 4: Do Not Travel")
    );
    assert_eq!(
        afghanistan.published.as_deref(),
        Some("2025-01-13T00:00:00")
    );
    // A naive timestamp names no zone, so it has no instant.
    assert_eq!(afghanistan.published_utc, None);
    // "Burma (Myanmar)" maps through the alias table; its level-less country-information row
    // does not hide the advisory's level.
    assert_eq!(level(&us, "MM"), Some(Level::Four));
    assert_eq!(us.rows, 237);
}

#[test]
fn the_us_other_and_blank_levels_are_missing_not_safe() {
    let us = parsed(Source::UnitedStates, "2026-08-22");
    // Mexico's level is "Other" (-1): no level at all.
    assert_eq!(level(&us, "MX"), None);
    let mexico = us
        .advisories
        .iter()
        .find(|a| a.country.as_str() == "MX")
        .unwrap();
    assert_eq!(mexico.source_words.as_deref(), Some("Other"));
    assert!(
        us.notes.iter().any(|n| n.contains("Other")),
        "{:?}",
        us.notes
    );
    // France is listed three times; the advisory's level 2 is kept.
    assert_eq!(level(&us, "FR"), Some(Level::Two));
}

#[test]
fn macao_and_macau_are_the_same_place() {
    let canada = parsed(Source::Canada, "2026-08-22");
    let australia = parsed(Source::Australia, "2026-08-22");
    assert_eq!(level(&canada, "MO"), Some(Level::Two));
    assert_eq!(level(&australia, "MO"), Some(Level::Two));
    let destination = |p: &Parsed| {
        p.advisories
            .iter()
            .find(|a| a.country.as_str() == "MO")
            .map(|a| a.destination.clone())
    };
    assert_eq!(destination(&canada).as_deref(), Some("Macao"));
    assert_eq!(destination(&australia).as_deref(), Some("Macau"));
    // Ireland's one page for Hong Kong and Macao gives both the same level.
    let ireland = parsed(Source::Ireland, "2025-04-15");
    assert_eq!(level(&ireland, "HK"), Some(Level::Two));
    assert_eq!(level(&ireland, "MO"), Some(Level::Two));
}

#[test]
fn canada_changed_eleven_levels_and_renamed_israel() {
    let old = snapshot(Source::Canada, "2025-04-15", 1);
    let new = snapshot(Source::Canada, "2026-08-22", 2);
    let all = changes(&old, &new);
    let levels: Vec<&Change> = all.iter().filter(|c| c.kind.is_level_change()).collect();
    assert_eq!(levels.len(), 11, "{levels:#?}");
    let qatar = levels.iter().find(|c| c.country.as_str() == "QA").unwrap();
    assert_eq!(
        (qatar.kind, qatar.before, qatar.after),
        (ChangeKind::Raised, Some(Level::One), Some(Level::Three))
    );
    let malaysia = levels.iter().find(|c| c.country.as_str() == "MY").unwrap();
    assert_eq!(malaysia.kind, ChangeKind::Lowered);

    let israel = all.iter().find(|c| c.country.as_str() == "IL").expect("IL");
    assert_eq!(israel.kind, ChangeKind::Renamed);
    assert_eq!(
        israel.before_destination.as_deref(),
        Some("Israel, the West Bank and the Gaza Strip")
    );
    assert_eq!(
        israel.after_destination.as_deref(),
        Some("Israel and Palestine")
    );
    assert!(
        !all.iter()
            .any(|c| matches!(c.kind, ChangeKind::Added | ChangeKind::Removed))
    );
}

#[test]
fn canada_marks_regional_advisories() {
    let canada = parsed(Source::Canada, "2026-08-22");
    let algeria = canada
        .advisories
        .iter()
        .find(|a| a.country.as_str() == "DZ")
        .unwrap();
    assert_eq!(algeria.level, Some(Level::Two));
    assert!(algeria.regional);
    assert_eq!(
        algeria.source_words.as_deref(),
        Some("Exercise a high degree of caution (with regional advisories)")
    );
    let albania = canada
        .advisories
        .iter()
        .find(|a| a.country.as_str() == "AL")
        .unwrap();
    assert!(!albania.regional);
}

#[test]
fn ireland_2026_has_no_levels_and_falls_sharply() {
    let before = parsed(Source::Ireland, "2025-04-15");
    let after = parsed(Source::Ireland, "2026-08-22");
    assert_eq!((before.rows, before.rows_with_level), (211, 211));
    assert_eq!((after.rows, after.rows_with_level), (212, 0));
    assert!(after.advisories.iter().all(|a| a.level.is_none()));
    assert!(falls_sharply(1.0, 0.0));
    assert!(!falls_sharply(1.0, 0.9));
    // The UK never had levels, so it cannot fall.
    assert!(!falls_sharply(0.0, 0.0));

    let mut stale = snapshot(Source::Ireland, "2026-08-22", 2);
    stale.stale = true;
    let board = Board::new(vec![snapshot(Source::Ireland, "2025-04-15", 1), stale]);
    let status = board.status(Source::Ireland);
    assert_eq!(status.current.map(|s| s.taken.as_str()), Some("2025-04-15"));
    assert_eq!(status.stale.map(|s| s.taken.as_str()), Some("2026-08-22"));
    assert_eq!(
        board
            .current(Source::Ireland, &code("AF"))
            .and_then(|a| a.level),
        Some(Level::Four)
    );
}

#[test]
fn the_uk_has_no_levels_only_dates_with_zones() {
    let uk = parsed(Source::UnitedKingdom, "2026-08-22");
    assert!(uk.advisories.iter().all(|a| a.level.is_none()));
    let afghanistan = uk
        .advisories
        .iter()
        .find(|a| a.country.as_str() == "AF")
        .unwrap();
    assert_eq!(
        afghanistan.published.as_deref(),
        Some("2026-07-30T11:36:13+01:00")
    );
    assert_eq!(
        afghanistan.published_utc.as_deref(),
        Some("2026-07-30T10:36:13Z")
    );
    assert_eq!(afghanistan.source_words, None);
}

#[test]
fn boca_turkey_is_red_for_a_region_and_somaliland_is_reported() {
    let boca = parsed(Source::Taiwan, "2026-09-28");
    let turkey = boca
        .advisories
        .iter()
        .find(|a| a.country.as_str() == "TR")
        .unwrap();
    assert_eq!(turkey.level, Some(Level::Four));
    assert!(turkey.regional);
    assert_eq!(turkey.source_words.as_deref(), Some("紅色：儘速離境"));
    // A note that repeats the country's name is no area: Andorra's gray covers all of it.
    let andorra = boca
        .advisories
        .iter()
        .find(|a| a.country.as_str() == "AD")
        .unwrap();
    assert!(!andorra.regional);
    assert_eq!(andorra.area, None);
    let cambodia = boca
        .advisories
        .iter()
        .find(|a| a.country.as_str() == "KH")
        .unwrap();
    assert!(cambodia.regional);
    assert_eq!(boca.unmapped, ["SOMALILAND"]);
    // BOCA does not list mainland China: not covered, not "gray".
    assert_eq!(level(&boca, "CN"), None);
    assert!(!boca.advisories.iter().any(|a| a.country.as_str() == "CN"));
}

#[test]
fn every_destination_maps_or_is_reported() {
    let mut wrong = Vec::new();
    for (source, taken, _) in BUNDLED_ADVISORIES {
        let parsed = parsed(*source, taken);
        let expected: &[&str] = match source {
            Source::Australia => &["No travel advice"],
            Source::Canada => &["Azores", "Canary Islands"],
            Source::Taiwan => &["SOMALILAND"],
            _ => &[],
        };
        if parsed.unmapped != expected {
            wrong.push(format!("{source} {taken}: {:?}", parsed.unmapped));
        }
    }
    assert!(wrong.is_empty(), "{wrong:#?}");
}

#[test]
fn taiwan_is_flagged_where_it_is_two_steps_from_another() {
    let board = Board::new(vec![
        snapshot(Source::Taiwan, "2026-09-28", 1),
        snapshot(Source::UnitedStates, "2026-08-22", 2),
        snapshot(Source::Australia, "2026-08-22", 3),
    ]);
    let turkey = board.country(&code("TR"));
    assert_eq!(turkey[0].source, Source::Taiwan);
    let us = turkey
        .iter()
        .find(|row| row.source == Source::UnitedStates)
        .unwrap();
    assert!(us.flagged, "BOCA 4 against the US 2");
    assert!(
        board
            .disagreements()
            .iter()
            .any(|d| d.country.as_str() == "TR")
    );
    let pairs = board.agreement();
    let tw_us = pairs
        .iter()
        .find(|p| p.a == Source::Taiwan && p.b == Source::UnitedStates)
        .unwrap();
    assert!(
        tw_us.compared > 150 && tw_us.same < tw_us.compared,
        "{tw_us:?}"
    );
    let counts = board.level_counts(Source::Taiwan);
    assert_eq!(counts.iter().sum::<u64>(), 211);
    assert_eq!(counts[0], 0);
}

#[test]
fn a_malformed_file_is_refused_at_its_line_and_column() {
    let bad =
        b"destination,risk_level,last_updated_advisory,advisory_details_url,risk_level_number\n\
                Afghanistan,Level 4: Do Not Travel,2025-01-13T00:00:00,https://x,4\n\
                Albania,Level 2: Exercise Increased Caution,2024-12-31T00:00:00,https://x,3\n";
    let error = parse_advisories(Source::UnitedStates, "us.csv", bad, &names()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "us.csv:3:5: level 3 contradicts the words \"Level 2: Exercise Increased Caution\""
    );
    let bad_date = b"destination,last_updated,details_url\nAfghanistan,last week,https://x\n";
    let error = parse_advisories(Source::UnitedKingdom, "uk.csv", bad_date, &names()).unwrap_err();
    assert!(
        error.to_string().starts_with("uk.csv:2:2: expected a date"),
        "{error}"
    );
    let bad_colour = b"key,level,colour,label_zh,note\nTR,4,gray,\xe7\xb4\x85\xe8\x89\xb2\xef\xbc\x9a\xe5\x84\x98\xe9\x80\x9f\xe9\x9b\xa2\xe5\xa2\x83,\n";
    let error = parse_advisories(Source::Taiwan, "boca.csv", bad_colour, &names()).unwrap_err();
    assert_eq!(
        error.to_string(),
        "boca.csv:2:3: level 4 is red, not \"gray\""
    );
}

#[test]
fn the_day_taken_is_read_from_the_path() {
    assert_eq!(
        taken_from_path("data/travel_advisories/snapshot_2025-04-15/canada_summary.csv").as_deref(),
        Some("2025-04-15")
    );
    assert_eq!(
        taken_from_path("taiwan_boca/boca_levels_2026-09-28_excerpt.csv").as_deref(),
        Some("2026-09-28")
    );
    assert_eq!(taken_from_path("canada.csv"), None);
}
