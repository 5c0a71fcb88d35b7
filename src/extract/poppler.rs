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

/// One `<line …>` element: its words joined by spaces, sized by their boxes.
fn parse_line(line: &str) -> Option<Line> {
    let mut words = Vec::new();
    let mut heights = Vec::new();
    for word in line.split("<word ").skip(1) {
        let (attributes, rest) = word.split_once('>')?;
        let (text, _) = rest.split_once("</word>")?;
        let top = attribute(attributes, "yMin")?;
        let bottom = attribute(attributes, "yMax")?;
        heights.push(bottom - top);
        words.push(unescape(text));
    }
    if words.is_empty() {
        return None;
    }
    heights.sort_by(f64::total_cmp);
    Some(Line {
        text: words.join(" "),
        font_size: heights[heights.len() / 2] as f32,
        bold: false,
    })
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
}
