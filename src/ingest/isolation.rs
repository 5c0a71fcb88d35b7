//! Running extraction where a misbehaving PDF library cannot hurt ingest.
//!
//! PDF crates can panic, abort the process, loop or allocate without bound
//! on malformed files. [`Isolation::Subprocess`] runs each extraction in a
//! child process (the `finsam` binary's hidden `extract-worker` command)
//! with a wall-clock timeout and an address-space limit, and turns any way
//! the child can die into that file's error. [`Isolation::InProcess`]
//! (for tests and the library) still catches panics.

use crate::document::Page;
use crate::extract::{self, Extracted};
use serde::{Deserialize, Serialize};
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Where and how extraction runs.
#[derive(Debug, Clone)]
pub enum Isolation {
    /// In this process; panics are caught, aborts and endless loops are not.
    InProcess,
    /// In a child process per file.
    Subprocess(WorkerLimits),
}

/// The child process and the limits it runs under.
#[derive(Debug, Clone)]
pub struct WorkerLimits {
    /// The `finsam` binary to run as `PROGRAM extract-worker FILE`.
    pub program: PathBuf,
    /// Longest time one file may take.
    pub timeout: Duration,
    /// Address-space limit of the child, in MiB.
    pub memory_mb: u64,
}

/// What a worker prints on stdout: the extraction or its error.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum WorkerAnswer {
    /// Extraction worked.
    Extracted {
        /// The pages.
        pages: Vec<Page>,
        /// Warnings.
        warnings: Vec<String>,
        /// Pages read by OCR.
        ocr_pages: Vec<u32>,
    },
    /// Extraction failed with this (Swedish) reason.
    Failed(String),
}

impl Isolation {
    /// Extracts `file`, or says in Swedish why it could not be done.
    pub fn extract(&self, file: &Path) -> Result<Extracted, String> {
        match self {
            Isolation::InProcess => extract_caught(file).into_result(),
            Isolation::Subprocess(limits) => run_worker(limits, file)?.into_result(),
        }
    }
}

impl WorkerAnswer {
    fn into_result(self) -> Result<Extracted, String> {
        match self {
            WorkerAnswer::Extracted {
                pages,
                warnings,
                ocr_pages,
            } => Ok(Extracted {
                pages,
                warnings,
                ocr_pages,
            }),
            WorkerAnswer::Failed(reason) => Err(reason),
        }
    }
}

/// The worker's side: limit this process, extract, and answer (the hidden
/// `extract-worker` command calls this).
pub fn worker_main(file: &Path, memory_mb: u64) -> String {
    let bytes = memory_mb.saturating_mul(1024 * 1024);
    if let Err(e) = rlimit::setrlimit(rlimit::Resource::AS, bytes, bytes) {
        tracing::warn!(error = %e, "could not limit the worker's memory");
    }
    serde_json::to_string(&extract_caught(file)).expect("plain structs serialise")
}

/// Extracts in this process, turning a panic into a failure.
fn extract_caught(file: &Path) -> WorkerAnswer {
    let result = std::panic::catch_unwind(|| extract::extract_file(file));
    match result {
        Ok(Ok(extracted)) => WorkerAnswer::Extracted {
            pages: extracted.pages,
            warnings: extracted.warnings,
            ocr_pages: extracted.ocr_pages,
        },
        Ok(Err(error)) => WorkerAnswer::Failed(error.to_string()),
        Err(_) => WorkerAnswer::Failed("PDF-biblioteket kraschade på filen".to_string()),
    }
}

/// Runs the worker on `file` and reads its answer, within the limits.
fn run_worker(limits: &WorkerLimits, file: &Path) -> Result<WorkerAnswer, String> {
    let mut child = Command::new(&limits.program)
        .arg("extract-worker")
        .arg("--memory-mb")
        .arg(limits.memory_mb.to_string())
        .arg(file)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("kan inte starta extraktionen: {e}"))?;
    let mut stdout = child.stdout.take().expect("stdout is piped");
    let reader = std::thread::spawn(move || {
        let mut out = String::new();
        stdout.read_to_string(&mut out).map(|_| out)
    });
    let started = Instant::now();
    let status = loop {
        match child.try_wait().map_err(|e| e.to_string())? {
            Some(status) => break status,
            None if started.elapsed() > limits.timeout => {
                let _ = child.kill();
                let _ = child.wait();
                return Err(format!(
                    "extraktionen tog längre än {} s och avbröts",
                    limits.timeout.as_secs()
                ));
            }
            None => std::thread::sleep(Duration::from_millis(5)),
        }
    };
    let output = reader
        .join()
        .map_err(|_| "kunde inte läsa extraktionens svar".to_string())?;
    let output = output.map_err(|e| format!("kunde inte läsa extraktionens svar: {e}"))?;
    if !status.success() {
        return Err(format!(
            "PDF-läsaren kraschade eller fick slut på minne ({status})"
        ));
    }
    serde_json::from_str(&output).map_err(|e| format!("oläsligt svar från extraktionen: {e}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits(program: &str, timeout_ms: u64) -> WorkerLimits {
        WorkerLimits {
            program: PathBuf::from(program),
            timeout: Duration::from_millis(timeout_ms),
            memory_mb: 512,
        }
    }

    #[test]
    fn in_process_extracts_text_files() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        std::fs::write(&file, "Bakgrund\n\nÅtervändare").unwrap();
        let extracted = Isolation::InProcess.extract(&file).unwrap();
        assert_eq!(extracted.pages[0].lines[0].text, "Bakgrund");
    }

    #[test]
    fn a_worker_that_hangs_is_stopped_at_the_timeout() {
        let dir = tempfile::tempdir().unwrap();
        let script = dir.path().join("hang.sh");
        std::fs::write(&script, "#!/bin/sh\nsleep 30\n").unwrap();
        std::fs::set_permissions(&script, std::os::unix::fs::PermissionsExt::from_mode(0o755))
            .unwrap();
        let started = Instant::now();
        let error =
            run_worker(&limits(script.to_str().unwrap(), 200), Path::new("x.pdf")).unwrap_err();
        assert!(error.contains("avbröts"), "{error}");
        assert!(started.elapsed() < Duration::from_secs(10));
    }

    #[test]
    fn a_worker_that_dies_is_a_failure_not_a_crash() {
        let error = run_worker(&limits("/bin/false", 5_000), Path::new("x.pdf")).unwrap_err();
        assert!(error.contains("kraschade"), "{error}");
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
