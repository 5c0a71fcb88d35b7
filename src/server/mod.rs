//! The HTTP server: JSON API and the static web page.
//!
//! Handlers are thin: they parse input ([`params`]), call one
//! [`SearchService`] function on a blocking thread ([`work`]), and shape the
//! answer. Errors become `{"error": "…"}` answers with a fitting status
//! ([`error`]). The server is meant for a public address: every request runs
//! under [`Limits`] (time budgets, slots, connections, see [`listen`]) and
//! every answer carries security headers ([`headers`]).

mod error;
mod export;
mod handlers;
mod headers;
mod limits;
mod listen;
mod params;
mod work;

pub use error::ApiError;
pub use limits::Limits;
pub use listen::serve;

use crate::search::SearchService;
use axum::Router;
use axum::http::StatusCode;
use axum::routing::get;
use std::path::PathBuf;
use std::sync::Arc;
use tokio::sync::Semaphore;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::compression::CompressionLayer;
use tower_http::services::ServeDir;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

/// What every handler needs: the search service, where files live, and the limits.
#[derive(Clone)]
pub struct AppState {
    /// The search service.
    pub search: Arc<SearchService>,
    /// The corpus folder that indexed paths are relative to.
    pub corpus: PathBuf,
    /// The server's limits.
    pub limits: Limits,
    /// Slots for searches running at once (see [`Limits::searches`]).
    slots: Arc<Semaphore>,
}

impl AppState {
    /// State for `search` over `corpus` under default limits.
    pub fn new(search: Arc<SearchService>, corpus: PathBuf) -> AppState {
        AppState::with_limits(search, corpus, Limits::default())
    }

    /// State for `search` over `corpus` under `limits`.
    pub fn with_limits(search: Arc<SearchService>, corpus: PathBuf, limits: Limits) -> AppState {
        AppState {
            search,
            corpus,
            slots: Arc::new(Semaphore::new(limits.searches.max(1))),
            limits,
        }
    }
}

/// The application's routes; `web` is the folder of static page files.
pub fn router(state: AppState, web: PathBuf) -> Router {
    let request_time = state.limits.request_time;
    let routes = Router::new()
        .route("/api/search", get(handlers::search))
        .route("/api/documents", get(handlers::documents))
        .route("/api/documents/{doc_id}", get(handlers::document))
        .route("/api/documents/{doc_id}/file", get(handlers::document_file))
        .route(
            "/api/documents/{doc_id}/similar",
            get(handlers::document_similar),
        )
        .route("/api/overview", get(handlers::overview))
        .route("/api/projects", get(handlers::projects))
        .route("/api/projects/{project_id}", get(handlers::project))
        .route(
            "/api/projects/{project_id}/similar",
            get(handlers::project_similar),
        )
        .route("/api/stats", get(handlers::stats))
        .route("/healthz", get(handlers::health))
        .route("/api/openapi.json", get(handlers::openapi))
        .fallback_service(ServeDir::new(web))
        .layer(axum::middleware::from_fn(headers::refuse_long_paths))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            request_time,
        ))
        .layer(CompressionLayer::new());
    headers::secured(routes)
        .layer(CatchPanicLayer::new())
        .layer(TraceLayer::new_for_http())
        .with_state(state)
}
