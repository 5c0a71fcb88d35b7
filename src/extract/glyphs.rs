//! Collecting positioned glyphs from pdf-extract.
//!
//! pdf-extract interprets a page's content stream and reports every glyph to
//! an [`OutputDev`]. [`GlyphCollector`] keeps each glyph with its position,
//! size and boldness so that the layout stage can rebuild lines, words and
//! columns itself instead of relying on pdf-extract's plain-text guesses.
//! Glyphs whose baseline runs upwards, downwards or upside down (a table's
//! column labels, a landscape table on a portrait page) are kept apart, by
//! the quarter turn of their baseline, in a frame turned so that it runs
//! left to right: laid out with the others, each letter was a row of its own.

use pdf_extract::{MediaBox, OutputDev, OutputError, Transform};

/// One glyph (or ligature) placed on the page, in PDF user space (y grows up).
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Glyph {
    /// Left edge.
    pub x: f64,
    /// Baseline.
    pub y: f64,
    /// Advance width.
    pub width: f64,
    /// Font size after all transforms, in points.
    pub size: f64,
    /// Whether the glyph's font is bold.
    pub bold: bool,
    /// The Unicode text the glyph stands for (a space for word spaces).
    pub text: String,
}

impl Glyph {
    /// Right edge.
    pub fn end(&self) -> f64 {
        self.x + self.width
    }

    /// True for glyphs that only carry white space.
    pub fn is_space(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// An [`OutputDev`] that records glyphs.
///
/// pdf-extract does not tell which font a glyph uses, but it calls
/// `begin_word` once per shown string, in content order. `bold_strings`
/// holds the boldness of those strings as found by
/// [`super::scan::scan_page`]; if the counts disagree at the end of
/// the page, boldness is dropped rather than guessed.
pub(crate) struct GlyphCollector {
    /// The glyphs by the quarter turns of their baseline (see [`quarter_turns`]).
    glyphs: [Vec<Glyph>; 4],
    bold_strings: Vec<bool>,
    strings_seen: usize,
}

impl GlyphCollector {
    /// A collector that marks glyphs of the n-th shown string with `bold_strings[n]`.
    pub fn new(bold_strings: Vec<bool>) -> Self {
        GlyphCollector {
            glyphs: Default::default(),
            bold_strings,
            strings_seen: 0,
        }
    }

    /// The collected glyphs, bold only if the string count matched, in one
    /// group per direction of their baseline (each in its turned frame):
    /// left to right first, then the others, most glyphs first.
    pub fn into_directions(mut self) -> Vec<Vec<Glyph>> {
        if self.strings_seen != self.bold_strings.len() {
            self.glyphs
                .iter_mut()
                .flatten()
                .for_each(|g| g.bold = false);
        }
        let [across, mut rest @ ..] = self.glyphs;
        rest.sort_by_key(|group| std::cmp::Reverse(group.len()));
        std::iter::once(across)
            .chain(rest)
            .filter(|group| !group.is_empty())
            .collect()
    }

    fn current_bold(&self) -> bool {
        let index = self.strings_seen.checked_sub(1);
        index
            .and_then(|i| self.bold_strings.get(i))
            .copied()
            .unwrap_or(false)
    }
}

/// Farthest a baseline may lie from a quarter turn to count as turned, in
/// quarter turns (about 10°).
const TURN_TOLERANCE: f64 = 0.11;

/// Quarter turns (counter-clockwise) of a glyph's baseline from left to
/// right: 0 as read, 1 upwards, 2 upside down, 3 downwards. A slanted
/// baseline (a chart's labels at 45°) counts as level, as all text did
/// before: in no turned frame would it run along a row either.
fn quarter_turns(trm: &Transform) -> usize {
    if trm.m12 == 0.0 && trm.m11 > 0.0 {
        return 0; // nearly every glyph: spare it the arc tangent
    }
    let turns = trm.m12.atan2(trm.m11) / std::f64::consts::FRAC_PI_2;
    let nearest = turns.round();
    if nearest.is_finite() && (turns - nearest).abs() <= TURN_TOLERANCE {
        (nearest as i64).rem_euclid(4) as usize
    } else {
        0
    }
}

/// The point `(x, y)` in the frame turned back by `turns` quarter turns,
/// where a baseline of that direction runs left to right and the next line
/// lies below.
fn turned(x: f64, y: f64, turns: usize) -> (f64, f64) {
    match turns {
        1 => (y, -x),
        2 => (-x, -y),
        3 => (-y, x),
        _ => (x, y),
    }
}

impl OutputDev for GlyphCollector {
    fn begin_page(
        &mut self,
        _: u32,
        _: &MediaBox,
        _: Option<(f64, f64, f64, f64)>,
    ) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_page(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn output_character(
        &mut self,
        trm: &Transform,
        width: f64,
        _spacing: f64,
        font_size: f64,
        text: &str,
    ) -> Result<(), OutputError> {
        if text.is_empty() || !font_size.is_finite() {
            return Ok(());
        }
        let scale_x = trm.m11.hypot(trm.m12);
        let scale_y = trm.m21.hypot(trm.m22);
        let turns = quarter_turns(trm);
        let (x, y) = turned(trm.m31, trm.m32, turns);
        self.glyphs[turns].push(Glyph {
            x,
            y,
            width: width * font_size.abs() * scale_x,
            size: font_size.abs() * scale_y,
            bold: self.current_bold(),
            text: text.to_string(),
        });
        Ok(())
    }

    fn begin_word(&mut self) -> Result<(), OutputError> {
        self.strings_seen += 1;
        Ok(())
    }

    fn end_word(&mut self) -> Result<(), OutputError> {
        Ok(())
    }

    fn end_line(&mut self) -> Result<(), OutputError> {
        Ok(())
    }
}
