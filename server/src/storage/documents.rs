//! Document rows and their upload state; the content lives in the blob store.

use async_trait::async_trait;

use crate::clock::UnixSeconds;
use crate::ids::{AccountId, DocumentId};

use super::{Document, StorageResult};

/// Document rows (the content is in the blob store).
#[async_trait]
pub trait DocumentStore: Send + Sync {
    /// Reserves a pending document unless the owner's documents (pending ones included)
    /// plus this one would exceed `quota`; returns false when over quota.
    async fn reserve_document(&self, document: &Document, quota: u64) -> StorageResult<bool>;
    /// Bytes counted against an account's quota (pending documents included).
    async fn used_bytes(&self, id: AccountId) -> StorageResult<u64>;
    /// A document of this owner, whatever its state.
    async fn document(&self, owner: AccountId, id: DocumentId) -> StorageResult<Option<Document>>;
    /// The complete documents of an owner, oldest first.
    async fn list_documents(&self, owner: AccountId) -> StorageResult<Vec<Document>>;
    /// Moves a pending document to uploading; false if it is not pending (or not this owner's).
    async fn begin_upload(&self, owner: AccountId, id: DocumentId) -> StorageResult<bool>;
    /// Moves an uploading document to complete; false if it is gone.
    async fn finish_upload(&self, owner: AccountId, id: DocumentId) -> StorageResult<bool>;
    /// Moves an uploading document back to pending after a failed upload.
    async fn abort_upload(&self, owner: AccountId, id: DocumentId) -> StorageResult<()>;
    /// Moves every uploading document back to pending (at start-up, when no upload can be
    /// running: a crash left them); answers how many.
    async fn reset_uploads(&self) -> StorageResult<u64>;
    /// Replaces the metadata ciphertext; false if there is no such document.
    async fn set_metadata(
        &self,
        owner: AccountId,
        id: DocumentId,
        metadata: &[u8],
    ) -> StorageResult<bool>;
    /// Deletes a document row; false if there is no such document.
    async fn delete_document(&self, owner: AccountId, id: DocumentId) -> StorageResult<bool>;
    /// Documents not complete and reserved at or before `cutoff`.
    async fn stale_documents(&self, cutoff: UnixSeconds) -> StorageResult<Vec<DocumentId>>;
    /// Deletes a document if it is still not complete and was reserved at or before `cutoff`.
    async fn delete_stale_document(
        &self,
        id: DocumentId,
        cutoff: UnixSeconds,
    ) -> StorageResult<bool>;
}
