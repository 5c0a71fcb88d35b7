//! Relevance evaluation shared by `benches/relevance.rs` and `tests/relevance_floor.rs`.
//!
//! A query set names, for each query, the corpus it is asked against and
//! short answer phrases of which a correct hit's section contains one. There
//! are three sets ([`QuerySet`]): the old one (`queries.tsv`, partly judged by
//! pooling and used to tune the ranking of sessions 1–3) and the blind set
//! (`blind.tsv`, written without running any search), split once at random
//! into `dev` (tuned on) and `test` (reported, never tuned on). A [`System`]
//! answers a query with its top hits; the first hit whose text or heading
//! contains an answer gives the query's rank, and the ranks become MRR@10,
//! success@1 and success@5, overall and per tag, beside the median length of
//! the hits returned.

use finsam::analysis::Profile;
use finsam::ingest::{self, IngestOptions};
use finsam::search::{SearchRequest, SearchService};
use std::path::{Path, PathBuf};
use tempfile::TempDir;

/// How many hits a system returns per query, and the depth of MRR.
pub const TOP_K: usize = 10;

/// The query tags, in the order the tables print them.
pub const TAGS: [&str; 7] = [
    "stemming",
    "compound",
    "abbreviation",
    "variant",
    "typo",
    "topical",
    "known-item",
];

/// Which corpus a query is asked against.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Corpus {
    /// The five real reports in `../shared/corpus/pdf`.
    Shared,
    /// The invented sample reports in `corpus/`.
    Sample,
}

/// One line of the query set (its free-text note is for people and not kept).
#[derive(Debug, Clone)]
pub struct Query {
    /// What a processledare would type.
    pub text: String,
    /// The corpus to ask.
    pub corpus: Corpus,
    /// Exact phrases of which a correct hit's section contains one: the
    /// first written with the query, the others added by judging the hits
    /// systems returned (separated by ` || ` in the file).
    pub answers: Vec<String>,
    /// One of [`TAGS`].
    pub tag: String,
}

/// One returned hit: what the scoring looks at.
#[derive(Debug, Clone)]
pub struct Passage {
    /// The section heading.
    pub heading: String,
    /// The section text.
    pub text: String,
}

impl Passage {
    fn answers(&self, answers: &[String]) -> bool {
        answers
            .iter()
            .any(|answer| self.text.contains(answer) || self.heading.contains(answer))
    }
}

/// Runs one query and returns the top hits, best first.
pub type SearchFn<'a> = Box<dyn Fn(&Query) -> Vec<Passage> + 'a>;

/// A named search system: a query in, its top hits out, best first.
pub struct System<'a> {
    /// Name printed in the tables.
    pub name: String,
    /// Runs one query.
    pub run: SearchFn<'a>,
}

/// A stored query set.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuerySet {
    /// `queries.tsv`: 120 queries, the set sessions 1–3 tuned on.
    Old,
    /// The `dev` split of `blind.tsv`: tuned on from issue #14 on.
    Dev,
    /// The `test` split of `blind.tsv`: reported, never tuned on.
    Test,
}

impl QuerySet {
    /// Every set, in the order the runner prints them (only the bench
    /// reads it; the floor test shares this file).
    #[allow(dead_code)]
    pub const ALL: [QuerySet; 3] = [QuerySet::Old, QuerySet::Dev, QuerySet::Test];

    /// The set's name in tables and in `FINSAM_RELEVANCE_SETS`.
    pub fn name(self) -> &'static str {
        match self {
            QuerySet::Old => "old",
            QuerySet::Dev => "dev",
            QuerySet::Test => "test",
        }
    }

    /// Reads the set's queries (header line and `#` comments skipped).
    pub fn load(self) -> Vec<Query> {
        let (file, split) = match self {
            QuerySet::Old => ("queries.tsv", None),
            QuerySet::Dev => ("blind.tsv", Some("dev")),
            QuerySet::Test => ("blind.tsv", Some("test")),
        };
        let path = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("tests/relevance")
            .join(file);
        let text = std::fs::read_to_string(&path).expect("query set is readable");
        text.lines()
            .skip(1)
            .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
            .filter(|line| split.is_none_or(|s| line.split('\t').nth(4) == Some(s)))
            .map(parse_line)
            .collect()
    }
}

fn parse_line(line: &str) -> Query {
    let columns: Vec<&str> = line.split('\t').collect();
    assert!(columns.len() >= 4, "bad query line: {line}");
    let corpus = match columns[1] {
        "shared" => Corpus::Shared,
        "sample" => Corpus::Sample,
        other => panic!("unknown corpus {other:?} in: {line}"),
    };
    assert!(TAGS.contains(&columns[3]), "unknown tag in: {line}");
    Query {
        text: columns[0].to_string(),
        corpus,
        answers: columns[2].split(" || ").map(str::to_string).collect(),
        tag: columns[3].to_string(),
    }
}

/// The five real reports, looked for beside the checkout and beside the
/// worktree folder; `None` when neither exists.
pub fn shared_pdfs() -> Option<PathBuf> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    ["../shared/corpus/pdf", "../../shared/corpus/pdf"]
        .iter()
        .map(|relative| root.join(relative))
        .find(|dir| dir.is_dir())
}

/// The sample reports the query sets were written and judged over (the
/// thirteen of `tests/metadata/labels.tsv`), copied into a fresh folder: the
/// sample corpus has grown since, and passages of reports nobody judged
/// would count as misses.
fn judged_sample() -> TempDir {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let labels = std::fs::read_to_string(root.join("tests/metadata/labels.tsv")).expect("labels");
    let dir = tempfile::tempdir().expect("temp dir");
    let documents = labels
        .lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("document\t"))
        .filter_map(|l| l.split('\t').next())
        .filter(|d| !d.is_empty() && d.parse::<u32>().is_err());
    for document in documents {
        let name = format!("{document}.pdf");
        std::fs::copy(
            root.join("corpus/exempel").join(&name),
            dir.path().join(&name),
        )
        .expect("judged sample report");
    }
    dir
}

/// A corpus ingested into a temporary index, with a search service over it.
pub struct Indexed {
    /// Keeps the temporary index folder alive (empty for a kept index).
    _dir: TempDir,
    /// The search service over the index.
    pub service: SearchService,
}

impl Indexed {
    /// Ingests `corpus` into an index analysed under `profile`: a fresh
    /// temporary one, or, when `FINSAM_RELEVANCE_INDEX=DIR` is set, the
    /// folder `DIR/<name>`, reused as it is when it holds an index this
    /// binary built under `profile` (a quick loop while changing how
    /// queries are ranked; delete DIR after changing anything read at
    /// ingest).
    pub fn new(corpus: &Path, profile: Profile, name: &str) -> Indexed {
        let kept = std::env::var_os("FINSAM_RELEVANCE_INDEX")
            .map(|dir| PathBuf::from(dir).join(format!("{name}-{profile:?}")));
        let temporary = tempfile::tempdir().expect("temp dir");
        let dir = kept
            .clone()
            .unwrap_or_else(|| temporary.path().to_path_buf());
        if kept.is_none() || !finsam::index::is_current(&dir, profile) {
            let options = IngestOptions {
                profile,
                ..IngestOptions::new(corpus, &dir)
            };
            ingest::run(&options, |_| {}).expect("ingest runs");
        }
        let service = SearchService::open_with(&dir, profile).expect("index opens");
        Indexed {
            _dir: temporary,
            service,
        }
    }
}

/// The indexes a run asks: the sample corpus always, the shared one when present.
pub struct Indexes {
    /// How they were analysed and are searched.
    pub profile: Profile,
    /// The real reports, when `../shared` exists.
    pub shared: Option<Indexed>,
    /// The sample reports the queries were written over.
    pub sample: Indexed,
    /// Keeps the folder of those sample reports alive.
    _judged: TempDir,
}

impl Indexes {
    /// Ingests the judged sample reports and, when found, the shared PDFs.
    pub fn build(profile: Profile) -> Indexes {
        let judged = judged_sample();
        let sample = Indexed::new(judged.path(), profile, "sample");
        let shared = shared_pdfs().map(|dir| Indexed::new(&dir, profile, "shared"));
        Indexes {
            profile,
            shared,
            sample,
            _judged: judged,
        }
    }

    /// The index for a corpus, if it was built.
    pub fn get(&self, corpus: Corpus) -> Option<&Indexed> {
        match corpus {
            Corpus::Shared => self.shared.as_ref(),
            Corpus::Sample => Some(&self.sample),
        }
    }

    /// The queries whose corpus was built, with a notice for the rest.
    pub fn askable(&self, queries: Vec<Query>) -> Vec<Query> {
        if self.shared.is_none() {
            eprintln!("NOTICE: ../shared/corpus is absent; evaluating only the sample queries");
        }
        queries
            .into_iter()
            .filter(|q| self.get(q.corpus).is_some())
            .collect()
    }

    /// Finsamsök under this profile: the query as typed, top [`TOP_K`] sections.
    pub fn finsam(&self) -> System<'_> {
        let name = match self.profile {
            Profile::Full => "Finsamsök",
            Profile::StemmingOnly => "Finsamsök, stemming only",
        };
        System {
            name: name.to_string(),
            run: Box::new(|query| match self.get(query.corpus) {
                Some(indexed) => finsam_search(&indexed.service, &query.text),
                None => Vec::new(),
            }),
        }
    }
}

/// Runs `text` through the search service; a query it cannot parse finds nothing.
pub fn finsam_search(service: &SearchService, text: &str) -> Vec<Passage> {
    let request = SearchRequest {
        limit: TOP_K,
        ..SearchRequest::text(text)
    };
    match service.search(&request) {
        Ok(results) => results
            .hits
            .into_iter()
            .map(|hit| Passage {
                heading: hit.heading,
                text: hit.text,
            })
            .collect(),
        Err(err) => {
            eprintln!("query {text:?} failed: {err}");
            Vec::new()
        }
    }
}

/// A system's answers to a query set: each query's rank and the hit lengths.
pub struct Evaluation {
    /// The system's name.
    pub system: String,
    /// Each query with the 1-based rank of its first correct hit.
    pub ranks: Vec<(Query, Option<usize>)>,
    /// The same, counting only each query's first answer (before judging).
    pub first_answer_ranks: Vec<Option<usize>>,
    /// Character length of every returned hit, per query.
    pub hit_lengths: Vec<Vec<usize>>,
    /// Each query's first hit, when there was one (for judging by pooling;
    /// only the bench reads it, the floor test shares this file).
    #[allow(dead_code)]
    pub top_hits: Vec<Option<Passage>>,
}

impl Evaluation {
    /// Asks `system` every query and scores its hits.
    pub fn run(system: &System<'_>, queries: &[Query]) -> Evaluation {
        let mut ranks = Vec::new();
        let mut first_answer_ranks = Vec::new();
        let mut hit_lengths = Vec::new();
        let mut top_hits = Vec::new();
        for query in queries {
            let hits = (system.run)(query);
            let hits = &hits[..hits.len().min(TOP_K)];
            top_hits.push(hits.first().cloned());
            hit_lengths.push(hits.iter().map(|h| h.text.chars().count()).collect());
            let rank_of =
                |answers: &[String]| hits.iter().position(|h| h.answers(answers)).map(|r| r + 1);
            ranks.push((query.clone(), rank_of(&query.answers)));
            first_answer_ranks.push(rank_of(&query.answers[..1]));
        }
        Evaluation {
            system: system.name.clone(),
            ranks,
            first_answer_ranks,
            hit_lengths,
            top_hits,
        }
    }

    /// Scores over every query, or over one tag's queries.
    pub fn scores(&self, tag: Option<&str>) -> Scores {
        let ranks: Vec<Option<usize>> = self
            .ranks
            .iter()
            .filter(|(q, _)| tag.is_none_or(|t| q.tag == t))
            .map(|(_, rank)| *rank)
            .collect();
        Scores::of(&ranks)
    }

    /// Scores over every query counting only each query's first answer.
    pub fn first_answer_scores(&self) -> Scores {
        Scores::of(&self.first_answer_ranks)
    }

    /// Number of hits returned over every query.
    pub fn hits_returned(&self) -> usize {
        self.hit_lengths.iter().map(Vec::len).sum()
    }

    /// Median character length of the hits returned for every query, or
    /// for one tag's queries (0 when there were none).
    pub fn median_hit_length(&self, tag: Option<&str>) -> usize {
        let mut lengths: Vec<usize> = self
            .ranks
            .iter()
            .zip(&self.hit_lengths)
            .filter(|((q, _), _)| tag.is_none_or(|t| q.tag == t))
            .flat_map(|(_, lengths)| lengths.iter().copied())
            .collect();
        lengths.sort_unstable();
        lengths.get(lengths.len() / 2).copied().unwrap_or(0)
    }
}

/// Rank-based scores over a set of queries.
#[derive(Debug, Clone, Copy)]
pub struct Scores {
    /// Number of queries.
    pub queries: usize,
    /// Mean reciprocal rank of the first correct hit within the top 10.
    pub mrr: f64,
    /// Share of queries whose first hit is correct.
    pub success_at_1: f64,
    /// Share of queries with a correct hit in the top 5.
    pub success_at_5: f64,
}

impl Scores {
    fn of(ranks: &[Option<usize>]) -> Scores {
        let n = ranks.len().max(1) as f64;
        let within = |k: usize| ranks.iter().filter(|r| r.is_some_and(|r| r <= k)).count() as f64;
        // A fold from +0.0: an empty float `sum()` is -0.0 and prints as "-0.000".
        let reciprocal = ranks
            .iter()
            .flatten()
            .fold(0.0, |acc, &r| acc + 1.0 / r as f64);
        Scores {
            queries: ranks.len(),
            mrr: reciprocal / n,
            success_at_1: within(1) / n,
            success_at_5: within(5) / n,
        }
    }
}

/// Prints one table for a query set: a row per tag, a column per system,
/// each cell MRR@10 / success@1 / success@5 and the median hit length in
/// characters.
pub fn print_table(set: QuerySet, evaluations: &[Evaluation]) {
    let Some(first) = evaluations.first() else {
        return;
    };
    println!("\n{} set: {} queries", set.name(), first.ranks.len());
    let names: Vec<&str> = evaluations.iter().map(|e| e.system.as_str()).collect();
    println!(
        "| tag | n | {} |",
        names
            .iter()
            .map(|n| format!("{n}: MRR@10 / s@1 / s@5 (median chars)"))
            .collect::<Vec<_>>()
            .join(" | ")
    );
    println!("|---|---:|{}", "---|".repeat(names.len()));
    let row = |label: &str, n: usize, cells: Vec<String>| {
        println!("| {label} | {n} | {} |", cells.join(" | "));
    };
    let cell = |s: Scores, median: usize| {
        format!(
            "{:.3} / {:.3} / {:.3} ({median})",
            s.mrr, s.success_at_1, s.success_at_5
        )
    };
    for tag in std::iter::once(None).chain(TAGS.map(Some)) {
        let n = first.scores(tag).queries;
        if n == 0 {
            continue;
        }
        let cells = evaluations
            .iter()
            .map(|e| cell(e.scores(tag), e.median_hit_length(tag)))
            .collect();
        row(tag.unwrap_or("**all**"), n, cells);
    }
    let cells = evaluations
        .iter()
        .map(|e| cell(e.first_answer_scores(), e.median_hit_length(None)))
        .collect();
    row("all, first answer only", first.ranks.len(), cells);
    let cells = evaluations
        .iter()
        .map(|e| e.hits_returned().to_string())
        .collect();
    row("hits returned", first.ranks.len(), cells);
}
