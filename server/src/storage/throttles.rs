//! The counters that slow down guessing: failed log-ins per pseudonym, sign-ups per client.

use async_trait::async_trait;

use crate::clock::UnixSeconds;

use super::{LoginDelays, LoginFailures, StorageResult};

/// Log-in and sign-up throttles.
#[async_trait]
pub trait ThrottleStore: Send + Sync {
    /// Failed log-ins counted under `key`.
    async fn login_failures(&self, key: &str) -> StorageResult<Option<LoginFailures>>;
    /// Takes one log-in try under `key` at `now` in one atomic step: unless the failures
    /// counted under `key` impose a wait (`delays`) that has not ended, counts the try as a
    /// failure (a success clears it with [`ThrottleStore::clear_login_failures`]) and answers true.
    /// Of concurrent callers at the end of a wait, only as many pass as the delays allow.
    async fn take_login_try(
        &self,
        key: &str,
        now: UnixSeconds,
        delays: LoginDelays,
    ) -> StorageResult<bool>;
    /// Forgets the failures under `key` (after a success).
    async fn clear_login_failures(&self, key: &str) -> StorageResult<()>;
    /// Counts one sign-up under `key` in its window of `window_secs` (a new window starts when
    /// the last one is over), in one atomic step, unless `limit` are already counted in the
    /// current window. Answers `Ok(None)` when counted, or `Ok(Some(window_end))` when refused.
    async fn take_signup(
        &self,
        key: &str,
        now: UnixSeconds,
        window_secs: i64,
        limit: u32,
    ) -> StorageResult<Option<UnixSeconds>>;
    /// Deletes the sign-up counts whose window ended by `now`.
    async fn forget_signup_counts(&self, now: UnixSeconds, window_secs: i64) -> StorageResult<u64>;
    /// Forgets failure counts whose last failure is older than `before`.
    async fn forget_login_failures_before(&self, before: UnixSeconds) -> StorageResult<u64>;
}
