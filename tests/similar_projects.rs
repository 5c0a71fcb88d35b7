//! "Liknande projekt" through the router: `/api/documents/{id}/similar` and
//! `/api/projects/{id}/similar` over the sample corpus and, when present, the
//! shared reports — never the document's own project or its copies, always
//! a Swedish reason, 404 for an unknown id, and the judged set's dev half
//! answered at least as well as when it was measured (BENCHMARKS.md).

mod common;
#[path = "similar/eval.rs"]
mod eval;

use axum::Router;
use axum::http::StatusCode;
use common::{Ingested, get_json};
use eval::{Corpus, Half};
use finsam::corpus::{Knowledge, Unit};
use serde_json::Value;
use std::sync::OnceLock;
use tempfile::TempDir;

/// Dev precision@5 measured by `cargo bench --bench similar` was 0.589; a
/// broken mechanism falls far below this.
const DEV_PRECISION_5_FLOOR: f64 = 0.56;

/// The sample (and shared) corpus ingested once, its router and knowledge.
struct Fixture {
    _corpus: TempDir,
    ingested: Ingested,
    shared: bool,
    knowledge: Knowledge,
}

fn fixture() -> &'static Fixture {
    static FIXTURE: OnceLock<Fixture> = OnceLock::new();
    FIXTURE.get_or_init(|| {
        let corpus = tempfile::tempdir().expect("temp dir");
        let shared = eval::gather_corpus(corpus.path());
        let ingested = Ingested::new(corpus.path());
        let knowledge =
            finsam::index::knowledge::load(ingested.index.path()).expect("ingest stores knowledge");
        Fixture {
            _corpus: corpus,
            ingested,
            shared,
            knowledge,
        }
    })
}

/// The suggestions of `uri`, each as a JSON object.
async fn similar(router: &Router, uri: &str) -> Vec<Value> {
    let (status, body) = get_json(router, uri).await;
    assert_eq!(status, StatusCode::OK, "{uri}");
    body["similar"].as_array().expect("a list").clone()
}

#[tokio::test]
async fn a_document_is_never_offered_its_own_project_or_copies() {
    let f = fixture();
    let router = f.ingested.router();
    for (doc_id, facts) in &f.knowledge.documents {
        let original = &f.knowledge.documents[&facts.original];
        let own_project = original.project_id.as_deref();
        let mut own_documents = vec![doc_id.as_str(), facts.original.as_str()];
        own_documents.extend(original.copies.iter().map(String::as_str));
        let uri = format!("/api/documents/{doc_id}/similar?limit=100");
        for suggestion in similar(&router, &uri).await {
            let project = suggestion["project_id"].as_str();
            let document = suggestion["doc_id"].as_str();
            assert!(
                project.is_none() || project != own_project,
                "{uri} offers its own project"
            );
            assert!(
                document.is_none_or(|d| !own_documents.contains(&d)),
                "{uri} offers the document or a copy of it: {suggestion}"
            );
            if let Some(project) = project {
                let members = &f.knowledge.projects[project].documents;
                assert!(
                    !members.iter().any(|m| own_documents.contains(&m.as_str())),
                    "{uri} offers a project holding the document"
                );
            }
        }
    }
}

#[tokio::test]
async fn a_project_is_never_offered_itself() {
    let f = fixture();
    let router = f.ingested.router();
    assert!(f.knowledge.projects.len() >= 6, "the sample has projects");
    for project_id in f.knowledge.projects.keys() {
        let uri = format!("/api/projects/{project_id}/similar");
        let found = similar(&router, &uri).await;
        assert!(!found.is_empty(), "{uri} suggests something");
        assert!(
            found
                .iter()
                .all(|s| s["project_id"].as_str() != Some(project_id)),
            "{uri} offers itself"
        );
    }
}

#[tokio::test]
async fn every_suggestion_says_why_in_swedish() {
    let f = fixture();
    let router = f.ingested.router();
    let mut reasons = 0;
    for project_id in f.knowledge.projects.keys() {
        let uri = format!("/api/projects/{project_id}/similar?limit=100");
        for suggestion in similar(&router, &uri).await {
            let reason = suggestion["reason"].as_str().expect("a reason");
            assert!(
                reason.starts_with("samma målgrupp: ")
                    || reason.starts_with("båda arbetar med ")
                    || reason == "liknande innehåll i syfte, metod och resultat",
                "{uri}: {reason}"
            );
            assert!(suggestion["title"].as_str().is_some_and(|t| !t.is_empty()));
            reasons += 1;
        }
    }
    assert!(reasons > 0);
}

#[tokio::test]
async fn an_unknown_id_is_not_found() {
    let router = fixture().ingested.router();
    for uri in [
        "/api/documents/finns-inte/similar",
        "/api/projects/finns-inte/similar",
    ] {
        let (status, body) = get_json(&router, uri).await;
        assert_eq!(status, StatusCode::NOT_FOUND, "{uri}");
        assert!(
            body["error"]
                .as_str()
                .is_some_and(|e| e.contains("finns inte"))
        );
    }
}

#[tokio::test]
async fn the_judged_dev_half_is_answered_as_measured() {
    let f = fixture();
    if !f.shared {
        eprintln!("NOTICE: ../shared/corpus is absent; skipping the precision floor");
        return;
    }
    let router = f.ingested.router();
    let judged = eval::load();
    let corpus = Corpus::new(&f.knowledge);
    let askable = corpus.askable(&judged);
    let mut answers = Vec::new();
    for j in askable.iter().filter(|j| j.half == Half::Dev) {
        let doc_id = corpus.doc_id(&j.name).expect("askable");
        let uri = format!("/api/documents/{doc_id}/similar?limit=10");
        let units: Vec<Unit> = similar(&router, &uri)
            .await
            .iter()
            .map(|s| match (s["project_id"].as_str(), s["doc_id"].as_str()) {
                (Some(project), _) => Unit::Project(project.to_string()),
                (None, Some(document)) => Unit::Document(document.to_string()),
                (None, None) => panic!("{uri}: a suggestion names nothing"),
            })
            .collect();
        answers.push((doc_id.to_string(), units));
    }
    let summary = eval::evaluate(&corpus, &askable, Half::Dev, &mut |doc_id| {
        let (_, units) = answers.iter().find(|(d, _)| d == doc_id).expect("asked");
        units.clone()
    });
    assert_eq!(summary.queries, 18, "the dev half of split.tsv");
    assert!(
        summary.mean.precision_5 >= DEV_PRECISION_5_FLOOR,
        "dev precision@5 {:.3} < {DEV_PRECISION_5_FLOOR}",
        summary.mean.precision_5
    );
}
