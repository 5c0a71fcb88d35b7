//! Ingest throughput against poppler's `pdftotext` on the same files.
//!
//! Builds a corpus of at least 2,000 pages from the sample reports (each copy
//! made distinct by a trailing comment, so nothing is deduplicated), then
//! times, in one run on the same machine: `pdftotext` serially and in
//! parallel (one process per file, all cores), Finsamsök's extraction alone,
//! and full `finsam` ingest (extract + sections + metadata + analysis +
//! index, in-process and in the pool of worker processes the CLI uses).
//! Prints pages per second and ratios (best of three rounds). Run:
//! `cargo build --release && cargo bench --bench ingest`.

use finsam::ingest::{self, IngestOptions, Isolation, WorkerLimits, WorkerPool};
use rayon::prelude::*;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

const MIN_PAGES: usize = 2000;

fn main() {
    if !std::env::args().any(|arg| arg == "--bench") {
        println!("ingest: run it with `cargo build --release && cargo bench --bench ingest`");
        return;
    }
    let corpus = tempfile::tempdir().expect("temp dir");
    let corpus = corpus.path();
    let (files, pages) = make_corpus(corpus);
    println!(
        "corpus: {} files, {pages} pages, {} threads",
        files.len(),
        rayon::current_num_threads()
    );
    let mut runs: Vec<Run> = Vec::new();
    if Command::new("pdftotext").arg("-v").output().is_ok() {
        runs.push((
            "pdftotext, serial",
            Box::new(|| files.iter().for_each(|f| pdftotext(f))),
        ));
        runs.push((
            "pdftotext, parallel",
            Box::new(|| files.par_iter().for_each(|f| pdftotext(f))),
        ));
    } else {
        println!("NOTICE: pdftotext (poppler-utils) not installed; no reference rows");
    }
    runs.push((
        "finsam extract only, parallel",
        Box::new(|| extract_all(&files)),
    ));
    runs.push((
        "finsam ingest, in-process",
        Box::new(|| ingest_all(corpus, Isolation::InProcess)),
    ));
    if let Some(program) = release_binary() {
        let limits = WorkerLimits {
            program,
            timeout: Duration::from_secs(120),
            memory_mb: 4096,
        };
        runs.push((
            "finsam ingest, worker pool (CLI)",
            Box::new(move || {
                let pool = WorkerPool::new(limits.clone());
                ingest_all(corpus, Isolation::Subprocess(pool))
            }),
        ));
    }
    let rows = best_of_rounds(&runs);
    print_table(&rows, pages);
}

/// Copies the sample PDFs until the corpus has at least [`MIN_PAGES`] pages.
fn make_corpus(dir: &Path) -> (Vec<PathBuf>, usize) {
    let samples: Vec<(Vec<u8>, usize)> =
        std::fs::read_dir(Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/exempel"))
            .expect("corpus/exempel")
            .map(|e| e.expect("entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
            .map(|p| {
                let pages = finsam::extract::extract_file(&p).map_or(0, |e| e.pages.len());
                (std::fs::read(&p).expect("sample"), pages)
            })
            .collect();
    let (mut files, mut pages) = (Vec::new(), 0);
    for i in 0.. {
        if pages >= MIN_PAGES {
            break;
        }
        let (bytes, n) = &samples[i % samples.len()];
        let file = dir.join(format!("rapport-{i:04}.pdf"));
        std::fs::write(
            &file,
            [bytes.as_slice(), format!("\n% kopia {i}\n").as_bytes()].concat(),
        )
        .expect("write");
        files.push(file);
        pages += n;
    }
    (files, pages)
}

fn pdftotext(file: &Path) {
    Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(file)
        .arg("-")
        .output()
        .expect("pdftotext runs");
}

fn extract_all(files: &[PathBuf]) {
    files.par_iter().for_each(|f| {
        let _ = finsam::extract::extract_file(f);
    });
}

fn ingest_all(corpus: &Path, isolation: Isolation) {
    let index = tempfile::tempdir().expect("temp dir");
    let options = IngestOptions {
        isolation,
        ..IngestOptions::new(corpus, index.path())
    };
    let report = ingest::run(&options, |_| {}).expect("ingest");
    assert_eq!(report.failed, 0, "{:?}", report.outcomes);
}

/// The release binary, when `cargo build --release` has made it.
fn release_binary() -> Option<PathBuf> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/release/finsam");
    path.exists().then_some(path)
}

/// One row of the table: its name and the work timed.
type Run<'a> = (&'static str, Box<dyn Fn() + 'a>);

/// Rounds of timing: each runs every row once.
const ROUNDS: usize = 3;

/// Seconds each run takes, best of [`ROUNDS`] rounds. Rounds rather than
/// three runs in a row, so that a burst of load from elsewhere on the
/// machine slows one round of every row, not every run of one row.
fn best_of_rounds(runs: &[Run]) -> Vec<(&'static str, f64)> {
    let mut best = vec![f64::INFINITY; runs.len()];
    for _ in 0..ROUNDS {
        for ((_, work), best) in runs.iter().zip(&mut best) {
            let started = Instant::now();
            work();
            *best = best.min(started.elapsed().as_secs_f64());
        }
    }
    runs.iter().map(|(name, _)| *name).zip(best).collect()
}

fn print_table(rows: &[(&str, f64)], pages: usize) {
    let reference = rows
        .iter()
        .find(|(name, _)| *name == "pdftotext, parallel")
        .map(|(_, s)| *s);
    println!("| what | seconds | pages/s | speed vs parallel pdftotext |");
    println!("|---|---:|---:|---:|");
    for (name, seconds) in rows {
        let ratio = reference.map_or("–".to_string(), |r| format!("{:.2}×", r / seconds));
        println!(
            "| {name} | {seconds:.2} | {:.0} | {ratio} |",
            pages as f64 / seconds
        );
    }
}
