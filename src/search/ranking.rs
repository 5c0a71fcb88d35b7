//! The ranked list a search answers from: sections ([`Listing`]) or
//! reports ([`ReportListing`]), built tier by tier the same way.

use super::Result;
use super::by_report::ReportListing;
use super::kind_weights::KindWeights;
use super::listing::Listing;
use super::model::{Counts, Grouping, Sort};
use tantivy::Searcher;
use tantivy::query::Query;

/// Ranked sections or ranked reports.
pub enum Ranking {
    /// One entry per section.
    Sections(Listing),
    /// One entry per report.
    Reports(ReportListing),
}

impl Ranking {
    /// An empty ranking for `group`, keeping at least `wanted` entries.
    pub fn new(group: Grouping, wanted: usize, weights: KindWeights, sort: Sort) -> Ranking {
        match group {
            Grouping::Section => Ranking::Sections(Listing::new(wanted, weights, sort)),
            Grouping::Document => Ranking::Reports(ReportListing::new(weights, wanted, sort)),
        }
    }

    /// Adds what a (relaxed) tier's query finds, after what is listed.
    pub fn add_tier(&mut self, searcher: &Searcher, query: &dyn Query) -> Result<()> {
        match self {
            Ranking::Sections(listing) => listing.add_tier(searcher, query),
            Ranking::Reports(listing) => listing.add_tier(searcher, query),
        }
    }

    /// Entries found by all tiers together.
    pub fn total(&self) -> usize {
        match self {
            Ranking::Sections(listing) => listing.total(),
            Ranking::Reports(listing) => listing.total(),
        }
    }

    /// True when later tiers found entries the first did not.
    pub fn relaxed(&self) -> bool {
        match self {
            Ranking::Sections(listing) => listing.relaxed(),
            Ranking::Reports(listing) => listing.relaxed(),
        }
    }

    /// What the entries (and so the facet counts) count.
    pub fn counts(&self) -> Counts {
        match self {
            Ranking::Sections(_) => Counts::Sections,
            Ranking::Reports(_) => Counts::Documents,
        }
    }
}
