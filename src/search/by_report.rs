//! Results by report: every matching section is scored once (times its
//! kind's weight) and gathered under its report, which ranks by its best
//! section, a little higher when further sections answer too. Reports are
//! listed tier by tier like sections ([`super::listing`]): those with a
//! section holding all the words first, then those found by a relaxed tier.

use super::Result;
use super::kind_weights::{KindWeights, SegmentWeights};
use super::model::Sort;
use std::collections::HashSet;
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::{Column, StrColumn};
use tantivy::query::Query;
use tantivy::{DocAddress, DocId, Score, Searcher, SegmentOrdinal, SegmentReader};

/// Sections kept per report to show (the best first).
pub const SHOWN_SECTIONS: usize = 3;
/// How much the second and third best sections add to a report's score.
const FURTHER_SECTION_WEIGHTS: [Score; 2] = [0.15, 0.05];

/// One matching section of a report.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SectionMatch {
    /// Where it is.
    pub address: DocAddress,
    /// Its weighted score.
    pub score: Score,
}

/// A matching report: its best sections and how many matched.
#[derive(Debug, Clone, PartialEq)]
pub struct ReportMatch {
    /// The document id.
    pub doc_id: String,
    /// Its best sections, best first (at most [`SHOWN_SECTIONS`]).
    pub sections: Vec<SectionMatch>,
    /// Matching sections in all.
    pub count: usize,
    /// True when found by a relaxed tier only.
    pub partial: bool,
    /// The report's year (0 when unknown).
    pub year: u64,
}

impl ReportMatch {
    /// The report's score: its best section's, plus a little of the next two.
    pub fn score(&self) -> Score {
        let mut scores = self.sections.iter().map(|s| s.score);
        let best = scores.next().unwrap_or(0.0);
        best + scores
            .zip(FURTHER_SECTION_WEIGHTS)
            .map(|(s, w)| s * w)
            .sum::<Score>()
    }
}

/// The ranked reports over the tiers added so far.
pub struct ReportListing {
    weights: KindWeights,
    sort: Sort,
    reports: Vec<ReportMatch>,
    /// Ids listed so far, once a relaxed tier needs them.
    seen: HashSet<String>,
    tiers: usize,
    full_matches: usize,
}

impl ReportListing {
    /// An empty listing, each section scored times its kind's weight.
    pub fn new(weights: KindWeights, sort: Sort) -> ReportListing {
        ReportListing {
            weights,
            sort,
            reports: Vec::new(),
            seen: HashSet::new(),
            tiers: 0,
            full_matches: 0,
        }
    }

    /// Adds the reports `query` finds that are not listed yet, after those
    /// that are (each tier relaxes the one before).
    pub fn add_tier(&mut self, searcher: &Searcher, query: &dyn Query) -> Result<()> {
        let collector = ByReport {
            weights: self.weights.clone(),
        };
        let found = searcher.search(query, &collector)?;
        let mut ranked: Vec<(Score, ReportMatch)> =
            found.into_iter().map(|r| (r.score(), r)).collect();
        let sort = self.sort;
        ranked.sort_unstable_by(|(a_score, a), (b_score, b)| {
            let by_year = match sort {
                Sort::Relevans => std::cmp::Ordering::Equal,
                Sort::Nyast => b.year.cmp(&a.year),
                Sort::Aldst => (a.year == 0, a.year).cmp(&(b.year == 0, b.year)),
            };
            by_year
                .then_with(|| b_score.total_cmp(a_score))
                .then_with(|| a.doc_id.cmp(&b.doc_id))
        });
        if self.tiers == 1 {
            // Only a second tier needs to know what the first listed.
            self.seen = self.reports.iter().map(|r| r.doc_id.clone()).collect();
        }
        let partial = self.tiers > 0;
        for (_, mut report) in ranked {
            if partial && !self.seen.insert(report.doc_id.clone()) {
                continue;
            }
            report.partial = partial;
            self.reports.push(report);
        }
        if self.tiers == 0 {
            self.full_matches = self.reports.len();
        }
        self.tiers += 1;
        Ok(())
    }

    /// Every report listed so far, in rank order.
    pub fn all(&self) -> &[ReportMatch] {
        &self.reports
    }

    /// Number of reports found by all tiers together.
    pub fn total(&self) -> usize {
        self.reports.len()
    }

    /// True when later tiers found reports the first did not.
    pub fn relaxed(&self) -> bool {
        self.reports.len() > self.full_matches
    }

    /// The listed reports from `offset` on, at most `limit` of them.
    pub fn page(&self, offset: usize, limit: usize) -> &[ReportMatch] {
        let start = offset.min(self.reports.len());
        let end = offset.saturating_add(limit).min(self.reports.len());
        &self.reports[start..end]
    }
}

/// Collects every matching section under its report.
struct ByReport {
    weights: KindWeights,
}

impl Collector for ByReport {
    type Fruit = Vec<ReportMatch>;
    type Child = SegmentByReport;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        reader: &SegmentReader,
    ) -> tantivy::Result<SegmentByReport> {
        Ok(SegmentByReport::new(
            segment,
            reader.fast_fields().str("doc_id")?,
            reader.fast_fields().u64("year").ok(),
            self.weights.for_segment(reader),
        ))
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    /// A report's sections are added in one batch (`IndexWriter::run`), so
    /// they lie in one segment: the segments' reports are only put together.
    fn merge_fruits(&self, fruits: Vec<Vec<ReportMatch>>) -> tantivy::Result<Vec<ReportMatch>> {
        Ok(fruits.into_iter().flatten().collect())
    }
}

/// One segment's sections gathered by their report's term ordinal: a slot
/// per report of the segment, so a match costs an index, not a hash lookup
/// or an allocation.
struct SegmentByReport {
    segment: SegmentOrdinal,
    ids: Option<StrColumn>,
    years: Option<Column<u64>>,
    weights: SegmentWeights,
    slots: Vec<Slot>,
}

impl SegmentByReport {
    fn new(
        segment: SegmentOrdinal,
        ids: Option<StrColumn>,
        years: Option<Column<u64>>,
        weights: SegmentWeights,
    ) -> SegmentByReport {
        let reports = ids.as_ref().map_or(0, |ids| ids.dictionary().num_terms());
        SegmentByReport {
            segment,
            ids,
            years,
            weights,
            slots: vec![Slot::EMPTY; reports],
        }
    }
}

/// A report's matches within one segment: how many, and the best few.
#[derive(Clone, Copy)]
struct Slot {
    count: u32,
    year: u64,
    best: [(DocId, Score); SHOWN_SECTIONS],
}

impl Slot {
    const EMPTY: Slot = Slot {
        count: 0,
        year: 0,
        best: [(0, Score::NEG_INFINITY); SHOWN_SECTIONS],
    };

    /// Counts a section and keeps it when it is among the best few. Its
    /// score is `exact(bound)`, at most `bound`: it is not worked out when
    /// the bound already falls short of the best few.
    fn add(&mut self, doc: DocId, bound: Score, exact: impl FnOnce(Score) -> Score) {
        self.count += 1;
        if bound <= self.best[SHOWN_SECTIONS - 1].1 {
            return;
        }
        let score = exact(bound);
        let Some(at) = self.best.iter().position(|&(_, s)| score > s) else {
            return;
        };
        self.best.copy_within(at..SHOWN_SECTIONS - 1, at + 1);
        self.best[at] = (doc, score);
    }

    /// The report these matches make, its id still to be named.
    fn report(&self, segment: SegmentOrdinal) -> ReportMatch {
        let shown = (self.count as usize).min(SHOWN_SECTIONS);
        ReportMatch {
            doc_id: String::new(),
            sections: self.best[..shown]
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

impl SegmentCollector for SegmentByReport {
    type Fruit = Vec<ReportMatch>;

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
        let weights = &self.weights;
        slot.add(doc, weights.bound(doc, score), |bound| {
            weights.exact(doc, bound)
        });
    }

    /// Names each report by its id, walking the id dictionary once in
    /// ordinal order (one block decompressed after another), not looking up
    /// each of the thousands of matching reports on its own.
    fn harvest(self) -> Vec<ReportMatch> {
        let Some(ids) = self.ids else {
            return Vec::new();
        };
        let ords: Vec<u64> = (0..self.slots.len() as u64)
            .filter(|&ord| self.slots[ord as usize].count > 0)
            .collect();
        let mut names = Vec::with_capacity(ords.len());
        let _ = ids.dictionary().sorted_ords_to_term_cb(&ords, |bytes| {
            names.push(String::from_utf8_lossy(bytes).into_owned());
        });
        ords.iter()
            .zip(names)
            .map(|(&ord, id)| {
                let mut report = self.slots[ord as usize].report(self.segment);
                report.doc_id = id;
                report
            })
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::doc;
    use tantivy::query::QueryParser;
    use tantivy::schema::{FAST, STRING, Schema, TEXT};
    use tantivy::{Index, IndexWriter};

    /// An index of (report, section text) pairs, and a parser over the text.
    fn index(sections: &[(&str, &str)]) -> (Searcher, QueryParser) {
        let mut schema = Schema::builder();
        let doc_id = schema.add_text_field("doc_id", STRING | FAST);
        let body = schema.add_text_field("body", TEXT);
        let index = Index::create_in_ram(schema.build());
        let mut writer: IndexWriter = index.writer(15_000_000).unwrap();
        for (id, text) in sections {
            writer
                .add_document(doc!(doc_id => *id, body => *text))
                .unwrap();
        }
        writer.commit().unwrap();
        let parser = QueryParser::for_index(&index, vec![body]);
        (index.reader().unwrap().searcher(), parser)
    }

    #[test]
    fn sections_gather_under_their_report_and_reports_rank_by_their_best() {
        let (searcher, parser) = index(&[
            ("a", "nollplacerade"),
            ("a", "nollplacerade samverkan"),
            ("a", "nollplacerade och mer"),
            ("a", "nollplacerade igen"),
            ("b", "nollplacerade nollplacerade nollplacerade"),
            ("c", "samverkan"),
        ]);
        let mut listing = ReportListing::new(KindWeights::none(), Sort::Relevans);
        listing
            .add_tier(
                &searcher,
                &*parser.parse_query("+nollplacerade +samverkan").unwrap(),
            )
            .unwrap();
        listing
            .add_tier(
                &searcher,
                &*parser.parse_query("nollplacerade samverkan").unwrap(),
            )
            .unwrap();
        let page = listing.page(0, 10);
        let ids: Vec<&str> = page.iter().map(|r| r.doc_id.as_str()).collect();
        assert_eq!(ids[0], "a", "the report with all the words comes first");
        assert_eq!(page[0].count, 1);
        assert_eq!(listing.total(), 3);
        assert!(listing.relaxed());
        assert!(page[1..].iter().all(|r| r.partial));
        assert_eq!(listing.page(1, 1).len(), 1);
    }

    #[test]
    fn a_report_keeps_its_three_best_sections_and_counts_all() {
        let (searcher, parser) = index(&[
            ("a", "ips"),
            ("a", "ips ips"),
            ("a", "ips ips ips"),
            ("a", "ips och annat och mer text här"),
            ("b", "ips ips ips"),
        ]);
        let mut listing = ReportListing::new(KindWeights::none(), Sort::Relevans);
        listing
            .add_tier(&searcher, &*parser.parse_query("ips").unwrap())
            .unwrap();
        let a = listing
            .page(0, 2)
            .iter()
            .find(|r| r.doc_id == "a")
            .unwrap()
            .clone();
        assert_eq!((a.count, a.sections.len()), (4, 3));
        assert!(a.sections.windows(2).all(|w| w[0].score >= w[1].score));
        let b = listing.page(0, 2).iter().find(|r| r.doc_id == "b").unwrap();
        assert!(
            a.score() > a.sections[0].score,
            "further sections add a little"
        );
        assert!(b.score() == b.sections[0].score);
    }
}
