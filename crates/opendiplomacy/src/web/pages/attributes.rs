//! A port's attributes in plain words, grouped as the field catalogue groups them.
//!
//! Rules: every field of [`FIELDS`] is shown, in catalogue order, whether or not the port has
//! a value; an absent value reads "unknown", never zero or "no". Labels come from the message
//! catalogue: `ports.field.<key>`, `ports.group.<group>`, `ports.code.<code set>.<code>`.

use serde::Serialize;

use super::format;
use crate::i18n::Lang;
use crate::ports::{AttrValue, ConsularInfo, FIELDS, FieldKind, FieldSpec, Group, Port};

#[derive(Debug, Serialize)]
pub struct AttributeGroup {
    pub key: String,
    pub label: String,
    pub rows: Vec<AttributeRow>,
}

#[derive(Debug, Serialize)]
pub struct AttributeRow {
    pub key: &'static str,
    pub label: String,
    /// The value in words; "unknown" in the page's language when the port has none.
    pub value: String,
    pub known: bool,
}

/// Every catalogue field of a port, grouped, groups in the order the catalogue first uses them.
pub fn groups(port: &Port, lang: Lang) -> Vec<AttributeGroup> {
    let mut groups: Vec<AttributeGroup> = Vec::new();
    for spec in FIELDS {
        let value = port
            .attributes
            .get(spec.key)
            .and_then(|value| describe(spec, value, lang));
        let row = AttributeRow {
            key: spec.key,
            label: lang.text(&format!("ports.field.{}", spec.key)).to_owned(),
            known: value.is_some(),
            value: value.unwrap_or_else(|| lang.text("ui.value.unknown").to_owned()),
        };

        let key = group_key(spec.group);
        match groups.iter_mut().find(|group| group.key == key) {
            Some(group) => group.rows.push(row),
            None => groups.push(AttributeGroup {
                label: lang.text(&format!("ports.group.{key}")).to_owned(),
                key,
                rows: vec![row],
            }),
        }
    }
    groups
}

/// One value in words, or `None` when there is nothing to say (an empty text, a non-number).
pub fn describe(spec: &FieldSpec, value: &AttrValue, lang: Lang) -> Option<String> {
    let text = match (&spec.kind, value) {
        (_, AttrValue::Flag(yes)) => lang.text(yes_no(*yes)).to_owned(),
        (FieldKind::Metres, AttrValue::Number(n)) => format::metres(lang, *n)?,
        (_, AttrValue::Number(n)) => n.is_finite().then(|| format::decimal(*n, 2))?,
        (FieldKind::Code(set), AttrValue::Code(code)) => lang
            .text(&format!("ports.code.{}.{code}", set.name))
            .to_owned(),
        (_, AttrValue::Code(text) | AttrValue::Text(text)) => text.trim().to_owned(),
        (_, AttrValue::List(items)) => items.join(lang.text("ui.value.list_separator")),
    };
    (!text.is_empty()).then_some(text)
}

/// The message key of a yes-or-no value.
fn yes_no(yes: bool) -> &'static str {
    if yes { "ui.value.yes" } else { "ui.value.no" }
}

/// The stable key of a catalogue group, as used in message keys and page anchors.
///
/// The catalogue's groups are plain unit variants named in camel case, so the key is the
/// variant's name in snake case (`Group::Identity` → `identity`).
pub fn group_key(group: Group) -> String {
    group.key().to_owned()
}

/// The consular fields, each with its value or the invitation to fill it in.
#[derive(Debug, Serialize)]
pub struct ConsularRow {
    pub key: &'static str,
    pub label: String,
    pub value: Option<String>,
}

pub fn consular(info: &ConsularInfo, lang: Lang) -> Vec<ConsularRow> {
    ConsularInfo::KEYS
        .iter()
        .map(|key| ConsularRow {
            key,
            label: lang.text(&format!("ports.consular.{key}")).to_owned(),
            value: info
                .get(key)
                .map(str::trim)
                .filter(|text| !text.is_empty())
                .map(str::to_owned),
        })
        .collect()
}

/// The flag fields a port list can filter on: medical facilities, and the supplies and
/// services a ship in trouble or a crew member ashore may need.
pub fn facility_fields() -> Vec<&'static FieldSpec> {
    FIELDS
        .iter()
        .filter(|spec| matches!(spec.kind, FieldKind::Flag))
        .filter(|spec| {
            spec.key == "medical_facilities"
                || matches!(spec.group, Group::Supplies | Group::Services)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ports::CodeSet;

    static SHELTER: CodeSet = CodeSet {
        name: "shelter",
        codes: &[("good", "G")],
    };

    fn spec(kind: FieldKind) -> FieldSpec {
        FieldSpec {
            key: "sample",
            column: "Sample",
            kind,
            group: Group::Identity,
        }
    }

    #[test]
    fn flags_read_as_yes_and_no() {
        let flag = spec(FieldKind::Flag);
        let yes = describe(&flag, &AttrValue::Flag(true), Lang::En).unwrap();
        let no = describe(&flag, &AttrValue::Flag(false), Lang::En).unwrap();
        assert_eq!(yes, Lang::En.text("ui.value.yes"));
        assert_eq!(no, Lang::En.text("ui.value.no"));
        assert_ne!(yes, no);
    }

    #[test]
    fn metres_carry_their_unit_and_codes_their_words() {
        let depth = describe(
            &spec(FieldKind::Metres),
            &AttrValue::Number(12.5),
            Lang::ZhTw,
        );
        assert_eq!(
            depth.as_deref(),
            Some(format::fill(Lang::ZhTw, "ui.value.metres", "12.5").as_str())
        );

        let code = describe(
            &spec(FieldKind::Code(&SHELTER)),
            &AttrValue::Code("good".into()),
            Lang::En,
        );
        assert_eq!(
            code.as_deref(),
            Some(Lang::En.text("ports.code.shelter.good"))
        );
    }

    #[test]
    fn nothing_to_say_is_unknown_not_empty() {
        assert_eq!(
            describe(
                &spec(FieldKind::Text),
                &AttrValue::Text("  ".into()),
                Lang::En
            ),
            None
        );
        assert_eq!(
            describe(
                &spec(FieldKind::Metres),
                &AttrValue::Number(f64::NAN),
                Lang::En
            ),
            None
        );
        let list = AttrValue::List(vec!["fuel oil".into(), "diesel".into()]);
        let text = describe(&spec(FieldKind::List { separator: ',' }), &list, Lang::En).unwrap();
        assert!(text.contains("fuel oil") && text.contains("diesel"));
    }

    #[test]
    fn group_keys_are_snake_case() {
        assert_eq!(group_key(Group::Identity), "identity");
    }

    #[test]
    fn empty_consular_fields_invite_help() {
        let info = ConsularInfo {
            morgue: Some("City hospital".into()),
            lodging: Some("   ".into()),
            ..ConsularInfo::default()
        };
        let rows = consular(&info, Lang::En);
        assert_eq!(rows.len(), ConsularInfo::KEYS.len());
        assert_eq!(rows[0].value.as_deref(), Some("City hospital"));
        assert!(rows.iter().skip(1).all(|row| row.value.is_none()));
    }
}
