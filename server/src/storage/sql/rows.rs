//! The rows as the database returns them, and their conversion to the records handlers see.
//! Ids and names are stored as text, counts and times as `BIGINT`, ciphertexts as bytes.

use sqlx::FromRow;

use super::{parse_id, to_u32, to_u64};
use crate::storage::*;
use crate::worker_code::WorkerCode;

/// `SELECT *` of `accounts`.
#[derive(FromRow)]
pub(super) struct AccountRow {
    id: String,
    kind: String,
    pseudonym: String,
    pseudonym_key: String,
    recipient: String,
    salt: Vec<u8>,
    kdf_m_kib: i64,
    kdf_t: i64,
    kdf_p: i64,
    passphrase_auth_hmac: Vec<u8>,
    passphrase_slot: Vec<u8>,
    recovery_auth_hmac: Vec<u8>,
    recovery_slot: Vec<u8>,
    created_day: i64,
    last_seen_day: i64,
}

impl TryFrom<AccountRow> for Account {
    type Error = StorageError;

    fn try_from(r: AccountRow) -> StorageResult<Self> {
        Ok(Self {
            id: parse_id(&r.id, "account id")?,
            kind: AccountKind::parse(&r.kind)?,
            pseudonym: r.pseudonym,
            pseudonym_key: r.pseudonym_key,
            recipient: r.recipient,
            passphrase: PassphraseSlot {
                salt: r.salt,
                kdf: KdfParams {
                    m_kib: to_u32(r.kdf_m_kib, "kdf_m_kib")?,
                    t: to_u32(r.kdf_t, "kdf_t")?,
                    p: to_u32(r.kdf_p, "kdf_p")?,
                },
                auth_hmac: r.passphrase_auth_hmac,
                slot: r.passphrase_slot,
            },
            recovery_auth_hmac: r.recovery_auth_hmac,
            recovery_slot: r.recovery_slot,
            created_day: r.created_day,
            last_seen_day: r.last_seen_day,
        })
    }
}

/// `SELECT *` of `sessions`.
#[derive(FromRow)]
pub(super) struct SessionRow {
    token_hash: String,
    account_id: String,
    method: String,
    created_at: i64,
    last_seen_at: i64,
    device: String,
    view: String,
}

impl TryFrom<SessionRow> for SessionRecord {
    type Error = StorageError;

    fn try_from(r: SessionRow) -> StorageResult<Self> {
        Ok(Self {
            token_hash: r.token_hash,
            account_id: parse_id(&r.account_id, "session account")?,
            method: AuthMethod::parse(&r.method)?,
            created_at: r.created_at,
            last_seen_at: r.last_seen_at,
            device: crate::device::Device::from_stored(&r.device),
            view: View::parse(&r.view)?,
        })
    }
}

/// `SELECT *` of `passkeys`.
#[derive(FromRow)]
pub(super) struct PasskeyRow {
    id: String,
    account_id: String,
    credential_id: Vec<u8>,
    credential: Vec<u8>,
    name: String,
    created_at: i64,
    last_used_at: Option<i64>,
    sign_count: i64,
    backup_eligible: i64,
    backup_state: i64,
    prf_salt: Vec<u8>,
    slot: Option<Vec<u8>>,
}

impl TryFrom<PasskeyRow> for PasskeyRecord {
    type Error = StorageError;

    fn try_from(r: PasskeyRow) -> StorageResult<Self> {
        Ok(Self {
            id: parse_id(&r.id, "passkey id")?,
            account_id: parse_id(&r.account_id, "passkey owner")?,
            credential_id: r.credential_id,
            credential: r.credential,
            name: r.name,
            created_at: r.created_at,
            last_used_at: r.last_used_at,
            sign_count: to_u32(r.sign_count, "sign_count")?,
            backup_eligible: r.backup_eligible != 0,
            backup_state: r.backup_state != 0,
            prf_salt: r.prf_salt,
            slot: r.slot,
        })
    }
}

/// A row of `ceremonies`.
#[derive(FromRow)]
pub(super) struct CeremonyRow {
    id: String,
    kind: String,
    account_id: Option<String>,
    state: Vec<u8>,
    prf_salt: Option<Vec<u8>>,
    expires_at: i64,
}

impl TryFrom<CeremonyRow> for Ceremony {
    type Error = StorageError;

    fn try_from(r: CeremonyRow) -> StorageResult<Self> {
        let kind = match r.kind.as_str() {
            "register" => CeremonyKind::Register,
            "login" => CeremonyKind::Login,
            "confirm" => CeremonyKind::Confirm,
            other => return Err(StorageError::Corrupt(format!("ceremony kind {other:?}"))),
        };
        Ok(Self {
            id: parse_id(&r.id, "ceremony id")?,
            kind,
            account_id: r
                .account_id
                .map(|a| parse_id(&a, "ceremony account"))
                .transpose()?,
            state: r.state,
            prf_salt: r.prf_salt,
            expires_at: r.expires_at,
        })
    }
}

/// A session joined with its account's kind and, for a worker, its state.
#[derive(FromRow)]
pub(super) struct SessionRoleRow {
    #[sqlx(flatten)]
    session: SessionRow,
    kind: String,
    worker_state: Option<String>,
}

impl TryFrom<SessionRoleRow> for (SessionRecord, Role) {
    type Error = StorageError;

    fn try_from(r: SessionRoleRow) -> StorageResult<Self> {
        Ok((r.session.try_into()?, role(&r.kind, r.worker_state)?))
    }
}

/// The role of an account of `kind`, whose worker row (if any) has `worker_state`.
pub(super) fn role(kind: &str, worker_state: Option<String>) -> StorageResult<Role> {
    match (AccountKind::parse(kind)?, worker_state) {
        (AccountKind::Holder, _) => Ok(Role::Holder),
        (AccountKind::Worker, Some(state)) => Ok(Role::Worker(WorkerState::parse(&state)?)),
        (AccountKind::Worker, None) => Err(StorageError::Corrupt(
            "a worker account without worker details".into(),
        )),
    }
}

/// `SELECT *` of `documents`.
#[derive(FromRow)]
pub(super) struct DocumentRow {
    id: String,
    account_id: String,
    size: i64,
    state: String,
    created_at: i64,
    metadata: Vec<u8>,
    envelope: Vec<u8>,
}

impl TryFrom<DocumentRow> for Document {
    type Error = StorageError;

    fn try_from(r: DocumentRow) -> StorageResult<Self> {
        Ok(Self {
            id: parse_id(&r.id, "document id")?,
            account_id: parse_id(&r.account_id, "document owner")?,
            size: to_u64(r.size, "document size")?,
            state: DocumentState::parse(&r.state)?,
            created_at: r.created_at,
            metadata: r.metadata,
            envelope: r.envelope,
        })
    }
}

/// `SELECT *` of `organisations`.
#[derive(FromRow)]
pub(super) struct OrganisationRow {
    id: String,
    name: String,
    created_at: i64,
}

impl TryFrom<OrganisationRow> for Organisation {
    type Error = StorageError;

    fn try_from(r: OrganisationRow) -> StorageResult<Self> {
        Ok(Self {
            id: parse_id(&r.id, "organisation id")?,
            name: r.name,
            created_at: r.created_at,
        })
    }
}

/// An organisation with its workers counted by state.
#[derive(FromRow)]
pub(super) struct OrganisationSummaryRow {
    #[sqlx(flatten)]
    organisation: OrganisationRow,
    unverified: i64,
    verified: i64,
    suspended: i64,
}

impl TryFrom<OrganisationSummaryRow> for OrganisationSummary {
    type Error = StorageError;

    fn try_from(r: OrganisationSummaryRow) -> StorageResult<Self> {
        Ok(Self {
            organisation: r.organisation.try_into()?,
            unverified: to_u64(r.unverified, "unverified")?,
            verified: to_u64(r.verified, "verified")?,
            suspended: to_u64(r.suspended, "suspended")?,
        })
    }
}

/// A valid invitation and its organisation.
#[derive(FromRow)]
pub(super) struct ValidInvitationRow {
    #[sqlx(flatten)]
    organisation: OrganisationRow,
    invitation_expires_at: i64,
}

impl TryFrom<ValidInvitationRow> for ValidInvitation {
    type Error = StorageError;

    fn try_from(r: ValidInvitationRow) -> StorageResult<Self> {
        Ok(Self {
            organisation: r.organisation.try_into()?,
            expires_at: r.invitation_expires_at,
        })
    }
}

/// The columns of [`WORKER_SELECT`].
#[derive(FromRow)]
pub(super) struct WorkerRow {
    account_id: String,
    real_name: String,
    state: String,
    code: i64,
    joined_day: i64,
    recipient: String,
    organisation_id: String,
    organisation_name: String,
    organisation_created_at: i64,
}

/// A worker joined from workers, accounts and organisations, as [`WorkerRow`] reads it.
pub(super) const WORKER_SELECT: &str = "SELECT w.account_id, w.real_name, w.state, w.code, \
     w.joined_day, a.recipient, o.id AS organisation_id, o.name AS organisation_name, \
     o.created_at AS organisation_created_at \
     FROM workers w JOIN accounts a ON a.id = w.account_id \
     JOIN organisations o ON o.id = w.organisation_id";

impl TryFrom<WorkerRow> for WorkerRecord {
    type Error = StorageError;

    fn try_from(r: WorkerRow) -> StorageResult<Self> {
        Ok(Self {
            account_id: parse_id(&r.account_id, "worker id")?,
            real_name: r.real_name,
            organisation: Organisation {
                id: parse_id(&r.organisation_id, "organisation id")?,
                name: r.organisation_name,
                created_at: r.organisation_created_at,
            },
            state: WorkerState::parse(&r.state)?,
            code: WorkerCode::from_value(to_u64(r.code, "worker code")?)
                .ok_or_else(|| StorageError::Corrupt("worker code".into()))?,
            joined_day: r.joined_day,
            recipient: r.recipient,
        })
    }
}

/// The columns of [`SHARE_SELECT`].
#[derive(FromRow)]
pub(super) struct ShareRow {
    id: String,
    owner_id: String,
    owner_pseudonym: String,
    kind: String,
    worker_id: Option<String>,
    created_at: i64,
    opens_at: Option<i64>,
    expires_at: i64,
    revoked_at: Option<i64>,
    locked_at: Option<i64>,
    pin_hmac: Option<Vec<u8>>,
    pin_failures: i64,
    access_hmac: Option<Vec<u8>>,
    note: Option<Vec<u8>>,
}

/// A share and its owner's pseudonym, as [`ShareRow`] reads it.
pub(super) const SHARE_SELECT: &str = "SELECT s.id, s.owner_id, a.pseudonym AS owner_pseudonym, \
     s.kind, s.worker_id, s.created_at, s.opens_at, s.expires_at, s.revoked_at, s.locked_at, s.pin_hmac, \
     s.pin_failures, s.access_hmac, s.note \
     FROM shares s JOIN accounts a ON a.id = s.owner_id";

impl TryFrom<ShareRow> for Share {
    type Error = StorageError;

    fn try_from(r: ShareRow) -> StorageResult<Self> {
        Ok(Self {
            id: parse_id(&r.id, "share id")?,
            owner: parse_id(&r.owner_id, "share owner")?,
            owner_pseudonym: r.owner_pseudonym,
            kind: ShareKind::parse(&r.kind)?,
            worker_id: r
                .worker_id
                .map(|w| parse_id(&w, "share worker"))
                .transpose()?,
            created_at: r.created_at,
            opens_at: r.opens_at,
            expires_at: r.expires_at,
            revoked_at: r.revoked_at,
            locked_at: r.locked_at,
            pin_hmac: r.pin_hmac,
            pin_failures: to_u32(r.pin_failures, "pin_failures")?,
            access_hmac: r.access_hmac,
            note: r.note,
        })
    }
}

/// The columns of [`SHARED_DOCUMENT_SELECT`].
#[derive(FromRow)]
pub(super) struct SharedDocumentRow {
    id: String,
    size: i64,
    metadata: Vec<u8>,
    envelope: Vec<u8>,
}

/// The documents of a share with their envelopes, joined from share_documents (for the
/// order), share_envelopes and documents, as [`SharedDocumentRow`] reads them.
pub(super) const SHARED_DOCUMENT_SELECT: &str = "SELECT d.id, d.size, d.metadata, e.envelope \
     FROM share_envelopes e \
     JOIN share_documents l ON l.share_id = e.share_id AND l.document_id = e.document_id \
     JOIN documents d ON d.id = e.document_id";

impl TryFrom<SharedDocumentRow> for SharedDocument {
    type Error = StorageError;

    fn try_from(r: SharedDocumentRow) -> StorageResult<Self> {
        Ok(Self {
            id: parse_id(&r.id, "document id")?,
            size: to_u64(r.size, "document size")?,
            metadata: r.metadata,
            envelope: r.envelope,
        })
    }
}

/// A receipt with the share it belongs to.
#[derive(FromRow)]
pub(super) struct ReceiptRow {
    pub(super) share_id: String,
    document_id: String,
    at: i64,
    action: String,
    by: String,
}

impl TryFrom<ReceiptRow> for Receipt {
    type Error = StorageError;

    fn try_from(r: ReceiptRow) -> StorageResult<Self> {
        Ok(Self {
            document_id: parse_id(&r.document_id, "receipt document")?,
            at: r.at,
            action: ReceiptAction::parse(&r.action)?,
            by: ReceiptBy::parse(&r.by)?,
        })
    }
}

/// Converts every row.
pub(super) fn all<R, T>(rows: Vec<R>) -> StorageResult<Vec<T>>
where
    T: TryFrom<R, Error = StorageError>,
{
    rows.into_iter().map(T::try_from).collect()
}

/// Converts a row if there is one.
pub(super) fn maybe<R, T>(row: Option<R>) -> StorageResult<Option<T>>
where
    T: TryFrom<R, Error = StorageError>,
{
    row.map(T::try_from).transpose()
}
