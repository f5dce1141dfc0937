//! The limited view of a holder's wallet: its log-in, the envelopes to V, the shares made in
//! limited sessions.

use std::collections::{HashMap, HashSet};

use async_trait::async_trait;

use crate::clock::UnixSeconds;
use crate::ids::{AccountId, DocumentId, ShareId};

use super::{Document, StorageResult};

/// A holder's limited view, as stored.
#[derive(Clone)]
pub struct LimitedView {
    /// V's age recipient.
    pub recipient: String,
    /// HMAC(pepper, the second passphrase's auth key); empty once the view's log-in was
    /// deleted from a limited session (nothing matches it).
    pub auth_hmac: Vec<u8>,
    /// V encrypted under the second passphrase.
    pub slot: Vec<u8>,
    /// V encrypted to W.
    pub wrapped: Vec<u8>,
    /// The verifier and slot of a recovery code made in a limited session.
    pub recovery: Option<(Vec<u8>, Vec<u8>)>,
}

impl std::fmt::Debug for LimitedView {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("LimitedView")
            .field("recipient", &self.recipient)
            .finish_non_exhaustive()
    }
}

/// The limited views.
#[async_trait]
pub trait LimitedViewStore: Send + Sync {
    /// The limited view of a holder, if any.
    async fn limited_view(&self, account: AccountId) -> StorageResult<Option<LimitedView>>;
    /// Creates or replaces the limited view of a holder, in one transaction. When V changes
    /// (another recipient), the envelopes to the old V are deleted (unless a document has no
    /// other envelope: then nothing changes and the answer is false), and the limited sessions
    /// end, as when the log-in changes.
    async fn set_limited_view(&self, account: AccountId, view: &LimitedView)
    -> StorageResult<bool>;
    /// Replaces the log-in (auth verifier and slot) of an existing view; false if there is no
    /// view.
    async fn set_limited_login(
        &self,
        account: AccountId,
        auth_hmac: &[u8],
        slot: &[u8],
    ) -> StorageResult<bool>;
    /// Replaces the limited view's recovery code; false if there is no view.
    async fn set_limited_recovery(
        &self,
        account: AccountId,
        auth_hmac: &[u8],
        slot: &[u8],
    ) -> StorageResult<bool>;
    /// Deletes the view's log-in (second passphrase and its recovery code) and every limited
    /// session; V, its envelopes and its shares stay for the full view.
    async fn delete_limited_login(&self, account: AccountId) -> StorageResult<()>;
    /// Deletes the limited view, its envelopes, its sessions and its list of shares (the
    /// shares stay, listed by the full view); false (nothing deleted) if a document of the
    /// holder still has no owner envelope, or there is no view.
    async fn delete_limited_view(&self, account: AccountId) -> StorageResult<bool>;
    /// The limited-view envelopes of a holder's documents (in any state), by document.
    async fn limited_envelopes(
        &self,
        account: AccountId,
    ) -> StorageResult<HashMap<DocumentId, Vec<u8>>>;
    /// Adds or replaces the limited-view envelope of a complete document of `owner` not hidden
    /// at `now`; false if there is no such document or no view.
    async fn set_limited_envelope(
        &self,
        owner: AccountId,
        id: DocumentId,
        envelope: &[u8],
        now: UnixSeconds,
    ) -> StorageResult<bool>;
    /// Deletes the limited-view envelope of a document of `owner`; false if it has none, or it
    /// has no owner envelope (the full view adds one first).
    async fn delete_limited_envelope(
        &self,
        owner: AccountId,
        id: DocumentId,
    ) -> StorageResult<bool>;
    /// Sets the owner envelope of a document of `owner` that has none (one added from the
    /// limited view); false otherwise.
    async fn set_owner_envelope(
        &self,
        owner: AccountId,
        id: DocumentId,
        envelope: &[u8],
    ) -> StorageResult<bool>;
    /// As [`super::DocumentStore::reserve_document`], for a document added from the limited
    /// view: `document.envelope` is empty and `envelope` (to V) is stored with it, in one
    /// transaction.
    async fn reserve_limited_document(
        &self,
        document: &Document,
        envelope: &[u8],
        quota: u64,
    ) -> StorageResult<bool>;
    /// Bytes of a holder's documents with a limited-view envelope not hidden at `now`
    /// (pending ones included): the usage a limited session is shown.
    async fn limited_used_bytes(&self, account: AccountId, now: UnixSeconds) -> StorageResult<u64>;
    /// The shares of `owner` made in limited sessions.
    async fn limited_shares(&self, owner: AccountId) -> StorageResult<HashSet<ShareId>>;
}
