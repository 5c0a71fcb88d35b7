//! Fixture helpers shared by the integration tests.
#![allow(dead_code)] // each test binary uses a different subset

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode};
use finsam::analysis::Profile;
use finsam::ingest::{self, IngestOptions, IngestReport};
use finsam::search::SearchService;
use finsam::server::{self, AppState};
use http_body_util::BodyExt;
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use tempfile::TempDir;
use tower::ServiceExt;

/// The five real reports beside the checkout, or `None` with a printed notice.
pub fn shared_pdfs() -> Option<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus/pdf");
    if dir.is_dir() {
        Some(dir)
    } else {
        eprintln!("NOTICE: ../shared/corpus is absent; skipping this test");
        None
    }
}

/// The project's own sample corpus.
pub fn sample_corpus() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus")
}

/// A corpus ingested into a temporary index that lives as long as the value.
pub struct Ingested {
    /// The temporary index folder.
    pub index: TempDir,
    /// The corpus it was built from.
    pub corpus: PathBuf,
    /// What ingest reported.
    pub report: IngestReport,
}

impl Ingested {
    /// Ingests `corpus` into a fresh temporary index.
    pub fn new(corpus: &Path) -> Ingested {
        let index = tempfile::tempdir().expect("temp dir");
        let options = IngestOptions {
            corpus: corpus.to_path_buf(),
            index: index.path().to_path_buf(),
            rebuild: false,
            profile: Profile::Full,
        };
        let report = ingest::run(&options, |_| {}).expect("ingest runs");
        Ingested {
            index,
            corpus: corpus.to_path_buf(),
            report,
        }
    }

    /// The application router over this index.
    pub fn router(&self) -> Router {
        let search = SearchService::open(self.index.path()).expect("index opens");
        let state = AppState {
            search: Arc::new(search),
            corpus: self.corpus.clone(),
        };
        server::router(state, Path::new(env!("CARGO_MANIFEST_DIR")).join("web"))
    }
}

/// GETs `uri` and returns the status, content type and body bytes.
pub async fn get(router: &Router, uri: &str) -> (StatusCode, String, Vec<u8>) {
    let request = Request::builder()
        .uri(uri)
        .body(Body::empty())
        .expect("request");
    let response = router.clone().oneshot(request).await.expect("response");
    let status = response.status();
    let content_type = response
        .headers()
        .get("content-type")
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
        .to_string();
    let body = response
        .into_body()
        .collect()
        .await
        .expect("body")
        .to_bytes()
        .to_vec();
    (status, content_type, body)
}

/// GETs `uri` and parses the JSON answer.
pub async fn get_json(router: &Router, uri: &str) -> (StatusCode, Value) {
    let (status, _, body) = get(router, uri).await;
    let value = serde_json::from_slice(&body).unwrap_or(Value::Null);
    (status, value)
}

/// Percent-encodes a query-string value.
pub fn enc(value: &str) -> String {
    let mut out = String::new();
    for byte in value.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(byte as char)
            }
            _ => out.push_str(&format!("%{byte:02X}")),
        }
    }
    out
}
