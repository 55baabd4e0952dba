//! The port importer against the whole World Port Index, and against broken copies of the
//! bundled test sample.

use std::sync::LazyLock;

use super::{
    AttrValue, BUNDLED_CSV, HarborSize, ImportReport, Port, PortAliases, PortId, PortImportError,
    parse_ports,
};
use crate::countries::{self, CountryCode, CountryResolver};

const SAMPLE: &[u8] = include_bytes!("../../../../data/ports/wpi_fixture_sample.csv");

static RESOLVER: LazyLock<CountryResolver> = LazyLock::new(|| {
    let table = countries::parse_countries("countries.csv", countries::BUNDLED_CSV);
    CountryResolver::new(&table.expect("bundled countries"))
});

static INDEX: LazyLock<(Vec<Port>, ImportReport)> = LazyLock::new(|| import(BUNDLED_CSV));

fn import(bytes: &[u8]) -> (Vec<Port>, ImportReport) {
    let aliases = PortAliases::bundled().expect("bundled port names");
    parse_ports("UpdatedPub150.csv", bytes, &RESOLVER, &aliases).expect("the index parses")
}

fn port(ports: &[Port], id: u32) -> &Port {
    ports
        .iter()
        .find(|port| port.id == PortId(id))
        .unwrap_or_else(|| panic!("port {id} is in the index"))
}

#[test]
fn every_row_is_read_and_duplicates_are_merged() {
    let (ports, report) = &*INDEX;
    assert_eq!(report.rows, 3803);
    assert_eq!(ports.len(), 3801);
    assert_eq!(report.lines.len(), 3801);
    assert_eq!(report.lines[&PortId(57920)], 3791);
}

#[test]
fn index_numbers_with_a_tenth_are_kept_under_their_own_ids() {
    let (ports, report) = &*INDEX;
    let kattupalli = port(ports, 10_494_545);
    assert_eq!(kattupalli.name, "Kattupalli Port");
    assert_eq!(kattupalli.id.index_number(), "49454.5");
    assert_eq!(port(ports, 49454).name, "Kamarajar Port");
    assert_eq!(port(ports, 10_095_101).name, "Puerto Progreso");
    assert_eq!(port(ports, 9510).name, "Progreso");
    let noted = report
        .notes
        .iter()
        .filter(|note| note.contains("not a whole number"));
    assert_eq!(noted.count(), 2);
}

#[test]
fn kao_hsiung_is_typed() {
    let kaohsiung = port(&INDEX.0, 57920);
    assert_eq!(kaohsiung.name, "Kao-Hsiung");
    assert_eq!(kaohsiung.locode.as_deref(), Some("TWKHH"));
    assert_eq!(kaohsiung.country, CountryCode::parse("TW"));
    assert_eq!(kaohsiung.country_name, "Taiwan");
    assert_eq!(kaohsiung.region.as_deref(), Some("Taiwan"));
    assert_eq!(kaohsiung.harbor_size, Some(HarborSize::Large));
    let position = kaohsiung.position.expect("position");
    assert_eq!((position.latitude, position.longitude), (22.616667, 120.25));

    let value = |key: &str| kaohsiung.attributes.get(key).cloned();
    assert_eq!(value("channel_depth_m"), Some(AttrValue::Number(12.5)));
    assert_eq!(value("max_vessel_length_m"), Some(AttrValue::Number(400.0)));
    assert_eq!(
        value("harbor_type"),
        Some(AttrValue::Code("coastal_breakwater".into()))
    );
    assert_eq!(value("repairs"), Some(AttrValue::Code("moderate".into())));
    assert_eq!(value("navarea"), Some(AttrValue::Code("xi".into())));
    assert_eq!(
        value("standard_nautical_chart"),
        Some(AttrValue::List(vec!["94084".into()]))
    );
    assert_eq!(
        value("world_water_body"),
        Some(AttrValue::List(vec![
            "South China Sea".into(),
            "North Pacific Ocean".into()
        ]))
    );
    assert_eq!(kaohsiung.flag("medical_facilities"), Some(true));
    assert_eq!(kaohsiung.flag("ice_breaking"), Some(false));
    // "Unknown" in the index is no entry at all.
    assert_eq!(kaohsiung.flag("telefax"), None);
    assert!(
        !kaohsiung
            .attributes
            .contains_key("underkeel_clearance_management")
    );
}

#[test]
fn taiwan_ports_carry_their_chinese_names() {
    let kaohsiung = port(&INDEX.0, 57920);
    assert_eq!(kaohsiung.names_zh, ["高雄港"]);
    assert_eq!(kaohsiung.display_name(true), "高雄港");
    assert_eq!(kaohsiung.display_name(false), "Kao-Hsiung");
    assert!(kaohsiung.other_names.contains(&"Kaohsiung".to_owned()));

    let tamsui = port(&INDEX.0, 57935);
    assert_eq!(tamsui.names_zh, ["淡水港", "臺北港"]);
    assert_eq!(
        tamsui.other_names,
        [
            "Taipei",
            "Tan-shui Kang",
            "Tamsui",
            "Danshui",
            "Taipei Port"
        ]
    );
    assert_eq!(tamsui.locode.as_deref(), Some("TWTPE"));

    let mailiao = port(&INDEX.0, 57953);
    assert!(
        mailiao.other_names.is_empty(),
        "the main name is not repeated"
    );
}

#[test]
fn a_zero_depth_is_unknown_not_zero() {
    // Lagos is a large port whose depths the index does not know: every depth cell is 0.0.
    let lagos = port(&INDEX.0, 38010);
    assert_eq!(lagos.harbor_size, Some(HarborSize::Large));
    assert!(!lagos.attributes.contains_key("channel_depth_m"));
    assert!(!lagos.attributes.contains_key("tidal_range_m"));
    let zero_anywhere = INDEX.0.iter().any(|port| {
        port.attributes
            .values()
            .any(|value| *value == AttrValue::Number(0.0))
    });
    assert!(!zero_anywhere);
}

#[test]
fn duplicate_index_numbers_are_reported_with_what_differed() {
    let report = &INDEX.1;
    let found: Vec<(u32, u64, u64)> = report
        .duplicates
        .iter()
        .map(|d| (d.id.0, d.kept_line, d.merged_line))
        .collect();
    assert_eq!(found, [(49460, 427, 1191), (400, 2656, 3352)]);

    let machilipatnam = &report.duplicates[0];
    let longitude = machilipatnam
        .differences
        .iter()
        .find(|d| d.column == "Longitude")
        .expect("the longitudes differ");
    assert_eq!(longitude.kept.as_deref(), Some("81.166667"));
    assert_eq!(longitude.merged.as_deref(), Some("81.15"));
    let note = report
        .notes
        .iter()
        .find(|note| note.contains("49460"))
        .expect("a note");
    assert!(note.contains("Longitude 81.166667 vs 81.15"), "{note}");
    assert_eq!(port(&INDEX.0, 49460).other_names, ["Masulipatam"]);

    let seydisfjordur = port(&INDEX.0, 400);
    assert_eq!(seydisfjordur.name, "Seydhisfjordhur");
    assert_eq!(seydisfjordur.other_names, ["Seydisfjordur"]);
    let names = &report.duplicates[1].differences[0];
    assert_eq!(names.column, "Main Port Name");
    // "IS SEY" and "ISSEY" are the same code once the space is gone.
    assert!(
        report.duplicates[1]
            .differences
            .iter()
            .all(|d| d.column != "UN/LOCODE")
    );
}

#[test]
fn malformed_locodes_are_left_out_and_noted() {
    let portsmouth = port(&INDEX.0, 35600);
    assert_eq!(portsmouth.locode, None);
    let noted = INDEX
        .1
        .notes
        .iter()
        .filter(|note| note.contains("UN/LOCODE"))
        .count();
    assert_eq!(noted, 5);
}

#[test]
fn every_country_of_the_index_resolves() {
    assert!(INDEX.0.iter().all(|port| port.country.is_some()));
    assert!(
        INDEX
            .1
            .notes
            .iter()
            .all(|note| !note.contains("matches no ISO"))
    );
    assert_eq!(port(&INDEX.0, 56660).country, CountryCode::parse("PW"));
}

#[test]
fn the_byte_order_mark_is_not_part_of_the_first_column() {
    assert!(BUNDLED_CSV.starts_with(b"\xEF\xBB\xBF"));
    assert!(!SAMPLE.starts_with(b"\xEF\xBB\xBF"));
    let with_mark = [b"\xEF\xBB\xBF".as_slice(), SAMPLE].concat();
    let (plain, _) = import(SAMPLE);
    let (marked, _) = import(&with_mark);
    assert_eq!(plain.len(), 31);
    assert_eq!(plain, marked);
}

#[test]
fn an_unknown_country_keeps_its_name_and_is_noted() {
    let bytes = sample_with(9, "Country Code", "Formosa Republic");
    let (ports, report) = import(&bytes);
    let kaohsiung = port(&ports, 57920);
    assert_eq!(kaohsiung.country, None);
    assert_eq!(kaohsiung.country_name, "Formosa Republic");
    assert!(
        report
            .notes
            .iter()
            .any(|note| note.starts_with("country \"Formosa Republic\" (1 ports)"))
    );
}

/// The sample with one cell replaced: `line` counts the header as line 1.
fn sample_with(line: usize, column: &str, value: &str) -> Vec<u8> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .from_reader(SAMPLE);
    let records: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("record")).collect();
    let at = records[0]
        .iter()
        .position(|name| name == column)
        .expect("column");
    let mut writer = csv::Writer::from_writer(Vec::new());
    for (index, record) in records.iter().enumerate() {
        let mut fields: Vec<&str> = record.iter().collect();
        if index + 1 == line {
            fields[at] = value;
        }
        writer.write_record(&fields).expect("write");
    }
    writer.into_inner().expect("flush")
}

fn error_of(bytes: &[u8]) -> (u64, u64, String) {
    let aliases = PortAliases::default();
    match parse_ports("sample.csv", bytes, &RESOLVER, &aliases) {
        Err(PortImportError::Invalid {
            line,
            column,
            message,
            ..
        }) => (line, column, message),
        Ok((ports, _)) => panic!("{} ports from a broken file", ports.len()),
    }
}

#[test]
fn an_unreadable_depth_is_placed_at_its_line_and_column() {
    let (line, column, message) = error_of(&sample_with(9, "Channel Depth (m)", "deep"));
    assert_eq!((line, column), (9, 18));
    assert_eq!(
        message,
        "Channel Depth (m): expected metres, found \"deep\""
    );
}

#[test]
fn a_bad_flag_word_is_an_error() {
    let (line, column, message) = error_of(&sample_with(4, "Medical Facilities", "Maybe"));
    assert_eq!((line, column), (4, 78));
    assert_eq!(
        message,
        "Medical Facilities: expected Yes, No or Unknown, found \"Maybe\""
    );
}

#[test]
fn a_wrong_header_is_an_error() {
    let (line, column, message) = error_of(&sample_with(1, "Harbor Type", "Harbour Type"));
    assert_eq!(
        (line, column, message.as_str()),
        (1, 30, "unexpected column \"Harbour Type\"")
    );
}

#[test]
fn a_row_of_the_wrong_width_is_an_error() {
    let text = std::str::from_utf8(SAMPLE).expect("UTF-8");
    let mut lines: Vec<&str> = text.lines().collect();
    lines[5] = "1.0,57910.0,Taiwan -- 57880";
    let (line, column, _) = error_of(lines.join("\n").as_bytes());
    assert_eq!((line, column), (6, 4));
}

#[test]
fn invalid_utf8_is_placed() {
    let mut bytes = sample_with(7, "Main Port Name", "Chi-Lung@");
    let at = bytes.iter().position(|b| *b == b'@').expect("marker");
    bytes[at] = 0xC3;
    let (line, column, _) = error_of(&bytes);
    assert_eq!((line, column), (7, 4));
}

#[test]
fn lines_are_counted_right_after_crlf_line_endings() {
    let bytes = sample_with(9, "Channel Depth (m)", "deep");
    let crlf = String::from_utf8(bytes)
        .expect("UTF-8")
        .replace('\n', "\r\n");
    let (line, column, _) = error_of(crlf.as_bytes());
    assert_eq!((line, column), (9, 18));
}
