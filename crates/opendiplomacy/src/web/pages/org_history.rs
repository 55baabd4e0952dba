//! The parts of an organization's page that show statements: the timeline of the Republic of
//! China and of the People's Republic, with the names each was listed under, and the sources.
//!
//! Rules: a spell shows the dates its statements give, as precise as they are; a name used
//! that is deprecated stays on the page, struck through, with the reason. The sources list
//! every statement except a membership spell of the Correlates of War data that nobody has
//! questioned: those are the data as published, cited once on the page.

use serde::Serialize;

use super::context::PageCtx;
use super::org_view::{
    PRC, PartyView, ROC, SpellView, fill, party_view, spell_view, status_label, values, when, word,
};
use crate::i18n::Lang;
use crate::orgs::{Catalogue, Organization, Origin, Property, Rank, Source, Statement};

/// One of the two Chinese governments in the organization.
#[derive(Debug, Serialize)]
pub struct PartyHistory {
    key: &'static str,
    label: String,
    href: String,
    spells: Vec<SpellView>,
    names: Vec<NameUsed>,
}

/// A name a party was listed under in the organization.
#[derive(Debug, Serialize)]
pub struct NameUsed {
    name: String,
    other_name: Option<String>,
    start: Option<String>,
    end: Option<String>,
    rank: String,
    /// Why the name is deprecated; the page strikes it through.
    deprecated: Option<String>,
}

pub fn history(catalogue: &Catalogue, ctx: &PageCtx, org: &Organization) -> Vec<PartyHistory> {
    [(ROC, "orgs.party.roc"), (PRC, "orgs.party.prc")]
        .into_iter()
        .map(|(key, label)| PartyHistory {
            key,
            label: ctx.lang.text(label).to_owned(),
            href: ctx.href(&format!("/countries/{key}/organizations")),
            spells: catalogue
                .spells_of(org.id, key)
                .into_iter()
                .map(|spell| spell_view(catalogue, org, spell, ctx.lang))
                .collect(),
            names: catalogue
                .names_used(org.id, key)
                .into_iter()
                .map(|statement| name_used(statement, ctx.lang))
                .collect(),
        })
        .collect()
}

fn name_used(statement: &Statement, lang: Lang) -> NameUsed {
    let (name, other_name) = values(statement, lang);
    NameUsed {
        name: name.unwrap_or_default(),
        other_name,
        start: when(statement.start),
        end: when(statement.end),
        rank: word(lang, "rank", statement.rank.code()),
        deprecated: statement
            .deprecation
            .as_ref()
            .map(|d| d.reason.clone())
            .filter(|_| !statement.counts()),
    }
}

/// A source as the page links it.
#[derive(Debug, Serialize)]
pub struct SourceView {
    title: String,
    /// Only http and https addresses become links.
    url: Option<String>,
    seen: Option<String>,
}

fn source_view(source: &Source, lang: Lang) -> SourceView {
    SourceView {
        title: source.title.clone(),
        url: source
            .url
            .clone()
            .filter(|url| url.starts_with("https://") || url.starts_with("http://")),
        seen: source
            .seen
            .as_deref()
            .map(|date| fill(lang, "orgs.sources.seen", "date", date)),
    }
}

#[derive(Debug, Serialize)]
pub struct DeprecationView {
    reason: String,
    source: SourceView,
    origin: String,
    unverified: bool,
}

/// One statement in the sources list.
#[derive(Debug, Serialize)]
pub struct StatementView {
    property: String,
    value: Option<String>,
    other_value: Option<String>,
    status: Option<String>,
    party: Option<PartyView>,
    start: Option<String>,
    end: Option<String>,
    /// A membership or a name used with no end: it holds to the present.
    ongoing: bool,
    rank: String,
    rank_code: &'static str,
    deprecation: Option<DeprecationView>,
    origin: String,
    unverified: bool,
    source: SourceView,
    review: Option<String>,
    note: Option<String>,
}

fn origin_label(lang: Lang, origin: Origin) -> String {
    word(lang, "origin", origin.code())
}

/// A membership spell of the data as published, unquestioned: cited once, not listed.
fn is_plain_data_spell(statement: &Statement) -> bool {
    statement.origin == Origin::Dataset
        && statement.property == Property::Membership
        && statement.rank != Rank::Deprecated
        && statement.review.is_none()
}

pub fn sources(catalogue: &Catalogue, ctx: &PageCtx, org: &Organization) -> Vec<StatementView> {
    let lang = ctx.lang;
    catalogue
        .statements_of(org.id)
        .iter()
        .filter(|statement| !is_plain_data_spell(statement))
        .map(|statement| {
            let (value, other_value) = values(statement, lang);
            StatementView {
                property: word(lang, "property", statement.property.code()),
                value,
                other_value,
                status: statement.status.map(|status| status_label(lang, status)),
                party: statement
                    .party
                    .as_deref()
                    .map(|key| party_view(catalogue, ctx, key)),
                start: when(statement.start),
                end: when(statement.end),
                ongoing: statement.property.has_party() && statement.end.is_none(),
                rank: word(lang, "rank", statement.rank.code()),
                rank_code: statement.rank.code(),
                deprecation: statement.deprecation.as_ref().map(|d| DeprecationView {
                    reason: d.reason.clone(),
                    source: source_view(&d.source, lang),
                    origin: origin_label(lang, d.origin),
                    unverified: d.origin == Origin::Community,
                }),
                origin: origin_label(lang, statement.origin),
                unverified: statement.origin == Origin::Community,
                source: source_view(&statement.source, lang),
                review: statement
                    .review
                    .as_deref()
                    .map(|reason| fill(lang, "orgs.sources.review", "reason", reason)),
                note: statement.note.clone(),
            }
        })
        .collect()
}
