//! Abbreviations, synonyms, hyphen variants and misspellings through the
//! search API: small invented texts for the synonyms and hyphens, the sample
//! corpus for spelling.

mod common;

use common::{Ingested, enc, get_json, sample_corpus};
use serde_json::Value;
use std::sync::OnceLock;
use tempfile::TempDir;

/// One short text per file: (file name, text).
const TEXTS: [(&str, &str); 7] = [
    (
        "fk-namn.txt",
        "Samverkan med Försäkringskassan kring sjukskrivna deltagare.",
    ),
    ("fk-kort.txt", "Handläggare på FK deltog i varje möte."),
    (
        "noll.txt",
        "Insatsen riktar sig till nollplacerade personer i kommunen.",
    ),
    ("sol.txt", "Solen sken över kommunen hela sommaren."),
    (
        "socialtjanst.txt",
        "Bistånd enligt socialtjänstlagen prövas individuellt.",
    ),
    (
        "sip-kort.txt",
        "Deltagaren fick en SIP tillsammans med regionen.",
    ),
    (
        "sip-namn.txt",
        "En samordnad individuell plan upprättades för deltagaren.",
    ),
];

fn texts() -> &'static Ingested {
    static INGESTED: OnceLock<(TempDir, Ingested)> = OnceLock::new();
    let (_, ingested) = INGESTED.get_or_init(|| Ingested::texts(&TEXTS));
    ingested
}

fn sample() -> &'static Ingested {
    static INGESTED: OnceLock<Ingested> = OnceLock::new();
    INGESTED.get_or_init(|| Ingested::new(&sample_corpus()))
}

async fn search(corpus: &Ingested, q: &str) -> Value {
    let (status, results) = get_json(&corpus.router(), &format!("/api/search?q={}", enc(q))).await;
    assert_eq!(status, 200, "{q}: {results}");
    results
}

/// The files of the hits, sorted.
async fn files(q: &str) -> Vec<String> {
    let results = search(texts(), q).await;
    let mut files: Vec<String> = results["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["path"].as_str().unwrap().to_string())
        .collect();
    files.sort();
    files
}

#[tokio::test]
async fn abbreviation_finds_the_full_name_and_back() {
    assert_eq!(files("FK").await, ["fk-kort.txt", "fk-namn.txt"]);
    assert_eq!(
        files("Försäkringskassan").await,
        ["fk-kort.txt", "fk-namn.txt"]
    );
}

#[tokio::test]
async fn zero_placed_finds_nollplacerade() {
    assert_eq!(files("0-placerade").await, ["noll.txt"]);
}

#[tokio::test]
async fn quoted_phrase_and_field_are_left_as_typed() {
    // Two sections have all three words (SIP is expanded); with fewer than
    // three hits, sections with some of them follow.
    let results = search(texts(), "samordnad individuell plan").await;
    let mut first_two: Vec<&str> = results["hits"].as_array().unwrap()[..2]
        .iter()
        .map(|h| h["path"].as_str().unwrap())
        .collect();
    first_two.sort();
    assert_eq!(first_two, ["sip-kort.txt", "sip-namn.txt"]);
    assert_eq!(
        files("\"samordnad individuell plan\"").await,
        ["sip-namn.txt"]
    );
    assert_eq!(files("body:FK").await, ["fk-kort.txt"]);
    assert_eq!(files("FK -Försäkringskassan").await, Vec::<String>::new());
}

#[tokio::test]
async fn lower_case_common_word_is_not_an_abbreviation() {
    assert_eq!(files("sol").await, ["sol.txt"]);
    // The index lower-cases, so "SoL" itself still finds "sol"; the law is added.
    assert_eq!(files("SoL").await, ["socialtjanst.txt", "sol.txt"]);
}

#[tokio::test]
async fn expanded_forms_are_highlighted() {
    let results = search(texts(), "FK").await;
    let snippets: Vec<&str> = results["hits"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["snippet"].as_str().unwrap())
        .collect();
    assert!(
        snippets
            .iter()
            .any(|s| s.contains("<mark>Försäkringskassan</mark>")),
        "{snippets:?}"
    );
    assert!(
        snippets.iter().any(|s| s.contains("<mark>FK</mark>")),
        "{snippets:?}"
    );
}

#[tokio::test]
async fn misspelt_query_is_corrected_with_highlighted_hits() {
    for (typed, corrected) in [
        ("nollplaserade", "nollplacerade"),
        ("samverkansteem", "samverkansteam"),
    ] {
        let results = search(sample(), typed).await;
        assert_eq!(results["suggestion"], corrected, "{typed}");
        let hits = results["hits"].as_array().unwrap();
        assert!(!hits.is_empty(), "{typed}: no hits");
        // Snippets show the body; a hit may match in its title or heading only.
        let in_body = hits.iter().filter(|h| {
            let text = h["text"].as_str().unwrap().to_lowercase();
            text.contains(corrected)
        });
        for hit in in_body {
            let snippet = hit["snippet"].as_str().unwrap();
            assert!(snippet.contains("<mark>"), "{typed}: {snippet}");
        }
        let marked = hits
            .iter()
            .filter(|h| h["snippet"].as_str().unwrap().contains("<mark>"));
        assert!(marked.count() >= 2, "{typed}: {hits:?}");
    }
}

#[tokio::test]
async fn correctly_spelt_query_has_no_suggestion() {
    for q in ["nollplacerade", "samverkansteam", "Försäkringskassan"] {
        let results = search(sample(), q).await;
        assert!(results["total"].as_u64().unwrap() > 0, "{q}");
        assert_eq!(results["suggestion"], Value::Null, "{q}");
    }
}

#[tokio::test]
async fn correction_keeps_the_other_words_and_syntax() {
    let results = search(sample(), "nollplaserade -\"ingen träff\"").await;
    assert_eq!(results["suggestion"], "nollplacerade -\"ingen träff\"");
}

/// Texts written with a hyphen where queries may leave it out, or the other
/// way round.
const HYPHENATED: [(&str, &str); 3] = [
    (
        "dropouts.txt",
        "Två deltagare har blivit s.k. drop-outs under hösten.",
    ),
    ("sam.txt", "Projektet SAM utvärderas med 9-fältsmodellen."),
    (
        "annat.txt",
        "Projektet utvärderas av en extern utvärderare.",
    ),
];

#[tokio::test]
async fn hyphen_variants_find_each_other() {
    let (_dir, ingested) = Ingested::texts(&HYPHENATED);
    for (q, file) in [
        ("dropouts", "dropouts.txt"),
        ("hur utvärderas SAM-projektet", "sam.txt"),
    ] {
        let results = search(&ingested, q).await;
        let first = &results["hits"][0];
        assert_eq!(first["path"], file, "{q}: {results}");
        assert_eq!(first["partial"], false, "{q}: all its words are there");
    }
}
