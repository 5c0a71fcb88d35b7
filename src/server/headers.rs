//! Security headers on every answer, and paths too long to be a file.

use axum::Router;
use axum::extract::Request;
use axum::http::{HeaderName, HeaderValue, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use tower_http::set_header::SetResponseHeaderLayer;

/// The page's own scripts, styles and images only; no inline script, no
/// plugins, no framing by other sites.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; script-src 'self'; \
     style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; \
     form-action 'self'; frame-ancestors 'self'";

/// Longest path served, in bytes, and longest path segment (a file name).
const MAX_PATH_BYTES: usize = 2_048;
const MAX_SEGMENT_BYTES: usize = 255;

/// `router` with the security headers on every answer: a
/// Content-Security-Policy (unless a handler set its own), `nosniff`,
/// `Referrer-Policy` and `X-Frame-Options`.
pub fn secured<S: Clone + Send + Sync + 'static>(router: Router<S>) -> Router<S> {
    let value = HeaderValue::from_static;
    router
        .layer(SetResponseHeaderLayer::if_not_present(
            header::CONTENT_SECURITY_POLICY,
            value(CONTENT_SECURITY_POLICY),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::X_CONTENT_TYPE_OPTIONS,
            value("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            header::REFERRER_POLICY,
            value("same-origin"),
        ))
        .layer(SetResponseHeaderLayer::overriding(
            HeaderName::from_static("x-frame-options"),
            value("SAMEORIGIN"),
        ))
}

/// Answers 404 for a path no file can have (too long, or a segment longer
/// than a file name may be) instead of asking the file system.
pub async fn refuse_long_paths(request: Request, next: Next) -> Response {
    let path = request.uri().path();
    let too_long =
        path.len() > MAX_PATH_BYTES || path.split('/').any(|s| s.len() > MAX_SEGMENT_BYTES);
    if too_long {
        return (StatusCode::NOT_FOUND, "Sidan finns inte.").into_response();
    }
    next.run(request).await
}
