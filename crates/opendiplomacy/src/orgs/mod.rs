//! International organizations: who is a member, since when, under which name, on whose word.
//!
//! The Correlates of War IGO data (`cow`) is read as published; what the project adds, each
//! with a source, is layered on top as ranked statements (`statements`), never written into
//! the published rows. [`Catalogue`] combines the statements into the spells readers see.

mod catalogue;
mod cow;
mod import;
mod model;
mod statements;

#[cfg(test)]
mod tests;

pub use catalogue::{Catalogue, PartyName, Spell, Standing};
pub use cow::{LAST_YEAR, QING};
pub use import::{NamedFile, OrgData, OrgFiles, OrgImportError, parse_organizations};
pub use model::{
    Deprecation, MemberStatus, OrgId, OrgKind, Organization, Origin, Party, Property, Rank, Source,
    Statement, When,
};
