//! Files embedded in the binary: styles, scripts, the map library and its world map.
//!
//! Rules:
//! - Every asset is listed once in [`ASSETS`] and read with `include_bytes!`, so the binary is
//!   the whole site and the browser never fetches anything from elsewhere.
//! - Pages name assets only through [`url`]. The URL carries [`version`], a hash of every
//!   asset's path and bytes, so a response may be cached for a year: any change to any asset
//!   gives every asset a new URL. One version for all keeps relative URLs inside a vendored
//!   stylesheet (Leaflet's `images/…`) working.
//! - A request with an old version still gets the current file, but marked not to be cached,
//!   so a page held by a cache for a moment across a deploy never loses its styles.

use std::sync::LazyLock;

use axum::Router;
use axum::extract::Path;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;

use super::AppState;

/// One embedded file, by its path under `/assets/{version}/`.
struct Asset {
    path: &'static str,
    bytes: &'static [u8],
}

macro_rules! asset {
    ($path:literal) => {
        Asset {
            path: $path,
            bytes: include_bytes!(concat!("../../assets/", $path)),
        }
    };
}

const ASSETS: &[Asset] = &[
    asset!("site.css"),
    asset!("search.js"),
    asset!("map.js"),
    asset!("icon.svg"),
    asset!("vendor/leaflet/leaflet.js"),
    asset!("vendor/leaflet/leaflet.css"),
    asset!("vendor/leaflet/images/marker-icon.png"),
    asset!("vendor/leaflet/images/marker-icon-2x.png"),
    asset!("vendor/leaflet/images/marker-shadow.png"),
    asset!("vendor/leaflet/images/layers.png"),
    asset!("vendor/leaflet/images/layers-2x.png"),
    asset!("vendor/leaflet/LICENSE"),
    asset!("vendor/topojson-client/topojson-client.min.js"),
    asset!("vendor/topojson-client/LICENSE"),
    asset!("vendor/world-atlas/countries-50m.json"),
    asset!("vendor/world-atlas/LICENSE"),
];

/// How long a browser may keep a versioned asset: a year, and it never needs to ask again.
const CACHE_FOREVER: &str = "public, max-age=31536000, immutable";

static VERSION: LazyLock<String> = LazyLock::new(|| {
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    for asset in ASSETS {
        hasher.update(asset.path.as_bytes());
        hasher.update(&[0]);
        hasher.update(asset.bytes);
    }
    format!("{:016x}", hasher.digest())
});

/// The hash of every asset, as it appears in asset URLs.
pub fn version() -> &'static str {
    &VERSION
}

/// The URL of an embedded asset, such as `url("site.css")`.
pub fn url(path: &str) -> String {
    format!("/assets/{}/{path}", version())
}

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/assets/{version}/{*path}", get(serve))
        .layer(tower_http::compression::CompressionLayer::new())
}

/// Serves an embedded asset with its type and a cache lifetime that fits its URL.
async fn serve(Path((requested, path)): Path<(String, String)>) -> Response {
    let Some(asset) = ASSETS.iter().find(|asset| asset.path == path) else {
        return StatusCode::NOT_FOUND.into_response();
    };
    let cache = if requested == version() {
        CACHE_FOREVER
    } else {
        "no-cache"
    };
    (
        [
            (
                header::CONTENT_TYPE,
                HeaderValue::from_static(content_type(asset.path)),
            ),
            (header::CACHE_CONTROL, HeaderValue::from_static(cache)),
            (
                header::X_CONTENT_TYPE_OPTIONS,
                HeaderValue::from_static("nosniff"),
            ),
        ],
        asset.bytes,
    )
        .into_response()
}

/// The media type of a file by its name; licence files and anything unlisted are plain text.
fn content_type(path: &str) -> &'static str {
    let extension = path.rsplit_once('.').map_or("", |(_, extension)| extension);
    match extension {
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "png" => "image/png",
        "svg" => "image/svg+xml",
        _ => "text/plain; charset=utf-8",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_asset_has_a_known_type_and_a_unique_path() {
        for asset in ASSETS {
            let unlisted = content_type(asset.path).starts_with("text/plain");
            assert!(
                !unlisted || asset.path.ends_with("LICENSE"),
                "{}",
                asset.path
            );
            let same = ASSETS
                .iter()
                .filter(|other| other.path == asset.path)
                .count();
            assert_eq!(same, 1, "{} is listed twice", asset.path);
        }
    }

    #[test]
    fn urls_carry_the_version() {
        assert_eq!(version().len(), 16);
        assert_eq!(url("site.css"), format!("/assets/{}/site.css", version()));
    }

    #[test]
    fn types_follow_the_extension() {
        assert_eq!(content_type("map.js"), "text/javascript; charset=utf-8");
        assert_eq!(
            content_type("vendor/world-atlas/countries-50m.json"),
            "application/json"
        );
        assert_eq!(
            content_type("vendor/leaflet/LICENSE"),
            "text/plain; charset=utf-8"
        );
    }
}
