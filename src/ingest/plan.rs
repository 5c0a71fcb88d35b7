//! Planning an incremental run: compare the corpus with the last commit's
//! manifest and decide what to delete, re-path and extract.
//!
//! A file whose size and modification time match the manifest is not read
//! again, unless it has pages that needed OCR and OCR is now installed. Any other file is read and hashed; its content hash is its
//! document id, so a renamed or copied file is recognised without
//! extraction, and the same content under two paths is one document.

use super::corrections::{Correction, Corrections};
use crate::index::{FileState, Manifest};
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::time::UNIX_EPOCH;

/// One source file as found now.
#[derive(Debug, Clone)]
pub struct Scanned {
    /// Path relative to the corpus.
    pub path: String,
    /// Path on disk.
    pub file: PathBuf,
    /// What the manifest will record: size, time, and the doc id or read error.
    pub state: FileState,
    /// True when size, time and correction match the manifest, so nothing was read.
    pub unchanged: bool,
    /// The user's correction of its labels, when there is one.
    pub correction: Option<Correction>,
    /// Why its correction could not be read, when it could not.
    pub correction_problem: Option<String>,
}

/// What a run has to do.
#[derive(Debug, Default)]
pub struct Plan {
    /// Documents no file holds any more.
    pub delete: Vec<String>,
    /// Indexed documents whose set of paths changed, with the new paths.
    pub repath: Vec<(String, Vec<String>)>,
    /// New documents, each with the files holding its content (first is read).
    pub extract: Vec<(String, Vec<Scanned>)>,
    /// Manifest entries of files whose document stays indexed or that fail unchanged.
    pub kept: Manifest,
}

/// Looks at one file, reading it only when the manifest does not vouch for
/// it. A file's correction is part of its identity: a changed correction
/// makes a new document, labelled anew.
pub fn scan(
    corpus: &Path,
    file: &Path,
    old: &Manifest,
    corrections: &Corrections,
    keep_personnummer: bool,
) -> Scanned {
    let path = super::walk::relative_path(corpus, file);
    let (size, modified_ns) = stat(file);
    let (correction, correction_problem) = match corrections.for_file(&path, file) {
        Ok(correction) => (correction, None),
        Err(problem) => (None, Some(problem)),
    };
    let fingerprint = reading_fingerprint(correction.as_ref(), keep_personnummer);
    let known = old.get(&path).filter(|s| {
        s.size == size
            && s.modified_ns == modified_ns
            && s.correction == fingerprint
            && !awaits_ocr(s)
    });
    let (state, unchanged) = match known {
        Some(known) => (known.clone(), true),
        None => (read_state(file, size, modified_ns, fingerprint), false),
    };
    Scanned {
        path,
        file: file.to_path_buf(),
        state,
        unchanged,
        correction,
        correction_problem,
    }
}

/// What, besides its bytes, decides how a file is read: the user's
/// correction, and (only when set) that personnummer are kept unmasked. A
/// change of either reads the file anew under a new document id.
fn reading_fingerprint(correction: Option<&Correction>, keep_personnummer: bool) -> Option<String> {
    let correction = correction.map(|c| c.fingerprint.clone());
    match keep_personnummer {
        false => correction,
        true => Some(format!(
            "{} personnummer-kvar",
            correction.unwrap_or_default()
        )),
    }
}

/// True when the file has pages that needed OCR and OCR is installed now.
pub(crate) fn awaits_ocr(state: &FileState) -> bool {
    !state.needs_ocr.is_empty() && crate::extract::ocr_available()
}

/// Reads and hashes a file that the manifest does not vouch for.
fn read_state(file: &Path, size: u64, modified_ns: u128, correction: Option<String>) -> FileState {
    let (doc_id, error) = match std::fs::read(file) {
        Ok(bytes) => (Some(document_id(&bytes, correction.as_deref())), None),
        Err(e) => (None, Some(format!("kan inte läsa filen: {e}"))),
    };
    FileState {
        size,
        modified_ns,
        doc_id,
        error,
        correction,
        needs_ocr: Vec::new(),
    }
}

/// The document id of `bytes` under a correction with `fingerprint`: the
/// content id, or the content id of the content and the correction together.
fn document_id(bytes: &[u8], fingerprint: Option<&str>) -> String {
    match fingerprint {
        None => content_id(bytes),
        Some(fingerprint) => content_id(&[bytes, fingerprint.as_bytes()].concat()),
    }
}

fn stat(file: &Path) -> (u64, u128) {
    let Ok(meta) = std::fs::metadata(file) else {
        return (0, 0);
    };
    let modified = meta
        .modified()
        .ok()
        .and_then(|t| t.duration_since(UNIX_EPOCH).ok());
    (meta.len(), modified.map_or(0, |d| d.as_nanos()))
}

/// A stable document id: the first 16 hex digits of the SHA-256 of the content.
pub fn content_id(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

impl Plan {
    /// Compares what is on disk now with the last commit. A document with
    /// pages that await OCR (now installed) is deleted and read again.
    pub fn new(old: &Manifest, scanned: Vec<Scanned>) -> Plan {
        let current = old.iter().filter(|(_, s)| !awaits_ocr(s));
        let indexed = paths_by_doc(current.map(|(p, s)| (p.clone(), s)));
        let before = paths_by_doc(old.iter().map(|(p, s)| (p.clone(), s)));
        let wanted = paths_by_doc(scanned.iter().map(|s| (s.path.clone(), &s.state)));
        let mut plan = Plan {
            delete: before
                .keys()
                .filter(|id| !wanted.contains_key(*id) || !indexed.contains_key(*id))
                .cloned()
                .collect(),
            ..Plan::default()
        };
        for (doc_id, paths) in &wanted {
            match indexed.get(doc_id) {
                Some(before) if before != paths => {
                    plan.repath.push((doc_id.clone(), paths.clone()))
                }
                _ => {}
            }
        }
        let mut new_docs: BTreeMap<String, Vec<Scanned>> = BTreeMap::new();
        for file in scanned {
            match &file.state.doc_id {
                Some(id) if indexed.contains_key(id) => {
                    plan.kept.insert(file.path, file.state);
                }
                Some(id) => new_docs.entry(id.clone()).or_default().push(file),
                None if file.unchanged => {
                    plan.kept.insert(file.path, file.state);
                }
                None => new_docs.entry(String::new()).or_default().push(file),
            }
        }
        plan.extract = new_docs.into_iter().flat_map(split_unreadable).collect();
        plan
    }
}

/// Unreadable files (empty id) each become their own "document" to report.
fn split_unreadable((doc_id, files): (String, Vec<Scanned>)) -> Vec<(String, Vec<Scanned>)> {
    if doc_id.is_empty() {
        files
            .into_iter()
            .map(|f| (String::new(), vec![f]))
            .collect()
    } else {
        vec![(doc_id, files)]
    }
}

fn paths_by_doc<'a>(
    entries: impl Iterator<Item = (String, &'a FileState)>,
) -> BTreeMap<String, Vec<String>> {
    let mut by_doc: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (path, state) in entries {
        if let Some(id) = &state.doc_id {
            by_doc.entry(id.clone()).or_default().push(path);
        }
    }
    by_doc.values_mut().for_each(|paths| paths.sort());
    by_doc
}

#[cfg(test)]
mod tests {
    use super::*;

    fn state(doc_id: &str) -> FileState {
        FileState {
            size: 1,
            modified_ns: 1,
            doc_id: Some(doc_id.into()),
            error: None,
            correction: None,
            needs_ocr: Vec::new(),
        }
    }

    fn scanned(path: &str, doc_id: &str, unchanged: bool) -> Scanned {
        Scanned {
            path: path.into(),
            file: PathBuf::from(path),
            state: state(doc_id),
            unchanged,
            correction: None,
            correction_problem: None,
        }
    }

    #[test]
    fn content_id_is_stable_and_content_based() {
        assert_eq!(content_id(b"abc"), "ba7816bf8f01cfea");
        assert_ne!(content_id(b"abc"), content_id(b"abd"));
    }

    #[test]
    fn unchanged_corpus_needs_nothing() {
        let old: Manifest = [("a.pdf".to_string(), state("A"))].into();
        let plan = Plan::new(&old, vec![scanned("a.pdf", "A", true)]);
        assert!(plan.delete.is_empty() && plan.repath.is_empty() && plan.extract.is_empty());
        assert_eq!(plan.kept.len(), 1);
    }

    #[test]
    fn changed_removed_copied_and_new_files() {
        let old: Manifest = [
            ("a.pdf".to_string(), state("A")),
            ("b.pdf".to_string(), state("B")),
            ("c.pdf".to_string(), state("C")),
        ]
        .into();
        let now = vec![
            scanned("a.pdf", "A2", false),      // changed content
            scanned("c.pdf", "C", true),        // unchanged
            scanned("c-kopia.pdf", "C", false), // a copy of c
            scanned("d.pdf", "D", false),       // new
            scanned("d2.pdf", "D", false),      // new, same content as d
        ];
        let plan = Plan::new(&old, now);
        let mut deleted = plan.delete.clone();
        deleted.sort();
        assert_eq!(deleted, ["A", "B"]);
        assert_eq!(
            plan.repath,
            [(
                "C".to_string(),
                vec!["c-kopia.pdf".to_string(), "c.pdf".to_string()]
            )]
        );
        let extracted: Vec<(&str, usize)> = plan
            .extract
            .iter()
            .map(|(id, f)| (id.as_str(), f.len()))
            .collect();
        assert_eq!(extracted, [("A2", 1), ("D", 2)]);
        assert!(plan.kept.contains_key("c.pdf") && plan.kept.contains_key("c-kopia.pdf"));
    }
}
