//! Graceful shutdown: once the server is asked to stop it drains — uploads already running may
//! finish (for at most `--shutdown-grace-secs`), new ones and new reservations are refused with
//! `503 unavailable`, and `/healthz` answers `503 draining` so a load balancer sends people to
//! another replica. Everything else is still served until the uploads are done.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

use tokio::sync::Notify;

/// Whether the server drains, and the uploads running.
#[derive(Debug, Default)]
pub struct Drain {
    draining: AtomicBool,
    uploads: AtomicUsize,
    idle: Notify,
}

/// One running upload; the drain waits until every one is dropped.
#[derive(Debug)]
pub struct UploadGuard(Arc<Drain>);

impl Drop for UploadGuard {
    fn drop(&mut self) {
        if self.0.uploads.fetch_sub(1, Ordering::SeqCst) == 1 {
            self.0.idle.notify_waiters();
        }
    }
}

impl Drain {
    /// Counts a new upload, unless the server drains.
    pub fn start_upload(self: &Arc<Self>) -> Option<UploadGuard> {
        self.uploads.fetch_add(1, Ordering::SeqCst);
        let guard = UploadGuard(self.clone());
        // Checked after counting: `wait_idle` sees either this upload or its refusal.
        if self.is_draining() {
            return None;
        }
        Some(guard)
    }

    /// Whether the server drains.
    pub fn is_draining(&self) -> bool {
        self.draining.load(Ordering::SeqCst)
    }

    /// Uploads running now.
    pub fn uploads(&self) -> usize {
        self.uploads.load(Ordering::SeqCst)
    }

    /// Starts draining and waits until no upload runs.
    pub async fn drain(&self) {
        self.draining.store(true, Ordering::SeqCst);
        loop {
            let idle = self.idle.notified();
            if self.uploads() == 0 {
                return;
            }
            idle.await;
        }
    }
}
