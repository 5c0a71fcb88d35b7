//! A search's time budget: a deadline, and a flag the caller sets when
//! nobody waits for the answer any more (the client went away).
//!
//! Every query a search runs is wrapped in [`Budget::bound`]: its scorers
//! stop matching once the budget is spent, so a search that would take long
//! ends soon after its deadline instead of burning a core for minutes, and
//! [`Budget::check`] then turns the cut-short answer into
//! [`SearchError::TimedOut`].

use super::{Result, SearchError};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};
use tantivy::query::{EnableScoring, Explanation, Query, Scorer, Weight};
use tantivy::{DocId, DocSet, Score, SegmentReader, TERMINATED, Term};

/// Matches a scorer steps through between two looks at the clock.
const CHECK_EVERY: u32 = 4_096;

/// How long a search may take, and whether it is still wanted.
#[derive(Debug, Clone)]
pub struct Budget {
    deadline: Option<Instant>,
    cancelled: Arc<AtomicBool>,
}

impl Budget {
    /// No deadline (the CLI, tests, benchmarks).
    pub fn unlimited() -> Budget {
        Budget {
            deadline: None,
            cancelled: Arc::new(AtomicBool::new(false)),
        }
    }

    /// A budget of `time` from now.
    pub fn of(time: Duration) -> Budget {
        Budget {
            deadline: Some(Instant::now() + time),
            ..Budget::unlimited()
        }
    }

    /// This budget with `time` from now, still cancelled with it: for a
    /// search that first waited for something not its own doing.
    pub fn restarted(&self, time: Duration) -> Budget {
        Budget {
            deadline: Some(Instant::now() + time),
            cancelled: self.cancelled.clone(),
        }
    }

    /// Marks the search as no longer wanted; it stops at its next check.
    pub fn cancel(&self) {
        self.cancelled.store(true, Ordering::Relaxed);
    }

    /// True when the deadline has passed or the search was cancelled.
    pub fn spent(&self) -> bool {
        self.cancelled.load(Ordering::Relaxed) || self.deadline.is_some_and(|d| Instant::now() > d)
    }

    /// [`SearchError::TimedOut`] once the budget is spent.
    pub fn check(&self) -> Result<()> {
        if self.spent() {
            return Err(SearchError::TimedOut);
        }
        Ok(())
    }

    /// `query`, whose matching stops when this budget is spent (unchanged
    /// for an unlimited budget).
    pub fn bound(&self, query: Box<dyn Query>) -> Box<dyn Query> {
        if self.deadline.is_none() {
            return query;
        }
        Box::new(Bounded {
            inner: query,
            budget: self.clone(),
        })
    }
}

/// A query that matches what its inner query matches until the budget is spent.
#[derive(Debug)]
struct Bounded {
    inner: Box<dyn Query>,
    budget: Budget,
}

impl Clone for Bounded {
    fn clone(&self) -> Bounded {
        Bounded {
            inner: self.inner.box_clone(),
            budget: self.budget.clone(),
        }
    }
}

impl Query for Bounded {
    fn weight(&self, scoring: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        Ok(Box::new(BoundedWeight {
            inner: self.inner.weight(scoring)?,
            budget: self.budget.clone(),
        }))
    }

    fn query_terms<'a>(&'a self, visitor: &mut dyn FnMut(&'a Term, bool)) {
        self.inner.query_terms(visitor);
    }
}

struct BoundedWeight {
    inner: Box<dyn Weight>,
    budget: Budget,
}

impl Weight for BoundedWeight {
    fn scorer(&self, reader: &SegmentReader, boost: Score) -> tantivy::Result<Box<dyn Scorer>> {
        Ok(Box::new(BoundedScorer {
            inner: self.inner.scorer(reader, boost)?,
            budget: self.budget.clone(),
            steps: 0,
            stopped: self.budget.spent(),
        }))
    }

    fn explain(&self, reader: &SegmentReader, doc: DocId) -> tantivy::Result<Explanation> {
        self.inner.explain(reader, doc)
    }
}

/// Steps through the inner scorer, ending early once the budget is spent.
struct BoundedScorer {
    inner: Box<dyn Scorer>,
    budget: Budget,
    steps: u32,
    stopped: bool,
}

impl BoundedScorer {
    /// Counts a step; true when the budget ran out at this step.
    fn out_of_time(&mut self) -> bool {
        self.steps += 1;
        if self.steps.is_multiple_of(CHECK_EVERY) && self.budget.spent() {
            self.stopped = true;
        }
        self.stopped
    }
}

impl DocSet for BoundedScorer {
    fn advance(&mut self) -> DocId {
        if self.out_of_time() {
            return TERMINATED;
        }
        self.inner.advance()
    }

    fn seek(&mut self, target: DocId) -> DocId {
        if self.out_of_time() {
            return TERMINATED;
        }
        self.inner.seek(target)
    }

    fn doc(&self) -> DocId {
        if self.stopped {
            return TERMINATED;
        }
        self.inner.doc()
    }

    fn size_hint(&self) -> u32 {
        self.inner.size_hint()
    }
}

impl Scorer for BoundedScorer {
    fn score(&mut self) -> Score {
        self.inner.score()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use tantivy::collector::Count;
    use tantivy::doc;
    use tantivy::query::AllQuery;
    use tantivy::schema::{Schema, TEXT};
    use tantivy::{Index, IndexWriter};

    #[test]
    fn a_restarted_budget_has_time_again_but_is_cancelled_with_the_first() {
        let spent = Budget::of(Duration::ZERO);
        std::thread::sleep(Duration::from_millis(2));
        assert!(spent.spent());
        let restarted = spent.restarted(Duration::from_secs(60));
        assert!(!restarted.spent());
        spent.cancel();
        assert!(restarted.spent(), "cancelling the first stops the second");
    }

    fn searcher(docs: usize) -> tantivy::Searcher {
        let mut schema = Schema::builder();
        let body = schema.add_text_field("body", TEXT);
        let index = Index::create_in_ram(schema.build());
        let mut writer: IndexWriter = index.writer(15_000_000).unwrap();
        for _ in 0..docs {
            writer.add_document(doc!(body => "ord")).unwrap();
        }
        writer.commit().unwrap();
        index.reader().unwrap().searcher()
    }

    #[test]
    fn a_spent_budget_stops_matching() {
        let searcher = searcher(20_000);
        let live = Budget::of(Duration::from_secs(60));
        let all = searcher
            .search(&*live.bound(Box::new(AllQuery)), &Count)
            .unwrap();
        assert_eq!(all, 20_000);
        live.cancel();
        let cut = searcher
            .search(&*live.bound(Box::new(AllQuery)), &Count)
            .unwrap();
        assert!(cut < 20_000, "{cut}");
        assert!(matches!(live.check(), Err(SearchError::TimedOut)));
    }

    #[test]
    fn an_unlimited_budget_leaves_the_query_alone() {
        let budget = Budget::unlimited();
        assert!(budget.check().is_ok());
        assert!(
            budget
                .bound(Box::new(AllQuery))
                .downcast_ref::<AllQuery>()
                .is_some()
        );
    }
}
