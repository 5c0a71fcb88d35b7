//! "Liknande projekt" benchmark (issue #11): the judged similar documents
//! (`tests/similar/judgements.tsv`) against Finsamsök's suggestions and
//! against tantivy's `MoreLikeThisQuery`, on the dev and test halves.
//!
//! Run with `cargo bench --bench similar`. It copies the sample corpus and,
//! when `../shared` exists, the five shared reports into one temporary
//! corpus, ingests it, and asks each judged document for suggestions of its
//! unit (its project, or itself when it is in none). The baselines ask
//! `MoreLikeThisQuery` with the document's own text and group the section
//! hits into the same units, leaving out the document's own unit (its
//! project and its near-duplicate copies), as ours does.
//!
//! `FINSAM_SIMILAR_INDEX=DIR` keeps the index in DIR: a later run reuses it
//! (no second ingest) and relates its documents again with the code as it
//! is now — a quick loop while changing `src/corpus`, not `data/malgrupp.toml`
//! or anything else read at ingest. `FINSAM_SIMILAR_DETAIL=1` prints each
//! dev query's suggestions (never the test half's: tuning looks at dev only),
//! and `FINSAM_SIMILAR_HALF=dev` reports the dev half alone.
//!
//! The baseline opens the tantivy index itself: it is a measurement of
//! tantivy's own feature, not part of Finsamsök's search service.

#[path = "../tests/similar/eval.rs"]
mod eval;

use eval::{Corpus, Half, Judged, Summary};
use finsam::analysis::Profile;
use finsam::corpus::{self, Features, Knowledge, Unit, similar};
use finsam::index::{self, Fields};
use finsam::ingest::{self, IngestOptions};
use std::collections::HashSet;
use std::path::{Path, PathBuf};
use tantivy::collector::TopDocs;
use tantivy::query::MoreLikeThisQuery;
use tantivy::schema::{OwnedValue, Value};
use tantivy::{Searcher, TantivyDocument};

/// A system under test: document id → suggested units, best first.
type Suggester<'a> = Box<dyn FnMut(&str) -> Vec<Unit> + 'a>;

/// Suggestions asked of each system.
const LIMIT: usize = 10;

fn main() {
    if !std::env::args().any(|arg| arg == "--bench") {
        println!("similar: run it with `cargo bench --bench similar`");
        return;
    }
    let corpus_dir = tempfile::tempdir().expect("temp dir");
    let shared = eval::gather_corpus(corpus_dir.path());
    let kept = std::env::var_os("FINSAM_SIMILAR_INDEX").map(PathBuf::from);
    let temporary = tempfile::tempdir().expect("temp dir");
    let index_dir = kept
        .clone()
        .unwrap_or_else(|| temporary.path().to_path_buf());
    let knowledge = match kept.filter(|dir| index::exists(dir)) {
        Some(dir) => {
            eprintln!("NOTICE: reusing {}; relating it again", dir.display());
            relate_again(&dir)
        }
        None => {
            let report = ingest::run(&IngestOptions::new(corpus_dir.path(), &index_dir), |_| {})
                .expect("ingest runs");
            eprintln!("ingested {} files", report.files);
            index::knowledge::load(&index_dir).expect("ingest stores knowledge")
        }
    };
    let (tantivy_index, fields) = index::open(&index_dir, Profile::Full).expect("index opens");
    let searcher = tantivy_index.reader().expect("reader").searcher();

    let judged = eval::load();
    let corpus = Corpus::new(&knowledge);
    let askable = corpus.askable(&judged);
    let mlt = |name: &'static str, builder: fn() -> tantivy::query::MoreLikeThisQueryBuilder| {
        let (searcher, fields, corpus) = (&searcher, &fields, &corpus);
        (
            name,
            Box::new(move |doc_id: &str| {
                more_like_this(searcher, fields, corpus, doc_id, builder())
            }) as Box<dyn FnMut(&str) -> Vec<Unit> + '_>,
        )
    };
    let mut systems: Vec<(&str, Suggester<'_>)> = vec![
        (
            "Finsamsök",
            Box::new(|doc_id: &str| ours(&knowledge, doc_id)),
        ),
        mlt("tantivy MLT, defaults", MoreLikeThisQuery::builder),
        mlt("tantivy MLT, paperless", || {
            MoreLikeThisQuery::builder()
                .with_min_doc_frequency(1)
                .with_min_term_frequency(1)
                .with_max_query_terms(12)
        }),
    ];
    println!(
        "similar: {} judged documents asked ({} dev, {} test){}",
        askable.len(),
        askable.iter().filter(|j| j.half == Half::Dev).count(),
        askable.iter().filter(|j| j.half == Half::Test).count(),
        if shared { "" } else { "; ../shared absent" }
    );
    print_ceiling(&corpus, &askable);
    println!("| system | half | queries | P@5 | P@5 of possible | R@10 | nDCG@10 |");
    println!("|---|---|---:|---:|---:|---:|---:|");
    for (name, suggest) in &mut systems {
        for half in halves() {
            let summary = eval::evaluate(&corpus, &askable, half, &mut **suggest);
            print_row(name, half, &summary);
        }
    }
    if std::env::var_os("FINSAM_SIMILAR_DETAIL").is_some() {
        print_detail(&corpus, &askable, &knowledge);
    }
}

/// The halves to report: both, or only dev under `FINSAM_SIMILAR_HALF=dev`
/// (while tuning, so that the test half is not even seen).
fn halves() -> Vec<Half> {
    match std::env::var("FINSAM_SIMILAR_HALF").as_deref() {
        Ok("dev") => vec![Half::Dev],
        _ => vec![Half::Dev, Half::Test],
    }
}

/// The corpus stage run again over an index's stored documents.
fn relate_again(dir: &Path) -> Knowledge {
    let (index, fields) = index::open(dir, Profile::Full).expect("index opens");
    let searcher = index.reader().expect("reader").searcher();
    let terms = corpus::Terms::default();
    let features = index::map_documents(&searcher, &fields, |record| Features::of(&record, &terms))
        .expect("documents read");
    corpus::relate(features, terms)
}

/// Finsamsök's suggestions for the unit `doc_id` belongs to.
fn ours(knowledge: &Knowledge, doc_id: &str) -> Vec<Unit> {
    let unit = similar::unit_of(knowledge, doc_id);
    similar::similar(knowledge, &unit, LIMIT)
        .into_iter()
        .map(|s| s.unit)
        .collect()
}

/// tantivy's more-like-this over the document's text — its title and its
/// sections' headings and bodies, in every full-text field that indexes
/// them (`title`, `heading`, `body`, `exact`) — with section hits grouped
/// into units, best first, the document's own unit left out.
fn more_like_this(
    searcher: &Searcher,
    fields: &Fields,
    corpus: &Corpus,
    doc_id: &str,
    builder: tantivy::query::MoreLikeThisQueryBuilder,
) -> Vec<Unit> {
    let sections = index::document_sections(searcher, fields, doc_id).expect("sections read");
    let text = |s: &str| OwnedValue::Str(s.to_string());
    let title = sections.first().map(|s| s.metadata.title.clone());
    let query = builder.with_document_fields(vec![
        (fields.title, title.iter().map(|t| text(t)).collect()),
        (
            fields.heading,
            sections.iter().map(|s| text(&s.heading)).collect(),
        ),
        (
            fields.body,
            sections.iter().map(|s| text(&s.text)).collect(),
        ),
        (
            fields.exact,
            sections
                .iter()
                .map(|s| text(&format!("{}\n{}", s.heading, s.text)))
                .collect(),
        ),
    ]);
    let own = corpus.unit(doc_id);
    let hits = searcher
        .search(&query, &TopDocs::with_limit(100_000).order_by_score())
        .expect("search runs");
    let mut seen = HashSet::new();
    let mut units = Vec::new();
    for (_, address) in hits {
        let doc: TantivyDocument = searcher.doc(address).expect("stored section");
        let Some(id) = doc.get_first(fields.doc_id).and_then(|v| v.as_str()) else {
            continue;
        };
        let unit = corpus.unit(id);
        if unit != own && seen.insert(unit.clone()) {
            units.push(unit);
            if units.len() == LIMIT {
                break;
            }
        }
    }
    units
}

/// The best precision@5 any system could reach (queries with fewer than 5
/// relevant units cap it).
fn print_ceiling(corpus: &Corpus, askable: &[&Judged]) {
    for half in halves() {
        let summary = eval::evaluate(corpus, askable, half, &mut |_| Vec::new());
        println!(
            "{} half: best possible P@5 {:.3} (some documents have fewer than 5 relevant units)",
            half.name(),
            summary.mean.ceiling_5
        );
    }
}

fn print_row(name: &str, half: Half, summary: &Summary) {
    println!(
        "| {name} | {} | {} | {:.3} | {:.3} | {:.3} | {:.3} |",
        half.name(),
        summary.queries,
        summary.mean.precision_5,
        summary.mean.capped_5,
        summary.mean.recall_10,
        summary.mean.ndcg_10
    );
}

/// Each dev query's suggestions, relevant ones marked, with the reasons.
fn print_detail(corpus: &Corpus, askable: &[&Judged], knowledge: &Knowledge) {
    for judged in askable.iter().filter(|j| j.half == Half::Dev) {
        let doc_id = corpus.doc_id(&judged.name).expect("askable");
        let unit = similar::unit_of(knowledge, doc_id);
        let scores = eval::score(corpus, judged, &ours(knowledge, doc_id));
        println!(
            "\n{} ({}) P@5 {:.1} R@10 {:.2}",
            judged.name,
            unit_name(knowledge, &unit),
            scores.precision_5,
            scores.recall_10
        );
        let relevant: HashSet<Unit> = judged
            .similar
            .keys()
            .filter_map(|name| corpus.doc_id(name))
            .map(|id| corpus.unit(id))
            .collect();
        for s in similar::similar(knowledge, &unit, LIMIT) {
            let mark = if relevant.contains(&s.unit) { "+" } else { " " };
            println!(
                "  {mark} {:.3} {} — {}",
                s.score,
                unit_name(knowledge, &s.unit),
                s.reason
            );
        }
        for missed in relevant.iter().filter(|u| {
            !similar::similar(knowledge, &unit, LIMIT)
                .iter()
                .any(|s| s.unit == **u)
        }) {
            println!("  ! missed {}", unit_name(knowledge, missed));
        }
    }
}

/// A unit as a reader knows it: a project's name, or a report's file.
fn unit_name(knowledge: &Knowledge, unit: &Unit) -> String {
    match unit {
        Unit::Project(id) => knowledge
            .projects
            .get(id)
            .map_or(id.clone(), |p| format!("projekt {}", p.name)),
        Unit::Document(id) => knowledge.document(id).map_or(id.clone(), |d| {
            eval::name_of(d.summary.paths.first().map_or("", String::as_str))
        }),
    }
}
