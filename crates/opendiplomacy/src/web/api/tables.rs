//! The tables of the Open API: one column list per dataset, shared by every format.

use crate::countries::Country;
use crate::formats::{Cell, Table};
use crate::ports::{AttrValue, ConsularInfo, FIELDS, Port};
use crate::search::Hit;

const PORT_IDENTITY: &[&str] = &[
    "id",
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

fn port_columns() -> Vec<String> {
    PORT_IDENTITY
        .iter()
        .copied()
        .chain(FIELDS.iter().map(|spec| spec.key))
        .chain(ConsularInfo::KEYS)
        .chain(["url"])
        .map(str::to_owned)
        .collect()
}

fn attribute(value: Option<&AttrValue>) -> Cell {
    match value {
        None => Cell::Null,
        Some(AttrValue::Flag(b)) => Cell::Bool(*b),
        Some(AttrValue::Number(n)) => Cell::Float(*n),
        Some(AttrValue::Code(code)) => Cell::text(code.clone()),
        Some(AttrValue::Text(text)) => Cell::text(text.clone()),
        Some(AttrValue::List(items)) => Cell::List(items.clone()),
    }
}

fn port_row(port: &Port) -> Vec<Cell> {
    let mut row = vec![
        Cell::Int(i64::from(port.id.0)),
        Cell::text(port.name.clone()),
        Cell::List(port.names_zh.clone()),
        Cell::List(port.other_names.clone()),
        Cell::opt_text(port.country.as_ref().map(|c| c.as_str().to_owned())),
        Cell::text(port.country_name.clone()),
        Cell::opt_text(port.locode.clone()),
        Cell::opt_text(port.region.clone()),
        Cell::opt_float(port.position.map(|p| p.latitude)),
        Cell::opt_float(port.position.map(|p| p.longitude)),
        Cell::opt_text(port.harbor_size.map(|s| s.code())),
    ];
    row.extend(
        FIELDS
            .iter()
            .map(|spec| attribute(port.attributes.get(spec.key))),
    );
    row.extend(
        ConsularInfo::KEYS
            .iter()
            .map(|key| Cell::opt_text(port.consular.get(key))),
    );
    row.push(Cell::text(format!("/ports/{}", port.id)));
    row
}

pub fn ports<'a>(ports: impl IntoIterator<Item = &'a Port>) -> Table {
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

fn country_row(country: &Country) -> Vec<Cell> {
    vec![
        Cell::text(country.code.as_str()),
        Cell::text(country.alpha3.clone()),
        Cell::text(country.numeric.clone()),
        Cell::text(country.name_zh.clone()),
        Cell::text(country.name_en.clone()),
        Cell::List(country.other_names.clone()),
        Cell::opt_text(country.region.clone()),
        Cell::opt_text(country.subregion.clone()),
        Cell::opt_text(country.capital.clone()),
        Cell::opt_float(country.latitude),
        Cell::opt_float(country.longitude),
        Cell::List(country.calling_codes.clone()),
        Cell::text(format!("/countries/{}", country.code)),
    ]
}

pub fn countries<'a>(countries: impl IntoIterator<Item = &'a Country>) -> Table {
    let columns = COUNTRY_COLUMNS.iter().map(|c| (*c).to_owned()).collect();
    let mut table = Table::new("countries", "country", columns);
    table.rows = countries.into_iter().map(country_row).collect();
    table.with_position("latitude", "longitude")
}

const HIT_COLUMNS: &[&str] = &[
    "kind", "id", "name_zh", "name_en", "country", "score", "url",
];

pub fn hits(hits: &[Hit]) -> Table {
    let columns = HIT_COLUMNS.iter().map(|c| (*c).to_owned()).collect();
    let mut table = Table::new("results", "result", columns);
    table.rows = hits
        .iter()
        .map(|hit| {
            let kind = match hit.kind {
                crate::search::HitKind::Country => "country",
                crate::search::HitKind::Port => "port",
            };
            vec![
                Cell::text(kind),
                Cell::text(hit.id.clone()),
                Cell::text(hit.name_zh.clone()),
                Cell::text(hit.name_en.clone()),
                Cell::opt_text(hit.country.clone()),
                Cell::Int(i64::from(hit.score)),
                Cell::text(format!("/{kind}s/{}", hit.id)),
            ]
        })
        .collect();
    table
}
