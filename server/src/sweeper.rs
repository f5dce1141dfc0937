//! Deletes what an interrupted upload or an old session left behind: pending documents older
//! than `pending_ttl`, their blobs, stray blob temp files, expired sessions and old log-in
//! failure counts; and the envelopes and notes of expired shares.

use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::state::AppState;

/// Failure counts older than this are forgotten.
const LOGIN_FAILURE_MEMORY_SECS: i64 = 24 * 3600;

/// What one sweep removed.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct SweepReport {
    /// Pending documents deleted.
    pub documents: u64,
    /// Interrupted uploads made pending again (at start-up).
    pub uploads_reset: u64,
    /// Links whose PIN tries a crash left taken, given back (at start-up).
    pub pin_tries_released: u64,
    /// Blob temp files deleted.
    pub temp_files: u64,
    /// Expired sessions deleted.
    pub sessions: u64,
    /// Envelopes of expired shares deleted.
    pub share_envelopes: u64,
    /// Notes of expired shares deleted.
    pub share_notes: u64,
}

/// Which temp files a sweep removes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TempFiles {
    /// Those last written more than `pending_ttl` ago (periodic sweeps).
    OlderThanTtl,
    /// All of them, and uploads marked running are reset: at start-up no upload of this
    /// process can be running.
    All,
}

/// Runs one sweep.
pub async fn sweep(state: &AppState, temp: TempFiles) -> Result<SweepReport, crate::AppError> {
    let now = state.clock.now();
    let ttl = i64::try_from(state.config.pending_ttl_secs).unwrap_or(i64::MAX);
    let cutoff = now.saturating_sub(ttl);
    let mut report = SweepReport::default();

    if temp == TempFiles::All {
        // At start-up no upload of this process can be running: an upload a crash cut off
        // is pending again, so the client can retry it at once.
        report.uploads_reset = state.storage.reset_uploads().await?;
        // Likewise a PIN try a crash caught mid-check is given back, not lost.
        report.pin_tries_released = state.storage.release_pin_tries().await?;
    }

    for id in state.storage.stale_documents(cutoff).await? {
        if state.storage.delete_stale_document(id, cutoff).await? {
            state.blobs.delete(id).await?;
            report.documents += 1;
        }
    }

    let before = match temp {
        TempFiles::All => SystemTime::now() + Duration::from_secs(1),
        TempFiles::OlderThanTtl => {
            UNIX_EPOCH + Duration::from_secs(u64::try_from(cutoff).unwrap_or(0))
        }
    };
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
        log(sweep(&state, TempFiles::OlderThanTtl).await);
    }
}

/// Logs a sweep's outcome.
pub fn log(result: Result<SweepReport, crate::AppError>) {
    match result {
        Ok(r) if r == SweepReport::default() => {}
        Ok(r) => tracing::info!(
            documents = r.documents,
            uploads_reset = r.uploads_reset,
            pin_tries_released = r.pin_tries_released,
            temp_files = r.temp_files,
            sessions = r.sessions,
            share_envelopes = r.share_envelopes,
            share_notes = r.share_notes,
            "sweep removed stale data"
        ),
        Err(e) => tracing::error!(error = %e, "sweep failed"),
    }
}
