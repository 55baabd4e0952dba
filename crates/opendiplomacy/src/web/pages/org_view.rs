//! Organizations as the pages show them: names in the page language, types, statuses, dates,
//! parties, and the query parameters the organization pages read.
//!
//! Rules: every word comes from the message catalogue (`i18n/*/orgs.toml`); a query value that
//! is not understood is reported by its parameter ([`BadParam`]), never dropped silently.

use serde::Serialize;

use super::context::PageCtx;
use super::format;
use super::port_query::BadParam;
use crate::i18n::Lang;
use crate::orgs::{Catalogue, MemberStatus, OrgKind, Organization, Spell, Statement, When};

/// The party keys of the two Chinese governments, named on every organization's page.
pub const ROC: &str = "TW";
pub const PRC: &str = "CN";

/// An organization's name in the page's language, and in the other when it differs: the
/// Chinese name where a statement gives one, else the English name.
pub fn org_names(
    catalogue: &Catalogue,
    org: &Organization,
    lang: Lang,
) -> (String, Option<String>) {
    let english = catalogue.name_en(org);
    let chinese = catalogue.name_zh(org.id);
    let (shown, other) = match (lang, chinese) {
        (Lang::ZhTw, Some(zh)) => (zh, Some(english)),
        (Lang::ZhTw, None) => (english, None),
        (Lang::En, zh) => (english, zh),
    };
    (shown.to_owned(), other.map(str::to_owned))
}

/// The path of an organization's page, without the language prefix.
pub fn org_path(org: &Organization) -> String {
    format!("/organizations/{}", format::encode_component(&org.abbr))
}

/// The link to an organization's page in the page's language.
pub fn org_href(ctx: &PageCtx, org: &Organization) -> String {
    ctx.href(&org_path(org))
}

/// The message of a key built from parts, such as `orgs.kind.economic`.
pub fn word(lang: Lang, table: &str, code: &str) -> String {
    lang.text(&format!("orgs.{table}.{code}")).to_owned()
}

pub fn kind_label(lang: Lang, kind: OrgKind) -> String {
    word(lang, "kind", kind.code())
}

pub fn kind_labels(lang: Lang, kinds: &[OrgKind]) -> Vec<String> {
    kinds.iter().map(|kind| kind_label(lang, *kind)).collect()
}

pub fn status_label(lang: Lang, status: MemberStatus) -> String {
    word(lang, "status", status.code())
}

/// Fills a message's `{name}` placeholder.
pub fn fill(lang: Lang, key: &str, name: &str, value: &str) -> String {
    lang.text(key).replace(&format!("{{{name}}}"), value)
}

/// A member or would-be member as a page names it, linked to its participation page when it
/// is a country.
#[derive(Debug, Serialize)]
pub struct PartyView {
    pub key: String,
    pub name: String,
    pub other_name: Option<String>,
    pub href: Option<String>,
}

pub fn party_view(catalogue: &Catalogue, ctx: &PageCtx, key: &str) -> PartyView {
    let Some(party) = catalogue.party(key) else {
        return PartyView {
            key: key.to_owned(),
            name: key.to_owned(),
            other_name: None,
            href: None,
        };
    };
    let (name, other) = if ctx.lang.is_zh() && !party.name_zh.is_empty() {
        (&party.name_zh, &party.name_en)
    } else {
        (&party.name_en, &party.name_zh)
    };
    PartyView {
        key: key.to_owned(),
        name: name.clone(),
        other_name: (!other.is_empty() && other != name).then(|| other.clone()),
        href: party
            .iso
            .as_ref()
            .map(|iso| ctx.href(&format!("/countries/{iso}/organizations"))),
    }
}

/// A spell as text: its status, its dates, and whether the record stops at its end.
#[derive(Debug, Serialize)]
pub struct SpellView {
    pub status: String,
    pub start: String,
    /// `None`: to the present.
    pub end: Option<String>,
    pub not_recorded: Option<String>,
    pub rank: String,
    pub preferred: bool,
    /// A statement the spell is made of wants a reviewer's eye.
    pub review: bool,
}

pub fn spell_view(
    catalogue: &Catalogue,
    org: &Organization,
    spell: &Spell,
    lang: Lang,
) -> SpellView {
    let review = catalogue
        .statements_of(org.id)
        .iter()
        .any(|s| s.review.is_some() && spell.statements.contains(&s.id));
    SpellView {
        status: status_label(lang, spell.status),
        start: spell.start.to_string(),
        end: spell.end.map(|end| end.to_string()),
        not_recorded: spell
            .unrecorded_after
            .then(|| not_recorded(lang, spell.end.map_or(crate::orgs::LAST_YEAR, |w| w.year))),
        rank: word(lang, "rank", spell.rank.code()),
        preferred: spell.rank == crate::orgs::Rank::Preferred,
        review,
    }
}

/// "not recorded after 2014".
pub fn not_recorded(lang: Lang, year: i32) -> String {
    fill(lang, "orgs.org.not_recorded", "year", &year.to_string())
}

/// A statement's value in the page's language, or in the other when it has only that one.
pub fn value_in(lang: Lang, statement: &Statement) -> Option<String> {
    let (first, second) = match lang {
        Lang::ZhTw => (&statement.value_zh, &statement.value_en),
        Lang::En => (&statement.value_en, &statement.value_zh),
    };
    first.clone().or_else(|| second.clone())
}

/// A statement's value in the page's language, and in the other language when it differs.
pub fn values(statement: &Statement, lang: Lang) -> (Option<String>, Option<String>) {
    let shown = value_in(lang, statement);
    let other = match lang {
        Lang::ZhTw => &statement.value_en,
        Lang::En => &statement.value_zh,
    };
    let other = other.clone().filter(|other| Some(other) != shown.as_ref());
    (shown, other)
}

/// Dates as a page writes them: `1971-10-25`, `1991`, or empty.
pub fn when(value: Option<When>) -> Option<String> {
    value.map(|w| w.to_string())
}

/// Reads one parameter with `parse`; a value it refuses is recorded in `bad`.
pub fn read_param<T>(
    ctx: &PageCtx,
    param: &'static str,
    parse: impl Fn(&str) -> Option<T>,
    bad: &mut Vec<BadParam>,
) -> Option<T> {
    let text = ctx.param(param)?;
    let value = parse(text);
    if value.is_none() {
        bad.push(BadParam {
            param,
            value: text.chars().take(100).collect(),
        });
    }
    value
}

/// A choice in a filter form.
#[derive(Debug, Serialize)]
pub struct Choice {
    pub value: &'static str,
    pub label: String,
    pub checked: bool,
}

/// The type choices of a filter form, the current one checked.
pub fn kind_choices(lang: Lang, current: Option<OrgKind>) -> Vec<Choice> {
    OrgKind::ALL
        .iter()
        .map(|kind| Choice {
            value: kind.code(),
            label: kind_label(lang, *kind),
            checked: current == Some(*kind),
        })
        .collect()
}

/// Choices from `(value, message key)` pairs, `current` checked.
pub fn choices(lang: Lang, options: &[(&'static str, &str)], current: &str) -> Vec<Choice> {
    options
        .iter()
        .map(|(value, key)| Choice {
            value,
            label: lang.text(key).to_owned(),
            checked: *value == current,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn statuses_and_types_have_words_in_both_languages() {
        for lang in Lang::ALL {
            for status in MemberStatus::ALL {
                assert!(
                    lang.lookup(&format!("orgs.status.{}", status.code()))
                        .is_some()
                );
            }
            for kind in OrgKind::ALL {
                assert!(lang.lookup(&format!("orgs.kind.{}", kind.code())).is_some());
            }
        }
        assert_eq!(status_label(Lang::ZhTw, MemberStatus::Observer), "觀察員");
        assert_eq!(not_recorded(Lang::En, 2014), "not recorded after 2014");
    }
}
