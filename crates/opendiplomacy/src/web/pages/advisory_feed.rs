//! `/advisories/changes.atom`: an Atom feed of level changes, one entry per country whose
//! level a source raised or lowered between two of its consecutive good snapshots.
//!
//! Rule: every text from a source or the data is escaped; a stale snapshot is no change (it
//! lost its levels, it did not lower them).

use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use quick_xml::escape::escape;

use super::context::PageCtx;
use crate::advisories::{Change, Snapshot, Source, changes};
use crate::i18n::Lang;
use crate::web::{AppState, Derived};

/// The newest entries the feed carries.
const ENTRIES: usize = 200;

pub async fn feed(State(state): State<AppState>, ctx: PageCtx) -> Response {
    let derived = state.derived();
    let body = write_feed(&derived, &ctx);
    let mut response = body.into_response();
    response.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/atom+xml; charset=utf-8"),
    );
    response
}

/// Level changes between consecutive good snapshots of every source, newest first.
fn level_changes(derived: &Derived) -> Vec<(&Snapshot, Change)> {
    let mut all = Vec::new();
    for source in Source::ALL {
        let good: Vec<&Snapshot> = derived
            .advisories
            .snapshots_of(source)
            .filter(|s| !s.stale)
            .collect();
        for pair in good.windows(2) {
            for change in changes(pair[0], pair[1]) {
                if change.kind.is_level_change() {
                    all.push((pair[1], change));
                }
            }
        }
    }
    all.sort_by(|a, b| (&b.0.taken, &a.1.country).cmp(&(&a.0.taken, &b.1.country)));
    all.truncate(ENTRIES);
    all
}

fn write_feed(derived: &Derived, ctx: &PageCtx) -> String {
    let lang = ctx.lang;
    let entries = level_changes(derived);
    let updated = entries
        .first()
        .map_or_else(|| "1970-01-01".to_owned(), |(s, _)| s.taken.clone());
    let page = ctx.href("/advisories/changes");
    let mut xml = String::from("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    xml.push_str(&format!(
        "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:lang=\"{}\">\n\
         <title>{}</title>\n<id>tag:opendiplomacy,2026:advisories/changes/{}</id>\n\
         <link rel=\"self\" href=\"{}\"/>\n<link rel=\"alternate\" type=\"text/html\" href=\"{}\"/>\n\
         <updated>{updated}T00:00:00Z</updated>\n<author><name>Open Diplomacy</name></author>\n",
        lang.tag(),
        escape(lang.text("advisories.changes.feed_title")),
        lang.tag(),
        escape(ctx.href("/advisories/changes.atom").as_str()),
        escape(page.as_str()),
    ));
    for (snapshot, change) in &entries {
        xml.push_str(&entry(derived, lang, ctx, snapshot, change));
    }
    xml.push_str("</feed>\n");
    xml
}

fn entry(
    derived: &Derived,
    lang: Lang,
    ctx: &PageCtx,
    snapshot: &Snapshot,
    change: &Change,
) -> String {
    let name = derived.country(&change.country).map_or_else(
        || change.country.to_string(),
        |c| super::home::country_name(c, lang.is_zh()).to_owned(),
    );
    let level = |level: Option<crate::advisories::Level>| match level {
        Some(l) => message(lang, &format!("advisories.level.{}", l.number())),
        None => lang.text("advisories.level.none"),
    };
    let source = message(
        lang,
        &format!("advisories.source.{}", snapshot.source.code()),
    );
    let title = format!(
        "{name} · {source}: {} → {}",
        level(change.before),
        level(change.after)
    );
    let summary = format!(
        "{} → {}",
        change.before_words.as_deref().unwrap_or("—"),
        change.after_words.as_deref().unwrap_or("—")
    );
    format!(
        "<entry>\n<title>{}</title>\n<id>tag:opendiplomacy,2026:advisories/{}/{}/{}</id>\n\
         <link href=\"{}\"/>\n<updated>{}T00:00:00Z</updated>\n<summary>{}</summary>\n</entry>\n",
        escape(title.as_str()),
        snapshot.source.code(),
        escape(change.country.as_str()),
        escape(snapshot.taken.as_str()),
        escape(
            ctx.href(&format!("/countries/{}/advisories", change.country))
                .as_str()
        ),
        escape(snapshot.taken.as_str()),
        escape(summary.as_str()),
    )
}

/// A message of the catalogue that lives as long as the program; a missing key (which a test
/// rules out) reads as empty.
fn message(lang: Lang, key: &str) -> &'static str {
    lang.lookup(key).unwrap_or_default()
}
