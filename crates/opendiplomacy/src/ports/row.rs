//! One World Port Index row read into a [`Port`], cell by cell.
//!
//! Rules (each answers a known quality problem of the index, see `data/ports/SOURCES.md`):
//! - A blank cell, a single space, and the word `Unknown` are all unknown: no attribute.
//! - Depths and lengths of `0.0` are unknown, never zero metres.
//! - Integers printed as floats (`7950.0`) are read as integers; the two index numbers with a
//!   tenth get the ids [`PortId::from_index_number`] gives them, with a note.
//! - A UN/LOCODE loses its inner space (`TW KHH` is `TWKHH`); one that is not five letters and
//!   digits is left out with a note rather than kept half-written.
//! - Coordinates are rounded to six decimals, about 0.1 m, which drops the float noise.
//! - Anything else unreadable is a fault at the row's line and the cell's column.

use std::collections::BTreeMap;

use super::fields::identity::{
    ALTERNATE, COUNTRY, HARBOR_SIZE, ID, LATITUDE, LOCODE, LONGITUDE, NAME, REGION,
};
use super::fields::{CodeSet, FieldKind, FieldSpec};
use super::{AttrValue, ConsularInfo, FIELDS, HarborSize, Port, PortId, Position};
use crate::countries::CountryResolver;
use crate::csv_source::{self as source, Fault, Header};

/// A row being read: its cells by column name, and what it has to say besides the port.
pub(super) struct Row<'a> {
    pub header: &'a Header,
    pub record: &'a csv::StringRecord,
    pub line: u64,
    /// Things worth telling whoever runs the import, such as a malformed UN/LOCODE left out.
    pub notes: Vec<String>,
}

impl Row<'_> {
    pub fn port(&mut self, countries: &CountryResolver) -> Result<Port, Fault> {
        let id = self.port_id()?;
        let name = self
            .cell(NAME)
            .map(collapse_spaces)
            .ok_or_else(|| self.fault(NAME, "a port must have a name".to_owned()))?;
        let other_names = self.cell(ALTERNATE).map_or_else(Vec::new, |text| {
            text.split(';')
                .map(collapse_spaces)
                .filter(|alternate| !alternate.is_empty() && *alternate != name)
                .collect()
        });
        let country_name = self.cell(COUNTRY).unwrap_or_default().to_owned();
        let locode = self.locode(id);
        let position = self.position(id)?;

        let mut attributes = BTreeMap::new();
        for spec in FIELDS {
            if let Some(value) = self.attribute(spec)? {
                attributes.insert(spec.key.to_owned(), value);
            }
        }
        Ok(Port {
            id,
            name,
            names_zh: Vec::new(),
            other_names,
            country: countries.resolve(&country_name),
            country_name,
            locode,
            region: self.cell(REGION).map(region_name),
            position,
            harbor_size: self.harbor_size()?,
            attributes,
            consular: ConsularInfo::default(),
        })
    }

    fn port_id(&mut self) -> Result<PortId, Fault> {
        let text = self.cell(ID).unwrap_or_default();
        let id = PortId::from_index_number(text)
            .ok_or_else(|| self.fault(ID, format!("expected a port number, found {text:?}")))?;
        if id.0 >= PortId::TENTHS_BASE {
            let line = self.line;
            self.notes.push(format!(
                "line {line}: index number {text} is not a whole number; the port's id is {id}"
            ));
        }
        Ok(id)
    }

    fn locode(&mut self, id: PortId) -> Option<String> {
        let text = self.cell(LOCODE)?;
        let code: String = text.chars().filter(|c| !c.is_whitespace()).collect();
        let bytes = code.as_bytes();
        let well_formed = bytes.len() == 5
            && bytes[..2].iter().all(u8::is_ascii_uppercase)
            && bytes[2..]
                .iter()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
        if well_formed {
            return Some(code);
        }
        let line = self.line;
        self.notes.push(format!(
            "line {line}: port {id} has UN/LOCODE {text:?}, which is not a code; left out"
        ));
        None
    }

    fn position(&mut self, id: PortId) -> Result<Option<Position>, Fault> {
        let latitude = self.degrees(LATITUDE, 90.0)?;
        let longitude = self.degrees(LONGITUDE, 180.0)?;
        match (latitude, longitude) {
            (None, None) => Ok(None),
            (Some(_), None) => Err(self.fault(LONGITUDE, "a latitude needs a longitude".into())),
            (None, Some(_)) => Err(self.fault(LATITUDE, "a longitude needs a latitude".into())),
            (Some(latitude), Some(longitude)) if latitude == 0.0 && longitude == 0.0 => {
                let line = self.line;
                self.notes.push(format!(
                    "line {line}: port {id} is placed at 0°, 0°; position left out"
                ));
                Ok(None)
            }
            (Some(latitude), Some(longitude)) => Ok(Some(Position {
                latitude,
                longitude,
            })),
        }
    }

    fn degrees(&self, column: &str, limit: f64) -> Result<Option<f64>, Fault> {
        let Some(text) = self.cell(column) else {
            return Ok(None);
        };
        match text.parse::<f64>() {
            Ok(value) if value.is_finite() && value.abs() <= limit => {
                Ok(Some((value * 1e6).round() / 1e6))
            }
            _ => Err(self.fault(
                column,
                format!("expected degrees within ±{limit}, found {text:?}"),
            )),
        }
    }

    fn harbor_size(&self) -> Result<Option<HarborSize>, Fault> {
        match self.cell(HARBOR_SIZE) {
            None | Some("Unknown") => Ok(None),
            Some("Very Small") => Ok(Some(HarborSize::VerySmall)),
            Some("Small") => Ok(Some(HarborSize::Small)),
            Some("Medium") => Ok(Some(HarborSize::Medium)),
            Some("Large") => Ok(Some(HarborSize::Large)),
            Some(text) => Err(self.fault(HARBOR_SIZE, format!("unknown harbour size {text:?}"))),
        }
    }

    fn attribute(&self, spec: &FieldSpec) -> Result<Option<AttrValue>, Fault> {
        let Some(text) = self.cell(spec.column) else {
            return Ok(None);
        };
        let value = match spec.kind {
            FieldKind::Flag => self.flag(spec, text)?.map(AttrValue::Flag),
            FieldKind::Metres => self.metres(spec, text)?.map(AttrValue::Number),
            FieldKind::Code(set) => self.code(spec, set, text)?.map(AttrValue::Code),
            FieldKind::Text => Some(AttrValue::Text(text.to_owned())),
            FieldKind::List { separator } => Some(AttrValue::List(
                text.split(separator)
                    .map(str::trim)
                    .filter(|item| !item.is_empty())
                    .map(integer_text)
                    .collect(),
            )),
        };
        Ok(value)
    }

    fn flag(&self, spec: &FieldSpec, text: &str) -> Result<Option<bool>, Fault> {
        match text {
            "Yes" => Ok(Some(true)),
            "No" => Ok(Some(false)),
            "Unknown" => Ok(None),
            _ => Err(self.fault(
                spec.column,
                format!("expected Yes, No or Unknown, found {text:?}"),
            )),
        }
    }

    fn metres(&self, spec: &FieldSpec, text: &str) -> Result<Option<f64>, Fault> {
        match text.parse::<f64>() {
            Ok(0.0) => Ok(None),
            Ok(value) if value.is_finite() && value > 0.0 => Ok(Some(value)),
            _ => Err(self.fault(spec.column, format!("expected metres, found {text:?}"))),
        }
    }

    fn code(&self, spec: &FieldSpec, set: &CodeSet, text: &str) -> Result<Option<String>, Fault> {
        if text == "Unknown" {
            return Ok(None);
        }
        match set.code_of(text) {
            Some(code) => Ok(Some(code.to_owned())),
            None => Err(self.fault(spec.column, format!("{text:?} is not a {} code", set.name))),
        }
    }

    fn cell(&self, column: &str) -> Option<&str> {
        source::cell(self.record, self.header.position(column))
    }

    /// A fault at a cell, naming its column as the file's header spells it.
    fn fault(&self, column: &str, message: String) -> Fault {
        Fault::at(
            self.line,
            self.header.position(column),
            format!("{column}: {message}"),
        )
    }
}

/// Reads `7950` or `7950.0` (a float that is a whole number) as an integer.
fn whole_number(text: &str) -> Option<u64> {
    let (whole, fraction) = text.split_once('.').unwrap_or((text, ""));
    if fraction.bytes().all(|b| b == b'0') {
        whole.parse().ok()
    } else {
        None
    }
}

/// A list item as written, except a whole number printed as a float (`12331.0` → `12331`).
fn integer_text(item: &str) -> String {
    match whole_number(item) {
        Some(number) if item.contains('.') => number.to_string(),
        _ => item.to_owned(),
    }
}

/// "Taiwan -- 57690" → "Taiwan": the region's name without the index's region number.
fn region_name(text: &str) -> String {
    let name = text.rsplit_once("--").map_or(text, |(name, _)| name);
    collapse_spaces(name)
}

/// Trims and turns runs of spaces into one ("Ras   Lanuf" → "Ras Lanuf").
fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn whole_numbers_printed_as_floats_are_integers() {
        assert_eq!(whole_number("7950.0"), Some(7950));
        assert_eq!(whole_number("57920"), Some(57920));
        assert_eq!(whole_number("7950.5"), None);
        assert_eq!(whole_number("-1.0"), None);
        assert_eq!(integer_text("94084.0"), "94084");
        assert_eq!(integer_text("a2357930"), "a2357930");
    }

    #[test]
    fn index_numbers_with_a_tenth_get_their_own_ids() {
        assert_eq!(PortId::from_index_number("57920.0"), Some(PortId(57920)));
        assert_eq!(
            PortId::from_index_number("49454.5"),
            Some(PortId(10_494_545))
        );
        assert_eq!(
            PortId::from_index_number("9510.10"),
            Some(PortId(10_095_101))
        );
        assert_eq!(PortId(10_494_545).index_number(), "49454.5");
        assert_eq!(PortId(57920).index_number(), "57920");
        assert_eq!(PortId::from_index_number("49454.25"), None);
        assert_eq!(PortId::from_index_number("-1"), None);
        assert_eq!(PortId::from_index_number(""), None);
    }

    #[test]
    fn region_names_lose_their_numbers_and_extra_spaces() {
        assert_eq!(region_name("Taiwan -- 57690"), "Taiwan");
        assert_eq!(
            region_name("Iceland  East Coast -- 360"),
            "Iceland East Coast"
        );
    }
}
