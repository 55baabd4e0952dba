//! The tables of the organizations endpoints: organizations, statements and memberships.
//! Every format is written from these, as for ports and countries.

use crate::formats::{Cell, Table};
use crate::orgs::{Catalogue, Organization, Property, Spell, Statement};

const ORGANIZATION_COLUMNS: &[&str] = &[
    "id",
    "abbr",
    "name_zh",
    "name_en",
    "types",
    "founded",
    "ended",
    "parent",
    "headquarters_en",
    "headquarters_zh",
    "charter_en",
    "charter_zh",
    "charter_date",
    "data_until",
    "origin",
    "url",
];

pub fn organizations<'a>(
    catalogue: &'a Catalogue,
    organizations: impl IntoIterator<Item = &'a Organization>,
) -> Table<'a> {
    let mut table = Table::new(
        "organizations",
        "organization",
        ORGANIZATION_COLUMNS.to_vec(),
    );
    table.rows = organizations
        .into_iter()
        .map(|org| {
            let headquarters = catalogue.best(org.id, Property::Headquarters);
            let charter = catalogue.best(org.id, Property::Charter);
            vec![
                Cell::Int(i64::from(org.id.0)),
                Cell::text(org.abbr.as_str()),
                Cell::opt_text(catalogue.name_zh(org.id)),
                Cell::text(catalogue.name_en(org)),
                Cell::List(
                    org.kinds
                        .iter()
                        .map(|k| k.code().to_owned())
                        .collect::<Vec<_>>()
                        .into(),
                ),
                year(org.founded),
                year(org.ended),
                Cell::opt_text(
                    org.parent
                        .and_then(|id| catalogue.organization(id))
                        .map(|parent| parent.abbr.as_str()),
                ),
                Cell::opt_text(headquarters.and_then(|s| s.value_en.as_deref())),
                Cell::opt_text(headquarters.and_then(|s| s.value_zh.as_deref())),
                Cell::opt_text(charter.and_then(|s| s.value_en.as_deref())),
                Cell::opt_text(charter.and_then(|s| s.value_zh.as_deref())),
                Cell::opt_text(charter.and_then(|s| s.start).map(|w| w.to_string())),
                year(org.data_until),
                Cell::text(org.origin.code()),
                Cell::text(format!("/organizations/{}", org.abbr)),
            ]
        })
        .collect();
    table
}

const STATEMENT_COLUMNS: &[&str] = &[
    "id",
    "organization",
    "property",
    "party",
    "status",
    "value_en",
    "value_zh",
    "start",
    "end",
    "unrecorded_after",
    "rank",
    "deprecation_reason",
    "deprecation_source_title",
    "deprecation_source_url",
    "source_title",
    "source_url",
    "source_seen",
    "origin",
    "verified",
    "review",
    "note",
];

pub fn statements<'a>(
    catalogue: &'a Catalogue,
    statements: impl IntoIterator<Item = &'a Statement>,
) -> Table<'a> {
    let mut table = Table::new("statements", "statement", STATEMENT_COLUMNS.to_vec());
    table.rows = statements
        .into_iter()
        .map(|s| {
            let deprecation = s.deprecation.as_ref();
            vec![
                Cell::text(s.id.as_str()),
                Cell::opt_text(catalogue.organization(s.org).map(|org| org.abbr.as_str())),
                Cell::text(s.property.code()),
                Cell::opt_text(s.party.as_deref()),
                Cell::opt_text(s.status.map(|status| status.code())),
                Cell::opt_text(s.value_en.as_deref()),
                Cell::opt_text(s.value_zh.as_deref()),
                Cell::opt_text(s.start.map(|w| w.to_string())),
                Cell::opt_text(s.end.map(|w| w.to_string())),
                Cell::Bool(s.unrecorded_after),
                Cell::text(s.rank.code()),
                Cell::opt_text(deprecation.map(|d| d.reason.as_str())),
                Cell::opt_text(deprecation.map(|d| d.source.title.as_str())),
                Cell::opt_text(deprecation.and_then(|d| d.source.url.as_deref())),
                Cell::text(s.source.title.as_str()),
                Cell::opt_text(s.source.url.as_deref()),
                Cell::opt_text(s.source.seen.as_deref()),
                Cell::text(s.origin.code()),
                Cell::Bool(s.origin == crate::orgs::Origin::Official),
                Cell::opt_text(s.review.as_deref()),
                Cell::opt_text(s.note.as_deref()),
            ]
        })
        .collect();
    table
}

const MEMBERSHIP_COLUMNS: &[&str] = &[
    "organization",
    "organization_name_zh",
    "organization_name_en",
    "party",
    "party_name_zh",
    "party_name_en",
    "iso",
    "status",
    "start",
    "end",
    "unrecorded_after",
    "recorded",
    "rank",
    "name_used",
    "statements",
];

/// A spell as a row, and whether the year asked about is recorded (false: after the data
/// stopped, with nothing cited to carry the spell on).
pub struct MembershipRow<'a> {
    pub org: &'a Organization,
    pub spell: &'a Spell,
    pub recorded: bool,
}

pub fn memberships<'a>(
    catalogue: &'a Catalogue,
    rows: impl IntoIterator<Item = MembershipRow<'a>>,
) -> Table<'a> {
    let mut table = Table::new("memberships", "membership", MEMBERSHIP_COLUMNS.to_vec());
    table.rows = rows
        .into_iter()
        .map(
            |MembershipRow {
                 org,
                 spell,
                 recorded,
             }| {
                let party = catalogue.party(&spell.party);
                let name_used = catalogue
                    .names_used(org.id, &spell.party)
                    .into_iter()
                    .find(|s| s.counts())
                    .and_then(|s| s.value_en.as_deref().or(s.value_zh.as_deref()));
                vec![
                    Cell::text(org.abbr.as_str()),
                    Cell::opt_text(catalogue.name_zh(org.id)),
                    Cell::text(catalogue.name_en(org)),
                    Cell::text(spell.party.as_str()),
                    Cell::opt_text(party.map(|p| p.name_zh.as_str())),
                    Cell::opt_text(party.map(|p| p.name_en.as_str())),
                    Cell::opt_text(party.and_then(|p| p.iso.as_deref())),
                    Cell::text(spell.status.code()),
                    Cell::text(spell.start.to_string()),
                    Cell::opt_text(spell.end.map(|w| w.to_string())),
                    Cell::Bool(spell.unrecorded_after),
                    Cell::Bool(recorded),
                    Cell::text(spell.rank.code()),
                    Cell::opt_text(name_used),
                    Cell::list(&spell.statements),
                ]
            },
        )
        .collect();
    table
}

fn year(value: Option<i32>) -> Cell<'static> {
    value.map_or(Cell::Null, |y| Cell::Int(i64::from(y)))
}
