//! Reads what the project adds to the published data, each row with its source:
//! `organizations_extra.csv` (bodies COW does not list, such as the World Health Assembly) and
//! `statements.csv` (Chinese names, headquarters, charters, names used, and memberships that
//! correct or carry on the COW data).
//!
//! Rules:
//! - Every row names a source with an http(s) address and the day it was read.
//! - A `deprecated` membership row must match a COW spell exactly (organization, party, status,
//!   years): it ranks that spell deprecated with the row's reason and source, and the published
//!   row stays as it was. A deprecated row of any other property stands as its own statement.
//! - Memberships, statuses and names used need a party; other properties must not have one.

use std::collections::{HashMap, HashSet};

use super::cow::required;
use super::model::{
    Deprecation, MemberStatus, OrgId, OrgKind, Organization, Origin, Property, Rank, Source,
    Statement, When,
};
use crate::csv_source::{CsvFile, Fault, cell};

/// Reads `organizations_extra.csv`:
/// `id,abbr,name_en,founded,ended,type,parent,source_title,source_url,source_seen`.
pub(super) fn read_extra(bytes: &[u8], cow: &[Organization]) -> Result<Vec<Organization>, Fault> {
    const READ: [&str; 10] = [
        "id",
        "abbr",
        "name_en",
        "founded",
        "ended",
        "type",
        "parent",
        "source_title",
        "source_url",
        "source_seen",
    ];
    let mut file = CsvFile::new(bytes);
    let mut record = csv::StringRecord::new();
    let header = file.header(&mut record, &READ, &[])?;
    let [
        id,
        abbr,
        name_en,
        founded,
        ended,
        kind,
        parent,
        title,
        url,
        seen,
    ] = READ.map(|name| header.position(name));
    let mut abbrs: HashMap<String, OrgId> = cow
        .iter()
        .map(|org| (org.abbr.to_lowercase(), org.id))
        .collect();
    let mut extra = Vec::new();
    while let Some(line) = file.next_record(&mut record)? {
        let number: u32 = required(&record, line, id)?
            .parse()
            .ok()
            .filter(|n| *n >= OrgId::EXTRA_FROM)
            .ok_or_else(|| {
                Fault::at(
                    line,
                    id,
                    format!("id must be a number from {}", OrgId::EXTRA_FROM),
                )
            })?;
        let name = required(&record, line, abbr)?;
        if abbrs.insert(name.to_lowercase(), OrgId(number)).is_some() {
            return Err(Fault::at(
                line,
                abbr,
                format!("abbreviation {name:?} is taken"),
            ));
        }
        let kind_text = required(&record, line, kind)?;
        let kinds = vec![OrgKind::parse(kind_text).ok_or_else(|| {
            Fault::at(
                line,
                kind,
                format!(
                    "type {kind_text:?} is not political, social, economic or non-governmental"
                ),
            )
        })?];
        let parent = match cell(&record, parent) {
            None => None,
            Some(text) => Some(*abbrs.get(&text.to_lowercase()).ok_or_else(|| {
                Fault::at(
                    line,
                    parent,
                    format!("no organization {text:?} listed before this row"),
                )
            })?),
        };
        read_source(&record, line, [title, url, seen])?;
        extra.push(Organization {
            id: OrgId(number),
            abbr: name.to_owned(),
            name_en: required(&record, line, name_en)?.to_owned(),
            founded: year_cell(&record, line, founded)?,
            ended: year_cell(&record, line, ended)?,
            kinds,
            parent,
            data_until: None,
            accuracy: None,
            origin: Origin::Community,
        });
    }
    Ok(extra)
}

/// What applying `statements.csv` did.
#[derive(Debug, Default, PartialEq)]
pub struct StatementReport {
    pub added: u64,
    pub deprecated: u64,
}

/// Reads `statements.csv` and layers it on `statements` (the data's): new statements are
/// appended, deprecations ranked onto the spells they match.
pub(super) fn apply(
    bytes: &[u8],
    organizations: &[Organization],
    parties: &HashSet<String>,
    statements: &mut Vec<Statement>,
) -> Result<StatementReport, Fault> {
    const READ: [&str; 14] = [
        "org",
        "property",
        "party",
        "status",
        "value_en",
        "value_zh",
        "start",
        "end",
        "rank",
        "reason",
        "source_title",
        "source_url",
        "source_seen",
        "note",
    ];
    let mut file = CsvFile::new(bytes);
    let mut record = csv::StringRecord::new();
    let header = file.header(&mut record, &READ, &[])?;
    let [
        org,
        property,
        party,
        status,
        value_en,
        value_zh,
        start,
        end,
        rank,
        reason,
        title,
        url,
        seen,
        note,
    ] = READ.map(|name| header.position(name));
    let by_abbr: HashMap<String, &Organization> = organizations
        .iter()
        .map(|org| (org.abbr.to_lowercase(), org))
        .collect();
    let mut ids = HashSet::new();
    let mut report = StatementReport::default();
    while let Some(line) = file.next_record(&mut record)? {
        let abbr = required(&record, line, org)?;
        let organization = by_abbr
            .get(&abbr.to_lowercase())
            .ok_or_else(|| Fault::at(line, org, format!("no organization {abbr:?}")))?;
        let property_text = required(&record, line, property)?;
        let prop = Property::parse(property_text).ok_or_else(|| {
            Fault::at(
                line,
                property,
                format!("unknown property {property_text:?}"),
            )
        })?;
        let who = match (prop.has_party(), cell(&record, party)) {
            (true, None) => {
                return Err(Fault::at(
                    line,
                    party,
                    format!("{property_text} needs a party"),
                ));
            }
            (false, Some(_)) => {
                return Err(Fault::at(
                    line,
                    party,
                    format!("{property_text} takes no party"),
                ));
            }
            (false, None) => None,
            (true, Some(text)) => Some(
                parties
                    .get(text)
                    .or_else(|| parties.get(&text.to_ascii_uppercase()))
                    .cloned()
                    .ok_or_else(|| {
                        Fault::at(
                            line,
                            party,
                            format!("{text:?} is not a country code or party"),
                        )
                    })?,
            ),
        };
        let member_status = match (prop == Property::Membership, cell(&record, status)) {
            (true, None) => return Err(Fault::at(line, status, "a membership needs a status")),
            (false, Some(_)) => {
                return Err(Fault::at(line, status, "only a membership has a status"));
            }
            (false, None) => None,
            (true, Some(text)) => Some(MemberStatus::parse(text).ok_or_else(|| {
                Fault::at(
                    line,
                    status,
                    format!("status {text:?} is not full, associate, observer or guest"),
                )
            })?),
        };
        let english = cell(&record, value_en).map(str::to_owned);
        let chinese = cell(&record, value_zh).map(str::to_owned);
        let missing_value = match prop {
            Property::NameZh => chinese.is_none().then_some(value_zh),
            Property::NameEn => english.is_none().then_some(value_en),
            Property::Membership => None,
            _ => (english.is_none() && chinese.is_none()).then_some(value_en),
        };
        if let Some(column) = missing_value {
            return Err(Fault::at(
                line,
                column,
                format!("{property_text} needs a value"),
            ));
        }
        let from = when_cell(&record, line, start)?;
        let to = when_cell(&record, line, end)?;
        if let (Some(from), Some(to)) = (from, to)
            && to < from
        {
            return Err(Fault::at(line, end, "ends before it starts"));
        }
        let rank_text = required(&record, line, rank)?;
        let ranked = Rank::parse(rank_text).ok_or_else(|| {
            Fault::at(
                line,
                rank,
                format!("rank {rank_text:?} is not preferred, normal or deprecated"),
            )
        })?;
        let why = cell(&record, reason).map(str::to_owned);
        match (ranked, &why) {
            (Rank::Deprecated, None) => {
                return Err(Fault::at(
                    line,
                    reason,
                    "a deprecated statement needs a reason",
                ));
            }
            (Rank::Preferred | Rank::Normal, Some(_)) => {
                return Err(Fault::at(
                    line,
                    reason,
                    "only a deprecated statement has a reason",
                ));
            }
            _ => {}
        }
        let cited = read_source(&record, line, [title, url, seen])?;

        if ranked == Rank::Deprecated && prop == Property::Membership {
            let (first, last) = (from.map(|w| w.year), to.map(|w| w.year));
            let target = statements
                .iter_mut()
                .find(|s| {
                    s.origin == Origin::Dataset
                        && s.org == organization.id
                        && s.property == Property::Membership
                        && s.party == who
                        && s.status == member_status
                        && s.years() == (first, last)
                })
                .ok_or_else(|| {
                    Fault::at(line, start, "no spell of the data matches this deprecation (organization, party, status and years must be exact)")
                })?;
            target.rank = Rank::Deprecated;
            target.deprecation = Some(Deprecation {
                reason: why.unwrap_or_default(),
                source: cited,
                origin: Origin::Community,
            });
            report.deprecated += 1;
            continue;
        }

        let base = format!(
            "seed/{}/{}/{}/{}",
            organization.id,
            prop.code(),
            who.as_deref().unwrap_or("-"),
            from.map_or_else(|| "-".to_owned(), |w| w.to_string()),
        );
        let mut id = base.clone();
        let mut n = 1;
        while !ids.insert(id.clone()) {
            n += 1;
            id = format!("{base}/{n}");
        }
        statements.push(Statement {
            id,
            org: organization.id,
            property: prop,
            party: who,
            status: member_status,
            value_en: english,
            value_zh: chinese,
            start: from,
            end: to,
            unrecorded_after: false,
            rank: ranked,
            deprecation: (ranked == Rank::Deprecated).then(|| Deprecation {
                reason: why.clone().unwrap_or_default(),
                source: cited.clone(),
                origin: Origin::Community,
            }),
            source: cited,
            origin: Origin::Community,
            review: None,
            note: cell(&record, note).map(str::to_owned),
        });
        report.added += 1;
    }
    Ok(report)
}

fn read_source(
    record: &csv::StringRecord,
    line: u64,
    [title, url, seen]: [usize; 3],
) -> Result<Source, Fault> {
    let address = required(record, line, url)?;
    if !(address.starts_with("https://") || address.starts_with("http://"))
        || address.contains(char::is_whitespace)
    {
        return Err(Fault::at(
            line,
            url,
            format!("{address:?} is not an http(s) address"),
        ));
    }
    let day = required(record, line, seen)?;
    if When::parse(day).is_none_or(|w| w.day.is_none()) {
        return Err(Fault::at(
            line,
            seen,
            format!("{day:?} is not a date (YYYY-MM-DD)"),
        ));
    }
    Ok(Source {
        title: required(record, line, title)?.to_owned(),
        url: Some(address.to_owned()),
        seen: Some(day.to_owned()),
    })
}

fn when_cell(record: &csv::StringRecord, line: u64, column: usize) -> Result<Option<When>, Fault> {
    cell(record, column)
        .map(|text| {
            When::parse(text).ok_or_else(|| {
                Fault::at(
                    line,
                    column,
                    format!("{text:?} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)"),
                )
            })
        })
        .transpose()
}

fn year_cell(record: &csv::StringRecord, line: u64, column: usize) -> Result<Option<i32>, Fault> {
    Ok(when_cell(record, line, column)?.map(|w| w.year))
}
