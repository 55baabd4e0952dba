//! Importing: whole file or nothing, errors that point at the line and column, revisions, and
//! paging that stays exact while an import changes the data.

use std::collections::HashSet;
use std::process::Command;

use opendiplomacy::ports::PortId;
use opendiplomacy::seed::{self, Dataset, Quiet, SeedError};
use opendiplomacy::store::{PageRequest, PortFilter, SortKey, Store};

use crate::on_both_engines;
use crate::support::{Engine, fresh_database};

const PORTS: &[u8] = seed::PORTS_CSV;

async fn loaded(engine: Engine) -> Option<std::sync::Arc<dyn Store>> {
    let (_, store) = fresh_database(engine).await?;
    seed::load_missing(store.as_ref(), &Quiet)
        .await
        .expect("bundled data loads");
    Some(store)
}

/// The bundled file with one cell of one line replaced.
fn with_cell(line: usize, column: usize, value: &str) -> Vec<u8> {
    let text = std::str::from_utf8(PORTS).unwrap();
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(text.as_bytes());
    let mut writer = csv::Writer::from_writer(Vec::new());
    for (index, record) in reader.records().enumerate() {
        let record = record.unwrap();
        let mut fields: Vec<String> = record.iter().map(str::to_owned).collect();
        if index + 1 == line {
            fields[column - 1] = value.to_owned();
        }
        writer.write_record(&fields).unwrap();
    }
    writer.into_inner().unwrap()
}

async fn malformed_file_names_line_and_column_and_changes_nothing(engine: Engine) {
    let Some(store) = loaded(engine).await else {
        return;
    };
    let before = store.port(PortId(57920)).await.unwrap().unwrap();
    let revisions = store.port_revision_count(PortId(57920)).await.unwrap();

    // Line 3 of the file (the second port), column 18: Channel Depth (m).
    let broken = with_cell(3, 18, "deep");
    let error = seed::load(
        store.as_ref(),
        Dataset::Ports,
        "broken.csv",
        &broken,
        &Quiet,
    )
    .await
    .expect_err("a malformed file is refused");
    assert!(matches!(error, SeedError::Ports(_)));
    let message = error.to_string();
    assert!(message.starts_with("broken.csv:3:18:"), "{message}");
    assert!(message.contains("Channel Depth"), "{message}");

    assert_eq!(store.port(PortId(57920)).await.unwrap().unwrap(), before);
    assert_eq!(
        store.port_revision_count(PortId(57920)).await.unwrap(),
        revisions
    );
    let all = store
        .ports(&PortFilter::default(), &PageRequest::default())
        .await
        .unwrap();
    assert_eq!(all.total, 3801);
}

async fn reimport_changes_only_what_changed(engine: Engine) {
    let Some(store) = loaded(engine).await else {
        return;
    };
    let again = seed::load(store.as_ref(), Dataset::Ports, "same.csv", PORTS, &Quiet)
        .await
        .unwrap();
    assert_eq!(
        (again.inserted, again.updated, again.unchanged),
        (0, 0, 3801)
    );

    // Rename Kao-Hsiung (column 4, Main Port Name) on whatever line it stands.
    let text = std::str::from_utf8(PORTS).unwrap();
    let line = text.lines().position(|l| l.contains(",57920.0,")).unwrap() + 1;
    let edited = with_cell(line, 4, "Kaohsiung");
    let run = seed::load(
        store.as_ref(),
        Dataset::Ports,
        "edited.csv",
        &edited,
        &Quiet,
    )
    .await
    .unwrap();
    assert_eq!((run.inserted, run.updated, run.unchanged), (0, 1, 3800));
    assert_eq!(
        store.port(PortId(57920)).await.unwrap().unwrap().name,
        "Kaohsiung"
    );
    assert_eq!(store.port_revision_count(PortId(57920)).await.unwrap(), 2);
}

async fn paging_stays_exact_while_data_changes(engine: Engine) {
    let Some(store) = loaded(engine).await else {
        return;
    };
    let original: HashSet<u32> = store
        .all_ports()
        .await
        .unwrap()
        .iter()
        .map(|p| p.id.0)
        .collect();
    let mut seen = HashSet::new();
    let mut page = PageRequest {
        sort: SortKey::Id,
        after: None,
        limit: 400,
    };
    let mut round = 0;
    loop {
        let result = store.ports(&PortFilter::default(), &page).await.unwrap();
        for port in &result.items {
            assert!(seen.insert(port.id.0), "port {} seen twice", port.id);
        }
        // Between pages, change a port already seen and add ports before and after the
        // cursor: none of it may make a page repeat or skip a row that was there all along.
        round += 1;
        if let Some(first) = result.items.first() {
            let mut changed = first.clone();
            changed.name = format!("{} (renamed {round})", changed.name);
            let mut before = first.clone();
            before.id = PortId(round);
            let mut after = first.clone();
            after.id = PortId(900_000 + round);
            let run = opendiplomacy::store::ImportRun {
                dataset: "ports".into(),
                source: "test".into(),
                rows: 3,
                inserted: 0,
                updated: 0,
                unchanged: 0,
                notes: vec![],
            };
            let run = store
                .import_ports(&[changed, before, after], run, &|_| {})
                .await
                .unwrap();
            assert_eq!((run.inserted, run.updated), (2, 1));
        }
        match result.next {
            Some(cursor) => page.after = Some(cursor),
            None => break,
        }
    }
    let missing: Vec<_> = original.difference(&seen).collect();
    assert!(missing.is_empty(), "ports never seen: {missing:?}");
}

on_both_engines!(
    malformed_file_names_line_and_column_and_changes_nothing,
    reimport_changes_only_what_changed,
    paging_stays_exact_while_data_changes,
);

#[test]
fn the_import_command_reports_the_position_and_exits_non_zero() {
    let dir = tempfile::tempdir().unwrap();
    let database = format!("sqlite://{}", dir.path().join("cli.sqlite3").display());
    let good = dir.path().join("ports.csv");
    std::fs::write(&good, PORTS).unwrap();
    let bad = dir.path().join("bad.csv");
    std::fs::write(&bad, with_cell(5, 2, "not a number")).unwrap();
    let binary = env!("CARGO_BIN_EXE_opendiplomacy");

    let output = Command::new(binary)
        .args(["import", "ports"])
        .arg(&good)
        .args(["--database", &database])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(stdout.contains("3803 rows read"), "{stdout}");
    assert!(stdout.contains("3801 new"), "{stdout}");
    assert!(
        stdout.contains("49460"),
        "the duplicate index number is reported: {stdout}"
    );

    let output = Command::new(binary)
        .args(["import", "ports"])
        .arg(&bad)
        .args(["--database", &database])
        .output()
        .unwrap();
    assert!(!output.status.success());
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(
        stderr.contains(&format!("{}:5:2:", bad.display())),
        "{stderr}"
    );
}
