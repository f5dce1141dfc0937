//! Wallet records: one opaque, versioned blob per wallet and view (docs/formats.md, "Wallet
//! record"). The server never reads them.

use async_trait::async_trait;

use crate::ids::AccountId;

use super::{StorageResult, View};

/// A stored record.
#[derive(Clone, PartialEq, Eq)]
pub struct WalletRecord {
    /// 1 on the first write, one more on each.
    pub version: u64,
    /// The age file, as the browser wrote it.
    pub record: Vec<u8>,
}

impl std::fmt::Debug for WalletRecord {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("WalletRecord")
            .field("version", &self.version)
            .field("bytes", &self.record.len())
            .finish()
    }
}

/// Wallet records.
#[async_trait]
pub trait RecordStore: Send + Sync {
    /// The record of `account`'s `view`; None when none was ever written.
    async fn wallet_record(
        &self,
        account: AccountId,
        view: View,
    ) -> StorageResult<Option<WalletRecord>>;
    /// Stores `record` as the new version of `account`'s `view` if the stored version is
    /// `replaces` (0: no record yet), in one atomic step; returns the new version, or None
    /// when the stored version is another (a write from elsewhere came first).
    async fn put_wallet_record(
        &self,
        account: AccountId,
        view: View,
        replaces: u64,
        record: &[u8],
    ) -> StorageResult<Option<u64>>;
}
