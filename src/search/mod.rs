//! The search service: everything the CLI and the HTTP API ask of the index.
//!
//! [`SearchService`] turns a [`SearchRequest`] into [`SearchResults`] (ranked
//! sections, snippets, drill-down facet counts) and lists and shows documents.
//! It knows nothing of HTTP; the server only converts requests and answers.
//!
//! A query is expanded with synonyms and abbreviations before it is parsed
//! ([`synonyms`]); when it finds fewer than [`FEW_HITS`] sections and a
//! spelling correction from the index's vocabulary exists, the corrected
//! query is searched and answered as `suggestion` ([`suggest`]). Sections
//! with all the words are listed first; when they are fewer than
//! [`FILL_UNDER`], sections with some of them follow ([`listing`]).

mod derivation;
mod documents;
mod error;
mod explain;
mod facets;
pub mod intent;
pub mod kind_weights;
mod listing;
mod model;
mod query;
mod query_words;
mod snippet;
mod stats;
mod suggest;
pub mod synonyms;

pub use error::{Result, SearchError};
pub use explain::FieldMatch;
pub use model::{
    DocumentDetail, DocumentList, DocumentSummary, FacetCount, Facets, Hit, MAX_LIMIT, MAX_OFFSET,
    SearchRequest, SearchResults, SectionView,
};
pub use stats::{IndexStats, NeedsOcr};

use crate::analysis::Profile;
use crate::index::{self, Fields, StoredSection};
use explain::Explainer;
use intent::Intents;
use kind_weights::KindWeights;
use listing::{Listed, Listing};
use query::{Match, TextParser};
use std::path::Path;
use synonyms::Synonyms;
use tantivy::query::Query;
use tantivy::{Index, IndexReader, ReloadPolicy, Searcher, TantivyDocument};

/// A query finding fewer sections than this is tried with corrected spelling.
pub const FEW_HITS: usize = 3;
/// A query finding fewer sections with all its words than this also lists
/// sections with some of them, after those.
pub const FILL_UNDER: usize = 10;

/// A query text as read once for all tiers (see [`SearchService::read`]).
struct Reading {
    typed: String,
    intent: Option<intent::Intent>,
    required: String,
    expanded: String,
}

/// The queries made of one text: as searched (synonyms expanded), as typed
/// (for snippets), and as ranked (proximity and intents added).
struct Prepared {
    text: Box<dyn Query>,
    typed: Box<dyn Query>,
    ranked: Box<dyn Query>,
}

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
    /// that finds little is searched with corrected spelling; sections with
    /// all its words come first and, when they are few, sections with all
    /// but one, then any, of them follow (marked `partial`).
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        let searcher = self.reader.searcher();
        let typed = self.read(&searcher, &request.q)?;
        let (mut prepared, mut listing) = self.strict(&searcher, request, &typed)?;
        let suggestion = self.correction(&searcher, request, listing.total())?;
        let reading = match &suggestion {
            Some(corrected) => {
                let reading = self.read(&searcher, corrected)?;
                (prepared, listing) = self.strict(&searcher, request, &reading)?;
                reading
            }
            None => typed,
        };
        for &words in self.relaxations() {
            if listing.total() >= FILL_UNDER {
                break;
            }
            prepared = self.prepare(&reading, words)?;
            listing.add_tier(&searcher, &*self.filtered(&prepared, request))?;
        }
        let page = listing.page(request.offset, request.limit);
        Ok(SearchResults {
            total: listing.total(),
            hits: self.hits(&searcher, request, &prepared, page)?,
            facets: facets::count(&searcher, &*prepared.text, &self.fields, request)?,
            suggestion,
            relaxed: listing.relaxed(),
        })
    }

    /// The reading's query with all its words required, and a listing of
    /// the sections it finds.
    fn strict(
        &self,
        searcher: &Searcher,
        request: &SearchRequest,
        reading: &Reading,
    ) -> Result<(Prepared, Listing)> {
        let weights = match self.profile {
            Profile::Full => KindWeights::builtin(),
            Profile::StemmingOnly => KindWeights::none(),
        };
        let mut listing = Listing::new(request.offset + request.limit, weights);
        let prepared = self.prepare(reading, Match::All)?;
        listing.add_tier(searcher, &*self.filtered(&prepared, request))?;
        Ok((prepared, listing))
    }

    /// A spelling correction of the query, when all its words found fewer
    /// than [`FEW_HITS`] sections and some word has a likelier neighbour.
    fn correction(
        &self,
        searcher: &Searcher,
        request: &SearchRequest,
        found: usize,
    ) -> Result<Option<String>> {
        if found >= FEW_HITS || self.profile == Profile::StemmingOnly {
            return Ok(None);
        }
        suggest::correct(searcher, &self.index, &self.fields, &request.q)
    }

    /// How the query is relaxed when all its words find few sections (the
    /// stemming-only profile searches as the first version did: all words).
    fn relaxations(&self) -> &'static [Match] {
        match self.profile {
            Profile::Full => &[Match::AllButOne, Match::Any],
            Profile::StemmingOnly => &[],
        }
    }

    /// Reads `text` once for every tier: its question intent, the words
    /// every hit needs, and those words with synonyms and action nouns
    /// expanded (the stemming-only profile reads it as the spine did).
    fn read(&self, searcher: &Searcher, text: &str) -> Result<Reading> {
        let intent = match self.profile {
            Profile::Full => Intents::builtin().read(text),
            Profile::StemmingOnly => None,
        };
        let required = intent
            .as_ref()
            .map_or(text, |intent| intent.rest.as_str())
            .to_string();
        let expanded = match self.profile {
            Profile::Full => {
                let synonyms = Synonyms::builtin().expand(&required);
                let mut analyzer = self.index.tokenizer_for_field(self.fields.body)?;
                derivation::expand(&synonyms, searcher, &mut analyzer, &self.fields)?
            }
            Profile::StemmingOnly => required.clone(),
        };
        Ok(Reading {
            typed: text.to_string(),
            intent,
            required,
            expanded,
        })
    }

    /// The queries of a reading with its words combined as `words` asks;
    /// proximity and the intent rank matches.
    fn prepare(&self, reading: &Reading, words: Match) -> Result<Prepared> {
        let parser = TextParser {
            index: &self.index,
            fields: &self.fields,
            profile: self.profile,
        };
        let text_query = parser.parse(&reading.expanded, words)?;
        let mut ranked = parser.with_proximity(text_query.box_clone(), &reading.required);
        if let Some(intent) = &reading.intent {
            let answer_words = parser.parse_body(&intent.answer_words)?;
            ranked = intent.boost(ranked, answer_words, &self.fields);
        }
        Ok(Prepared {
            text: text_query,
            typed: parser.parse(&reading.typed, words)?,
            ranked,
        })
    }

    /// The ranked query restricted by the request's filters.
    fn filtered(&self, prepared: &Prepared, request: &SearchRequest) -> Box<dyn Query> {
        query::with_filters(prepared.ranked.box_clone(), &self.fields, request, None)
    }

    /// The listed sections as hits, with snippets (and explanations when asked).
    fn hits(
        &self,
        searcher: &Searcher,
        request: &SearchRequest,
        prepared: &Prepared,
        page: &[Listed],
    ) -> Result<Vec<Hit>> {
        let snippets =
            snippet::Snippets::new(searcher, &*prepared.text, &*prepared.typed, &self.fields)?;
        let explainer = request.explain.then(|| Explainer::new(&*prepared.text));
        page.iter()
            .map(|listed| {
                let doc: TantivyDocument = searcher.doc(listed.address)?;
                let section = StoredSection::from_tantivy(&doc, &self.fields);
                let mut hit = to_hit(section, listed.score, &snippets);
                hit.partial = listed.partial;
                if let Some(explainer) = &explainer {
                    hit.explain = Some(explainer.explain(searcher, listed.address)?);
                }
                Ok(hit)
            })
            .collect()
    }

    /// A page of the list of all documents, ordered by path.
    pub fn documents(&self, limit: usize, offset: usize) -> Result<DocumentList> {
        documents::list(&self.searcher(), &self.fields, limit, offset)
    }

    /// Counts over the index: documents, and the files waiting for OCR.
    pub fn stats(&self) -> Result<IndexStats> {
        let documents = self.documents(0, 0)?.total;
        let manifest = index::manifest_of(&self.index, self.profile).unwrap_or_default();
        Ok(IndexStats::new(documents, &manifest))
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
        partial: false,
        explain: None,
    }
}
