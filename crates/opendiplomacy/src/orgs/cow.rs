//! Reads the Correlates of War IGO data, version 3, as published: the organizations, the
//! membership spells, and the project's table from COW state codes to ISO codes.
//!
//! Rules:
//! - A spell coded -9 (missing data) is not a membership; it is counted and dropped.
//! - China's code 710 is three states over time, and the ROC one history: before 1912 the Qing
//!   Empire, from 1912 to 1948 the Republic of China, from 1949 the People's Republic. Code 713
//!   is the Republic of China on Taiwan. A 710 spell crossing those years is cut in two.
//! - A 710 spell read as the PRC that is alive between 1949 and 1970, while the ROC held
//!   China's seat almost everywhere, is flagged for review, never changed here: corrections
//!   are cited statements layered on top (see `statements`).
//! - A spell ending in the data's last year ends "not recorded after", not "left".

use std::collections::HashMap;

use super::model::{
    MemberStatus, OrgId, OrgKind, Organization, Origin, Party, Property, Rank, Source, Statement,
    When,
};
use crate::countries::CountryCode;
use crate::csv_source::{CsvFile, Fault, cell};

/// The last year the COW data covers.
pub const LAST_YEAR: i32 = 2014;

/// The COW code of "China" and of "Taiwan".
const CHINA: u32 = 710;
const TAIWAN: u32 = 713;
/// The Republic of China was proclaimed on 1 January 1912; the People's Republic on
/// 1 October 1949, and COW starts code 713 in 1949.
const ROC_FROM: i32 = 1912;
const PRC_FROM: i32 = 1949;
/// The year the PRC took China's seat at the United Nations; most organizations followed.
const SEAT_CHANGE: i32 = 1971;

/// The party key of the Qing Empire, the 710 of before 1912.
pub const QING: &str = "cow-710-qing";

pub fn source() -> Source {
    Source {
        title: "Correlates of War Project, Intergovernmental Organizations v3.0 (Pevehouse, \
                Nordstrom, McManus and Jamison 2020)"
            .to_owned(),
        url: Some("https://correlatesofwar.org/data-sets/IGOs/".to_owned()),
        seen: None,
    }
}

/// How a COW state code maps to a party.
#[derive(Debug, Clone)]
pub struct StateMap {
    by_code: HashMap<u32, Party>,
}

impl StateMap {
    /// The party a COW state stands for in a given year.
    pub fn party(&self, ccode: u32, year: i32) -> Option<String> {
        match ccode {
            CHINA if year < ROC_FROM => Some(QING.to_owned()),
            CHINA if year < PRC_FROM => Some("TW".to_owned()),
            CHINA => Some("CN".to_owned()),
            TAIWAN => Some("TW".to_owned()),
            _ => self.by_code.get(&ccode).map(|party| party.key.clone()),
        }
    }

    /// The parties without an ISO code: the states of the past, and the Qing Empire.
    pub fn historical(&self) -> Vec<Party> {
        let mut parties: Vec<Party> = self
            .by_code
            .values()
            .filter(|party| party.iso.is_none())
            .cloned()
            .collect();
        parties.push(Party {
            key: QING.to_owned(),
            iso: None,
            name_en: "Qing Empire".to_owned(),
            name_zh: "大清帝國".to_owned(),
        });
        parties.sort_by(|a, b| a.key.cmp(&b.key));
        parties
    }
}

/// Reads `cow_states_iso.csv`: `ccode,stateabb,name_en,iso2,name_zh,note`.
pub(super) fn read_states(bytes: &[u8], iso: &dyn Fn(&str) -> bool) -> Result<StateMap, Fault> {
    let mut file = CsvFile::new(bytes);
    let mut record = csv::StringRecord::new();
    let header = file.header(
        &mut record,
        &["ccode", "name_en", "iso2", "name_zh"],
        &["stateabb", "note"],
    )?;
    let [ccode, name_en, iso2, name_zh] =
        ["ccode", "name_en", "iso2", "name_zh"].map(|name| header.position(name));
    let mut by_code = HashMap::new();
    while let Some(line) = file.next_record(&mut record)? {
        let code = number(&record, line, ccode)?;
        let iso = match cell(&record, iso2) {
            None => None,
            Some(text) => Some(
                CountryCode::parse(text)
                    .filter(|code| iso(code.as_str()))
                    .ok_or_else(|| {
                        Fault::at(
                            line,
                            iso2,
                            format!("{text:?} is not a code in the country list"),
                        )
                    })?,
            ),
        };
        let party = Party {
            key: iso
                .as_ref()
                .map_or_else(|| format!("cow-{code}"), Party::key_of),
            iso,
            name_en: required(&record, line, name_en)?.to_owned(),
            name_zh: required(&record, line, name_zh)?.to_owned(),
        };
        if by_code.insert(code, party).is_some() {
            return Err(Fault::at(
                line,
                ccode,
                format!("state {code} appears twice"),
            ));
        }
    }
    Ok(StateMap { by_code })
}

/// Reads `cow_igo_v3_organizations.csv`.
pub(super) fn read_organizations(bytes: &[u8]) -> Result<Vec<Organization>, Fault> {
    const READ: [&str; 10] = [
        "ionum",
        "ioname",
        "longorgname",
        "sdate",
        "deaddate",
        "political",
        "social",
        "economic",
        "accuracyofpre1965membershipdates",
        "last_year_in_data",
    ];
    const NOT_READ: &[&str] = &[
        "orgname",
        "integrated",
        "replaced",
        "igocode",
        "version",
        "imputed",
        "sourcesandnotes",
        "first_year_in_data",
        "full_members_last_year",
        "associate_members_last_year",
        "observers_last_year",
        "dead_flag_last_year",
    ];
    let mut file = CsvFile::new(bytes);
    let mut record = csv::StringRecord::new();
    let header = file.header(&mut record, &READ, NOT_READ)?;
    let [
        ionum,
        ioname,
        longname,
        sdate,
        deaddate,
        political,
        social,
        economic,
        accuracy,
        last,
    ] = READ.map(|name| header.position(name));
    let mut organizations = Vec::new();
    while let Some(line) = file.next_record(&mut record)? {
        let kinds = [
            (political, OrgKind::Political),
            (social, OrgKind::Social),
            (economic, OrgKind::Economic),
        ]
        .into_iter()
        .filter(|(column, _)| cell(&record, *column) == Some("1"))
        .map(|(_, kind)| kind)
        .collect();
        organizations.push(Organization {
            id: OrgId(number(&record, line, ionum)?),
            abbr: required(&record, line, ioname)?.to_owned(),
            name_en: required(&record, line, longname)?.to_owned(),
            founded: optional_year(&record, line, sdate)?,
            ended: optional_year(&record, line, deaddate)?,
            kinds,
            parent: None,
            data_until: optional_year(&record, line, last)?,
            accuracy: cell(&record, accuracy).map(str::to_owned),
            origin: Origin::Dataset,
        });
    }
    Ok(organizations)
}

/// What reading the spells found besides the statements.
#[derive(Debug, Default, PartialEq)]
pub struct SpellReport {
    pub spells: u64,
    pub missing: u64,
    pub flagged: u64,
}

/// Reads `cow_igo_v3_membership_spells.csv` into membership statements.
pub(super) fn read_spells(
    bytes: &[u8],
    organizations: &mut [Organization],
    states: &StateMap,
) -> Result<(Vec<Statement>, SpellReport), Fault> {
    const READ: [&str; 5] = ["ccode", "ioname", "status", "start_year", "end_year"];
    let mut file = CsvFile::new(bytes);
    let mut record = csv::StringRecord::new();
    let header = file.header(&mut record, &READ, &["stateabb", "statenme"])?;
    let [ccode, ioname, status, start, end] = READ.map(|name| header.position(name));
    let by_abbr: HashMap<String, Organization> = organizations
        .iter()
        .map(|org| (org.abbr.clone(), org.clone()))
        .collect();
    let mut statements = Vec::new();
    let mut report = SpellReport::default();
    while let Some(line) = file.next_record(&mut record)? {
        report.spells += 1;
        let state = number(&record, line, ccode)?;
        let abbr = required(&record, line, ioname)?;
        let org = by_abbr
            .get(abbr)
            .ok_or_else(|| Fault::at(line, ioname, format!("no organization {abbr:?}")))?;
        let code: i32 = required(&record, line, status)?
            .parse()
            .map_err(|_| Fault::at(line, status, "status is not a number"))?;
        let Some(status) = MemberStatus::from_cow(code) else {
            if code == -9 {
                report.missing += 1;
                continue;
            }
            return Err(Fault::at(
                line,
                status,
                format!("status {code} is not 1, 2, 3 or -9"),
            ));
        };
        let first = year(&record, line, start)?;
        let last = year(&record, line, end)?;
        if last < first {
            return Err(Fault::at(line, end, "the spell ends before it starts"));
        }
        for (from, to) in cut(state, first, last) {
            let party = states.party(state, from).ok_or_else(|| {
                Fault::at(
                    line,
                    ccode,
                    format!("state {state} is not in cow_states_iso.csv"),
                )
            })?;
            let review = (party == "CN" && from < SEAT_CHANGE && to >= PRC_FROM).then(|| {
                "coded as China (710) while the ROC held China's seat in most organizations; \
                 check whether this seat is the ROC's"
                    .to_owned()
            });
            report.flagged += u64::from(review.is_some());
            statements.push(Statement {
                id: format!("cow/{}/{state}/{from}", org.id),
                org: org.id,
                property: Property::Membership,
                party: Some(party),
                status: Some(status),
                value_en: None,
                value_zh: None,
                start: Some(When::year(from)),
                end: Some(When::year(to)),
                unrecorded_after: false,
                rank: Rank::Normal,
                deprecation: None,
                source: source(),
                origin: Origin::Dataset,
                review,
                note: None,
            });
        }
    }
    mark_unrecorded(organizations, &mut statements);
    Ok((statements, report))
}

/// Marks where the data stops recording, organization by organization. An organization still
/// at work is recorded up to the last year any membership of it is observed: 2014 for most,
/// but 2013 for the ICAO, whose 2014 column is all missing data. A spell reaching that year
/// ends "not recorded after", not "left". The organization's `data_until` becomes that year.
fn mark_unrecorded(organizations: &mut [Organization], statements: &mut [Statement]) {
    let mut last: HashMap<OrgId, i32> = HashMap::new();
    for statement in statements.iter() {
        if let Some(end) = statement.end {
            let year = last.entry(statement.org).or_insert(end.year);
            *year = (*year).max(end.year);
        }
    }
    for org in organizations.iter_mut() {
        if org.ended.is_none()
            && let Some(year) = last.get(&org.id)
        {
            org.data_until = Some(*year);
        }
    }
    let alive: HashMap<OrgId, i32> = organizations
        .iter()
        .filter(|org| org.ended.is_none())
        .filter_map(|org| Some((org.id, org.data_until?)))
        .collect();
    for statement in statements.iter_mut() {
        if let (Some(until), Some(end)) = (alive.get(&statement.org), statement.end) {
            statement.unrecorded_after = end.year >= *until;
        }
    }
}

/// The English name of each organization as a statement of the data.
pub(super) fn name_statements(organizations: &[Organization]) -> Vec<Statement> {
    organizations
        .iter()
        .filter(|org| org.origin == Origin::Dataset)
        .map(|org| Statement {
            id: format!("cow/{}/name_en", org.id),
            org: org.id,
            property: Property::NameEn,
            party: None,
            status: None,
            value_en: Some(org.name_en.clone()),
            value_zh: None,
            start: None,
            end: None,
            unrecorded_after: false,
            rank: Rank::Normal,
            deprecation: None,
            source: source(),
            origin: Origin::Dataset,
            review: None,
            note: None,
        })
        .collect()
}

/// Cuts a 710 spell at the years China's code changes state; other spells stay whole.
fn cut(state: u32, first: i32, last: i32) -> Vec<(i32, i32)> {
    if state != CHINA {
        return vec![(first, last)];
    }
    let mut pieces = Vec::new();
    let mut from = first;
    for boundary in [ROC_FROM, PRC_FROM] {
        if from < boundary && last >= boundary {
            pieces.push((from, boundary - 1));
            from = boundary;
        }
    }
    pieces.push((from, last));
    pieces
}

pub(super) fn required(
    record: &csv::StringRecord,
    line: u64,
    column: usize,
) -> Result<&str, Fault> {
    cell(record, column).ok_or_else(|| Fault::at(line, column, "this value is required"))
}

fn number(record: &csv::StringRecord, line: u64, column: usize) -> Result<u32, Fault> {
    let text = required(record, line, column)?;
    text.parse()
        .map_err(|_| Fault::at(line, column, format!("{text:?} is not a whole number")))
}

fn year(record: &csv::StringRecord, line: u64, column: usize) -> Result<i32, Fault> {
    let text = required(record, line, column)?;
    text.parse()
        .ok()
        .filter(|year| (1800..=2100).contains(year))
        .ok_or_else(|| Fault::at(line, column, format!("{text:?} is not a year")))
}

fn optional_year(
    record: &csv::StringRecord,
    line: u64,
    column: usize,
) -> Result<Option<i32>, Fault> {
    cell(record, column)
        .map(|_| year(record, line, column))
        .transpose()
}
