//! Query parameters, read strictly: an unknown, repeated or malformed parameter is a 400 that
//! names it, so a client's typo never passes silently as "no filter".

use axum::extract::Path;
use axum::extract::rejection::PathRejection;
use axum::http::{HeaderMap, header};

use super::error::{ApiError, Detail};
use crate::formats::Format;
use crate::store::{Cursor, PageRequest};

/// Parameters every endpoint accepts.
const COMMON: &[&str] = &["format", "lang", "bom"];

pub struct Params {
    pairs: Vec<(String, String)>,
}

impl Params {
    /// Reads a query string, rejecting names outside `known` and the common ones.
    pub fn parse(query: Option<&str>, known: &[&'static str]) -> Result<Self, ApiError> {
        let pairs: Vec<(String, String)> = form_urlencoded::parse(query.unwrap_or("").as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
        if let Some((name, _)) = pairs
            .iter()
            .find(|(name, _)| !known.contains(&name.as_str()) && !COMMON.contains(&name.as_str()))
        {
            let allowed: Vec<&str> = known.iter().chain(COMMON).copied().collect();
            // The unknown name is the client's text; only the list of allowed names is echoed.
            return Err(ApiError::bad(
                "query",
                Detail::new("unknown_parameter")
                    .arg("name", truncate(name))
                    .arg("allowed", allowed.join(", ")),
            ));
        }
        Ok(Self { pairs })
    }

    /// A parameter given at most once.
    pub fn one(&self, name: &'static str) -> Result<Option<&str>, ApiError> {
        let mut values = self.all(name);
        match (values.next(), values.next()) {
            (None, _) => Ok(None),
            (Some(value), None) => Ok(Some(value)),
            (Some(_), Some(_)) => Err(ApiError::bad(name, "repeated")),
        }
    }

    /// A repeatable parameter; `a,b` and `name=a&name=b` are the same.
    pub fn all(&self, name: &'static str) -> impl Iterator<Item = &str> {
        self.pairs
            .iter()
            .filter(move |(key, _)| key == name)
            .flat_map(|(_, value)| value.split(','))
            .map(str::trim)
            .filter(|value| !value.is_empty())
    }

    pub fn flag(&self, name: &'static str) -> Result<bool, ApiError> {
        match self.one(name)? {
            None | Some("false" | "0" | "no") => Ok(false),
            Some("true" | "1" | "yes" | "") => Ok(true),
            Some(_) => Err(ApiError::bad(name, "boolean")),
        }
    }

    /// An integer in `min..=max`, or `default` when absent.
    pub fn number(
        &self,
        name: &'static str,
        default: u32,
        min: u32,
        max: u32,
    ) -> Result<u32, ApiError> {
        let Some(text) = self.one(name)? else {
            return Ok(default);
        };
        match text.parse::<u32>() {
            Ok(n) if (min..=max).contains(&n) => Ok(n),
            _ => Err(ApiError::bad(
                name,
                Detail::new("whole_number").arg("min", min).arg("max", max),
            )),
        }
    }

    /// `?limit=`, a page size from 1 to the maximum.
    pub fn limit(&self) -> Result<u32, ApiError> {
        self.number(
            "limit",
            PageRequest::DEFAULT_LIMIT,
            1,
            PageRequest::MAX_LIMIT,
        )
    }

    /// `?cursor=`, as this API gave it out.
    pub fn cursor(&self) -> Result<Option<Cursor>, ApiError> {
        self.one("cursor")?
            .map(|text| Cursor::decode(text).map_err(|_| ApiError::bad("cursor", "cursor")))
            .transpose()
    }

    /// A value that must be one of `choices`, named in the error when it is not.
    pub fn choice(
        &self,
        name: &'static str,
        choices: &[&'static str],
    ) -> Result<Option<&'static str>, ApiError> {
        let Some(text) = self.one(name)? else {
            return Ok(None);
        };
        choices
            .iter()
            .find(|choice| choice.eq_ignore_ascii_case(text))
            .copied()
            .map(Some)
            .ok_or_else(|| {
                ApiError::bad(
                    name,
                    Detail::new("one_of").arg("choices", choices.join(", ")),
                )
            })
    }

    /// The format asked for: `?format=` first, then `Accept`.
    pub fn format(&self, headers: &HeaderMap, offered: &[Format]) -> Result<Format, ApiError> {
        if let Some(name) = self.one("format")? {
            return Format::from_name(name)
                .filter(|format| offered.contains(format))
                .ok_or_else(|| {
                    let names: Vec<&str> = offered.iter().map(|f| f.name()).collect();
                    ApiError::bad(
                        "format",
                        Detail::new("one_of").arg("choices", names.join(", ")),
                    )
                });
        }
        let accept = headers.get(header::ACCEPT).and_then(|v| v.to_str().ok());
        Format::from_accept(accept)
            .filter(|format| offered.contains(format))
            .ok_or(ApiError::NotAcceptable)
    }
}

/// At most 40 characters of a client's text, for an error message.
pub fn truncate(text: &str) -> String {
    let mut cut: String = text.chars().take(40).collect();
    if cut.len() < text.len() {
        cut.push('…');
    }
    cut
}

/// The text of a path segment. A path that is not even text (bad percent-encoding) names no
/// item: 404, like any other unknown id.
pub fn path_text(path: Result<Path<String>, PathRejection>) -> Result<String, ApiError> {
    path.map(|Path(text)| text).map_err(|_| ApiError::NotFound)
}

/// How one item was asked for: the id in its path, and the representation.
pub struct ItemRequest {
    pub id: String,
    pub format: Format,
    pub bom: bool,
}

impl ItemRequest {
    /// Reads the request of an item endpoint. A path that is not even text (bad
    /// percent-encoding) names no item: 404, like any other unknown id.
    pub fn read(
        path: Result<Path<String>, PathRejection>,
        query: Option<&str>,
        headers: &HeaderMap,
    ) -> Result<Self, ApiError> {
        Self::read_in(path, query, headers, &Format::ALL)
    }

    /// Like [`ItemRequest::read`], for an item offered only in `offered` formats.
    pub fn read_in(
        path: Result<Path<String>, PathRejection>,
        query: Option<&str>,
        headers: &HeaderMap,
        offered: &[Format],
    ) -> Result<Self, ApiError> {
        let params = Params::parse(query, &[])?;
        let format = params.format(headers, offered)?;
        let bom = params.flag("bom")?;
        let id = path_text(path)?;
        Ok(Self { id, format, bom })
    }
}
