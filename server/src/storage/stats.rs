//! Counts over the whole service, for the operator: the indicators of
//! [`crate::indicators`].

use async_trait::async_trait;

use crate::clock::UnixSeconds;
use crate::indicators::Indicators;

use super::StorageResult;

/// The service's indicators.
#[async_trait]
pub trait StatsStore: Send + Sync {
    /// The indicators at `now` (which decides what "the last 30 days" and "expired" mean).
    async fn indicators(&self, now: UnixSeconds) -> StorageResult<Indicators>;
}
