//! The search service's requests and answers, as plain serialisable structs.

use super::explain::FieldMatch;
use crate::document::Evidence;
use serde::Serialize;
use std::collections::BTreeMap;

/// Largest page of hits a client may ask for.
pub const MAX_LIMIT: usize = 100;
/// Deepest offset a client may page to.
pub const MAX_OFFSET: usize = 10_000;

/// A search: free text plus facet filters (OR within a facet, AND across)
/// and a year range.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchRequest {
    /// The user's query in tantivy query syntax; empty means "everything".
    pub q: String,
    /// Values to keep per facet name of [`crate::index::FACETS`].
    pub filters: BTreeMap<String, Vec<String>>,
    /// Keep documents from this year on (documents without a year drop out).
    pub year_from: Option<u64>,
    /// Keep documents up to this year (documents without a year drop out).
    pub year_to: Option<u64>,
    /// Hits per page.
    pub limit: usize,
    /// Hits to skip.
    pub offset: usize,
    /// List each hit's matched terms per field ([`Hit::explain`]).
    pub explain: bool,
    /// One hit per section, or one per report.
    pub group: Grouping,
    /// By relevance, or by year (newest or oldest first).
    pub sort: Sort,
    /// Results by report name every matching report, not only those that
    /// can reach the page (the overview's förbund × year table reads them
    /// all); not a parameter of the API.
    pub every_report: bool,
}

/// The order of hits.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Sort {
    /// Best match first (the default).
    #[default]
    Relevans,
    /// Newest year first, then best match.
    Nyast,
    /// Oldest year first, then best match.
    Aldst,
}

/// What a hit is: a section, or a report with its best sections.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Grouping {
    /// One hit per matching section; counts are of sections.
    #[default]
    Section,
    /// One hit per matching report (its best section, with up to two more);
    /// counts are of reports.
    Document,
}

/// What `total` and the facet counts count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Counts {
    /// Sections.
    Sections,
    /// Reports (documents).
    Documents,
}

impl SearchRequest {
    /// A request for `q` with default paging and no filters.
    pub fn text(q: &str) -> SearchRequest {
        SearchRequest {
            q: q.to_string(),
            limit: 20,
            ..SearchRequest::default()
        }
    }

    /// The filter values for a facet name.
    pub fn filter(&self, facet: &str) -> &[String] {
        self.filters.get(facet).map_or(&[], Vec::as_slice)
    }

    /// Adds `value` to the filter of `facet`.
    pub fn add_filter(&mut self, facet: &str, value: impl Into<String>) {
        self.filters
            .entry(facet.to_string())
            .or_default()
            .push(value.into());
    }
}

/// One page of hits, the total and the facet counts.
#[derive(Debug, Clone, Serialize)]
pub struct SearchResults {
    /// Number of matching sections, or reports (see `counts`).
    pub total: usize,
    /// What `total` and the facet counts count.
    pub counts: Counts,
    /// The requested page of hits, best first.
    pub hits: Vec<Hit>,
    /// Counts per facet value, given the query and the other facets' filters.
    pub facets: Facets,
    /// A better query when this one finds little (spelling), else null.
    pub suggestion: Option<String>,
    /// True when fewer than [`FILL_UNDER`](super::FILL_UNDER) sections had all the
    /// words and sections with some of them are listed too, after those (`partial`).
    pub relaxed: bool,
    /// A note to the user about how the query was read, e.g. that it held
    /// only words that are never searched; null otherwise.
    pub notice: Option<String>,
    /// Where the next page starts (pass it as `cursor`), when there is one:
    /// cursors page on past any offset limit, in a stable order.
    pub next_cursor: Option<String>,
}

/// The opaque cursor of the page starting at `offset`.
pub fn cursor(offset: usize) -> String {
    format!("c{offset:x}")
}

/// The offset a cursor stands for, or `None` for one this service did not make.
pub fn cursor_offset(cursor: &str) -> Option<usize> {
    usize::from_str_radix(cursor.strip_prefix('c')?, 16).ok()
}

impl SearchResults {
    /// The answer to a query of only words that are never searched (stop
    /// words like "hur", "mycket"): no hits, and a notice saying why.
    pub fn nothing_searchable(q: &str) -> SearchResults {
        SearchResults {
            total: 0,
            counts: Counts::Sections,
            hits: Vec::new(),
            facets: Facets::default(),
            suggestion: None,
            relaxed: false,
            next_cursor: None,
            notice: Some(format!(
                "Frågan \"{q}\" innehåller bara vanliga småord, som inte söks efter. \
                 Lägg till ett ord som säger vad du letar efter, t.ex. \"hur mycket kostade insatsen\"."
            )),
        }
    }
}

/// One matching section (or, in results by report, the report's best section).
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    /// Section id.
    pub id: String,
    /// Document id.
    pub doc_id: String,
    /// Every file the document was read from ("även som": near-duplicate copies too).
    pub paths: Vec<String>,
    /// The project (insats) the document reports on, when it is one.
    pub project_id: Option<String>,
    /// The project's name.
    pub project: Option<String>,
    /// Document title.
    pub title: String,
    /// Section heading.
    pub heading: String,
    /// First page of the section.
    pub page: u64,
    /// Best passage, HTML-escaped, matched terms in `<mark>`.
    pub snippet: String,
    /// When the query's words are in the document's running headers,
    /// footers or page numbers and not in this section's text: those lines,
    /// HTML-escaped, matched terms in `<mark>`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub furniture: Option<String>,
    /// The section's whole text.
    pub text: String,
    /// Relevance score.
    pub score: f32,
    /// File path relative to the corpus folder.
    pub path: String,
    /// Förbund of the document.
    pub forbund: String,
    /// Report type of the document.
    pub report_type: String,
    /// Målgrupper of the document.
    pub malgrupp: Vec<String>,
    /// Year of the document, when known.
    pub year: Option<i32>,
    /// True when some of the section's text was read by OCR (it may contain misreadings).
    pub ocr: bool,
    /// Section kind, e.g. "resultat".
    pub section_kind: String,
    /// True when the section lacks some of the query's words; such hits
    /// follow every hit that has them all.
    pub partial: bool,
    /// The query's terms found in each field, when the request asked to explain.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explain: Option<Vec<FieldMatch>>,
    /// In results by report: the report's next best sections (at most two).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<SectionHit>,
    /// In results by report: how many more of its sections match.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub more: Option<usize>,
}

/// A further matching section of a report, shown under its best one.
#[derive(Debug, Clone, Serialize)]
pub struct SectionHit {
    /// Section id.
    pub id: String,
    /// Heading.
    pub heading: String,
    /// First page.
    pub page: u64,
    /// Best passage, HTML-escaped, matched terms in `<mark>`.
    pub snippet: String,
    /// Section kind.
    pub section_kind: String,
    /// Relevance score.
    pub score: f32,
}

/// Counts per value of each facet, by facet name (see [`crate::index::FACETS`]).
pub type Facets = BTreeMap<String, Vec<FacetCount>>;

/// How many matching sections carry a facet value.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FacetCount {
    /// The facet value.
    pub value: String,
    /// Number of matching sections.
    pub count: u64,
}

/// A document's metadata, as listed.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentSummary {
    /// Document id.
    pub doc_id: String,
    /// File path relative to the corpus folder (the first, when several files hold it).
    pub path: String,
    /// Every file path holding this document's content.
    pub paths: Vec<String>,
    /// Title.
    pub title: String,
    /// Förbund.
    pub forbund: String,
    /// Primary report type.
    pub report_type: String,
    /// Målgrupper.
    pub malgrupp: Vec<String>,
    /// Year, when known.
    pub year: Option<i32>,
    /// Project or insats name, when stated.
    pub project: Option<String>,
    /// The project's owner (huvudman), when stated.
    pub owner: Option<String>,
    /// Partners named in the document.
    pub partners: Vec<String>,
    /// Page count.
    pub pages: u64,
    /// The project (insats) the document reports on, when it is one.
    pub project_id: Option<String>,
    /// The original this document is a near-duplicate copy of, when it is one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<String>,
}

/// A page of the document list.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentList {
    /// Number of documents in the index.
    pub total: usize,
    /// The requested page, ordered by path.
    pub documents: Vec<DocumentSummary>,
}

/// A section as shown in the document view.
#[derive(Debug, Clone, Serialize)]
pub struct SectionView {
    /// Section id.
    pub id: String,
    /// Heading.
    pub heading: String,
    /// First page.
    pub page_start: u64,
    /// Last page.
    pub page_end: u64,
    /// Language code.
    pub lang: String,
    /// True when some of the text was read by OCR.
    pub ocr: bool,
    /// Section kind, e.g. "resultat".
    pub kind: String,
    /// Report type of the bundled part the section is in, when it differs from the document's.
    pub part_type: Option<String>,
    /// Text.
    pub text: String,
}

/// A document with its ordered sections.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentDetail {
    /// Metadata.
    #[serde(flatten)]
    pub summary: DocumentSummary,
    /// For each label, the text that produced it.
    pub evidence: Vec<Evidence>,
    /// Fields set by the user's override file.
    pub overridden: Vec<String>,
    /// The reports this one cites ("Hänvisar till"), resolved where the
    /// corpus has them (`doc_id` null where it lacks them).
    pub references: Vec<crate::corpus::Reference>,
    /// The reports that cite this one ("Hänvisas till av").
    pub cited_by: Vec<DocumentLink>,
    /// Sections in document order.
    pub sections: Vec<SectionView>,
    /// The page furniture taken off the pages (running headers, footers,
    /// page numbers), each distinct line once, in page order.
    pub furniture: Vec<String>,
}

/// Another document, named.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentLink {
    /// Its id.
    pub doc_id: String,
    /// Its title.
    pub title: String,
}
