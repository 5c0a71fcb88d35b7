//! The ranked list a search answers from, built tier by tier: sections with
//! all the query's words first, then (when those are few) sections with all
//! but one of them, then with any of them. A section is listed once, in the
//! first tier that found it, so a partial match never outranks a full one.

use super::Result;
use super::kind_weights::KindWeights;
use super::model::Sort;
use std::collections::HashSet;
use tantivy::collector::sort_key::{SortBySimilarityScore, SortByStaticFastValue};
use tantivy::collector::{Collector, Count, TopDocs};
use tantivy::{Order, Score};

/// The fast field holding each section's (document's) year.
const YEAR_FIELD: &str = "year";
use tantivy::query::Query;
use tantivy::{DocAddress, Searcher};

/// One listed section.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Listed {
    /// Where the section is in the index.
    pub address: DocAddress,
    /// Its score within its tier.
    pub score: f32,
    /// True when it lacks some of the query's words (found by a later tier).
    pub partial: bool,
}

/// The first `wanted` sections over the tiers added so far.
pub struct Listing {
    wanted: usize,
    weights: KindWeights,
    sort: Sort,
    listed: Vec<Listed>,
    seen: HashSet<DocAddress>,
    total: usize,
    full_matches: Option<usize>,
}

impl Listing {
    /// An empty listing that keeps the first `wanted` sections, each
    /// scored times its kind's weight.
    pub fn new(wanted: usize, weights: KindWeights, sort: Sort) -> Listing {
        Listing {
            wanted,
            weights,
            sort,
            listed: Vec::new(),
            seen: HashSet::new(),
            total: 0,
            full_matches: None,
        }
    }

    /// Adds the sections `query` finds that are not listed yet, after those
    /// that are. Each tier's query must find every section the earlier ones
    /// found (a relaxation of them).
    pub fn add_tier(&mut self, searcher: &Searcher, query: &dyn Query) -> Result<()> {
        let found = match self.sort {
            Sort::Relevans => searcher.search(query, &self.collector())?,
            Sort::Nyast | Sort::Aldst => by_year(searcher, query, self.wanted.max(1), self.sort)?,
        };
        self.add_found(found);
        Ok(())
    }

    /// The collector of a tier's best sections by weighed score (the
    /// listing's order when sorted by relevance) and of their number.
    pub fn collector(
        &self,
    ) -> (
        impl Collector<Fruit = Vec<(Score, DocAddress)>> + use<>,
        Count,
    ) {
        // The listed sections are among this tier's too: `wanted` of its
        // best hold every new one that can still be listed.
        (self.weights.top_docs(self.wanted.max(1)), Count)
    }

    /// True when the listing is in the order of [`Listing::collector`].
    pub fn by_score(&self) -> bool {
        self.sort == Sort::Relevans
    }

    /// Adds a tier's best sections and their number, as its collector found them.
    pub fn add_found(&mut self, (docs, total): (Vec<(Score, DocAddress)>, usize)) {
        let partial = self.full_matches.is_some();
        for (score, address) in docs {
            if self.listed.len() >= self.wanted {
                break;
            }
            if self.seen.insert(address) {
                self.listed.push(Listed {
                    address,
                    score,
                    partial,
                });
            }
        }
        self.total = self.total.max(total);
        self.full_matches.get_or_insert(total);
    }

    /// Number of sections found by all tiers together.
    pub fn total(&self) -> usize {
        self.total
    }

    /// True when later tiers found sections the first did not.
    pub fn relaxed(&self) -> bool {
        self.full_matches.is_some_and(|full| self.total > full)
    }

    /// The listed sections from `offset` on, at most `limit` of them.
    pub fn page(&self, offset: usize, limit: usize) -> &[Listed] {
        let start = offset.min(self.listed.len());
        let end = (offset + limit).min(self.listed.len());
        &self.listed[start..end]
    }
}

/// The first `limit` sections by year (newest or oldest first as `sort`
/// says), then by score, and how many match.
fn by_year(
    searcher: &Searcher,
    query: &dyn Query,
    limit: usize,
    sort: Sort,
) -> Result<(Vec<(Score, DocAddress)>, usize)> {
    let order = match sort {
        Sort::Aldst => Order::Asc,
        _ => Order::Desc,
    };
    let keys = (
        (SortByStaticFastValue::<u64>::for_field(YEAR_FIELD), order),
        (SortBySimilarityScore, Order::Desc),
    );
    let top = TopDocs::with_limit(limit).order_by(keys);
    let (docs, total) = searcher.search(query, &(top, Count))?;
    Ok((
        docs.into_iter()
            .map(|((_, score), address)| (score, address))
            .collect(),
        total,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::doc;
    use tantivy::query::QueryParser;
    use tantivy::schema::{Schema, TEXT};
    use tantivy::{Index, Searcher};

    /// An index of `texts`, one document each, and a parser over them.
    fn index(texts: &[&str]) -> (Searcher, QueryParser) {
        let mut schema = Schema::builder();
        let body = schema.add_text_field("body", TEXT);
        let index = Index::create_in_ram(schema.build());
        let mut writer = index.writer(15_000_000).unwrap();
        for text in texts {
            writer.add_document(doc!(body => *text)).unwrap();
        }
        writer.commit().unwrap();
        let parser = QueryParser::for_index(&index, vec![body]);
        (index.reader().unwrap().searcher(), parser)
    }

    fn listing(texts: &[&str], tiers: &[&str], wanted: usize) -> Listing {
        let (searcher, parser) = index(texts);
        let mut listing = Listing::new(wanted, KindWeights::builtin(), Sort::Relevans);
        for tier in tiers {
            let query = parser.parse_query(tier).unwrap();
            listing.add_tier(&searcher, &*query).unwrap();
        }
        listing
    }

    #[test]
    fn full_matches_come_before_partial_ones_however_they_score() {
        let texts = ["röd röd röd röd", "röd bil", "bil bil bil bil"];
        let listing = listing(&texts, &["+röd +bil", "röd bil"], 10);
        let page = listing.page(0, 10);
        let docs: Vec<(u32, bool)> = page.iter().map(|l| (l.address.doc_id, l.partial)).collect();
        assert_eq!(docs[0], (1, false));
        assert_eq!(page.len(), 3);
        assert!(page[1..].iter().all(|l| l.partial));
        assert_eq!(listing.total(), 3);
        assert!(listing.relaxed());
    }

    #[test]
    fn pages_run_on_from_the_full_matches_into_the_partial_ones() {
        let texts = ["a b", "a b c", "a", "b", "a c"];
        let listing = listing(&texts, &["+a +b", "a b"], 4);
        assert_eq!(listing.page(0, 2).iter().filter(|l| l.partial).count(), 0);
        assert!(listing.page(2, 2).iter().all(|l| l.partial));
        assert_eq!(listing.page(2, 10).len(), 2, "only four sections are kept");
        assert!(listing.page(9, 2).is_empty());
    }

    #[test]
    fn a_single_tier_is_not_relaxed() {
        let listing = listing(&["a b", "a"], &["+a +b"], 10);
        assert_eq!(listing.total(), 1);
        assert!(!listing.relaxed());
    }
}
