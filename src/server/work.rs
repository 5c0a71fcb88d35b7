//! Running a search-service call for a request: in one of a fixed number of
//! slots (a request waits a while for one, then answers 503), on a blocking
//! thread, within the search budget — and stopped when the client leaves.

use super::{ApiError, AppState};
use crate::search::{Budget, SearchService};
use std::sync::Arc;

/// Runs `call` for a request; its [`Budget`] ends at the search deadline or
/// when the request is dropped (the client went away), whichever comes first.
pub async fn run<T, F>(state: &AppState, call: F) -> Result<T, ApiError>
where
    T: Send + 'static,
    F: FnOnce(&SearchService, &Budget) -> crate::search::Result<T> + Send + 'static,
{
    let limits = &state.limits;
    let slot = tokio::time::timeout(limits.queue_time, state.slots.clone().acquire_owned())
        .await
        .map_err(|_| ApiError::Busy)?
        .map_err(|e| ApiError::Internal(e.to_string()))?;
    let budget = Budget::of(limits.search_time);
    let _cancel_on_drop = CancelOnDrop(budget.clone());
    let service: Arc<SearchService> = state.search.clone();
    let joined = tokio::task::spawn_blocking(move || {
        let _slot = slot; // held until the work has really stopped
        call(&service, &budget)
    })
    .await;
    joined
        .map_err(|e| ApiError::Internal(e.to_string()))?
        .map_err(ApiError::from)
}

/// Cancels a budget when dropped: the handler's future is dropped when its
/// client disconnects, and the search then stops at its next check.
struct CancelOnDrop(Budget);

impl Drop for CancelOnDrop {
    fn drop(&mut self) {
        self.0.cancel();
    }
}
