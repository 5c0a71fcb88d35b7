//! Fixture helpers shared by the integration tests.
#![allow(dead_code)] // each test binary uses a different subset

use axum::Router;
use axum::body::Body;
use axum::http::{Request, Response, StatusCode};
use finsam::ingest::{self, IngestOptions, IngestReport};
use finsam::search::SearchService;
use finsam::server::{self, AppState, Limits};
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
        let options = IngestOptions::new(corpus, index.path());
        let report = ingest::run(&options, |_| {}).expect("ingest runs");
        Ingested {
            index,
            corpus: corpus.to_path_buf(),
            report,
        }
    }

    /// Writes `texts` (file name, text) into a fresh folder and ingests it;
    /// the folder lives as long as the returned value.
    pub fn texts<N: AsRef<str>, T: AsRef<str>>(texts: &[(N, T)]) -> (TempDir, Ingested) {
        let dir = tempfile::tempdir().expect("temp dir");
        for (name, text) in texts {
            std::fs::write(dir.path().join(name.as_ref()), text.as_ref()).expect("write text");
        }
        let ingested = Ingested::new(dir.path());
        (dir, ingested)
    }

    /// Views an index that lives elsewhere (a copy is not made).
    pub fn open(corpus: &Path, index: &Path) -> Ingested {
        let copy = tempfile::tempdir().expect("temp dir");
        for entry in std::fs::read_dir(index).expect("index folder") {
            let entry = entry.expect("entry");
            if entry.path().is_file() {
                std::fs::copy(entry.path(), copy.path().join(entry.file_name())).expect("copy");
            }
        }
        Ingested {
            index: copy,
            corpus: corpus.to_path_buf(),
            report: IngestReport::default(),
        }
    }

    /// The application router over this index.
    pub fn router(&self) -> Router {
        self.router_with(Limits::default())
    }

    /// The application router over this index, under `limits`.
    pub fn router_with(&self, limits: Limits) -> Router {
        let search = SearchService::open(self.index.path()).expect("index opens");
        let state = AppState::with_limits(Arc::new(search), self.corpus.clone(), limits);
        server::router(state, web())
    }
}

/// The page's static files.
pub fn web() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("web")
}

/// GETs `uri` and returns the whole response.
pub async fn response(router: &Router, uri: &str) -> Response<Body> {
    let request = Request::builder()
        .uri(uri)
        .body(Body::empty())
        .expect("request");
    router.clone().oneshot(request).await.expect("response")
}

/// GETs `uri` and returns the status, content type and body bytes.
pub async fn get(router: &Router, uri: &str) -> (StatusCode, String, Vec<u8>) {
    let response = response(router, uri).await;
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

/// Runs the `finsam` binary with `args`.
pub fn finsam<S: AsRef<std::ffi::OsStr>>(args: &[S]) -> std::process::Output {
    std::process::Command::new(env!("CARGO_BIN_EXE_finsam"))
        .args(args)
        .output()
        .expect("binary runs")
}

/// The arguments of `finsam ingest` from `corpus` into `index`.
pub fn ingest_args(corpus: &Path, index: &Path) -> Vec<String> {
    let path = |p: &Path| p.to_string_lossy().into_owned();
    vec![
        "ingest".into(),
        "--corpus".into(),
        path(corpus),
        "--index".into(),
        path(index),
    ]
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

/// Reads an export in Finsamsök's CSV (byte-order mark, `;` between cells):
/// its header row and records.
pub fn csv_rows(body: &[u8]) -> (csv::StringRecord, Vec<csv::StringRecord>) {
    let body = body
        .strip_prefix("\u{feff}".as_bytes())
        .expect("CSV starts with a byte-order mark for Excel");
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(body);
    let headers = reader.headers().expect("a header row").clone();
    let rows = reader.records().map(|r| r.expect("a record")).collect();
    (headers, rows)
}
