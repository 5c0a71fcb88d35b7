//! The ranked list a search answers from: sections ([`Listing`]) or
//! reports ([`ReportListing`]), built tier by tier the same way.

use super::Result;
use super::by_report::ReportListing;
use super::facet_counts::{self, Unit};
use super::kind_weights::KindWeights;
use super::listing::Listing;
use super::model::{Counts, Grouping, Sort};
use super::{Facets, SearchRequest};
use tantivy::Searcher;
use tantivy::collector::Collector;
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

    /// The same ranking; by report, naming every matching report when
    /// `every` (see [`ReportListing::naming_every_report`]).
    pub fn naming_every_report(self, every: bool) -> Ranking {
        match self {
            Ranking::Reports(listing) => Ranking::Reports(listing.naming_every_report(every)),
            sections => sections,
        }
    }

    /// Adds what the first tier finds and counts the facets over all its
    /// matches, in one pass over `unfiltered` (the tier's query without the
    /// request's filters; `filtered` is the same with them) where the
    /// listing allows (see [`facet_counts::count_with`]); otherwise adds the
    /// tier from `filtered` and leaves the counting to the caller (`None`).
    pub fn add_first_tier(
        &mut self,
        searcher: &Searcher,
        (unfiltered, filtered): (&dyn Query, &dyn Query),
        request: &SearchRequest,
    ) -> Result<Option<Facets>> {
        let unit = self.unit();
        let pass = (searcher, unfiltered, request, unit);
        match self {
            Ranking::Sections(listing) if listing.by_score() => {
                counted(pass, listing.collector(), |found| listing.add_found(found))
            }
            Ranking::Reports(listing) => {
                counted(pass, listing.collector(), |found| listing.add_found(found))
            }
            Ranking::Sections(listing) => {
                listing.add_tier(searcher, filtered)?;
                Ok(None)
            }
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

    /// What the facet counts count: sections or reports, as the entries.
    pub fn unit(&self) -> Unit {
        match self {
            Ranking::Sections(_) => Unit::Sections,
            Ranking::Reports(_) => Unit::Reports,
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

/// What one pass of [`facet_counts::count_with`] needs besides the listing's collector.
type Pass<'a> = (&'a Searcher, &'a dyn Query, &'a SearchRequest, Unit);

/// Runs `collector` inside the facet counter and hands what it found to `add`.
fn counted<C: Collector>(
    (searcher, query, request, unit): Pass,
    collector: C,
    add: impl FnOnce(C::Fruit),
) -> Result<Option<Facets>> {
    let (facets, found) = facet_counts::count_with(searcher, query, request, unit, collector)?;
    add(found);
    Ok(Some(facets))
}
