//! The collector behind results by report ([`super::by_report`]): every
//! matching section is counted under its report, and the reports that can
//! reach the page get their best sections scored in full.
//!
//! A section's full score is its score times its kind's weight (the
//! *bound*, one fast-field read) times its passage factor (which reads
//! positions, and is at most 1). A report's score is its best section's
//! plus a little of the next two, so the bounds of its three best sections
//! bound it from above. Per segment, the `wanted` reports with the highest
//! bounds are scored in full first; the `wanted`-th best full score is then
//! a threshold, and only the reports whose bound reaches it are scored too.
//! The others cannot be on the page: they are listed after it, ranked by
//! their bound. A segment's best `wanted` reports are all scored in full, so
//! the best `wanted` over all segments are.
//!
//! Naming a report (its id from the dictionary, its sections) costs
//! allocations; a broad query at national size matches tens of thousands
//! of reports, and a page shows ten. So a segment that matched more than
//! [`NAME_ALL_UP_TO`] reports names only those scoring at least its
//! `wanted`-th best (ties included) and counts the others, unless the
//! caller asks for every report.

use super::by_report::{ReportMatch, SHOWN_SECTIONS, SectionMatch, report_score};
use super::kind_weights::{KindWeights, SegmentWeights};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::{DocAddress, DocId, Score, SegmentOrdinal, SegmentReader};

/// A segment matching up to this many reports names them all: a listing that
/// small may be followed by a relaxed tier, which needs every id (it
/// follows only under [`super::FILL_UNDER`] reports).
pub const NAME_ALL_UP_TO: usize = 1_000;

/// Collects every matching section under its report.
pub struct ByReport {
    /// How sections are weighed.
    pub weights: KindWeights,
    /// Reports that must be scored in full (the page and those before
    /// it); `None` scores every report in full (when ranking by year).
    pub wanted: Option<usize>,
    /// Name every matching report, not only those that can reach the page.
    pub every: bool,
}

/// The reports a tier found: those named, and how many more were counted.
#[derive(Debug, Default)]
pub struct FoundReports {
    /// The reports named, in no order.
    pub named: Vec<ReportMatch>,
    /// Matching reports not named (they cannot reach the page).
    pub unnamed: usize,
}

impl Collector for ByReport {
    type Fruit = FoundReports;
    type Child = SegmentByReport;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentByReport> {
        let ids = reader.fast_fields().str("doc_id")?;
        let reports = ids.as_ref().map_or(0, |ids| ids.dictionary().num_terms());
        Ok(SegmentByReport {
            segment,
            reader: reader.clone(),
            ids,
            years: reader.fast_fields().u64("year").ok(),
            weights: self.weights.clone(),
            // Bounds need no passage postings: open them only to score in full.
            bounds: self.weights.clone().with_passages(None).for_segment(reader),
            wanted: self.wanted,
            every: self.every,
            matches: Vec::new(),
            slots: vec![Slot::EMPTY; reports],
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    /// A report's sections are added in one batch (`IndexWriter::run`), so
    /// they lie in one segment: the segments' reports are only put together.
    fn merge_fruits(&self, fruits: Vec<FoundReports>) -> tantivy::Result<FoundReports> {
        let unnamed = fruits.iter().map(|f| f.unnamed).sum();
        let named = fruits.into_iter().flat_map(|f| f.named).collect();
        Ok(FoundReports { named, unnamed })
    }
}

/// One segment's sections gathered by their report's term ordinal: a slot
/// per report of the segment, so a match costs an index, not a hash lookup.
pub struct SegmentByReport {
    segment: SegmentOrdinal,
    reader: SegmentReader,
    ids: Option<StrColumn>,
    years: Option<Column<u64>>,
    weights: KindWeights,
    bounds: SegmentWeights,
    wanted: Option<usize>,
    every: bool,
    /// (section, its bound, its report's slot), in document order; kept
    /// only when sections have a passage factor to work out.
    matches: Vec<(DocId, Score, u32)>,
    slots: Vec<Slot>,
}

/// A report's matches within one segment: how many, and the best few.
#[derive(Clone, Copy)]
struct Slot {
    count: u32,
    year: u64,
    /// The best sections by full score (or by bound, when not scored in full).
    best: [(DocId, Score); SHOWN_SECTIONS],
    /// The highest bounds of its sections.
    bounds: [Score; SHOWN_SECTIONS],
    /// True once its sections are scored in full.
    scored: bool,
}

impl Slot {
    const EMPTY: Slot = Slot {
        count: 0,
        year: 0,
        best: [(0, Score::NEG_INFINITY); SHOWN_SECTIONS],
        bounds: [Score::NEG_INFINITY; SHOWN_SECTIONS],
        scored: false,
    };

    /// Keeps section `doc` when it is among the best few. Its score is
    /// `full(bound)`, at most `bound`: not worked out when the bound
    /// already falls short of the best few.
    fn add(&mut self, doc: DocId, bound: Score, full: impl FnOnce(Score) -> Score) {
        if bound <= self.best[SHOWN_SECTIONS - 1].1 {
            return;
        }
        let score = full(bound);
        let Some(at) = self.best.iter().position(|&(_, s)| score > s) else {
            return;
        };
        self.best.copy_within(at..SHOWN_SECTIONS - 1, at + 1);
        self.best[at] = (doc, score);
    }

    /// Notes a section's bound among the highest few.
    fn note_bound(&mut self, bound: Score) {
        if let Some(at) = self.bounds.iter().position(|&b| bound > b) {
            self.bounds.copy_within(at..SHOWN_SECTIONS - 1, at + 1);
            self.bounds[at] = bound;
        }
    }

    /// The highest score the report can have.
    fn bound(&self) -> Score {
        report_score(self.bounds.iter().copied().take(self.shown()))
    }

    /// Its score from the sections kept.
    fn score(&self) -> Score {
        report_score(self.best.iter().map(|&(_, s)| s).take(self.shown()))
    }

    fn shown(&self) -> usize {
        (self.count as usize).min(SHOWN_SECTIONS)
    }

    /// The report these matches make, its id still to be named.
    fn report(&self, segment: SegmentOrdinal) -> ReportMatch {
        ReportMatch {
            doc_id: String::new(),
            sections: self.best[..self.shown()]
                .iter()
                .map(|&(doc, score)| SectionMatch {
                    address: DocAddress::new(segment, doc),
                    score,
                })
                .collect(),
            count: self.count as usize,
            partial: false,
            year: self.year,
        }
    }
}

impl SegmentByReport {
    /// Scores in full the sections of the reports that can reach the page,
    /// and keeps the others' best sections by bound.
    fn score_reports(&mut self) {
        let order: Vec<usize> = (0..self.slots.len())
            .filter(|&s| self.slots[s].count > 0)
            .collect();
        let Some(wanted) = self.wanted else {
            self.score_in_full(&order);
            return;
        };
        let mut bounded: Vec<(Score, usize)> =
            order.iter().map(|&s| (self.slots[s].bound(), s)).collect();
        let first = top(&mut bounded, wanted);
        let first: Vec<usize> = first.iter().map(|&(_, s)| s).collect();
        self.score_in_full(&first);
        let mut scores: Vec<(Score, usize)> =
            first.iter().map(|&s| (self.slots[s].score(), s)).collect();
        let floor = threshold(&mut scores, wanted);
        let mut reaching: Vec<(Score, usize)> = bounded[first.len()..]
            .iter()
            .filter(|&&(bound, _)| bound >= floor)
            .copied()
            .collect();
        reaching.sort_unstable_by(|a, b| b.0.total_cmp(&a.0));
        // In rounds of growing size, highest bounds first: each round's full
        // scores raise the threshold the next round's bounds must reach.
        let (mut start, mut round) = (0, wanted.max(1));
        while start < reaching.len() {
            let floor = threshold(&mut scores, wanted);
            let batch: Vec<usize> = reaching[start..(start + round).min(reaching.len())]
                .iter()
                .take_while(|&&(bound, _)| bound >= floor)
                .map(|&(_, s)| s)
                .collect();
            if batch.is_empty() {
                break;
            }
            self.score_in_full(&batch);
            scores.extend(batch.iter().map(|&s| (self.slots[s].score(), s)));
            start += batch.len();
            round *= 2;
        }
        for &(doc, bound, slot) in &self.matches {
            let slot = &mut self.slots[slot as usize];
            if !slot.scored {
                slot.add(doc, bound, |bound| bound);
            }
        }
    }

    /// The ordinals of `matched` to name, in order: all of them, unless a
    /// page is wanted and the segment matched more than [`NAME_ALL_UP_TO`]
    /// reports; then those scoring at least the `wanted`-th best (ties
    /// included, so the page's order by id among equals holds).
    fn to_name(&self, matched: Vec<u64>) -> Vec<u64> {
        let score = |ord: u64| self.slots[ord as usize].score();
        let wanted = match self.wanted {
            Some(wanted) if !self.every && matched.len() > NAME_ALL_UP_TO => wanted,
            _ => return matched,
        };
        let mut scores: Vec<(Score, usize)> = matched
            .iter()
            .map(|&ord| (score(ord), ord as usize))
            .collect();
        let floor = threshold(&mut scores, wanted);
        matched
            .into_iter()
            .filter(|&ord| score(ord) >= floor)
            .collect()
    }

    /// Scores the sections of `slots` in full, in document order (positions
    /// are read forward, so each call reads them anew).
    fn score_in_full(&mut self, slots: &[usize]) {
        if slots.is_empty() {
            return;
        }
        let mut now = vec![false; self.slots.len()];
        for &s in slots {
            now[s] = true;
            self.slots[s].scored = true;
        }
        let weigher = self.weights.for_segment(&self.reader);
        for &(doc, bound, slot) in &self.matches {
            if now[slot as usize] {
                let full = |bound| weigher.exact(doc, bound);
                self.slots[slot as usize].add(doc, bound, full);
            }
        }
    }
}

/// The lowest of the `n` best full scores so far: what a report must be
/// able to reach to be on the page (none before `n` are scored; nothing
/// reaches a page of none).
fn threshold(scores: &mut [(Score, usize)], n: usize) -> Score {
    if scores.len() < n {
        return Score::NEG_INFINITY;
    }
    top(scores, n)
        .iter()
        .map(|&(s, _)| s)
        .fold(Score::INFINITY, Score::min)
}

/// The `n` highest of `scored` (moved to its front, in no order), found
/// without sorting the rest.
fn top(scored: &mut [(Score, usize)], n: usize) -> &[(Score, usize)] {
    if n == 0 {
        return &[];
    }
    if n < scored.len() {
        scored.select_nth_unstable_by(n - 1, |a, b| b.0.total_cmp(&a.0));
    }
    &scored[..n.min(scored.len())]
}

impl SegmentCollector for SegmentByReport {
    type Fruit = FoundReports;

    fn collect(&mut self, doc: DocId, score: Score) {
        let Some(ord) = self.ids.as_ref().and_then(|ids| ids.term_ords(doc).next()) else {
            return;
        };
        let Some(slot) = self.slots.get_mut(ord as usize) else {
            return;
        };
        if slot.count == 0 {
            slot.year = self.years.as_ref().and_then(|c| c.first(doc)).unwrap_or(0);
        }
        slot.count += 1;
        let bound = self.bounds.bound(doc, score);
        if self.weights.has_passages() {
            slot.note_bound(bound);
            self.matches.push((doc, bound, ord as u32));
        } else {
            slot.add(doc, bound, |bound| bound);
        }
    }

    /// Names each report to name ([`Self::to_name`]) by its id, walking
    /// the id dictionary once in ordinal order (one block decompressed
    /// after another), not looking up each report on its own.
    fn harvest(mut self) -> FoundReports {
        if self.weights.has_passages() {
            self.score_reports();
        }
        let Some(ids) = self.ids.take() else {
            return FoundReports::default();
        };
        let matched: Vec<u64> = (0..self.slots.len() as u64)
            .filter(|&ord| self.slots[ord as usize].count > 0)
            .collect();
        let matching = matched.len();
        let ords = self.to_name(matched);
        let mut names = Vec::with_capacity(ords.len());
        let _ = ids.dictionary().sorted_ords_to_term_cb(&ords, |bytes| {
            names.push(String::from_utf8_lossy(bytes).into_owned());
        });
        let named = ords
            .iter()
            .zip(names)
            .map(|(&ord, id)| {
                let mut report = self.slots[ord as usize].report(self.segment);
                report.doc_id = id;
                report
            })
            .collect();
        FoundReports {
            named,
            unnamed: matching - ords.len(),
        }
    }
}
