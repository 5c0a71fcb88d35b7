//! The search service's requests and answers, as plain serialisable structs.

use super::explain::FieldMatch;
use serde::Serialize;

/// Largest page of hits a client may ask for.
pub const MAX_LIMIT: usize = 100;
/// Deepest offset a client may page to.
pub const MAX_OFFSET: usize = 10_000;

/// A search: free text plus facet filters (OR within a facet, AND across).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct SearchRequest {
    /// The user's query in tantivy query syntax; empty means "everything".
    pub q: String,
    /// Förbund values to keep.
    pub forbund: Vec<String>,
    /// Målgrupp values to keep.
    pub malgrupp: Vec<String>,
    /// Report types to keep.
    pub report_type: Vec<String>,
    /// Hits per page.
    pub limit: usize,
    /// Hits to skip.
    pub offset: usize,
    /// List each hit's matched terms per field ([`Hit::explain`]).
    pub explain: bool,
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
        match facet {
            "forbund" => &self.forbund,
            "malgrupp" => &self.malgrupp,
            "report_type" => &self.report_type,
            _ => &[],
        }
    }
}

/// One page of hits, the total and the facet counts.
#[derive(Debug, Clone, Serialize)]
pub struct SearchResults {
    /// Number of matching sections.
    pub total: usize,
    /// The requested page of hits, best first.
    pub hits: Vec<Hit>,
    /// Counts per facet value, given the query and the other facets' filters.
    pub facets: Facets,
    /// A better query when this one finds little (spelling), else null.
    pub suggestion: Option<String>,
    /// True when no section had all the words and hits with some of them are shown.
    pub relaxed: bool,
}

/// One matching section.
#[derive(Debug, Clone, Serialize)]
pub struct Hit {
    /// Section id.
    pub id: String,
    /// Document id.
    pub doc_id: String,
    /// Document title.
    pub title: String,
    /// Section heading.
    pub heading: String,
    /// First page of the section.
    pub page: u64,
    /// Best passage, HTML-escaped, matched terms in `<mark>`.
    pub snippet: String,
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
    /// The query's terms found in each field, when the request asked to explain.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub explain: Option<Vec<FieldMatch>>,
}

/// Facet counts for the three facets.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Facets {
    /// Counts per förbund.
    pub forbund: Vec<FacetCount>,
    /// Counts per målgrupp.
    pub malgrupp: Vec<FacetCount>,
    /// Counts per report type.
    pub report_type: Vec<FacetCount>,
}

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
    /// Page count.
    pub pages: u64,
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
    /// Text.
    pub text: String,
}

/// A document with its ordered sections.
#[derive(Debug, Clone, Serialize)]
pub struct DocumentDetail {
    /// Metadata.
    #[serde(flatten)]
    pub summary: DocumentSummary,
    /// Sections in document order.
    pub sections: Vec<SectionView>,
}
