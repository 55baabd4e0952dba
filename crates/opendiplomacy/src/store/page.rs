//! Cursor paging: the cursor names the last row seen by its sort key and id, so pages never
//! skip or repeat a row when rows before the cursor are added or removed.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde::{Deserialize, Serialize};

/// How a list is ordered. The id always breaks ties.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SortKey {
    #[default]
    Id,
    Name,
}

impl SortKey {
    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "id" => Some(Self::Id),
            "name" => Some(Self::Name),
            _ => None,
        }
    }
}

/// The position after which the next page starts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cursor {
    #[serde(rename = "s")]
    pub sort: SortKey,
    /// The sort value of the last row seen (empty when sorting by id).
    #[serde(rename = "k")]
    pub key: String,
    #[serde(rename = "i")]
    pub id: i64,
}

#[derive(Debug, thiserror::Error, PartialEq)]
#[error("the cursor is not one this API gave out")]
pub struct CursorError;

impl Cursor {
    pub fn encode(&self) -> String {
        let json = serde_json::to_vec(self).unwrap_or_default();
        URL_SAFE_NO_PAD.encode(json)
    }

    pub fn decode(text: &str) -> Result<Self, CursorError> {
        let bytes = URL_SAFE_NO_PAD.decode(text).map_err(|_| CursorError)?;
        serde_json::from_slice(&bytes).map_err(|_| CursorError)
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct PageRequest {
    pub sort: SortKey,
    pub after: Option<Cursor>,
    pub limit: u32,
}

impl PageRequest {
    pub const DEFAULT_LIMIT: u32 = 100;
    /// Large enough for the whole port index in one request, so one download link takes a
    /// whole filtered list.
    pub const MAX_LIMIT: u32 = 5000;
}

impl Default for PageRequest {
    fn default() -> Self {
        Self {
            sort: SortKey::Id,
            after: None,
            limit: Self::DEFAULT_LIMIT,
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    pub items: Vec<T>,
    /// Rows matching the filter, whatever the cursor.
    pub total: u64,
    pub next: Option<Cursor>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cursor_round_trips_and_rejects_garbage() {
        let cursor = Cursor {
            sort: SortKey::Name,
            key: "kao-hsiung".into(),
            id: 57920,
        };
        assert_eq!(Cursor::decode(&cursor.encode()), Ok(cursor));
        assert_eq!(Cursor::decode("not a cursor"), Err(CursorError));
        assert_eq!(Cursor::decode("e30"), Err(CursorError));
    }
}
