//! Deletes what an interrupted upload or an old session left behind: pending documents older
//! than `pending_ttl`, their blobs, stray blob temp files, blobs that no document row names
//! (orphans), expired sessions and old log-in failure counts; and the envelopes and notes of
//! expired shares.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use futures_util::TryStreamExt;

use crate::state::AppState;
use crate::storage::MAX_IDS_PER_LOOKUP;

/// Blob ids looked up in the database with one statement: the sweep of orphans holds at
/// most this many ids at a time, whatever the size of the store.
const ORPHAN_BATCH: usize = 500;
const _: () = assert!(ORPHAN_BATCH <= MAX_IDS_PER_LOOKUP);

/// Failure counts older than this are forgotten.
const LOGIN_FAILURE_MEMORY_SECS: i64 = 24 * 3600;

/// What one sweep removed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct SweepReport {
    /// Pending documents deleted.
    pub documents: u64,
    /// Blob temp files deleted.
    pub temp_files: u64,
    /// Blobs deleted that no document row named.
    pub orphan_blobs: u64,
    /// Expired sessions deleted.
    pub sessions: u64,
    /// Envelopes of expired shares deleted.
    pub share_envelopes: u64,
    /// Notes of expired shares deleted.
    pub share_notes: u64,
}

/// Runs one sweep. It is the same at start-up and later, and safe on every replica at once:
/// it removes only what is old enough that no running server can still be working on it
/// (uploads cut off by a crash are taken over once their lease ends, PIN tries a crash left
/// pending stop counting after a minute: see `DocumentStore::begin_upload` and
/// `ShareStore::take_pin_try`), and each deletion is a conditional statement.
pub async fn sweep(state: &AppState) -> Result<SweepReport, crate::AppError> {
    let now = state.clock.now();
    let ttl = i64::try_from(state.config.pending_ttl_secs).unwrap_or(i64::MAX);
    let cutoff = now.saturating_sub(ttl);
    let mut report = SweepReport::default();

    for id in state.storage.stale_documents(cutoff).await? {
        if state.storage.delete_stale_document(id, cutoff).await? {
            state.blobs.delete(id).await?;
            report.documents += 1;
        }
    }

    let before = UNIX_EPOCH + Duration::from_secs(u64::try_from(cutoff).unwrap_or(0));
    report.temp_files = state.blobs.sweep_temp(before).await?;

    let idle = i64::try_from(state.config.session_idle_secs).unwrap_or(i64::MAX);
    let absolute = i64::try_from(state.config.session_absolute_secs).unwrap_or(i64::MAX);
    report.sessions = state
        .storage
        .delete_expired_sessions(now.saturating_sub(idle), now.saturating_sub(absolute))
        .await?;
    state.storage.delete_expired_ceremonies(now).await?;
    // Help requests are kept 30 days past their expiry, then forgotten.
    state
        .storage
        .delete_expired_help_requests(now.saturating_sub(30 * 86_400))
        .await?;
    state
        .storage
        .forget_login_failures_before(now.saturating_sub(LOGIN_FAILURE_MEMORY_SECS))
        .await?;
    state
        .storage
        .forget_signup_counts(now, crate::client::SIGNUP_WINDOW_SECS)
        .await?;
    let purged = state.storage.purge_expired_shares(now).await?;
    report.share_envelopes = purged.envelopes;
    report.share_notes = purged.notes;

    // Last: it reads the whole blob store, and a store that does not answer must not keep
    // expired shares' envelopes from being deleted above.
    let lease = Duration::from_secs(state.config.upload_lease_secs);
    let unix_now = UNIX_EPOCH + Duration::from_secs(u64::try_from(now).unwrap_or(0));
    report.orphan_blobs =
        sweep_orphan_blobs(state, unix_now.checked_sub(lease).unwrap_or(UNIX_EPOCH)).await?;
    state
        .metrics
        .count_orphan_blobs_removed(report.orphan_blobs);
    Ok(report)
}

/// Deletes every blob last written at or before `before` (an upload lease ago) whose id has no
/// document row, in any state; returns how many.
///
/// Why this never deletes a blob that a document needs, with uploads running and other
/// replicas sweeping at once:
/// - A document's row is inserted (reserved) before any byte of its blob is written, and
///   document ids are random and never given twice. So a blob that the listing showed has had
///   its row since before the listing began, and if that row is missing when the database is
///   asked (after the listing), it was deleted and can never come back: the blob is garbage
///   for good. An upload that starts after the listing wrote nothing the listing saw.
/// - A row in any state protects its blob, a pending one or one whose upload lease ran out
///   included: those rows are the stale-document pass's (above), which deletes the row first
///   and the blob after it, conditionally, so a client taking the upload over in between is
///   never robbed of a blob it has just completed.
/// - Only blobs older than an upload lease are looked at: a margin for a blob written a
///   moment ago by a process whose database writes have not landed yet. (`admin restore`
///   writes its blobs before its rows, for longer than that: no server may run on its target
///   meanwhile, as docs/operations.md says.)
/// - Two replicas deleting the same orphan both succeed: deleting a missing blob is no error.
///
/// The listing is read lazily and looked up [`ORPHAN_BATCH`] ids at a time, so memory stays
/// bounded however many blobs the store holds.
async fn sweep_orphan_blobs(state: &AppState, before: SystemTime) -> Result<u64, crate::AppError> {
    let mut removed = 0;
    let mut pages = state
        .blobs
        .list_older(before)
        .try_chunks(ORPHAN_BATCH)
        .map_err(|e| e.1);
    while let Some(ids) = pages.try_next().await? {
        let known = state.storage.existing_documents(&ids).await?;
        for id in ids.into_iter().filter(|id| !known.contains(id)) {
            state.blobs.delete(id).await?;
            removed += 1;
        }
    }
    Ok(removed)
}

/// Sweeps every `sweep_interval_secs`, forever.
pub async fn run_periodically(state: AppState) {
    let every = Duration::from_secs(state.config.sweep_interval_secs.max(1));
    let mut ticks = tokio::time::interval_at(tokio::time::Instant::now() + every, every);
    loop {
        ticks.tick().await;
        log(sweep(&state).await);
    }
}

/// Logs a sweep's outcome.
pub fn log(result: Result<SweepReport, crate::AppError>) {
    match result {
        Ok(r) if r == SweepReport::default() => {}
        Ok(r) => tracing::info!(
            documents = r.documents,
            temp_files = r.temp_files,
            orphan_blobs = r.orphan_blobs,
            sessions = r.sessions,
            share_envelopes = r.share_envelopes,
            share_notes = r.share_notes,
            "sweep removed stale data"
        ),
        Err(e) => tracing::error!(error = %e, "sweep failed"),
    }
}
