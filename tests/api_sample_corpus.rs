//! The sample corpus shipped in corpus/: every invented report gets the
//! förbund and report type its source says (labels.json).

mod common;

use common::{Ingested, get_json, sample_corpus};
use serde_json::Value;

#[tokio::test]
async fn sample_reports_are_labelled_as_their_sources_say() {
    let corpus = Ingested::new(&sample_corpus());
    assert_eq!(corpus.report.failed, 0, "{:?}", corpus.report.outcomes);
    let labels: Vec<Value> = serde_json::from_str(
        &std::fs::read_to_string(sample_corpus().join("exempel/kallor/labels.json")).unwrap(),
    )
    .unwrap();
    assert!(labels.len() >= 10);
    let labeler = finsam::metadata::Labeler::builtin();
    let (_, list) = get_json(&corpus.router(), "/api/documents?limit=100").await;
    for label in &labels {
        let path = format!("exempel/{}", label["file"].as_str().unwrap());
        let doc = list["documents"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["path"] == path.as_str());
        let doc = doc.unwrap_or_else(|| panic!("{path} not indexed"));
        assert_eq!(doc["report_type"], label["report_type"], "{path}");
        let found = doc["forbund"].as_str().unwrap();
        let known = labeler
            .forbund()
            .iter()
            .find(|f| f.name == found)
            .unwrap_or_else(|| panic!("{path}: {found}"));
        let expected = label["forbund"].as_str().unwrap();
        assert!(
            known.name == expected
                || known.aliases.iter().any(|a| a == expected)
                || expected.ends_with(&known.short),
            "{path}: {found} vs {expected}"
        );
    }
}
