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

#[cfg(test)]
mod body_index;
mod budget;
mod by_report;
mod compound_parts;
mod corpus_views;
mod derivation;
mod documents;
mod error;
mod explain;
pub mod facet_counts;
mod hits;
mod hyphens;
pub mod intent;
pub mod kind_weights;
mod knowledge_cache;
mod listing;
mod model;
mod overview;
mod passages;
pub mod phrasing;
mod query;
mod query_words;
mod ranking;
mod report_collector;
mod snippet;
mod stats;
mod suggest;
pub mod synonyms;
pub mod syntax;

pub use budget::Budget;
pub use corpus_views::{
    ProjectDetail, ProjectDocument, ProjectList, ProjectRequest, ProjectSummary, SimilarItem,
    SimilarList,
};
pub use error::{Result, SearchError};
pub use explain::FieldMatch;
pub use model::{
    Counts, DocumentDetail, DocumentLink, DocumentList, DocumentSummary, FacetCount, Facets,
    Grouping, Hit, MAX_LIMIT, MAX_OFFSET, SearchRequest, SearchResults, SectionHit, SectionView,
    Sort, cursor, cursor_offset,
};
pub use overview::{ForbundYear, Overview, Worked};
pub use stats::{IndexStats, NeedsOcr};

use crate::analysis::Profile;
use crate::index::{self, Fields};
use explain::Explainer;
use hits::HitMaker;
use intent::Intents;
use kind_weights::KindWeights;
use knowledge_cache::{KnowledgeCache, Loaded};
use passages::Passages;
use phrasing::Phrasing;
use query::{Match, TextParser};
use ranking::Ranking;
use std::path::Path;
use synonyms::Synonyms;
use tantivy::query::Query;
use tantivy::{Index, IndexReader, ReloadPolicy, Searcher};

/// Hits read from the index at a time by an export.
const EXPORT_BATCH: usize = 200;

/// A query finding fewer sections than this is tried with corrected spelling.
pub const FEW_HITS: usize = 3;
/// A query finding fewer sections with all its words than this also lists
/// sections with some of them, after those.
pub const FILL_UNDER: usize = 10;

/// A query text as read once for all tiers (see [`SearchService::read`]).
struct Reading {
    typed: String,
    /// True when the text is a question (see [`Phrasing::is_question`]).
    question: bool,
    intent: Option<intent::Intent>,
    phrasing: String,
    expanded: String,
}

/// The queries made of one text: as searched (synonyms expanded), as typed
/// (for snippets), and as ranked (phrasing and intents added; nearness is
/// the passage factor's, see [`passages`]).
struct Prepared {
    text: Box<dyn Query>,
    typed: Box<dyn Query>,
    ranked: Box<dyn Query>,
}

/// A request ranked: the queries of its last tier, the ranking, and the
/// spelling correction searched instead of the typed query, if any.
struct Ranked {
    prepared: Prepared,
    ranking: Ranking,
    suggestion: Option<String>,
    /// The facet counts, when the first tier's pass counted them and no
    /// later tier widened the matches.
    facets: Option<Facets>,
}

/// A handle on an opened index that answers searches; cheap to share.
pub struct SearchService {
    index: Index,
    reader: IndexReader,
    fields: Fields,
    profile: Profile,
    knowledge: KnowledgeCache,
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
        let (mut index, fields) = index::open(dir, profile)?;
        // One search's segments are read on every core: at 1M sections a
        // single page's p99 fell by a third, throughput under load by 1-8 %
        // (BENCHMARKS.md, session 9).
        let threads = std::thread::available_parallelism().map_or(1, usize::from);
        index.set_multithread_executor(threads)?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::OnCommitWithDelay)
            .try_into()?;
        Ok(SearchService {
            index,
            reader,
            fields,
            profile,
            knowledge: KnowledgeCache::new(dir.to_path_buf()),
        })
    }

    /// Loads the corpus knowledge now, which the first search needing it
    /// would otherwise do (at national size a second or two, counted in that
    /// search's time): a server calls this at start, in the background.
    pub fn warm(&self) {
        self.knowledge.get();
    }

    /// Runs a search: one page of hits, the total and facet counts. A query
    /// that finds little is searched with corrected spelling; sections with
    /// all its words come first and, when they are few, sections with all
    /// but one, then any, of them follow (marked `partial`).
    pub fn search(&self, request: &SearchRequest) -> Result<SearchResults> {
        self.search_within(request, &Budget::unlimited())
    }

    /// [`SearchService::search`] within a time `budget`: a search that
    /// outruns it stops and answers [`SearchError::TimedOut`].
    pub fn search_within(&self, request: &SearchRequest, budget: &Budget) -> Result<SearchResults> {
        let searcher = self.reader.searcher();
        let loaded = self.knowledge.get();
        let Ranked {
            prepared,
            ranking,
            suggestion,
            facets,
        } = match self.rank(&searcher, request, &loaded, budget)? {
            Ok(ranked) => ranked,
            Err(nothing) => return Ok(nothing),
        };
        let facets = match facets {
            Some(facets) => facets,
            None => self.count_facets(&searcher, &prepared, &ranking, request, &loaded)?,
        };
        budget.check()?;
        let maker = HitMaker {
            searcher: &searcher,
            fields: &self.fields,
            snippets: Some(snippet::Snippets::new(
                &searcher,
                &*prepared.text,
                &*prepared.typed,
                &self.fields,
            )?),
            explainer: request.explain.then(|| Explainer::new(&*prepared.text)),
            knowledge: &loaded.knowledge,
        };
        let hits = match &ranking {
            Ranking::Sections(listing) => {
                maker.sections(listing.page(request.offset, request.limit))?
            }
            Ranking::Reports(listing) => {
                maker.reports(listing.page(request.offset, request.limit))?
            }
        };
        let next = request.offset + request.limit;
        Ok(SearchResults {
            total: ranking.total(),
            counts: ranking.counts(),
            hits,
            facets,
            suggestion,
            relaxed: ranking.relaxed(),
            notice: None,
            next_cursor: (request.limit > 0 && next < ranking.total()).then(|| model::cursor(next)),
        })
    }

    /// Every hit of `request` in ranked order, without snippets (each carries
    /// its whole text), handed to `each` in batches until it returns false;
    /// returns how many were handed. For exports of a whole result set.
    pub fn each_hit(
        &self,
        request: &SearchRequest,
        budget: &Budget,
        mut each: impl FnMut(Hit) -> bool,
    ) -> Result<usize> {
        let searcher = self.reader.searcher();
        let loaded = self.knowledge.get();
        let probe = SearchRequest {
            limit: 0,
            offset: 0,
            explain: false,
            ..request.clone()
        };
        let total = match self.rank(&searcher, &probe, &loaded, budget)? {
            Ok(ranked) => ranked.ranking.total(),
            Err(_) => return Ok(0),
        };
        let every = SearchRequest {
            limit: total,
            ..probe
        };
        let Ok(Ranked { ranking, .. }) = self.rank(&searcher, &every, &loaded, budget)? else {
            return Ok(0);
        };
        let maker = HitMaker {
            searcher: &searcher,
            fields: &self.fields,
            snippets: None,
            explainer: None,
            knowledge: &loaded.knowledge,
        };
        let mut handed = 0;
        for start in (0..total).step_by(EXPORT_BATCH) {
            budget.check()?;
            let hits = match &ranking {
                Ranking::Sections(listing) => maker.sections(listing.page(start, EXPORT_BATCH))?,
                Ranking::Reports(listing) => maker.reports(listing.page(start, EXPORT_BATCH))?,
            };
            for hit in hits {
                handed += 1;
                if !each(hit) {
                    return Ok(handed);
                }
            }
        }
        Ok(handed)
    }

    /// The ids of every report matching `request`, best first (all tiers).
    fn ranked_reports(&self, request: &SearchRequest, budget: &Budget) -> Result<Vec<String>> {
        let searcher = self.reader.searcher();
        let loaded = self.knowledge.get();
        // Every report ranked exactly, not only a page's worth.
        let request = SearchRequest {
            group: Grouping::Document,
            offset: 0,
            limit: usize::MAX,
            every_report: true,
            ..request.clone()
        };
        Ok(match self.rank(&searcher, &request, &loaded, budget)? {
            Ok(Ranked {
                ranking: Ranking::Reports(listing),
                ..
            }) => listing
                .page(0, usize::MAX)
                .iter()
                .map(|r| r.doc_id.clone())
                .collect(),
            _ => Vec::new(),
        })
    }

    /// The ranking of a request over all its tiers (with the spelling
    /// retry), or the answer to a query that searches nothing.
    fn rank(
        &self,
        searcher: &Searcher,
        request: &SearchRequest,
        loaded: &Loaded,
        budget: &Budget,
    ) -> Result<std::result::Result<Ranked, SearchResults>> {
        let q = syntax::normalize(&request.q)?;
        let typed = self.read(searcher, &q)?;
        let (mut prepared, mut ranking, mut facets) =
            self.strict(searcher, request, &typed, loaded, budget)?;
        if !q.trim().is_empty() && !query::has_terms(&*prepared.text) {
            return Ok(Err(SearchResults::nothing_searchable(&q)));
        }
        budget.check()?;
        let suggestion = self.correction(searcher, &q, ranking.total(), budget)?;
        let reading = match &suggestion {
            Some(corrected) => {
                let reading = self.read(searcher, corrected)?;
                (prepared, ranking, facets) =
                    self.strict(searcher, request, &reading, loaded, budget)?;
                reading
            }
            None => typed,
        };
        for &words in self.relaxations() {
            if ranking.total() >= FILL_UNDER {
                break;
            }
            budget.check()?;
            prepared = self.prepare(&reading, words, budget)?;
            ranking.add_tier(searcher, &*self.filtered(&prepared, request, loaded))?;
            facets = None;
        }
        budget.check()?;
        Ok(Ok(Ranked {
            prepared,
            ranking,
            suggestion,
            facets,
        }))
    }

    /// The reading's query with all its words required, a ranking of what
    /// it finds and, when the same pass could count them, the facet counts.
    fn strict(
        &self,
        searcher: &Searcher,
        request: &SearchRequest,
        reading: &Reading,
        loaded: &Loaded,
        budget: &Budget,
    ) -> Result<(Prepared, Ranking, Option<Facets>)> {
        // No page reaches past the last section: a deep cursor must not make
        // the top-n collectors reserve room for millions of candidates.
        let sections = usize::try_from(searcher.num_docs()).unwrap_or(usize::MAX);
        let wanted = (request.offset + request.limit).min(sections);
        let prepared = self.prepare(reading, Match::All, budget)?;
        let weights = self.weights(searcher, reading)?;
        let mut ranking = Ranking::new(request.group, wanted, weights, request.sort)
            .naming_every_report(request.every_report);
        let unfiltered =
            query::without_documents(prepared.ranked.box_clone(), &self.fields, &loaded.copies);
        let filtered = self.filtered(&prepared, request, loaded);
        let facets = ranking.add_first_tier(searcher, (&*unfiltered, &*filtered), request)?;
        Ok((prepared, ranking, facets))
    }

    /// The facet counts over the matches of the ranking's last tier.
    fn count_facets(
        &self,
        searcher: &Searcher,
        prepared: &Prepared,
        ranking: &Ranking,
        request: &SearchRequest,
        loaded: &Loaded,
    ) -> Result<Facets> {
        let matches =
            query::without_documents(prepared.text.box_clone(), &self.fields, &loaded.copies);
        facet_counts::count(searcher, &*matches, request, ranking.unit())
    }

    /// How sections are weighed beyond their score: by their kind, by
    /// their best passage for the reading's words (see [`passages`]) and,
    /// for a question, by whether they open their report; the
    /// stemming-only profile weighs nothing, as the first version did.
    fn weights(&self, searcher: &Searcher, reading: &Reading) -> Result<KindWeights> {
        if self.profile == Profile::StemmingOnly {
            return Ok(KindWeights::none());
        }
        let parser = TextParser {
            index: &self.index,
            fields: &self.fields,
            profile: self.profile,
        };
        let all_words = parser.parse(&reading.expanded, Match::All)?;
        let passages = Passages::new(searcher, &*all_words, &self.fields);
        Ok(KindWeights::builtin()
            .with_passages(passages)
            .for_question(reading.question))
    }

    /// A spelling correction of the query, when all its words found fewer
    /// than [`FEW_HITS`] sections and some word has a likelier neighbour.
    fn correction(
        &self,
        searcher: &Searcher,
        q: &str,
        found: usize,
        budget: &Budget,
    ) -> Result<Option<String>> {
        if found >= FEW_HITS || self.profile == Profile::StemmingOnly {
            return Ok(None);
        }
        suggest::correct(searcher, &self.index, &self.fields, q, budget)
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
    /// every hit needs, and those words with synonyms, compound parts,
    /// action nouns and hyphen variants expanded (the stemming-only profile reads it as the spine did).
    fn read(&self, searcher: &Searcher, text: &str) -> Result<Reading> {
        let intent = match self.profile {
            Profile::Full => Intents::builtin().read(text),
            Profile::StemmingOnly => None,
        };
        let asked = intent.as_ref().map_or(text, |intent| intent.rest.as_str());
        let mut analyzer = self.index.tokenizer_for_field(self.fields.body)?;
        let (phrasing, expanded) = match self.profile {
            Profile::Full => {
                let (required, phrasing) = Phrasing::builtin().topic(asked, &mut analyzer);
                let synonyms = Synonyms::builtin().expand(&required);
                let synonyms =
                    compound_parts::expand(&synonyms, searcher, &mut analyzer, &self.fields)?;
                let derived = derivation::expand(&synonyms, searcher, &mut analyzer, &self.fields)?;
                let expanded = hyphens::expand(&derived, searcher, &mut analyzer, &self.fields)?;
                (phrasing, expanded)
            }
            Profile::StemmingOnly => (String::new(), asked.to_string()),
        };
        Ok(Reading {
            typed: text.to_string(),
            question: self.profile == Profile::Full && Phrasing::builtin().is_question(text),
            intent,
            phrasing,
            expanded,
        })
    }

    /// The queries of a reading with its words combined as `words` asks;
    /// phrasing and the intent rank matches; the searched ones stop when
    /// `budget` is spent.
    fn prepare(&self, reading: &Reading, words: Match, budget: &Budget) -> Result<Prepared> {
        let parser = TextParser {
            index: &self.index,
            fields: &self.fields,
            profile: self.profile,
        };
        let text_query = parser.parse(&reading.expanded, words)?;
        let mut ranked = text_query.box_clone();
        if !reading.phrasing.is_empty() {
            ranked = phrasing::boost(ranked, parser.parse_body(&reading.phrasing)?);
        }
        if let Some(intent) = &reading.intent {
            let answer_words = parser.parse_body(&intent.answer_words)?;
            ranked = intent.boost(ranked, answer_words, &self.fields);
        }
        Ok(Prepared {
            text: budget.bound(text_query),
            typed: parser.parse(&reading.typed, words)?,
            ranked: budget.bound(ranked),
        })
    }

    /// The ranked query restricted by the request's filters, near-duplicate
    /// copies left out (their originals stand for them).
    fn filtered(
        &self,
        prepared: &Prepared,
        request: &SearchRequest,
        loaded: &Loaded,
    ) -> Box<dyn Query> {
        let filtered = query::with_filters(prepared.ranked.box_clone(), &self.fields, request);
        query::without_documents(filtered, &self.fields, &loaded.copies)
    }

    /// A page of the list of all documents (originals, with their copies'
    /// paths), ordered by path.
    pub fn documents(&self, limit: usize, offset: usize) -> Result<DocumentList> {
        let request = SearchRequest {
            limit,
            offset,
            ..SearchRequest::default()
        };
        self.documents_where(&request, None)
    }

    /// A page of the documents passing `request`'s facet filters and year
    /// range (and belonging to `project`, when given), by path or by year.
    pub fn documents_where(
        &self,
        request: &SearchRequest,
        project: Option<&str>,
    ) -> Result<DocumentList> {
        let loaded = self.knowledge.get();
        documents::list(
            &loaded.knowledge,
            &self.searcher(),
            &self.fields,
            request,
            project,
        )
    }

    /// Counts over the index: documents, and the files waiting for OCR.
    pub fn stats(&self) -> Result<IndexStats> {
        let documents = self.documents(0, 0)?.total;
        let manifest = index::manifest_of(&self.index, self.profile).unwrap_or_default();
        Ok(IndexStats::new(
            documents,
            self.sections(),
            self.knowledge.stamp(),
            &manifest,
        ))
    }

    /// One document with its sections, labels, references and citations,
    /// or `None` for an unknown id.
    pub fn document(&self, doc_id: &str) -> Result<Option<DocumentDetail>> {
        let loaded = self.knowledge.get();
        documents::detail(&loaded.knowledge, &self.searcher(), &self.fields, doc_id)
    }

    /// A number that changes whenever what search answers may change: the
    /// index's segments (ids and deletes, unique across restarts) and the
    /// corpus knowledge's write time. Answers may be cached under it.
    pub fn version(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut hasher = std::collections::hash_map::DefaultHasher::new();
        for segment in self.searcher().segment_readers() {
            segment.segment_id().uuid_string().hash(&mut hasher);
            segment.delete_opstamp().hash(&mut hasher);
        }
        self.knowledge.stamp().hash(&mut hasher);
        hasher.finish()
    }

    /// Number of sections in the index (a cheap sign that it answers).
    pub fn sections(&self) -> u64 {
        self.searcher().num_docs()
    }

    fn searcher(&self) -> Searcher {
        self.reader.searcher()
    }
}
