//! Shares (to a worker or by link), their envelopes, PIN tries, rate counts and receipts.

use async_trait::async_trait;

use crate::clock::UnixSeconds;
use crate::ids::{AccountId, DocumentId, ShareId};

use super::{
    CreateShareOutcome, HolderShare, LinkRate, NewShare, PurgedShares, ReceiptAction, ReceiptBy,
    Share, SharedDocument, StorageResult,
};

/// How long a taken PIN try may stay undecided: checking a PIN takes microseconds, so a try
/// pending this long belongs to a server that died.
pub const PIN_TRY_HOLD_SECS: i64 = 60;

/// Shares, links and receipts.
#[async_trait]
pub trait ShareStore: Send + Sync {
    /// In one transaction: creates the share, its document list and envelopes, if the worker
    /// (for a worker share) exists and is not suspended and every document is a complete
    /// document of the owner not hidden at the share's `created_at`. Nothing is stored
    /// otherwise.
    async fn create_share(&self, share: &NewShare) -> StorageResult<CreateShareOutcome>;
    /// The share with this id.
    async fn share(&self, id: ShareId) -> StorageResult<Option<Share>>;
    /// Every share of a holder with its worker, document ids and receipts, newest first;
    /// documents hidden at `now` and their receipts are left out, as if they did not exist.
    async fn holder_shares(
        &self,
        owner: AccountId,
        now: UnixSeconds,
    ) -> StorageResult<Vec<HolderShare>>;
    /// The worker shares addressed to `worker` that are active at `now` (an appointment only
    /// from its `opens_at`), newest first.
    async fn worker_shares(&self, worker: AccountId, now: UnixSeconds)
    -> StorageResult<Vec<Share>>;
    /// The documents of a share that still have an envelope, in the order shared.
    async fn shared_documents(&self, share: ShareId) -> StorageResult<Vec<SharedDocument>>;
    /// One document of a share, if it still has an envelope.
    async fn shared_document(
        &self,
        share: ShareId,
        document: DocumentId,
    ) -> StorageResult<Option<SharedDocument>>;
    /// Records a receipt if, at `now`, the share is active (an appointment: within its
    /// window) and the document still has an envelope in it; false (nothing recorded)
    /// otherwise.
    async fn record_receipt(
        &self,
        share: ShareId,
        document: DocumentId,
        now: UnixSeconds,
        action: ReceiptAction,
        by: ReceiptBy,
    ) -> StorageResult<bool>;
    /// Ends a share of `owner`: marks it revoked at `now` unless it had already ended, and
    /// deletes its envelopes and note. False if it is not a share of `owner`.
    async fn revoke_share(
        &self,
        owner: AccountId,
        id: ShareId,
        now: UnixSeconds,
    ) -> StorageResult<bool>;
    /// Counts one request on a link in its window of `window_secs` (a new window starts when
    /// the last one is over).
    async fn count_link_request(
        &self,
        id: ShareId,
        now: UnixSeconds,
        window_secs: i64,
    ) -> StorageResult<LinkRate>;
    /// Takes one PIN try on an unlocked link in one atomic step, unless the wrong PINs
    /// counted plus the tries being checked reach `max_failures`. Answers that sum with this
    /// try, or `None` when no try is left. The try must then be given back
    /// ([`ShareStore::give_back_pin_try`]) or counted wrong ([`ShareStore::count_wrong_pin`]).
    /// Tries still pending [`PIN_TRY_HOLD_SECS`] after the last one was taken were left by a
    /// server that died mid-check, and count no more.
    async fn take_pin_try(
        &self,
        id: ShareId,
        now: UnixSeconds,
        max_failures: u32,
    ) -> StorageResult<Option<u32>>;
    /// Gives back a taken try whose PIN was right.
    async fn give_back_pin_try(&self, id: ShareId) -> StorageResult<()>;
    /// Counts a taken try as a wrong PIN; at `max_failures` the link is locked at `now` and
    /// its envelopes and note deleted. Answers the wrong PINs counted.
    async fn count_wrong_pin(
        &self,
        id: ShareId,
        now: UnixSeconds,
        max_failures: u32,
    ) -> StorageResult<u32>;
    /// Deletes the envelopes and notes of shares expired at `now`.
    async fn purge_expired_shares(&self, now: UnixSeconds) -> StorageResult<PurgedShares>;
}
