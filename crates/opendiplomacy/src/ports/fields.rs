//! The catalogue of World Port Index columns a consular officer can use: for each, the stable
//! key it is stored and served under, the exact column header it is read from, how its cells are
//! typed, and the group it is shown in.
//!
//! Rules:
//! - A key never changes once published: it is the attribute's name in the store, the API and the
//!   translation files (`ports.field.<key>`, `ports.group.<group>`, `ports.code.<set>.<code>`).
//! - The identity columns (name, alternate name, UN/LOCODE, country, region, position, harbour
//!   size, index number) are typed fields of [`super::Port`] and are not listed here; neither are
//!   the export's artefacts (`OID_` and the IHO S-130/S-57/S-101 columns, blank in every row).
//! - The list itself, [`FIELDS`], is in `catalogue.rs`; this file has its types and code sets.

use super::catalogue::FIELDS;

/// The headers of the columns read into the port's own typed fields rather than attributes.
pub(super) mod identity {
    pub const ID: &str = "World Port Index Number";
    pub const REGION: &str = "Region Name";
    pub const NAME: &str = "Main Port Name";
    pub const ALTERNATE: &str = "Alternate Port Name";
    pub const LOCODE: &str = "UN/LOCODE";
    pub const COUNTRY: &str = "Country Code";
    pub const HARBOR_SIZE: &str = "Harbor Size";
    pub const LATITUDE: &str = "Latitude";
    pub const LONGITUDE: &str = "Longitude";

    pub const ALL: &[&str] = &[
        ID,
        REGION,
        NAME,
        ALTERNATE,
        LOCODE,
        COUNTRY,
        HARBOR_SIZE,
        LATITUDE,
        LONGITUDE,
    ];
}

/// The export's artefacts, read nowhere: a row counter and three chart columns blank in every
/// row.
pub(super) const ARTEFACTS: &[&str] = &[
    "OID_",
    "IHO S-130 Sea Area",
    "IHO S-57 Electronic Navigational Chart",
    "IHO S-101 Electronic Navigational Chart",
];

/// One World Port Index column read into [`super::Port::attributes`].
#[derive(Debug)]
pub struct FieldSpec {
    /// The attribute key, snake_case, such as `channel_depth_m`.
    pub key: &'static str,
    /// The column header exactly as the index prints it.
    pub column: &'static str,
    pub kind: FieldKind,
    pub group: Group,
}

impl FieldSpec {
    /// The translation key of the field's label.
    pub fn label_key(&self) -> String {
        format!("ports.field.{}", self.key)
    }
}

/// How a column's cells become an [`super::AttrValue`]. In every kind a blank cell is unknown.
#[derive(Debug, Clone, Copy)]
pub enum FieldKind {
    /// `Yes` or `No`; `Unknown` is unknown.
    Flag,
    /// A length or depth in metres; the index writes `0.0` for unknown, so zero is unknown.
    Metres,
    /// One code of the set; the word `Unknown` is unknown.
    Code(&'static CodeSet),
    Text,
    /// Several values in one cell, split on the separator.
    List {
        separator: char,
    },
}

/// The closed list of codes a coded column may hold.
#[derive(Debug)]
pub struct CodeSet {
    /// The set's name in translation keys (`ports.code.<name>.<code>`).
    pub name: &'static str,
    /// Each code with the text the index prints for it.
    pub codes: &'static [(&'static str, &'static str)],
}

impl CodeSet {
    /// The code the index's text stands for, if it is one of the set's.
    pub fn code_of(&self, source: &str) -> Option<&'static str> {
        self.codes
            .iter()
            .find(|(_, text)| *text == source)
            .map(|(code, _)| *code)
    }

    /// The translation key of a code's label.
    pub fn label_key(&self, code: &str) -> String {
        format!("ports.code.{}.{code}", self.name)
    }
}

/// The headings a port page is arranged under, in display order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Group {
    Identity,
    Charts,
    Depths,
    VesselLimits,
    Harbour,
    Entrance,
    Arrival,
    Quarantine,
    PilotageAndTugs,
    Communications,
    Facilities,
    CranesAndLifts,
    Services,
    Supplies,
    Repairs,
}

impl Group {
    pub const ALL: [Group; 15] = [
        Group::Identity,
        Group::Charts,
        Group::Depths,
        Group::VesselLimits,
        Group::Harbour,
        Group::Entrance,
        Group::Arrival,
        Group::Quarantine,
        Group::PilotageAndTugs,
        Group::Communications,
        Group::Facilities,
        Group::CranesAndLifts,
        Group::Services,
        Group::Supplies,
        Group::Repairs,
    ];

    /// The stable key, used in translation keys and the API.
    pub fn key(self) -> &'static str {
        match self {
            Group::Identity => "identity",
            Group::Charts => "charts",
            Group::Depths => "depths",
            Group::VesselLimits => "vessel_limits",
            Group::Harbour => "harbour",
            Group::Entrance => "entrance",
            Group::Arrival => "arrival",
            Group::Quarantine => "quarantine",
            Group::PilotageAndTugs => "pilotage_and_tugs",
            Group::Communications => "communications",
            Group::Facilities => "facilities",
            Group::CranesAndLifts => "cranes_and_lifts",
            Group::Services => "services",
            Group::Supplies => "supplies",
            Group::Repairs => "repairs",
        }
    }

    /// The translation key of the group's heading.
    pub fn label_key(self) -> String {
        format!("ports.group.{}", self.key())
    }

    /// The group's fields in catalogue order.
    pub fn fields(self) -> impl Iterator<Item = &'static FieldSpec> {
        FIELDS.iter().filter(move |spec| spec.group == self)
    }
}

/// Where a port's ships can lie, as the index classifies its harbours.
pub static HARBOR_TYPE: CodeSet = CodeSet {
    name: "harbor_type",
    codes: &[
        ("coastal_natural", "Coastal (Natural)"),
        ("coastal_breakwater", "Coastal (Breakwater)"),
        ("coastal_tide_gates", "Coastal (Tide Gates)"),
        ("river_natural", "River (Natural)"),
        ("river_basins", "River (Basins)"),
        ("river_tide_gates", "River (Tide Gates)"),
        ("canal_or_lake", "Canal or Lake"),
        ("open_roadstead", "Open Roadstead"),
        ("typhoon_harbor", "Typhoon Harbor"),
    ],
};

pub static HARBOR_USE: CodeSet = CodeSet {
    name: "harbor_use",
    codes: &[
        ("cargo", "Cargo"),
        ("fishing", "Fishing"),
        ("ferry", "Ferry"),
        ("military", "Military"),
    ],
};

pub static SHELTER: CodeSet = CodeSet {
    name: "shelter",
    codes: &[
        ("excellent", "Excellent"),
        ("good", "Good"),
        ("fair", "Fair"),
        ("poor", "Poor"),
        ("none", "None"),
    ],
};

pub static REPAIRS: CodeSet = CodeSet {
    name: "repairs",
    codes: &[
        ("major", "Major"),
        ("moderate", "Moderate"),
        ("limited", "Limited"),
        ("emergency_only", "Emergency Only"),
        ("none", "None"),
    ],
};

/// The size of a dry dock or a marine railway.
pub static FACILITY_SIZE: CodeSet = CodeSet {
    name: "facility_size",
    codes: &[
        ("large", "Large"),
        ("medium", "Medium"),
        ("small", "Small"),
        ("none", "None"),
    ],
};

/// The index's definitions name dynamic systems too, though this edition has none.
pub static UNDERKEEL_CLEARANCE: CodeSet = CodeSet {
    name: "underkeel_clearance",
    codes: &[
        ("none", "None"),
        ("static", "Static"),
        ("dynamic", "Dynamic"),
    ],
};

/// The IMO/IHO navigational warning areas, numbered in Roman numerals.
pub static NAVAREA: CodeSet = CodeSet {
    name: "navarea",
    codes: &[
        ("i", "I"),
        ("ii", "II"),
        ("iii", "III"),
        ("iv", "IV"),
        ("v", "V"),
        ("vi", "VI"),
        ("vii", "VII"),
        ("viii", "VIII"),
        ("ix", "IX"),
        ("x", "X"),
        ("xi", "XI"),
        ("xii", "XII"),
        ("xiii", "XIII"),
        ("xiv", "XIV"),
        ("xv", "XV"),
        ("xvi", "XVI"),
        ("xvii", "XVII"),
        ("xviii", "XVIII"),
        ("xix", "XIX"),
        ("xx", "XX"),
        ("xxi", "XXI"),
    ],
};

/// Every code set the catalogue uses, for pages that list codes and for translation checks.
pub static CODE_SETS: &[&CodeSet] = &[
    &HARBOR_TYPE,
    &HARBOR_USE,
    &SHELTER,
    &REPAIRS,
    &FACILITY_SIZE,
    &UNDERKEEL_CLEARANCE,
    &NAVAREA,
];

/// The field a key names, if the catalogue has it.
pub fn field(key: &str) -> Option<&'static FieldSpec> {
    FIELDS.iter().find(|spec| spec.key == key)
}
