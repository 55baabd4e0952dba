//! The HTML site: every page server-rendered, in zh-TW at `/…` and in English at `/en/…`.
//!
//! Rules:
//! - Every page is a permalink: what it shows depends only on its path and query, and the
//!   language switch leads to the same path and query in the other language.
//! - Pages work fully without JavaScript; scripts only add typing suggestions and maps.
//! - Nothing a reader types can make a page panic or answer 500: a bad id is a not-found
//!   page, a bad filter value a message that names the parameter.
//! - Words live in the message catalogue (`i18n/*/ui.toml`, `i18n/*/orgs.toml`), never in code
//!   or templates.

mod advisories;
mod advisory_feed;
mod attributes;
mod context;
mod countries;
mod format;
mod home;
mod map;
mod org;
mod org_history;
mod org_view;
mod orgs;
mod participation;
mod port;
mod port_query;
mod ports;
mod render;
#[cfg(test)]
mod tests;

use axum::Router;
use axum::response::{Redirect, Response};
use axum::routing::get;

use self::context::PageCtx;
use self::render::{Failure, failure};
use super::AppState;

pub fn routes() -> Router<AppState> {
    let mut router = Router::new();
    for prefix in ["", "/en"] {
        let home = if prefix.is_empty() { "/" } else { prefix };
        router = router
            .route(home, get(home::home))
            .route(&format!("{prefix}/search"), get(home::search))
            .route(&format!("{prefix}/countries"), get(countries::list))
            .route(
                &format!("{prefix}/countries/{{code}}"),
                get(countries::page),
            )
            .route(
                &format!("{prefix}/countries/{{code}}/organizations"),
                get(participation::page),
            )
            .route(&format!("{prefix}/taiwan"), get(participation::taiwan))
            .route(&format!("{prefix}/organizations"), get(orgs::list))
            .route(&format!("{prefix}/organizations/{{abbr}}"), get(org::page))
            .route(&format!("{prefix}/ports"), get(ports::list))
            .route(&format!("{prefix}/ports/{{id}}"), get(port::page))
            .route(&format!("{prefix}/advisories"), get(advisories::overview))
            .route(
                &format!("{prefix}/advisories/changes"),
                get(advisories::change_page),
            )
            .route(
                &format!("{prefix}/advisories/changes.atom"),
                get(advisory_feed::feed),
            )
            .route(
                &format!("{prefix}/countries/{{code}}/advisories"),
                get(advisories::country),
            );
    }
    router
        .route("/en/", get(|| async { Redirect::permanent("/en") }))
        .fallback(not_found)
}

/// Any path no page has: the not-found page in the language the path's prefix names.
async fn not_found(ctx: PageCtx) -> Response {
    failure(&ctx, Failure::NotFound)
}
