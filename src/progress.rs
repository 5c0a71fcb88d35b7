//! The ingest progress shown in the terminal: a bar with files, pages and
//! time left when stderr is a terminal, plain lines otherwise (logs, CI).
//! Failures, skips and warnings are always printed, one line per file.

use finsam::ingest::{FileOutcome, Outcome, Progress};
use indicatif::{ProgressBar, ProgressStyle};
use std::sync::atomic::{AtomicU64, Ordering};

/// Shows what ingest is doing.
pub struct ProgressView {
    bar: ProgressBar,
    pages: AtomicU64,
}

impl ProgressView {
    /// A view whose bar appears once ingest knows how much there is to read.
    pub fn new() -> ProgressView {
        let bar = ProgressBar::new(0);
        let style = ProgressStyle::with_template("{bar:30} {pos}/{len} filer · {msg} · {eta} kvar")
            .expect("valid template");
        bar.set_style(style);
        ProgressView {
            bar,
            pages: AtomicU64::new(0),
        }
    }

    /// Takes one progress event.
    pub fn show(&self, progress: Progress) {
        match progress {
            Progress::Planned { to_read, .. } => self.bar.set_length(to_read as u64),
            Progress::File(file) => self.file_done(file),
        }
    }

    /// Removes the bar (before the summary is printed).
    pub fn finish(&self) {
        self.bar.finish_and_clear();
    }

    fn file_done(&self, file: &FileOutcome) {
        let lines = lines_for(file, self.bar.is_hidden());
        if !lines.is_empty() {
            self.bar
                .suspend(|| lines.iter().for_each(|line| eprintln!("{line}")));
        }
        if let Outcome::Indexed { pages, .. } = &file.outcome {
            let total =
                self.pages.fetch_add(u64::from(*pages), Ordering::Relaxed) + u64::from(*pages);
            self.bar.set_message(format!("{total} sidor"));
        }
        if !matches!(file.outcome, Outcome::Unchanged) {
            self.bar.inc(1);
        }
    }
}

/// The lines printed for a file: problems always, successes only without a bar.
fn lines_for(file: &FileOutcome, plain: bool) -> Vec<String> {
    match &file.outcome {
        Outcome::Failed { reason } => vec![format!("MISSLYCKADES {}: {reason}", file.path)],
        Outcome::Skipped { reason } => vec![format!("HOPPADES ÖVER {}: {reason}", file.path)],
        Outcome::Unchanged => Vec::new(),
        Outcome::Indexed {
            pages, warnings, ..
        } => {
            let ok = plain.then(|| format!("ok {} ({pages} s.)", file.path));
            let warned = warnings
                .iter()
                .map(|w| format!("  varning {}: {w}", file.path));
            ok.into_iter().chain(warned).collect()
        }
    }
}
