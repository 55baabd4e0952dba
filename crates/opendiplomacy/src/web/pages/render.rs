//! Templates and their rendering into responses, including the not-found and error pages.
//!
//! Rules:
//! - Templates are embedded with `include_str!` and listed once in [`TEMPLATES`].
//! - Templates hold no words of either language: they call `t("ui.…")`, which looks the key up
//!   in the page's language (the `lang` variable every page has). `t` fills `{name}`
//!   placeholders from its keyword arguments: `t("ui.ports.total", n=total)`.
//! - Rendering never panics. A template that fails is logged and answered with a bare 500;
//!   tests render every template so that this does not happen.

use std::sync::LazyLock;

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use minijinja::value::{Kwargs, Value};
use minijinja::{AutoEscape, Environment, Error, Output, State, context};

use super::context::{PageCtx, href, other};
use crate::i18n::Lang;
use crate::web::assets;

/// Every template, by the name pages render it by.
pub const TEMPLATES: &[(&str, &str)] = &[
    ("base.html", include_str!("../../../templates/base.html")),
    (
        "search_form.html",
        include_str!("../../../templates/search_form.html"),
    ),
    (
        "port_table.html",
        include_str!("../../../templates/port_table.html"),
    ),
    (
        "downloads.html",
        include_str!("../../../templates/downloads.html"),
    ),
    ("map.html", include_str!("../../../templates/map.html")),
    ("home.html", include_str!("../../../templates/home.html")),
    (
        "search.html",
        include_str!("../../../templates/search.html"),
    ),
    (
        "countries.html",
        include_str!("../../../templates/countries.html"),
    ),
    (
        "country.html",
        include_str!("../../../templates/country.html"),
    ),
    ("ports.html", include_str!("../../../templates/ports.html")),
    ("port.html", include_str!("../../../templates/port.html")),
    (
        "org_problem.html",
        include_str!("../../../templates/org_problem.html"),
    ),
    (
        "org_citation.html",
        include_str!("../../../templates/org_citation.html"),
    ),
    (
        "org_spells.html",
        include_str!("../../../templates/org_spells.html"),
    ),
    (
        "organizations.html",
        include_str!("../../../templates/organizations.html"),
    ),
    (
        "organization.html",
        include_str!("../../../templates/organization.html"),
    ),
    (
        "participation.html",
        include_str!("../../../templates/participation.html"),
    ),
    ("error.html", include_str!("../../../templates/error.html")),
    (
        "advisory_level.html",
        include_str!("../../../templates/advisory_level.html"),
    ),
    (
        "advisories.html",
        include_str!("../../../templates/advisories.html"),
    ),
    (
        "country_advisories.html",
        include_str!("../../../templates/country_advisories.html"),
    ),
    (
        "advisory_changes.html",
        include_str!("../../../templates/advisory_changes.html"),
    ),
];

static ENV: LazyLock<Environment<'static>> = LazyLock::new(|| {
    let mut env = Environment::new();
    for (name, source) in TEMPLATES {
        if let Err(error) = env.add_template(name, source) {
            tracing::error!(template = name, %error, "template does not parse");
        }
    }
    env.set_formatter(formatter);
    env.add_function("t", translate);
    env.add_function("asset", |path: &str| assets::url(path));
    env.add_filter("num", |n: u64| super::format::group_digits(n));
    env
});

/// Escapes text for HTML as the standard requires (`&`, `<`, `>`, `"`, `'`), leaving `/` as
/// it is so that links read plainly in the page source; everything else as the default does.
fn formatter(out: &mut Output, state: &State, value: &Value) -> Result<(), Error> {
    match value.as_str() {
        Some(text) if state.auto_escape() == AutoEscape::Html && !value.is_safe() => {
            out.write_str(&escape_html(text)).map_err(Error::from)
        }
        _ => minijinja::escape_formatter(out, state, value),
    }
}

fn escape_html(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

/// `t(key, **placeholders)`: the message in the page's language.
fn translate(state: &State, key: &str, placeholders: Kwargs) -> Result<String, Error> {
    let lang = state
        .lookup("lang")
        .and_then(|tag| tag.as_str().and_then(Lang::parse))
        .unwrap_or_default();
    let mut text = lang.text(key).to_owned();
    for name in placeholders.args() {
        let value: Value = placeholders.get(name)?;
        text = text.replace(&format!("{{{name}}}"), &value.to_string());
    }
    Ok(text)
}

/// The variables every page has: its language, links in both languages, and the path.
pub fn base(ctx: &PageCtx) -> Value {
    let other = other(ctx.lang);
    context! {
        lang => ctx.lang.tag(),
        other_lang => other.tag(),
        prefix => super::context::prefix(ctx.lang),
        home => href(ctx.lang, "/"),
        path => ctx.path,
        section => ctx.path.split('/').nth(1).unwrap_or_default(),
        switch_href => ctx.switch_href(),
    }
}

/// Renders a template to an HTML response in the page's language.
pub fn render(ctx: &PageCtx, status: StatusCode, name: &str, page: Value) -> Response {
    let vars = context! { ..page, ..base(ctx) };
    let html = ENV
        .get_template(name)
        .and_then(|template| template.render(vars));
    match html {
        Ok(html) => (
            status,
            [(
                header::CONTENT_LANGUAGE,
                HeaderValue::from_static(ctx.lang.tag()),
            )],
            Html(html),
        )
            .into_response(),
        Err(error) => {
            tracing::error!(template = name, %error, "page did not render");
            StatusCode::INTERNAL_SERVER_ERROR.into_response()
        }
    }
}

/// The kinds of failure a reader can meet, each with its own page.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    NotFound,
    Internal,
}

/// The not-found or error page in the page's language.
pub fn failure(ctx: &PageCtx, failure: Failure) -> Response {
    let (status, kind) = match failure {
        Failure::NotFound => (StatusCode::NOT_FOUND, "not_found"),
        Failure::Internal => (StatusCode::INTERNAL_SERVER_ERROR, "internal"),
    };
    render(ctx, status, "error.html", context! { kind })
}

/// Logs a store failure and answers with the error page.
pub fn store_failure(ctx: &PageCtx, error: &crate::store::StoreError) -> Response {
    tracing::error!(path = %ctx.path, %error, "store failed while rendering a page");
    failure(ctx, Failure::Internal)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::orgs::{MemberStatus, OrgKind, Origin, Property, Rank};

    #[test]
    fn text_is_escaped_but_links_stay_readable() {
        assert_eq!(
            escape_html(r#"/ports?a=1&b="<x>'"#),
            "/ports?a=1&amp;b=&quot;&lt;x&gt;&#39;"
        );
    }

    #[tokio::test]
    async fn the_error_page_renders_in_both_languages() {
        for uri in ["/ports/x", "/en/ports/x"] {
            let ctx = PageCtx::from_uri(&uri.parse().unwrap());
            let response = failure(&ctx, Failure::Internal);
            assert_eq!(response.status(), StatusCode::INTERNAL_SERVER_ERROR);
            let body = axum::body::to_bytes(response.into_body(), 1 << 20)
                .await
                .unwrap();
            let html = String::from_utf8(body.to_vec()).unwrap();
            assert!(
                html.contains(ctx.lang.text("ui.error.internal_title")),
                "{html}"
            );
            assert!(html.contains(&format!(r#"<html lang="{}">"#, ctx.lang.tag())));
        }
    }

    #[test]
    fn every_template_parses() {
        for (name, _) in TEMPLATES {
            assert!(ENV.get_template(name).is_ok(), "{name}");
        }
    }

    /// The keys templates name literally, as `t("ui.…")` or `t('ui.…')`.
    fn literal_keys(source: &str) -> Vec<&str> {
        let mut keys = Vec::new();
        for quote in ['"', '\''] {
            let opening = format!("t({quote}");
            for piece in source.split(opening.as_str()).skip(1) {
                let key = piece.split(quote).next().unwrap_or_default();
                let closed = piece[key.len() + 1..].trim_start();
                if closed.starts_with(')') || closed.starts_with(',') {
                    keys.push(key);
                }
            }
        }
        keys
    }

    #[test]
    fn every_message_a_template_names_exists_in_both_languages() {
        let mut keys: Vec<String> = TEMPLATES
            .iter()
            .flat_map(|(_, source)| literal_keys(source))
            .filter(|key| key.starts_with("ui.") || key.starts_with("orgs."))
            .map(str::to_owned)
            .collect();
        // Keys templates build from parts.
        for kind in ["not_found", "internal"] {
            keys.push(format!("ui.error.{kind}_title"));
            keys.push(format!("ui.error.{kind}_text"));
        }
        for param in ["country", "size", "facility", "sort", "cursor"] {
            keys.push(format!("ui.ports.param.{param}"));
        }
        keys.extend([
            "ui.search.kind_port".into(),
            "ui.search.kind_country".into(),
            "ui.search.kind_organization".into(),
            "orgs.org.map_label".into(),
        ]);
        for param in ["type", "alive", "sort", "year", "status"] {
            keys.push(format!("orgs.param.{param}"));
        }
        let built: [(&str, Vec<&str>); 5] = [
            ("kind", OrgKind::ALL.iter().map(|k| k.code()).collect()),
            (
                "status",
                MemberStatus::ALL.iter().map(|s| s.code()).collect(),
            ),
            ("property", Property::ALL.iter().map(|p| p.code()).collect()),
            (
                "rank",
                [Rank::Preferred, Rank::Normal, Rank::Deprecated]
                    .iter()
                    .map(|r| r.code())
                    .collect(),
            ),
            (
                "origin",
                [Origin::Dataset, Origin::Community, Origin::Official]
                    .iter()
                    .map(|o| o.code())
                    .collect(),
            ),
        ];
        for (table, codes) in built {
            keys.extend(codes.iter().map(|code| format!("orgs.{table}.{code}")));
        }

        assert!(keys.len() > 50, "found only {} keys", keys.len());
        for key in &keys {
            for lang in Lang::ALL {
                assert!(
                    lang.lookup(key).is_some(),
                    "{key} is missing in {}",
                    lang.tag()
                );
            }
        }
    }
}
