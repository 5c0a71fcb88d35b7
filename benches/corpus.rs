//! Corpus knowledge benchmark (issue #11): near-duplicates, projects and
//! references of the sample corpus and the shared reports, measured against
//! the hand-written truth in `tests/corpus/`.
//!
//! Run with `cargo bench --bench corpus`; under `cargo test --all-targets`
//! the binary only says how to run it. `FINSAM_CORPUS_DETAILS=1` also prints
//! what went wrong (references of the development part only), `=all`
//! including the held-out references. `FINSAM_CORPUS_SCANS=0` leaves out the
//! shared reports' scanned variants (their OCR takes most of the time);
//! `FINSAM_CORPUS_INDEX=DIR` keeps the index for a quick next run (see
//! `measure::Built::new`).

#[path = "../tests/corpus/measure.rs"]
mod measure;

use measure::{Built, Measured};

fn main() {
    if !std::env::args().any(|arg| arg == "--bench") {
        println!("corpus: run it with `cargo bench --bench corpus`");
        return;
    }
    let scans = std::env::var_os("FINSAM_CORPUS_SCANS").is_none_or(|v| v != "0");
    let built = Built::new(scans);
    println!(
        "corpus: {} documents ({} failed), shared reports {}, variants {} (printed in {:.1} s), ingest {:.1} s",
        built.knowledge.documents.len(),
        built.failed,
        if built.shared { "included" } else { "absent" },
        if built.variants { "included" } else { "absent" },
        built.print_seconds,
        built.ingest_seconds,
    );
    let measured = Measured::of(&built);
    println!("{}", measured.table());
    match std::env::var("FINSAM_CORPUS_DETAILS").as_deref() {
        Ok("all") => print!("{}", measured.details(true)),
        Ok(_) => print!("{}", measured.details(false)),
        Err(_) => {}
    }
}
