//! Choosing each page's reader by measurement.
//!
//! Our own reading of a page ([`super::pdf`]) keeps font sizes and
//! boldness, so it is kept wherever it can be trusted. It is doubted when
//! it has no text (poppler also reads form fields and annotations, and a
//! page without a text layer is then left to OCR), far fewer characters
//! than the page draws (a font in a CMap pdf-extract does not know, a Type3
//! font), glyphs drawn over one another, text only lopdf's plain fallback
//! could read, suspicious characters, tokens that do not read as language
//! ([`Plausibility::flaw`]), or form fields and annotations with text of
//! their own, which pdf-extract does not read. Poppler then reads the
//! doubted pages (one run over their range) and its reading replaces ours
//! where it is clearly more plausible, where it holds all our words and
//! more, where it is the same text without the control characters that
//! codes a font does not map become in ours, or where ours interleaves
//! glyphs drawn over one another, is only the plain fallback's (no
//! positions) or is empty, and poppler's reads no worse. A file our
//! reader cannot open at all (a broken cross-reference table, an encryption
//! variant) is read by poppler entirely, when poppler finds text in it.

use super::Reader;
use super::error::ExtractError;
use super::pdf::PdfPage;
use super::plausible::{Flaw, Plausibility};
use super::poppler;
use super::quality::TextMeasure;
use crate::document::Line;
use std::collections::HashMap;
use std::path::Path;

/// Fewer characters than this share of the glyphs a page draws is a lost reading.
const MIN_CHARS_PER_GLYPH: f64 = 0.5;
/// Pages drawing fewer glyphs than this are not judged by the count.
const MIN_GLYPHS: usize = 20;

/// Why our reading of a page is doubted, in Swedish; `None` when it is not.
fn doubt(page: &PdfPage) -> Option<&'static str> {
    let measure = TextMeasure::of_lines(&page.page.lines);
    let chars = page
        .page
        .lines
        .iter()
        .flat_map(|l| l.text.chars())
        .filter(|c| !c.is_whitespace())
        .count();
    if chars == 0 {
        return Some("ingen text");
    }
    if measure.is_garbled() {
        return Some("ersättningstecken eller privata tecken");
    }
    if page.glyphs >= MIN_GLYPHS && (chars as f64) < MIN_CHARS_PER_GLYPH * page.glyphs as f64 {
        return Some("färre tecken än sidan visar");
    }
    if page.overlapping {
        return Some("tecken som överlappar varandra");
    }
    if page.reader == Reader::Lopdf {
        return Some("läst med reservmetoden");
    }
    let flaw = Plausibility::of_lines(&page.page.lines)
        .flaw()
        .map(Flaw::reason);
    flaw.or(page
        .annotations
        .then_some("formulärfält eller anteckningar"))
}

/// Replaces our reading of doubted pages by poppler's where poppler's is
/// clearly more plausible; says which pages it replaced and why.
pub(crate) fn second_opinion(pdf: &Path, pages: &mut [PdfPage], warnings: &mut Vec<String>) {
    let doubted: Vec<(usize, &'static str)> = pages
        .iter()
        .enumerate()
        .filter_map(|(i, page)| doubt(page).map(|why| (i, why)))
        .collect();
    let (Some(first), Some(last)) = (doubted.first(), doubted.last()) else {
        return;
    };
    if !poppler::available() {
        return;
    }
    tracing::debug!(?doubted, file = %pdf.display(), "asking poppler about doubted pages");
    let range = (pages[first.0].page.number, pages[last.0].page.number);
    let Some(theirs) = poppler::read_pages(pdf, Some(range)) else {
        return;
    };
    for (i, why) in doubted {
        let ours = &mut pages[i];
        let Some(their) = theirs.iter().find(|p| p.number == ours.page.number) else {
            continue;
        };
        if reads_better(ours, &their.lines) {
            let number = ours.page.number;
            // What our reader said about the page no longer holds.
            let (own, own_colon) = (format!("sida {number} "), format!("sida {number}:"));
            warnings.retain(|w| !w.starts_with(&own) && !w.starts_with(&own_colon));
            warnings.push(format!("sida {number}: läst med poppler ({why})"));
            ours.page.lines = their.lines.clone();
            ours.reader = Reader::Poppler;
        }
    }
}

/// True when `theirs` reads better than our reading: clearly more
/// plausible, the same text where ours is garbled and theirs is not, or,
/// where ours interleaves glyphs drawn over one another, is only our plain
/// fallback's or is empty, no less plausible (a few interleaved words hardly
/// lower a page's plausibility, but poppler keeps texts drawn over one
/// another apart; the fallback knows no positions; a page's few words, a
/// label or a name, are not "clearly" more than none).
fn reads_better(ours: &PdfPage, theirs: &[Line]) -> bool {
    let (mine, other) = (
        Plausibility::of_lines(&ours.page.lines),
        Plausibility::of_lines(theirs),
    );
    let weak = ours.overlapping || ours.reader == Reader::Lopdf || is_blank(&ours.page.lines);
    mine.clearly_below(&other)
        || weak && !is_blank(theirs) && !other.clearly_below(&mine)
        || TextMeasure::of_lines(&ours.page.lines).cleaned_by(&TextMeasure::of_lines(theirs))
        || other.score() > mine.score() && holds_nearly_all(theirs, &ours.page.lines)
}

fn is_blank(lines: &[Line]) -> bool {
    lines.iter().all(Line::is_blank)
}

/// Share of our words that may be missing from a reading that holds our words and more.
const MAY_MISS: f64 = 0.05;

/// True when `theirs` holds all but [`MAY_MISS`] of the words of `ours`
/// (as lower-cased tokens, counted): a reading with more words than ours
/// that loses none of them (poppler reads the text of form fields and
/// annotations, which ours leaves out) is better, however few it adds.
fn holds_nearly_all(theirs: &[Line], ours: &[Line]) -> bool {
    let mut missing: HashMap<String, usize> = HashMap::new();
    let mut total = 0;
    for token in tokens(ours) {
        *missing.entry(token).or_default() += 1;
        total += 1;
    }
    for token in tokens(theirs) {
        if let Some(count) = missing.get_mut(&token) {
            *count = count.saturating_sub(1);
        }
    }
    let missed: usize = missing.values().sum();
    (missed as f64) <= MAY_MISS * total as f64
}

/// The lines' words, lower-cased, without the punctuation around them.
fn tokens(lines: &[Line]) -> impl Iterator<Item = String> + '_ {
    lines
        .iter()
        .flat_map(|l| l.text.split_whitespace())
        .map(|t| {
            t.trim_matches(|c: char| !c.is_alphanumeric())
                .to_lowercase()
        })
        .filter(|t| !t.is_empty())
}

/// Poppler's reading of a whole file our reader could not open (`error`
/// says why), when poppler finds text in it.
pub(crate) fn poppler_instead(
    pdf: &Path,
    error: &ExtractError,
    warnings: &mut Vec<String>,
) -> Option<Vec<PdfPage>> {
    if !poppler::available() {
        return None;
    }
    let pages = poppler::read_pages(pdf, None)?;
    let has_text = pages.iter().any(|p| p.lines.iter().any(|l| !l.is_blank()));
    if !has_text {
        return None;
    }
    warnings.push(format!(
        "vår PDF-läsare kunde inte öppna filen ({error}); hela filen lästes med poppler"
    ));
    Some(
        pages
            .into_iter()
            .map(|page| PdfPage {
                page,
                reader: Reader::Poppler,
                glyphs: 0,
                annotations: false,
                overlapping: false,
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Page;

    fn reading(text: &str, glyphs: usize) -> PdfPage {
        PdfPage {
            page: Page {
                number: 1,
                lines: vec![Line::plain(text)],
            },
            reader: Reader::PdfExtract,
            glyphs,
            annotations: false,
            overlapping: false,
        }
    }

    #[test]
    fn a_reading_with_far_fewer_characters_than_glyphs_is_doubted() {
        let header = "Årsrapport 2023";
        assert_eq!(reading(header, 14).glyphs, 14);
        assert_eq!(doubt(&reading(header, 14)), None);
        assert_eq!(
            doubt(&reading(header, 900)),
            Some("färre tecken än sidan visar")
        );
        assert_eq!(doubt(&reading("", 0)), Some("ingen text"));
    }
}
