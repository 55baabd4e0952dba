//! Middleware: a strong ETag on every successful GET, and `304 Not Modified` when the client
//! already holds it.
//!
//! The tag is a hash of the body and its type, so it changes exactly when the bytes a client
//! would receive change, whatever the cause (an import, an edit, a new build).

use axum::body::{Body, to_bytes};
use axum::extract::Request;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

/// Bodies larger than this are sent without a tag rather than held in memory twice.
const MAX_TAGGED_BODY: usize = 64 * 1024 * 1024;

pub async fn etag(request: Request, next: Next) -> Response {
    let is_read = matches!(*request.method(), Method::GET | Method::HEAD);
    let if_none_match = request.headers().get(header::IF_NONE_MATCH).cloned();
    let response = next.run(request).await;
    if !is_read
        || response.status() != StatusCode::OK
        || response.headers().contains_key(header::ETAG)
    {
        return response;
    }

    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, MAX_TAGGED_BODY).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let tag = tag_of(&parts.headers, &bytes);
    let Ok(value) = HeaderValue::from_str(&tag) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    parts.headers.insert(header::ETAG, value.clone());

    if if_none_match.is_some_and(|header| matches(&header, &tag)) {
        let mut not_modified = StatusCode::NOT_MODIFIED.into_response();
        for name in [
            header::ETAG,
            header::CACHE_CONTROL,
            header::VARY,
            header::CONTENT_LOCATION,
        ] {
            if let Some(value) = parts.headers.get(&name) {
                not_modified.headers_mut().insert(name, value.clone());
            }
        }
        return not_modified;
    }
    Response::from_parts(parts, Body::from(bytes))
}

fn tag_of(headers: &HeaderMap, body: &[u8]) -> String {
    let content_type = headers
        .get(header::CONTENT_TYPE)
        .map(HeaderValue::as_bytes)
        .unwrap_or_default();
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    hasher.update(content_type);
    hasher.update(b"\0");
    hasher.update(body);
    format!("\"{:032x}\"", hasher.digest128())
}

/// `If-None-Match` holds `*` or a list of tags, possibly weak (`W/"…"`); weak comparison
/// applies (RFC 9110 §13.1.2).
fn matches(header: &HeaderValue, tag: &str) -> bool {
    let Ok(text) = header.to_str() else {
        return false;
    };
    text.split(',')
        .map(str::trim)
        .any(|candidate| candidate == "*" || candidate.trim_start_matches("W/") == tag)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn if_none_match_lists_and_weak_tags_match() {
        let tag = "\"abc\"";
        assert!(matches(&HeaderValue::from_static("\"x\", W/\"abc\""), tag));
        assert!(matches(&HeaderValue::from_static("*"), tag));
        assert!(!matches(&HeaderValue::from_static("\"abcd\""), tag));
    }
}
