//! Section kinds that count less in ranking (`data/section_weights.toml`):
//! a reference list matches many queries about its topic and answers none.
//! A hit's score is multiplied by its section kind's weight, read from the
//! `section_kind` fast field, so the ranking of every query tier obeys it.
//!
//! A question asks for content: a report's first section — its cover, with
//! the title, names and dates that match the question's topic words — counts
//! [`FIRST_SECTION_WEIGHT`] in the ranking of a question (see
//! [`KindWeights::for_question`]).

use super::passages::{Passages, SegmentPassages};
use serde::Deserialize;
use std::sync::{Arc, LazyLock};
use tantivy::collector::sort_key::{Comparator, NaturalComparator};
use tantivy::collector::{
    Collector, SegmentSortKeyComputer, SortKeyComputer, TopDocs, TopNComputer,
};
use tantivy::columnar::{Column, StrColumn};
use tantivy::{DocAddress, DocId, Score, SegmentReader};

/// The built-in weights.
const SECTION_WEIGHTS_TOML: &str = include_str!("../../data/section_weights.toml");

/// The fast field holding each section's kind.
const KIND_FIELD: &str = "section_kind";
/// The fast field holding each section's position in its document.
const ORDINAL_FIELD: &str = "ordinal";
/// A question's score of a report's first section is multiplied by this.
pub const FIRST_SECTION_WEIGHT: Score = 0.3;

/// One kind's weight.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KindWeight {
    /// The section kind, as in `data/section_kinds.toml`.
    pub kind: String,
    /// Its sections' scores are multiplied by this.
    pub weight: Score,
    /// Why the kind counts less.
    pub reason: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WeightsFile {
    weight: Vec<KindWeight>,
}

/// The weights of the kinds that count less than 1.0 and, for a query of
/// several words, the passage factor of [`Passages`]; cheap to clone.
#[derive(Debug, Clone)]
pub struct KindWeights {
    kinds: Arc<Vec<KindWeight>>,
    passages: Option<Arc<Passages>>,
    first_section: Score,
}

impl KindWeights {
    /// The built-in weights, parsed once.
    pub fn builtin() -> KindWeights {
        static BUILTIN: LazyLock<KindWeights> = LazyLock::new(|| {
            KindWeights::from_toml(SECTION_WEIGHTS_TOML)
                .expect("data/section_weights.toml is valid (pinned by tests)")
        });
        BUILTIN.clone()
    }

    /// No weights: every kind counts 1.0 (the stemming-only profile ranks as
    /// the first version did).
    pub fn none() -> KindWeights {
        KindWeights {
            kinds: Arc::new(Vec::new()),
            passages: None,
            first_section: 1.0,
        }
    }

    /// Parses a weights file.
    pub fn from_toml(text: &str) -> Result<KindWeights, toml::de::Error> {
        let file: WeightsFile = toml::from_str(text)?;
        Ok(KindWeights {
            kinds: Arc::new(file.weight),
            passages: None,
            first_section: 1.0,
        })
    }

    /// These weights, each section's score also multiplied by the passage
    /// factor of `passages` (see [`Passages`]), when there is one.
    pub fn with_passages(self, passages: Option<Arc<Passages>>) -> KindWeights {
        KindWeights { passages, ..self }
    }

    /// True when sections also have a passage factor.
    pub fn has_passages(&self) -> bool {
        self.passages.is_some()
    }

    /// These weights, for a question when `question` is true: a report's
    /// first section counts [`FIRST_SECTION_WEIGHT`].
    pub fn for_question(self, question: bool) -> KindWeights {
        let first_section = if question { FIRST_SECTION_WEIGHT } else { 1.0 };
        KindWeights {
            first_section,
            ..self
        }
    }

    /// The weights, in file order.
    pub fn weights(&self) -> &[KindWeight] {
        &self.kinds
    }

    /// The best `limit` documents by score times their kind's weight and
    /// passage factor. The factor is at most 1, so a section whose weighted
    /// score cannot beat the current `limit`-th best is passed over without
    /// reading its positions (see [`SegmentWeights::bound`]).
    pub fn top_docs(
        &self,
        limit: usize,
    ) -> impl Collector<Fruit = Vec<(Score, DocAddress)>> + use<> {
        TopDocs::with_limit(limit).order_by(self.clone())
    }

    /// The weights as one segment's kind ordinals hold them.
    pub fn for_segment(&self, segment: &SegmentReader) -> SegmentWeights {
        let kinds = segment.fast_fields().str(KIND_FIELD).ok().flatten();
        let by_ord = kinds
            .as_ref()
            .map_or_else(Vec::new, |k| self.by_term_ord(k));
        let passages = self.passages.as_ref().map(|p| p.for_segment(segment));
        let ordinals = (self.first_section != 1.0)
            .then(|| segment.fast_fields().u64(ORDINAL_FIELD).ok())
            .flatten();
        SegmentWeights {
            ordinals,
            first_section: self.first_section,
            kinds,
            by_ord,
            passages,
        }
    }

    /// The weights by the kinds' term ordinals in one segment's column.
    fn by_term_ord(&self, kinds: &StrColumn) -> Vec<(u64, Score)> {
        self.kinds
            .iter()
            .filter_map(|w| Some((kinds.dictionary().term_ord(&w.kind).ok()??, w.weight)))
            .collect()
    }
}

/// The weights of one segment: a section's score times its kind's weight
/// and its passage factor.
pub struct SegmentWeights {
    ordinals: Option<Column<u64>>,
    first_section: Score,
    kinds: Option<StrColumn>,
    by_ord: Vec<(u64, Score)>,
    passages: Option<SegmentPassages>,
}

impl SegmentWeights {
    /// `score` of section `doc` times its kind's weight, passage factor and
    /// first-section weight (sections are asked about in document order).
    pub fn weigh(&self, doc: DocId, score: Score) -> Score {
        self.exact(doc, self.bound(doc, score))
    }

    /// `score` of section `doc` times its kind's weight and first-section
    /// weight: what [`SegmentWeights::weigh`] gives at most, as the passage
    /// factor is at most 1. Cheap: fast-field reads, no positions.
    pub fn bound(&self, doc: DocId, score: Score) -> Score {
        let score = match &self.ordinals {
            Some(ordinals) if ordinals.first(doc) == Some(0) => score * self.first_section,
            _ => score,
        };
        let Some(kinds) = &self.kinds else {
            return score;
        };
        let kind = kinds.term_ords(doc).next();
        let weight = self.by_ord.iter().find(|(ord, _)| Some(*ord) == kind);
        weight.map_or(score, |(_, weight)| score * weight)
    }

    /// The `bound` of section `doc` times its passage factor (sections are
    /// asked about in document order; some may be skipped).
    pub fn exact(&self, doc: DocId, bound: Score) -> Score {
        match &self.passages {
            Some(passages) => bound * passages.factor(doc),
            None => bound,
        }
    }
}

/// Ranks sections by [`SegmentWeights::weigh`] in tantivy's top-n collector.
impl SortKeyComputer for KindWeights {
    type SortKey = Score;
    type Child = SegmentWeights;
    type Comparator = NaturalComparator;

    fn requires_scoring(&self) -> bool {
        true
    }

    fn segment_sort_key_computer(
        &self,
        segment: &SegmentReader,
    ) -> tantivy::Result<SegmentWeights> {
        Ok(self.for_segment(segment))
    }
}

impl SegmentSortKeyComputer for SegmentWeights {
    type SortKey = Score;
    type SegmentSortKey = Score;
    type SegmentComparator = NaturalComparator;

    fn segment_sort_key(&mut self, doc: DocId, score: Score) -> Score {
        self.weigh(doc, score)
    }

    /// Pushes `doc` with its weighed score, unless its bound already falls
    /// at or under the collector's threshold (the collector would refuse it
    /// anyway): then its positions are never read.
    fn compute_sort_key_and_collect<C: Comparator<Score>>(
        &mut self,
        doc: DocId,
        score: Score,
        top: &mut TopNComputer<Score, DocId, C>,
    ) {
        let bound = self.bound(doc, score);
        if top.threshold.is_some_and(|threshold| bound <= threshold) {
            return;
        }
        top.push(self.exact(doc, bound), doc);
    }

    fn convert_segment_sort_key(&self, score: Score) -> Score {
        score
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::index::Fields;
    use crate::search::body_index::{body_index, drawn_texts};
    use tantivy::Index;
    use tantivy::query::AllQuery;
    use tantivy::query::QueryParser;

    #[test]
    fn sections_passed_over_by_their_bound_leave_the_top_as_it_was() {
        let texts = drawn_texts(600, 0);
        let borrowed: Vec<&str> = texts.iter().map(String::as_str).collect();
        let (searcher, fields, _) = body_index(&borrowed);
        let mut parser = QueryParser::for_index(searcher.index(), vec![fields.body]);
        parser.set_conjunction_by_default();
        let query = parser.parse_query("deltagare arbete samverkan").unwrap();
        let passages = Passages::new(&searcher, &*query, &fields);
        assert!(passages.is_some(), "three words make a passage scorer");
        let weights = KindWeights::none().with_passages(passages);
        let unpruned = weights.clone();
        let every = TopDocs::with_limit(texts.len()).tweak_score(move |segment: &SegmentReader| {
            let weigher = unpruned.for_segment(segment);
            move |doc: DocId, score: Score| weigher.weigh(doc, score)
        });
        let all = searcher.search(&*query, &every).unwrap();
        assert!(all.len() > 100, "most texts match: {}", all.len());
        for limit in [1, 10, 40] {
            let top = searcher.search(&*query, &weights.top_docs(limit)).unwrap();
            assert_eq!(top, all[..limit].to_vec(), "limit {limit}");
        }
    }

    /// The ordinals of every section of a report of three, ranked by `weights`.
    fn ranked_ordinals(weights: KindWeights) -> Vec<(u64, Score)> {
        let (schema, fields) = Fields::build();
        let index = Index::create_in_ram(schema);
        crate::analysis::register(index.tokenizers(), crate::analysis::Profile::Full);
        let mut writer = index.writer(15_000_000).unwrap();
        for ordinal in 0..3 {
            let mut doc = tantivy::TantivyDocument::default();
            doc.add_u64(fields.ordinal, ordinal);
            writer.add_document(doc).unwrap();
        }
        writer.commit().unwrap();
        let searcher = index.reader().unwrap().searcher();
        let top = searcher.search(&AllQuery, &weights.top_docs(3)).unwrap();
        top.into_iter()
            .map(|(score, address)| (u64::from(address.doc_id), score))
            .collect()
    }

    #[test]
    fn a_question_ranks_a_reports_first_section_below_its_content() {
        let question = ranked_ordinals(KindWeights::builtin().for_question(true));
        assert_eq!(question.last(), Some(&(0, FIRST_SECTION_WEIGHT)));
        let other = ranked_ordinals(KindWeights::builtin().for_question(false));
        assert!(other.iter().all(|(_, score)| *score == 1.0), "{other:?}");
    }

    #[test]
    fn every_weight_is_a_known_kind_below_one_with_a_reason() {
        const KINDS: &str = include_str!("../../data/section_kinds.toml");
        for weight in KindWeights::builtin().weights() {
            assert!(
                KINDS.contains(&format!("name = \"{}\"", weight.kind)),
                "{} is not a section kind",
                weight.kind
            );
            assert!(
                weight.weight > 0.0 && weight.weight < 1.0,
                "{}",
                weight.kind
            );
            assert!(!weight.reason.is_empty(), "{}", weight.kind);
        }
    }
}
