//! Text normalisation for matching, used both when indexing and when querying.

pub fn normalise(text: &str) -> String {
    text.to_lowercase()
}
