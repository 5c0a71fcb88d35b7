//! Relevance benchmark: the stored query sets against Finsamsök and, when it
//! is installed, PostgreSQL full-text search over the very same sections.
//!
//! Run with `cargo bench --bench relevance`. Under `cargo test --all-targets`
//! the binary only says how to run it, so the regular tests need no
//! PostgreSQL. In one run it asks the old set, the blind `dev` split and the
//! blind `test` split of (a) Finsamsök as built, (b) Finsamsök with stemming
//! only (the first version: no compound parts, synonyms, spelling retry or
//! any-word fallback) and (c) PostgreSQL; a further system is one more entry
//! in the list built in [`systems`]. Per-query ranks are printed for the old
//! set and `dev` only: `test` is reported as totals, so nobody tunes to it.
//!
//! `FINSAM_RELEVANCE_SETS=old,dev` asks only those sets, and
//! `FINSAM_RELEVANCE_PEERS=0` only Finsamsök (for quick runs while working;
//! the figures reported come from a full run). `FINSAM_RELEVANCE_INDEX=DIR`
//! keeps the indexes in DIR and reuses them in later runs (see
//! `eval::Indexed::new`).

#[path = "../tests/relevance/eval.rs"]
mod eval;
#[path = "relevance/pg.rs"]
mod pg;

use anyhow::Result;
use eval::{Corpus, Evaluation, Indexed, Indexes, Query, QuerySet, System};
use finsam::analysis::Profile;
use pg::{FullText, SectionRow, Server};
use std::path::Path;

fn main() -> Result<()> {
    if !std::env::args().any(|arg| arg == "--bench") {
        println!("relevance: run it with `cargo bench --bench relevance`");
        return Ok(());
    }
    let peers = std::env::var("FINSAM_RELEVANCE_PEERS").map_or(true, |v| v != "0");
    let indexes = Indexes::build(Profile::Full);
    let baseline = peers.then(|| Indexes::build(Profile::StemmingOnly));
    let server = if peers { start_postgres() } else { None };
    let postgres = match &server {
        Some(server) => Some(PostgresIndexes::load(server, &indexes)?),
        None => None,
    };
    let systems = systems(&indexes, baseline.as_ref(), postgres.as_ref());
    let mut pool = Vec::new();
    for set in chosen_sets() {
        let queries = indexes.askable(set.load());
        let evaluations: Vec<Evaluation> = systems
            .iter()
            .map(|system| Evaluation::run(system, &queries))
            .collect();
        eval::print_table(set, &evaluations);
        if set != QuerySet::Test {
            print_query_ranks(set, &evaluations);
            pool.extend(evaluations);
        }
    }
    if let Some(path) = std::env::var_os("FINSAM_RELEVANCE_POOL") {
        write_pool(Path::new(&path), &pool)?;
    }
    Ok(())
}

/// The sets named in `FINSAM_RELEVANCE_SETS` (comma-separated), else all.
fn chosen_sets() -> Vec<QuerySet> {
    let Ok(names) = std::env::var("FINSAM_RELEVANCE_SETS") else {
        return QuerySet::ALL.to_vec();
    };
    QuerySet::ALL
        .into_iter()
        .filter(|set| names.split(',').any(|n| n.trim() == set.name()))
        .collect()
}

/// Writes, for judging, every system's first hit of each query (old set and
/// `dev`) whose first hit is not yet judged an answer: system, query,
/// heading, text (TSV).
fn write_pool(path: &Path, evaluations: &[Evaluation]) -> Result<()> {
    let mut out = String::from("system\tquery\theading\ttext\n");
    for evaluation in evaluations {
        let unjudged = evaluation.ranks.iter().zip(&evaluation.top_hits);
        for ((query, _), hit) in unjudged.filter(|((_, rank), _)| *rank != Some(1)) {
            let Some(hit) = hit else { continue };
            let flat = |text: &str| text.split_whitespace().collect::<Vec<_>>().join(" ");
            out += &format!(
                "{}\t{}\t{}\t{}\n",
                evaluation.system,
                query.text,
                flat(&hit.heading),
                flat(&hit.text)
            );
        }
    }
    std::fs::write(path, out)?;
    println!("pool of unjudged first hits written to {}", path.display());
    Ok(())
}

/// Every system to compare, in table order.
fn systems<'a>(
    indexes: &'a Indexes,
    baseline: Option<&'a Indexes>,
    postgres: Option<&'a PostgresIndexes>,
) -> Vec<System<'a>> {
    let mut systems = vec![indexes.finsam()];
    systems.extend(baseline.map(Indexes::finsam));
    if let Some(postgres) = postgres {
        systems.push(System {
            name: "PostgreSQL FTS".to_string(),
            run: Box::new(move |query| postgres.search(query)),
        });
    }
    systems
}

/// Starts PostgreSQL, or prints why the table will show Finsamsök only.
fn start_postgres() -> Option<Server> {
    match Server::start() {
        Ok(Some(server)) => Some(server),
        Ok(None) => {
            eprintln!(
                "NOTICE: PostgreSQL is not installed (apt-get install -y postgresql); reporting Finsamsök only"
            );
            None
        }
        Err(err) => {
            eprintln!("NOTICE: PostgreSQL did not start ({err:#}); reporting Finsamsök only");
            None
        }
    }
}

/// One PostgreSQL database per corpus, loaded from the Finsamsök indexes.
struct PostgresIndexes {
    shared: Option<FullText>,
    sample: FullText,
}

impl PostgresIndexes {
    fn load(server: &Server, indexes: &Indexes) -> Result<PostgresIndexes> {
        let sample = FullText::load(server, "sample", &sections(&indexes.sample)?)?;
        let shared = match &indexes.shared {
            Some(indexed) => Some(FullText::load(server, "shared", &sections(indexed)?)?),
            None => None,
        };
        Ok(PostgresIndexes { shared, sample })
    }

    fn search(&self, query: &Query) -> Vec<eval::Passage> {
        let full_text = match query.corpus {
            Corpus::Shared => self.shared.as_ref(),
            Corpus::Sample => Some(&self.sample),
        };
        full_text.map_or_else(Vec::new, |f| f.search(&query.text))
    }
}

/// Every section of an index with its document's title.
fn sections(indexed: &Indexed) -> Result<Vec<SectionRow>> {
    let service = &indexed.service;
    let mut rows = Vec::new();
    let documents = service.documents(usize::MAX, 0)?.documents;
    for summary in documents {
        let Some(detail) = service.document(&summary.doc_id)? else {
            continue;
        };
        rows.extend(detail.sections.into_iter().map(|section| SectionRow {
            title: summary.title.clone(),
            heading: section.heading,
            text: section.text,
        }));
    }
    Ok(rows)
}

/// Each query's rank per system (`-` when no correct hit in the top 10).
fn print_query_ranks(set: QuerySet, evaluations: &[Evaluation]) {
    let names: Vec<&str> = evaluations.iter().map(|e| e.system.as_str()).collect();
    println!(
        "\nPer query of the {} set ({}): tag, query, ranks",
        set.name(),
        names.join(" / ")
    );
    let Some(first) = evaluations.first() else {
        return;
    };
    for (i, (query, _)) in first.ranks.iter().enumerate() {
        let ranks: Vec<String> = evaluations
            .iter()
            .map(|e| e.ranks[i].1.map_or("-".to_string(), |r| r.to_string()))
            .collect();
        println!("{:<13} {:<55} {}", query.tag, query.text, ranks.join(" / "));
    }
}
