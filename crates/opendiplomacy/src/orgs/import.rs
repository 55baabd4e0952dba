//! Reads the organizations dataset whole, from its five files, or refuses it.

use std::collections::HashSet;

use super::cow::{self, StateMap};
use super::model::{Organization, Party, Statement};
use super::statements;
use crate::csv_source::{Fault, FileError};

/// Why the organizations dataset was refused: the first fault, placed in its file.
pub type OrgImportError = FileError;

/// One file of the dataset: its name (as errors show it) and its bytes.
#[derive(Debug, Clone, Copy)]
pub struct NamedFile<'a> {
    pub name: &'a str,
    pub bytes: &'a [u8],
}

/// The files the dataset is made of, under the names they have in `data/intl_orgs/`.
#[derive(Debug, Clone, Copy)]
pub struct OrgFiles<'a> {
    pub organizations: NamedFile<'a>,
    pub spells: NamedFile<'a>,
    pub states: NamedFile<'a>,
    pub extra: NamedFile<'a>,
    pub statements: NamedFile<'a>,
}

impl OrgFiles<'_> {
    pub const NAMES: [&'static str; 5] = [
        "cow_igo_v3_organizations.csv",
        "cow_igo_v3_membership_spells.csv",
        "cow_states_iso.csv",
        "organizations_extra.csv",
        "statements.csv",
    ];
}

/// The dataset as read, ready to store.
#[derive(Debug, Clone, PartialEq)]
pub struct OrgData {
    /// COW's organizations, then the project's, ordered by id.
    pub organizations: Vec<Organization>,
    pub statements: Vec<Statement>,
    /// The parties with no ISO code (states of the past); the others are countries.
    pub parties: Vec<Party>,
    /// What the import found, in plain words, for the import log.
    pub notes: Vec<String>,
}

/// Parses every file, or returns the first fault with its file, line and column. `countries`
/// holds the ISO codes of the country list: the parties a statement may name besides the
/// states of the past.
pub fn parse_organizations(
    files: &OrgFiles,
    countries: &HashSet<String>,
) -> Result<OrgData, OrgImportError> {
    let is_country = |code: &str| countries.contains(code);
    fn placed(file: NamedFile<'_>) -> impl Fn(Fault) -> FileError + '_ {
        move |fault| fault.in_file(file.name)
    }
    let states: StateMap =
        cow::read_states(files.states.bytes, &is_country).map_err(placed(files.states))?;
    let mut organizations =
        cow::read_organizations(files.organizations.bytes).map_err(placed(files.organizations))?;
    let (mut statements, spells) =
        cow::read_spells(files.spells.bytes, &mut organizations, &states)
            .map_err(placed(files.spells))?;
    statements.extend(cow::name_statements(&organizations));
    let extra =
        statements::read_extra(files.extra.bytes, &organizations).map_err(placed(files.extra))?;
    organizations.extend(extra);
    organizations.sort_by_key(|org| org.id);

    let parties = states.historical();
    let known: HashSet<String> = parties
        .iter()
        .map(|party| party.key.clone())
        .chain(countries.iter().cloned())
        .collect();
    let applied = statements::apply(
        files.statements.bytes,
        &organizations,
        &known,
        &mut statements,
    )
    .map_err(placed(files.statements))?;

    let notes = vec![
        format!(
            "{} organizations, {} membership spells read; {} coded as missing data are not memberships",
            organizations.len(),
            spells.spells,
            spells.missing
        ),
        format!(
            "{} spells coded China (710) between 1949 and 1970 are flagged for review",
            spells.flagged
        ),
        format!(
            "{} cited statements added, {} spells of the data deprecated by cited statements",
            applied.added, applied.deprecated
        ),
    ];
    Ok(OrgData {
        organizations,
        statements,
        parties,
        notes,
    })
}
