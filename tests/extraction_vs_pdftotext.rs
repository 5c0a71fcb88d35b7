//! Extraction of the sample PDFs (made by reportlab, groff/ps2pdf and
//! Chromium, with columns, hyphenation and running headers) compared with
//! poppler's `pdftotext` as a reference reader: the words pdftotext reads
//! from the body must come back from our extraction too.

use std::collections::{HashMap, HashSet};
use std::path::Path;
use std::process::Command;

/// Share of the reference's words our extraction must recover.
const MIN_RECALL: f64 = 0.97;
/// Share of our words the reference must also have (split or glued words fail this).
const MIN_PRECISION: f64 = 0.97;

fn words(text: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    let tokens = text
        .to_lowercase()
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| w.chars().count() > 1)
        .map(str::to_string)
        .collect::<Vec<_>>();
    for word in tokens {
        *counts.entry(word).or_insert(0) += 1;
    }
    counts
}

/// pdftotext's text with line-end hyphenation joined, as our extraction does.
fn reference_text(pdf: &Path) -> Option<String> {
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .ok()?;
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    let joined = regex::Regex::new(r"(\p{Ll})-\n(\p{Ll})")
        .unwrap()
        .replace_all(&text, "$1$2");
    Some(joined.into_owned())
}

/// The reference without page furniture: lines (digits ignored) that repeat
/// on more than half of the pages are running headers and footers.
///
/// A line counts once per page, however often it stands there: a table
/// column repeating "Uppfyllt" or "Belopp i tkr" on one page is body text,
/// not furniture. A two-page document's furniture is what stands on both
/// pages (more than half of two), as the extraction removes it; only a
/// single page has no furniture to tell apart.
fn body_text(pages: &[String]) -> String {
    let key = |line: &str| line.trim().replace(|c: char| c.is_ascii_digit(), "#");
    let mut seen: HashMap<String, usize> = HashMap::new();
    for page in pages {
        let keys: HashSet<String> = page.lines().map(key).filter(|k| !k.is_empty()).collect();
        for k in keys {
            *seen.entry(k).or_insert(0) += 1;
        }
    }
    let repeated =
        |line: &str| pages.len() > 1 && seen.get(&key(line)).is_some_and(|n| *n * 2 > pages.len());
    let lines = pages
        .iter()
        .flat_map(|p| p.lines())
        .filter(|l| !repeated(l));
    lines.collect::<Vec<_>>().join("\n")
}

#[test]
fn sample_pdfs_read_as_well_as_pdftotext() {
    if Command::new("pdftotext").arg("-v").output().is_err() {
        eprintln!("NOTICE: pdftotext (poppler-utils) is not installed; skipping");
        return;
    }
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("corpus/exempel");
    let mut failures = Vec::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let pdf = entry.unwrap().path();
        if pdf.extension().is_none_or(|e| e != "pdf") {
            continue;
        }
        let reference = reference_text(&pdf).unwrap();
        let pages: Vec<String> = reference
            .split('\x0c')
            .filter(|p| !p.trim().is_empty())
            .map(str::to_string)
            .collect();
        let ours = finsam::extract::extract_file(&pdf).unwrap();
        let ours: Vec<String> = ours.pages.iter().map(|p| p.text()).collect();
        let (want, got) = (words(&body_text(&pages)), words(&ours.join("\n")));
        let (mut hit, mut all) = (0, 0);
        for (word, n) in &want {
            all += n;
            hit += (*n).min(got.get(word).copied().unwrap_or(0));
        }
        let recall = hit as f64 / all as f64;
        let precision = hit as f64 / got.values().sum::<usize>() as f64;
        let name = pdf.file_name().unwrap().to_string_lossy().to_string();
        println!("{name}: recall {recall:.4} precision {precision:.4} of {all} words");
        if recall < MIN_RECALL || precision < MIN_PRECISION {
            let extra: Vec<&String> = got
                .keys()
                .filter(|w| !want.contains_key(*w))
                .take(12)
                .collect();
            failures.push(format!("{name}: extra words e.g. {extra:?}"));
            let missing: Vec<&String> = want
                .keys()
                .filter(|w| !got.contains_key(*w))
                .take(12)
                .collect();
            failures.push(format!("{name}: {recall:.4}, missing e.g. {missing:?}"));
        }
    }
    assert!(failures.is_empty(), "{failures:#?}");
}
