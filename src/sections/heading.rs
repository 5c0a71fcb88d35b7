//! Recognising headings among paragraphs.
//!
//! Three kinds of evidence, from strongest to weakest: markdown `#` lines;
//! layout (a line set larger than the body text, or bold, when the source
//! has layout); and shape (a short stand-alone line that reads like a title,
//! or a numbered line such as "2.1 Aktiviteter: …"). Every candidate must
//! still look like a title: no sentence punctuation at the end, not starting
//! in lower case, not too long.

use super::SECTION_NUMBER;
use super::paragraphs::Paragraph;
use crate::document::{Line, Page};
use regex::Regex;
use std::sync::LazyLock;

/// A line this much larger than the body font counts as a heading.
const LARGER_THAN_BODY: f32 = 1.12;
/// Longest heading, in characters, when layout says it is one.
const MAX_LAYOUT_HEADING_CHARS: usize = 120;
/// Longest stand-alone line taken as a heading on shape alone.
const MAX_SHAPE_HEADING_CHARS: usize = 70;
/// Most words in a heading recognised by shape alone.
const MAX_SHAPE_HEADING_WORDS: usize = 9;
/// A title may hold this many numbers whatever its words ("Kvartal 1 2024").
const MAX_NUMBERS_IN_TITLE: usize = 3;
/// Longest "2.1 Aktiviteter:" prefix split off a numbered paragraph.
const MAX_LABEL_CHARS: usize = 60;

static NUMBERED: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"^{SECTION_NUMBER}\s+\p{{Lu}}")).expect("valid regex"));

/// A place and a date, as above signatures: "Vaggeryd 2025-02-14",
/// "Lund den 3 maj 2024".
static PLACE_AND_DATE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^\p{Lu}[\p{L}-]+(?: [\p{L}-]+)?,? (?:\d{4}-\d{2}-\d{2}|den \d{1,2} \p{Ll}+ \d{4})$",
    )
    .expect("valid regex")
});

/// Decides which paragraphs are headings, knowing the document's body font size.
pub struct HeadingDetector {
    body_font_size: f32,
}

impl HeadingDetector {
    /// Learns the body font size (the size most characters are set in).
    pub fn for_pages(pages: &[Page]) -> HeadingDetector {
        HeadingDetector {
            body_font_size: body_font_size(pages.iter().flat_map(|p| &p.lines)),
        }
    }

    /// The heading text and any body text that follows it in the same paragraph.
    pub fn detect(&self, paragraph: &Paragraph) -> Option<(String, Option<String>)> {
        let first = paragraph.lines.first()?;
        if let Some(title) = first.text.trim().strip_prefix('#') {
            return Some((clean(title.trim_start_matches('#')), rest_of(paragraph)));
        }
        if let Some(split) = numbered_label(&paragraph.text) {
            return Some(split);
        }
        let all_prominent = paragraph.lines.iter().all(|l| self.is_prominent(l));
        if all_prominent && looks_like_title(&paragraph.text, MAX_LAYOUT_HEADING_CHARS) {
            return Some((clean(&paragraph.text), None));
        }
        if self.stands_out(first, &paragraph.lines[1..])
            && looks_like_title(&first.text, MAX_LAYOUT_HEADING_CHARS)
        {
            return Some((clean(&first.text), rest_of(paragraph)));
        }
        let single = paragraph.lines.len() == 1;
        let shape_ok = looks_like_title(&first.text, MAX_SHAPE_HEADING_CHARS)
            && first.text.split_whitespace().count() <= MAX_SHAPE_HEADING_WORDS;
        (single && shape_ok && !self.smaller_than_body(first)).then(|| (clean(&first.text), None))
    }

    /// True when `line` is set larger or bolder than the body and than the lines after it.
    fn stands_out(&self, line: &Line, rest: &[Line]) -> bool {
        if self.body_font_size <= 0.0 {
            return false;
        }
        let larger = line.font_size >= self.body_font_size * LARGER_THAN_BODY;
        let bold_alone = line.bold && rest.iter().all(|l| !l.bold);
        (larger || bold_alone)
            && rest
                .iter()
                .all(|l| l.font_size < line.font_size || !l.bold && line.bold)
    }

    /// True when `line` is set larger than the body, or bold, in a source with layout.
    fn is_prominent(&self, line: &Line) -> bool {
        self.body_font_size > 0.0
            && (line.font_size >= self.body_font_size * LARGER_THAN_BODY || line.bold)
    }

    fn smaller_than_body(&self, line: &Line) -> bool {
        line.font_size > 0.0 && line.font_size < self.body_font_size * 0.9
    }
}

/// "2.1 Aktiviteter: Beskriv …" → ("2.1 Aktiviteter", Some("Beskriv …")); a short
/// numbered line on its own → (line, None).
fn numbered_label(text: &str) -> Option<(String, Option<String>)> {
    if !NUMBERED.is_match(text) {
        return None;
    }
    if let Some((label, rest)) = text.split_once(": ")
        && label.chars().count() <= MAX_LABEL_CHARS
        && !label.contains('\n')
    {
        return Some((clean(label), Some(rest.trim().to_string())));
    }
    looks_like_title(text, MAX_SHAPE_HEADING_CHARS).then(|| (clean(text), None))
}

/// True when `text` could be a title: short, starts with a capital or digit,
/// has letters, and does not end like a sentence or a list item.
fn looks_like_title(text: &str, max_chars: usize) -> bool {
    let text = clean(text);
    let Some(first) = text.chars().next() else {
        return false;
    };
    let ends_like_sentence = text.ends_with(['.', ',', ';']) && !NUMBERED.is_match(&text);
    text.chars().count() <= max_chars
        && (first.is_uppercase() || first.is_ascii_digit())
        && text.chars().any(char::is_alphabetic)
        && !is_mostly_numbers(&text)
        && !PLACE_AND_DATE.is_match(&text)
        && !ends_like_sentence
        && !text.contains('@')
}

/// True for a row of figures such as a table's bold total line ("Summa 665
/// 2 225 1 490 4 380"): more than [`MAX_NUMBERS_IN_TITLE`] numbers, and more
/// than twice as many digits as letters. A title with a year set letter by
/// letter ("7. Framåtblick 2 0 2 4") is still a title.
fn is_mostly_numbers(text: &str) -> bool {
    let numbers = text
        .split_whitespace()
        .filter(|token| token.chars().any(|c| c.is_ascii_digit()))
        .filter(|token| !token.chars().any(char::is_alphabetic))
        .count();
    let digits = text.chars().filter(char::is_ascii_digit).count();
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    numbers > MAX_NUMBERS_IN_TITLE && digits > 2 * letters
}

fn rest_of(paragraph: &Paragraph) -> Option<String> {
    let rest: Vec<&str> = paragraph.lines[1..].iter().map(|l| l.text.trim()).collect();
    (!rest.is_empty()).then(|| rest.join(" "))
}

/// Strips markdown emphasis and surrounding whitespace from a heading.
fn clean(text: &str) -> String {
    text.replace("**", "").replace("__", "").trim().to_string()
}

/// The font size carrying the most characters; 0.0 when the source has no layout.
fn body_font_size<'a>(lines: impl Iterator<Item = &'a Line>) -> f32 {
    let mut weight_by_size: Vec<(f32, usize)> = Vec::new();
    for line in lines.filter(|l| l.font_size > 0.0) {
        let size = (line.font_size * 2.0).round() / 2.0;
        match weight_by_size.iter_mut().find(|(s, _)| *s == size) {
            Some((_, weight)) => *weight += line.text.len(),
            None => weight_by_size.push((size, line.text.len())),
        }
    }
    weight_by_size
        .into_iter()
        .max_by_key(|&(_, weight)| weight)
        .map_or(0.0, |(size, _)| size)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str, font_size: f32, bold: bool) -> Line {
        Line {
            text: text.into(),
            font_size,
            bold,
        }
    }

    fn paragraph(lines: Vec<Line>) -> Paragraph {
        let text = lines
            .iter()
            .map(|l| l.text.clone())
            .collect::<Vec<_>>()
            .join(" ");
        Paragraph {
            text,
            lines,
            page: 1,
        }
    }

    fn detector(body: f32) -> HeadingDetector {
        HeadingDetector {
            body_font_size: body,
        }
    }

    #[test]
    fn larger_first_line_is_heading_and_rest_is_body() {
        let p = paragraph(vec![
            line("Resultat", 14.0, true),
            line("Vi nådde målen.", 11.0, false),
        ]);
        let (heading, rest) = detector(11.0).detect(&p).unwrap();
        assert_eq!(heading, "Resultat");
        assert_eq!(rest.as_deref(), Some("Vi nådde målen."));
    }

    #[test]
    fn heading_wrapped_over_two_lines_is_one_heading() {
        let p = paragraph(vec![
            line("Hur implementeras vunna", 14.0, true),
            line("erfarenheter", 14.0, true),
        ]);
        let (heading, rest) = detector(11.0).detect(&p).unwrap();
        assert_eq!(
            (heading.as_str(), rest),
            ("Hur implementeras vunna erfarenheter", None)
        );
    }

    #[test]
    fn body_sized_paragraph_is_not_heading() {
        let p = paragraph(vec![
            line("Projektet startade i oktober", 11.0, false),
            line("och pågick i ett år.", 11.0, false),
        ]);
        assert!(detector(11.0).detect(&p).is_none());
    }

    #[test]
    fn small_print_is_not_heading() {
        let p = paragraph(vec![line("Foto Anna Berg", 7.0, false)]);
        assert!(detector(11.0).detect(&p).is_none());
    }

    #[test]
    fn email_lines_and_lowercase_lines_are_not_titles() {
        assert!(!looks_like_title("kontakt@finsam.se", 70));
        assert!(!looks_like_title("och sedan", 70));
        assert!(looks_like_title("Syfte och mål", 70));
        assert!(looks_like_title("3. Resultat", 70));
    }

    #[test]
    fn a_bold_row_of_figures_is_not_a_heading() {
        let detector = detector(10.0);
        let total = paragraph(vec![line("Summa 665 2 225 1 490 4 380", 10.0, true)]);
        assert_eq!(detector.detect(&total), None);
        for title in ["Kvartal 1 2024", "7 . Framåtblick 2 0 2 4", "2.3 Mål 2024"] {
            let dated = paragraph(vec![line(title, 10.0, true)]);
            assert!(detector.detect(&dated).is_some(), "{title}");
        }
    }

    #[test]
    fn a_place_and_date_line_is_not_a_heading() {
        let detector = detector(10.0);
        for line_text in [
            "Vaggeryd 2025-02-14",
            "Lund den 3 maj 2024",
            "Övre Soppero, 2024-01-31",
        ] {
            let signed = paragraph(vec![line(line_text, 10.0, false)]);
            assert_eq!(detector.detect(&signed), None, "{line_text}");
        }
        for title in ["Uppföljning 2024", "Processdag 14 juni 2012"] {
            let dated = paragraph(vec![line(title, 10.0, false)]);
            assert!(detector.detect(&dated).is_some(), "{title}");
        }
    }

    #[test]
    fn body_font_size_is_the_size_of_most_text() {
        let lines = [
            line("Rubrik", 16.0, true),
            line(&"brödtext ".repeat(20), 11.0, false),
        ];
        assert_eq!(body_font_size(lines.iter()), 11.0);
    }
}
