//! `/api/v1/account/limited-view` (holders, full view only): set, change and remove the
//! limited view of the second passphrase, and choose the documents it shows. Also the
//! per-session filter every holder route applies in a limited session ([`Scope`]).
//!
//! In a limited session these routes answer as for a wallet that has no limited view
//! (`404 not_found`): the limited view cannot see or manage itself. See docs/api.md,
//! "Limited view".

use std::collections::HashMap;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::{AppError, ErrorBody};
use crate::extract::{ApiJson, B64, DocPath};
use crate::ids::{AccountId, DocumentId};
use crate::roles::Holder;
use crate::routes::passkeys::{Proof, check_proof};
use crate::session::Session;
use crate::state::AppState;
use crate::storage::{Account, LimitedView};
use crate::validate::{self, AUTH_KEY_LEN, MAX_ENVELOPE_BYTES, MAX_SLOT_BYTES};

/// What a session may see of its wallet's documents: everything (the full view), or only the
/// documents with a limited-view envelope, each with that envelope (a limited session).
pub enum Scope {
    /// The full view.
    Full,
    /// A limited session: the documents it sees, with their envelopes to V.
    Limited(HashMap<DocumentId, Vec<u8>>),
}

impl Scope {
    /// The scope of `session`.
    pub async fn of(state: &AppState, session: &Session) -> Result<Self, AppError> {
        if !session.is_limited() {
            return Ok(Self::Full);
        }
        Ok(Self::Limited(
            state.storage.limited_envelopes(session.account_id).await?,
        ))
    }

    /// Whether the session sees document `id`.
    pub fn sees(&self, id: &DocumentId) -> bool {
        match self {
            Self::Full => true,
            Self::Limited(envelopes) => envelopes.contains_key(id),
        }
    }

    /// `404 not_found` unless the session sees document `id`, as for an unknown document.
    pub fn check(&self, id: &DocumentId) -> Result<(), AppError> {
        if self.sees(id) {
            Ok(())
        } else {
            Err(AppError::NotFound)
        }
    }
}

/// The account as the session sees it: in a limited session, V's recipient and the limited
/// view's log-in and recovery code take the place of the wallet's, so every check made against
/// "the account" checks the limited view's own keys.
pub async fn effective_account(state: &AppState, session: &Session) -> Result<Account, AppError> {
    let mut account = state
        .storage
        .account(session.account_id)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    if session.is_limited() {
        let view = state
            .storage
            .limited_view(session.account_id)
            .await?
            .ok_or(AppError::Unauthenticated)?;
        account.recipient = view.recipient;
        account.passphrase.auth_hmac = view.auth_hmac;
        account.passphrase.slot = view.slot;
        (account.recovery_auth_hmac, account.recovery_slot) = view.recovery.unwrap_or_default();
    }
    Ok(account)
}

/// A holder session of the full view; a limited session gets `404 not_found`, as a wallet
/// without a limited view would.
fn full_view(holder: &Holder) -> Result<AccountId, AppError> {
    if holder.session.is_limited() {
        return Err(AppError::NotFound);
    }
    Ok(holder.account_id)
}

/// The limited view, as the full view manages it.
#[derive(Debug, Serialize, ToSchema)]
pub struct LimitedViewInfo {
    /// V's age recipient.
    pub recipient: String,
    /// V encrypted to W, Base64: open it with W to add envelopes to V.
    #[schema(value_type = String, format = Byte)]
    pub wrapped: B64,
    /// Whether the second passphrase still opens it (false once "delete my wallet" was used
    /// in a limited session, or the main passphrase's salt changed).
    pub can_log_in: bool,
    /// The documents it shows.
    #[schema(value_type = Vec<String>)]
    pub document_ids: Vec<DocumentId>,
}

/// The limited view of the wallet.
#[utoipa::path(get, operation_id = "get_limited_view", path = "/api/v1/account/limited-view", tag = "limited view", security(("session" = [])),
    responses(
        (status = 200, body = LimitedViewInfo),
        (status = 401, body = ErrorBody, description = "unauthenticated"),
        (status = 403, body = ErrorBody, description = "forbidden (a worker), worker_suspended"),
        (status = 404, body = ErrorBody, description = "not_found (no limited view, or a limited session)"),
    ))]
pub async fn get(
    State(state): State<AppState>,
    holder: Holder,
) -> Result<Json<LimitedViewInfo>, AppError> {
    let account = full_view(&holder)?;
    let view = state
        .storage
        .limited_view(account)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut document_ids: Vec<DocumentId> = state
        .storage
        .limited_envelopes(account)
        .await?
        .into_keys()
        .collect();
    document_ids.sort_by_key(|id| id.to_string());
    Ok(Json(LimitedViewInfo {
        recipient: view.recipient,
        wrapped: B64(view.wrapped),
        can_log_in: !view.auth_hmac.is_empty(),
        document_ids,
    }))
}

/// `PUT /api/v1/account/limited-view` body.
#[derive(Debug, Deserialize, ToSchema)]
pub struct SetLimitedViewRequest {
    /// Proof of the owner (not needed shortly after a recovery log-in).
    #[serde(default)]
    pub proof: Option<Proof>,
    /// V's age recipient.
    pub recipient: String,
    /// V encrypted to W (age file), Base64, at most 4 KiB.
    #[schema(value_type = String, format = Byte)]
    pub wrapped: B64,
    /// The second passphrase's 32-byte auth key (derived with the account's salt and
    /// parameters), Base64.
    #[schema(value_type = String, format = Byte)]
    pub auth_key: B64,
    /// V encrypted under the second passphrase (age file), Base64, at most 4 KiB.
    #[schema(value_type = String, format = Byte)]
    pub slot: B64,
}

/// Sets the limited view, or changes its second passphrase (same recipient: its documents
/// stay; another recipient: a new view with no document). Every limited session ends.
#[utoipa::path(put, operation_id = "set_limited_view", path = "/api/v1/account/limited-view", tag = "limited view", security(("session" = [])),
    request_body = SetLimitedViewRequest,
    responses(
        (status = 204, description = "Set"),
        (status = 400, body = ErrorBody, description = "bad_request, invalid_field (auth_key: the second passphrase is the first one; recipient: the old view has documents with no owner envelope yet; no proof outside a fresh recovery session); passkey_rejected, user_verification_required"),
        (status = 401, body = ErrorBody, description = "unauthenticated; invalid_credentials (a wrong proof)"),
        (status = 403, body = ErrorBody, description = "forbidden (a worker), worker_suspended"),
        (status = 404, body = ErrorBody, description = "not_found (a limited session); passkeys_unavailable (a passkey proof)"),
        (status = 410, body = ErrorBody, description = "ceremony_expired (the proof's passkey ceremony)"),
        (status = 429, body = ErrorBody, description = "too_many_attempts, with Retry-After (a passphrase proof)"),
    ))]
pub async fn set(
    State(state): State<AppState>,
    holder: Holder,
    ApiJson(req): ApiJson<SetLimitedViewRequest>,
) -> Result<StatusCode, AppError> {
    let account_id = full_view(&holder)?;
    let recipient = validate::recipient(&req.recipient)?;
    let wrapped = validate::age_file("wrapped", req.wrapped.0, MAX_SLOT_BYTES)?;
    let slot = validate::age_file("slot", req.slot.0, MAX_SLOT_BYTES)?;
    let key = req
        .auth_key
        .bounded("auth_key", AUTH_KEY_LEN, AUTH_KEY_LEN)?;
    check_proof(&state, &holder.session, req.proof).await?;
    let account = state
        .storage
        .account(account_id)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    // The same passphrase would give the same auth key, and only one of the two views could
    // ever open. (The client refuses a recovery code as second passphrase.)
    if state
        .pepper
        .verify_auth_key(&key, &account.passphrase.auth_hmac)
    {
        return Err(AppError::field(
            "auth_key",
            "the second passphrase must differ from the passphrase",
        ));
    }
    let old = state.storage.limited_view(account_id).await?;
    let view = LimitedView {
        recovery: old
            .filter(|old| old.recipient == recipient)
            .and_then(|old| old.recovery),
        recipient,
        auth_hmac: state.pepper.auth_key_hmac(&key),
        slot,
        wrapped,
    };
    if !state.storage.set_limited_view(account_id, &view).await? {
        return Err(AppError::field(
            "recipient",
            "documents added from the limited view have no owner envelope yet",
        ));
    }
    Ok(StatusCode::NO_CONTENT)
}

/// `DELETE /api/v1/account/limited-view` body.
#[derive(Debug, Deserialize, ToSchema)]
pub struct RemoveLimitedViewRequest {
    /// Proof of the owner (not needed shortly after a recovery log-in).
    #[serde(default)]
    pub proof: Option<Proof>,
}

/// Removes the limited view: its log-in, its envelopes and its sessions; its shares stay
/// (listed by the full view as before).
#[utoipa::path(delete, operation_id = "remove_limited_view", path = "/api/v1/account/limited-view", tag = "limited view", security(("session" = [])),
    request_body = RemoveLimitedViewRequest,
    responses(
        (status = 204, description = "Removed"),
        (status = 400, body = ErrorBody, description = "bad_request, invalid_field (documents added from the limited view have no owner envelope yet; no proof outside a fresh recovery session); passkey_rejected, user_verification_required"),
        (status = 401, body = ErrorBody, description = "unauthenticated; invalid_credentials (a wrong proof)"),
        (status = 403, body = ErrorBody, description = "forbidden (a worker), worker_suspended"),
        (status = 404, body = ErrorBody, description = "not_found (no limited view, or a limited session); passkeys_unavailable (a passkey proof)"),
        (status = 410, body = ErrorBody, description = "ceremony_expired (the proof's passkey ceremony)"),
        (status = 429, body = ErrorBody, description = "too_many_attempts, with Retry-After (a passphrase proof)"),
    ))]
pub async fn remove(
    State(state): State<AppState>,
    holder: Holder,
    ApiJson(req): ApiJson<RemoveLimitedViewRequest>,
) -> Result<StatusCode, AppError> {
    let account_id = full_view(&holder)?;
    check_proof(&state, &holder.session, req.proof).await?;
    if state.storage.limited_view(account_id).await?.is_none() {
        return Err(AppError::NotFound);
    }
    if !state.storage.delete_limited_view(account_id).await? {
        return Err(AppError::field(
            "limited_view",
            "documents added from the limited view have no owner envelope yet",
        ));
    }
    Ok(StatusCode::NO_CONTENT)
}

/// `PUT /api/v1/account/limited-view/documents/{id}` and `PUT /api/v1/documents/{id}/envelope`
/// body.
#[derive(Debug, Deserialize, ToSchema)]
pub struct EnvelopeRequest {
    /// The envelope (age file), Base64, at most 4 KiB.
    #[schema(value_type = String, format = Byte)]
    pub envelope: B64,
}

/// Shows a document in the limited view: stores its envelope to V.
#[utoipa::path(put, operation_id = "add_limited_view_document", path = "/api/v1/account/limited-view/documents/{id}", tag = "limited view", security(("session" = [])),
    params(("id" = String, Path, description = "Document id")),
    request_body = EnvelopeRequest,
    responses(
        (status = 204, description = "Shown in the limited view"),
        (status = 400, body = ErrorBody, description = "bad_request, invalid_field"),
        (status = 401, body = ErrorBody, description = "unauthenticated"),
        (status = 403, body = ErrorBody, description = "forbidden (a worker), worker_suspended"),
        (status = 404, body = ErrorBody, description = "not_found (no limited view, a limited session, or not a complete document of the holder)"),
    ))]
pub async fn add_document(
    State(state): State<AppState>,
    holder: Holder,
    DocPath(id): DocPath,
    ApiJson(req): ApiJson<EnvelopeRequest>,
) -> Result<StatusCode, AppError> {
    let account_id = full_view(&holder)?;
    let envelope = validate::age_file("envelope", req.envelope.0, MAX_ENVELOPE_BYTES)?;
    if !state
        .storage
        .set_limited_envelope(account_id, id, &envelope, state.clock.now())
        .await?
    {
        return Err(AppError::NotFound);
    }
    Ok(StatusCode::NO_CONTENT)
}

/// Takes a document out of the limited view (it stays in the full view).
#[utoipa::path(delete, operation_id = "remove_limited_view_document", path = "/api/v1/account/limited-view/documents/{id}", tag = "limited view", security(("session" = [])),
    params(("id" = String, Path, description = "Document id")),
    responses(
        (status = 204, description = "No longer in the limited view"),
        (status = 400, body = ErrorBody, description = "invalid_field"),
        (status = 401, body = ErrorBody, description = "unauthenticated"),
        (status = 403, body = ErrorBody, description = "forbidden (a worker), worker_suspended"),
        (status = 404, body = ErrorBody, description = "not_found (not in the limited view, a limited session, or a document added from the limited view that has no owner envelope yet)"),
    ))]
pub async fn remove_document(
    State(state): State<AppState>,
    holder: Holder,
    DocPath(id): DocPath,
) -> Result<StatusCode, AppError> {
    let account_id = full_view(&holder)?;
    if !state
        .storage
        .delete_limited_envelope(account_id, id)
        .await?
    {
        return Err(AppError::NotFound);
    }
    Ok(StatusCode::NO_CONTENT)
}

/// Gives a document added from the limited view its owner envelope (to W); the full view does
/// it as soon as it lists such a document.
#[utoipa::path(put, operation_id = "put_document_envelope", path = "/api/v1/documents/{id}/envelope", tag = "documents", security(("session" = [])),
    params(("id" = String, Path, description = "Document id")),
    request_body = EnvelopeRequest,
    responses(
        (status = 204, description = "Stored"),
        (status = 400, body = ErrorBody, description = "bad_request, invalid_field"),
        (status = 401, body = ErrorBody, description = "unauthenticated"),
        (status = 403, body = ErrorBody, description = "forbidden (a worker), worker_suspended"),
        (status = 404, body = ErrorBody, description = "not_found (not a document of the holder without an owner envelope, or a limited session)"),
    ))]
pub async fn put_owner_envelope(
    State(state): State<AppState>,
    holder: Holder,
    DocPath(id): DocPath,
    ApiJson(req): ApiJson<EnvelopeRequest>,
) -> Result<StatusCode, AppError> {
    let account_id = full_view(&holder)?;
    let envelope = validate::age_file("envelope", req.envelope.0, MAX_ENVELOPE_BYTES)?;
    if !state
        .storage
        .set_owner_envelope(account_id, id, &envelope)
        .await?
    {
        return Err(AppError::NotFound);
    }
    Ok(StatusCode::NO_CONTENT)
}
