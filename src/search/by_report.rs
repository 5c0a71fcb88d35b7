//! Results by report: every matching section is scored once (times its
//! kind's weight) and gathered under its report, which ranks by its best
//! section, a little higher when further sections answer too. Reports are
//! listed tier by tier like sections ([`super::listing`]): those with a
//! section holding all the words first, then those found by a relaxed tier.

use super::Result;
use super::kind_weights::KindWeights;
use super::model::Sort;
use super::report_collector::{ByReport, FoundReports};
use std::collections::HashSet;
use tantivy::query::Query;
use tantivy::{DocAddress, Score, Searcher};

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
        report_score(self.sections.iter().map(|s| s.score))
    }
}

/// A report's score from its sections' scores, best first: the best one's,
/// plus a little of the next two.
pub fn report_score(mut scores: impl Iterator<Item = Score>) -> Score {
    let best = scores.next().unwrap_or(0.0);
    best + scores
        .zip(FURTHER_SECTION_WEIGHTS)
        .map(|(s, w)| s * w)
        .sum::<Score>()
}

/// The ranked reports over the tiers added so far.
pub struct ReportListing {
    weights: KindWeights,
    wanted: usize,
    sort: Sort,
    reports: Vec<ReportMatch>,
    /// Ids listed so far, once a relaxed tier needs them.
    seen: HashSet<String>,
    tiers: usize,
    full_matches: usize,
    /// Matching reports the first tier counted without naming them.
    unnamed: usize,
    /// True when every matching report is named (see [`Self::all`]).
    every: bool,
}

impl ReportListing {
    /// An empty listing, each section scored by `weights`; the first
    /// `wanted` reports are ranked exactly, those after them may be ranked
    /// by what they could score (see [`super::report_collector`]).
    pub fn new(weights: KindWeights, wanted: usize, sort: Sort) -> ReportListing {
        ReportListing {
            weights,
            wanted,
            sort,
            reports: Vec::new(),
            seen: HashSet::new(),
            tiers: 0,
            full_matches: 0,
            unnamed: 0,
            every: false,
        }
    }

    /// The same listing, naming every matching report when `every`; by
    /// default a tier that matches many reports names only those that can
    /// reach the page and counts the rest.
    pub fn naming_every_report(mut self, every: bool) -> ReportListing {
        self.every = every;
        self
    }

    /// Adds the reports `query` finds that are not listed yet, after those
    /// that are (each tier relaxes the one before).
    pub fn add_tier(&mut self, searcher: &Searcher, query: &dyn Query) -> Result<()> {
        let found = searcher.search(query, &self.collector())?;
        self.add_found(found);
        Ok(())
    }

    /// The collector of a tier's reports.
    pub fn collector(&self) -> ByReport {
        ByReport {
            weights: self.weights.clone(),
            wanted: (self.sort == Sort::Relevans).then_some(self.wanted),
            // A relaxed tier lists only reports the first did not: it needs
            // every id (and runs only when the first found few reports).
            every: self.every || self.tiers > 0,
        }
    }

    /// Adds a tier's reports, as its collector found them, after those listed.
    pub fn add_found(&mut self, found: FoundReports) {
        if self.tiers == 0 {
            self.unnamed = found.unnamed;
        }
        let mut ranked: Vec<(Score, ReportMatch)> =
            found.named.into_iter().map(|r| (r.score(), r)).collect();
        let sort = self.sort;
        let order = |(a_score, a): &(Score, ReportMatch), (b_score, b): &(Score, ReportMatch)| {
            let by_year = match sort {
                Sort::Relevans => std::cmp::Ordering::Equal,
                Sort::Nyast => b.year.cmp(&a.year),
                Sort::Aldst => (a.year == 0, a.year).cmp(&(b.year == 0, b.year)),
            };
            by_year
                .then_with(|| b_score.total_cmp(a_score))
                .then_with(|| a.doc_id.cmp(&b.doc_id))
        };
        // Only the first `wanted` are ranked: those after them are not shown.
        let ranked_part = if self.wanted < ranked.len() {
            ranked.select_nth_unstable_by(self.wanted, order);
            &mut ranked[..self.wanted]
        } else {
            &mut ranked[..]
        };
        ranked_part.sort_unstable_by(order);
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
            self.full_matches = self.total();
        }
        self.tiers += 1;
    }

    /// Every report named so far, in rank order: all that match when the
    /// listing names every report, otherwise at least those up to the
    /// page's end.
    pub fn all(&self) -> &[ReportMatch] {
        &self.reports
    }

    /// Number of reports found by all tiers together.
    pub fn total(&self) -> usize {
        self.reports.len() + self.unnamed
    }

    /// True when later tiers found reports the first did not.
    pub fn relaxed(&self) -> bool {
        self.total() > self.full_matches
    }

    /// The listed reports from `offset` on, at most `limit` of them.
    pub fn page(&self, offset: usize, limit: usize) -> &[ReportMatch] {
        let start = offset.min(self.reports.len());
        let end = offset.saturating_add(limit).min(self.reports.len());
        &self.reports[start..end]
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::report_collector::NAME_ALL_UP_TO;
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
        let mut listing = ReportListing::new(KindWeights::none(), 10, Sort::Relevans);
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
        let mut listing = ReportListing::new(KindWeights::none(), 10, Sort::Relevans);
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

    /// Reports of `per_report` sections drawn from a small vocabulary, the
    /// listing of every report beside listings that want only a page.
    fn pruned_and_every(
        sections: usize,
        per_report: usize,
        words: &str,
    ) -> Vec<(usize, ReportListing)> {
        use crate::search::body_index::{drawn_texts, report_index};
        use crate::search::passages::Passages;
        let texts = drawn_texts(sections, 100);
        let ids: Vec<String> = (0..texts.len())
            .map(|i| format!("r{:04}", i / per_report))
            .collect();
        let sections: Vec<(&str, &str)> = ids
            .iter()
            .map(String::as_str)
            .zip(texts.iter().map(String::as_str))
            .collect();
        let (searcher, fields, _) = report_index(&sections);
        let mut parser = QueryParser::for_index(searcher.index(), vec![fields.body]);
        parser.set_conjunction_by_default();
        let query = parser.parse_query(words).unwrap();
        let weights = KindWeights::none().with_passages(Passages::new(&searcher, &*query, &fields));
        [usize::MAX, 1, 3, 5, 10, 15, 25, 40]
            .into_iter()
            .map(|wanted| {
                let mut listing = ReportListing::new(weights.clone(), wanted, Sort::Relevans);
                listing.add_tier(&searcher, &*query).unwrap();
                (wanted, listing)
            })
            .collect()
    }

    #[test]
    fn reports_that_cannot_reach_the_page_change_nothing_on_it() {
        let listings = pruned_and_every(900, 9, "deltagare arbete samverkan");
        let every = &listings[0].1;
        assert!(every.total() > 50, "most reports match: {}", every.total());
        for (wanted, pruned) in &listings[1..] {
            assert_eq!(pruned.total(), every.total());
            assert_eq!(
                pruned.page(0, *wanted),
                every.page(0, *wanted),
                "wanted {wanted}"
            );
        }
    }

    #[test]
    fn a_page_of_many_reports_names_only_those_that_can_reach_it() {
        let listings = pruned_and_every(4 * (NAME_ALL_UP_TO + 300), 4, "deltagare");
        let every = &listings[0].1;
        assert!(every.total() > NAME_ALL_UP_TO, "reports: {}", every.total());
        assert_eq!(every.all().len(), every.total(), "every report named");
        for (wanted, pruned) in &listings[1..] {
            assert_eq!(pruned.total(), every.total(), "wanted {wanted}");
            assert!(!pruned.relaxed());
            assert!(pruned.all().len() < every.total() / 2, "wanted {wanted}");
            assert_eq!(
                pruned.page(0, *wanted),
                every.page(0, *wanted),
                "wanted {wanted}"
            );
        }
    }
}
