//! Trusted helpers: each holder's helper set, help requests and helpers' approvals.

use async_trait::async_trait;

use crate::clock::UnixSeconds;
use crate::ids::{AccountId, HelpRequestId, HelperId};

use super::StorageResult;

/// What a helper is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelperKind {
    /// A worker: the share is encrypted to the worker's recipient.
    Worker,
    /// A paper helper card: the server keeps only a verifier of the card.
    Card,
}

impl HelperKind {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Worker => "worker",
            Self::Card => "card",
        }
    }
}

/// One helper of a set.
#[derive(Clone)]
pub struct HelperRecord {
    /// Its id.
    pub id: HelperId,
    /// Its place in the set (0-based), as the holder listed it.
    pub position: u32,
    /// Worker or card.
    pub kind: HelperKind,
    /// The worker, for a worker helper.
    pub worker_id: Option<AccountId>,
    /// The share encrypted to the worker's recipient, for a worker helper (opaque).
    pub share: Option<Vec<u8>>,
    /// HMAC(pepper, card auth key), for a card.
    pub card_hmac: Option<Vec<u8>>,
    /// The holder's label for a card (empty for a worker).
    pub label: String,
}

/// A holder's helper set.
#[derive(Clone)]
pub struct HelperSetRecord {
    /// Whose.
    pub account_id: AccountId,
    /// How many helpers are needed.
    pub threshold: u32,
    /// The server's part of the recovery secret.
    pub server_part: Vec<u8>,
    /// HMAC(pepper, the recovery secret's auth key).
    pub auth_hmac: Vec<u8>,
    /// The helper slot (W encrypted to the recovery secret's identity).
    pub slot: Vec<u8>,
    /// When it was made.
    pub created_at: UnixSeconds,
    /// The helpers, by position.
    pub helpers: Vec<HelperRecord>,
}

/// Where a help request stands, as stored.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HelpRequestState {
    /// Open (expired once past its `expires_at`).
    Open,
    /// Cancelled by a session of the holder, or by a new helper set.
    Cancelled,
    /// The wallet was opened with it.
    Completed,
}

impl HelpRequestState {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Open => "open",
            Self::Cancelled => "cancelled",
            Self::Completed => "completed",
        }
    }
}

/// A help request.
#[derive(Debug, Clone)]
pub struct HelpRequestRecord {
    /// Its id.
    pub id: HelpRequestId,
    /// SHA-256 of the request token, hex.
    pub token_hash: String,
    /// Keyed hash of the pseudonym: one open request per tag.
    pub tag: String,
    /// The holder; `None` for a pseudonym that does not exist.
    pub account_id: Option<AccountId>,
    /// The recovering browser's age recipient.
    pub recipient: String,
    /// The short code derived from the recipient.
    pub code: String,
    /// When it was made.
    pub created_at: UnixSeconds,
    /// When the waiting period ends.
    pub ready_at: UnixSeconds,
    /// When it expires.
    pub expires_at: UnixSeconds,
    /// Open, cancelled or completed.
    pub state: HelpRequestState,
}

/// A help request as a worker helper sees it.
#[derive(Debug, Clone)]
pub struct WorkerHelpRequest {
    /// The request.
    pub request: HelpRequestRecord,
    /// The holder's pseudonym.
    pub pseudonym: String,
    /// Which helper of the holder's set this worker is.
    pub helper_id: HelperId,
    /// This worker's share, encrypted to their recipient.
    pub share: Vec<u8>,
    /// Whether this worker has approved it.
    pub approved: bool,
}

/// Helper sets and help requests.
#[async_trait]
pub trait HelperStore: Send + Sync {
    /// Replaces the holder's helper set (deleting the old one, its helpers and their
    /// approvals) and cancels the holder's open help requests, in one transaction.
    async fn replace_helper_set(&self, set: &HelperSetRecord) -> StorageResult<()>;
    /// The holder's helper set.
    async fn helper_set(&self, account: AccountId) -> StorageResult<Option<HelperSetRecord>>;
    /// Deletes the holder's helper set and cancels their open requests; false if none.
    async fn delete_helper_set(&self, account: AccountId) -> StorageResult<bool>;
    /// Stores a new request unless one open under the same tag has not expired at `now`;
    /// answers that one instead (and stores nothing).
    async fn create_help_request(
        &self,
        request: &HelpRequestRecord,
        now: UnixSeconds,
    ) -> StorageResult<Option<HelpRequestRecord>>;
    /// The request with this token hash.
    async fn help_request_by_token(
        &self,
        token_hash: &str,
    ) -> StorageResult<Option<HelpRequestRecord>>;
    /// The holder's open requests that have not expired at `now`.
    async fn open_help_requests(
        &self,
        account: AccountId,
        now: UnixSeconds,
    ) -> StorageResult<Vec<HelpRequestRecord>>;
    /// Cancels an open, unexpired request of the holder; false if there is none.
    async fn cancel_help_request(
        &self,
        account: AccountId,
        id: HelpRequestId,
        now: UnixSeconds,
    ) -> StorageResult<bool>;
    /// Marks an open request completed, once: false if it was not open.
    async fn complete_help_request(&self, id: HelpRequestId) -> StorageResult<bool>;
    /// The open, unexpired requests of holders whose helper set has this worker.
    async fn help_requests_for_worker(
        &self,
        worker: AccountId,
        now: UnixSeconds,
    ) -> StorageResult<Vec<WorkerHelpRequest>>;
    /// Records a helper's approval (its share re-encrypted to the request's recipient); a
    /// second approval by the same helper changes nothing. False if the helper had already
    /// approved.
    async fn approve_help_request(
        &self,
        id: HelpRequestId,
        helper: HelperId,
        share: &[u8],
        now: UnixSeconds,
    ) -> StorageResult<bool>;
    /// The approvals of a request by helpers of the holder's current set who are verified
    /// workers now (a suspended worker's approval stops counting), with the shares.
    async fn help_approvals(&self, id: HelpRequestId) -> StorageResult<Vec<(HelperId, Vec<u8>)>>;
    /// Deletes requests that expired before `before`; returns how many.
    async fn delete_expired_help_requests(&self, before: UnixSeconds) -> StorageResult<u64>;
}
