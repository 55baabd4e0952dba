//! `GET /healthz`: 200 once the site serves and its database answers.

use axum::Router;
use axum::extract::State;
use axum::http::StatusCode;
use axum::routing::get;
use serde_json::json;

use super::AppState;

pub fn routes() -> Router<AppState> {
    Router::new().route("/healthz", get(health))
}

async fn health(State(state): State<AppState>) -> (StatusCode, axum::Json<serde_json::Value>) {
    match state.store.has_dataset("ports").await {
        Ok(loaded) => (
            StatusCode::OK,
            axum::Json(json!({
                "status": "ok",
                "engine": state.store.engine(),
                "ports_loaded": loaded,
                "ports": state.derived().ports.len(),
            })),
        ),
        Err(error) => {
            tracing::error!(error = %error, "health check cannot reach the database");
            (
                StatusCode::SERVICE_UNAVAILABLE,
                axum::Json(json!({"status": "unavailable"})),
            )
        }
    }
}
