//! A förbund that names itself at the head of its report but is missing
//! from `data/forbund.toml`.
//!
//! The gazetteer is not complete (see the file's header). When no listed
//! förbund is found, a "Samordningsförbundet X" with capitalised X in the
//! report's opening lines is taken as the förbund, as written — a name in
//! the title block is the sender, not a passing mention. Anywhere else, or
//! lower-case after the word, it is not.

use crate::document::Page;
use regex::Regex;
use std::sync::LazyLock;

/// Non-blank opening lines of page 1 that count as the title block.
const HEAD_LINES: usize = 8;

/// "Samordningsförbundet" and up to four capitalised words, joined by
/// spaces, hyphens, "och" or "i" ("Samordningsförbundet i Kalmar län" ends
/// at "Kalmar": "län" is lower case and added back when it follows).
static NAME: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"\bSamordningsförbundet\s+((?:i\s+)?\p{Lu}[\p{L}]+(?:(?:\s*-\s*|\s+och\s+|\s+i\s+|\s+)\p{Lu}[\p{L}]+){0,3}(?:\s+län)?)",
    )
    .expect("valid regex")
});

/// The förbund named in the title block, with the line and page it stands on.
pub fn named_in_head(pages: &[Page]) -> Option<(String, String, u32)> {
    let first = pages
        .iter()
        .find(|p| p.lines.iter().any(|l| !l.is_blank()))?;
    first
        .lines
        .iter()
        .filter(|line| !line.is_blank())
        .take(HEAD_LINES)
        .find_map(|line| {
            let name = NAME.captures(&line.text)?.get(1)?.as_str();
            let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
            let found = format!("Samordningsförbundet {name}");
            Some((found, line.text.clone(), first.number))
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::test_support::page;

    #[test]
    fn a_name_in_the_title_block_is_read_as_written() {
        let pages = [page(
            1,
            &["Slutrapport", "Samordningsförbundet Kalmar län, maj 2020"],
        )];
        let (name, line, page_number) = named_in_head(&pages).unwrap();
        assert_eq!(page_number, 1);
        assert_eq!(name, "Samordningsförbundet Kalmar län");
        assert!(line.starts_with("Samordningsförbundet Kalmar"));
        let pages = [page(
            1,
            &["Årsrapport från Samordningsförbundet i Östra Norrbotten"],
        )];
        assert_eq!(
            named_in_head(&pages).unwrap().0,
            "Samordningsförbundet i Östra Norrbotten"
        );
    }

    #[test]
    fn lower_case_or_late_mentions_are_not_names() {
        assert_eq!(
            named_in_head(&[page(1, &["Samordningsförbundet har beslutat"])]),
            None
        );
        let late: Vec<String> = (0..10).map(|i| format!("Rad {i}")).collect();
        let mut lines: Vec<&str> = late.iter().map(String::as_str).collect();
        lines.push("Samordningsförbundet Kalmar län");
        assert_eq!(named_in_head(&[page(1, &lines)]), None);
    }
}
