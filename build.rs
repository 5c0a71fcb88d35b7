//! Fingerprints the ingest pipeline: the source and data that decide what
//! an index holds (extraction, sections, metadata, analysis, schema). Every
//! commit records it, and an index built by another pipeline is rebuilt, so
//! an upgraded binary never serves text read by the old one.
//!
//! The corpus stage has a fingerprint of its own: it relates the indexed
//! records, so a change to it relates them anew without reading a file again.

use std::fs;
use std::path::{Path, PathBuf};

/// Sources and data that shape the index. Query-time data (synonyms,
/// question intents, section weights) and the search, server and web code are not here:
/// changing them needs no re-ingest.
const PIPELINE_INPUTS: [&str; 12] = [
    "src/analysis",
    "src/document.rs",
    "src/extract",
    "src/index",
    "src/ingest",
    "src/language.rs",
    "src/metadata",
    "src/privacy.rs",
    "src/sections",
    "vendor/pdf-extract/src",
    "data",
    "Cargo.lock",
];
/// Query-time data files under `data/`.
const QUERY_TIME_DATA: [&str; 3] = [
    "data/synonyms.toml",
    "data/query_intents.toml",
    "data/section_weights.toml",
];

/// Sources of the corpus stage.
const CORPUS_STAGE_INPUTS: [&str; 1] = ["src/corpus"];

fn main() {
    println!(
        "cargo:rustc-env=FINSAM_PIPELINE={}",
        fingerprint(&PIPELINE_INPUTS)
    );
    println!(
        "cargo:rustc-env=FINSAM_CORPUS_STAGE={}",
        fingerprint(&CORPUS_STAGE_INPUTS)
    );
}

/// The hash of every file under `inputs` but query-time data, with its path.
fn fingerprint(inputs: &[&str]) -> String {
    let mut files = Vec::new();
    for input in inputs {
        println!("cargo:rerun-if-changed={input}");
        collect(Path::new(input), &mut files);
    }
    files.retain(|f| !QUERY_TIME_DATA.iter().any(|q| f == Path::new(q)));
    files.sort();
    let mut hash = Fnv::new();
    for file in &files {
        hash.write(file.to_string_lossy().as_bytes());
        hash.write(&fs::read(file).unwrap_or_default());
    }
    format!("{:016x}", hash.0)
}

/// Every file at or below `path`.
fn collect(path: &Path, files: &mut Vec<PathBuf>) {
    match fs::read_dir(path) {
        Ok(entries) => {
            for entry in entries.flatten() {
                collect(&entry.path(), files);
            }
        }
        Err(_) if path.is_file() => files.push(path.to_path_buf()),
        Err(_) => {}
    }
}

/// FNV-1a, 64 bits: stable across Rust versions, unlike `DefaultHasher`.
struct Fnv(u64);

impl Fnv {
    fn new() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }

    fn write(&mut self, bytes: &[u8]) {
        for byte in bytes {
            self.0 ^= u64::from(*byte);
            self.0 = self.0.wrapping_mul(0x0100_0000_01b3);
        }
    }
}
