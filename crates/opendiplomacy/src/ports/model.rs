//! The port value: identity and position as typed fields, every other World Port Index column
//! as a typed attribute described by [`super::FIELDS`].

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use crate::countries::CountryCode;

/// The World Port Index number, which is the port's permanent id in URLs and the API.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PortId(pub u32);

impl PortId {
    /// Ids of the few index numbers printed with a tenth (49454.5 Kattupalli Port, inserted
    /// between 49454 and 49455; 9510.1 Puerto Progreso) are this plus ten times the number. They
    /// are stable across imports, never collide with whole index numbers (five digits at most),
    /// and read back with [`PortId::index_number`].
    pub const TENTHS_BASE: u32 = 10_000_000;

    /// Reads an index number as printed: `7950`, `7950.0`, or with one tenth such as `49454.5`.
    pub fn from_index_number(text: &str) -> Option<Self> {
        let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
        if whole.is_empty() || !whole.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let whole: u32 = whole.parse().ok()?;
        match fraction.trim_end_matches('0').as_bytes() {
            [] => Some(Self(whole)),
            [tenth @ b'1'..=b'9'] => {
                let tenths = whole
                    .checked_mul(10)?
                    .checked_add(u32::from(tenth - b'0'))?;
                (tenths < Self::TENTHS_BASE).then_some(Self(Self::TENTHS_BASE + tenths))
            }
            _ => None,
        }
    }

    /// The number as the index prints it, without a trailing `.0`: `57920`, `49454.5`.
    pub fn index_number(self) -> String {
        match self.0.checked_sub(Self::TENTHS_BASE) {
            Some(tenths) => format!("{}.{}", tenths / 10, tenths % 10),
            None => self.0.to_string(),
        }
    }
}

impl std::fmt::Display for PortId {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// WGS 84 decimal degrees. Never (0, 0) by default: a port without a position has `None`.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Position {
    pub latitude: f64,
    pub longitude: f64,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HarborSize {
    VerySmall,
    Small,
    Medium,
    Large,
}

impl HarborSize {
    pub const ALL: [HarborSize; 4] = [Self::VerySmall, Self::Small, Self::Medium, Self::Large];

    /// The stable code used in the API and in URLs.
    pub fn code(self) -> &'static str {
        match self {
            Self::VerySmall => "very_small",
            Self::Small => "small",
            Self::Medium => "medium",
            Self::Large => "large",
        }
    }

    pub fn from_code(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|size| size.code() == code)
    }
}

/// One typed World Port Index value. Unknown is the absence of an entry in
/// [`Port::attributes`], never a zero or a "no".
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(untagged)]
pub enum AttrValue {
    /// Yes or no; the index's "Unknown" is no entry at all.
    Flag(bool),
    Number(f64),
    /// A coded value of the field's [`super::CodeSet`], such as `coastal_breakwater`.
    Code(String),
    Text(String),
    List(Vec<String>),
}

/// What officers asked for that the World Port Index lacks. `None` is "unknown — help fill
/// this in"; community editing fills these later.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ConsularInfo {
    pub morgue: Option<String>,
    pub ice_for_catch: Option<String>,
    pub lodging: Option<String>,
    pub autopsy: Option<String>,
    pub nearest_mission: Option<String>,
    pub local_notes: Option<String>,
}

impl ConsularInfo {
    /// Field keys in display order, for pages and tables.
    pub const KEYS: [&'static str; 6] = [
        "morgue",
        "ice_for_catch",
        "lodging",
        "autopsy",
        "nearest_mission",
        "local_notes",
    ];

    pub fn get(&self, key: &str) -> Option<&str> {
        match key {
            "morgue" => self.morgue.as_deref(),
            "ice_for_catch" => self.ice_for_catch.as_deref(),
            "lodging" => self.lodging.as_deref(),
            "autopsy" => self.autopsy.as_deref(),
            "nearest_mission" => self.nearest_mission.as_deref(),
            "local_notes" => self.local_notes.as_deref(),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Port {
    pub id: PortId,
    /// The index's main name, as published ("Kao-Hsiung").
    pub name: String,
    /// Names in Chinese, first the one to display ("高雄港").
    pub names_zh: Vec<String>,
    /// Other spellings: the index's alternate name, today's romanization ("Kaohsiung"), names
    /// of merged duplicate rows.
    pub other_names: Vec<String>,
    pub country: Option<CountryCode>,
    /// The country as the index spells it, kept for rows the resolver could not map.
    pub country_name: String,
    /// UN/LOCODE without the inner space ("TWKHH").
    pub locode: Option<String>,
    pub region: Option<String>,
    pub position: Option<Position>,
    pub harbor_size: Option<HarborSize>,
    /// Every other column, keyed by [`super::FieldSpec::key`]; unknown values are absent.
    pub attributes: BTreeMap<String, AttrValue>,
    pub consular: ConsularInfo,
}

impl Port {
    /// The name to show in a language: the Chinese name in zh-TW where there is one.
    pub fn display_name(&self, zh: bool) -> &str {
        match (zh, self.names_zh.first()) {
            (true, Some(name)) => name,
            _ => &self.name,
        }
    }

    pub fn flag(&self, key: &str) -> Option<bool> {
        match self.attributes.get(key) {
            Some(AttrValue::Flag(value)) => Some(*value),
            _ => None,
        }
    }
}
