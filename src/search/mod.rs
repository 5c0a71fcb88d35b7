//! The search service: everything the CLI and the HTTP API ask of the index.
//!
//! [`SearchService`] turns a [`SearchRequest`] into [`SearchResults`] (ranked
//! sections, snippets, drill-down facet counts) and lists and shows documents.
//! It knows nothing of HTTP; the server only converts requests and answers.
//!
//! A query is expanded with synonyms and abbreviations before it is parsed
//! ([`synonyms`]); when it finds fewer than [`FEW_HITS`] sections, a spelling
//! correction from the index's vocabulary is tried and, when it finds more,
//! its hits are answered with the corrected query as `suggestion` ([`suggest`]).

mod documents;
mod error;
mod explain;
mod facets;
pub mod intent;
mod model;
mod query;
mod query_words;
mod snippet;
mod suggest;
pub mod synonyms;

pub use error::{Result, SearchError};
pub use explain::FieldMatch;
pub use model::{
    DocumentDetail, DocumentList, DocumentSummary, FacetCount, Facets, Hit, MAX_LIMIT, MAX_OFFSET,
    SearchRequest, SearchResults, SectionView,
};

use crate::analysis::Profile;
use crate::index::{self, Fields, StoredSection};
use explain::Explainer;
use intent::Intents;
use query::{Match, TextParser};
use std::path::Path;
use synonyms::Synonyms;
use tantivy::collector::{Count, TopDocs};
use tantivy::{Index, IndexReader, ReloadPolicy, Searcher, TantivyDocument};

/// A query finding fewer sections than this is tried with corrected spelling.
pub const FEW_HITS: usize = 3;

/// A handle on an opened index that answers searches; cheap to share.
pub struct SearchService {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    profile: Profile,
}

impl SearchService {
    /// Opens the index in `dir`; the service sees later commits by itself.
    pub fn open(dir: &Path) -> Result<SearchService> {
        SearchService::open_with(dir, Profile::Full)
    }

    /// Opens an index built with `profile` (for the relevance runner's
    /// comparisons). [`Profile::StemmingOnly`] also searches as the first
    /// version did: no synonyms, no spelling retry, all words required.
    pub fn open_with(dir: &Path, profile: Profile) -> Result<SearchService> {
        let (index, fields) = index::open(dir, profile)?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()?;
        Ok(SearchService {
            index,
            reader,
            fields,
            profile,
        })
    }

    /// Runs a search: one page of hits, the total and facet counts. A query
    /// that finds little is retried with corrected spelling, then with all
    /// its words but one, then with any of them (the answer says so).
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        let searcher = self.reader.searcher();
        let exact = self.search_text(&searcher, request, &request.q, Match::All)?;
        if exact.total >= FEW_HITS || self.profile == Profile::StemmingOnly {
            return Ok(exact);
        }
        let corrected = suggest::correct(&searcher, &self.index, &self.fields, &request.q)?;
        let mut best = exact;
        if let Some(text) = &corrected {
            let retried = self.search_text(&searcher, request, text, Match::All)?;
            if retried.total > best.total {
                best = SearchResults {
                    suggestion: corrected.clone(),
                    ..retried
                };
            }
        }
        // Relaxing keeps the corrected spelling even when the corrected
        // query alone found nothing more: "Trisamteem rehabkoordinatorer"
        // relaxed is about Trisamteam.
        let text = corrected.as_deref().unwrap_or(&request.q);
        for words in [Match::AllButOne, Match::Any] {
            if best.total >= FEW_HITS {
                break;
            }
            let relaxed = self.search_text(&searcher, request, text, words)?;
            if relaxed.total > best.total {
                best = SearchResults {
                    relaxed: true,
                    suggestion: corrected.clone(),
                    ..relaxed
                };
            }
        }
        Ok(best)
    }

    /// Searches for `text` (synonyms expanded, unless the profile is the
    /// spine's stemming only) under the request's filters and paging.
    fn search_text(
        &self,
        searcher: &Searcher,
        request: &SearchRequest,
        text: &str,
        words: Match,
    ) -> Result<SearchResults> {
        let intent = match self.profile {
            Profile::Full => Intents::builtin().read(text),
            Profile::StemmingOnly => None,
        };
        let required = intent.as_ref().map_or(text, |intent| intent.rest.as_str());
        let expanded = match self.profile {
            Profile::Full => Synonyms::builtin().expand(required),
            Profile::StemmingOnly => required.to_string(),
        };
        let parser = TextParser {
            index: &self.index,
            fields: &self.fields,
            profile: self.profile,
        };
        let text_query = parser.parse(&expanded, words)?;
        let mut ranked = parser.with_proximity(text_query.box_clone(), required);
        if let Some(intent) = &intent {
            ranked = intent.boost(ranked, &self.fields);
        }
        let full = query::with_filters(ranked, &self.fields, request, None);
        let top = TopDocs::with_limit(request.limit.max(1))
            .and_offset(request.offset)
            .order_by_score();
        let (top_docs, total) = searcher.search(&*full, &(top, Count))?;
        let typed_query = parser.parse(text, words)?;
        let snippets = snippet::Snippets::new(searcher, &*text_query, &*typed_query, &self.fields)?;
        let explainer = request.explain.then(|| Explainer::new(&*text_query));
        let hits = top_docs
            .into_iter()
            .take(request.limit)
            .map(|(score, address)| {
                let doc: TantivyDocument = searcher.doc(address)?;
                let mut hit = to_hit(
                    StoredSection::from_tantivy(&doc, &self.fields),
                    score,
                    &snippets,
                );
                if let Some(explainer) = &explainer {
                    hit.explain = Some(explainer.explain(searcher, address)?);
                }
                Ok(hit)
            })
            .collect::<Result<Vec<_>>>()?;
        let facets = facets::count(searcher, &*text_query, &self.fields, request)?;
        Ok(SearchResults {
            total,
            hits,
            facets,
            suggestion: None,
            relaxed: false,
        })
    }

    /// A page of the list of all documents, ordered by path.
    pub fn documents(&self, limit: usize, offset: usize) -> Result<DocumentList> {
        documents::list(&self.searcher(), &self.fields, limit, offset)
    }

    /// One document with its sections, or `None` for an unknown id.
    pub fn document(&self, doc_id: &str) -> Result<Option<DocumentDetail>> {
        documents::detail(&self.searcher(), &self.fields, doc_id)
    }

    fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }
}

fn to_hit(section: StoredSection, score: f32, snippets: &snippet::Snippets) -> Hit {
    let snippet = snippets.for_text(&section.text);
    let summary = documents::summary(&section);
    Hit {
        id: section.id,
        doc_id: summary.doc_id,
        title: summary.title,
        heading: section.heading,
        page: section.page_start,
        snippet,
        text: section.text,
        score,
        path: summary.path,
        forbund: summary.forbund,
        report_type: summary.report_type,
        malgrupp: summary.malgrupp,
        year: summary.year,
        ocr: section.ocr,
        section_kind: section.labels.kind().to_string(),
        explain: None,
    }
}
