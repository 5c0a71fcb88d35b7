//! Nothing a user or an attacker sends takes the server down or makes it
//! show what it must not: hostile queries, ordinary Swedish, personal data,
//! formulas in exports, links out of the corpus, paths no file can have.

mod common;

use common::{Ingested, enc, get, get_json};
use serde_json::Value;
use std::time::{Duration, Instant};

/// A small corpus of reports, one naming participants by personnummer.
fn corpus() -> (tempfile::TempDir, Ingested) {
    Ingested::texts(&[
        (
            "kliv.md",
            "# Slutrapport Ungdomsbron\n\nSamverkan med Arbetsförmedlingen och SFI:s lärare. \
             Deltagaren 19850315-1238 och 850315-1238 samt 198503151238 fick stöd. \
             Ålder över 25 år. Kostnaden per deltagare var hur mycket som helst.\n",
        ),
        (
            "formel.md",
            "# =HYPERLINK(\"http://exempel.example\",\"klicka\")\n\nSamverkan i Excel.\n",
        ),
    ])
}

#[tokio::test]
async fn nested_and_unbalanced_brackets_answer_400_and_the_server_lives() {
    let (_dir, corpus) = corpus();
    let router = corpus.router();
    for q in [
        "(".repeat(2_500),
        "(".repeat(3_000),
        "title:(".repeat(2_000),
        format!("{}samverkan", "(".repeat(9)),
    ] {
        let (status, body) = get_json(&router, &format!("/api/search?q={}", enc(&q))).await;
        assert_eq!(status.as_u16(), 400, "{}…", &q[..20]);
        let message = body["error"].as_str().unwrap();
        assert!(
            message.contains("för lång") || message.contains("parenteser"),
            "{message}"
        );
    }
    let (status, _, _) = get(&router, "/healthz").await;
    assert_eq!(status.as_u16(), 200);
}

#[tokio::test]
async fn long_words_and_many_words_answer_within_the_time_budget() {
    let (_dir, corpus) = corpus();
    let router = corpus.router();
    let random_words: String = (0..6_000)
        .map(|i| format!("ord{:x} ", i * 7919 % 65_521))
        .collect();
    for q in [
        "x".repeat(10_240),
        random_words,
        "samverkansförbundsstödet".repeat(2),
    ] {
        let started = Instant::now();
        let (status, _, _) = get(&router, &format!("/api/search?q={}", enc(&q))).await;
        assert!(matches!(status.as_u16(), 200 | 400), "{status}");
        // The server's budget is 2 s; this only guards against minutes.
        assert!(
            started.elapsed() < Duration::from_secs(10),
            "{:?}",
            started.elapsed()
        );
    }
}

#[tokio::test]
async fn ordinary_swedish_is_searched_never_refused() {
    let (_dir, corpus) = corpus();
    let router = corpus.router();
    for q in [
        "hur mycket",
        "vad som",
        "till och med",
        "om oss",
        "SFI:s",
        "KPI:er",
        "1:a linjen",
        "Slutrapport: Ungdomsbron",
        "ålder > 25",
        "\"",
        "samverkan~2",
        "-samverkan",
        "unga) OR (",
    ] {
        let (status, body) = get_json(&router, &format!("/api/search?q={}", enc(q))).await;
        assert_eq!(status.as_u16(), 200, "{q}: {body}");
    }
    let total = |body: Value| body["total"].as_u64().unwrap();
    let (_, fuzzy) = get_json(&router, "/api/search?q=samverkan~2").await;
    let (_, plain) = get_json(&router, "/api/search?q=samverkan").await;
    assert!(total(plain.clone()) > 0);
    assert_eq!(total(fuzzy), total(plain));
    let (_, sfi) = get_json(&router, &format!("/api/search?q={}", enc("SFI:s"))).await;
    assert!(total(sfi) > 0, "SFI:s finds the report saying SFI:s");
    let (_, stop) = get_json(&router, &format!("/api/search?q={}", enc("hur mycket"))).await;
    assert!(
        stop["notice"].as_str().unwrap().contains("småord"),
        "{stop}"
    );
}

#[tokio::test]
async fn no_personnummer_reaches_any_answer() {
    let (_dir, corpus) = corpus();
    let router = corpus.router();
    let (_, hits) = get_json(&router, "/api/search?q=deltagaren").await;
    let doc_id = hits["hits"][0]["doc_id"].as_str().unwrap().to_string();
    let answers = [
        "/api/search?q=deltagaren".to_string(),
        "/api/search?q=deltagaren&format=csv".to_string(),
        "/api/search?q=19850315-1238".to_string(),
        "/api/search?q=8503151238".to_string(),
        "/api/documents".to_string(),
        format!("/api/documents/{doc_id}"),
    ];
    for uri in &answers {
        let (status, _, body) = get(&router, uri).await;
        let body = String::from_utf8_lossy(&body);
        assert_eq!(status.as_u16(), 200, "{uri}");
        for digits in ["1238", "8503151238"] {
            assert!(!body.contains(digits), "{uri} shows {digits}: {body}");
        }
    }
    let (_, detail) = get_json(&router, &format!("/api/documents/{doc_id}")).await;
    assert!(detail.to_string().contains("19850315-XXXX"), "{detail}");
    let (_, found) = get_json(&router, "/api/search?q=1238").await;
    assert_eq!(found["total"], 0, "the last four digits are not searchable");
    assert!(
        corpus
            .report
            .outcomes
            .iter()
            .any(|o| format!("{o:?}").contains("3 personnummer")),
        "the run report counts them: {:?}",
        corpus.report.outcomes
    );
}

#[tokio::test]
async fn csv_cells_that_look_like_formulas_are_neutralised() {
    let (_dir, corpus) = corpus();
    let router = corpus.router();
    let (_, _, body) = get(&router, "/api/search?q=excel&format=csv").await;
    let (headers, rows) = common::csv_rows(&body);
    let title = headers.iter().position(|h| h == "titel").expect("titel");
    let titles: Vec<String> = rows.iter().map(|r| r[title].to_string()).collect();
    assert!(!titles.is_empty());
    assert!(
        titles.iter().all(|t| t.starts_with("'=HYPERLINK")),
        "{titles:?}"
    );
}

#[tokio::test]
async fn answers_carry_security_headers_and_files_are_never_pages() {
    let (_dir, corpus) = corpus();
    let router = corpus.router();
    for uri in ["/", "/api/search?q=samverkan", "/finns-inte"] {
        let response = common::response(&router, uri).await;
        let headers = response.headers();
        let csp = headers["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("script-src 'self'") && csp.contains("frame-ancestors 'self'"));
        assert_eq!(headers["x-content-type-options"], "nosniff", "{uri}");
        assert_eq!(headers["referrer-policy"], "same-origin", "{uri}");
        assert_eq!(headers["x-frame-options"], "SAMEORIGIN", "{uri}");
    }
    let (_, list) = get_json(&router, "/api/documents").await;
    let id = list["documents"][0]["doc_id"].as_str().unwrap();
    let response = common::response(&router, &format!("/api/documents/{id}/file")).await;
    let headers = response.headers();
    assert_eq!(headers["content-type"], "text/plain; charset=utf-8");
    assert!(
        headers["content-disposition"]
            .to_str()
            .unwrap()
            .starts_with("attachment")
    );
    assert!(
        headers["content-security-policy"]
            .to_str()
            .unwrap()
            .contains("default-src 'none'")
    );
}

#[tokio::test]
async fn a_path_no_file_can_have_answers_404() {
    let (_dir, corpus) = corpus();
    let router = corpus.router();
    let long = format!("/{}", "a".repeat(5_000));
    let (status, _, _) = get(&router, &long).await;
    assert_eq!(status.as_u16(), 404);
    let (status, _, _) = get(&router, &format!("/{}/b", "a".repeat(300))).await;
    assert_eq!(status.as_u16(), 404);
}

#[tokio::test]
async fn a_spent_search_budget_answers_503_with_retry_after() {
    let (_dir, corpus) = corpus();
    let limits = finsam::server::Limits::default().with_search_time(Duration::ZERO);
    let router = corpus.router_with(limits);
    let response = common::response(&router, "/api/search?q=samverkan").await;
    assert_eq!(response.status().as_u16(), 503);
    assert!(response.headers().contains_key("retry-after"));
}

#[test]
fn a_symlink_out_of_the_corpus_is_not_read() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::write(
        outside.path().join("hemlig.md"),
        "# Hemligt\n\nlösenordslistan\n",
    )
    .unwrap();
    std::fs::create_dir(outside.path().join("mapp")).unwrap();
    std::fs::write(
        outside.path().join("mapp/annan.md"),
        "# Annat\n\nlösenordslistan\n",
    )
    .unwrap();
    let corpus = tempfile::tempdir().unwrap();
    let dir = corpus.path();
    std::fs::write(dir.join("rapport.md"), "# Rapport\n\nsamverkan\n").unwrap();
    std::fs::create_dir(dir.join("del")).unwrap();
    std::fs::write(dir.join("del/inne.md"), "# Inne\n\nsamverkan inne\n").unwrap();
    std::os::unix::fs::symlink(outside.path().join("hemlig.md"), dir.join("lank.md")).unwrap();
    std::os::unix::fs::symlink(outside.path().join("mapp"), dir.join("lankmapp")).unwrap();
    std::os::unix::fs::symlink(dir.join("del/inne.md"), dir.join("inne-lank.md")).unwrap();
    let ingested = Ingested::new(dir);
    assert_eq!(ingested.report.indexed, 2, "{:?}", ingested.report.outcomes);
    let skipped: Vec<String> = ingested
        .report
        .outcomes
        .iter()
        .filter(|o| matches!(o.outcome, finsam::ingest::Outcome::Skipped { .. }))
        .map(|o| o.path.clone())
        .collect();
    assert!(skipped.contains(&"lank.md".to_string()), "{skipped:?}");
    assert!(skipped.contains(&"lankmapp".to_string()), "{skipped:?}");
    let service = finsam::search::SearchService::open(ingested.index.path()).unwrap();
    let found = service
        .search(&finsam::search::SearchRequest::text("lösenordslistan"))
        .unwrap();
    assert_eq!(found.total, 0);
}
