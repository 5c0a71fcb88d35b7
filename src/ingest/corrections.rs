//! Finding a user's corrections to a document's labels.
//!
//! Two places, both optional: a sidecar next to the file
//! (`rapport.pdf` → `rapport.pdf.meta.toml`, the fields of
//! [`Override`]) and one CSV for the whole corpus, `metadata.csv` at its
//! root (a `path` column relative to the corpus, then any of the same
//! fields; lists separated by `;`, an empty cell sets nothing). A sidecar's
//! fields win over the CSV row's. A correction that cannot be read is
//! reported with the file and the file is labelled as detected.

use crate::metadata::Override;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::path::Path;

/// The corpus-wide corrections file, at the corpus root.
pub const MANIFEST_FILE: &str = "metadata.csv";
/// What a sidecar's name adds to its document's name.
pub const SIDECAR_SUFFIX: &str = ".meta.toml";

/// One file's correction, with where it came from.
#[derive(Debug, Clone, PartialEq)]
pub struct Correction {
    /// The fields to set.
    pub fields: Override,
    /// The file(s) it came from, for the evidence and the report.
    pub source: String,
    /// A hash of the correction: when it changes, the file is labelled anew.
    pub fingerprint: String,
}

/// The corpus's CSV rows, read once per run.
#[derive(Debug, Default)]
pub struct Corrections {
    rows: BTreeMap<String, Override>,
    /// Why the CSV or some of its rows could not be read (Swedish).
    pub problems: Vec<String>,
}

impl Corrections {
    /// Reads `metadata.csv` in `corpus`, when there is one.
    pub fn load(corpus: &Path) -> Corrections {
        let file = corpus.join(MANIFEST_FILE);
        match std::fs::read_to_string(&file) {
            Ok(text) => Corrections::from_csv(&text),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Corrections::default(),
            Err(e) => Corrections {
                problems: vec![format!("{MANIFEST_FILE} kunde inte läsas: {e}")],
                ..Corrections::default()
            },
        }
    }

    /// Parses the CSV text; bad rows become problems.
    pub fn from_csv(text: &str) -> Corrections {
        let mut corrections = Corrections::default();
        let mut reader = csv::Reader::from_reader(text.as_bytes());
        let headers = match reader.headers() {
            Ok(headers) => headers.clone(),
            Err(e) => {
                corrections.problems.push(format!("{MANIFEST_FILE}: {e}"));
                return corrections;
            }
        };
        for (line, record) in reader.records().enumerate() {
            match record
                .map_err(|e| e.to_string())
                .and_then(|r| row(&headers, &r))
            {
                Ok((path, fields)) => {
                    corrections.rows.insert(path, fields);
                }
                Err(e) => corrections
                    .problems
                    .push(format!("{MANIFEST_FILE} rad {}: {e}", line + 2)),
            }
        }
        corrections
    }

    /// The correction of the file at `path` (relative to the corpus) on disk
    /// at `file`: `Ok(None)` when there is none, `Err` when its sidecar is bad.
    pub fn for_file(&self, path: &str, file: &Path) -> Result<Option<Correction>, String> {
        let row = self.rows.get(path).cloned();
        let sidecar_name = format!("{}{SIDECAR_SUFFIX}", file.display());
        let sidecar = match std::fs::read_to_string(&sidecar_name) {
            Ok(text) => Some(
                Override::from_toml(&text)
                    .map_err(|e| format!("{}{SIDECAR_SUFFIX}: {e}", file_name(file)))?,
            ),
            Err(_) => None,
        };
        let sources: Vec<String> = [
            row.as_ref().map(|_| MANIFEST_FILE.to_string()),
            sidecar
                .as_ref()
                .map(|_| format!("{}{SIDECAR_SUFFIX}", file_name(file))),
        ]
        .into_iter()
        .flatten()
        .collect();
        let fields = row.unwrap_or_default().merged(sidecar.unwrap_or_default());
        if fields.is_empty() {
            return Ok(None);
        }
        let fingerprint = fingerprint(&fields);
        Ok(Some(Correction {
            fields,
            source: sources.join(" och "),
            fingerprint,
        }))
    }
}

/// One CSV row as (path, fields).
fn row(
    headers: &csv::StringRecord,
    record: &csv::StringRecord,
) -> Result<(String, Override), String> {
    let mut path = None;
    let mut fields = Override::default();
    for (name, value) in headers.iter().zip(record.iter()) {
        let value = value.trim();
        if value.is_empty() {
            continue;
        }
        let text = || Some(value.to_string());
        let list = || {
            value
                .split(';')
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
                .collect()
        };
        match name.trim() {
            "path" => path = text(),
            "title" => fields.title = text(),
            "forbund" => fields.forbund = text(),
            "report_type" => fields.report_type = text(),
            "malgrupp" => fields.malgrupp = list(),
            "year" => {
                fields.year = Some(
                    value
                        .parse()
                        .map_err(|_| format!("year \"{value}\" är inget årtal"))?,
                )
            }
            "project" => fields.project = text(),
            "owner" => fields.owner = text(),
            "partners" => fields.partners = list(),
            other => return Err(format!("okänd kolumn \"{other}\"")),
        }
    }
    let path = path.ok_or("kolumnen path saknas eller är tom")?;
    Ok((path, fields))
}

fn file_name(file: &Path) -> String {
    file.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_default()
}

/// A short hash of a correction's fields.
fn fingerprint(fields: &Override) -> String {
    let json = serde_json::to_string(fields).expect("plain struct serialises");
    let digest = Sha256::digest(json.as_bytes());
    digest.iter().take(8).map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_rows_are_read_and_bad_rows_reported() {
        let csv = "path,forbund,year,partners\n\
                   a.pdf,Samordningsförbundet Gävleborg,2019,Arbetsförmedlingen; Region Gävleborg\n\
                   b.pdf,,tjugo,\n";
        let corrections = Corrections::from_csv(csv);
        let row = &corrections.rows["a.pdf"];
        assert_eq!(row.year, Some(2019));
        assert_eq!(row.partners, ["Arbetsförmedlingen", "Region Gävleborg"]);
        assert_eq!(corrections.problems.len(), 1, "{:?}", corrections.problems);
        assert!(corrections.problems[0].contains("rad 3"));
    }

    #[test]
    fn sidecar_wins_and_a_bad_sidecar_is_an_error() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("r.pdf");
        let corrections = Corrections::from_csv("path,year,owner\nr.pdf,2018,A kommun\n");
        std::fs::write(dir.path().join("r.pdf.meta.toml"), "year = 2020\n").unwrap();
        let found = corrections.for_file("r.pdf", &file).unwrap().unwrap();
        assert_eq!(found.fields.year, Some(2020));
        assert_eq!(found.fields.owner.as_deref(), Some("A kommun"));
        assert_eq!(found.source, "metadata.csv och r.pdf.meta.toml");
        std::fs::write(dir.path().join("r.pdf.meta.toml"), "yaer = 2020\n").unwrap();
        assert!(corrections.for_file("r.pdf", &file).is_err());
        let other = dir.path().join("x.pdf");
        assert_eq!(Corrections::default().for_file("x.pdf", &other), Ok(None));
    }
}
