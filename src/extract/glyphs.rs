//! Collecting positioned glyphs from pdf-extract.
//!
//! pdf-extract interprets a page's content stream and reports every glyph to
//! an [`OutputDev`]. [`GlyphCollector`] keeps each glyph with its position,
//! size and boldness so that the layout stage can rebuild lines, words and
//! columns itself instead of relying on pdf-extract's plain-text guesses.

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
    glyphs: Vec<Glyph>,
    bold_strings: Vec<bool>,
    strings_seen: usize,
}

impl GlyphCollector {
    /// A collector that marks glyphs of the n-th shown string with `bold_strings[n]`.
    pub fn new(bold_strings: Vec<bool>) -> Self {
        GlyphCollector {
            glyphs: Vec::new(),
            bold_strings,
            strings_seen: 0,
        }
    }

    /// The collected glyphs, bold only if the string count matched.
    pub fn into_glyphs(mut self) -> Vec<Glyph> {
        if self.strings_seen != self.bold_strings.len() {
            self.glyphs.iter_mut().for_each(|g| g.bold = false);
        }
        self.glyphs
    }

    fn current_bold(&self) -> bool {
        let index = self.strings_seen.checked_sub(1);
        index
            .and_then(|i| self.bold_strings.get(i))
            .copied()
            .unwrap_or(false)
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
        self.glyphs.push(Glyph {
            x: trm.m31,
            y: trm.m32,
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
