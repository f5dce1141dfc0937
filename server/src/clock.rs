//! An injectable clock, so sessions, rate limits and sweeps can be tested without waiting.

use std::sync::Arc;
use std::sync::atomic::{AtomicI64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

/// Unix seconds (UTC).
pub type UnixSeconds = i64;

/// Where the server reads the time.
pub trait Clock: Send + Sync + 'static {
    /// The current time in Unix seconds.
    fn now(&self) -> UnixSeconds;
}

/// The system clock.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> UnixSeconds {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map(|d| d.as_secs() as i64)
            .unwrap_or(0)
    }
}

/// A clock that only moves when told to. Clones share the same time.
#[derive(Debug, Clone)]
pub struct TestClock(Arc<AtomicI64>);

impl TestClock {
    /// A clock standing at `now`.
    pub fn new(now: UnixSeconds) -> Self {
        Self(Arc::new(AtomicI64::new(now)))
    }

    /// Moves the clock forward by `secs`.
    pub fn advance(&self, secs: i64) {
        self.0.fetch_add(secs, Ordering::SeqCst);
    }

    /// Sets the clock.
    pub fn set(&self, now: UnixSeconds) {
        self.0.store(now, Ordering::SeqCst);
    }
}

impl Clock for TestClock {
    fn now(&self) -> UnixSeconds {
        self.0.load(Ordering::SeqCst)
    }
}

/// A clock that stands at the Unix seconds written in a file, read at every call (the
/// system clock while the file is missing or unreadable). Only in builds with the
/// `test-clock` feature, which cannot be a release build: the end-to-end tests build the
/// server with it and move the server's time by writing the file named by
/// `PDE_TEST_CLOCK_FILE` (tests/e2e/README.md).
#[cfg(feature = "test-clock")]
#[derive(Debug, Clone)]
pub struct FileClock(pub std::path::PathBuf);

#[cfg(all(feature = "test-clock", not(debug_assertions)))]
compile_error!("the `test-clock` feature is for test builds only, never a release build");

#[cfg(feature = "test-clock")]
impl Clock for FileClock {
    fn now(&self) -> UnixSeconds {
        std::fs::read_to_string(&self.0)
            .ok()
            .and_then(|s| s.trim().parse().ok())
            .unwrap_or_else(|| SystemClock.now())
    }
}

/// Start of the UTC day holding `t`, in Unix seconds.
pub fn day_of(t: UnixSeconds) -> UnixSeconds {
    t - t.rem_euclid(86_400)
}
