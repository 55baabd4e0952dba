//! Files embedded in the binary: styles, scripts, the map library and its world map.

use axum::Router;

use super::AppState;

pub fn routes() -> Router<AppState> {
    Router::new()
}
