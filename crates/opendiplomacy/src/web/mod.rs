//! The site and its Open API over HTTP.
//!
//! `api/` serves `/api/v1/…` in JSON, CSV, XML and GeoJSON; `pages/` serves the HTML site in
//! zh-TW at `/…` and in English at `/en/…`; `assets/` serves the files embedded in the binary.

mod api;
mod assets;
mod pages;

use std::sync::{Arc, RwLock};

use axum::Router;

use crate::search::SearchIndex;
use crate::store::Store;

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    pub store: Arc<dyn Store>,
    search: Arc<RwLock<Arc<SearchIndex>>>,
}

impl AppState {
    pub fn new(store: Arc<dyn Store>, search: SearchIndex) -> Self {
        Self {
            store,
            search: Arc::new(RwLock::new(Arc::new(search))),
        }
    }

    /// The current index; a rebuild swaps it whole, so a reader never sees half of one.
    pub fn search(&self) -> Arc<SearchIndex> {
        match self.search.read() {
            Ok(guard) => guard.clone(),
            Err(poisoned) => poisoned.into_inner().clone(),
        }
    }

    pub fn replace_search(&self, index: SearchIndex) {
        let index = Arc::new(index);
        match self.search.write() {
            Ok(mut guard) => *guard = index,
            Err(poisoned) => *poisoned.into_inner() = index,
        }
    }
}

/// The whole site: pages, API and assets.
pub fn router(state: AppState) -> Router {
    Router::new()
        .merge(pages::routes())
        .merge(api::routes())
        .merge(assets::routes())
        .with_state(state)
}
