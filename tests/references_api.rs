//! References through the API: a report's reference list and footnotes
//! become `references` in `GET /api/documents/{id}`, resolved to the corpus
//! document they name ("Hänvisar till") or left as text, and the cited
//! document lists its citers in `cited_by` ("Hänvisas till av").

mod common;

use common::{Ingested, get_json};
use serde_json::Value;

const APPLICATION: &str = "# Ansökan om medel – Bryggan\n\n\
Samordningsförbundet Gävleborg. Projektägare: Hudiksvalls kommun. Ansökan inkom 2023-04-02.\n\n\
## Bakgrund\n\nProjektet Bryggan ska ge unga vuxna med psykisk ohälsa stöd till arbete och studier \
genom samordnade insatser från kommunen, Arbetsförmedlingen, Försäkringskassan och regionen.\n";

const FINAL_REPORT: &str = "# Slutrapport Bryggan\n\n\
Samordningsförbundet Gävleborg. Projektägare: Hudiksvalls kommun. Rapporten lämnades 2025-02-10.\n\n\
## Resultat\n\nAv 80 deltagare gick 34 vidare till arbete eller studier, fler än ansökan siktade på.\n\n\
## Källor\n\n\
- Ansökan om medel – Bryggan, Hudiksvalls kommun, Samordningsförbundet Gävleborg 2023.\n\
- Socialstyrelsen (2021): Nationella riktlinjer för vård och stöd vid schizofreni.\n";

const QUARTER_REPORT: &str = "# Kvartalsrapport Bryggan kvartal 2\n\n\
Samordningsförbundet Gävleborg, 2024.\n\n\
## Deltagare\n\nTjugo nya deltagare, som planerat i\n\n1\n\nansökan.\n\n\
1\n\nHudiksvalls kommun: Ansökan om medel – Bryggan,\n\ninkom 2023-04-02.\n";

/// The document whose path is `path`, from the document list.
async fn document(router: &axum::Router, path: &str) -> Value {
    let (_, list) = get_json(router, "/api/documents?limit=100").await;
    let id = list["documents"]
        .as_array()
        .expect("documents")
        .iter()
        .find(|d| d["path"] == path)
        .unwrap_or_else(|| panic!("{path} listed"))["doc_id"]
        .as_str()
        .expect("an id")
        .to_string();
    get_json(router, &format!("/api/documents/{id}")).await.1
}

#[tokio::test]
async fn reference_lists_and_footnotes_resolve_to_the_report_they_name() {
    let (_dir, corpus) = Ingested::texts(&[
        ("gavleborg-ansokan-bryggan-2023.md", APPLICATION),
        ("gavleborg-slutrapport-bryggan-2025.md", FINAL_REPORT),
        (
            "gavleborg-kvartalsrapport-bryggan-2024q2.md",
            QUARTER_REPORT,
        ),
    ]);
    let router = corpus.router();
    let application = document(&router, "gavleborg-ansokan-bryggan-2023.md").await;
    let final_report = document(&router, "gavleborg-slutrapport-bryggan-2025.md").await;
    let quarter = document(&router, "gavleborg-kvartalsrapport-bryggan-2024q2.md").await;
    let references = final_report["references"].as_array().expect("references");
    assert_eq!(references.len(), 2, "{references:?}");
    assert_eq!(references[0]["doc_id"], application["doc_id"]);
    assert!(
        references[1]["doc_id"].is_null(),
        "a report the corpus lacks stays text"
    );
    assert_eq!(
        quarter["references"][0]["doc_id"], application["doc_id"],
        "a footnote"
    );
    let cited_by: Vec<&Value> = application["cited_by"]
        .as_array()
        .expect("cited_by")
        .iter()
        .map(|c| &c["doc_id"])
        .collect();
    assert_eq!(cited_by.len(), 2);
    assert!(cited_by.contains(&&final_report["doc_id"]) && cited_by.contains(&&quarter["doc_id"]));
}
