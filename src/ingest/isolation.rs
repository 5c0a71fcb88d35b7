//! Running extraction where a misbehaving PDF library cannot hurt ingest.
//!
//! PDF crates can panic, abort the process, loop or allocate without bound
//! on malformed files. [`Isolation::Subprocess`] runs extraction in child
//! processes (a [`WorkerPool`] of the `finsam` binary's hidden
//! `extract-worker` command) with a wall-clock timeout per file and an
//! address-space limit, and turns any way a child can die into that file's
//! error. [`Isolation::InProcess`] (for tests and the library) still catches
//! panics.

use super::pool::WorkerPool;
use crate::extract::{self, Extracted};
use serde::{Deserialize, Serialize};
use std::ffi::OsStr;
use std::io::{BufRead, Write};
use std::os::unix::ffi::OsStrExt;
use std::path::Path;

/// Where and how extraction runs.
#[derive(Debug, Clone)]
pub enum Isolation {
    /// In this process; panics are caught, aborts and endless loops are not.
    InProcess,
    /// In a pool of long-lived child processes.
    Subprocess(WorkerPool),
}

/// What a worker prints on stdout for each file (one line of JSON): the
/// extraction or its error.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkerAnswer {
    /// Extraction worked.
    Extracted(Extracted),
    /// Extraction failed with this (Swedish) reason.
    Failed(String),
}

impl Isolation {
    /// Extracts `file`, or says in Swedish why it could not be done.
    pub fn extract(&self, file: &Path) -> Result<Extracted, String> {
        match self {
            Isolation::InProcess => extract_caught(file, &|| {}).into_result(),
            Isolation::Subprocess(pool) => pool
                .extract(file)
                .map_err(|fault| fault.to_string())?
                .into_result(),
        }
    }
}

impl WorkerAnswer {
    fn into_result(self) -> Result<Extracted, String> {
        match self {
            WorkerAnswer::Extracted(extracted) => Ok(extracted),
            WorkerAnswer::Failed(reason) => Err(reason),
        }
    }
}

/// The worker's side (the hidden `extract-worker` command): limits this
/// process's memory, then reads NUL-terminated paths from stdin until it
/// closes and answers each with one line of JSON on stdout.
pub fn worker_main(memory_mb: u64) -> std::io::Result<()> {
    let bytes = memory_mb.saturating_mul(1024 * 1024);
    if let Err(e) = rlimit::setrlimit(rlimit::Resource::AS, bytes, bytes) {
        tracing::warn!(error = %e, "could not limit the worker's memory");
    }
    // stdout is locked per line: OCR threads report progress while a file is read.
    let say = |line: &str| {
        let mut stdout = std::io::stdout().lock();
        writeln!(stdout, "{line}").and_then(|()| stdout.flush())
    };
    let progress = || {
        let _ = say(PROGRESS);
    };
    for request in std::io::stdin().lock().split(b'\0') {
        let file = Path::new(OsStr::from_bytes(&request?)).to_path_buf();
        let answer = serde_json::to_string(&extract_caught(&file, &progress))
            .expect("plain structs serialise");
        say(&answer)?;
    }
    Ok(())
}

/// The line a worker writes while it reads a file, after each page read by
/// OCR: it is still working (an answer is JSON, so it never reads so).
pub(crate) const PROGRESS: &str = "+";

/// Extracts in this process, turning a panic into a failure.
fn extract_caught(file: &Path, progress: &(dyn Fn() + Sync)) -> WorkerAnswer {
    // `progress` only writes a line: a panic cannot leave it half-changed.
    let extract = std::panic::AssertUnwindSafe(|| extract::extract_file_with(file, progress));
    let result = std::panic::catch_unwind(extract);
    match result {
        Ok(Ok(extracted)) => WorkerAnswer::Extracted(extracted),
        Ok(Err(error)) => WorkerAnswer::Failed(error.to_string()),
        Err(_) => WorkerAnswer::Failed("PDF-biblioteket kraschade på filen".to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn in_process_extracts_text_files() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        std::fs::write(&file, "Bakgrund\n\nÅtervändare").unwrap();
        let extracted = Isolation::InProcess.extract(&file).unwrap();
        assert_eq!(extracted.pages[0].lines[0].text, "Bakgrund");
    }

    #[test]
    fn worker_answers_round_trip() {
        let answer = WorkerAnswer::Failed("lösenordsskyddad".into());
        let json = serde_json::to_string(&answer).unwrap();
        assert_eq!(
            serde_json::from_str::<WorkerAnswer>(&json)
                .unwrap()
                .into_result()
                .unwrap_err(),
            "lösenordsskyddad"
        );
    }
}
