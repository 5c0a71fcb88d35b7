//! One function per route: parse, call the service, shape the answer.

use super::export::{self, Format};
use super::{ApiError, AppState, params, work};
use crate::search::{
    DocumentDetail, DocumentList, IndexStats, Overview, ProjectDetail, ProjectList, SimilarList,
};
use axum::Json;
use axum::body::Body;
use axum::extract::{Path, Query, Request, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use tower::ServiceExt;
use tower_http::services::ServeFile;

/// `GET /api/search`: JSON; a page of hits as CSV or JSON Lines with
/// `format=csv|jsonl`; every hit, streamed, with `all=true`.
pub async fn search(
    State(state): State<AppState>,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Result<Response, ApiError> {
    let (format, all) = (params::format(&pairs)?, params::all(&pairs)?);
    let request = params::search_request(pairs, &["all"])?;
    let name = export::file_name(&request.q, &today(), format);
    if all {
        if format == Format::Json {
            return Err(ApiError::BadRequest(
                "all=true gäller format=csv eller format=jsonl; bläddra i JSON med cursor".into(),
            ));
        }
        let body = work::stream(&state, move |s, budget, sink| {
            if sink(format.start()) {
                s.each_hit(&request, budget, |hit| sink(format.row(&hit)))?;
            }
            Ok(())
        })
        .await?;
        return Ok(download(format, &name, body));
    }
    let results = work::run(&state, move |s, budget| s.search_within(&request, budget)).await?;
    if format == Format::Json {
        return Ok(Json(results).into_response());
    }
    let mut bytes = format.start();
    results
        .hits
        .iter()
        .for_each(|hit| bytes.extend(format.row(hit)));
    Ok(download(format, &name, Body::from(bytes)))
}

/// An export answer: its type and a file name to save it under.
fn download(format: Format, name: &str, body: Body) -> Response {
    let disposition = format!(
        "attachment; filename=\"{}\"; filename*=UTF-8''{}",
        ascii_name(name),
        percent(name)
    );
    let mut response = body.into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static(format.content_type()),
    );
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    response
}

/// Today's date (UTC), for export file names.
fn today() -> String {
    time::OffsetDateTime::now_utc().date().to_string()
}

/// `text` percent-encoded for a `filename*` parameter (RFC 5987).
fn percent(text: &str) -> String {
    text.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// `GET /api/documents`: filtered like search (facets, years, `project_id`),
/// sorted by path or year.
pub async fn documents(
    State(state): State<AppState>,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Result<Json<DocumentList>, ApiError> {
    let (request, project) = params::document_request(pairs)?;
    Ok(Json(
        work::run(&state, move |s, _| {
            s.documents_where(&request, project.as_deref())
        })
        .await?,
    ))
}

/// `GET /api/documents/{doc_id}`
pub async fn document(
    State(state): State<AppState>,
    Path(doc_id): Path<String>,
) -> Result<Json<DocumentDetail>, ApiError> {
    Ok(Json(find_document(&state, doc_id).await?))
}

/// `GET /api/documents/{doc_id}/similar`: "Liknande projekt" for a report.
pub async fn document_similar(
    State(state): State<AppState>,
    Path(doc_id): Path<String>,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Result<Json<SimilarList>, ApiError> {
    let (limit, _) = params::paging(&pairs)?;
    let missing = format!("dokumentet {doc_id} finns inte");
    let found = work::run(&state, move |s, _| s.similar_to_document(&doc_id, limit)).await?;
    Ok(Json(found.ok_or(ApiError::NotFound(missing))?))
}

/// `GET /api/overview`: where, when and in which reports a search's subject
/// was worked on, and what worked (counts in reports).
pub async fn overview(
    State(state): State<AppState>,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Result<Json<Overview>, ApiError> {
    let request = params::search_request(pairs, &[])?;
    Ok(Json(
        work::run(&state, move |s, budget| s.overview(&request, budget)).await?,
    ))
}

/// `GET /api/projects`: projects whose reports match, filterable like search.
pub async fn projects(
    State(state): State<AppState>,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Result<Json<ProjectList>, ApiError> {
    let request = params::project_request(pairs)?;
    Ok(Json(
        work::run(&state, move |s, budget| s.projects(&request, budget)).await?,
    ))
}

/// `GET /api/projects/{project_id}`: a project and its reports in time order.
pub async fn project(
    State(state): State<AppState>,
    Path(project_id): Path<String>,
) -> Result<Json<ProjectDetail>, ApiError> {
    let missing = format!("projektet {project_id} finns inte");
    let found = work::run(&state, move |s, _| s.project(&project_id)).await?;
    Ok(Json(found.ok_or(ApiError::NotFound(missing))?))
}

/// `GET /api/projects/{project_id}/similar`: "Liknande projekt" for a project.
pub async fn project_similar(
    State(state): State<AppState>,
    Path(project_id): Path<String>,
    Query(pairs): Query<Vec<(String, String)>>,
) -> Result<Json<SimilarList>, ApiError> {
    let (limit, _) = params::paging(&pairs)?;
    let missing = format!("projektet {project_id} finns inte");
    let found = work::run(&state, move |s, _| s.similar_to_project(&project_id, limit)).await?;
    Ok(Json(found.ok_or(ApiError::NotFound(missing))?))
}

/// `GET /api/documents/{doc_id}/file`: the original file, streamed (with
/// range requests, for PDF viewers).
pub async fn document_file(
    State(state): State<AppState>,
    Path(doc_id): Path<String>,
    request: Request,
) -> Result<Response, ApiError> {
    let detail = find_document(&state, doc_id).await?;
    let path = state.corpus.join(&detail.summary.path);
    let inside_corpus = path
        .canonicalize()
        .ok()
        .zip(state.corpus.canonicalize().ok())
        .is_some_and(|(p, c)| p.starts_with(c));
    let served = match inside_corpus {
        true => ServeFile::new(&path).oneshot(request).await.ok(),
        false => None,
    };
    match served {
        Some(response) if response.status().is_success() => {
            Ok(as_download(&detail.summary.path, response.map(Body::new)))
        }
        _ => Err(ApiError::NotFound(format!(
            "filen {} finns inte längre i korpusen",
            detail.summary.path
        ))),
    }
}

/// `GET /api/stats`: documents indexed and the files that wait for OCR.
pub async fn stats(State(state): State<AppState>) -> Result<Json<IndexStats>, ApiError> {
    Ok(Json(work::run(&state, |s, _| s.stats()).await?))
}

/// A corpus file's answer made safe: a PDF inline (to open at a page), text
/// as plain text, anything else as a download; never HTML or script.
fn as_download(path: &str, mut response: Response) -> Response {
    let name = std::path::Path::new(path)
        .file_name()
        .map_or("dokument".into(), |n| {
            n.to_string_lossy().replace(['"', '\\'], "_")
        });
    let extension = std::path::Path::new(path)
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase());
    let (content_type, disposition) = match extension.as_deref() {
        Some("pdf") => ("application/pdf", "inline"),
        Some("txt" | "md") => ("text/plain; charset=utf-8", "attachment"),
        _ => ("application/octet-stream", "attachment"),
    };
    let disposition = format!("{disposition}; filename=\"{}\"", ascii_name(&name));
    let headers = response.headers_mut();
    for (name, value) in [
        (header::CONTENT_TYPE, content_type.to_string()),
        (header::CONTENT_DISPOSITION, disposition),
        (header::CONTENT_SECURITY_POLICY, FILE_POLICY.to_string()),
    ] {
        if let Ok(value) = HeaderValue::from_str(&value) {
            headers.insert(name, value);
        }
    }
    response
}

/// A served file may run nothing and be framed only by the page itself.
const FILE_POLICY: &str = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'self'";

/// `name` with non-ASCII letters replaced, for a `filename="…"` parameter.
fn ascii_name(name: &str) -> String {
    name.chars()
        .map(|c| {
            if c.is_ascii_graphic() || c == ' ' {
                c
            } else {
                '_'
            }
        })
        .collect()
}

/// `GET /healthz`: 200 while the index answers. It takes no search slot, so
/// a busy server is not reported dead: counting sections reads only the
/// index's metadata.
pub async fn health(State(state): State<AppState>) -> Result<&'static str, ApiError> {
    state.search.sections();
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
    work::run(state, move |s, _| s.document(&doc_id))
        .await?
        .ok_or(ApiError::NotFound(missing))
}
