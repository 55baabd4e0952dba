//! The catalogue of World Port Index columns: key, source column, kind and group.

pub struct FieldSpec {
    pub key: &'static str,
    pub column: &'static str,
    pub kind: FieldKind,
    pub group: Group,
}

pub enum FieldKind {
    Flag,
    Metres,
    Code(&'static CodeSet),
    Text,
    List,
}

pub struct CodeSet {
    pub name: &'static str,
    pub codes: &'static [(&'static str, &'static str)],
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Identity,
}

pub static FIELDS: &[FieldSpec] = &[];

pub fn field(key: &str) -> Option<&'static FieldSpec> {
    FIELDS.iter().find(|spec| spec.key == key)
}
