//! One function per route: parse, call the service, shape the answer.

use super::{ApiError, AppState, export, params};
use crate::search::{DocumentDetail, DocumentList, IndexStats, SearchService};
use axum::Json;
use axum::body::Body;
use axum::extract::{Path, Query, State};
use axum::http::header;
use axum::response::{IntoResponse, Response};
use std::sync::Arc;

/// `GET /api/search`: JSON, or CSV with `format=csv`.
pub async fn search(
    State(state): State<AppState>,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Result<Response, ApiError> {
    let csv = params::wants_csv(&pairs)?;
    let request = params::search_request(pairs)?;
    let results = blocking(&state, move |s| s.search(&request)).await?;
    if !csv {
        return Ok(Json(results).into_response());
    }
    let body = export::to_csv(&results).map_err(|e| ApiError::Internal(e.to_string()))?;
    let headers = [
        (header::CONTENT_TYPE, "text/csv; charset=utf-8"),
        (
            header::CONTENT_DISPOSITION,
            "attachment; filename=\"finsamsok.csv\"",
        ),
    ];
    Ok((headers, body).into_response())
}

/// `GET /api/documents`
pub async fn documents(
    State(state): State<AppState>,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Result<Json<DocumentList>, ApiError> {
    let (limit, offset) = params::paging(&pairs)?;
    Ok(Json(
        blocking(&state, move |s| s.documents(limit, offset)).await?,
    ))
}

/// `GET /api/documents/{doc_id}`
pub async fn document(
    State(state): State<AppState>,
    Path(doc_id): Path<String>,
) -> Result<Json<DocumentDetail>, ApiError> {
    Ok(Json(find_document(&state, doc_id).await?))
}

/// `GET /api/documents/{doc_id}/file`: the original file.
pub async fn document_file(
    State(state): State<AppState>,
    Path(doc_id): Path<String>,
) -> Result<Response, ApiError> {
    let detail = find_document(&state, doc_id).await?;
    let path = state.corpus.join(&detail.summary.path);
    let inside_corpus = path
        .canonicalize()
        .ok()
        .zip(state.corpus.canonicalize().ok())
        .is_some_and(|(p, c)| p.starts_with(c));
    let bytes = match tokio::fs::read(&path).await {
        Ok(bytes) if inside_corpus => bytes,
        _ => {
            return Err(ApiError::NotFound(format!(
                "filen {} finns inte längre i korpusen",
                detail.summary.path
            )));
        }
    };
    let mime = mime_guess::from_path(&path).first_or_octet_stream();
    let content_type = if mime.type_() == "text" {
        format!("{mime}; charset=utf-8")
    } else {
        mime.to_string()
    };
    Ok(([(header::CONTENT_TYPE, content_type)], Body::from(bytes)).into_response())
}

/// `GET /api/stats`: documents indexed and the files that wait for OCR.
pub async fn stats(State(state): State<AppState>) -> Result<Json<IndexStats>, ApiError> {
    Ok(Json(blocking(&state, |s| s.stats()).await?))
}

/// `GET /healthz`: 200 while the index answers.
pub async fn health(State(state): State<AppState>) -> Result<&'static str, ApiError> {
    blocking(&state, |s| s.documents(0, 0)).await?;
    Ok("ok")
}

/// `GET /api/openapi.json`: the API description.
pub async fn openapi() -> impl IntoResponse {
    (
        [(header::CONTENT_TYPE, "application/json")],
        include_str!("../../web/openapi.json"),
    )
}

async fn find_document(state: &AppState, doc_id: String) -> Result<DocumentDetail, ApiError> {
    let missing = format!("dokumentet {doc_id} finns inte");
    blocking(state, move |s| s.document(&doc_id))
        .await?
        .ok_or(ApiError::NotFound(missing))
}

/// Runs a search-service call off the async workers (tantivy blocks).
async fn blocking<T, F>(state: &AppState, call: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&SearchService) -> crate::search::Result<T> + Send + 'static,
{
    let service: Arc<SearchService> = state.search.clone();
    let joined = tokio::task::spawn_blocking(move || call(&service)).await;
    joined
        .map_err(|e| ApiError::Internal(e.to_string()))?
        .map_err(ApiError::from)
}
