//! Every indexed name, in compact form, with the postings that find it.
//!
//! Rules: a name's position is its number in the postings of [`super::grams`], and names are
//! added document by document in index order. The compact forms and word starts of all names
//! live in two shared buffers, so verifying candidates reads memory in order instead of
//! following two pointers per name. A name that compacts to nothing, or to the same text as a
//! name of the same document added before it, is not added.

use super::grams::Grams;
use super::{NameRole, SearchName};
use crate::text;

#[derive(Debug, Default)]
pub(super) struct Names {
    entries: Vec<Entry>,
    /// The compact forms of all names, one after another.
    compact: String,
    /// The word starts of all names, each relative to its own name.
    word_starts: Vec<usize>,
    grams: Grams,
    /// The longest compact name in characters: a longer query cannot match.
    longest: usize,
    /// The first entry of the document being added, to spot its repeated names.
    doc_first: usize,
}

#[derive(Debug)]
struct Entry {
    doc: usize,
    role: NameRole,
    /// The document's weight, kept here so ranking a candidate reads one record.
    weight: u8,
    compact: (usize, usize),
    words: (usize, usize),
    text: String,
}

/// One indexed name as the ranking reads it.
pub(super) struct Name<'a> {
    pub doc: usize,
    pub role: NameRole,
    pub weight: u8,
    pub compact: &'a str,
    pub word_starts: &'a [usize],
    /// The name as given.
    pub text: &'a str,
}

impl Names {
    /// Adds a name of document `doc`; documents must come in ascending order.
    pub(super) fn add(&mut self, doc: usize, weight: u8, name: SearchName) {
        if self.entries.last().is_none_or(|last| last.doc != doc) {
            self.doc_first = self.entries.len();
        }
        let words = text::compact_words(&name.text);
        let repeated = self.entries[self.doc_first..]
            .iter()
            .any(|entry| self.compact.get(entry.compact.0..entry.compact.1) == Some(&words.text));
        let Ok(position) = u32::try_from(self.entries.len()) else {
            return;
        };
        if words.text.is_empty() || repeated {
            return;
        }
        self.grams.add(position, &words.text);
        self.longest = self.longest.max(words.text.chars().count());
        let compact = (self.compact.len(), self.compact.len() + words.text.len());
        self.compact.push_str(&words.text);
        let starts = (
            self.word_starts.len(),
            self.word_starts.len() + words.word_starts.len(),
        );
        self.word_starts.extend(words.word_starts);
        self.entries.push(Entry {
            doc,
            role: name.role,
            weight,
            compact,
            words: starts,
            text: name.text,
        });
    }

    pub(super) fn get(&self, position: usize) -> Option<Name<'_>> {
        let entry = self.entries.get(position)?;
        Some(Name {
            doc: entry.doc,
            role: entry.role,
            weight: entry.weight,
            compact: self.compact.get(entry.compact.0..entry.compact.1)?,
            word_starts: self.word_starts.get(entry.words.0..entry.words.1)?,
            text: &entry.text,
        })
    }

    /// Positions of the names that may contain `query` (compact); see [`Grams::candidates`].
    pub(super) fn candidates(&self, query: &str) -> &[u32] {
        self.grams.candidates(query)
    }

    pub(super) fn longest(&self) -> usize {
        self.longest
    }
}
