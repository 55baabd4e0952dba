//! One search index over countries and ports, derived from the store and rebuilt from it.
//!
//! Items enter as generic [`Document`]s (a kind, an id, display names, names to match with
//! their [`NameRole`]), so a new kind of item is new documents, not a new index. Names and
//! queries are compared in their [`crate::text::compact`] form, which makes `台中` find 臺中港,
//! `kao hsiung` find Kao-Hsiung and `sao tome` find São Tomé and Príncipe. Chinese needs no
//! spaces: any run of characters inside a name matches, down to a single character.
//!
//! Rules: the index is a pure function of the documents, built whole and never patched, so it
//! can be rebuilt from the store at any time; a query never scans every name, only the
//! postings of its rarest gram (see `grams`); results are ranked by the score of `rank` and
//! then by kind and id, so the same query on the same data always gives the same list; any
//! query text is safe, and one that normalises to nothing finds nothing.

mod document;
mod grams;
mod names;
mod rank;

#[cfg(test)]
mod bench;
#[cfg(test)]
mod tests;

use std::cmp::Ordering;

use serde::Serialize;

pub use document::{
    Document, NameRole, SearchName, country_document, documents, organization_documents,
    port_document,
};

use crate::countries::Country;
use crate::ports::Port;
use crate::text;
use names::Names;

/// Kinds in the order results of equal score are listed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum HitKind {
    Country,
    Organization,
    Port,
}

impl HitKind {
    /// The kind's name in the API, and the collection in its URLs (`/ports/57920`).
    pub fn names(self) -> (&'static str, &'static str) {
        match self {
            HitKind::Country => ("country", "countries"),
            HitKind::Organization => ("organization", "organizations"),
            HitKind::Port => ("port", "ports"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    pub kind: HitKind,
    /// The country code or the port id, as in the item's URL.
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
    /// The country code a port is in.
    pub country: Option<String>,
    /// Higher is better: `1000 × own name + 100 × tier + 10 × role + weight`, where tier is 4 for
    /// the whole name, 3 its start, 2 a word's start, 1 inside a word, and role is 2 for a
    /// display name, 1 for another spelling, 0 (with no own-name points) for context.
    pub score: u32,
    /// The name the query matched, as written, so a list can say why an item is in it.
    pub matched: String,
}

/// One page of results and how many there are in all, for paging.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct SearchResults {
    pub total: usize,
    pub hits: Vec<Hit>,
}

/// Query text beyond this many bytes is ignored: no name comes near it, and it bounds the work
/// one request can cause.
pub const MAX_QUERY_BYTES: usize = 1024;

#[derive(Debug, Default)]
pub struct SearchIndex {
    /// Sorted by kind and id; a document's position is its place among equal scores.
    docs: Vec<Document>,
    names: Names,
}

impl SearchIndex {
    /// The index of every country and port, as the store holds them now.
    pub fn build(countries: &[Country], ports: &[Port]) -> Self {
        Self::from_documents(documents(countries, ports))
    }

    /// The index of any documents. Of two documents with the same kind and id the first
    /// given is kept. Names that compact to nothing, or to the same text as a stronger name
    /// of the same document, are not indexed.
    pub fn from_documents(mut docs: Vec<Document>) -> Self {
        docs.sort_by(|a, b| a.kind.cmp(&b.kind).then_with(|| id_order(&a.id, &b.id)));
        docs.dedup_by(|later, earlier| later.kind == earlier.kind && later.id == earlier.id);
        let mut names = Names::default();
        for (doc, document) in docs.iter_mut().enumerate() {
            let mut own = std::mem::take(&mut document.names);
            own.sort_by_key(|name| std::cmp::Reverse(name.role));
            for name in own {
                names.add(doc, document.weight, name);
            }
        }
        Self { docs, names }
    }

    /// How many documents the index holds.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// The best `limit` hits for a query, best first.
    pub fn search(&self, query: &str, limit: usize) -> Vec<Hit> {
        self.search_page(query, 0, limit).hits
    }

    /// Hits `offset..offset + limit` of a query's ranked results, and how many there are.
    pub fn search_page(&self, query: &str, offset: usize, limit: usize) -> SearchResults {
        let mut found = self.matches(&text::compact(bounded(query)));
        let total = found.len();
        let end = offset.saturating_add(limit).min(total);
        if end == 0 {
            return SearchResults {
                total,
                hits: Vec::new(),
            };
        }
        // Only the first `end` need sorting: select them, then order just those.
        if end < total {
            found.select_nth_unstable_by(end - 1, Match::order);
            found.truncate(end);
        }
        found.sort_unstable_by(Match::order);
        let hits = found
            .iter()
            .skip(offset)
            .filter_map(|found| self.hit(found))
            .collect();
        SearchResults { total, hits }
    }

    /// Every document the compact query matches, each with its best-scoring name, unordered.
    fn matches(&self, query: &str) -> Vec<Match> {
        if query.is_empty() || query.chars().count() > self.names.longest() {
            return Vec::new();
        }
        // Best match per document, indexed by document; a score of 0 is no match yet.
        let mut best = vec![Match::default(); self.docs.len()];
        let mut matched = Vec::new();
        let known_inside = query.chars().nth(2).is_none();
        for &position in self.names.candidates(query) {
            let position = position as usize;
            let Some(name) = self.names.get(position) else {
                continue;
            };
            let Some(tier) = rank::tier(name.compact, name.word_starts, query, known_inside) else {
                continue;
            };
            let score = rank::score(tier, name.role, name.weight);
            let Some(slot) = best.get_mut(name.doc) else {
                continue;
            };
            if slot.score == 0 {
                matched.push(name.doc);
            }
            if score > slot.score {
                *slot = Match {
                    score,
                    doc: name.doc,
                    name: position,
                };
            }
        }
        matched
            .into_iter()
            .filter_map(|doc| best.get(doc).copied())
            .collect()
    }

    fn hit(&self, found: &Match) -> Option<Hit> {
        let document = self.docs.get(found.doc)?;
        Some(Hit {
            kind: document.kind,
            id: document.id.clone(),
            name_zh: document.name_zh.clone(),
            name_en: document.name_en.clone(),
            country: document.country.clone(),
            score: found.score,
            matched: self.names.get(found.name)?.text.to_owned(),
        })
    }
}

/// A document's best match: its score, the document and the name, by position.
#[derive(Debug, Clone, Copy, Default)]
struct Match {
    score: u32,
    doc: usize,
    name: usize,
}

impl Match {
    /// Best score first, then index order, which is kind and id.
    fn order(a: &Self, b: &Self) -> Ordering {
        b.score.cmp(&a.score).then(a.doc.cmp(&b.doc))
    }
}

/// The query with anything past [`MAX_QUERY_BYTES`] cut off at a character boundary.
fn bounded(query: &str) -> &str {
    let mut end = query.len().min(MAX_QUERY_BYTES);
    while !query.is_char_boundary(end) {
        end -= 1;
    }
    query.get(..end).unwrap_or_default()
}

/// Ids in reading order: numbers by value (port 900 before port 10000), anything else as text.
fn id_order(a: &str, b: &str) -> Ordering {
    let numeric = |id: &str| !id.is_empty() && id.bytes().all(|b| b.is_ascii_digit());
    if numeric(a) && numeric(b) {
        let (a, b) = (a.trim_start_matches('0'), b.trim_start_matches('0'));
        a.len().cmp(&b.len()).then_with(|| a.cmp(b))
    } else {
        a.cmp(b)
    }
}
