//! Running a search-service call for a request: in one of a fixed number of
//! slots (a request waits a while for one, then answers 503), on a blocking
//! thread, within the search budget — and stopped when the client leaves.

use super::{ApiError, AppState};
use crate::search::{Budget, SearchService};
use axum::body::Body;
use std::sync::Arc;
use tokio::sync::OwnedSemaphorePermit;

/// Runs `call` for a request; its [`Budget`] ends at the search deadline or
/// when the request is dropped (the client went away), whichever comes first.
pub async fn run<T, F>(state: &AppState, call: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&SearchService, &Budget) -> crate::search::Result<T> + Send + 'static,
{
    let slot = slot(state).await?;
    let time = state.limits.search_time;
    let budget = Budget::of(time);
    let _cancel_on_drop = CancelOnDrop(budget.clone());
    let service: Arc<SearchService> = state.search.clone();
    let joined = tokio::task::spawn_blocking(move || {
        let _slot = slot; // held until the work has really stopped
        // The corpus knowledge is read once per ingest (seconds at national
        // size), not within one search's time.
        service.warm();
        call(&service, &budget.restarted(time))
    })
    .await;
    joined
        .map_err(|e| ApiError::Internal(e.to_string()))?
        .map_err(ApiError::from)
}

/// A search slot, waited for at most the queue time.
async fn slot(state: &AppState) -> Result<OwnedSemaphorePermit, ApiError> {
    tokio::time::timeout(state.limits.queue_time, state.slots.clone().acquire_owned())
        .await
        .map_err(|_| ApiError::Busy)?
        .map_err(|e| ApiError::Internal(e.to_string()))
}

/// Streams the rows `produce` hands to its sink: it runs in a search slot on
/// a blocking thread within the export budget, and stops when the client
/// stops reading (the sink then answers false).
pub async fn stream<F>(state: &AppState, produce: F) -> Result<Body, ApiError>
where
    F: FnOnce(
            &SearchService,
            &Budget,
            &mut dyn FnMut(Vec<u8>) -> bool,
        ) -> crate::search::Result<()>
        + Send
        + 'static,
{
    let slot = slot(state).await?;
    let (sender, receiver) = tokio::sync::mpsc::channel::<Vec<u8>>(STREAM_BUFFER);
    let budget = Budget::of(state.limits.export_time);
    let service = state.search.clone();
    tokio::task::spawn_blocking(move || {
        let _slot = slot;
        let mut sink = |bytes: Vec<u8>| sender.blocking_send(bytes).is_ok();
        if let Err(error) = produce(&service, &budget, &mut sink) {
            tracing::warn!(%error, "export stopped early");
        }
    });
    let rows = futures_util::stream::unfold(receiver, |mut receiver| async move {
        let bytes = receiver.recv().await?;
        Some((Ok::<_, std::convert::Infallible>(bytes), receiver))
    });
    // Fused: the compression layer polls once more after the end, which an
    // unfused Unfold answers with a panic (a cut-off download in browsers).
    Ok(Body::from_stream(futures_util::StreamExt::fuse(rows)))
}

/// Chunks an export may run ahead of the client reading it.
const STREAM_BUFFER: usize = 32;

/// Cancels a budget when dropped: the handler's future is dropped when its
/// client disconnects, and the search then stops at its next check.
struct CancelOnDrop(Budget);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0.cancel();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ingest::{self, IngestOptions};
    use crate::server::Limits;
    use std::time::Duration;

    /// State over a one-report index with one search slot and a short queue.
    fn one_slot() -> (tempfile::TempDir, AppState) {
        let dir = tempfile::tempdir().unwrap();
        let (corpus, index) = (dir.path().join("korpus"), dir.path().join("index"));
        std::fs::create_dir(&corpus).unwrap();
        std::fs::write(corpus.join("a.md"), "# Rapport\n\nSamverkan.\n").unwrap();
        ingest::run(&IngestOptions::new(&corpus, &index), |_| {}).unwrap();
        let search = Arc::new(SearchService::open(&index).unwrap());
        let limits = Limits {
            searches: 1,
            queue_time: Duration::from_millis(100),
            ..Limits::default()
        };
        (dir, AppState::with_limits(search, corpus, limits))
    }

    #[tokio::test]
    async fn a_search_waits_for_a_slot_then_answers_busy() {
        let (_dir, state) = one_slot();
        let holder = state.clone();
        let long = tokio::spawn(async move {
            run(&holder, |_, _| {
                std::thread::sleep(Duration::from_millis(800));
                Ok(())
            })
            .await
        });
        tokio::time::sleep(Duration::from_millis(100)).await;
        let refused = run(&state, |s, _| s.documents(0, 0)).await;
        assert!(matches!(refused, Err(ApiError::Busy)), "{refused:?}");
        long.await.unwrap().unwrap();
        assert!(run(&state, |s, _| s.documents(0, 0)).await.is_ok());
    }

    #[tokio::test]
    async fn a_dropped_request_cancels_its_search() {
        let (_dir, state) = one_slot();
        let (tx, rx) = std::sync::mpsc::channel();
        let request = run(&state, move |_, budget: &Budget| {
            let started = std::time::Instant::now();
            while !budget.spent() && started.elapsed() < Duration::from_secs(5) {
                std::thread::sleep(Duration::from_millis(5));
            }
            tx.send(started.elapsed()).unwrap();
            Ok(())
        });
        // The client goes away after 100 ms: the request's future is dropped.
        let _ = tokio::time::timeout(Duration::from_millis(100), request).await;
        let ran = tokio::task::spawn_blocking(move || rx.recv().unwrap())
            .await
            .unwrap();
        assert!(
            ran < Duration::from_secs(1),
            "the search went on for {ran:?}"
        );
    }
}
