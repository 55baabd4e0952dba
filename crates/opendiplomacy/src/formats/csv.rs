//! CSV: UTF-8, a header row of column names, lists joined by " | ".
//!
//! Excel opens UTF-8 correctly only with a byte-order mark, so `bom` adds one. A text cell that
//! a spreadsheet would run as a formula (it starts with `=`, `+`, `-`, `@`, a tab or a carriage
//! return) is written with a leading apostrophe, so no formula from the data ever runs.

use super::{Cell, Table};

const BOM: &[u8] = b"\xEF\xBB\xBF";

fn inert(text: &str) -> String {
    match text.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{text}"),
        _ => text.to_owned(),
    }
}

fn field(cell: &Cell) -> String {
    match cell {
        Cell::Null => String::new(),
        Cell::Bool(b) => b.to_string(),
        Cell::Int(i) => i.to_string(),
        Cell::Float(f) => f.to_string(),
        Cell::Text(t) => inert(t),
        Cell::List(items) => inert(&items.join(" | ")),
    }
}

pub fn write_csv(table: &Table, bom: bool) -> Vec<u8> {
    let mut out = Vec::with_capacity(64 * (table.rows.len() + 1));
    if bom {
        out.extend_from_slice(BOM);
    }
    let mut writer = csv::Writer::from_writer(out);
    // Writing to a Vec cannot fail; a failure would only lose the rest of the body.
    let _ = writer.write_record(&table.columns);
    for row in &table.rows {
        let _ = writer.write_record(row.iter().map(field));
    }
    writer.into_inner().unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn formulas_are_inert_and_bom_is_optional() {
        let mut table = Table::new("t", "r", vec!["a", "b"]);
        table.rows.push(vec![Cell::text("=1+1"), Cell::Float(-2.5)]);
        assert_eq!(write_csv(&table, false), b"a,b\n'=1+1,-2.5\n");
        assert!(write_csv(&table, true).starts_with(BOM));
    }
}
