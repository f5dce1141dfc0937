//! Deletes what an interrupted upload or an old session left behind: pending documents older
//! than `pending_ttl`, their blobs, stray blob temp files, expired sessions and old log-in
//! failure counts; and the envelopes and notes of expired shares.

use std::time::{Duration, UNIX_EPOCH};

use crate::state::AppState;

/// Failure counts older than this are forgotten.
const LOGIN_FAILURE_MEMORY_SECS: i64 = 24 * 3600;

/// What one sweep removed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct SweepReport {
    /// Pending documents deleted.
    pub documents: u64,
    /// Blob temp files deleted.
    pub temp_files: u64,
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
    Ok(report)
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
            sessions = r.sessions,
            share_envelopes = r.share_envelopes,
            share_notes = r.share_notes,
            "sweep removed stale data"
        ),
        Err(e) => tracing::error!(error = %e, "sweep failed"),
    }
}
