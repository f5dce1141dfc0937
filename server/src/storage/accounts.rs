//! Accounts (holders and workers) and their sessions.

use async_trait::async_trait;

use crate::clock::UnixSeconds;
use crate::ids::{AccountId, DocumentId};

use super::{Account, PassphraseSlot, Role, SessionRecord, StorageResult};

/// Accounts and their sessions.
#[async_trait]
pub trait AccountStore: Send + Sync {
    /// Answers when the database does.
    async fn ping(&self) -> StorageResult<()>;
    /// Creates an account; [`StorageError::Conflict`] if its pseudonym key is taken.
    async fn create_account(&self, account: &Account) -> StorageResult<()>;
    /// The account with this pseudonym key.
    async fn account_by_pseudonym(&self, pseudonym_key: &str) -> StorageResult<Option<Account>>;
    /// The account with this id.
    async fn account(&self, id: AccountId) -> StorageResult<Option<Account>>;
    /// Replaces the passphrase slot of an account.
    async fn set_passphrase(&self, id: AccountId, slot: &PassphraseSlot) -> StorageResult<()>;
    /// Replaces the recovery code's verifier and slot of an account.
    async fn set_recovery(&self, id: AccountId, auth_hmac: &[u8], slot: &[u8])
    -> StorageResult<()>;
    /// The sessions of an account, oldest first.
    async fn sessions_of(&self, id: AccountId) -> StorageResult<Vec<SessionRecord>>;
    /// Records the day of a log-in.
    async fn set_last_seen_day(&self, id: AccountId, day: UnixSeconds) -> StorageResult<()>;
    /// Stores a new session.
    async fn create_session(&self, session: &SessionRecord) -> StorageResult<()>;
    /// The session with this token hash.
    async fn session(&self, token_hash: &str) -> StorageResult<Option<SessionRecord>>;
    /// The session with this token hash and the role of its account, in one statement: every
    /// authenticated request starts with it.
    async fn session_with_role(
        &self,
        token_hash: &str,
    ) -> StorageResult<Option<(SessionRecord, Role)>>;
    /// Marks a session as used at `now`.
    async fn touch_session(&self, token_hash: &str, now: UnixSeconds) -> StorageResult<()>;
    /// Deletes one session.
    async fn delete_session(&self, token_hash: &str) -> StorageResult<()>;
    /// Deletes every session of an account except `keep`.
    async fn delete_other_sessions(&self, id: AccountId, keep: &str) -> StorageResult<()>;
    /// Deletes sessions last used before `idle_before` or opened before `created_before`.
    async fn delete_expired_sessions(
        &self,
        idle_before: UnixSeconds,
        created_before: UnixSeconds,
    ) -> StorageResult<u64>;
    /// The kind of an account and, for a worker, its state.
    async fn role(&self, id: AccountId) -> StorageResult<Option<Role>>;
    /// Deletes every session of an account; returns how many.
    async fn delete_sessions(&self, id: AccountId) -> StorageResult<u64>;
    /// How many sessions an account has open.
    async fn session_count(&self, id: AccountId) -> StorageResult<u64>;
    /// Deletes a holder's account and every row of it in one transaction: its sessions, key
    /// slots, documents and their envelopes, shares with their documents, envelopes, notes and
    /// receipts, the helper set with its helpers, help requests and approvals, the limited view with its envelopes and its list of
    /// shares, and the log-in
    /// throttle row under `login_limit_key`. Answers the ids of the
    /// documents it had (in any state), whose blobs the caller deletes after; `None` if there
    /// is no such holder (a worker's account is left alone).
    async fn delete_holder(
        &self,
        id: AccountId,
        login_limit_key: &str,
    ) -> StorageResult<Option<Vec<DocumentId>>>;
}
