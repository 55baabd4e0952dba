//! XML: `<ports total=".." next=".."><port><id>..</id>…</port></ports>`.
//!
//! Well-formed whatever the data holds: characters XML 1.0 forbids (most C0 controls, lone
//! surrogates cannot occur in Rust strings, U+FFFE and U+FFFF) are dropped, and markup
//! characters are escaped by the writer. An unknown value has no element.

use quick_xml::Writer;
use quick_xml::events::{BytesDecl, BytesEnd, BytesStart, BytesText, Event};

use super::{Cell, Listing, Table};

/// Keeps only the characters XML 1.0 allows.
fn clean(text: &str) -> String {
    text.chars()
        .filter(|&c| {
            matches!(c, '\t' | '\n' | '\r')
                || ('\u{20}'..='\u{D7FF}').contains(&c)
                || ('\u{E000}'..='\u{FFFD}').contains(&c)
                || c >= '\u{10000}'
        })
        .collect()
}

fn text_element(writer: &mut Writer<Vec<u8>>, name: &str, text: &str) {
    let _ = writer.write_event(Event::Start(BytesStart::new(name)));
    let _ = writer.write_event(Event::Text(BytesText::new(&clean(text))));
    let _ = writer.write_event(Event::End(BytesEnd::new(name)));
}

fn write_row(writer: &mut Writer<Vec<u8>>, table: &Table, row: &[Cell]) {
    let _ = writer.write_event(Event::Start(BytesStart::new(table.row_name)));
    for (column, cell) in table.columns.iter().zip(row) {
        match cell {
            Cell::Null => {}
            Cell::Bool(b) => text_element(writer, column, &b.to_string()),
            Cell::Int(i) => text_element(writer, column, &i.to_string()),
            Cell::Float(f) => text_element(writer, column, &f.to_string()),
            Cell::Text(t) => text_element(writer, column, t),
            Cell::List(items) => {
                let _ = writer.write_event(Event::Start(BytesStart::new(*column)));
                for item in items.iter() {
                    text_element(writer, "item", item);
                }
                let _ = writer.write_event(Event::End(BytesEnd::new(*column)));
            }
        }
    }
    let _ = writer.write_event(Event::End(BytesEnd::new(table.row_name)));
}

/// A paged list. Writing to a Vec cannot fail, so write errors are not reported.
pub fn write_xml(listing: &Listing) -> Vec<u8> {
    let mut writer = Writer::new_with_indent(Vec::new(), b' ', 1);
    let _ = writer.write_event(Event::Decl(BytesDecl::new("1.0", Some("UTF-8"), None)));
    let total = listing.total.to_string();
    let mut root = BytesStart::new(listing.table.name);
    root.push_attribute(("total", total.as_str()));
    if let Some(next) = &listing.next_cursor {
        root.push_attribute(("next_cursor", next.as_str()));
    }
    let _ = writer.write_event(Event::Start(root));
    for row in &listing.table.rows {
        write_row(&mut writer, &listing.table, row);
    }
    let _ = writer.write_event(Event::End(BytesEnd::new(listing.table.name)));
    let mut bytes = writer.into_inner();
    bytes.push(b'\n');
    bytes
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hostile_text_stays_well_formed() {
        let mut table = Table::new("ports", "port", vec!["name"]);
        table
            .rows
            .push(vec![Cell::text("a<b>&\"c\u{0}\u{1b}\u{FFFF}]]>")]);
        let listing = Listing {
            table,
            total: 1,
            limit: None,
            next_cursor: None,
            next_url: None,
        };
        let xml = String::from_utf8(write_xml(&listing)).unwrap();
        assert!(
            xml.contains("<name>a&lt;b&gt;&amp;&quot;c]]&gt;</name>"),
            "{xml}"
        );
    }
}
