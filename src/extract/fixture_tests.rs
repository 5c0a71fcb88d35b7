//! Behaviour on small generated files in `tests/fixtures/extract/`.
//!
//! The fixtures are made by `tests/fixtures/extract/make.py`; each pins one
//! behaviour: column order, hyphenation, page furniture, encryption, the
//! `'` operator fallback, a font name that means another font on the next
//! page, a panicking page, the error for each kind of broken file, word
//! gaps kept on a page that repeats the same words, a page whose content
//! opens with a comment (as scanners write it), a form that draws itself,
//! a font that gives no widths, text running up or down the page, forms
//! placed by their matrix beside an image, and a Type3 font drawn in a glyph
//! space of its own.

use super::{ExtractError, Extracted, extract_file};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/extract")
        .join(name)
}

fn extract(name: &str) -> Extracted {
    extract_file(&fixture(name)).unwrap_or_else(|e| panic!("{name}: {e}"))
}

fn all_text(extracted: &Extracted) -> String {
    let pages: Vec<String> = extracted.pages.iter().map(|p| p.text()).collect();
    pages.join("\n")
}

#[test]
fn two_columns_are_read_column_by_column() {
    let text = all_text(&extract("two_columns.pdf"));
    let last_left = text.rfind("Vänster spalt").unwrap();
    let first_right = text.find("Höger spalt").unwrap();
    assert!(text.starts_with("Två spalter på en sida"));
    assert!(last_left < first_right, "columns interleaved:\n{text}");
    assert!(text.contains("Vänster spalt rad 30 handlar om älgar och ödlor."));
}

#[test]
fn line_end_hyphenation_is_joined_and_compounds_kept() {
    let text = all_text(&extract("hyphenation.pdf"));
    assert!(
        text.contains("arbetslivsinriktad rehabilitering\ntill"),
        "{text}"
    );
    assert!(
        text.contains("arbetslivs-\noch utbildningsförvaltningen"),
        "{text}"
    );
    assert_eq!(text.matches("Burlöv-Staffanstorp").count(), 2, "{text}");
}

#[test]
fn heading_keeps_size_and_bold_and_paragraphs_are_separated() {
    let lines = &extract("hyphenation.pdf").pages[0].lines;
    assert_eq!(
        (lines[0].text.as_str(), lines[0].font_size, lines[0].bold),
        ("Rubrik om samverkan", 16.0, true)
    );
    assert!(!lines[2].bold);
    let new_paragraph = lines
        .iter()
        .position(|l| l.text.starts_with("Ett nytt stycke"))
        .unwrap();
    assert!(lines[new_paragraph - 1].is_blank());
}

#[test]
fn running_header_footer_and_page_numbers_are_removed() {
    for (name, pages) in [("header_footer.pdf", 4), ("header_footer_2p.pdf", 2)] {
        let extracted = extract(name);
        assert_eq!(extracted.pages.len(), pages);
        for page in &extracted.pages {
            let text = page.text();
            assert!(
                !text.contains("Årsrapport") && !text.contains("Sida"),
                "{name}:\n{text}"
            );
            assert!(
                text.contains("Deltagarna fick stöd av coacher under hela året."),
                "{name}:\n{text}"
            );
            assert!(
                text.contains(&format!("Under kvartal {} deltog", page.number)),
                "{name}:\n{text}"
            );
            assert_eq!(page.lines.len(), 6, "{name}:\n{text}");
        }
    }
}

#[test]
fn owner_password_only_pdf_opens() {
    let text = all_text(&extract("encrypted_owner.pdf"));
    assert_eq!(
        text,
        "Hemlig men läsbar rapport om både åtgärder och öppenhet."
    );
}

#[test]
fn a_font_name_reused_for_another_font_on_the_next_page_reads_with_that_font() {
    let extracted = extract("same_font_name.pdf");
    assert_eq!(extracted.pages[0].text(), "Rapport om # och $ i Lund");
    assert_eq!(extracted.pages[1].text(), "Rapport om Växjö kommun");
}

#[test]
fn text_shown_with_apostrophe_operator_is_read_in_order() {
    let extracted = extract("apostrophe.pdf");
    let lines: Vec<&str> = extracted.pages[0]
        .lines
        .iter()
        .map(|l| l.text.as_str())
        .collect();
    assert_eq!(lines[0], "Rapport om samverkan");
    let shown: Vec<&str> = lines
        .into_iter()
        .filter(|l| l.starts_with("Rad "))
        .collect();
    let expected: Vec<String> = (1..=12)
        .map(|i| format!("Rad {i} visas med apostrofoperatorn ord{i}"))
        .collect();
    assert_eq!(shown, expected);
    assert!(extracted.warnings.is_empty(), "{:?}", extracted.warnings);
}

#[test]
fn panic_on_one_page_costs_only_that_page() {
    let extracted = extract("panic_page.pdf");
    assert_eq!(extracted.pages[0].text(), "Första sidan läses som vanligt.");
    assert_eq!(
        extracted.pages[1].text(),
        "Andra sidan har ett trasigt textkommando."
    );
    // Read by our plain fallback, or by poppler where it is installed.
    assert!(
        extracted.warnings[0].starts_with("sida 2: läst med"),
        "{:?}",
        extracted.warnings
    );
    assert!(extracted.warnings[0].contains("reservmetoden"));
}

#[test]
fn broken_files_give_the_matching_error() {
    let error = |name: &str| extract_file(&fixture(name)).err();
    assert!(matches!(
        error("encrypted_user.pdf"),
        Some(ExtractError::Encrypted)
    ));
    assert!(matches!(error("empty.pdf"), Some(ExtractError::Empty)));
    assert!(matches!(
        error("truncated.pdf"),
        Some(ExtractError::Broken(_))
    ));
    assert!(matches!(error("not_a_pdf.pdf"), Some(ExtractError::NotPdf)));
    assert!(matches!(
        error("rapport.docx"),
        Some(ExtractError::Unsupported)
    ));
    assert!(matches!(error("saknas.PDF"), Some(ExtractError::Io(_))));
}

#[test]
fn latin1_text_file_keeps_swedish_letters_and_pages() {
    let extracted = extract("latin1.txt");
    assert_eq!(extracted.pages.len(), 2);
    assert_eq!(
        extracted.pages[0].text(),
        "# Rubrik\nFörsta sidan om åtgärder.\n\nNytt stycke."
    );
    assert_eq!(extracted.pages[1].text(), "Andra sidan med ö.");
}

#[test]
fn words_that_end_every_line_alike_keep_their_gaps() {
    // "k", "o" and "e" stand only before a word gap (kerned, no space
    // character), so their measured advance holds it: calibrating them
    // would read "Linktopage1".
    let text = all_text(&extract("repeated_words.pdf"));
    assert!(text.contains("1. Link to page 1."), "{text}");
    assert!(text.contains("18. Link to page 18."), "{text}");
}

#[test]
fn hebrew_and_arabic_are_read_right_to_left() {
    // Letters placed leftwards from the right margin: left to right they
    // spell "םולש"; read, "שלום". Numbers and Swedish keep their order.
    let text = all_text(&extract("right_to_left.pdf"));
    assert!(text.contains("שלום עולם, מה שלום כולם"), "{text}");
    assert!(text.contains("לפי סעיף 15 בחוק"), "{text}");
    assert!(text.contains("مرحبا بالعالم"), "{text}");
    assert!(
        text.contains("finns också på hebreiska och arabiska."),
        "{text}"
    );
}

#[test]
fn glyph_names_outside_the_list_are_read_by_the_glyph_list_rules() {
    // "one.os" (an old-style figure) and "uniFB01" (the fi ligature), as
    // fonts converted from OpenType name them; read by the base encoding
    // they were "€" and "•".
    let text = all_text(&extract("glyph_names.pdf"));
    assert!(
        text.contains("Alla filer från version 1.1 och finns kvar."),
        "{text}"
    );
}

#[test]
fn a_comment_before_a_pages_text_does_not_hide_it() {
    // Our own reader alone: poppler would read the page too, without its
    // font sizes, and hide a failure of ours.
    let bytes = std::fs::read(fixture("scanner_comment.pdf")).unwrap();
    let extracted = super::extract_pdf_bytes(&bytes).unwrap();
    let text = all_text(&extracted);
    assert!(
        text.contains("Styrelsen beslutade att fortsätta med projektet"),
        "{text:?}"
    );
    assert_eq!(extracted.pages[0].lines[0].font_size, 12.0);
}

#[test]
fn a_form_that_draws_itself_is_read_once() {
    // It used to recurse until the stack overflowed and the process aborted.
    let text = all_text(&extract("self_form.pdf"));
    assert_eq!(text, "Formen ritar sig sjalv.");
}

#[test]
fn forms_are_drawn_where_the_page_places_them_and_images_draw_no_text() {
    // Our own reader alone, as poppler would mend it. Drawn at the identity,
    // both forms' lines fell on one baseline and were read glyph by glyph
    // into one another; the image's samples were parsed as operators.
    let bytes = std::fs::read(fixture("placed_forms.pdf")).unwrap();
    let extracted = super::extract_pdf_bytes(&bytes).unwrap();
    let text = all_text(&extracted);
    assert_eq!(text, "Formen A ligger overst.\n\nFormen B ligger under.");
}

#[test]
fn a_type3_font_in_its_own_glyph_space_is_read_at_its_drawn_size() {
    // Our own reader alone. Judged against the nominal size 0.25, each
    // letter was a word; the space outside /Widths panicked, and the page
    // fell to the plain fallback, which knows no sizes.
    let bytes = std::fs::read(fixture("type3_glyph_space.pdf")).unwrap();
    let extracted = super::extract_pdf_bytes(&bytes).unwrap();
    assert_eq!(all_text(&extracted), "samverkan ger resultat");
    let size = extracted.pages[0].lines[0].font_size;
    assert!((10.0..30.0).contains(&size), "{size}");
}

#[test]
fn a_font_without_widths_is_placed_by_its_familys_standard_font() {
    // Without widths every glyph stood at its string's start, and a kerned
    // line read "garna fick stöd … vecka.Delta".
    let text = all_text(&extract("missing_widths.pdf"));
    assert_eq!(
        text,
        "Deltagarna fick stöd av en samordnare varje vecka.\n\
         Arbetsgivarna tog emot praktikanter under hela året."
    );
}

#[test]
fn text_running_up_or_down_the_page_is_read_as_lines() {
    // Our own reader alone (poppler reads such pages too): each letter of
    // a turned label used to be a row of its own.
    let bytes = std::fs::read(fixture("turned_text.pdf")).unwrap();
    let extracted = super::extract_pdf_bytes(&bytes).unwrap();
    let lines: Vec<String> = extracted.pages[0]
        .lines
        .iter()
        .map(|l| l.text.clone())
        .filter(|t| !t.is_empty())
        .collect();
    assert_eq!(
        lines,
        [
            "Tabellen visar deltagarna per kommun under året.",
            "Antal deltagare",
            "Andel till arbete",
            "Avslutade insatser",
            "Utkast till styrelsen i mars"
        ]
    );
}
