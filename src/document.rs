//! The plain domain types that travel through the pipeline.
//!
//! `extract` produces [`Page`]s made of [`Line`]s, `sections` cuts them into
//! [`Section`]s, `metadata` labels the whole document with [`Metadata`], and
//! `index` stores an [`IndexedDocument`]. Each stage takes and returns these
//! structs, so a stage can be tested on its own.

use serde::{Deserialize, Serialize};

/// One line of text as laid out on a page, after cleanup.
///
/// An empty `text` marks a paragraph break. `font_size` is the dominant font
/// size of the line in points, or `0.0` when the source has no layout
/// (plain text); `bold` is true when most glyphs use a bold font.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Line {
    /// The line's text, whitespace-normalised, never containing `\n`.
    pub text: String,
    /// Dominant font size in points, 0.0 when unknown.
    pub font_size: f32,
    /// True when the line is set mostly in a bold font.
    pub bold: bool,
}

impl Line {
    /// A line with no layout information (plain text sources).
    pub fn plain(text: impl Into<String>) -> Line {
        Line {
            text: text.into(),
            font_size: 0.0,
            bold: false,
        }
    }

    /// True for a paragraph break.
    pub fn is_blank(&self) -> bool {
        self.text.trim().is_empty()
    }
}

/// One page of a source document, numbered from 1.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Page {
    /// 1-based page number as a PDF viewer counts it.
    pub number: u32,
    /// The page's lines in reading order.
    pub lines: Vec<Line>,
}

impl Page {
    /// The page's text, lines joined with `\n`.
    pub fn text(&self) -> String {
        let texts: Vec<&str> = self.lines.iter().map(|l| l.text.as_str()).collect();
        texts.join("\n")
    }
}

/// A contiguous part of a document under one heading: the unit of search.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Section {
    /// The heading that opens the section; empty for text before the first heading.
    pub heading: String,
    /// The section's body text (paragraphs separated by blank lines).
    pub text: String,
    /// First page the section appears on.
    pub page_start: u32,
    /// Last page the section appears on.
    pub page_end: u32,
}

/// Labels that describe a whole document.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    /// Document title (first heading or file name).
    pub title: String,
    /// Canonical förbund name, e.g. "Samordningsförbundet Gävleborg".
    pub forbund: Option<String>,
    /// Primary report type, e.g. "slutrapport".
    pub report_type: Option<String>,
    /// Target groups the document is about, e.g. "nollplacerade".
    pub malgrupp: Vec<String>,
    /// Year the document is about or was written, when stated.
    pub year: Option<i32>,
    /// Name of the project or insats the document is about, when stated.
    pub project: Option<String>,
    /// The project's owner (huvudman, projektägare, insatsägare), e.g. "Burlövs kommun".
    pub owner: Option<String>,
    /// Partners named as taking part, e.g. "Arbetsförmedlingen", "Region Skåne".
    pub partners: Vec<String>,
    /// Why each label was given: the text that produced it.
    pub evidence: Vec<Evidence>,
    /// Names of the fields a user's override file set (see `ingest`).
    pub overridden: Vec<String>,
}

/// The text that made a label: shown beside the label in the document view.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Evidence {
    /// The field, as named in the API: "forbund", "report_type", "malgrupp",
    /// "year", "project", "owner", "partners".
    pub field: String,
    /// The value it gave, e.g. "nollplacerade".
    pub value: String,
    /// The sentence or line it came from (or the file name), trimmed to a sentence.
    pub text: String,
    /// The page it is on, 0 when it came from the file name or an override.
    pub page: u32,
}

/// Labels of one section, given by `metadata` beside the document's.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SectionLabels {
    /// Canonical section kind, e.g. "resultat", "framgångsfaktorer", "övrigt".
    pub kind: String,
    /// The report type of the part the section belongs to when it differs
    /// from the document's (a bundled projektansökan after a delrapport).
    pub report_type: Option<String>,
}

/// Small constructors for tests of every stage.
#[cfg(test)]
pub mod test_support {
    use super::{Line, Page};

    /// A page of plain lines.
    pub fn page(number: u32, texts: &[&str]) -> Page {
        Page {
            number,
            lines: texts.iter().map(|t| Line::plain(*t)).collect(),
        }
    }

    /// The texts of a page's lines.
    pub fn texts(page: &Page) -> Vec<&str> {
        page.lines.iter().map(|l| l.text.as_str()).collect()
    }

    /// A regular-weight line set in `font_size` points.
    pub fn sized(text: &str, font_size: f32) -> Line {
        Line {
            text: text.into(),
            font_size,
            bold: false,
        }
    }
}
