//! The HTTP server: JSON API and the static web page.
//!
//! Handlers are thin: they parse input ([`params`]), call one
//! [`SearchService`] function on a blocking thread, and shape the answer.
//! Errors become `{"error": "…"}` answers with a fitting status ([`error`]).

mod error;
mod export;
mod handlers;
mod params;

pub use error::ApiError;

use crate::search::SearchService;
use axum::Router;
use axum::routing::get;
use std::path::PathBuf;
use std::sync::Arc;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::services::ServeDir;
use tower_http::trace::TraceLayer;

/// What every handler needs: the search service and where files live.
#[derive(Clone)]
pub struct AppState {
    /// The search service.
    pub search: Arc<SearchService>,
    /// The corpus folder that indexed paths are relative to.
    pub corpus: PathBuf,
}

/// The application's routes; `web` is the folder of static page files.
pub fn router(state: AppState, web: PathBuf) -> Router {
    Router::new()
        .route("/api/search", get(handlers::search))
        .route("/api/documents", get(handlers::documents))
        .route("/api/documents/{doc_id}", get(handlers::document))
        .route("/api/documents/{doc_id}/file", get(handlers::document_file))
        .route("/api/stats", get(handlers::stats))
        .route("/healthz", get(handlers::health))
        .route("/api/openapi.json", get(handlers::openapi))
        .fallback_service(ServeDir::new(web))
        .layer(CatchPanicLayer::new())
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}
