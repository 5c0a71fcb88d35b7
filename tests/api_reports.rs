//! Reports and projects, not only sections: results by report, near-duplicate
//! copies shown once, project threads, similar projects and references,
//! through the router over small corpora.

mod common;

use common::{Ingested, get_json};
use serde_json::Value;

/// A report of `sections` (heading, body), each body padded with a
/// sentence about nothing searched, so no section is too small to stand alone.
fn report(title: &str, sections: &[(&str, &str)]) -> String {
    let mut text = format!("# {title}\n\nSamordningsförbundet Gävleborg\n\n");
    let padding = "Arbetet följdes upp av styrgruppen vid varje möte under perioden. ".repeat(3);
    for (heading, body) in sections {
        let padding = if *heading == "Referenser" {
            ""
        } else {
            &padding
        };
        text += &format!("## {heading}\n\n{body} {padding}\n\n");
    }
    text
}

/// `n` words of filler that differ from report to report (by `seed`), so
/// that generated reports are not near-duplicates of each other.
fn distinct(seed: u64, n: usize) -> String {
    let mut state = (seed + 1).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    (0..n)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            format!("ord{} ", state % 5_000)
        })
        .collect()
}

fn ids(hits: &Value) -> Vec<String> {
    hits.as_array()
        .unwrap()
        .iter()
        .map(|h| h["doc_id"].as_str().unwrap().to_string())
        .collect()
}

#[tokio::test]
async fn results_by_report_list_each_report_once_and_count_reports() {
    let many = report(
        "Slutrapport Vägen",
        &[
            (
                "Bakgrund",
                "Nollplacerade personer saknar sjukpenninggrundande inkomst.",
            ),
            (
                "Metod",
                "Nollplacerade fick stöd av en koordinator varje vecka.",
            ),
            (
                "Resultat",
                "Hälften av de nollplacerade gick vidare till arbete.",
            ),
            (
                "Framgångsfaktorer",
                "Nollplacerade deltagare mötte samma handläggare.",
            ),
            ("Hinder", "Nollplacerade väntade länge på utredning."),
        ],
    );
    let one = report(
        "Kvartalsrapport Bron",
        &[("Resultat", "Två nollplacerade deltog.")],
    );
    let none = report("Verksamhetsplan 2024", &[("Mål", "Samverkan i länet.")]);
    let (_dir, corpus) =
        Ingested::texts(&[("vagen.md", &many), ("bron.md", &one), ("plan.md", &none)]);
    let router = corpus.router();
    let (_, by_report) = get_json(&router, "/api/search?q=nollplacerade&group=document").await;
    assert_eq!(by_report["counts"], "documents");
    assert_eq!(by_report["total"], 2);
    let reports = ids(&by_report["hits"]);
    assert_eq!(reports.len(), 2);
    assert_ne!(reports[0], reports[1]);
    let first = &by_report["hits"][0];
    assert_eq!(
        first["title"], "Slutrapport Vägen",
        "the report answering in five sections first"
    );
    assert_eq!(first["also"].as_array().unwrap().len(), 2);
    assert_eq!(
        first["more"], 2,
        "five sections: the best, two more shown, two more counted"
    );
    let forbund: u64 = by_report["facets"]["forbund"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["count"].as_u64().unwrap())
        .sum();
    assert_eq!(forbund, 2, "facets count reports");
    let (_, by_section) = get_json(&router, "/api/search?q=nollplacerade").await;
    assert_eq!(by_section["counts"], "sections");
    assert_eq!(by_section["total"], 6);
    assert!(by_section["hits"][0].get("also").is_none());
}

#[tokio::test]
async fn paging_by_report_is_stable_and_complete() {
    let texts: Vec<(String, String)> = (0..25)
        .map(|i| {
            let own = distinct(i as u64, 200);
            let body = format!("{} {own}", "Samverkan kring unga. ".repeat(i % 5 + 1));
            (
                format!("r{i:02}.md"),
                report(
                    &format!("Delrapport {i}"),
                    &[("Resultat", &body), ("Metod", "Samverkan.")],
                ),
            )
        })
        .collect();
    let (_dir, corpus) = Ingested::texts(&texts);
    let router = corpus.router();
    let mut seen = Vec::new();
    for offset in [0, 10, 20] {
        let (_, page) = get_json(
            &router,
            &format!("/api/search?q=samverkan&group=document&limit=10&offset={offset}"),
        )
        .await;
        assert_eq!(page["total"], 25);
        seen.extend(ids(&page["hits"]));
    }
    let (_, again) = get_json(
        &router,
        "/api/search?q=samverkan&group=document&limit=10&offset=10",
    )
    .await;
    assert_eq!(ids(&again["hits"]), seen[10..20], "the same page twice");
    seen.sort();
    seen.dedup();
    assert_eq!(seen.len(), 25, "every report once over the pages");
}

#[tokio::test]
async fn a_near_duplicate_copy_is_one_result_with_both_paths() {
    let body: String = (0..120)
        .map(|i| {
            format!("Deltagare {i} fick stöd av arbetsterapeuten i projektet och gick vidare. ")
        })
        .collect();
    let original = report("Slutrapport Steget", &[("Resultat", &body)]);
    let copy = format!("Styrelsebilaga 4, styrelsemötet 2024-03-12\n\n{original}");
    let (_dir, corpus) = Ingested::texts(&[
        ("steget.md", &original),
        ("steget-styrelsebilaga.md", &copy),
    ]);
    let router = corpus.router();
    let (_, found) = get_json(&router, "/api/search?q=arbetsterapeuten&group=document").await;
    assert_eq!(found["total"], 1);
    let paths = found["hits"][0]["paths"].as_array().unwrap().clone();
    assert_eq!(paths.len(), 2, "{paths:?}");
    let original = found["hits"][0]["doc_id"].as_str().unwrap();
    let (_, detail) = get_json(&router, &format!("/api/documents/{original}")).await;
    let own = detail["sections"].as_array().unwrap().len();
    let (_, sections) = get_json(&router, "/api/search?q=arbetsterapeuten").await;
    assert_eq!(
        sections["total"], own,
        "the copy's sections are not listed twice"
    );
    let (_, list) = get_json(&router, "/api/documents").await;
    assert_eq!(list["total"], 1);
    assert_eq!(list["documents"][0]["paths"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn an_insats_is_a_project_with_a_timeline_references_and_similar_projects() {
    let application = report(
        "Ansökan om medel – KLIV",
        &[(
            "Syfte",
            "KLIV ska ge personer med långvarigt försörjningsstöd en väg till arbete med SIP och arbetsträning.",
        )],
    );
    let last = report(
        "Slutrapport – KLIV",
        &[
            (
                "Resultat",
                "KLIV gav 40 deltagare med försörjningsstöd arbetsträning och SIP.",
            ),
            (
                "Referenser",
                "\n\n- Ansökan om medel – KLIV, Bollnäs kommun 2023.\n\
                 - ISF Rapport 2023:6, Unga med aktivitetsersättning och vägen till arbete.\n\
                 - Socialstyrelsen (2021): Samordnade insatser vid långvarigt ekonomiskt bistånd.\n\
                 - Nationella rådet (2022): Finansiell samordning i siffror för hela landet.\n\n",
            ),
        ],
    );
    let other = report(
        "Slutrapport – Bron",
        &[(
            "Resultat",
            "Bron gav deltagare med försörjningsstöd arbetsträning och SIP i Hudiksvall.",
        )],
    );
    let (_dir, corpus) = Ingested::texts(&[
        ("kliv-ansokan.md", &application),
        ("kliv-slut.md", &last),
        ("bron.md", &other),
    ]);
    let router = corpus.router();
    let (_, projects) = get_json(&router, "/api/projects").await;
    let kliv = projects["projects"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == "KLIV")
        .unwrap_or_else(|| panic!("{projects}"));
    let id = kliv["project_id"].as_str().unwrap();
    let (_, detail) = get_json(&router, &format!("/api/projects/{id}")).await;
    let kinds: Vec<&str> = detail["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["report_type"].as_str().unwrap())
        .collect();
    assert_eq!(kinds, ["ansökan", "slutrapport"]);
    let ansokan = detail["documents"][0]["doc_id"].as_str().unwrap();
    let slut = detail["documents"][1]["doc_id"].as_str().unwrap();
    let (_, doc) = get_json(&router, &format!("/api/documents/{slut}")).await;
    assert_eq!(doc["project_id"], id);
    let references = doc["references"].as_array().unwrap();
    assert_eq!(references.len(), 4, "{references:?}");
    assert_eq!(references[0]["doc_id"], ansokan);
    assert!(
        references[1..].iter().all(|r| r["doc_id"].is_null()),
        "reports the corpus lacks stay text"
    );
    let (_, cited) = get_json(&router, &format!("/api/documents/{ansokan}")).await;
    assert_eq!(cited["cited_by"][0]["doc_id"], slut);
    let (_, similar) = get_json(&router, &format!("/api/projects/{id}/similar")).await;
    let suggestions = similar["similar"].as_array().unwrap();
    assert!(!suggestions.is_empty());
    assert!(
        suggestions.iter().all(|s| s["project_id"] != id),
        "never its own project"
    );
    assert!(
        suggestions[0]["reason"].as_str().unwrap().contains("SIP"),
        "{suggestions:?}"
    );
    let (status, _) = get_json(&router, "/api/projects/finns-inte").await;
    assert_eq!(status.as_u16(), 404);
}

#[tokio::test]
async fn reports_sort_by_year_and_the_overview_counts_reports() {
    let texts: Vec<(String, String)> = [2019, 2023, 2021]
        .iter()
        .map(|year| {
            let body = format!(
                "Under {year} arbetade insatsen med nollplacerade i Gävleborg. {}",
                distinct(*year as u64, 150)
            );
            let worked =
                format!("Det som fungerade {year} var att samma handläggare mötte nollplacerade.");
            (
                format!("r{year}.md"),
                report(
                    &format!("Slutrapport {year}"),
                    &[("Resultat", &body), ("Framgångsfaktorer", &worked)],
                ),
            )
        })
        .collect();
    let (_dir, corpus) = Ingested::texts(&texts);
    let router = corpus.router();
    let years = |body: &Value| -> Vec<i64> {
        body["hits"]
            .as_array()
            .unwrap()
            .iter()
            .map(|h| h["year"].as_i64().unwrap())
            .collect()
    };
    let (_, newest) = get_json(
        &router,
        "/api/search?q=nollplacerade&group=document&sort=nyast",
    )
    .await;
    assert_eq!(years(&newest), [2023, 2021, 2019]);
    let (_, oldest) = get_json(
        &router,
        "/api/search?q=nollplacerade&group=document&sort=aldst",
    )
    .await;
    assert_eq!(years(&oldest), [2019, 2021, 2023]);
    let (_, sections) = get_json(&router, "/api/search?q=nollplacerade&sort=nyast").await;
    assert_eq!(years(&sections)[0], 2023);
    let (status, _) = get_json(&router, "/api/search?q=x&sort=bäst").await;
    assert_eq!(status.as_u16(), 400);
    let (_, overview) = get_json(&router, "/api/overview?q=nollplacerade&year_from=2021").await;
    assert_eq!(overview["counts"], "documents");
    assert_eq!(overview["total"], 2);
    let histogram: Vec<&str> = overview["years"]
        .as_array()
        .unwrap()
        .iter()
        .map(|y| y["value"].as_str().unwrap())
        .collect();
    assert_eq!(
        histogram,
        ["2019", "2021", "2023"],
        "the histogram shows every year"
    );
    assert_eq!(overview["lan"][0]["value"], "Gävleborgs län");
    let table = overview["forbund_years"].as_array().unwrap();
    let reports: u64 = table.iter().map(|c| c["reports"].as_u64().unwrap()).sum();
    assert_eq!(
        reports, 2,
        "the förbund × year table counts the same reports: {table:?}"
    );
    assert!(
        table.iter().all(|c| c["year"].as_i64().unwrap() >= 2021),
        "{table:?}"
    );
    let worked = overview["what_worked"].as_array().unwrap();
    assert!(!worked.is_empty());
    assert!(
        worked.iter().all(|w| w["kind"] == "framgångsfaktorer"),
        "{worked:?}"
    );
}
