//! How good a match is, as one number a reader can reason about.
//!
//! Rules, strongest first: a match on the item's own names beats a match on its context (a
//! port's country); then the whole name beats its beginning, which beats the beginning of a
//! later word, which beats anything inside a word; then a display name beats another spelling;
//! then the document's weight. The score spells these out in decimal places:
//! `1000 × own + 100 × tier + 10 × role + weight`, so `1423` reads "own name, exact, display
//! name, weight 3".

use super::NameRole;

/// Where in a name the query was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub(super) enum Tier {
    Inside = 1,
    WordStart = 2,
    Prefix = 3,
    Exact = 4,
}

/// How `query` occurs in `name`, both compact; `word_starts` are the byte offsets in `name`
/// where its words begin, ascending. `known_inside` says the caller already knows `name`
/// contains `query`, as the postings of a one- or two-character query guarantee.
pub(super) fn tier(
    name: &str,
    word_starts: &[usize],
    query: &str,
    known_inside: bool,
) -> Option<Tier> {
    let (name_bytes, query_bytes) = (name.as_bytes(), query.as_bytes());
    if name == query {
        Some(Tier::Exact)
    } else if name.starts_with(query) {
        Some(Tier::Prefix)
    } else if word_starts.iter().any(|&start| {
        name_bytes
            .get(start..)
            .is_some_and(|rest| rest.starts_with(query_bytes))
    }) {
        Some(Tier::WordStart)
    } else if known_inside || contains(name_bytes, query_bytes) {
        Some(Tier::Inside)
    } else {
        None
    }
}

/// Whether `query` occurs in `name`. Names are short, so comparing at each position beats the
/// set-up cost of a general substring search. Equal bytes at any offset are a match of whole
/// characters, because UTF-8 never starts one character inside another.
fn contains(name: &[u8], query: &[u8]) -> bool {
    query.is_empty() || name.windows(query.len()).any(|window| window == query)
}

/// The score of a match; higher is better and every rule of the module is in the number.
pub(super) fn score(tier: Tier, role: NameRole, weight: u8) -> u32 {
    let (own, role_points) = match role {
        NameRole::Context => (0, 0),
        NameRole::Alternate => (1, 1),
        NameRole::Primary => (1, 2),
    };
    own * 1000 + tier as u32 * 100 + role_points * 10 + u32::from(weight.min(9))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tiers_tell_whole_prefix_word_and_inside_apart() {
        let starts = [0, 3, 7, 10];
        let name = "saotomeandprincipe";
        assert_eq!(tier(name, &starts, name, false), Some(Tier::Exact));
        assert_eq!(tier(name, &starts, "saotome", false), Some(Tier::Prefix));
        assert_eq!(tier(name, &starts, "tome", false), Some(Tier::WordStart));
        assert_eq!(tier(name, &starts, "rincipe", false), Some(Tier::Inside));
        assert_eq!(tier(name, &starts, "tokyo", false), None);
    }

    #[test]
    fn scores_read_as_documented() {
        assert_eq!(score(Tier::Exact, NameRole::Primary, 3), 1423);
        assert_eq!(score(Tier::Exact, NameRole::Alternate, 4), 1414);
        assert_eq!(score(Tier::Inside, NameRole::Primary, 9), 1129);
        assert_eq!(score(Tier::Exact, NameRole::Context, 200), 409);
    }
}
