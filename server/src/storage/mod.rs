//! The metadata store: accounts, sessions, log-in attempts, documents, and sharing
//! (organisations, workers, invitations, shares, receipts).
//!
//! Handlers see only the [`Storage`] trait; each database gets one implementation that runs
//! its own migrations on connect. Nothing here is cached in process memory, so replicas can
//! share one database.

mod sharing;
mod sqlite;
mod sqlite_sharing;

use async_trait::async_trait;

pub use self::sharing::*;
pub use self::sqlite::SqliteStorage;
use crate::clock::UnixSeconds;
use crate::ids::{AccountId, DocumentId, OrganisationId, ShareId};
use crate::worker_code::WorkerCode;

/// A storage failure.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// A unique value is already taken (a pseudonym, an organisation name).
    #[error("a unique value is already taken")]
    Conflict,
    /// The disk (or the database's size limit) is full.
    #[error("the database is full")]
    Full,
    /// A value read back could not be understood.
    #[error("corrupt row: {0}")]
    Corrupt(String),
    /// The database failed.
    #[error("database error: {0}")]
    Backend(#[source] Box<dyn std::error::Error + Send + Sync>),
}

/// Result of a storage call.
pub type StorageResult<T> = Result<T, StorageError>;

/// Argon2id parameters recorded per account.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct KdfParams {
    /// Memory in KiB.
    pub m_kib: u32,
    /// Passes.
    pub t: u32,
    /// Lanes.
    pub p: u32,
}

impl KdfParams {
    /// The parameters of `docs/formats.md`, answered for unknown pseudonyms.
    pub const DEFAULT: Self = Self {
        m_kib: 65_536,
        t: 3,
        p: 1,
    };
}

/// What replaces the passphrase slot of an account.
#[derive(Debug, Clone)]
pub struct PassphraseSlot {
    /// Argon2id salt.
    pub salt: Vec<u8>,
    /// Argon2id parameters.
    pub kdf: KdfParams,
    /// HMAC(pepper, auth key).
    pub auth_hmac: Vec<u8>,
    /// The slot ciphertext.
    pub slot: Vec<u8>,
}

/// An account: a holder's, or a worker's (whose worker details are kept apart).
#[derive(Debug, Clone)]
pub struct Account {
    /// Id.
    pub id: AccountId,
    /// Holder or worker.
    pub kind: AccountKind,
    /// The pseudonym as chosen, trimmed.
    pub pseudonym: String,
    /// The pseudonym in the form it is looked up by (see `validate::pseudonym_key`).
    pub pseudonym_key: String,
    /// The wallet identity's age recipient.
    pub recipient: String,
    /// The passphrase slot and its verifier.
    pub passphrase: PassphraseSlot,
    /// HMAC(pepper, recovery auth key).
    pub recovery_auth_hmac: Vec<u8>,
    /// The recovery slot ciphertext.
    pub recovery_slot: Vec<u8>,
    /// Start of the UTC day of creation.
    pub created_day: UnixSeconds,
    /// Start of the UTC day of the last log-in.
    pub last_seen_day: UnixSeconds,
}

/// How a session was opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum AuthMethod {
    /// With the passphrase (or at sign-up).
    Passphrase,
    /// With the recovery code.
    Recovery,
}

impl AuthMethod {
    fn as_str(self) -> &'static str {
        match self {
            Self::Passphrase => "passphrase",
            Self::Recovery => "recovery",
        }
    }

    fn parse(s: &str) -> StorageResult<Self> {
        match s {
            "passphrase" => Ok(Self::Passphrase),
            "recovery" => Ok(Self::Recovery),
            other => Err(StorageError::Corrupt(format!("session method {other:?}"))),
        }
    }
}

/// A stored session. The cookie token itself is never stored, only its SHA-256.
#[derive(Debug, Clone)]
pub struct SessionRecord {
    /// SHA-256 of the cookie token, hex.
    pub token_hash: String,
    /// Whose session.
    pub account_id: AccountId,
    /// How it was opened.
    pub method: AuthMethod,
    /// When it was opened.
    pub created_at: UnixSeconds,
    /// When it was last used.
    pub last_seen_at: UnixSeconds,
}

/// Failed log-ins counted for one pseudonym.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoginFailures {
    /// Failures since the last success.
    pub failures: u32,
    /// Time of the last failure.
    pub last_failure_at: UnixSeconds,
}

/// How long a pseudonym waits after failed log-ins: `free_failures` cost nothing, then each
/// further failure doubles the wait from 1 second up to `max_delay_secs`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LoginDelays {
    /// Failures allowed before waits start.
    pub free_failures: u32,
    /// Longest wait, in seconds (at least 1).
    pub max_delay_secs: i64,
}

impl LoginDelays {
    /// Seconds to wait after `failures` failures.
    pub fn after(&self, failures: u32) -> i64 {
        if failures < self.free_failures {
            return 0;
        }
        let exponent = failures - self.free_failures;
        if exponent >= self.cap_exponent() {
            self.max_delay_secs
        } else {
            1_i64 << exponent
        }
    }

    /// The smallest exponent whose power of two reaches the longest wait.
    pub fn cap_exponent(&self) -> u32 {
        let mut e = 0;
        while e < 62 && (1_i64 << e) < self.max_delay_secs {
            e += 1;
        }
        e
    }
}

/// Where a document's content stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DocumentState {
    /// Reserved, no content yet.
    Pending,
    /// Content arriving.
    Uploading,
    /// Content stored; the document is listed.
    Complete,
}

impl DocumentState {
    fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Uploading => "uploading",
            Self::Complete => "complete",
        }
    }

    fn parse(s: &str) -> StorageResult<Self> {
        match s {
            "pending" => Ok(Self::Pending),
            "uploading" => Ok(Self::Uploading),
            "complete" => Ok(Self::Complete),
            other => Err(StorageError::Corrupt(format!("document state {other:?}"))),
        }
    }
}

/// A document row (the content lives in the blob store under the same id).
#[derive(Debug, Clone)]
pub struct Document {
    /// Id.
    pub id: DocumentId,
    /// Owner.
    pub account_id: AccountId,
    /// Exact byte length of the content ciphertext.
    pub size: u64,
    /// Upload state.
    pub state: DocumentState,
    /// When it was reserved.
    pub created_at: UnixSeconds,
    /// Metadata ciphertext.
    pub metadata: Vec<u8>,
    /// Owner envelope ciphertext.
    pub envelope: Vec<u8>,
}

/// The metadata store.
#[async_trait]
pub trait Storage: Send + Sync + 'static {
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
    /// Records the day of a log-in.
    async fn set_last_seen_day(&self, id: AccountId, day: UnixSeconds) -> StorageResult<()>;

    /// Failed log-ins counted under `key`.
    async fn login_failures(&self, key: &str) -> StorageResult<Option<LoginFailures>>;
    /// Takes one log-in try under `key` at `now` in one atomic step: unless the failures
    /// counted under `key` impose a wait (`delays`) that has not ended, counts the try as a
    /// failure (a success clears it with [`Storage::clear_login_failures`]) and answers true.
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

    /// Stores a new session.
    async fn create_session(&self, session: &SessionRecord) -> StorageResult<()>;
    /// The session with this token hash.
    async fn session(&self, token_hash: &str) -> StorageResult<Option<SessionRecord>>;
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
    /// Gives back every PIN try still marked as being checked (at start-up, when no check can
    /// be running: a crash left them); answers how many links had some.
    async fn release_pin_tries(&self) -> StorageResult<u64>;
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

    /// The kind of an account and, for a worker, its state.
    async fn role(&self, id: AccountId) -> StorageResult<Option<Role>>;
    /// Deletes every session of an account; returns how many.
    async fn delete_sessions(&self, id: AccountId) -> StorageResult<u64>;
    /// How many sessions an account has open.
    async fn session_count(&self, id: AccountId) -> StorageResult<u64>;

    /// Creates an organisation; [`StorageError::Conflict`] if its name is taken.
    async fn create_organisation(&self, organisation: &Organisation) -> StorageResult<()>;
    /// The organisation with this id.
    async fn organisation(&self, id: OrganisationId) -> StorageResult<Option<Organisation>>;
    /// The organisation with exactly this name.
    async fn organisation_by_name(&self, name: &str) -> StorageResult<Option<Organisation>>;
    /// Every organisation with its workers counted by state, by name.
    async fn organisations(&self) -> StorageResult<Vec<OrganisationSummary>>;

    /// Stores an invitation.
    async fn create_invitation(&self, invitation: &Invitation) -> StorageResult<()>;
    /// The invitation with this token hash, if it is unused and not expired at `now`.
    async fn valid_invitation(
        &self,
        token_hash: &str,
        now: UnixSeconds,
    ) -> StorageResult<Option<ValidInvitation>>;
    /// In one transaction: uses the invitation (unused, not expired at `now`), creates
    /// `account` (of kind worker) and its worker details in the invitation's organisation,
    /// unverified. Nothing changes unless the outcome is [`JoinOutcome::Joined`].
    async fn join_worker(
        &self,
        token_hash: &str,
        now: UnixSeconds,
        account: &Account,
        worker: &NewWorker,
    ) -> StorageResult<JoinOutcome>;
    /// The worker with this account id.
    async fn worker(&self, id: AccountId) -> StorageResult<Option<WorkerRecord>>;
    /// The worker with this card code.
    async fn worker_by_code(&self, code: WorkerCode) -> StorageResult<Option<WorkerRecord>>;
    /// The workers (of one organisation, or all), by organisation name then real name.
    async fn workers(
        &self,
        organisation: Option<OrganisationId>,
    ) -> StorageResult<Vec<WorkerRecord>>;
    /// Sets the state of the worker with this code; answers the updated worker.
    async fn set_worker_state(
        &self,
        code: WorkerCode,
        state: WorkerState,
    ) -> StorageResult<Option<WorkerRecord>>;

    /// In one transaction: creates the share, its document list and envelopes, if the worker
    /// (for a worker share) exists and is not suspended and every document is a complete
    /// document of the owner. Nothing is stored otherwise.
    async fn create_share(&self, share: &NewShare) -> StorageResult<CreateShareOutcome>;
    /// The share with this id.
    async fn share(&self, id: ShareId) -> StorageResult<Option<Share>>;
    /// Every share of a holder with its worker, document ids and receipts, newest first.
    async fn holder_shares(&self, owner: AccountId) -> StorageResult<Vec<HolderShare>>;
    /// The worker shares addressed to `worker` that are active at `now`, newest first.
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
    /// Records a receipt if, at `now`, the share is active and the document still has an
    /// envelope in it; false (nothing recorded) otherwise.
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
    /// ([`Storage::give_back_pin_try`]) or counted wrong ([`Storage::count_wrong_pin`]).
    async fn take_pin_try(&self, id: ShareId, max_failures: u32) -> StorageResult<Option<u32>>;
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
