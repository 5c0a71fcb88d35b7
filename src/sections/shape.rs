//! Tidying raw sections into readable search units.
//!
//! Works on [`RawSection`]s that still know the page of each paragraph
//! ([`Block`]), so passages cut from a long section get their own page span.

use crate::document::Section;

/// Sections longer than this are cut into passages at paragraph boundaries.
pub const MAX_SECTION_BYTES: usize = 2400;
/// Sections with less body text than this are folded into their neighbour.
const MIN_SECTION_BYTES: usize = 120;
/// Separator between a parent heading and a child heading.
const HEADING_PATH: &str = " › ";

/// A paragraph of body text and its page.
#[derive(Debug, Clone)]
pub struct Block {
    /// The paragraph's text.
    pub text: String,
    /// The page it stands on.
    pub page: u32,
}

/// A heading with the paragraphs under it, before tidying.
#[derive(Debug, Clone)]
pub struct RawSection {
    /// The heading ("" before the first heading).
    pub heading: String,
    /// The page the heading stands on.
    pub page: u32,
    /// Body paragraphs in order.
    pub blocks: Vec<Block>,
}

impl RawSection {
    /// A section with a heading and no body yet.
    pub fn new(heading: String, page: u32) -> RawSection {
        RawSection {
            heading,
            page,
            blocks: Vec::new(),
        }
    }

    fn len(&self) -> usize {
        self.blocks.iter().map(|b| b.text.len() + 2).sum()
    }

    /// The section as paragraphs inside another one: its heading line first.
    fn into_blocks(self) -> Vec<Block> {
        let mut blocks = self.blocks;
        if let Some(first) = blocks.first_mut().filter(|_| !self.heading.is_empty()) {
            first.text = format!("{}\n{}", self.heading, first.text);
        }
        blocks
    }
}

/// Merges empty and tiny sections and cuts long ones into passages.
pub fn tidy(raw: Vec<RawSection>) -> Vec<Section> {
    let nested = nest_empty_headings(raw);
    fold_tiny(nested).into_iter().flat_map(cut_long).collect()
}

/// A heading with no body becomes the parent of the next heading.
fn nest_empty_headings(raw: Vec<RawSection>) -> Vec<RawSection> {
    let mut out: Vec<RawSection> = Vec::new();
    let mut parent: Option<RawSection> = None;
    for mut section in raw {
        if let Some(p) = parent.take().filter(|p| !p.heading.is_empty()) {
            let (heading, dropped) = join_headings(&p.heading, &section.heading);
            section.heading = heading;
            section.page = p.page;
            if let Some(text) = dropped {
                section.blocks.insert(0, Block { text, page: p.page });
            }
        }
        if section.blocks.is_empty() {
            parent = Some(section);
        } else {
            out.push(section);
        }
    }
    if let Some(p) = parent.filter(|p| !p.heading.is_empty()) {
        out.push(RawSection {
            blocks: vec![Block {
                text: p.heading.clone(),
                page: p.page,
            }],
            ..p
        });
    }
    out
}

/// "A › B" + "C" keeps the last parent only: "B › C". The parents it drops
/// ("A") are returned, so that their words stay in the section's text (a
/// report of one heading per page is all headings).
fn join_headings(parent: &str, child: &str) -> (String, Option<String>) {
    let (dropped, last_parent) = match parent.rsplit_once(HEADING_PATH) {
        Some((dropped, last)) => (Some(dropped.replace(HEADING_PATH, "\n")), last),
        None => (None, parent),
    };
    (format!("{last_parent}{HEADING_PATH}{child}"), dropped)
}

/// A section with too little text joins the previous section when that has
/// room, else the next one (whose heading then nests under the tiny one's).
fn fold_tiny(sections: Vec<RawSection>) -> Vec<RawSection> {
    let mut out: Vec<RawSection> = Vec::new();
    let mut carry: Option<RawSection> = None;
    for mut section in sections {
        if let Some(c) = carry.take() {
            let mut blocks = c.blocks;
            section.heading = match (c.heading.is_empty(), section.heading.is_empty()) {
                (false, false) => {
                    let (heading, dropped) = join_headings(&c.heading, &section.heading);
                    let page = c.page;
                    blocks.extend(dropped.map(|text| Block { text, page }));
                    heading
                }
                (false, true) => c.heading.clone(),
                _ => section.heading,
            };
            section.page = section.page.min(c.page);
            blocks.append(&mut section.blocks);
            section.blocks = blocks;
        }
        let tiny = section.len() < MIN_SECTION_BYTES;
        match out.last_mut() {
            Some(previous) if tiny && previous.len() + section.len() <= MAX_SECTION_BYTES => {
                previous.blocks.append(&mut section.into_blocks());
            }
            _ if tiny => carry = Some(section),
            _ => out.push(section),
        }
    }
    out.extend(carry);
    out
}

/// Cuts a section into passages of at most [`MAX_SECTION_BYTES`] at paragraph
/// (or sentence) boundaries; each passage spans the pages of its paragraphs.
fn cut_long(section: RawSection) -> Vec<Section> {
    let pieces = section.blocks.iter().flat_map(|b| {
        split_oversized(&b.text)
            .into_iter()
            .map(|text| Block { text, page: b.page })
    });
    let mut passages: Vec<Vec<Block>> = vec![Vec::new()];
    let mut size = 0;
    for piece in pieces {
        if size > 0 && size + piece.text.len() + 2 > MAX_SECTION_BYTES {
            passages.push(Vec::new());
            size = 0;
        }
        size += piece.text.len() + 2;
        passages.last_mut().expect("never empty").push(piece);
    }
    if passages.len() > 1 && size < MIN_SECTION_BYTES {
        let tail = passages.pop().expect("more than one");
        passages.last_mut().expect("at least one").extend(tail);
    }
    passages
        .into_iter()
        .enumerate()
        .map(|(i, blocks)| {
            to_section(
                &section.heading,
                if i == 0 { Some(section.page) } else { None },
                blocks,
            )
        })
        .collect()
}

fn to_section(heading: &str, heading_page: Option<u32>, blocks: Vec<Block>) -> Section {
    let first = blocks.first().map(|b| b.page);
    let page_start = heading_page.or(first).unwrap_or(1);
    let page_end = blocks
        .iter()
        .map(|b| b.page)
        .max()
        .unwrap_or(page_start)
        .max(page_start);
    let texts: Vec<String> = blocks.into_iter().map(|b| b.text).collect();
    Section {
        heading: heading.to_string(),
        text: texts.join("\n\n"),
        page_start,
        page_end,
    }
}

/// A paragraph over the limit split at sentence ends (or between words, as a last resort).
fn split_oversized(paragraph: &str) -> Vec<String> {
    if paragraph.len() <= MAX_SECTION_BYTES {
        return vec![paragraph.to_string()];
    }
    let mut out = vec![String::new()];
    for word in paragraph.split_inclusive(' ') {
        let current = out.last().expect("never empty");
        let sentence_end = current.trim_end().ends_with(['.', '!', '?']);
        let full = current.len() + word.len() > MAX_SECTION_BYTES;
        if full || (sentence_end && current.len() > MAX_SECTION_BYTES * 3 / 4) {
            out.push(String::new());
        }
        out.last_mut().expect("never empty").push_str(word);
    }
    out.into_iter()
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn raw(heading: &str, text: &str, page: u32) -> RawSection {
        let blocks = if text.is_empty() {
            vec![]
        } else {
            vec![Block {
                text: text.into(),
                page,
            }]
        };
        RawSection {
            heading: heading.into(),
            page,
            blocks,
        }
    }

    #[test]
    fn empty_heading_becomes_parent_of_next() {
        let long = "x".repeat(200);
        let out = tidy(vec![
            raw("2. Aktivitetsrapport", "", 1),
            raw("2.1 Aktiviteter", &long, 2),
        ]);
        assert_eq!(out.len(), 1);
        assert_eq!(out[0].heading, "2. Aktivitetsrapport › 2.1 Aktiviteter");
        assert_eq!((out[0].page_start, out[0].page_end), (1, 2));
    }

    #[test]
    fn a_run_of_empty_headings_keeps_every_word() {
        let raw: Vec<RawSection> = (0..5)
            .map(|n| RawSection::new(format!("Potatis {n}"), n + 1))
            .collect();
        let text: Vec<String> = tidy(raw)
            .iter()
            .map(|s| format!("{} {}", s.heading, s.text))
            .collect();
        let text = text.join(" ");
        for n in 0..5 {
            assert!(text.contains(&format!("Potatis {n}")), "{text}");
        }
    }

    #[test]
    fn tiny_section_folds_into_previous_with_its_heading() {
        let long = "y".repeat(200);
        let out = tidy(vec![raw("Resultat", &long, 1), raw("Signatur", "AKH", 2)]);
        assert_eq!(out.len(), 1);
        assert!(out[0].text.ends_with("Signatur\nAKH"));
        assert_eq!(out[0].page_end, 2);
    }

    #[test]
    fn tiny_section_after_a_full_one_nests_into_the_next() {
        let full = "z".repeat(MAX_SECTION_BYTES - 10);
        let next = "w".repeat(200);
        let out = tidy(vec![
            raw("2.3 Brukarmedverkan", &full, 3),
            raw("2.4 Mål", "Vilka mål är uppfyllda?", 4),
            raw("Bedömning", &next, 4),
        ]);
        assert_eq!(out.len(), 2);
        assert_eq!(out[1].heading, "2.4 Mål › Bedömning");
        assert!(out[1].text.starts_with("Vilka mål är uppfyllda?"));
    }

    #[test]
    fn long_section_is_cut_keeps_heading_and_pages() {
        let paragraph = "Ord ".repeat(100);
        let blocks = (0..20)
            .map(|i| Block {
                text: paragraph.trim().into(),
                page: 3 + i / 10,
            })
            .collect();
        let out = tidy(vec![RawSection {
            heading: "Metod".into(),
            page: 3,
            blocks,
        }]);
        assert!(out.len() >= 3);
        assert!(
            out.iter()
                .all(|s| s.heading == "Metod" && s.text.len() <= MAX_SECTION_BYTES)
        );
        assert_eq!(out.last().unwrap().page_end, 4);
        assert_eq!(out.last().unwrap().page_start, 4);
        let words: usize = out.iter().map(|s| s.text.split_whitespace().count()).sum();
        assert_eq!(words, 2000, "no words lost");
    }

    #[test]
    fn oversized_paragraph_is_split_without_losing_words() {
        let paragraph = "Detta är en mening. ".repeat(400);
        let pieces = split_oversized(paragraph.trim());
        assert!(pieces.iter().all(|p| p.len() <= MAX_SECTION_BYTES));
        assert_eq!(
            pieces
                .iter()
                .map(|p| p.split_whitespace().count())
                .sum::<usize>(),
            1600
        );
    }
}
