//! The server's limits: how long a search, a request and a client's headers
//! may take, and how many searches and connections are served at once.
//! A server on a public address meets clients that are slow, idle or
//! hostile; each limit keeps one of them from taking it down.

use std::time::Duration;

/// Limits of the server (see [`Limits::default`] for the values).
#[derive(Debug, Clone)]
pub struct Limits {
    /// Time budget of one search; a search that outruns it answers 503.
    pub search_time: Duration,
    /// Searches run at once (each on a blocking thread).
    pub searches: usize,
    /// How long a search waits for a free slot before it answers 503.
    pub queue_time: Duration,
    /// How long a client may take to send a request's headers, and how long
    /// an idle keep-alive connection is kept.
    pub header_time: Duration,
    /// How long one request may take in all.
    pub request_time: Duration,
    /// Connections served at once; more wait in the listen queue.
    pub connections: usize,
    /// How long a shutdown waits for requests in flight.
    pub drain_time: Duration,
    /// Time budget of an export of every hit (streamed).
    pub export_time: Duration,
}

impl Default for Limits {
    /// A 2 s search budget, two searches per core with 2 s in the queue,
    /// 10 s for headers, 15 s per request (until its answer starts), 5
    /// minutes for an export, connections by the open-file limit.
    fn default() -> Limits {
        let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
        Limits {
            search_time: Duration::from_secs(2),
            searches: 2 * cores,
            queue_time: Duration::from_secs(2),
            header_time: Duration::from_secs(10),
            request_time: Duration::from_secs(15),
            connections: connection_budget(),
            drain_time: Duration::from_secs(10),
            export_time: Duration::from_secs(300),
        }
    }
}

impl Limits {
    /// These limits with a search budget of `search_time` (the request
    /// limit grows with it, so a search is never cut off by the request's).
    pub fn with_search_time(self, search_time: Duration) -> Limits {
        Limits {
            search_time,
            request_time: self.request_time.max(search_time + self.queue_time * 2),
            ..self
        }
    }

    /// Blocking threads the runtime may start: the searches, and a few for
    /// file reads of the static page and the documents.
    pub fn blocking_threads(&self) -> usize {
        self.searches + 8
    }
}

/// Open files kept free for the index, the lexicon and the log.
const RESERVED_FILES: u64 = 128;

/// Connections the process can hold: the open-file limit is raised to its
/// hard maximum, and three quarters of what is left after the index's own
/// files may be connections.
fn connection_budget() -> usize {
    let limit = rlimit::increase_nofile_limit(u64::MAX).unwrap_or(1024);
    let budget = limit.saturating_sub(RESERVED_FILES) * 3 / 4;
    budget.clamp(16, 10_000) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_longer_search_budget_lengthens_the_request_limit() {
        let limits = Limits::default().with_search_time(Duration::from_secs(30));
        assert!(limits.request_time > Duration::from_secs(30));
        assert!(limits.connections >= 16);
    }
}
