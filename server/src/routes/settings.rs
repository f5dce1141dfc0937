//! Settings of the signed-in account (holder or worker): a new recovery code, and the
//! sessions where the wallet is open.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::device::Device;
use crate::error::{AppError, ErrorBody};
use crate::extract::{ApiJson, B64, SessionPath};
use crate::routes::passkeys::{Proof, check_proof};
use crate::session::{self, Session};
use crate::state::AppState;
use crate::storage::View;
use crate::validate::{AUTH_KEY_LEN, MAX_SLOT_BYTES};

/// `PUT /api/v1/account/recovery` body.
#[derive(Debug, Deserialize, ToSchema)]
pub struct NewRecoveryRequest {
    /// Proof of the owner (not needed shortly after a recovery log-in).
    #[serde(default)]
    pub proof: Option<Proof>,
    /// The new recovery code's 32-byte auth key, Base64.
    #[schema(value_type = String, format = Byte)]
    pub recovery_auth: B64,
    /// The new recovery slot (age file), Base64, at most 4 KiB.
    #[schema(value_type = String, format = Byte)]
    pub recovery_slot: B64,
    /// Whether every other session of the account ends (default false).
    #[serde(default)]
    pub end_other_sessions: bool,
}

/// Replaces the recovery code's slot, given a proof of the owner: the old code stops logging
/// in at once.
#[utoipa::path(put, operation_id = "new_recovery_code", path = "/api/v1/account/recovery", tag = "settings", security(("session" = [])),
    request_body = NewRecoveryRequest,
    responses(
        (status = 204, description = "Replaced"),
        (status = 400, body = ErrorBody, description = "bad_request, invalid_field (no proof outside a fresh recovery session); passkey_rejected, user_verification_required (a passkey proof)"),
        (status = 401, body = ErrorBody, description = "unauthenticated; invalid_credentials (a wrong proof)"),
        (status = 403, body = ErrorBody, description = "worker_suspended"),
        (status = 404, body = ErrorBody, description = "passkeys_unavailable (a passkey proof)"),
        (status = 410, body = ErrorBody, description = "ceremony_expired (the proof's passkey ceremony)"),
        (status = 429, body = ErrorBody, description = "too_many_attempts, with Retry-After (a passphrase proof)"),
    ))]
pub async fn new_recovery(
    State(state): State<AppState>,
    session: Session,
    ApiJson(req): ApiJson<NewRecoveryRequest>,
) -> Result<StatusCode, AppError> {
    let key = req
        .recovery_auth
        .bounded("recovery_auth", AUTH_KEY_LEN, AUTH_KEY_LEN)?;
    let slot = req
        .recovery_slot
        .bounded("recovery_slot", 1, MAX_SLOT_BYTES)?;
    check_proof(&state, &session, req.proof).await?;
    let hmac = state.pepper.auth_key_hmac(&key);
    if session.is_limited() {
        // The limited view's own recovery code: it opens the limited view, never the wallet.
        state
            .storage
            .set_limited_recovery(session.account_id, &hmac, &slot)
            .await?;
        if req.end_other_sessions {
            crate::routes::accounts::end_other_limited_sessions(&state, &session).await?;
        }
        return Ok(StatusCode::NO_CONTENT);
    }
    state
        .storage
        .set_recovery(session.account_id, &hmac, &slot)
        .await?;
    if req.end_other_sessions {
        state
            .storage
            .delete_other_sessions(session.account_id, &session.token_hash)
            .await?;
    }
    Ok(StatusCode::NO_CONTENT)
}

/// One session of the account.
#[derive(Debug, Serialize, ToSchema)]
pub struct SessionView {
    /// Its public id (not its token).
    #[schema(example = "00112233445566778899aabbccddeeff")]
    pub id: String,
    /// The coarse kind of device it was opened on.
    pub device: Device,
    /// How it was opened: `passphrase`, `recovery`, `passkey` or `helpers`.
    #[schema(example = "passphrase")]
    pub method: &'static str,
    /// When it was opened, Unix seconds.
    pub created_at: i64,
    /// When it was last used, Unix seconds (recorded at most once a minute).
    pub last_used_at: i64,
    /// Whether it is the session of this request.
    pub current: bool,
}

/// The account's sessions.
#[derive(Debug, Serialize, ToSchema)]
pub struct SessionList {
    /// Oldest first.
    pub sessions: Vec<SessionView>,
}

/// Lists the sessions where the account is open.
#[utoipa::path(get, operation_id = "list_sessions", path = "/api/v1/account/sessions", tag = "settings", security(("session" = [])),
    responses(
        (status = 200, body = SessionList),
        (status = 401, body = ErrorBody, description = "unauthenticated"),
        (status = 403, body = ErrorBody, description = "worker_suspended"),
    ))]
pub async fn list_sessions(
    State(state): State<AppState>,
    session: Session,
) -> Result<Json<SessionList>, AppError> {
    let mut sessions = state.storage.sessions_of(session.account_id).await?;
    // A limited session sees only the limited view's sessions.
    if session.is_limited() {
        sessions.retain(|s| s.view == View::Limited);
    }
    Ok(Json(SessionList {
        sessions: sessions
            .into_iter()
            .map(|s| SessionView {
                id: session::public_id(&s.token_hash),
                device: s.device,
                method: s.method.as_str(),
                created_at: s.created_at,
                last_used_at: s.last_seen_at,
                current: s.token_hash == session.token_hash,
            })
            .collect(),
    }))
}

/// Ends one session of the account (this one included: that is a log-out).
#[utoipa::path(delete, operation_id = "end_session", path = "/api/v1/account/sessions/{id}", tag = "settings", security(("session" = [])),
    params(("id" = String, Path, description = "Session id, as listed")),
    responses(
        (status = 204, description = "Ended: its next request answers unauthenticated"),
        (status = 400, body = ErrorBody, description = "invalid_field"),
        (status = 403, body = ErrorBody, description = "worker_suspended"),
        (status = 404, body = ErrorBody, description = "not_found (no such session of this account)"),
    ))]
pub async fn end_session(
    State(state): State<AppState>,
    session: Session,
    SessionPath(id): SessionPath,
) -> Result<StatusCode, AppError> {
    let target = state
        .storage
        .sessions_of(session.account_id)
        .await?
        .into_iter()
        .filter(|s| !session.is_limited() || s.view == View::Limited)
        .find(|s| session::public_id(&s.token_hash) == id)
        .ok_or(AppError::NotFound)?;
    state.storage.delete_session(&target.token_hash).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Ends every session of the account but this one.
#[utoipa::path(post, operation_id = "end_other_sessions", path = "/api/v1/account/sessions/end-others", tag = "settings", security(("session" = [])),
    responses(
        (status = 204, description = "Every other session ended"),
        (status = 403, body = ErrorBody, description = "worker_suspended"),
    ))]
pub async fn end_other_sessions(
    State(state): State<AppState>,
    session: Session,
) -> Result<StatusCode, AppError> {
    if session.is_limited() {
        crate::routes::accounts::end_other_limited_sessions(&state, &session).await?;
        return Ok(StatusCode::NO_CONTENT);
    }
    state
        .storage
        .delete_other_sessions(session.account_id, &session.token_hash)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
