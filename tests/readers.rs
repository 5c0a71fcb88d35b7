//! PDFs that pdf-extract reads badly or not at all, and poppler reads: each
//! page's text comes from the reader that reads it best, and the report says
//! which, and OCR does not replace a text layer by what it only guesses.
//! The fixtures are made by `tests/fixtures/readers/make.py`.

use finsam::extract::{Extracted, Reader, extract_file};
use std::path::Path;
use std::process::Command;

fn extract(name: &str) -> Extracted {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/readers")
        .join(name);
    extract_file(&path).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn text(extracted: &Extracted) -> String {
    let pages: Vec<String> = extracted.pages.iter().map(|p| p.text()).collect();
    pages.join("\n")
}

/// The fixture `name` as extracted, and its text; `None` when `ready`
/// (a check that gives its own notice) says what the test needs is missing.
fn read_if(ready: bool, name: &str) -> Option<(Extracted, String)> {
    ready.then(|| {
        let extracted = extract(name);
        let text = text(&extracted);
        (extracted, text)
    })
}

/// False (with a notice) where poppler-utils is not installed.
fn poppler() -> bool {
    let installed = Command::new("pdftotext").arg("-v").output().is_ok();
    if !installed {
        eprintln!("NOTICE: pdftotext (poppler-utils) is not installed; skipping");
    }
    installed
}

#[test]
fn a_line_that_is_every_pages_only_text_is_kept() {
    let extracted = extract("one_line_per_page.pdf");
    assert_eq!(extracted.pages.len(), 4);
    for page in &extracted.pages {
        assert_eq!(page.text(), "Blankett för månadsrapport");
    }
    assert!(extracted.needs_ocr.is_empty(), "{:?}", extracted.warnings);
    assert!(extracted.warnings.is_empty(), "{:?}", extracted.warnings);
}

#[test]
fn a_file_with_a_broken_cross_reference_table_is_read_by_our_reader() {
    // lopdf rebuilds the table by scanning for objects (poppler does too),
    // so the page keeps its fonts and sizes.
    let extracted = extract("broken_xref.pdf");
    assert!(text(&extracted).contains("Försäkringskassan och kommunen deltog"));
    assert_eq!(extracted.readers, [Reader::PdfExtract]);
    assert!(extracted.warnings.is_empty(), "{:?}", extracted.warnings);
}

#[test]
fn a_file_our_reader_cannot_open_is_read_by_poppler() {
    let Some((extracted, text)) = read_if(poppler(), "page_as_page_tree.pdf") else {
        return;
    };
    assert!(text.contains("Försäkringskassan och kommunen deltog"));
    assert_eq!(extracted.readers, [Reader::Poppler]);
    assert_eq!(
        extracted.warnings,
        [
            "vår PDF-läsare kunde inte öppna filen (trasig PDF: sidorna går inte att hitta); \
          hela filen lästes med poppler"
        ]
    );
}

#[test]
fn aes_with_an_empty_user_password_and_no_key_length_is_read() {
    let extracted = extract("aes_no_key_length.pdf");
    assert!(text(&extracted).contains("samordnat stöd till deltagare"));
    assert_eq!(extracted.readers, [Reader::PdfExtract]);
}

#[test]
fn a_page_only_our_plain_fallback_could_read_is_read_by_poppler() {
    // pdf-extract panics on page 2 (a `Tj` with a number); lopdf's plain
    // text knows no positions or sizes, and poppler reads the page as well.
    let Some((extracted, _)) = read_if(poppler(), "../extract/panic_page.pdf") else {
        return;
    };
    assert_eq!(extracted.readers, [Reader::PdfExtract, Reader::Poppler]);
    assert_eq!(
        extracted.pages[1].text(),
        "Andra sidan har ett trasigt textkommando."
    );
    assert_eq!(
        extracted.warnings,
        ["sida 2: läst med poppler (läst med reservmetoden)"]
    );
}

#[test]
fn a_form_fields_value_without_an_appearance_is_read() {
    let Some((extracted, text)) = read_if(poppler(), "field_without_appearance.pdf") else {
        return;
    };
    assert!(text.contains("Margareta Lindqvist"), "{text}");
    assert!(
        text.contains("Sökande och kontaktperson för ansökan:"),
        "{text}"
    );
    assert_eq!(extracted.readers, [Reader::Poppler]);
}

#[test]
fn a_filled_form_fields_value_is_read() {
    let Some((extracted, text)) = read_if(poppler(), "form_field.pdf") else {
        return;
    };
    assert!(text.contains("Beskriv insatsen:"), "{text}");
    assert!(text.contains("Arbetsträning med stöd av coacher"), "{text}");
    assert_eq!(
        extracted.warnings,
        ["sida 1: läst med poppler (formulärfält eller anteckningar)"]
    );
}

#[test]
fn a_small_field_on_a_page_of_prose_is_read() {
    // Poppler adds only the field's two words to ours: not clearly more
    // plausible, but it holds every word ours has.
    let Some((extracted, text)) = read_if(poppler(), "form_field_among_prose.pdf") else {
        return;
    };
    assert!(text.contains("Vaggeryd Jönköping"), "{text}");
    assert_eq!(
        text.matches("Försäkringskassan och kommunen").count(),
        6,
        "{text}"
    );
    assert_eq!(
        extracted.warnings,
        ["sida 1: läst med poppler (formulärfält eller anteckningar)"]
    );
}

#[test]
fn a_font_in_an_unknown_cmap_costs_only_its_own_text() {
    let Some((extracted, text)) = read_if(poppler(), "unsupported_cmap.pdf") else {
        return;
    };
    assert!(
        text.contains("Rapporten beskriver samverkan mellan parterna.")
            && text.contains("Deltagarna fick arbete eller praktik."),
        "{text}"
    );
    assert_eq!(extracted.readers, [Reader::Poppler]);
    assert_eq!(
        extracted.warnings,
        ["sida 1: läst med poppler (ingen text)"]
    );
}

#[test]
fn a_report_written_well_is_read_by_our_own_reader() {
    let sample = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("corpus/exempel/gavleborg-kvartalsrapport-2024q1.pdf");
    let extracted = extract_file(&sample).unwrap();
    assert!(extracted.readers.iter().all(|r| *r == Reader::PdfExtract));
}

#[test]
fn codes_a_font_does_not_map_are_left_out_and_the_table_kept() {
    let Some((extracted, text)) = read_if(poppler(), "unmapped_codes.pdf") else {
        return;
    };
    assert!(!text.contains('\0'), "{text:?}");
    let cells: Vec<&str> = text.split_whitespace().collect();
    assert!(
        ('A'..='Z').all(|c| cells.contains(&c.to_string().as_str())),
        "{text}"
    );
    assert!(text.contains("The quick brown fox"), "{text}");
    assert_eq!(
        extracted.readers,
        [Reader::Poppler],
        "{:?}",
        extracted.warnings
    );
}

/// True (with a notice) when Tesseract with Swedish is not installed, so an OCR test is skipped.
fn ocr_missing() -> bool {
    let missing = !finsam::extract::ocr_available();
    if missing {
        eprintln!("NOTICE: Tesseract with Swedish is not installed; skipping");
    }
    missing
}

#[test]
fn a_column_of_single_letters_is_not_replaced_by_what_ocr_guesses() {
    // Page 2 of qpdf's form-mod1.pdf (Apache-2.0; see make.py).
    let Some((extracted, text)) = read_if(!ocr_missing(), "letter_column.pdf") else {
        return;
    };
    assert!(text.contains("There are no fields on this page."), "{text}");
    assert!(text.matches('w').count() >= 40, "{text}");
    assert_eq!(
        extracted.readers,
        [Reader::PdfExtract],
        "{:?}",
        extracted.warnings
    );
}

#[test]
fn ocr_is_weighed_against_a_page_with_its_running_header() {
    let Some((extracted, _)) = read_if(!ocr_missing(), "headed_tables.pdf") else {
        return;
    };
    for page in &extracted.pages {
        assert!(
            page.text().starts_with("a b c d e f g h"),
            "{}",
            page.text()
        );
    }
    assert_eq!(
        extracted.readers,
        [Reader::PdfExtract; 3],
        "{:?}",
        extracted.warnings
    );
}

#[test]
fn a_label_drawn_across_a_line_is_kept_apart_from_its_words() {
    let Some((extracted, text)) = read_if(poppler(), "label_over_text.pdf") else {
        return;
    };
    let words: Vec<&str> = text.split_whitespace().collect();
    let count = |word: &str| words.iter().filter(|w| **w == word).count();
    assert_eq!(count("Försäkringskassan"), 4, "{text}");
    assert_eq!((count("Interpret"), count("Bytecodes")), (1, 1), "{text}");
    assert_eq!(
        extracted.readers,
        [Reader::Poppler],
        "{:?}",
        extracted.warnings
    );
}
