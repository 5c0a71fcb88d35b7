//! Revalidation for API answers: an `ETag` made of the index's version and
//! the request's URI, so a client that asks again with `If-None-Match`
//! gets `304 Not Modified` without the search being run, until an ingest
//! changes the index.

use super::AppState;
use axum::extract::{Request, State};
use axum::http::{HeaderValue, Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::hash::{Hash, Hasher};

/// Tags GET answers of the API with a weak ETag (`Cache-Control: no-cache`:
/// reuse only after asking) and answers 304 to a matching `If-None-Match`.
pub async fn revalidate(State(state): State<AppState>, request: Request, next: Next) -> Response {
    if !cacheable(&request) {
        return next.run(request).await;
    }
    let tag = etag(state.search.version(), &request);
    let matched = request
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|wanted| matches(wanted, &tag));
    let mut response = match matched {
        true => StatusCode::NOT_MODIFIED.into_response(),
        false => next.run(request).await,
    };
    if matched || response.status() == StatusCode::OK {
        let headers = response.headers_mut();
        if let Ok(value) = HeaderValue::from_str(&tag) {
            headers.insert(header::ETAG, value);
        }
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
    }
    response
}

/// API reads whose answer depends only on the index and the URI (not the
/// original files, which the file service tags itself).
fn cacheable(request: &Request) -> bool {
    let path = request.uri().path();
    request.method() == Method::GET
        && path.starts_with("/api/")
        && !path.ends_with("/file")
        && path != "/api/openapi.json"
}

/// The weak ETag of `request` under index `version`.
fn etag(version: u64, request: &Request) -> String {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    version.hash(&mut hasher);
    request.uri().to_string().hash(&mut hasher);
    format!("W/\"{:016x}\"", hasher.finish())
}

/// True when an `If-None-Match` value (a list, or `*`) names `tag`
/// (weak comparison: a `W/` prefix is ignored on both sides).
fn matches(wanted: &str, tag: &str) -> bool {
    let bare = |t: &str| t.trim().trim_start_matches("W/").to_string();
    wanted.trim() == "*" || wanted.split(',').any(|t| bare(t) == bare(tag))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn if_none_match_is_compared_weakly_in_lists() {
        let tag = "W/\"00ff\"";
        assert!(matches("W/\"00ff\"", tag));
        assert!(matches("\"00ff\"", tag));
        assert!(matches("\"aa\", W/\"00ff\"", tag));
        assert!(matches("*", tag));
        assert!(!matches("W/\"00fe\"", tag));
    }
}
