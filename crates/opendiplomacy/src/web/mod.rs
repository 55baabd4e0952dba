//! The site and its Open API over HTTP.
//!
//! `api/` serves `/api/v1/…` in JSON, CSV, XML and GeoJSON; `pages/` serves the HTML site in
//! zh-TW at `/…` and in English at `/en/…`; `assets/` serves the files embedded in the binary.

mod api;
mod assets;
mod etag;
mod health;
mod pages;

use std::sync::{Arc, RwLock};

use axum::Router;

use crate::countries::{Country, CountryCode};
use crate::ports::Port;
use crate::search::SearchIndex;
use crate::store::{Store, StoreResult};

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    pub store: Arc<dyn Store>,
    derived: Arc<RwLock<Arc<Derived>>>,
}

/// Values derived from the store and kept in memory: the search index, and every port and
/// country for nearest-port look-ups and maps. Rebuilt whole after each import.
pub struct Derived {
    pub search: SearchIndex,
    pub ports: Vec<Port>,
    pub countries: Vec<Country>,
}

impl Derived {
    pub async fn load(store: &dyn Store) -> StoreResult<Self> {
        let countries = store.countries().await?;
        let ports = store.all_ports().await?;
        let search = SearchIndex::build(&countries, &ports);
        Ok(Self {
            search,
            ports,
            countries,
        })
    }

    pub fn country(&self, code: &CountryCode) -> Option<&Country> {
        self.countries.iter().find(|country| &country.code == code)
    }
}

impl AppState {
    pub fn new(store: Arc<dyn Store>, derived: Derived) -> Self {
        Self {
            store,
            derived: Arc::new(RwLock::new(Arc::new(derived))),
        }
    }

    /// The current derived values; a rebuild swaps them whole, so a reader never sees half.
    pub fn derived(&self) -> Arc<Derived> {
        match self.derived.read() {
            Ok(guard) => guard.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    /// Reloads the derived values from the store.
    pub async fn rebuild(&self) -> StoreResult<()> {
        let derived = Arc::new(Derived::load(self.store.as_ref()).await?);
        match self.derived.write() {
            Ok(mut guard) => *guard = derived,
            Err(poisoned) => *poisoned.into_inner() = derived,
        }
        Ok(())
    }
}

/// The whole site: pages, API and assets.
pub fn router(state: AppState) -> Router {
    Router::new()
        .merge(pages::routes())
        .merge(api::routes())
        .merge(assets::routes())
        .merge(health::routes())
        .layer(axum::middleware::from_fn(etag::etag))
        .layer(tower_http::trace::TraceLayer::new_for_http().make_span_with(request_span))
        .with_state(state)
}

/// One span per request, naming the route pattern and never the path or query as sent: a query
/// may hold a person's name, and personal data never goes to the log.
fn request_span(request: &axum::extract::Request) -> tracing::Span {
    let route = request
        .extensions()
        .get::<axum::extract::MatchedPath>()
        .map_or("unmatched", axum::extract::MatchedPath::as_str);
    tracing::info_span!("request", method = %request.method(), route = %route)
}
