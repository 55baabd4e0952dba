//! What every page knows about its request: the language, the path without the language
//! prefix, and the query.
//!
//! Rules: zh-TW pages live at `/…` and English pages at `/en/…`, the same path after the
//! prefix; so the page in the other language is always the same path with the prefix swapped
//! and the same query string. Reading a request never fails: a query that cannot be decoded
//! counts as no parameters.

use std::convert::Infallible;

use axum::extract::{FromRequestParts, Query};
use axum::http::Uri;
use axum::http::request::Parts;

use crate::i18n::Lang;

/// The request as a page sees it.
#[derive(Debug, Clone)]
pub struct PageCtx {
    pub lang: Lang,
    /// The path after the language prefix, always starting with `/`.
    pub path: String,
    /// The raw query string, without the `?`.
    pub query: Option<String>,
    /// The decoded query parameters, in order, repeated names kept.
    pub params: Vec<(String, String)>,
}

impl PageCtx {
    pub fn from_uri(uri: &Uri) -> Self {
        let (lang, path) = split_lang(uri.path());
        let params = Query::<Vec<(String, String)>>::try_from_uri(uri)
            .map(|Query(params)| params)
            .unwrap_or_default();
        Self {
            lang,
            path: path.to_owned(),
            query: uri
                .query()
                .filter(|query| !query.is_empty())
                .map(str::to_owned),
            params,
        }
    }

    /// The first value of a parameter, trimmed; empty counts as absent.
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value.trim())
            .filter(|value| !value.is_empty())
    }

    /// Every non-empty value of a repeated parameter.
    pub fn all(&self, name: &str) -> Vec<&str> {
        self.params
            .iter()
            .filter(|(key, _)| key == name)
            .map(|(_, value)| value.trim())
            .filter(|value| !value.is_empty())
            .collect()
    }

    /// A link to a site path in this page's language.
    pub fn href(&self, path: &str) -> String {
        href(self.lang, path)
    }

    /// A link to a site path in this page's language, keeping this page's query.
    pub fn href_with_query(&self, path: &str) -> String {
        with_query(href(self.lang, path), self.query.as_deref())
    }

    /// This page in the other language, with the same query.
    pub fn switch_href(&self) -> String {
        with_query(href(other(self.lang), &self.path), self.query.as_deref())
    }
}

impl<S: Send + Sync> FromRequestParts<S> for PageCtx {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, _state: &S) -> Result<Self, Self::Rejection> {
        Ok(Self::from_uri(&parts.uri))
    }
}

fn with_query(mut link: String, query: Option<&str>) -> String {
    if let Some(query) = query {
        link.push('?');
        link.push_str(query);
    }
    link
}

/// The other of the two languages.
pub fn other(lang: Lang) -> Lang {
    match lang {
        Lang::ZhTw => Lang::En,
        Lang::En => Lang::ZhTw,
    }
}

/// The path prefix of a language: empty for zh-TW, `/en` for English.
pub fn prefix(lang: Lang) -> &'static str {
    match lang {
        Lang::ZhTw => "",
        Lang::En => "/en",
    }
}

/// A site path in a language: `/ports` becomes `/en/ports`, and `/` becomes `/en`.
pub fn href(lang: Lang, path: &str) -> String {
    match (lang, path) {
        (Lang::En, "/") => "/en".to_owned(),
        _ => format!("{}{path}", prefix(lang)),
    }
}

/// Splits a request path into its language and the path after the prefix.
pub fn split_lang(path: &str) -> (Lang, &str) {
    match path.strip_prefix("/en") {
        Some("") => (Lang::En, "/"),
        Some(rest) if rest.starts_with('/') => (Lang::En, rest),
        _ => (Lang::ZhTw, path),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_prefix_decides_the_language() {
        assert_eq!(split_lang("/"), (Lang::ZhTw, "/"));
        assert_eq!(split_lang("/ports/57920"), (Lang::ZhTw, "/ports/57920"));
        assert_eq!(split_lang("/en"), (Lang::En, "/"));
        assert_eq!(split_lang("/en/"), (Lang::En, "/"));
        assert_eq!(split_lang("/en/countries/TW"), (Lang::En, "/countries/TW"));
        assert_eq!(split_lang("/english"), (Lang::ZhTw, "/english"));
    }

    #[test]
    fn the_switch_keeps_path_and_query() {
        let uri: Uri = "/ports?country=TW&size=small&size=large".parse().unwrap();
        let ctx = PageCtx::from_uri(&uri);
        assert_eq!(
            ctx.switch_href(),
            "/en/ports?country=TW&size=small&size=large"
        );
        assert_eq!(ctx.all("size"), ["small", "large"]);

        let home = PageCtx::from_uri(&"/en".parse().unwrap());
        assert_eq!(home.switch_href(), "/");
        let zh_home = PageCtx::from_uri(&"/".parse().unwrap());
        assert_eq!(zh_home.switch_href(), "/en");
    }

    #[test]
    fn parameters_are_decoded_and_blank_ones_ignored() {
        let uri: Uri = "/search?q=%E9%AB%98%E9%9B%84+%E6%B8%AF&country="
            .parse()
            .unwrap();
        let ctx = PageCtx::from_uri(&uri);
        assert_eq!(ctx.param("q"), Some("高雄 港"));
        assert_eq!(ctx.param("country"), None);
        assert_eq!(ctx.param("missing"), None);
    }

    #[test]
    fn a_broken_query_reads_as_no_parameters() {
        let uri: Uri = "/search?q=%FF%FE&x".parse().unwrap();
        let ctx = PageCtx::from_uri(&uri);
        assert!(ctx.param("q").is_none_or(|q| !q.is_empty()));
    }
}
