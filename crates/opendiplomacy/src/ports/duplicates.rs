//! Rows that share a World Port Index number: the index has two (49460 Machilipatnam, and 400
//! Seydhisfjordhur/Seydisfjordur), and a port id must name one port.
//!
//! Rule: the first row is the port; a later row adds only its names to the port's other names,
//! and every value in which it differs is reported, so nothing is dropped without a word.

use serde::Serialize;

use super::aliases::add_name;
use super::fields::identity::{
    ALTERNATE, COUNTRY, HARBOR_SIZE, LATITUDE, LOCODE, LONGITUDE, NAME, REGION,
};
use super::{AttrValue, FIELDS, Port, PortId};

/// A row merged into an earlier row with the same index number.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DuplicateRow {
    pub id: PortId,
    /// The line of the row kept as the port.
    pub kept_line: u64,
    /// The line of the row whose names were merged into it.
    pub merged_line: u64,
    pub kept_name: String,
    pub merged_name: String,
    /// Every value the two rows disagree on, identity columns first.
    pub differences: Vec<Difference>,
}

/// One value two rows disagree on; `None` is unknown.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Difference {
    /// The column header, as the index prints it.
    pub column: &'static str,
    pub kept: Option<String>,
    pub merged: Option<String>,
}

/// How many differences a note spells out before it says how many more there are.
const SPELLED_OUT: usize = 6;

impl DuplicateRow {
    /// The row merged into the kept port: its names become the port's other names.
    pub(super) fn merge(kept: &mut Port, kept_line: u64, merged: &Port, merged_line: u64) -> Self {
        let differences = differences(kept, merged);
        for name in std::iter::once(&merged.name).chain(&merged.other_names) {
            add_name(&mut kept.other_names, name, &kept.name);
        }
        Self {
            id: kept.id,
            kept_line,
            merged_line,
            kept_name: kept.name.clone(),
            merged_name: merged.name.clone(),
            differences,
        }
    }

    /// A sentence for the import report.
    pub fn note(&self) -> String {
        let spelled: Vec<String> = self
            .differences
            .iter()
            .take(SPELLED_OUT)
            .map(|difference| {
                let show = |value: &Option<String>| value.clone().unwrap_or_else(|| "blank".into());
                format!(
                    "{} {} vs {}",
                    difference.column,
                    show(&difference.kept),
                    show(&difference.merged)
                )
            })
            .collect();
        let more = self.differences.len().saturating_sub(SPELLED_OUT);
        let rest = if more > 0 {
            format!(", and {more} more")
        } else {
            String::new()
        };
        format!(
            "World Port Index number {} is on lines {} ({}) and {} ({}): kept line {}, merged the \
             other's names; {} values differ: {}{rest}",
            self.id,
            self.kept_line,
            self.kept_name,
            self.merged_line,
            self.merged_name,
            self.kept_line,
            self.differences.len(),
            spelled.join("; "),
        )
    }
}

fn differences(kept: &Port, merged: &Port) -> Vec<Difference> {
    let latitude = |port: &Port| port.position.map(|p| p.latitude.to_string());
    let longitude = |port: &Port| port.position.map(|p| p.longitude.to_string());
    let alternates = |port: &Port| Some(port.other_names.join("; ")).filter(|s| !s.is_empty());
    let identity = [
        (NAME, Some(kept.name.clone()), Some(merged.name.clone())),
        (ALTERNATE, alternates(kept), alternates(merged)),
        (LOCODE, kept.locode.clone(), merged.locode.clone()),
        (
            COUNTRY,
            Some(kept.country_name.clone()),
            Some(merged.country_name.clone()),
        ),
        (REGION, kept.region.clone(), merged.region.clone()),
        (
            HARBOR_SIZE,
            kept.harbor_size.map(|size| size.code().to_owned()),
            merged.harbor_size.map(|size| size.code().to_owned()),
        ),
        (LATITUDE, latitude(kept), latitude(merged)),
        (LONGITUDE, longitude(kept), longitude(merged)),
    ];
    let attributes = FIELDS.iter().map(|spec| {
        let value = |port: &Port| port.attributes.get(spec.key).map(describe);
        (spec.column, value(kept), value(merged))
    });

    identity
        .into_iter()
        .chain(attributes)
        .filter(|(_, kept, merged)| kept != merged)
        .map(|(column, kept, merged)| Difference {
            column,
            kept,
            merged,
        })
        .collect()
}

/// A value as the report shows it: flags as the index writes them, numbers without noise.
fn describe(value: &AttrValue) -> String {
    match value {
        AttrValue::Flag(true) => "Yes".to_owned(),
        AttrValue::Flag(false) => "No".to_owned(),
        AttrValue::Number(number) => number.to_string(),
        AttrValue::Code(text) | AttrValue::Text(text) => text.clone(),
        AttrValue::List(items) => items.join(", "),
    }
}
