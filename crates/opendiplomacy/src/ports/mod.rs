//! The world's ports: the World Port Index, typed, plus what consular officers need that no
//! atlas has.

mod aliases;
mod catalogue;
mod fields;
mod geo;
mod import;
mod model;

pub use aliases::{PortAlias, PortAliasError, PortAliases};
pub use catalogue::FIELDS;
pub use fields::{
    CODE_SETS, CodeSet, FACILITY_SIZE, FieldKind, FieldSpec, Group, HARBOR_TYPE, HARBOR_USE,
    NAVAREA, REPAIRS, SHELTER, UNDERKEEL_CLEARANCE, field,
};
pub use geo::{distance_km, nearest};
pub use import::{ImportReport, PortImportError, parse_ports};
pub use model::{AttrValue, ConsularInfo, HarborSize, Port, PortId, Position};

/// The bundled World Port Index, for tests that check real values.
#[cfg(test)]
pub(crate) const BUNDLED_CSV: &[u8] = include_bytes!("../../../../data/ports/UpdatedPub150.csv");
