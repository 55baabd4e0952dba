//! A port list request read from the query string, and written back to one.
//!
//! Rules: unknown parameters are ignored; every value that is not understood is reported by
//! its parameter, never dropped silently; writing a request back gives the same request.

use serde::Serialize;

use super::context::PageCtx;
use super::format;
use crate::countries::CountryCode;
use crate::ports::{FieldKind, HarborSize, field};
use crate::store::{Cursor, PortFilter, SortKey};

/// A list request as the query states it.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ListQuery {
    pub filter: PortFilter,
    pub sort: SortKey,
    pub cursor: Option<Cursor>,
}

/// A parameter whose value is not understood.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BadParam {
    pub param: &'static str,
    pub value: String,
}

/// Reads the list's parameters; unknown parameters are ignored, bad values are all reported.
pub fn parse(ctx: &PageCtx) -> Result<ListQuery, Vec<BadParam>> {
    let mut query = ListQuery::default();
    let mut bad = Vec::new();
    let mut reject = |param, value: &str| {
        let value = value.chars().take(100).collect();
        bad.push(BadParam { param, value });
    };

    if let Some(text) = ctx.param("country") {
        match CountryCode::parse(text) {
            Some(code) => query.filter.country = Some(code),
            None => reject("country", text),
        }
    }
    for text in ctx.all("size") {
        match HarborSize::from_code(text) {
            Some(size) if !query.filter.harbor_sizes.contains(&size) => {
                query.filter.harbor_sizes.push(size);
            }
            Some(_) => {}
            None => reject("size", text),
        }
    }
    for text in ctx.all("facility") {
        let is_flag = field(text).is_some_and(|spec| matches!(spec.kind, FieldKind::Flag));
        if !is_flag {
            reject("facility", text);
        } else if !query.filter.facilities.iter().any(|key| key == text) {
            query.filter.facilities.push(text.to_owned());
        }
    }
    if let Some(text) = ctx.param("sort") {
        match SortKey::parse(text) {
            Some(sort) => query.sort = sort,
            None => reject("sort", text),
        }
    }
    if let Some(text) = ctx.param("cursor") {
        match Cursor::decode(text) {
            Ok(cursor) if cursor.sort == query.sort => query.cursor = Some(cursor),
            _ => reject("cursor", text),
        }
    }

    if bad.is_empty() { Ok(query) } else { Err(bad) }
}

/// The query string that names a list's filter and order, without the cursor.
pub fn filter_query(query: &ListQuery) -> String {
    let mut pairs: Vec<(&str, &str)> = Vec::new();
    if let Some(code) = &query.filter.country {
        pairs.push(("country", code.as_str()));
    }
    for size in &query.filter.harbor_sizes {
        pairs.push(("size", size.code()));
    }
    for key in &query.filter.facilities {
        pairs.push(("facility", key));
    }
    if query.sort != SortKey::Id {
        pairs.push(("sort", "name"));
    }
    format::query_string(pairs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ctx(uri: &str) -> PageCtx {
        PageCtx::from_uri(&uri.parse().unwrap())
    }

    #[test]
    fn a_filter_reads_back_to_the_same_query() {
        let query = parse(&ctx(
            "/ports?country=tw&size=small&size=large&size=small&sort=name",
        ))
        .unwrap();
        assert_eq!(query.filter.country, CountryCode::parse("TW"));
        assert_eq!(
            query.filter.harbor_sizes,
            [HarborSize::Small, HarborSize::Large]
        );
        assert_eq!(query.sort, SortKey::Name);
        assert_eq!(
            filter_query(&query),
            "country=TW&size=small&size=large&sort=name"
        );
    }

    #[test]
    fn bad_values_are_named_by_parameter() {
        let errors = parse(&ctx(
            "/ports?country=Taiwan&size=huge&sort=size&cursor=zzz&facility=x",
        ))
        .unwrap_err();
        let params: Vec<&str> = errors.iter().map(|bad| bad.param).collect();
        assert_eq!(params, ["country", "size", "facility", "sort", "cursor"]);
        assert_eq!(errors[1].value, "huge");
    }

    #[test]
    fn a_cursor_must_match_the_order() {
        let cursor = Cursor {
            sort: SortKey::Name,
            key: "keelung".into(),
            id: 57910,
        };
        let by_name = format!("/ports?sort=name&cursor={}", cursor.encode());
        assert_eq!(parse(&ctx(&by_name)).unwrap().cursor, Some(cursor.clone()));
        let by_id = format!("/ports?cursor={}", cursor.encode());
        assert_eq!(parse(&ctx(&by_id)).unwrap_err()[0].param, "cursor");
    }
}
