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
        let doc = list["documents"].as_array().unwrap().iter().find(|d| {
            d["paths"]
                .as_array()
                .unwrap()
                .iter()
                .any(|p| p == path.as_str())
        });
        // A near-duplicate copy is listed once, as one of its original's paths.
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

#[tokio::test]
async fn search_exports_csv_and_openapi_describes_the_api() {
    let corpus = Ingested::new(&sample_corpus());
    let router = corpus.router();
    let (status, content_type, body) =
        common::get(&router, "/api/search?q=nollplacerade&format=csv&limit=5").await;
    assert_eq!(
        (status.as_u16(), content_type.as_str()),
        (200, "text/csv; charset=utf-8")
    );
    let (headers, rows) = common::csv_rows(&body);
    assert_eq!(&headers[0], "id");
    let column = |name: &str| headers.iter().position(|h| h == name).unwrap();
    let (title, heading, text) = (column("titel"), column("rubrik"), column("text"));
    assert!(column("avsnittstyp") > 0);
    let (partial, link) = (column("saknar_sökord"), column("länk"));
    assert!(!rows.is_empty() && rows.len() <= 5);
    assert!(rows.iter().all(|r| &r[partial] == "nej"), "{rows:?}");
    assert!(
        rows.iter()
            .all(|r| r[link].starts_with("/api/documents/") && r[link].contains("#page=")),
        "{rows:?}"
    );
    assert!(rows.iter().all(|r| {
        [title, heading, text]
            .iter()
            .any(|&c| r[c].to_lowercase().contains("nollplacera"))
    }));
    assert_eq!(get_json(&router, "/api/search?q=x&format=xml").await.0, 400);
    let (status, spec) = get_json(&router, "/api/openapi.json").await;
    assert_eq!(status, 200);
    for path in [
        "/api/search",
        "/api/documents",
        "/api/documents/{doc_id}",
        "/api/documents/{doc_id}/file",
        "/api/overview",
        "/api/projects",
        "/healthz",
    ] {
        assert!(
            spec["paths"][path].is_object(),
            "{path} missing from openapi.json"
        );
    }
    let documented: Vec<&str> = spec["paths"]["/api/search"]["get"]["parameters"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|parameter| parameter["name"].as_str())
        .collect();
    let read = [
        "q",
        "year_from",
        "year_to",
        "limit",
        "offset",
        "explain",
        "format",
        "group",
        "sort",
        "cursor",
        "all",
    ];
    for name in read.into_iter().chain(finsam::index::FACETS) {
        assert!(
            documented.contains(&name),
            "{name} missing from openapi.json"
        );
    }
}

#[tokio::test]
async fn a_number_only_in_a_footer_finds_its_report_and_stays_out_of_its_text() {
    let corpus = Ingested::new(&sample_corpus());
    let router = corpus.router();
    // The invented Halland annual report prints its organisationsnummer in
    // the footer of every page and nowhere else.
    let (_, found) = get_json(&router, "/api/search?q=222000-0001").await;
    let hit = &found["hits"][0];
    assert_eq!(
        hit["path"], "exempel/halland-arsredovisning-2023.pdf",
        "{found}"
    );
    let shown = hit["furniture"].as_str().unwrap_or_default();
    assert!(
        shown.contains("<mark>0001</mark>") || shown.contains("<mark>222000</mark>"),
        "the hit shows the footer that matched: {hit}"
    );
    let (_, plain) = get_json(&router, "/api/search?q=nollplacerade&group=section").await;
    assert!(
        plain["hits"]
            .as_array()
            .unwrap()
            .iter()
            .all(|h| h.get("furniture").is_none()),
        "no furniture on hits whose text shows the words"
    );
    let url = format!("/api/documents/{}", hit["doc_id"].as_str().unwrap());
    let (_, doc) = get_json(&router, &url).await;
    let furniture: Vec<&str> = doc["furniture"]
        .as_array()
        .unwrap()
        .iter()
        .map(|line| line.as_str().unwrap())
        .collect();
    assert!(
        furniture
            .iter()
            .any(|l| l.starts_with("Org.nr 222000-0001")),
        "{furniture:?}"
    );
    assert_eq!(
        furniture.len(),
        furniture
            .iter()
            .collect::<std::collections::HashSet<_>>()
            .len(),
        "each line once: {furniture:?}"
    );
    for section in doc["sections"].as_array().unwrap() {
        let text = section["text"].as_str().unwrap();
        assert!(!text.contains("222000-0001"), "{text}");
    }
}

#[tokio::test]
async fn query_with_no_section_having_all_words_falls_back_to_any_word() {
    let corpus = Ingested::new(&sample_corpus());
    let router = corpus.router();
    let (_, strict) = get_json(&router, "/api/search?q=nollplacerade").await;
    assert_eq!(strict["relaxed"], false);
    let (_, relaxed) = get_json(&router, "/api/search?q=nollplacerade%20qwxzvbn").await;
    assert_eq!(relaxed["relaxed"], true);
    assert!(relaxed["total"].as_u64().unwrap() >= 3);
    let first = relaxed["hits"][0].to_string().to_lowercase();
    assert!(first.contains("nollplacera"), "{first}");
}

#[tokio::test]
async fn year_range_keeps_documents_of_those_years() {
    let corpus = Ingested::new(&sample_corpus());
    let router = corpus.router();
    let (_, all) = get_json(&router, "/api/search?q=&limit=100").await;
    let (status, recent) = get_json(&router, "/api/search?q=&limit=100&year_from=2025").await;
    assert_eq!(status, 200, "{recent}");
    let years = |results: &Value| -> Vec<i64> {
        let hits = results["hits"].as_array().unwrap();
        hits.iter().filter_map(|h| h["year"].as_i64()).collect()
    };
    assert!(!years(&recent).is_empty());
    assert!(
        years(&recent).iter().all(|&y| y >= 2025),
        "{:?}",
        years(&recent)
    );
    assert!(recent["total"].as_u64() < all["total"].as_u64());
    let (_, span) = get_json(
        &router,
        "/api/search?q=&limit=100&year_from=2023&year_to=2023",
    )
    .await;
    assert!(years(&span).iter().all(|&y| y == 2023));
    assert_eq!(years(&span).len(), span["hits"].as_array().unwrap().len());
    for facet in ["section_kind", "owner", "partner"] {
        assert!(all["facets"][facet].is_array(), "{facet} missing");
    }
    let (status, error) = get_json(&router, "/api/search?q=&year_to=tjugo").await;
    assert_eq!(status, 400);
    assert!(error["error"].as_str().unwrap().contains("year_to"));
}
