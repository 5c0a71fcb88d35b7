//! API errors: the user's fault (4xx, with a Swedish message), a server too
//! busy or a search too slow (503, with a Swedish message and `Retry-After`),
//! or ours (5xx, logged, with a generic message).

use crate::search::SearchError;
use axum::Json;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// Seconds a client is asked to wait before trying a 503 again.
const RETRY_AFTER_SECS: &str = "2";

/// An error answered as `{"error": "…"}`.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// A parameter or the query is invalid.
    #[error("{0}")]
    BadRequest(String),
    /// The document or file does not exist.
    #[error("{0}")]
    NotFound(String),
    /// Every search slot stayed taken while the request waited.
    #[error("Finsamsök har många sökningar just nu. Försök igen om en stund.")]
    Busy,
    /// The search outran its time budget.
    #[error("{0}")]
    TooSlow(String),
    /// Something failed on our side.
    #[error("internt fel: {0}")]
    Internal(String),
}

impl From<SearchError> for ApiError {
    fn from(error: SearchError) -> ApiError {
        match error {
            SearchError::Refused(_) => ApiError::BadRequest(error.to_string()),
            SearchError::BadQuery(ref detail) => {
                tracing::debug!(%detail, "query not parsed");
                ApiError::BadRequest(error.to_string())
            }
            SearchError::TimedOut => ApiError::TooSlow(error.to_string()),
            other => ApiError::Internal(other.to_string()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let message = self.to_string();
        let status = match &self {
            ApiError::BadRequest(_) => StatusCode::BAD_REQUEST,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::Busy | ApiError::TooSlow(_) => StatusCode::SERVICE_UNAVAILABLE,
            ApiError::Internal(detail) => {
                tracing::error!(error = %detail, "request failed");
                let generic = "Något gick fel i servern. Försök igen.";
                return (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    Json(json!({ "error": generic })),
                )
                    .into_response();
            }
        };
        let mut response = (status, Json(json!({ "error": message }))).into_response();
        if status == StatusCode::SERVICE_UNAVAILABLE {
            response.headers_mut().insert(
                header::RETRY_AFTER,
                RETRY_AFTER_SECS.parse().expect("digits"),
            );
        }
        response
    }
}
