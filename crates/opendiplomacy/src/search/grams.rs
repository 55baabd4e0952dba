//! The inverted index: which names contain a given character or pair of characters.
//!
//! Rules: names are indexed in their compact form ([`crate::text::compact`]), one posting per
//! name and gram however often the gram occurs, postings ascending. A query of one character
//! uses the character's postings; a longer query uses the rarest of its character pairs, and
//! every candidate is then verified against the whole query. A query with a pair no name
//! contains finds nothing without touching any name.

use std::collections::HashMap;

/// A character or a pair of characters, packed into one key.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
struct Gram(u64);

impl Gram {
    /// No character is `u32::MAX`, so a single character never collides with a pair.
    fn one(c: char) -> Self {
        Self((u64::from(u32::from(c)) << 32) | u64::from(u32::MAX))
    }

    fn two(first: char, second: char) -> Self {
        Self((u64::from(u32::from(first)) << 32) | u64::from(u32::from(second)))
    }
}

/// Postings of names by gram; a name is its position in the index's list of names.
#[derive(Debug, Default)]
pub(super) struct Grams {
    postings: HashMap<Gram, Vec<u32>>,
}

impl Grams {
    /// Adds a name's grams. Names must be added in ascending order.
    pub(super) fn add(&mut self, name: u32, compact: &str) {
        let mut previous = None;
        for c in compact.chars() {
            self.post(Gram::one(c), name);
            if let Some(first) = previous {
                self.post(Gram::two(first, c), name);
            }
            previous = Some(c);
        }
    }

    fn post(&mut self, gram: Gram, name: u32) {
        let list = self.postings.entry(gram).or_default();
        if list.last() != Some(&name) {
            list.push(name);
        }
    }

    /// The names that may contain `query` (compact): for one or two characters exactly the
    /// names that do, for more a superset to verify.
    pub(super) fn candidates(&self, query: &str) -> &[u32] {
        let mut chars = query.chars();
        let Some(first) = chars.next() else {
            return &[];
        };
        let mut rarest = self.list(Gram::one(first));
        let mut previous = first;
        for c in chars {
            let list = self.list(Gram::two(previous, c));
            if list.is_empty() {
                return &[];
            }
            if list.len() < rarest.len() {
                rarest = list;
            }
            previous = c;
        }
        rarest
    }

    fn list(&self, gram: Gram) -> &[u32] {
        self.postings.get(&gram).map_or(&[], Vec::as_slice)
    }
}
