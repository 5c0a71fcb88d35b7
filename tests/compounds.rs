//! Compound splitting end to end: parts of Swedish compounds find the
//! compound through a real index, while a compound query stays one term.

use finsam::analysis::Profile;
use finsam::ingest::{self, IngestOptions};
use finsam::search::{SearchRequest, SearchService};
use tempfile::TempDir;

/// Three small reports: one with compounds, one with the parts as separate
/// words, one with neither.
const REPORTS: [(&str, &str); 3] = [
    (
        "compounds.txt",
        "Arbetsförmågebedömningen gjordes i ett samverkansprojekt. \
         Samverkanskoordinatorerna skrev miljörapporten.",
    ),
    (
        "parts.txt",
        "En bedömning av förmåga till arbete. Rapport om miljö och projekt.",
    ),
    ("other.txt", "Deltagarna fick stöd av kommunerna."),
];

/// The reports ingested under `profile`; the folders live as long as the value.
struct Fixture {
    _dirs: (TempDir, TempDir),
    search: SearchService,
}

impl Fixture {
    fn new(profile: Profile) -> Fixture {
        let corpus = tempfile::tempdir().expect("temp dir");
        for (name, text) in REPORTS {
            std::fs::write(corpus.path().join(name), text).expect("write report");
        }
        let index = tempfile::tempdir().expect("temp dir");
        let options = IngestOptions {
            profile,
            ..IngestOptions::new(corpus.path(), index.path())
        };
        ingest::run(&options, |_| {}).expect("ingest runs");
        let search = SearchService::open_with(index.path(), profile).expect("index opens");
        Fixture {
            _dirs: (corpus, index),
            search,
        }
    }

    /// The files matching `query`, sorted, and the first hit's snippet.
    fn files(&self, query: &str) -> (Vec<String>, String) {
        let results = self
            .search
            .search(&SearchRequest::text(query))
            .expect("search runs");
        let snippet = results
            .hits
            .first()
            .map(|h| h.snippet.clone())
            .unwrap_or_default();
        let mut files: Vec<String> = results.hits.into_iter().map(|h| h.path).collect();
        files.sort();
        (files, snippet)
    }
}

#[test]
fn a_part_finds_the_compound_and_highlights_it_whole() {
    let fixture = Fixture::new(Profile::Full);
    let (files, snippet) = fixture.files("bedömning");
    assert_eq!(files, ["compounds.txt", "parts.txt"]);
    let (files, _) = fixture.files("arbetsförmåga");
    assert_eq!(files, ["compounds.txt"]);
    let (files, snippet_of_compound) = fixture.files("samverkan");
    assert_eq!(files, ["compounds.txt"]);
    assert!(
        snippet_of_compound.contains("<mark>samverkansprojekt</mark>"),
        "{snippet_of_compound}"
    );
    assert!(snippet.contains("<mark>"), "{snippet}");
}

/// The last part is indexed as written, so it matches what the standalone
/// word would (Snowball stems "koordinatorerna" and "koordinator" apart).
#[test]
fn inflected_last_parts_are_found() {
    let fixture = Fixture::new(Profile::Full);
    assert_eq!(fixture.files("koordinatorerna").0, ["compounds.txt"]);
}

#[test]
fn a_compound_query_stays_one_term() {
    let fixture = Fixture::new(Profile::Full);
    assert_eq!(fixture.files("miljörapport").0, ["compounds.txt"]);
    assert_eq!(fixture.files("arbetsförmågebedömning").0, ["compounds.txt"]);
    assert_eq!(fixture.files("rapport").0, ["compounds.txt", "parts.txt"]);
}

#[test]
fn stemming_only_indexes_compounds_whole() {
    let fixture = Fixture::new(Profile::StemmingOnly);
    assert_eq!(fixture.files("bedömning").0, ["parts.txt"]);
    assert_eq!(fixture.files("samverkansprojekt").0, ["compounds.txt"]);
}
