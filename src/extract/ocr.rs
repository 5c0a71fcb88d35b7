//! OCR for pages without a usable text layer, with Tesseract in Swedish.
//!
//! A page is rendered with poppler's `pdftoppm` and read by `tesseract -l
//! swe` (Debian: poppler-utils, tesseract-ocr-swe). Both are external
//! programs, found on the PATH; when either is missing, OCR is unavailable
//! and the caller reports the pages as needing OCR instead.
//!
//! Tesseract reads every mark on a page as some word, symbols and drawings
//! too, but says how sure it is of each: printed words come out at 85–96 %,
//! a dingbat read as "a1l" or a column of single letters read as one run of
//! digits at 0–60 %. A reading keeps all its words, and carries the words it
//! is sure of ([`OcrReading::sure`]) for weighing it against a text layer.

use super::plausible::Plausibility;
use crate::document::{Line, Page};
use std::path::Path;
use std::process::Command;
use std::sync::LazyLock;

/// Rendering resolution for OCR, dots per inch.
const DPI: &str = "300";
/// Tesseract's confidence (0–100) from which a word counts as read.
const SURE: f64 = 70.0;

/// A page as OCR read it.
#[derive(Debug, Clone, PartialEq)]
pub struct OcrReading {
    /// Every word Tesseract read, in its lines and paragraphs.
    pub page: Page,
    /// The same lines holding only the words Tesseract is sure of.
    pub sure: Vec<Line>,
}

/// True when `pdftoppm` and `tesseract` with Swedish are installed.
pub fn available() -> bool {
    missing().is_none()
}

/// What OCR lacks, as one Swedish line saying what to install; `None` when
/// `pdftoppm` and `tesseract` with Swedish are installed.
pub fn missing() -> Option<String> {
    static MISSING: LazyLock<Option<String>> = LazyLock::new(|| {
        let languages = Command::new("tesseract").arg("--list-langs").output();
        let tesseract = languages.is_ok();
        let swedish = languages.is_ok_and(|o| {
            String::from_utf8_lossy(&o.stdout)
                .lines()
                .any(|l| l.trim() == "swe")
        });
        let poppler = Command::new("pdftoppm").arg("-v").output().is_ok();
        let lacking = match (tesseract, swedish, poppler) {
            (_, true, true) => return None,
            (false, _, true) => "Tesseract saknas",
            (true, false, true) => "Tesseract saknar svenska",
            (_, true, false) | (true, false, false) => "poppler (pdftoppm) saknas",
            (false, _, false) => "Tesseract och poppler saknas",
        };
        Some(format!(
            "{lacking}: skannade sidor blir inte sökbara. Installera med \
             `sudo apt-get install tesseract-ocr-swe poppler-utils` (eller kör scripts/run.sh)."
        ))
    });
    MISSING.clone()
}

impl OcrReading {
    /// True when this reading should replace the text layer `layer`: the
    /// words Tesseract is sure of read clearly better than the layer, or,
    /// on a page without text, any of its words do.
    pub fn replaces(&self, layer: &[Line]) -> bool {
        let blank = layer.iter().all(Line::is_blank);
        let weighed = if blank { &self.page.lines } else { &self.sure };
        Plausibility::of_lines(layer).clearly_below(&Plausibility::of_lines(weighed))
    }
}

/// Reads page `number` of the PDF at `pdf` by OCR; `None` when it fails.
pub fn read_page(pdf: &Path, number: u32) -> Option<OcrReading> {
    let dir = tempfile::tempdir().ok()?;
    let prefix = dir.path().join("sida");
    let page = number.to_string();
    let rendered = Command::new("pdftoppm")
        .args([
            "-r",
            DPI,
            "-gray",
            "-png",
            "-singlefile",
            "-f",
            &page,
            "-l",
            &page,
        ])
        .arg(pdf)
        .arg(&prefix)
        .status()
        .ok()?;
    let image = prefix.with_extension("png");
    if !rendered.success() || !image.exists() {
        return None;
    }
    // Tesseract's OpenMP threads spin while they wait; ingest already reads
    // one file per core, so one thread each (as Tesseract's docs advise).
    let out = Command::new("tesseract")
        .env("OMP_THREAD_LIMIT", "1")
        .arg(&image)
        .arg("stdout")
        .args(["-l", "swe", "tsv"])
        .output()
        .ok()?;
    let (lines, sure) = parse_tsv(&String::from_utf8_lossy(&out.stdout));
    out.status.success().then_some(OcrReading {
        page: Page { number, lines },
        sure,
    })
}

/// Tesseract's TSV (a row per word: level 5, then page, block, paragraph,
/// line and word numbers, box, confidence, text) as lines with a blank line
/// between paragraphs: all words, and the words it is sure of.
fn parse_tsv(tsv: &str) -> (Vec<Line>, Vec<Line>) {
    let (mut all, mut sure) = (Vec::new(), Vec::new());
    let mut at: Option<(&str, &str, &str)> = None;
    for row in tsv.lines().map(|row| row.split('\t').collect::<Vec<_>>()) {
        let [
            level,
            _,
            block,
            paragraph,
            line,
            _,
            _,
            _,
            _,
            _,
            confidence,
            text,
        ] = row[..]
        else {
            continue;
        };
        let confidence: f64 = confidence.parse().unwrap_or(0.0);
        if level != "5" || text.trim().is_empty() {
            continue;
        }
        if at.is_some_and(|(b, p, _)| (b, p) != (block, paragraph)) {
            all.push(Line::plain(""));
            sure.push(Line::plain(""));
        }
        if at != Some((block, paragraph, line)) {
            all.push(Line::plain(""));
            sure.push(Line::plain(""));
            at = Some((block, paragraph, line));
        }
        append_word(all.last_mut(), text.trim());
        if confidence >= SURE {
            append_word(sure.last_mut(), text.trim());
        }
    }
    (all, sure)
}

/// Appends `word` to `line`, a space before it unless the line is empty.
fn append_word(line: Option<&mut Line>, word: &str) {
    if let Some(line) = line {
        if !line.text.is_empty() {
            line.text.push(' ');
        }
        line.text.push_str(word);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts(lines: &[Line]) -> Vec<&str> {
        lines.iter().map(|l| l.text.as_str()).collect()
    }

    #[test]
    fn words_are_grouped_into_lines_and_paragraphs_and_unsure_ones_kept_apart() {
        let row = |block, paragraph, line, confidence, text| {
            format!("5\t1\t{block}\t{paragraph}\t{line}\t1\t0\t0\t9\t9\t{confidence}\t{text}")
        };
        let tsv = [
            "level\tpage_num\tblock_num\tpar_num\tline_num\tword_num\tleft\ttop\twidth\theight\tconf\ttext".to_string(),
            "4\t1\t1\t1\t1\t0\t0\t0\t9\t9\t-1\t".to_string(),
            row(1, 1, 1, 96.1, "Rapport"),
            row(1, 1, 1, 95.0, "om"),
            row(1, 1, 2, 12.0, "al0ll"),
            row(1, 1, 2, 93.5, "samverkan"),
            row(1, 1, 2, 95.0, " "),
            row(2, 1, 1, 91.0, "Resultat"),
        ]
        .join("\n");
        let (all, sure) = parse_tsv(&tsv);
        assert_eq!(
            texts(&all),
            ["Rapport om", "al0ll samverkan", "", "Resultat"]
        );
        assert_eq!(texts(&sure), ["Rapport om", "samverkan", "", "Resultat"]);
    }
}
