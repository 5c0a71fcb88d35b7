//! Answer-sized passages: a section ranks by how much of the query one
//! passage of it holds.
//!
//! A question is answered by a few sentences, and a section of 2,000
//! characters that uses each of the query's words once, far apart, has no
//! such passage. BM25 scores the section as a bag of words, so long
//! sections win on words spread across them. [`Passages`] reads, from the
//! body's positions, the best window of [`WINDOW`] words: the share of the
//! query's weight (each word weighed by its rarity in the index times its
//! rarity in general Swedish, [`analysis::general_weight`], a word's
//! synonyms and variants counting as the word) that the window holds, the
//! section's heading, title and about-words counting as part of every window. A
//! section's score is multiplied by `1 - STRENGTH + STRENGTH × share`.
//!
//! The same weights say how much of the query the section holds as a whole.
//! Sections that lack some words (listed after those with all of them, see
//! [`super::listing`]) are otherwise ranked by BM25, where a long section with
//! three common words of a question beats a short one with its one rare
//! word; the score is also multiplied by the section's share squared
//! ([`COVERAGE_EXPONENT`]).
//!
//! Positions come from the index, so no stored text is read: the sections
//! matching a query are visited in document order and every query term's
//! postings are moved forward with them.

use crate::analysis;
use crate::index::Fields;
use std::cell::RefCell;
use std::sync::Arc;
use tantivy::postings::{Postings, SegmentPostings};
use tantivy::query::{BooleanQuery, Occur, Query};
use tantivy::schema::{Field, IndexRecordOption};
use tantivy::{DocId, DocSet, Score, Searcher, SegmentReader, TERMINATED, Term};

/// The share of the query's weight that is all of it, rounding aside.
const ALL_WORDS: Score = 0.999;
/// Width of a passage, in words (stop words included): two or three sentences.
pub const WINDOW: u32 = 40;
/// How much the passage share counts: 0 leaves scores alone, 1 scales
/// them by the share itself.
pub const STRENGTH: Score = 0.5;
/// How much a section's coverage of the query counts: its score is
/// multiplied by its share of the query's weight to this power. A section
/// lacking a rare word of a question falls behind one lacking a common word.
pub const COVERAGE_EXPONENT: i32 = 2;
/// Positions that may stand between the query's words for them to be near
/// one another: all of them within their number plus this many positions.
pub const NEAR_SLOP: u32 = 4;
/// How much more a section counts whose body has all the query's words near
/// one another.
pub const NEAR_BONUS: Score = 1.0;

/// Shares of a query's weight in one section.
struct Shares {
    /// Held by its best passage of [`WINDOW`] words.
    passage: Score,
    /// Held by the section as a whole.
    section: Score,
    /// True when the body holds every word within [`NEAR_SLOP`] positions
    /// of their number.
    near: bool,
}

impl Shares {
    /// `1 - STRENGTH + STRENGTH × passage`, times `section` to the power
    /// [`COVERAGE_EXPONENT`], times `1 + NEAR_BONUS` when the words are
    /// near, all over `1 + NEAR_BONUS`: never above 1 (rounding aside),
    /// so ranking may skip sections whose score without it is too low.
    fn factor(&self) -> Score {
        let near = if self.near { 1.0 + NEAR_BONUS } else { 1.0 };
        let factor = (1.0 - STRENGTH + STRENGTH * self.passage)
            * self.section.powi(COVERAGE_EXPONENT)
            * near
            / (1.0 + NEAR_BONUS);
        factor.min(1.0)
    }
}

/// One word of the query: the terms that stand for it in the body, and its weight.
#[derive(Debug, Clone)]
struct Word {
    /// Body terms: the word's stem and those of its synonyms and variants.
    terms: Vec<Term>,
    /// Its rarity: the highest inverse document frequency of its terms, each
    /// times its general-language weight.
    weight: Score,
}

/// The words of one query, ready to score the passages of matching sections.
#[derive(Debug, Clone)]
pub struct Passages {
    words: Vec<Word>,
    /// Each word's weight, in the order of `words`.
    weights: Vec<Score>,
    total: Score,
    /// No word in a context field: the body alone decides nearness.
    nowhere: Vec<bool>,
    body: Field,
    context: Vec<Field>,
}

impl Passages {
    /// The passage scorer of `query` (its words joined as all required, as
    /// the strict tier parses them), or `None` when it has fewer than two
    /// words that occur in the index: one word needs no passage.
    pub fn new(searcher: &Searcher, query: &dyn Query, fields: &Fields) -> Option<Arc<Passages>> {
        let sections = searcher.num_docs() as f32;
        // Rarity in the index, times rarity in general Swedish.
        let idf = |term: &Term| {
            let df = searcher.doc_freq(term).unwrap_or(0) as f32;
            let general = term.value().as_str().map_or(1.0, analysis::general_weight);
            (df > 0.0).then(|| (1.0 + (sections - df + 0.5) / (df + 0.5)).ln() * general)
        };
        let words: Vec<Word> = word_terms(query, fields.body)
            .into_iter()
            .filter_map(|terms| {
                let weight = terms.iter().filter_map(idf).reduce(Score::max)?;
                Some(Word { terms, weight })
            })
            .collect();
        if words.len() < 2 {
            return None;
        }
        let weights: Vec<Score> = words.iter().map(|w| w.weight).collect();
        let total = weights.iter().sum();
        Some(Arc::new(Passages {
            nowhere: vec![false; words.len()],
            words,
            weights,
            total,
            body: fields.body,
            context: vec![fields.heading, fields.title, fields.about],
        }))
    }

    /// The scorer of one segment.
    pub fn for_segment(&self, segment: &SegmentReader) -> SegmentPassages {
        let postings = |field: Field, option| {
            let inverted = segment.inverted_index(field).ok();
            self.words
                .iter()
                .map(|word| {
                    word.terms
                        .iter()
                        .filter_map(|term| {
                            let term = Term::from_field_text(field, term.value().as_str()?);
                            inverted.as_ref()?.read_postings(&term, option).ok()?
                        })
                        .collect()
                })
                .collect()
        };
        let context = self
            .context
            .iter()
            .map(|&field| postings(field, IndexRecordOption::Basic))
            .collect();
        SegmentPassages {
            passages: self.clone(),
            state: RefCell::new(State {
                body: postings(self.body, IndexRecordOption::WithFreqsAndPositions),
                context,
                last: None,
                scratch: Scratch::default(),
            }),
        }
    }
}

/// The postings of every word's terms in one segment, moved forward doc by doc.
struct State {
    /// Per word, its terms' body postings (with positions).
    body: Vec<Vec<SegmentPostings>>,
    /// Per context field, per word, its terms' postings.
    context: Vec<Vec<Vec<SegmentPostings>>>,
    /// The last document asked about: postings only move forward.
    last: Option<DocId>,
    /// Buffers reused from section to section.
    scratch: Scratch,
}

/// What working out one section's shares needs, kept between sections so
/// a match costs no allocation.
#[derive(Default)]
struct Scratch {
    /// Per word, whether a context field holds it.
    found: Vec<bool>,
    /// (position, word) pairs of the body.
    hits: Vec<(u32, usize)>,
    /// One term's positions.
    positions: Vec<u32>,
    /// Per word, its occurrences inside the window.
    counts: Vec<u32>,
}

/// Passage shares of one segment's sections.
pub struct SegmentPassages {
    passages: Passages,
    state: RefCell<State>,
}

impl SegmentPassages {
    /// The score factor of section `doc`: `1 - STRENGTH + STRENGTH ×
    /// passage share`, times the section's share to the power
    /// [`COVERAGE_EXPONENT`].
    /// Sections must be asked about in document order; one asked out of
    /// order keeps its score.
    pub fn factor(&self, doc: DocId) -> Score {
        self.shares(doc).map_or(1.0, |shares| shares.factor())
    }

    /// The shares of the query's weight held by the best passage of `doc`
    /// and by the whole section.
    fn shares(&self, doc: DocId) -> Option<Shares> {
        let mut state = self.state.borrow_mut();
        if state.last.is_some_and(|last| doc < last) {
            return None;
        }
        state.last = Some(doc);
        let state = &mut *state;
        state.in_context(doc);
        state.body_hits(doc);
        let weights = &self.passages.weights;
        let scratch = &mut state.scratch;
        let mut share = |window, present: &[bool]| {
            best_window(&scratch.hits, weights, present, window, &mut scratch.counts)
                / self.passages.total
        };
        let near = share(weights.len() as u32 + NEAR_SLOP, &self.passages.nowhere);
        Some(Shares {
            passage: share(WINDOW, &scratch.found),
            section: share(u32::MAX / 2, &scratch.found),
            near: near >= ALL_WORDS,
        })
    }
}

impl State {
    /// Marks, per word, whether a context field (heading, title, about) of
    /// `doc` holds it.
    fn in_context(&mut self, doc: DocId) {
        let found = &mut self.scratch.found;
        found.clear();
        found.resize(self.body.len(), false);
        for field in &mut self.context {
            for (i, postings) in field.iter_mut().enumerate() {
                found[i] |= postings.iter_mut().any(|p| at(p, doc));
            }
        }
    }

    /// Gathers the (position, word) pairs of the body of `doc`, by position.
    fn body_hits(&mut self, doc: DocId) {
        let Scratch {
            hits, positions, ..
        } = &mut self.scratch;
        hits.clear();
        for (i, postings) in self.body.iter_mut().enumerate() {
            for p in postings.iter_mut() {
                if at(p, doc) {
                    p.positions(positions);
                    hits.extend(positions.iter().map(|&pos| (pos, i)));
                }
            }
        }
        hits.sort_unstable();
    }
}

/// True when `postings` holds `doc`, moving it forward to `doc` first.
fn at(postings: &mut SegmentPostings, doc: DocId) -> bool {
    if postings.doc() < doc {
        postings.seek(doc);
    }
    postings.doc() == doc && doc != TERMINATED
}

/// The highest weight of distinct words within any `window` consecutive
/// positions, words already `present` (in the heading) counting everywhere.
/// `hits` are (position, word) pairs sorted by position.
/// `counts` is scratch space.
fn best_window(
    hits: &[(u32, usize)],
    weights: &[Score],
    present: &[bool],
    window: u32,
    counts: &mut Vec<u32>,
) -> Score {
    let base: Score = weights
        .iter()
        .zip(present)
        .filter(|(_, p)| **p)
        .map(|(w, _)| w)
        .sum();
    counts.clear();
    counts.resize(weights.len(), 0);
    let (mut inside, mut best, mut start) = (0.0, 0.0, 0);
    for &(pos, word) in hits {
        if !present[word] {
            counts[word] += 1;
            if counts[word] == 1 {
                inside += weights[word];
            }
        }
        while hits[start].0 + window <= pos {
            let left = hits[start].1;
            if !present[left] {
                counts[left] -= 1;
                if counts[left] == 0 {
                    inside -= weights[left];
                }
            }
            start += 1;
        }
        best = Score::max(best, inside);
    }
    base + best
}

/// The body terms of each word of `query`, a query parsed with all its
/// words required: each required clause is a word (with its synonyms and
/// variants); a query of one word is one clause over several fields.
fn word_terms(query: &dyn Query, body: Field) -> Vec<Vec<Term>> {
    let body_terms = |query: &dyn Query| {
        let mut terms = Vec::new();
        query.query_terms(&mut |term, _| {
            if term.field() == body && !terms.contains(term) {
                terms.push(term.clone());
            }
        });
        terms
    };
    let words: Vec<Vec<Term>> = match query.downcast_ref::<BooleanQuery>() {
        Some(boolean) if boolean.clauses().iter().any(|(o, _)| *o == Occur::Must) => boolean
            .clauses()
            .iter()
            .filter(|(occur, _)| *occur == Occur::Must)
            .map(|(_, clause)| body_terms(clause.as_ref()))
            .collect(),
        _ => vec![body_terms(query)],
    };
    words
        .into_iter()
        .filter(|terms| !terms.is_empty())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn best(hits: &[(u32, usize)], weights: &[Score], present: &[bool], window: u32) -> Score {
        best_window(hits, weights, present, window, &mut Vec::new())
    }

    #[test]
    fn the_best_window_holds_the_most_weight_of_distinct_words() {
        let weights = [1.0, 2.0, 4.0];
        let none = [false; 3];
        // Words 0 and 1 close together, word 2 far away.
        let hits = [(0, 0), (3, 1), (4, 0), (100, 2)];
        assert_eq!(best(&hits, &weights, &none, 10), 4.0);
        assert_eq!(best(&hits[..3], &weights, &none, 10), 3.0);
        assert_eq!(best(&hits, &weights, &none, 200), 7.0);
        // A repeated word counts once.
        assert_eq!(best(&[(0, 0), (1, 0)], &weights, &none, 10), 1.0);
    }

    #[test]
    fn a_section_lacking_weight_falls_more_than_one_with_it_spread_out() {
        let factor = |passage, section| {
            let near = Shares {
                passage,
                section,
                near: true,
            };
            near.factor()
        };
        assert_eq!(factor(1.0, 1.0), 1.0);
        assert_eq!(factor(0.5, 1.0), 0.75);
        assert_eq!(factor(0.5, 0.5), 0.1875);
    }

    #[test]
    fn words_near_one_another_count_more_and_the_factor_stays_at_most_one() {
        let shares = |near| Shares {
            passage: 1.0,
            section: 1.0,
            near,
        };
        assert_eq!(shares(true).factor(), 1.0);
        assert_eq!(shares(false).factor(), 1.0 / (1.0 + NEAR_BONUS));
    }

    #[test]
    fn a_word_of_the_heading_counts_in_every_window() {
        let weights = [1.0, 2.0, 4.0];
        let hits = [(0, 0), (3, 1), (100, 2)];
        let heading = [false, false, true];
        assert_eq!(best(&hits, &weights, &heading, 10), 7.0);
    }

    #[test]
    fn a_section_with_the_topic_word_outranks_one_with_the_everyday_word() {
        use crate::search::body_index::body_index;
        use crate::search::query::{Match, TextParser};
        // Each word is in one section: the index alone weighs them alike.
        let texts = [
            "Referensgruppen träffas en gång i kvartalet.",
            "Handledaren sitter med under samtalet.",
            "Deltagarna får stöd av en coach.",
        ];
        let (searcher, fields, _) = body_index(&texts);
        let parser = TextParser {
            index: searcher.index(),
            fields: &fields,
            profile: crate::analysis::Profile::Full,
        };
        let query = parser.parse("sitter referensgruppen", Match::All).unwrap();
        let passages = Passages::new(&searcher, &*query, &fields).unwrap();
        let segment = passages.for_segment(searcher.segment_reader(0));
        let (topic, everyday) = (segment.factor(0), segment.factor(1));
        assert!(topic > 2.0 * everyday, "{topic} vs {everyday}");
    }
}
