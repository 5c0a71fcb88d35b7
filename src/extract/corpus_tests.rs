//! Word recall against the shared corpus of real reports.
//!
//! Each `pdf/NNN.pdf` was made from `text/NNN.txt`; the words of the source
//! text (lower-cased runs of letters and digits, markup ignored) must come
//! back from extraction. Precision is printed too: page furniture that
//! survives cleanup shows up there.

use super::extract_pdf_bytes;
use std::collections::HashMap;
use std::path::Path;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus");
const MIN_RECALL: f64 = 0.98;

fn words(text: &str) -> HashMap<String, usize> {
    let mut counts = HashMap::new();
    for word in text
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
    {
        *counts.entry(word.to_string()).or_default() += 1;
    }
    counts
}

/// Size of the multiset intersection.
fn common(a: &HashMap<String, usize>, b: &HashMap<String, usize>) -> usize {
    a.iter()
        .map(|(word, n)| (*n).min(b.get(word).copied().unwrap_or(0)))
        .sum()
}

fn total(counts: &HashMap<String, usize>) -> usize {
    counts.values().sum()
}

#[test]
fn corpus_word_recall() {
    let pdf_dir = Path::new(CORPUS).join("pdf");
    let Ok(entries) = std::fs::read_dir(&pdf_dir) else {
        println!("corpus not found at {}; skipping", pdf_dir.display());
        return;
    };
    let mut pdfs: Vec<_> = entries.filter_map(|e| e.ok()).map(|e| e.path()).collect();
    pdfs.sort();
    for pdf in pdfs
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "pdf"))
    {
        let stem = pdf.file_stem().unwrap().to_string_lossy();
        let source =
            std::fs::read_to_string(Path::new(CORPUS).join(format!("text/{stem}.txt"))).unwrap();
        let extracted = extract_pdf_bytes(&std::fs::read(pdf).unwrap()).unwrap();
        let text: Vec<String> = extracted.pages.iter().map(|p| p.text()).collect();
        let (want, got) = (words(&source), words(&text.join("\n")));
        let hits = common(&want, &got) as f64;
        let (recall, precision) = (hits / total(&want) as f64, hits / total(&got) as f64);
        println!(
            "{stem}: recall {recall:.4} precision {precision:.4} warnings {:?}",
            extracted.warnings
        );
        assert!(recall >= MIN_RECALL, "{stem}: recall {recall:.4}");
    }
}
