//! The tables of the Open API: one column list per dataset, shared by every format.

use std::sync::LazyLock;

use crate::countries::Country;
use crate::formats::{Cell, Table};
use crate::ports::{AttrValue, ConsularInfo, FIELDS, Port};
use crate::search::Hit;

const PORT_IDENTITY: &[&str] = &[
    "id",
    "wpi_number",
    "name",
    "names_zh",
    "other_names",
    "country",
    "country_name",
    "locode",
    "region",
    "latitude",
    "longitude",
    "harbor_size",
];

fn port_columns() -> Vec<&'static str> {
    PORT_IDENTITY
        .iter()
        .copied()
        .chain(FIELDS.iter().map(|spec| spec.key))
        .chain(ConsularInfo::KEYS)
        .chain(["url"])
        .collect()
}

fn attribute(value: Option<&AttrValue>) -> Cell<'_> {
    match value {
        None => Cell::Null,
        Some(AttrValue::Flag(b)) => Cell::Bool(*b),
        Some(AttrValue::Number(n)) => Cell::Float(*n),
        Some(AttrValue::Code(code)) => Cell::text(code.as_str()),
        Some(AttrValue::Text(text)) => Cell::text(text.as_str()),
        Some(AttrValue::List(items)) => Cell::list(items),
    }
}

/// The catalogue's keys in key order, each with its place in catalogue order.
static KEY_ORDER: LazyLock<Vec<(&'static str, usize)>> = LazyLock::new(|| {
    let mut order: Vec<_> = FIELDS
        .iter()
        .enumerate()
        .map(|(i, spec)| (spec.key, i))
        .collect();
    order.sort_unstable();
    order
});

/// A port's attributes in catalogue order, unknown ones `Null`. Both the attributes and
/// [`KEY_ORDER`] are sorted by key, so one merging walk places every value: this runs for
/// every port the API serves.
fn attributes(port: &Port) -> Vec<Cell<'_>> {
    let mut cells = vec![Cell::Null; FIELDS.len()];
    let mut values = port.attributes.iter().peekable();
    for (key, index) in KEY_ORDER.iter() {
        while values.next_if(|(name, _)| name.as_str() < *key).is_some() {}
        if let Some((_, value)) = values.next_if(|(name, _)| name.as_str() == *key) {
            cells[*index] = attribute(Some(value));
        }
    }
    cells
}

fn port_row(port: &Port) -> Vec<Cell<'_>> {
    let mut row = vec![
        Cell::Int(i64::from(port.id.0)),
        Cell::text(port.id.index_number()),
        Cell::text(port.name.as_str()),
        Cell::list(&port.names_zh),
        Cell::list(&port.other_names),
        Cell::opt_text(port.country.as_ref().map(|c| c.as_str())),
        Cell::text(port.country_name.as_str()),
        Cell::opt_text(port.locode.as_deref()),
        Cell::opt_text(port.region.as_deref()),
        Cell::opt_float(port.position.map(|p| p.latitude)),
        Cell::opt_float(port.position.map(|p| p.longitude)),
        Cell::opt_text(port.harbor_size.map(|s| s.code())),
    ];
    row.extend(attributes(port));
    row.extend(
        ConsularInfo::KEYS
            .iter()
            .map(|key| Cell::opt_text(port.consular.get(key))),
    );
    row.push(Cell::text(format!("/ports/{}", port.id)));
    row
}

pub fn ports<'a>(ports: impl IntoIterator<Item = &'a Port>) -> Table<'a> {
    let mut table = Table::new("ports", "port", port_columns());
    table.rows = ports.into_iter().map(port_row).collect();
    table.with_position("latitude", "longitude")
}

const COUNTRY_COLUMNS: &[&str] = &[
    "code",
    "alpha3",
    "numeric",
    "name_zh",
    "name_en",
    "other_names",
    "region",
    "subregion",
    "capital",
    "latitude",
    "longitude",
    "calling_codes",
    "url",
];

fn country_row(country: &Country) -> Vec<Cell<'_>> {
    vec![
        Cell::text(country.code.as_str()),
        Cell::text(country.alpha3.as_str()),
        Cell::text(country.numeric.as_str()),
        Cell::text(country.name_zh.as_str()),
        Cell::text(country.name_en.as_str()),
        Cell::list(&country.other_names),
        Cell::opt_text(country.region.as_deref()),
        Cell::opt_text(country.subregion.as_deref()),
        Cell::opt_text(country.capital.as_deref()),
        Cell::opt_float(country.latitude),
        Cell::opt_float(country.longitude),
        Cell::list(&country.calling_codes),
        Cell::text(format!("/countries/{}", country.code)),
    ]
}

pub fn countries<'a>(countries: impl IntoIterator<Item = &'a Country>) -> Table<'a> {
    let columns = COUNTRY_COLUMNS.to_vec();
    let mut table = Table::new("countries", "country", columns);
    table.rows = countries.into_iter().map(country_row).collect();
    table.with_position("latitude", "longitude")
}

const HIT_COLUMNS: &[&str] = &[
    "kind", "id", "name_zh", "name_en", "country", "score", "url",
];

pub fn hits(hits: &[Hit]) -> Table<'_> {
    let columns = HIT_COLUMNS.to_vec();
    let mut table = Table::new("results", "result", columns);
    table.rows = hits
        .iter()
        .map(|hit| {
            let (kind, collection) = hit.kind.names();
            vec![
                Cell::text(kind),
                Cell::text(hit.id.as_str()),
                Cell::text(hit.name_zh.as_str()),
                Cell::text(hit.name_en.as_str()),
                Cell::opt_text(hit.country.as_deref()),
                Cell::Int(i64::from(hit.score)),
                Cell::text(format!("/{collection}/{}", hit.id)),
            ]
        })
        .collect();
    table
}
