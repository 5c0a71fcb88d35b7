//! Everything for researchers: every hit exported (CSV that Swedish Excel
//! opens, JSON Lines), a cursor that pages through every hit, misspelt
//! parameters refused, and the overview's counts.

mod common;

use common::{Ingested, get, get_json};
use serde_json::Value;
use std::collections::HashSet;

/// `n` small reports, each with three sections about samverkan, from two förbund.
fn reports(n: usize) -> Vec<(String, String)> {
    (0..n)
        .map(|i| {
            let forbund = if i % 2 == 0 { "Gävleborg" } else { "Halland" };
            let year = 2015 + i % 10;
            let text = format!(
                "# Slutrapport Insats{i}\n\nSamordningsförbundet {forbund}, {year}.\n\n\
                 ## Bakgrund\n\nInsats{i} byggde samverkan mellan kommunen och Arbetsförmedlingen för deltagare nummer {i}.\n\n\
                 ## Resultat\n\nSamverkan gav {i} deltagare arbete eller studier under insatsens andra år.\n\n\
                 ## Framgångsfaktorer\n\nTät samverkan i team och gemensam uppföljning av varje deltagare i insats {i}.\n"
            );
            (format!("slutrapport-insats{i}-{year}.md"), text)
        })
        .collect()
}

fn ingested(n: usize) -> (tempfile::TempDir, Ingested) {
    Ingested::texts(&reports(n))
}

#[tokio::test]
async fn all_hits_export_as_csv_and_json_lines() {
    let (_dir, corpus) = ingested(40);
    let router = corpus.router();
    let (_, page) = get_json(&router, "/api/search?q=samverkan&group=section&limit=1").await;
    let total = page["total"].as_u64().expect("total") as usize;
    assert!(total > 20, "more hits than one page: {total}");

    let response = common::response(
        &router,
        "/api/search?q=samverkan&group=section&format=csv&all=true",
    )
    .await;
    let disposition = response.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .to_string();
    assert!(
        disposition.contains("finsamsok-samverkan-"),
        "{disposition}"
    );
    let (status, content_type, body) = get(
        &router,
        "/api/search?q=samverkan&group=section&format=csv&all=true",
    )
    .await;
    assert_eq!(
        (status.as_u16(), content_type.as_str()),
        (200, "text/csv; charset=utf-8")
    );
    let body = body
        .strip_prefix("\u{feff}".as_bytes())
        .expect("a byte-order mark");
    let mut reader = csv::ReaderBuilder::new().delimiter(b';').from_reader(body);
    let ids: Vec<String> = reader
        .records()
        .map(|r| r.unwrap()[0].to_string())
        .collect();
    assert_eq!(ids.len(), total, "every hit exported, not a page");
    assert_eq!(
        ids.iter().collect::<HashSet<_>>().len(),
        total,
        "no hit twice"
    );

    let (status, content_type, body) = get(
        &router,
        "/api/search?q=samverkan&group=section&format=jsonl&all=true",
    )
    .await;
    assert_eq!(status, 200);
    assert!(
        content_type.starts_with("application/x-ndjson"),
        "{content_type}"
    );
    let lines: Vec<Value> = String::from_utf8(body)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON hit per line"))
        .collect();
    assert_eq!(lines.len(), total);
    assert!(lines.iter().all(|hit| hit["doc_id"].is_string()));

    let (status, error) = get_json(&router, "/api/search?q=samverkan&all=true").await;
    assert_eq!(status, 400, "all=true is for exports: {error}");
}

#[tokio::test]
async fn a_cursor_pages_through_every_hit_once() {
    let (_dir, corpus) = ingested(25);
    let router = corpus.router();
    let mut uri = "/api/search?q=samverkan&group=section&limit=7".to_string();
    let (mut seen, mut total) = (Vec::new(), 0);
    for _ in 0..100 {
        let (status, page) = get_json(&router, &uri).await;
        assert_eq!(status, 200, "{page}");
        total = page["total"].as_u64().unwrap() as usize;
        seen.extend(
            page["hits"]
                .as_array()
                .unwrap()
                .iter()
                .map(|h| h["id"].to_string()),
        );
        match page["next_cursor"].as_str() {
            Some(cursor) => {
                uri = format!("/api/search?q=samverkan&group=section&limit=7&cursor={cursor}")
            }
            None => break,
        }
    }
    assert_eq!(seen.len(), total);
    assert_eq!(seen.iter().collect::<HashSet<_>>().len(), total);
    let (status, error) = get_json(&router, "/api/search?q=samverkan&cursor=hittepå").await;
    assert_eq!(status, 400);
    assert!(
        error["error"].as_str().unwrap().contains("next_cursor"),
        "{error}"
    );
}

#[tokio::test]
async fn misspelt_parameters_are_refused_with_the_known_ones() {
    let (_dir, corpus) = ingested(3);
    let router = corpus.router();
    for uri in [
        "/api/search?q=samverkan&year=2023",
        "/api/documents?forbnd=Halland",
        "/api/overview?q=samverkan&yaer_from=2020",
    ] {
        let (status, error) = get_json(&router, uri).await;
        assert_eq!(status, 400, "{uri}: {error}");
        let message = error["error"].as_str().unwrap();
        assert!(message.contains("year_from"), "{uri}: {message}");
    }
    let (status, _) = get_json(
        &router,
        "/api/documents?forbund=Samordningsf%C3%B6rbundet%20Halland",
    )
    .await;
    assert_eq!(status, 200);
}

#[tokio::test]
async fn the_overview_counts_reports_per_forbund_and_year() {
    let (_dir, corpus) = ingested(12);
    let router = corpus.router();
    let (status, overview) = get_json(&router, "/api/overview?q=samverkan").await;
    assert_eq!(status, 200, "{overview}");
    let total = overview["total"].as_u64().expect("total");
    assert_eq!(total, 12, "{overview}");
    let sum = |facet: &str| -> u64 {
        overview[facet]
            .as_array()
            .unwrap_or_else(|| panic!("{facet} in {overview}"))
            .iter()
            .map(|v| v["count"].as_u64().unwrap())
            .sum()
    };
    assert_eq!(sum("forbund"), 12);
    assert_eq!(sum("years"), 12);

    let cells = overview["forbund_years"]
        .as_array()
        .expect("a förbund × year table");
    let cell_sum = |key: &str| -> u64 { cells.iter().map(|c| c[key].as_u64().unwrap()).sum() };
    assert_eq!(cell_sum("reports"), 12, "{cells:?}");
    let (_, sections) = get_json(&router, "/api/search?q=samverkan&group=section&limit=0").await;
    assert_eq!(
        cell_sum("sections"),
        sections["total"].as_u64().unwrap(),
        "{cells:?}"
    );
    let halland_2016 = cells
        .iter()
        .find(|c| c["forbund"].as_str().unwrap().contains("Halland") && c["year"] == 2016)
        .expect("Halland 2016");
    // Reports 1 and 11 (years 2015 + i % 10, odd i in Halland).
    assert_eq!(halland_2016["reports"], 2, "{cells:?}");
}

/// The ETag of `uri` (after `If-None-Match: tag`, when given) and the status.
async fn tagged(router: &axum::Router, uri: &str, tag: Option<&str>) -> (u16, String) {
    let mut request = axum::http::Request::builder().uri(uri);
    if let Some(tag) = tag {
        request = request.header("if-none-match", tag);
    }
    let request = request.body(axum::body::Body::empty()).unwrap();
    let response = tower::ServiceExt::oneshot(router.clone(), request)
        .await
        .unwrap();
    let etag = response
        .headers()
        .get("etag")
        .map_or(String::new(), |v| v.to_str().unwrap().to_string());
    (response.status().as_u16(), etag)
}

#[tokio::test]
async fn answers_revalidate_until_an_ingest_changes_the_index() {
    let (dir, corpus) = ingested(4);
    let router = corpus.router();
    let uri = "/api/search?q=samverkan";
    let (status, tag) = tagged(&router, uri, None).await;
    assert_eq!((status, tag.starts_with("W/\"")), (200, true), "{tag}");
    assert_eq!(tagged(&router, uri, Some(&tag)).await, (304, tag.clone()));
    let (_, other) = tagged(&router, "/api/search?q=uppf%C3%B6ljning", None).await;
    assert_ne!(other, tag, "another question, another tag");

    std::fs::write(
        dir.path().join("ny-rapport.md"),
        "# Ny rapport\n\nSamverkan i en ny insats med kommunen och regionen under flera år.\n",
    )
    .unwrap();
    let options = finsam::ingest::IngestOptions::new(dir.path(), corpus.index.path());
    finsam::ingest::run(&options, |_| {}).expect("ingest runs");
    let mut changed = false;
    for _ in 0..50 {
        let (status, now) = tagged(&router, uri, Some(&tag)).await;
        if status == 200 && now != tag {
            changed = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(changed, "a new ingest answers anew");
}

#[tokio::test]
async fn a_compressed_export_arrives_whole() {
    let (_dir, corpus) = ingested(30);
    let request = axum::http::Request::builder()
        .uri("/api/search?q=samverkan&group=section&format=jsonl&all=true")
        .header("accept-encoding", "gzip")
        .body(axum::body::Body::empty())
        .unwrap();
    let response = tower::ServiceExt::oneshot(corpus.router(), request)
        .await
        .unwrap();
    assert_eq!(response.status(), 200);
    assert_eq!(response.headers()["content-encoding"], "gzip");
    let body = http_body_util::BodyExt::collect(response.into_body())
        .await
        .expect("the whole body, not a stream cut off");
    assert!(!body.to_bytes().is_empty());
}

#[tokio::test]
async fn stats_say_what_is_indexed_when_and_by_which_version() {
    let (_dir, corpus) = ingested(5);
    let (status, stats) = get_json(&corpus.router(), "/api/stats").await;
    assert_eq!(status, 200, "{stats}");
    assert_eq!(stats["documents"], 5, "{stats}");
    assert!(stats["sections"].as_u64().unwrap() >= 5, "{stats}");
    assert_eq!(stats["version"], env!("CARGO_PKG_VERSION"));
    let at = stats["indexed_at"].as_str().expect("an index date");
    let year = time::OffsetDateTime::now_utc().year().to_string();
    assert!(at.starts_with(&year) && at.contains('T'), "{at}");
}

#[tokio::test]
async fn a_cursor_far_past_the_last_hit_answers_an_empty_last_page() {
    let (_dir, corpus) = ingested(3);
    let deep = finsam::search::cursor(99_999_990);
    for group in ["section", "document"] {
        let uri = format!("/api/search?q=samverkan&group={group}&limit=10&cursor={deep}");
        let (status, page) = get_json(&corpus.router(), &uri).await;
        assert_eq!(status, 200, "{page}");
        assert_eq!(page["hits"].as_array().unwrap().len(), 0, "{page}");
        assert!(page["total"].as_u64().unwrap() > 0);
        assert!(page["next_cursor"].is_null());
    }
}
