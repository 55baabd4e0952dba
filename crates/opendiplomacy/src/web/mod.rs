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
use crate::orgs::Catalogue;
use crate::ports::{Port, PortId};
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
    /// The store's data version these values were built from.
    pub version: String,
    pub search: SearchIndex,
    /// Every port, ordered by id.
    pub ports: Vec<Port>,
    pub countries: Vec<Country>,
    /// The organizations, their statements and the spells made of them.
    pub orgs: Catalogue,
    /// Every travel advisory snapshot, and the comparisons made of them.
    pub advisories: crate::advisories::Board,
}

impl Derived {
    pub async fn load(store: &dyn Store) -> StoreResult<Self> {
        // The version is read first: a change that lands while loading leaves the values
        // newer than their version, never older, so the next check rebuilds at worst once more.
        let version = store.data_version().await?;
        let countries = store.countries().await?;
        let ports = store.all_ports().await?;
        let orgs = Catalogue::build(
            store.organizations().await?,
            store.org_statements().await?,
            &store.org_parties().await?,
            &countries,
            current_year(),
        );
        let mut documents = crate::search::documents(&countries, &ports);
        documents.extend(crate::search::organization_documents(&orgs));
        let search = SearchIndex::from_documents(documents);
        let advisories = crate::advisories::Board::new(store.advisory_snapshots().await?);
        Ok(Self {
            version,
            search,
            ports,
            countries,
            orgs,
            advisories,
        })
    }

    /// A port by id, from memory: the hot path of the API and the pages.
    pub fn port(&self, id: PortId) -> Option<&Port> {
        self.ports
            .binary_search_by_key(&id, |port| port.id)
            .ok()
            .map(|index| &self.ports[index])
    }

    pub fn country(&self, code: &CountryCode) -> Option<&Country> {
        self.countries.iter().find(|country| &country.code == code)
    }
}

/// This year, by the system clock: open memberships run to it.
fn current_year() -> i32 {
    let now = humantime::format_rfc3339_seconds(std::time::SystemTime::now()).to_string();
    now.get(..4)
        .and_then(|year| year.parse().ok())
        .unwrap_or(2026)
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

    /// Rebuilds the derived values every `interval` when the store's data changed, whoever
    /// changed it (this process, `opendiplomacy import`, another node on the same PostgreSQL).
    pub fn spawn_refresh(&self, interval: std::time::Duration) -> tokio::task::JoinHandle<()> {
        let state = self.clone();
        tokio::spawn(async move {
            loop {
                tokio::time::sleep(interval).await;
                let current = state.derived().version.clone();
                match state.store.data_version().await {
                    Ok(version) if version == current => {}
                    Ok(_) => match state.rebuild().await {
                        Ok(()) => tracing::info!("data changed; derived values rebuilt"),
                        Err(error) => tracing::error!(%error, "cannot rebuild derived values"),
                    },
                    Err(error) => tracing::warn!(%error, "cannot read the data version"),
                }
            }
        })
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
