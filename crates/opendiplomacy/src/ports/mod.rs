//! The world's ports: the World Port Index, typed, plus what consular officers need that no
//! atlas has.
//!
//! [`parse_ports`] reads the index whole or not at all, one row at a time (`row`), merging rows
//! that share an index number (`duplicates`) and adding the project's Chinese names
//! ([`PortAliases`]). [`FIELDS`] says what every attribute column is; [`nearest`] answers "which
//! ports are closest". Everywhere, unknown is the absence of a value, never a zero or a "no".

mod aliases;
mod catalogue;
mod duplicates;
mod fields;
mod geo;
mod import;
mod model;
mod row;

#[cfg(test)]
mod tests;

pub use aliases::{PortAlias, PortAliasError, PortAliases};
pub use catalogue::FIELDS;
pub use duplicates::{Difference, DuplicateRow};
pub use fields::{
    CODE_SETS, CodeSet, FACILITY_SIZE, FieldKind, FieldSpec, Group, HARBOR_TYPE, HARBOR_USE,
    NAVAREA, REPAIRS, SHELTER, UNDERKEEL_CLEARANCE, field,
};
pub use geo::{EARTH_RADIUS_KM, distance_km, nearest};
pub use import::{ImportReport, PortImportError, parse_ports};
pub use model::{AttrValue, ConsularInfo, HarborSize, Port, PortId, Position};

/// The bundled World Port Index, for tests that check real values.
#[cfg(test)]
pub(crate) const BUNDLED_CSV: &[u8] = include_bytes!("../../../../data/ports/UpdatedPub150.csv");
