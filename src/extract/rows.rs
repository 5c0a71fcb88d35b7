//! Rows: glyphs that share a baseline, and the text they spell.
//!
//! Glyphs are sorted top to bottom and gathered into a row while they sit
//! within a fraction of the font size of the row's first baseline, which
//! keeps superscripts with their line. Within a row, a space is inserted
//! where the horizontal gap between two glyphs is wider than a share of the
//! font size: narrower gaps are kerning, wider ones are word spaces.
//!
//! Left to right is the order glyphs stand in, not always the order they
//! are read in: Hebrew and Arabic are read right to left, so a row of them
//! is put back in reading order by the Unicode bidirectional algorithm
//! (numbers and Latin words inside them keep their own order).

use super::glyphs::Glyph;
use unicode_bidi::{BidiClass, Level, ParagraphBidiInfo, bidi_class};

/// Baselines closer than this share of the font size belong to one row.
const SAME_ROW: f64 = 0.45;
/// A gap wider than this share of the font size separates two words.
const WORD_GAP: f64 = 0.15;
/// A glyph of the same text starting within this share of the font size of
/// the previous one repeats it (fake bold drawn twice). Measured in font size,
/// not glyph width: widths are unreliable in some producers' fonts, and a
/// real double letter ("pp") is half an em apart.
const OVERDRAW: f64 = 0.15;

/// Glyphs on one baseline, sorted left to right, with their dominant style.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    /// The row's glyphs, left to right.
    pub glyphs: Vec<Glyph>,
    /// Baseline of the row's dominant text.
    pub baseline: f64,
    /// Font size carried by most characters.
    pub size: f64,
    /// True when most characters are bold.
    pub bold: bool,
}

impl Row {
    /// A row from glyphs in any order.
    pub fn new(mut glyphs: Vec<Glyph>) -> Self {
        glyphs.sort_by(|a, b| a.x.total_cmp(&b.x));
        let ink: Vec<&Glyph> = glyphs.iter().filter(|g| !g.is_space()).collect();
        let weight = |g: &&Glyph| g.text.chars().count();
        let baseline = dominant(ink.iter().map(|g| (g.y, weight(g)))).unwrap_or(0.0);
        let size = dominant(ink.iter().map(|g| (g.size, weight(g)))).unwrap_or(0.0);
        let bold = 2 * ink.iter().filter(|g| g.bold).count() > ink.len();
        Row {
            glyphs,
            baseline,
            size,
            bold,
        }
    }

    /// The glyphs that put ink on the page (no spaces).
    pub fn ink(&self) -> Vec<&Glyph> {
        self.glyphs.iter().filter(|g| !g.is_space()).collect()
    }

    /// The row's text with spaces between words.
    pub fn text(&self) -> String {
        let stacked = stacked(&self.glyphs);
        let mut text = String::new();
        let mut previous: Option<&Glyph> = None;
        for (glyph, &in_stack) in self.glyphs.iter().zip(&stacked) {
            if let Some(prev) = previous {
                if repeats(prev, glyph) && !in_stack {
                    continue;
                }
                if glyph.x - prev.end() > WORD_GAP * prev.size.max(glyph.size) {
                    text.push(' ');
                }
            }
            text.push_str(&glyph.text);
            previous = Some(glyph);
        }
        reading_order(text)
    }
}

/// `visual`, a row's text as its glyphs stand left to right, in the order it
/// is read. Only a row with right-to-left letters of a script in use today
/// changes (Hebrew, Arabic and their neighbours, all in Unicode's basic
/// plane; the historic scripts of the supplementary planes turn up in font
/// charts, drawn in code order); it is read right to left when they
/// outnumber left-to-right letters.
fn reading_order(visual: String) -> String {
    if !visual.chars().any(in_right_to_left_blocks) {
        return visual;
    }
    let (mut rtl, mut ltr) = (0, 0);
    for c in visual.chars() {
        match bidi_class(c) {
            BidiClass::R | BidiClass::AL if in_right_to_left_blocks(c) => rtl += 1,
            BidiClass::L => ltr += 1,
            _ => {}
        }
    }
    if rtl == 0 {
        return visual;
    }
    let base = if rtl > ltr {
        Level::rtl()
    } else {
        Level::ltr()
    };
    // For a row of one direction with numbers or words of the other in it,
    // reordering is its own inverse: the display order of the row taken as
    // if it were in reading order is its reading order.
    let info = ParagraphBidiInfo::new(&visual, Some(base));
    info.reorder_line(0..visual.len()).into_owned()
}

/// True for a character of the basic plane's right-to-left blocks: Hebrew,
/// Arabic, Syriac, Thaana, NKo and their presentation forms. A cheap test
/// that spares most rows the bidirectional classes.
fn in_right_to_left_blocks(c: char) -> bool {
    matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFF}')
}

/// Groups glyphs into rows, top row first.
pub(crate) fn group_rows(mut glyphs: Vec<Glyph>) -> Vec<Row> {
    glyphs.sort_by(|a, b| b.y.total_cmp(&a.y).then(a.x.total_cmp(&b.x)));
    let mut rows: Vec<Vec<Glyph>> = Vec::new();
    for glyph in glyphs {
        match rows.last_mut() {
            Some(row) if same_row(row, &glyph) => row.push(glyph),
            _ => rows.push(vec![glyph]),
        }
    }
    rows.into_iter().map(Row::new).collect()
}

fn same_row(row: &[Glyph], glyph: &Glyph) -> bool {
    let top = &row[0];
    top.y - glyph.y <= SAME_ROW * top.size.max(glyph.size)
}

/// For each glyph, whether it stands in a stack: three or more glyphs, not
/// all the same, drawn at one position. A font without advance widths makes
/// pdf-extract place every glyph of a run where the first one stands
/// ("Slutra|pport" with p, p, o, r at one x); such glyphs are letters in a
/// row, not a fake-bold overdraw, and none of them is dropped.
fn stacked(glyphs: &[Glyph]) -> Vec<bool> {
    let mut stacked = vec![false; glyphs.len()];
    let mut start = 0;
    while start < glyphs.len() {
        let first = &glyphs[start];
        let reach = OVERDRAW * first.size.max(0.1);
        let end = start
            + glyphs[start..]
                .iter()
                .take_while(|g| (g.x - first.x).abs() < reach)
                .count();
        let mixed = glyphs[start..end].iter().any(|g| g.text != first.text);
        if end - start >= 3 && mixed {
            stacked[start..end].iter_mut().for_each(|s| *s = true);
        }
        start = end.max(start + 1);
    }
    stacked
}

fn repeats(prev: &Glyph, glyph: &Glyph) -> bool {
    glyph.text == prev.text && (glyph.x - prev.x).abs() < OVERDRAW * prev.size.max(0.1)
}

/// The value carrying the largest weight (values rounded to a tenth).
fn dominant(values: impl Iterator<Item = (f64, usize)>) -> Option<f64> {
    let mut tally: Vec<(i64, usize)> = Vec::new();
    for (value, weight) in values {
        let key = (value * 10.0).round() as i64;
        match tally.iter_mut().find(|(k, _)| *k == key) {
            Some((_, w)) => *w += weight,
            None => tally.push((key, weight)),
        }
    }
    tally
        .into_iter()
        .max_by_key(|&(_, w)| w)
        .map(|(k, _)| k as f64 / 10.0)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Glyphs for `text` starting at `x` on baseline `y`, 10 pt, 5 pt per character.
    pub(crate) fn word(text: &str, x: f64, y: f64) -> Vec<Glyph> {
        let glyph = |(i, c): (usize, char)| Glyph {
            x: x + 5.0 * i as f64,
            y,
            width: 5.0,
            size: 10.0,
            bold: false,
            text: c.to_string(),
        };
        text.chars().enumerate().map(glyph).collect()
    }

    #[test]
    fn double_letter_with_overstated_width_is_kept_but_overdraw_is_not() {
        let mut double = word("pp", 0.0, 100.0);
        double.iter_mut().for_each(|g| g.width = 12.0); // a font that reports a default width
        assert_eq!(group_rows(double)[0].text(), "pp");
        let mut bold = word("a", 20.0, 100.0);
        bold.extend(word("a", 20.3, 100.0)); // the same glyph drawn again, 0.3 pt over
        assert_eq!(group_rows(bold)[0].text(), "a");
    }

    #[test]
    fn letters_stacked_at_one_position_by_missing_advances_are_all_kept() {
        // pdf-extract put "p", "p", "o" and "r" of "Slutrapport" at one x.
        let mut glyphs = word("Slutra", 0.0, 100.0);
        for text in ["p", "p", "o", "r"] {
            let mut stacked = word(text, 30.0, 100.0);
            stacked[0].width = 5.0;
            glyphs.extend(stacked);
        }
        glyphs.extend(word("t", 35.0, 100.0));
        assert_eq!(group_rows(glyphs)[0].text(), "Slutrapport");
    }

    #[test]
    fn right_to_left_rows_are_read_right_to_left() {
        assert_eq!(reading_order("? םלוכ םולש".into()), "שלום כולם ?");
        assert_eq!(
            reading_order("15 ףיעס יפל".into()),
            "לפי סעיף 15",
            "a number keeps its digits' order"
        );
        assert_eq!(
            reading_order("Rapport om םולש och mer".into()),
            "Rapport om שלום och mer",
            "a Hebrew word in a Swedish row is turned alone"
        );
        assert_eq!(reading_order("Rapport 2024".into()), "Rapport 2024");
        let chart = "𐲀𐲁𐲂 𐳀𐳁𐳂";
        assert_eq!(reading_order(chart.into()), chart, "Old Hungarian");
    }

    #[test]
    fn gap_wider_than_word_gap_becomes_space() {
        let mut glyphs = word("Samordning", 0.0, 100.0);
        glyphs.extend(word("sförbund", 51.0, 100.0));
        glyphs.extend(word("Gävle", 94.0, 100.0));
        let rows = group_rows(glyphs);
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].text(), "Samordningsförbund Gävle");
    }

    #[test]
    fn superscript_stays_in_its_row_and_next_line_does_not() {
        let mut glyphs = word("text", 0.0, 100.0);
        glyphs.extend(word("1", 20.0, 103.5));
        glyphs.extend(word("nästa", 0.0, 88.0));
        let texts: Vec<String> = group_rows(glyphs).iter().map(Row::text).collect();
        assert_eq!(texts, ["text1", "nästa"]);
    }

    #[test]
    fn overdrawn_fake_bold_is_read_once() {
        let mut glyphs = word("Rubrik", 0.0, 100.0);
        glyphs.extend(word("Rubrik", 0.3, 100.0));
        assert_eq!(group_rows(glyphs)[0].text(), "Rubrik");
    }
}
