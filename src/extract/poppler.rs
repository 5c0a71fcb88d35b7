//! Poppler's reading of a PDF, for pages and files our own reader gets wrong.
//!
//! `pdftotext -bbox-layout` (poppler-utils, which OCR needs anyway) prints
//! every word with its box, grouped into lines, blocks and flows in
//! poppler's reading order. Poppler rebuilds broken cross-reference tables,
//! opens AES files with an empty user password and knows CMaps and Type3
//! fonts that pdf-extract does not, so its words are the second opinion
//! [`super::pdf`] weighs against its own. Each poppler line becomes a
//! [`Line`] whose size is the height of its words' boxes (close to the font
//! size); blocks are separated by paragraph breaks. Boldness is unknown.

use crate::document::{Line, Page};
use std::path::Path;
use std::process::Command;
use std::sync::LazyLock;

/// True when `pdftotext` is installed.
pub(crate) fn available() -> bool {
    static AVAILABLE: LazyLock<bool> =
        LazyLock::new(|| Command::new("pdftotext").arg("-v").output().is_ok());
    *AVAILABLE
}

/// Pages `first..=last` of the PDF at `pdf` as poppler reads them (all
/// pages when `range` is `None`); `None` when poppler cannot open the file.
pub(crate) fn read_pages(pdf: &Path, range: Option<(u32, u32)>) -> Option<Vec<Page>> {
    let mut command = Command::new("pdftotext");
    command.args(["-bbox-layout", "-enc", "UTF-8", "-q"]);
    if let Some((first, last)) = range {
        command
            .args(["-f", &first.to_string()])
            .args(["-l", &last.to_string()]);
    }
    let out = command.arg(pdf).arg("-").output().ok()?;
    if !out.status.success() {
        return None;
    }
    let first = range.map_or(1, |(first, _)| first);
    Some(parse(&String::from_utf8_lossy(&out.stdout), first))
}

/// Parses `-bbox-layout` output whose first page is page `first`.
fn parse(xhtml: &str, first: u32) -> Vec<Page> {
    let mut pages = Vec::new();
    for (i, page) in xhtml.split("<page ").skip(1).enumerate() {
        let mut lines: Vec<Line> = Vec::new();
        for block in page.split("<block ").skip(1) {
            if !lines.is_empty() {
                lines.push(Line::plain(""));
            }
            lines.extend(block.split("<line ").skip(1).filter_map(parse_line));
        }
        pages.push(Page {
            number: first + i as u32,
            lines,
        });
    }
    pages
}

/// A gap between two of poppler's words narrower than this share of their
/// size is no word space: the words touch, as the letters of a comb field
/// (each a word of its own) or a kerned "LaTeX" do, and poppler's own text
/// output joins them too. Chosen over the PDF test suites of issue #12 by
/// how well our joining of poppler's words agrees with `pdftotext`'s text:
/// always spaced 0.9883 of its words, 0.10 → 0.9899, 0.05 → 0.9907, 0.02
/// → 0.9909, only overlapping words joined 0.9902 (BENCHMARKS.md).
const WORD_SPACE: f64 = 0.02;

/// One `<line …>` element: its words, spaced where poppler's text output
/// spaces them, sized by their boxes.
fn parse_line(line: &str) -> Option<Line> {
    let mut text = String::new();
    let mut heights = Vec::new();
    let mut previous: Option<WordBox> = None;
    for word in line.split("<word ").skip(1) {
        let (attributes, rest) = word.split_once('>')?;
        let (word, _) = rest.split_once("</word>")?;
        let bounds = WordBox::read(attributes)?;
        if previous.is_some_and(|before| before.spaced_from(&bounds)) {
            text.push(' ');
        }
        text.push_str(&unescape(word));
        heights.push(bounds.y.1 - bounds.y.0);
        previous = Some(bounds);
    }
    if heights.is_empty() {
        return None;
    }
    heights.sort_by(f64::total_cmp);
    Some(Line {
        text,
        font_size: heights[heights.len() / 2] as f32,
        bold: false,
    })
}

/// A word's box: its spans `(min, max)` across and down the page.
#[derive(Debug, Clone, Copy)]
struct WordBox {
    x: (f64, f64),
    y: (f64, f64),
}

impl WordBox {
    /// The box in a `<word …>` element's attributes.
    fn read(attributes: &str) -> Option<WordBox> {
        let span = |min, max| Some((attribute(attributes, min)?, attribute(attributes, max)?));
        Some(WordBox {
            x: span("xMin", "xMax")?,
            y: span("yMin", "yMax")?,
        })
    }

    /// True when a word space stands between this word and `next`: the gap
    /// along the way the line runs (across, or down a rotated page) is wider
    /// than [`WORD_SPACE`] of the text's size (its extent the other way).
    fn spaced_from(&self, next: &WordBox) -> bool {
        let centre = |(min, max): (f64, f64)| (min + max) / 2.0;
        let across = (centre(next.x) - centre(self.x)).abs();
        let down = (centre(next.y) - centre(self.y)).abs();
        let (gap, size) = if across >= down {
            (apart(self.x, next.x), next.y.1 - next.y.0)
        } else {
            (apart(self.y, next.y), next.x.1 - next.x.0)
        };
        gap > WORD_SPACE * size
    }
}

/// The gap between two spans `(min, max)`, whichever comes first (a line
/// runs right to left in Hebrew and Arabic, upwards on some rotated pages).
fn apart(before: (f64, f64), after: (f64, f64)) -> f64 {
    (after.0 - before.1).max(before.0 - after.1)
}

/// The number in `name="…"` among an element's attributes.
fn attribute(attributes: &str, name: &str) -> Option<f64> {
    let start = attributes.find(&format!("{name}=\""))? + name.len() + 2;
    let value = &attributes[start..];
    value[..value.find('"')?].parse().ok()
}

/// Decodes the five XML entities poppler writes.
fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&amp;", "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    const OUTPUT: &str = r#"<doc>
  <page width="595" height="842">
    <flow>
      <block xMin="56" yMin="32" xMax="217" yMax="40">
        <line xMin="56" yMin="32" xMax="217" yMax="40">
          <word xMin="56" yMin="30" xMax="142" yMax="42">Rapport</word>
          <word xMin="145" yMin="30" xMax="217" yMax="42">A&amp;O</word>
        </line>
      </block>
      <block xMin="56" yMin="60" xMax="217" yMax="70">
        <line xMin="56" yMin="60" xMax="217" yMax="70">
          <word xMin="56" yMin="60" xMax="142" yMax="70">Text</word>
        </line>
      </block>
    </flow>
  </page>
  <page width="595" height="842">
  </page>
</doc>"#;

    #[test]
    fn lines_blocks_and_pages_are_read_with_sizes() {
        let pages = parse(OUTPUT, 3);
        assert_eq!(pages.len(), 2);
        assert_eq!((pages[0].number, pages[1].number), (3, 4));
        assert_eq!(pages[0].text(), "Rapport A&O\n\nText");
        assert_eq!(pages[0].lines[0].font_size, 12.0);
        assert!(pages[1].lines.is_empty());
    }

    #[test]
    fn words_that_touch_are_joined_either_way_a_line_runs() {
        let line = |words: &[(f64, f64, &str)]| {
            let words: String = words
                .iter()
                .map(|(min, max, w)| {
                    format!(r#"<word xMin="{min}" yMin="0" xMax="{max}" yMax="12">{w}</word>"#)
                })
                .collect();
            parse_line(&format!(r#"xMin="0">{words}</line>"#))
                .unwrap()
                .text
        };
        let comb = [
            (468.2, 474.2, "c"),
            (474.2, 480.8, "b"),
            (480.8, 487.5, "a"),
        ];
        assert_eq!(line(&comb), "cba");
        assert_eq!(
            line(&[(10.0, 40.0, "Text"), (43.0, 60.0, "här")]),
            "Text här"
        );
        assert_eq!(
            line(&[(60.0, 80.0, "שלום"), (20.0, 56.0, "עולם")]),
            "שלום עולם"
        );
        assert_eq!(line(&[(60.0, 80.0, "ب"), (52.0, 60.0, "ا")]), "با");
    }

    #[test]
    fn words_of_a_rotated_line_are_spaced_by_their_gap_down_the_page() {
        let words = r#"<word xMin="100" yMin="200" xMax="112" yMax="240">Rapport</word>
            <word xMin="100" yMin="244" xMax="112" yMax="260">om</word>
            <word xMin="100" yMin="260" xMax="112" yMax="268">x</word>"#;
        let line = parse_line(&format!(r#"xMin="100">{words}</line>"#)).unwrap();
        assert_eq!(line.text, "Rapport omx");
    }
}
