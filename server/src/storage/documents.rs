//! Document rows and their upload state; the content lives in the blob store.

use std::collections::HashSet;

use async_trait::async_trait;

use crate::clock::UnixSeconds;
use crate::ids::{AccountId, DocumentId};

use super::{Document, StorageResult};

/// The most ids [`DocumentStore::existing_documents`] takes at once (one bound parameter each;
/// SQLite accepts 32,766 and PostgreSQL 65,535 per statement).
pub const MAX_IDS_PER_LOOKUP: usize = 1000;

/// Document rows (the content is in the blob store).
#[async_trait]
pub trait DocumentStore: Send + Sync {
    /// Reserves a pending document unless the owner's documents (pending ones included)
    /// plus this one would exceed `quota`; returns false when over quota.
    async fn reserve_document(&self, document: &Document, quota: u64) -> StorageResult<bool>;
    /// Bytes of an account's documents not hidden at `now` (pending documents included): the
    /// usage the holder is shown. The quota itself counts hidden documents too
    /// ([`DocumentStore::reserve_document`]), so hiding frees no space.
    async fn used_bytes(&self, id: AccountId, now: UnixSeconds) -> StorageResult<u64>;
    /// A document of this owner, whatever its state, unless it is hidden at `now`.
    async fn document(
        &self,
        owner: AccountId,
        id: DocumentId,
        now: UnixSeconds,
    ) -> StorageResult<Option<Document>>;
    /// The complete documents of an owner not hidden at `now`, oldest first.
    async fn list_documents(
        &self,
        owner: AccountId,
        now: UnixSeconds,
    ) -> StorageResult<Vec<Document>>;
    /// Hides complete documents of `owner` until `until`, in one transaction, if every one of
    /// `ids` (distinct, at most [`MAX_IDS_PER_LOOKUP`]) is a complete document of the owner not
    /// already hidden at `now`; nothing changes otherwise (false). Each leaves every share of
    /// the owner that is active at `now` (its place and envelope deleted, as deleting it
    /// would), its envelopes in ended shares are deleted, and an active share left with no
    /// document ends at `now` as if revoked.
    async fn hide_documents(
        &self,
        owner: AccountId,
        ids: &[DocumentId],
        until: UnixSeconds,
        now: UnixSeconds,
    ) -> StorageResult<bool>;
    /// Moves a pending document to uploading at `now`, or takes over an upload whose last
    /// sign of life ([`DocumentStore::keep_upload`]) is `lease_secs` old or older (its server
    /// died); false otherwise (or if it is not this owner's).
    async fn begin_upload(
        &self,
        owner: AccountId,
        id: DocumentId,
        now: UnixSeconds,
        lease_secs: i64,
    ) -> StorageResult<bool>;
    /// Records that the upload of a document is alive at `now`.
    async fn keep_upload(
        &self,
        owner: AccountId,
        id: DocumentId,
        now: UnixSeconds,
    ) -> StorageResult<()>;
    /// Moves an uploading document to complete; false if it is gone.
    async fn finish_upload(&self, owner: AccountId, id: DocumentId) -> StorageResult<bool>;
    /// Moves an uploading document back to pending after a failed upload.
    async fn abort_upload(&self, owner: AccountId, id: DocumentId) -> StorageResult<()>;
    /// Replaces the metadata ciphertext; false if there is no such document or it is hidden
    /// at `now`.
    async fn set_metadata(
        &self,
        owner: AccountId,
        id: DocumentId,
        metadata: &[u8],
        now: UnixSeconds,
    ) -> StorageResult<bool>;
    /// Deletes a document row with its owner envelope, its place in every share and the share
    /// envelopes of it, in one transaction; a share of the owner left with no document ends
    /// at `now` as if revoked (its note deleted too). False if there is no such document or
    /// it is hidden at `now`.
    async fn delete_document(
        &self,
        owner: AccountId,
        id: DocumentId,
        now: UnixSeconds,
    ) -> StorageResult<bool>;
    /// Documents not complete, reserved at or before `cutoff`, and not being uploaded since.
    async fn stale_documents(&self, cutoff: UnixSeconds) -> StorageResult<Vec<DocumentId>>;
    /// Which of `ids` (at most [`MAX_IDS_PER_LOOKUP`]) have a document row, in any state: the
    /// sweep of orphan blobs asks this of each page of the blob store's listing.
    async fn existing_documents(&self, ids: &[DocumentId]) -> StorageResult<HashSet<DocumentId>>;
    /// Deletes a document if it is still one of [`DocumentStore::stale_documents`].
    async fn delete_stale_document(
        &self,
        id: DocumentId,
        cutoff: UnixSeconds,
    ) -> StorageResult<bool>;
}
