//! The records of accounts, sessions, log-in throttles and documents.

use super::{AccountKind, StorageError, StorageResult};
use crate::clock::UnixSeconds;
use crate::device::Device;
use crate::ids::{AccountId, CeremonyId, DocumentId, PasskeyId};

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
    /// With a passkey.
    Passkey,
    /// By a recovery with trusted helpers.
    Helpers,
}

impl AuthMethod {
    /// The stored (and listed) name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Passphrase => "passphrase",
            Self::Recovery => "recovery",
            Self::Passkey => "passkey",
            Self::Helpers => "helpers",
        }
    }

    /// Whether a fresh session of this method may set a new passphrase and recovery code
    /// without a proof: a recovery code or a recovery with trusted helpers is the proof.
    pub fn resets_slots(self) -> bool {
        matches!(self, Self::Recovery | Self::Helpers)
    }

    pub(crate) fn parse(s: &str) -> StorageResult<Self> {
        match s {
            "passphrase" => Ok(Self::Passphrase),
            "recovery" => Ok(Self::Recovery),
            "passkey" => Ok(Self::Passkey),
            "helpers" => Ok(Self::Helpers),
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
    /// The coarse kind of device it was opened on.
    pub device: Device,
    /// Which view of the wallet it opened.
    pub view: View,
}

/// Which view of a holder's wallet a session opened: the full wallet, or the limited view of
/// the second passphrase (docs/api.md, "Limited view").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    /// The whole wallet (W).
    #[default]
    Main,
    /// The limited view (V): only the documents with a limited-view envelope.
    Limited,
}

impl View {
    /// The stored name.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Main => "main",
            Self::Limited => "limited",
        }
    }

    pub(crate) fn parse(s: &str) -> StorageResult<Self> {
        match s {
            "main" => Ok(Self::Main),
            "limited" => Ok(Self::Limited),
            other => Err(StorageError::Corrupt(format!("unknown view {other:?}"))),
        }
    }
}

/// A passkey of an account.
#[derive(Debug, Clone)]
pub struct PasskeyRecord {
    /// Its id.
    pub id: PasskeyId,
    /// Whose.
    pub account_id: AccountId,
    /// The WebAuthn credential id.
    pub credential_id: Vec<u8>,
    /// The verified credential as webauthn-rs serialises it (public key, counter).
    pub credential: Vec<u8>,
    /// The name its owner gave it.
    pub name: String,
    /// When it was added.
    pub created_at: UnixSeconds,
    /// When it last logged in or confirmed a change.
    pub last_used_at: Option<UnixSeconds>,
    /// The authenticator's signature counter (0 when it keeps none).
    pub sign_count: u32,
    /// Whether the credential may be backed up (synced).
    pub backup_eligible: bool,
    /// Whether it is backed up.
    pub backup_state: bool,
    /// The PRF input of this credential.
    pub prf_salt: Vec<u8>,
    /// The passkey slot, when the authenticator has PRF.
    pub slot: Option<Vec<u8>>,
}

/// What a passkey's use changes in its record.
#[derive(Debug, Clone)]
pub struct PasskeyUse {
    /// The updated credential (counter, backup flags).
    pub credential: Vec<u8>,
    /// The new signature counter.
    pub sign_count: u32,
    /// Backup eligibility now.
    pub backup_eligible: bool,
    /// Backup state now.
    pub backup_state: bool,
    /// When.
    pub at: UnixSeconds,
}

/// Which ceremony.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CeremonyKind {
    /// Adding a passkey to the signed-in account.
    Register,
    /// Logging in with a discoverable passkey.
    Login,
    /// A passkey of the signed-in account confirming a change.
    Confirm,
}

impl CeremonyKind {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::Register => "register",
            Self::Login => "login",
            Self::Confirm => "confirm",
        }
    }
}

/// A WebAuthn ceremony between its start and its finish.
#[derive(Debug, Clone)]
pub struct Ceremony {
    /// Its id.
    pub id: CeremonyId,
    /// Which.
    pub kind: CeremonyKind,
    /// The signed-in account (register and confirm).
    pub account_id: Option<AccountId>,
    /// The webauthn-rs state (JSON), challenge included.
    pub state: Vec<u8>,
    /// For a registration: the PRF salt the new credential will get.
    pub prf_salt: Option<Vec<u8>>,
    /// It cannot be finished from then on.
    pub expires_at: UnixSeconds,
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
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            Self::Pending => "pending",
            Self::Uploading => "uploading",
            Self::Complete => "complete",
        }
    }

    pub(crate) fn parse(s: &str) -> StorageResult<Self> {
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
