//! Fuzzing the extraction entry point with mutated real PDFs.
//!
//! Each sample report is mutated (bytes flipped, cut short, chunks deleted,
//! duplicated or overwritten, numbers changed) by a seeded generator, so a
//! run is repeatable. Every mutant goes through the same isolated worker
//! ingest uses; whatever the PDF library does (error, panic, abort, endless
//! loop, memory blow-up), the result must be a value: text or a reason.
//! `FUZZ_ITERATIONS=5000 cargo test --release --test fuzz_extract -- --nocapture`
//! runs a longer campaign; CI runs the default.

use finsam::ingest::{Isolation, WorkerLimits, WorkerPool};
use std::path::{Path, PathBuf};
use std::time::Duration;

/// Mutants per run unless `FUZZ_ITERATIONS` says otherwise.
const DEFAULT_ITERATIONS: usize = 40;

/// A small seeded xorshift generator (no dependency, repeatable).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// One random mutation of `bytes`.
fn mutate(bytes: &[u8], rng: &mut Rng) -> Vec<u8> {
    let mut out = bytes.to_vec();
    let (a, b) = (rng.below(out.len()), rng.below(out.len()));
    let (start, end) = (a.min(b), a.max(b).min(a.min(b) + 4096));
    match rng.below(6) {
        0 => (0..1 + rng.below(32)).for_each(|_| {
            let i = rng.below(out.len());
            out[i] ^= 1 << rng.below(8);
        }),
        1 => out.truncate(start.max(1)),
        2 => drop(out.drain(start..end)),
        3 => {
            let chunk = out[start..end].to_vec();
            let at = rng.below(out.len());
            out.splice(at..at, chunk);
        }
        4 => (start..end).for_each(|i| out[i] = rng.next() as u8),
        _ => {
            let digits: Vec<usize> = (0..out.len())
                .filter(|&i| out[i].is_ascii_digit())
                .collect();
            for _ in 0..8 {
                let i = digits[rng.below(digits.len())];
                out[i] = b'0' + rng.below(10) as u8;
            }
        }
    }
    out
}

fn samples() -> Vec<Vec<u8>> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/exempel");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.retain(|p| p.extension().is_some_and(|e| e == "pdf"));
    files.sort();
    files.iter().map(|p| std::fs::read(p).unwrap()).collect()
}

#[test]
fn mutated_pdfs_always_give_text_or_a_reason() {
    let iterations = std::env::var("FUZZ_ITERATIONS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(DEFAULT_ITERATIONS);
    let limits = WorkerLimits {
        program: PathBuf::from(env!("CARGO_BIN_EXE_finsam")),
        timeout: Duration::from_secs(10),
        memory_mb: 1024,
    };
    let isolation = Isolation::Subprocess(WorkerPool::new(limits));
    let samples = samples();
    let dir = tempfile::tempdir().unwrap();
    let mut rng = Rng(0x5eed_f1a5_c0de_2026);
    let (mut text, mut reasons, mut worker_deaths) = (0, 0, Vec::new());
    for i in 0..iterations {
        let mutant = mutate(&samples[i % samples.len()], &mut rng);
        let file = dir.path().join(format!("mutant-{i}.pdf"));
        std::fs::write(&file, &mutant).unwrap();
        match isolation.extract(&file) {
            Ok(_) => text += 1,
            Err(reason) if reason.contains("kraschade eller") || reason.contains("avbröts") => {
                worker_deaths.push(format!("{i}: {reason}"));
                std::fs::copy(
                    &file,
                    std::env::temp_dir().join(format!("finsam-fuzz-crash-{i}.pdf")),
                )
                .ok();
            }
            Err(_) => reasons += 1,
        }
    }
    println!(
        "{iterations} mutants: {text} gave text, {reasons} a clean error, {} killed or stopped the worker",
        worker_deaths.len()
    );
    assert_eq!(text + reasons + worker_deaths.len(), iterations);
    assert!(
        text > 0 && reasons > 0,
        "mutations should produce both readable and broken files"
    );
    for death in &worker_deaths {
        println!("worker death (ingest reports and skips the file): {death}");
    }
}
