//! What the storage keeps for sharing: organisations, workers, invitations, shares, receipts.

use super::{StorageError, StorageResult};
use crate::clock::UnixSeconds;
use crate::ids::{AccountId, DocumentId, OrganisationId, ShareId};
use crate::worker_code::WorkerCode;

/// Declares a closed set of names stored as text, with `as_str` and `parse`.
macro_rules! text_enum {
    ($(#[$doc:meta])* $name:ident, $what:literal { $($(#[$vdoc:meta])* $variant:ident = $text:literal),+ $(,)? }) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vdoc])* $variant),+
        }

        impl $name {
            /// The stored (and answered) name.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $text),+
                }
            }

            /// The value of a stored name.
            pub fn parse(s: &str) -> StorageResult<Self> {
                match s {
                    $($text => Ok(Self::$variant),)+
                    other => Err(StorageError::Corrupt(format!(concat!($what, " {:?}"), other))),
                }
            }
        }

        /// The names as a string enum, for the API fields that answer `as_str` (they name
        /// this type as their `value_type`).
        impl utoipa::PartialSchema for $name {
            fn schema() -> utoipa::openapi::RefOr<utoipa::openapi::schema::Schema> {
                utoipa::openapi::schema::ObjectBuilder::new()
                    .schema_type(utoipa::openapi::schema::Type::String)
                    .description(Some(concat!("A ", $what, ".")))
                    .enum_values(Some([$($text),+]))
                    .into()
            }
        }

        impl utoipa::ToSchema for $name {}
    };
}

text_enum!(
    /// Which kind of account.
    AccountKind, "account kind" {
        /// Keeps documents and shares them.
        Holder = "holder",
        /// A social worker who joined through an invitation.
        Worker = "worker",
    }
);

text_enum!(
    /// Where a worker stands with the operator.
    WorkerState, "worker state" {
        /// Joined, not yet checked.
        Unverified = "unverified",
        /// Checked by the operator.
        Verified = "verified",
        /// Refused everything.
        Suspended = "suspended",
    }
);

text_enum!(
    /// Whom a share is for.
    ShareKind, "share kind" {
        /// One worker.
        Worker = "worker",
        /// Whoever has the link (and its PIN).
        Link = "link",
    }
);

text_enum!(
    /// What a receipt records.
    ReceiptAction, "receipt action" {
        /// The content was fetched.
        Open = "open",
        /// The explicit download button was used.
        Download = "download",
    }
);

text_enum!(
    /// Who caused a receipt.
    ReceiptBy, "receipt by" {
        /// The worker the share is addressed to.
        Worker = "worker",
        /// A visitor of the link.
        Link = "link",
    }
);

text_enum!(
    /// Where a share stands at a given time.
    ShareStatus, "share status" {
        /// Usable.
        Active = "active",
        /// Past its expiry.
        Expired = "expired",
        /// Revoked by its holder.
        Revoked = "revoked",
        /// A link locked by too many wrong PINs.
        Locked = "locked",
        /// An appointment whose window has not opened yet.
        Scheduled = "scheduled",
    }
);

/// An account's kind and, for a worker, its state: what decides which routes it may use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// A holder.
    Holder,
    /// A worker in this state.
    Worker(WorkerState),
}

/// An organisation workers belong to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Organisation {
    /// Id.
    pub id: OrganisationId,
    /// Its name, unique.
    pub name: String,
    /// When the operator created it.
    pub created_at: UnixSeconds,
}

/// An organisation with its number of workers by state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrganisationSummary {
    /// The organisation.
    pub organisation: Organisation,
    /// Workers not yet verified.
    pub unverified: u64,
    /// Verified workers.
    pub verified: u64,
    /// Suspended workers.
    pub suspended: u64,
}

/// A stored invitation; the token itself is never stored.
#[derive(Debug, Clone)]
pub struct Invitation {
    /// SHA-256 of the token, hex.
    pub token_hash: String,
    /// The organisation the invited worker joins.
    pub organisation_id: OrganisationId,
    /// When it was made.
    pub created_at: UnixSeconds,
    /// It is refused from this time on.
    pub expires_at: UnixSeconds,
}

/// An invitation that can still be used.
#[derive(Debug, Clone)]
pub struct ValidInvitation {
    /// The organisation the invited worker joins.
    pub organisation: Organisation,
    /// It is refused from this time on.
    pub expires_at: UnixSeconds,
}

/// What a worker adds to their account when joining.
#[derive(Debug, Clone)]
pub struct NewWorker {
    /// Their real name, trimmed.
    pub real_name: String,
    /// Their card code.
    pub code: WorkerCode,
    /// Start of the UTC day they joined.
    pub joined_day: UnixSeconds,
}

/// How joining went.
#[derive(Debug, Clone)]
pub enum JoinOutcome {
    /// The worker exists; the invitation is used.
    Joined(WorkerRecord),
    /// The invitation is unknown, used or expired.
    InvitationInvalid,
    /// The login name belongs to another account.
    PseudonymTaken,
    /// The card code drawn belongs to another worker; draw again.
    CodeTaken,
}

/// A worker, with their organisation and wallet recipient.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorkerRecord {
    /// The worker's account id.
    pub account_id: AccountId,
    /// Their real name.
    pub real_name: String,
    /// Their organisation.
    pub organisation: Organisation,
    /// Where they stand.
    pub state: WorkerState,
    /// Their card code.
    pub code: WorkerCode,
    /// Start of the UTC day they joined.
    pub joined_day: UnixSeconds,
    /// Their wallet identity's age recipient.
    pub recipient: String,
}

/// Whom a new share is for, with what the server keeps to check a link.
#[derive(Clone)]
pub enum ShareAudience {
    /// This worker (an account id).
    Worker(AccountId),
    /// A link.
    Link {
        /// HMAC(pepper, access key).
        access_hmac: Vec<u8>,
        /// HMAC(pepper, share id ‖ PIN), when the link has a PIN.
        pin_hmac: Option<Vec<u8>>,
    },
}

impl std::fmt::Debug for ShareAudience {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Worker(id) => f.debug_tuple("Worker").field(id).finish(),
            Self::Link { pin_hmac, .. } => f
                .debug_struct("Link")
                .field("pin", &pin_hmac.is_some())
                .finish_non_exhaustive(),
        }
    }
}

/// A share to create.
#[derive(Debug, Clone)]
pub struct NewShare {
    /// Id.
    pub id: ShareId,
    /// The holder sharing.
    pub owner: AccountId,
    /// Whom it is for.
    pub audience: ShareAudience,
    /// When it was made.
    pub created_at: UnixSeconds,
    /// For an appointment: it opens at this time (before it, it does not exist for anyone but
    /// its holder). `None`: open from `created_at`.
    pub opens_at: Option<UnixSeconds>,
    /// It ends at this time.
    pub expires_at: UnixSeconds,
    /// The note ciphertext, if any.
    pub note: Option<Vec<u8>>,
    /// The shared documents, in order, each with its share envelope.
    pub documents: Vec<(DocumentId, Vec<u8>)>,
    /// Made in a limited session: recorded as such in the same transaction, and each document
    /// must then have a limited-view envelope.
    pub in_limited_view: bool,
}

/// How creating a share went.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CreateShareOutcome {
    /// Stored.
    Created,
    /// The worker does not exist or is suspended; nothing stored.
    WorkerNotFound,
    /// A document is not a complete document of the owner; nothing stored.
    DocumentNotFound,
}

/// A stored share.
#[derive(Clone)]
pub struct Share {
    /// Id.
    pub id: ShareId,
    /// The holder who made it.
    pub owner: AccountId,
    /// The holder's pseudonym.
    pub owner_pseudonym: String,
    /// Worker share or link.
    pub kind: ShareKind,
    /// The worker, for a worker share.
    pub worker_id: Option<AccountId>,
    /// When it was made.
    pub created_at: UnixSeconds,
    /// For an appointment: it opens at this time. `None`: open from `created_at`.
    pub opens_at: Option<UnixSeconds>,
    /// It ends at this time.
    pub expires_at: UnixSeconds,
    /// When its holder revoked it.
    pub revoked_at: Option<UnixSeconds>,
    /// When too many wrong PINs locked it.
    pub locked_at: Option<UnixSeconds>,
    /// HMAC(pepper, share id ‖ PIN), for a link with a PIN.
    pub pin_hmac: Option<Vec<u8>>,
    /// Wrong PINs so far.
    pub pin_failures: u32,
    /// HMAC(pepper, access key), for a link.
    pub access_hmac: Option<Vec<u8>>,
    /// The note ciphertext (gone once the share ended).
    pub note: Option<Vec<u8>>,
}

impl std::fmt::Debug for Share {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Share")
            .field("id", &self.id)
            .field("owner", &self.owner)
            .field("kind", &self.kind)
            .field("worker_id", &self.worker_id)
            .field("created_at", &self.created_at)
            .field("opens_at", &self.opens_at)
            .field("expires_at", &self.expires_at)
            .field("revoked_at", &self.revoked_at)
            .field("locked_at", &self.locked_at)
            .field("pin", &self.pin_hmac.is_some())
            .field("pin_failures", &self.pin_failures)
            .finish_non_exhaustive()
    }
}

impl Share {
    /// Where the share stands at `now`: revoked and locked win over expired, and expired
    /// over scheduled.
    pub fn status(&self, now: UnixSeconds) -> ShareStatus {
        if self.revoked_at.is_some() {
            ShareStatus::Revoked
        } else if self.locked_at.is_some() {
            ShareStatus::Locked
        } else if now >= self.expires_at {
            ShareStatus::Expired
        } else if self.before_window(now) {
            ShareStatus::Scheduled
        } else {
            ShareStatus::Active
        }
    }

    /// Whether, at `now`, the share is an appointment whose window has not opened yet: then
    /// it does not exist for anyone but its holder, whatever else is true of it (revoked
    /// included), so that nobody can learn of it early.
    pub fn before_window(&self, now: UnixSeconds) -> bool {
        self.opens_at.is_some_and(|opens| now < opens)
    }
}

/// A document as a share shows it.
#[derive(Debug, Clone)]
pub struct SharedDocument {
    /// Id.
    pub id: DocumentId,
    /// Byte length of the content ciphertext.
    pub size: u64,
    /// Metadata ciphertext (encrypted to the document's key).
    pub metadata: Vec<u8>,
    /// The share envelope.
    pub envelope: Vec<u8>,
}

/// One recorded opening or download.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Receipt {
    /// Which document.
    pub document_id: DocumentId,
    /// When.
    pub at: UnixSeconds,
    /// Opened or downloaded.
    pub action: ReceiptAction,
    /// By the worker or a link visitor.
    pub by: ReceiptBy,
}

/// A share as its holder sees it: with its worker, document ids and receipts.
#[derive(Debug, Clone)]
pub struct HolderShare {
    /// The share.
    pub share: Share,
    /// The worker, for a worker share.
    pub worker: Option<WorkerRecord>,
    /// The shared documents still existing, in the order shared.
    pub document_ids: Vec<DocumentId>,
    /// Every receipt, oldest first.
    pub receipts: Vec<Receipt>,
}

/// A link's requests in its current rate-limit window.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LinkRate {
    /// Requests counted in the window, this one included.
    pub count: u32,
    /// When the window started.
    pub window_start: UnixSeconds,
}

/// What one purge of expired shares deleted.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct PurgedShares {
    /// Share envelopes deleted.
    pub envelopes: u64,
    /// Notes deleted.
    pub notes: u64,
}
