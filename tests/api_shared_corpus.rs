//! The HTTP API over the five real reports in ../shared/corpus/pdf.

mod common;

use common::{Ingested, enc, get, get_json, shared_pdfs};
use serde_json::Value;
use std::sync::OnceLock;

fn shared() -> Option<&'static Ingested> {
    static INGESTED: OnceLock<Option<Ingested>> = OnceLock::new();
    INGESTED
        .get_or_init(|| shared_pdfs().map(|dir| Ingested::new(&dir)))
        .as_ref()
}

fn paths(hits: &Value) -> Vec<&str> {
    hits.as_array()
        .unwrap()
        .iter()
        .map(|h| h["path"].as_str().unwrap())
        .collect()
}

fn facet_sum(results: &Value, facet: &str) -> u64 {
    results["facets"][facet]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["count"].as_u64().unwrap())
        .sum()
}

#[tokio::test]
async fn every_shared_report_is_indexed() {
    let Some(corpus) = shared() else { return };
    assert_eq!((corpus.report.indexed, corpus.report.failed), (5, 0));
    assert!(
        corpus.report.sections >= 25,
        "only {} sections",
        corpus.report.sections
    );
}

#[tokio::test]
async fn nollplacerade_ranks_the_burlov_staffanstorp_report_first() {
    let Some(corpus) = shared() else { return };
    let (status, results) = get_json(&corpus.router(), "/api/search?q=nollplacerade&limit=5").await;
    assert_eq!(status, 200);
    let top = paths(&results["hits"]);
    assert!(top.len() >= 3);
    assert!(
        top[..3].iter().all(|p| *p == "001.pdf"),
        "top hits: {top:?}"
    );
    assert_eq!(
        results["hits"][0]["forbund"],
        "Samordningsförbundet Burlöv-Staffanstorp"
    );
    assert!(
        results["hits"][0]["snippet"]
            .as_str()
            .unwrap()
            .to_lowercase()
            .contains("<mark>nollplacera")
    );
}

#[tokio::test]
async fn each_shared_report_has_its_forbund_and_report_type() {
    let Some(corpus) = shared() else { return };
    let expected = [
        (
            "000.pdf",
            "Samordningsförbundet Gävleborg",
            "kvartalsrapport",
        ),
        (
            "001.pdf",
            "Samordningsförbundet Burlöv-Staffanstorp",
            "delrapport",
        ),
        (
            "002.pdf",
            "Samordningsförbundet Södra Vätterbygden",
            "ansökan",
        ),
        (
            "003.pdf",
            "Samordningsförbundet i Uppsala län",
            "slutrapport",
        ),
        ("004.pdf", "Samordningsförbundet Västerås", "delrapport"),
    ];
    let (_, list) = get_json(&corpus.router(), "/api/documents?limit=100").await;
    assert_eq!(list["total"], 5);
    for (path, forbund, report_type) in expected {
        let doc = list["documents"]
            .as_array()
            .unwrap()
            .iter()
            .find(|d| d["path"] == path)
            .unwrap();
        assert_eq!(
            (
                doc["forbund"].as_str().unwrap(),
                doc["report_type"].as_str().unwrap()
            ),
            (forbund, report_type),
            "{path}"
        );
    }
}

#[tokio::test]
async fn single_valued_facet_counts_add_up_to_total() {
    let Some(corpus) = shared() else { return };
    let (_, results) = get_json(&corpus.router(), "/api/search?q=samverkan").await;
    let total = results["total"].as_u64().unwrap();
    assert!(total > 5);
    assert_eq!(facet_sum(&results, "forbund"), total);
    assert_eq!(facet_sum(&results, "section_kind"), total);
    // A section of a bundled part (004's projektansökan) also has its part's type.
    assert!(facet_sum(&results, "report_type") >= total);
}

#[tokio::test]
async fn facet_filters_narrow_and_combine() {
    let Some(corpus) = shared() else { return };
    let router = corpus.router();
    let (_, all) = get_json(&router, "/api/search?q=samverkan&limit=100").await;
    let (_, one) = get_json(
        &router,
        "/api/search?q=samverkan&report_type=delrapport&limit=100",
    )
    .await;
    let forbund = enc("Samordningsförbundet Västerås");
    let (_, two) = get_json(
        &router,
        &format!("/api/search?q=samverkan&report_type=delrapport&forbund={forbund}&limit=100"),
    )
    .await;
    let (all, one_total, two_total) = (
        all["total"].as_u64().unwrap(),
        one["total"].as_u64().unwrap(),
        two["total"].as_u64().unwrap(),
    );
    assert!(
        all > one_total && one_total > two_total && two_total > 0,
        "{all} > {one_total} > {two_total}"
    );
    assert!(
        two["hits"]
            .as_array()
            .unwrap()
            .iter()
            .all(|h| h["path"] == "004.pdf")
    );
    // Drill-down: a facet's own filter does not shrink its own list.
    assert!(one["facets"]["report_type"].as_array().unwrap().len() >= 2);
    assert!(one["facets"]["forbund"].as_array().unwrap().len() >= 2);
    assert_eq!(
        two["facets"]["forbund"].as_array().unwrap().len(),
        one["facets"]["forbund"].as_array().unwrap().len()
    );
}

#[tokio::test]
async fn repeated_facet_values_are_ored() {
    let Some(corpus) = shared() else { return };
    let router = corpus.router();
    let a = enc("Samordningsförbundet Gävleborg");
    let b = enc("Samordningsförbundet Västerås");
    let total = |v: Value| v["total"].as_u64().unwrap();
    let (_, only_a) = get_json(&router, &format!("/api/search?q=&forbund={a}&limit=0")).await;
    let (_, only_b) = get_json(&router, &format!("/api/search?q=&forbund={b}&limit=0")).await;
    let (_, both) = get_json(
        &router,
        &format!("/api/search?q=&forbund={a}&forbund={b}&limit=0"),
    )
    .await;
    assert_eq!(total(both), total(only_a) + total(only_b));
}

#[tokio::test]
async fn unknown_facet_value_matches_nothing() {
    let Some(corpus) = shared() else { return };
    let (status, results) = get_json(&corpus.router(), "/api/search?q=samverkan&forbund=Nej").await;
    assert_eq!((status.as_u16(), results["total"].as_u64()), (200, Some(0)));
}

#[tokio::test]
async fn phrase_query_matches_only_the_phrase() {
    let Some(corpus) = shared() else { return };
    let router = corpus.router();
    let (_, words) = get_json(
        &router,
        "/api/search?q=f%C3%B6rs%C3%A4kringskassan%20arbetsf%C3%B6rmedlingen&limit=100",
    )
    .await;
    let (_, phrase) = get_json(
        &router,
        "/api/search?q=%22f%C3%B6rs%C3%A4kringskassan%20arbetsf%C3%B6rmedlingen%22&limit=100",
    )
    .await;
    let phrase_total = phrase["total"].as_u64().unwrap();
    assert!(phrase_total > 0 && phrase_total < words["total"].as_u64().unwrap());
    // Any inflection: "Försäkringskassa, Arbetsförmedling" is the same phrase.
    let adjacent = regex::Regex::new(r"(?i)försäkringskass\w*\W+arbetsförmedling").unwrap();
    for hit in phrase["hits"].as_array().unwrap() {
        let text = format!("{} {} {}", hit["title"], hit["heading"], hit["text"]);
        assert!(
            adjacent.is_match(&text),
            "phrase hit without the phrase: {}",
            hit["id"]
        );
    }
}

#[tokio::test]
async fn offset_reaches_later_hits() {
    let Some(corpus) = shared() else { return };
    let router = corpus.router();
    let (_, first) = get_json(&router, "/api/search?q=samverkan&limit=10").await;
    let (_, later) = get_json(&router, "/api/search?q=samverkan&limit=5&offset=5").await;
    let ids = |v: &Value| {
        v["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["id"].to_string())
            .collect::<Vec<_>>()
    };
    assert_eq!(ids(&later), ids(&first)[5..10]);
}

#[tokio::test]
async fn bad_parameters_give_400_with_a_message() {
    let Some(corpus) = shared() else { return };
    let router = corpus.router();
    for uri in [
        "/api/search?q=x&limit=-1",
        "/api/search?q=x&limit=99999",
        "/api/search?q=x&offset=abc",
        "/api/search?q=((((((((((x",
        "/api/documents?limit=x",
    ] {
        let (status, body) = get_json(&router, uri).await;
        assert_eq!(status, 400, "{uri}");
        assert!(
            body["error"].as_str().is_some_and(|m| !m.is_empty()),
            "{uri}: {body}"
        );
    }
}

#[tokio::test]
async fn document_view_lists_ordered_sections_and_serves_the_pdf() {
    let Some(corpus) = shared() else { return };
    let router = corpus.router();
    let (_, hits) = get_json(&router, "/api/search?q=nollplacerade&limit=1").await;
    let doc_id = hits["hits"][0]["doc_id"].as_str().unwrap().to_string();
    let (status, doc) = get_json(&router, &format!("/api/documents/{doc_id}")).await;
    assert_eq!(status, 200);
    let sections = doc["sections"].as_array().unwrap();
    assert!(sections.len() > 3);
    let starts: Vec<u64> = sections
        .iter()
        .map(|s| s["page_start"].as_u64().unwrap())
        .collect();
    assert!(
        starts.windows(2).all(|w| w[0] <= w[1]),
        "sections out of page order: {starts:?}"
    );
    assert_eq!(doc["pages"], 8);
    let (status, content_type, body) = get(&router, &format!("/api/documents/{doc_id}/file")).await;
    assert_eq!(
        (status.as_u16(), content_type.as_str()),
        (200, "application/pdf")
    );
    assert!(body.starts_with(b"%PDF"));
    let (status, _) = get_json(&router, "/api/documents/0000000000000000").await;
    assert_eq!(status, 404);
}

#[tokio::test]
async fn health_and_page_are_served() {
    let Some(corpus) = shared() else { return };
    let router = corpus.router();
    assert_eq!(get(&router, "/healthz").await.0, 200);
    let (status, content_type, body) = get(&router, "/").await;
    assert_eq!(status, 200);
    assert!(content_type.starts_with("text/html"));
    assert!(String::from_utf8_lossy(&body).contains("lang=\"sv\""));
}
