//! API errors: the user's fault (4xx, with a Swedish message) or ours (5xx,
//! logged, with a generic message).

use crate::search::SearchError;
use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// An error answered as `{"error": "…"}`.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// A parameter or the query is invalid.
    #[error("{0}")]
    BadRequest(String),
    /// The document or file does not exist.
    #[error("{0}")]
    NotFound(String),
    /// Something failed on our side.
    #[error("internt fel: {0}")]
    Internal(String),
}

impl From<SearchError> for ApiError {
    fn from(error: SearchError) -> ApiError {
        match error {
            SearchError::BadQuery(_) => ApiError::BadRequest(error.to_string()),
            other => ApiError::Internal(other.to_string()),
        }
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let (status, message) = match &self {
            ApiError::BadRequest(m) => (StatusCode::BAD_REQUEST, m.clone()),
            ApiError::NotFound(m) => (StatusCode::NOT_FOUND, m.clone()),
            ApiError::Internal(detail) => {
                tracing::error!(error = %detail, "request failed");
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "Något gick fel i servern. Försök igen.".to_string(),
                )
            }
        };
        (status, Json(json!({ "error": message }))).into_response()
    }
}
