//! At start-up, gives every worker whose card code is not yet the one derived from their
//! wallet recipient (workers who joined when codes were random) the derived code, so that
//! holders' browsers can check the recipient against the code (docs/sharing.md).
//!
//! Safe with several replicas starting at once: the derived code depends only on the stored
//! recipient, so concurrent runs write the same value.

use crate::state::AppState;
use crate::storage::StorageError;
use crate::worker_code::WorkerCode;

/// What one pass changed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Recoded {
    /// Workers who got their derived code.
    pub changed: usize,
    /// Workers whose derived code another worker already has; they keep the old code, and a
    /// holder's browser refuses to share with them until the operator re-invites them.
    pub clashing: usize,
}

/// One pass over all workers.
pub async fn derive_worker_codes(state: &AppState) -> Result<Recoded, StorageError> {
    let mut done = Recoded::default();
    for worker in state.storage.workers(None).await? {
        let derived = WorkerCode::of_recipient(&worker.recipient);
        if worker.code == derived {
            continue;
        }
        match state
            .storage
            .set_worker_code(worker.account_id, derived)
            .await
        {
            Ok(()) => done.changed += 1,
            Err(StorageError::Conflict) => done.clashing += 1,
            Err(e) => return Err(e),
        }
    }
    if done.changed > 0 || done.clashing > 0 {
        tracing::warn!(
            changed = done.changed,
            clashing = done.clashing,
            "worker card codes now derive from the workers' keys; those workers need a new card"
        );
    }
    Ok(done)
}
