//! Finding the source files below the corpus folder.

use super::IngestError;
use crate::analysis::Profile;
use std::path::{Path, PathBuf};
use std::time::SystemTime;
use walkdir::WalkDir;

/// File extensions ingest reads (compared case-insensitively).
pub const SOURCE_EXTENSIONS: [&str; 3] = ["pdf", "txt", "md"];

/// What a walk over the corpus found.
#[derive(Debug, Default)]
pub struct Found {
    /// Source files, sorted.
    pub files: Vec<PathBuf>,
    /// Paths (relative to the corpus) that could not be walked, with the reason.
    pub problems: Vec<(String, String)>,
    /// Paths (relative to the corpus) left out on purpose, with the reason:
    /// symbolic links to files or folders outside the corpus.
    pub skipped: Vec<(String, String)>,
}

/// Every source file below `corpus`; hidden folders and README files are
/// skipped, and symlink loops and unreadable entries are reported, not fatal.
/// Symbolic links are followed only to targets inside the corpus: nothing
/// outside it is ever read.
pub fn source_files(corpus: &Path) -> Result<Found, IngestError> {
    if !corpus.is_dir() {
        return Err(IngestError::CorpusMissing(corpus.to_path_buf()));
    }
    let unreadable = |source| IngestError::CorpusUnreadable {
        path: corpus.to_path_buf(),
        source,
    };
    std::fs::read_dir(corpus).map_err(unreadable)?;
    let root = corpus.canonicalize().map_err(unreadable)?;
    let mut found = Found::default();
    let mut walk = WalkDir::new(corpus)
        .follow_links(true)
        .into_iter()
        .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with('.'));
    while let Some(entry) = walk.next() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(error) => {
                found.problems.push(problem(corpus, &error));
                continue;
            }
        };
        let wanted = entry.file_type().is_dir() || is_source(entry.path());
        if wanted && entry.path_is_symlink() && !inside(&root, entry.path()) {
            let reason = "symbolisk länk till något utanför korpusen – hoppades över";
            found
                .skipped
                .push((relative_path(corpus, entry.path()), reason.into()));
            if entry.file_type().is_dir() {
                walk.skip_current_dir();
            }
            continue;
        }
        if entry.file_type().is_file() && is_source(entry.path()) {
            found.files.push(entry.into_path());
        }
    }
    found.files.sort();
    Ok(found)
}

/// True when `path`, with every link resolved, lies inside `root` (itself resolved).
fn inside(root: &Path, path: &Path) -> bool {
    path.canonicalize().is_ok_and(|p| p.starts_with(root))
}

/// A walk error as a relative path and a Swedish reason.
fn problem(corpus: &Path, error: &walkdir::Error) -> (String, String) {
    let path = error
        .path()
        .map(|p| relative_path(corpus, p))
        .unwrap_or_default();
    let reason = if error.loop_ancestor().is_some() {
        "symbolisk länk i cirkel – hoppades över".to_string()
    } else {
        format!(
            "kan inte läsas: {}",
            error
                .io_error()
                .map_or(error.to_string(), |e| e.to_string())
        )
    };
    (path, reason)
}

/// File names (lower-cased, without extension) that describe a folder rather
/// than being a report, and so are not indexed.
const FOLDER_NOTES: [&str; 2] = ["readme", "läsmig"];

fn is_source(path: &Path) -> bool {
    let stem = path
        .file_stem()
        .and_then(|s| s.to_str())
        .unwrap_or_default()
        .to_lowercase();
    if FOLDER_NOTES.contains(&stem.as_str()) {
        return false;
    }
    let extension = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or_default()
        .to_lowercase();
    SOURCE_EXTENSIONS.contains(&extension.as_str())
}

/// `path` relative to `corpus`, with `/` separators.
pub fn relative_path(corpus: &Path, path: &Path) -> String {
    let relative = path.strip_prefix(corpus).unwrap_or(path);
    let parts: Vec<String> = relative
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect();
    parts.join("/")
}

/// True when the index is missing, was built by another pipeline, its
/// corpus knowledge by another corpus stage, a source file is newer than the
/// last commit, or a file waits for OCR that is now installed.
pub fn is_stale(corpus: &Path, index: &Path) -> bool {
    let Some(manifest) = crate::index::committed_manifest(index, Profile::Full) else {
        return true;
    };
    if manifest.values().any(super::plan::awaits_ocr) || !crate::index::knowledge::is_current(index)
    {
        return true;
    }
    let Ok(committed) = std::fs::metadata(index.join("meta.json")).and_then(|m| m.modified())
    else {
        return true;
    };
    let newest = source_files(corpus)
        .unwrap_or_default()
        .files
        .iter()
        .filter_map(|p| modified(p))
        .max();
    newest.is_some_and(|newest| newest > committed)
}

fn modified(path: &Path) -> Option<SystemTime> {
    std::fs::metadata(path).and_then(|m| m.modified()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_sources_recursively_and_skips_hidden_and_others() {
        let dir = tempfile::tempdir().unwrap();
        let sub = dir.path().join("a/b");
        std::fs::create_dir_all(&sub).unwrap();
        std::fs::create_dir_all(dir.path().join(".git")).unwrap();
        for name in [
            "a/b/x.PDF",
            "a/y.md",
            "z.txt",
            "a/notes.html",
            ".git/h.txt",
            "README.md",
        ] {
            std::fs::write(dir.path().join(name), "x").unwrap();
        }
        let found: Vec<String> = source_files(dir.path())
            .unwrap()
            .files
            .iter()
            .map(|p| relative_path(dir.path(), p))
            .collect();
        assert_eq!(found, ["a/b/x.PDF", "a/y.md", "z.txt"]);
    }

    #[test]
    fn missing_corpus_is_an_error() {
        assert!(matches!(
            source_files(Path::new("/nonexistent/corpus")),
            Err(IngestError::CorpusMissing(_))
        ));
    }
}
