//! A user's corrections of labels: a sidecar `X.meta.toml` or a row of the
//! corpus's `metadata.csv` overrides what was detected, ingest says so, the
//! document view shows which fields were set by hand, and changing or
//! removing a correction relabels the file on the next run.

mod common;

use common::{Ingested, get_json};
use finsam::ingest::{self, IngestOptions, IngestReport, Outcome};
use serde_json::Value;
use std::path::Path;

const REPORT: &str = "Slutrapport\n\nInsatsen Bryggan\n\nSamordningsförbundet Gävleborg gav \
                      stöd till unga vuxna under 2021 tillsammans med Arbetsförmedlingen.\n";

fn ingest_into(corpus: &Path, index: &Path) -> IngestReport {
    ingest::run(&IngestOptions::new(corpus, index), |_| {}).expect("ingest runs")
}

/// The only document of the index, as the document API shows it.
async fn only_document(corpus: &Path, index: &Path) -> Value {
    let router = Ingested::open(corpus, index).router();
    let (_, list) = get_json(&router, "/api/documents").await;
    assert_eq!(list["total"], 1, "{list}");
    let id = list["documents"][0]["doc_id"].as_str().unwrap().to_string();
    get_json(&router, &format!("/api/documents/{id}")).await.1
}

fn warnings(report: &IngestReport, path: &str) -> Vec<String> {
    report
        .outcomes
        .iter()
        .filter(|o| o.path == path)
        .flat_map(|o| match &o.outcome {
            Outcome::Indexed { warnings, .. } => warnings.clone(),
            _ => Vec::new(),
        })
        .collect()
}

#[tokio::test]
async fn sidecar_overrides_labels_and_changes_relabel() {
    let corpus = tempfile::tempdir().unwrap();
    let index = tempfile::tempdir().unwrap();
    std::fs::write(corpus.path().join("r.txt"), REPORT).unwrap();
    ingest_into(corpus.path(), index.path());
    let detected = only_document(corpus.path(), index.path()).await;
    assert_eq!(detected["year"], 2021);
    assert_eq!(detected["overridden"], serde_json::json!([]));

    let sidecar = corpus.path().join("r.txt.meta.toml");
    std::fs::write(&sidecar, "year = 2022\nowner = \"Hudiksvalls kommun\"\n").unwrap();
    let report = ingest_into(corpus.path(), index.path());
    assert_eq!((report.indexed, report.removed), (1, 1));
    assert!(
        warnings(&report, "r.txt")
            .iter()
            .any(|w| w.contains("rättade") && w.contains("r.txt.meta.toml")),
        "{:?}",
        report.outcomes
    );
    let corrected = only_document(corpus.path(), index.path()).await;
    assert_eq!(corrected["year"], 2022);
    assert_eq!(corrected["owner"], "Hudiksvalls kommun");
    assert_eq!(corrected["forbund"], detected["forbund"]);
    assert_eq!(
        corrected["overridden"],
        serde_json::json!(["year", "owner"])
    );
    let evidence = corrected["evidence"].as_array().unwrap();
    assert!(evidence.iter().any(|e| e["field"] == "year"
        && e["value"] == "2022"
        && e["text"].as_str().unwrap().contains("r.txt.meta.toml")));

    let again = ingest_into(corpus.path(), index.path());
    assert_eq!((again.indexed, again.unchanged), (0, 1), "nothing changed");

    std::fs::remove_file(&sidecar).unwrap();
    ingest_into(corpus.path(), index.path());
    assert_eq!(
        only_document(corpus.path(), index.path()).await["year"],
        2021
    );
}

#[tokio::test]
async fn csv_manifest_row_applies_and_bad_corrections_are_reported() {
    let corpus = tempfile::tempdir().unwrap();
    let index = tempfile::tempdir().unwrap();
    std::fs::write(corpus.path().join("r.txt"), REPORT).unwrap();
    std::fs::write(
        corpus.path().join("metadata.csv"),
        "path,report_type,partners\nr.txt,utvärdering,Försäkringskassan;Region Gävleborg\n\
         other.txt,,\nbroken.txt,x,y,z\n",
    )
    .unwrap();
    std::fs::write(
        corpus.path().join("s.txt"),
        REPORT.replace("Bryggan", "Stegen"),
    )
    .unwrap();
    std::fs::write(corpus.path().join("s.txt.meta.toml"), "yeer = 2020\n").unwrap();
    let report = ingest_into(corpus.path(), index.path());
    assert_eq!(report.indexed, 2, "{:?}", report.outcomes);
    let csv_problem = report.outcomes.iter().any(|o| {
        o.path == "metadata.csv"
            && matches!(&o.outcome, Outcome::Failed { reason } if reason.contains("rad 4"))
    });
    assert!(csv_problem, "{:?}", report.outcomes);
    assert!(
        warnings(&report, "s.txt")
            .iter()
            .any(|w| w.contains("används inte") && w.contains("yeer")),
        "{:?}",
        report.outcomes
    );
    let router = Ingested::open(corpus.path(), index.path()).router();
    let (_, hits) = get_json(
        &router,
        "/api/search?q=Bryggan&partner=Region%20G%C3%A4vleborg",
    )
    .await;
    assert_eq!(
        hits["total"].as_u64().unwrap(),
        hits["hits"].as_array().unwrap().len() as u64
    );
    let hit = &hits["hits"][0];
    assert_eq!(hit["report_type"], "utvärdering", "{hits}");
    assert_eq!(hit["path"], "r.txt");
}
