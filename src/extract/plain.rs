//! Plain text and Markdown files: decoding and page splitting.
//!
//! Reports sometimes arrive as text exported from Word or as Markdown.
//! They are read as UTF-8 and, when that fails, as Windows-1252 (a superset
//! of Latin-1 used by older Swedish Windows exports), so å, ä and ö survive.
//! A form feed separates pages; every text line becomes a [`Line::plain`],
//! an empty line stays as a paragraph break and `#` headings stay untouched.

use crate::document::{Line, Page};

/// Decodes `bytes` and splits them into pages of plain lines.
pub(crate) fn text_pages(bytes: &[u8]) -> Vec<Page> {
    let text = decode(bytes);
    text.split('\x0C')
        .zip(1..)
        .map(|(page, number)| Page {
            number,
            lines: page.lines().map(Line::plain).collect(),
        })
        .collect()
}

/// UTF-8 (without BOM) when valid, otherwise Windows-1252.
fn decode(bytes: &[u8]) -> String {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(text) => text.to_string(),
        Err(_) => bytes.iter().map(|&b| windows_1252(b)).collect(),
    }
}

/// Windows-1252 differs from Latin-1 only in 0x80–0x9F.
fn windows_1252(byte: u8) -> char {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž',
        '\u{8F}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}',
        'ž', 'Ÿ',
    ];
    match byte {
        0x80..=0x9F => HIGH[usize::from(byte - 0x80)],
        _ => char::from(byte),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin1_bytes_keep_swedish_letters() {
        let pages = text_pages(b"R\xE4ksm\xF6rg\xE5s \x96 bra");
        assert_eq!(pages[0].lines[0].text, "Räksmörgås – bra");
    }

    #[test]
    fn form_feed_splits_pages_and_blank_lines_stay() {
        let pages = text_pages("# Rubrik\nett\n\ntvå\x0Ctre".as_bytes());
        assert_eq!(pages.len(), 2);
        assert_eq!(pages[1].number, 2);
        let texts: Vec<&str> = pages[0].lines.iter().map(|l| l.text.as_str()).collect();
        assert_eq!(texts, ["# Rubrik", "ett", "", "två"]);
    }

    #[test]
    fn utf8_bom_is_dropped() {
        assert_eq!(text_pages("\u{FEFF}åt".as_bytes())[0].lines[0].text, "åt");
    }
}
