//! "Liknande projekt" evaluation shared by `benches/similar.rs` and
//! `tests/similar_projects.rs`: the judged documents (`judgements.tsv`),
//! their dev/test split (`split.tsv`), and precision@5, recall@10 and
//! nDCG@10 of a suggester over an ingested corpus.
//!
//! A query is a judged document; what is suggested is a unit (a project,
//! or a report in no project). A suggested unit is relevant when it holds
//! a judged document or a near-duplicate copy of one; its grade is the best
//! grade among them. Recall counts the judged documents' units.
#![allow(dead_code)] // each binary uses a different subset

use finsam::corpus::similar::unit_of;
use finsam::corpus::{Knowledge, Unit};
use std::collections::{BTreeMap, HashMap};
use std::path::Path;

/// The two halves of the judged documents.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Half {
    /// Tuning looks at these.
    Dev,
    /// Reported only.
    Test,
}

impl Half {
    /// Its name in tables.
    pub fn name(self) -> &'static str {
        match self {
            Half::Dev => "dev",
            Half::Test => "test",
        }
    }
}

/// A judged document: its name (path under the corpus folder without
/// `.pdf`, the shared reports as `000`–`004`), half, and the documents a
/// user would want suggested, with grades 1–2.
#[derive(Debug, Clone)]
pub struct Judged {
    /// Its name.
    pub name: String,
    /// Dev or test.
    pub half: Half,
    /// Similar documents by name, with grades.
    pub similar: BTreeMap<String, u8>,
}

/// Every judged document, in file order.
pub fn load() -> Vec<Judged> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/similar");
    let halves: HashMap<String, Half> = rows(&dir.join("split.tsv"))
        .map(|row| {
            let half = match row[2].as_str() {
                "dev" => Half::Dev,
                "test" => Half::Test,
                other => panic!("split.tsv: unknown half {other}"),
            };
            (row[0].clone(), half)
        })
        .collect();
    let mut judged: Vec<Judged> = Vec::new();
    for row in rows(&dir.join("judgements.tsv")) {
        let grade: u8 = row[2].parse().expect("grade is a number");
        let at = match judged.iter().position(|j| j.name == row[0]) {
            Some(at) => at,
            None => {
                judged.push(Judged {
                    name: row[0].clone(),
                    half: *halves
                        .get(&row[0])
                        .unwrap_or_else(|| panic!("{} is in split.tsv", row[0])),
                    similar: BTreeMap::new(),
                });
                judged.len() - 1
            }
        };
        judged[at].similar.insert(row[1].clone(), grade);
    }
    judged
}

/// The data rows of a TSV file with comment lines and a header.
fn rows(path: &Path) -> impl Iterator<Item = Vec<String>> {
    let text = std::fs::read_to_string(path).expect("judgement file");
    let lines: Vec<Vec<String>> = text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.trim().is_empty())
        .skip(1)
        .map(|l| l.split('\t').map(str::to_string).collect())
        .collect();
    lines.into_iter()
}

/// Copies the sample corpus and, when `../shared` exists, the five shared
/// reports into `dir` as `exempel/…` and `shared/…` (the names
/// [`name_of`] reads); false, with a notice, when the shared ones are absent.
pub fn gather_corpus(dir: &Path) -> bool {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    copy_pdfs(&root.join("corpus/exempel"), &dir.join("exempel"));
    let shared = root.join("../shared/corpus/pdf");
    if !shared.is_dir() {
        eprintln!("NOTICE: ../shared/corpus is absent; judging the sample corpus only");
        return false;
    }
    copy_pdfs(&shared, &dir.join("shared"));
    true
}

/// Copies the PDFs below `from` into `to`, keeping folders.
fn copy_pdfs(from: &Path, to: &Path) {
    for entry in walkdir::WalkDir::new(from).into_iter().flatten() {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "pdf") {
            let target = to.join(path.strip_prefix(from).expect("below"));
            std::fs::create_dir_all(target.parent().expect("a folder")).expect("folder");
            std::fs::copy(path, target).expect("copy");
        }
    }
}

/// The name a judgement file uses for a corpus path: `exempel/x.pdf` → `x`,
/// `shared/000.pdf` → `000`, `exempel/skannat/y.pdf` → `skannat/y`.
pub fn name_of(path: &str) -> String {
    let path = path.strip_prefix("exempel/").unwrap_or(path);
    let path = path.strip_prefix("shared/").unwrap_or(path);
    path.strip_suffix(".pdf").unwrap_or(path).to_string()
}

/// The ingested corpus as the evaluation sees it: documents by name, and
/// the units the corpus stage made of them.
pub struct Corpus<'a> {
    /// What the corpus stage knows.
    pub knowledge: &'a Knowledge,
    by_name: HashMap<String, String>,
}

impl<'a> Corpus<'a> {
    /// Names every document of `knowledge` by its paths.
    pub fn new(knowledge: &'a Knowledge) -> Corpus<'a> {
        let by_name = knowledge
            .documents
            .values()
            .flat_map(|facts| {
                facts
                    .summary
                    .paths
                    .iter()
                    .map(|p| (name_of(p), facts.summary.doc_id.clone()))
            })
            .collect();
        Corpus { knowledge, by_name }
    }

    /// The document id of a judged name, when the corpus holds it.
    pub fn doc_id(&self, name: &str) -> Option<&str> {
        self.by_name.get(name).map(String::as_str)
    }

    /// The unit a document belongs to.
    pub fn unit(&self, doc_id: &str) -> Unit {
        unit_of(self.knowledge, doc_id)
    }

    /// The judged documents the corpus holds.
    pub fn askable<'j>(&self, judged: &'j [Judged]) -> Vec<&'j Judged> {
        judged
            .iter()
            .filter(|j| self.doc_id(&j.name).is_some())
            .collect()
    }
}

/// One query's scores.
#[derive(Debug, Clone, Copy, Default)]
pub struct Scores {
    /// Relevant units among the first 5, over 5.
    pub precision_5: f64,
    /// Relevant units among the first 10, over all relevant units.
    pub recall_10: f64,
    /// Graded: gain 2^grade − 1, log2 discount, over the ideal order.
    pub ndcg_10: f64,
    /// The best precision@5 possible (fewer than 5 relevant units cap it).
    pub ceiling_5: f64,
    /// Relevant units among the first 5, over those there could be
    /// (min(5, relevant units)): 1.0 when no better first five exist.
    pub capped_5: f64,
}

/// Scores the suggestions for `judged` (units, best first; the query's own
/// unit is never among them — a suggester that lists it is a bug, and panics).
pub fn score(corpus: &Corpus, judged: &Judged, suggested: &[Unit]) -> Scores {
    let doc_id = corpus.doc_id(&judged.name).expect("askable");
    let own = corpus.unit(doc_id);
    assert!(
        !suggested.contains(&own),
        "{}: its own unit {own:?} is suggested",
        judged.name
    );
    let relevant = relevant_units(corpus, judged, &own);
    let gain = |unit: &Unit| {
        relevant
            .get(unit)
            .map_or(0.0, |&g| 2f64.powi(g.into()) - 1.0)
    };
    let hits = |k: usize| {
        suggested
            .iter()
            .take(k)
            .filter(|u| relevant.contains_key(*u))
            .count() as f64
    };
    let dcg: f64 = suggested
        .iter()
        .take(10)
        .enumerate()
        .map(|(i, u)| gain(u) / (i as f64 + 2.0).log2())
        .sum();
    let mut grades: Vec<u8> = relevant.values().copied().collect();
    grades.sort_unstable_by(|a, b| b.cmp(a));
    let ideal: f64 = grades
        .iter()
        .take(10)
        .enumerate()
        .map(|(i, &g)| (2f64.powi(g.into()) - 1.0) / (i as f64 + 2.0).log2())
        .sum();
    let n = relevant.len().max(1) as f64;
    Scores {
        precision_5: hits(5) / 5.0,
        recall_10: hits(10) / n,
        ndcg_10: if ideal > 0.0 { dcg / ideal } else { 0.0 },
        ceiling_5: relevant.len().min(5) as f64 / 5.0,
        capped_5: hits(5) / relevant.len().clamp(1, 5) as f64,
    }
}

/// The units holding the documents judged similar to `judged`, with the best grade.
fn relevant_units(corpus: &Corpus, judged: &Judged, own: &Unit) -> HashMap<Unit, u8> {
    let mut relevant: HashMap<Unit, u8> = HashMap::new();
    for (name, &grade) in &judged.similar {
        let Some(doc_id) = corpus.doc_id(name) else {
            continue;
        };
        let unit = corpus.unit(doc_id);
        if unit != *own {
            let best = relevant.entry(unit).or_default();
            *best = (*best).max(grade);
        }
    }
    relevant
}

/// Mean scores of one system over one half.
#[derive(Debug, Clone, Copy, Default)]
pub struct Summary {
    /// Judged documents asked.
    pub queries: usize,
    /// Means.
    pub mean: Scores,
}

/// Runs `suggest` (document id → units, best first) for every askable
/// judged document of `half` and averages the scores.
pub fn evaluate(
    corpus: &Corpus,
    judged: &[&Judged],
    half: Half,
    suggest: &mut dyn FnMut(&str) -> Vec<Unit>,
) -> Summary {
    let mut sum = Scores::default();
    let mut queries = 0;
    for j in judged.iter().filter(|j| j.half == half) {
        let doc_id = corpus.doc_id(&j.name).expect("askable");
        let s = score(corpus, j, &suggest(doc_id));
        sum.precision_5 += s.precision_5;
        sum.recall_10 += s.recall_10;
        sum.ndcg_10 += s.ndcg_10;
        sum.ceiling_5 += s.ceiling_5;
        sum.capped_5 += s.capped_5;
        queries += 1;
    }
    let n = queries.max(1) as f64;
    Summary {
        queries,
        mean: Scores {
            precision_5: sum.precision_5 / n,
            recall_10: sum.recall_10 / n,
            ndcg_10: sum.ndcg_10 / n,
            ceiling_5: sum.ceiling_5 / n,
            capped_5: sum.capped_5 / n,
        },
    }
}
