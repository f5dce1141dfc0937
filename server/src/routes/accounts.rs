//! `/api/v1/accounts` (sign-up) and `/api/v1/account` (the signed-in account, holder or worker).

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::client::{self, ClientAddr};
use crate::clock::day_of;
use crate::device::Device;
use crate::error::{AppError, ErrorBody};
use crate::extract::{ApiJson, B64};
use crate::ids::AccountId;
use crate::roles::Holder;
use crate::routes::auth;
use crate::routes::limited_view::effective_account;
use crate::session::{self, Session};
use crate::state::AppState;
use crate::storage::{Account, AccountKind, AuthMethod, PassphraseSlot, StorageError};
use crate::validate::{self, AUTH_KEY_LEN, KdfJson, MAX_SLOT_BYTES, SALT_LEN};

/// `POST /api/v1/accounts` body.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CreateAccountRequest {
    /// 3 to 64 characters, compared case-insensitively after trimming.
    pub pseudonym: String,
    /// The wallet identity's age recipient (`age1…`).
    pub recipient: String,
    /// 16-byte Argon2id salt, Base64.
    #[schema(value_type = String, format = Byte)]
    pub salt: B64,
    /// Argon2id parameters.
    pub kdf: KdfJson,
    /// 32-byte passphrase auth key, Base64.
    #[schema(value_type = String, format = Byte)]
    pub passphrase_auth: B64,
    /// Passphrase key slot (age file), Base64, at most 4 KiB.
    #[schema(value_type = String, format = Byte)]
    pub passphrase_slot: B64,
    /// 32-byte recovery auth key, Base64.
    #[schema(value_type = String, format = Byte)]
    pub recovery_auth: B64,
    /// Recovery key slot (age file), Base64, at most 4 KiB.
    #[schema(value_type = String, format = Byte)]
    pub recovery_slot: B64,
}

/// Storage use of an account.
#[derive(Debug, Serialize, ToSchema)]
pub struct Usage {
    /// Bytes stored, pending documents included.
    pub used_bytes: u64,
    /// Bytes allowed.
    pub quota_bytes: u64,
    /// Largest document ciphertext allowed.
    pub max_document_bytes: u64,
}

/// A worker's own details.
#[derive(Debug, Serialize, ToSchema)]
pub struct OwnWorkerView {
    /// The worker's id (their account id), as holders address shares to it.
    #[schema(value_type = String, example = "00112233445566778899aabbccddeeff")]
    pub id: AccountId,
    /// Their real name.
    pub real_name: String,
    /// Their organisation's name.
    pub organisation: String,
    /// `unverified`, `verified` or `suspended`.
    #[schema(value_type = crate::storage::WorkerState, example = "verified")]
    pub state: &'static str,
    /// Their card code, `XXXX-XXXX-C`.
    #[schema(example = "B8Y9-W7S7-8")]
    pub code: String,
}

/// An account as its owner sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct AccountView {
    /// `holder` or `worker`.
    #[schema(value_type = crate::storage::AccountKind, example = "holder")]
    pub kind: &'static str,
    /// For a worker: their details.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub worker: Option<OwnWorkerView>,
    /// The pseudonym as chosen.
    pub pseudonym: String,
    /// The wallet identity's age recipient.
    pub recipient: String,
    /// Start of the UTC day the account was created, Unix seconds.
    pub created_day: i64,
    /// Storage use.
    pub usage: Usage,
}

/// `201` answer of sign-up.
#[derive(Debug, Serialize, ToSchema)]
pub struct CreateAccountResponse {
    /// The new account.
    pub account: AccountView,
    /// The session token (64 lowercase hex): keep it in memory only and send it as
    /// `Authorization: Bearer <session>`.
    #[schema(example = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    pub session: String,
}

async fn view(state: &AppState, account: Account) -> Result<AccountView, AppError> {
    view_of(state, account, false).await
}

/// The account as answered; `limited`: a limited session, whose usage counts only the
/// documents of its view (the caller already put V's recipient in `account`).
async fn view_of(
    state: &AppState,
    account: Account,
    limited: bool,
) -> Result<AccountView, AppError> {
    let worker = match account.kind {
        AccountKind::Holder => None,
        AccountKind::Worker => {
            let w = state
                .storage
                .worker(account.id)
                .await?
                .ok_or_else(|| AppError::internal("a worker account without worker details"))?;
            Some(OwnWorkerView {
                id: w.account_id,
                real_name: w.real_name,
                organisation: w.organisation.name,
                state: w.state.as_str(),
                code: w.code.to_string(),
            })
        }
    };
    Ok(AccountView {
        kind: account.kind.as_str(),
        worker,
        usage: Usage {
            used_bytes: if limited {
                state
                    .storage
                    .limited_used_bytes(account.id, state.clock.now())
                    .await?
            } else {
                state
                    .storage
                    .used_bytes(account.id, state.clock.now())
                    .await?
            },
            quota_bytes: state.config.quota_bytes,
            max_document_bytes: state.config.max_document_bytes,
        },
        pseudonym: account.pseudonym,
        recipient: account.recipient,
        created_day: account.created_day,
    })
}

fn auth_hmac(state: &AppState, field: &str, key: B64) -> Result<Vec<u8>, AppError> {
    let key = key.bounded(field, AUTH_KEY_LEN, AUTH_KEY_LEN)?;
    Ok(state.pepper.auth_key_hmac(&key))
}

/// Creates an account and logs it in.
#[utoipa::path(post, operation_id = "create_account", path = "/api/v1/accounts", tag = "accounts", request_body = CreateAccountRequest,
    responses(
        (status = 201, body = CreateAccountResponse, description = "Created; the body carries the session token"),
        (status = 400, body = ErrorBody, description = "bad_request, invalid_field"),
        (status = 409, body = ErrorBody, description = "pseudonym_taken"),
        (status = 429, body = ErrorBody, description = "too_many_attempts (sign-ups of this client or of the service this hour), with Retry-After"),
        (status = 507, body = ErrorBody, description = "storage_full"),
    ))]
pub async fn create(
    State(state): State<AppState>,
    client: ClientAddr,
    device: Device,
    ApiJson(req): ApiJson<CreateAccountRequest>,
) -> Result<Response, AppError> {
    let account = new_account(&state, AccountKind::Holder, req)?;
    client::take_signup(&state, client).await?;
    match state.storage.create_account(&account).await {
        Ok(()) => {}
        Err(StorageError::Conflict) => return Err(AppError::PseudonymTaken),
        Err(e) => return Err(e.into()),
    }
    created(&state, account, device).await
}

/// An account of `kind` from checked sign-up fields (nothing is stored).
pub(crate) fn new_account(
    state: &AppState,
    kind: AccountKind,
    req: CreateAccountRequest,
) -> Result<Account, AppError> {
    let pseudonym = validate::pseudonym(&req.pseudonym)?;
    let recipient = validate::recipient(&req.recipient)?;
    let salt = req.salt.bounded("salt", SALT_LEN, SALT_LEN)?;
    let kdf = req.kdf.check()?;
    let passphrase_auth = auth_hmac(state, "passphrase_auth", req.passphrase_auth)?;
    let passphrase_slot = req
        .passphrase_slot
        .bounded("passphrase_slot", 1, MAX_SLOT_BYTES)?;
    let recovery_auth = auth_hmac(state, "recovery_auth", req.recovery_auth)?;
    let recovery_slot = req
        .recovery_slot
        .bounded("recovery_slot", 1, MAX_SLOT_BYTES)?;
    let today = day_of(state.clock.now());
    Ok(Account {
        id: AccountId::random(),
        kind,
        pseudonym: pseudonym.display,
        pseudonym_key: pseudonym.key,
        recipient,
        passphrase: PassphraseSlot {
            salt,
            kdf,
            auth_hmac: passphrase_auth,
            slot: passphrase_slot,
        },
        recovery_auth_hmac: recovery_auth,
        recovery_slot,
        created_day: today,
        last_seen_day: today,
    })
}

/// The `201` answer for a stored new account: the account and a new session's token.
pub(crate) async fn created(
    state: &AppState,
    account: Account,
    device: Device,
) -> Result<Response, AppError> {
    let session = session::open(state, account.id, AuthMethod::Passphrase, device).await?;
    let body = CreateAccountResponse {
        account: view(state, account).await?,
        session,
    };
    Ok((StatusCode::CREATED, Json(body)).into_response())
}

/// The signed-in account (holder or worker) and its storage use.
#[utoipa::path(get, operation_id = "get_account", path = "/api/v1/account", tag = "accounts", security(("session" = [])),
    responses(
        (status = 200, body = AccountView),
        (status = 401, body = ErrorBody, description = "unauthenticated"),
        (status = 403, body = ErrorBody, description = "worker_suspended"),
    ))]
pub async fn get(
    State(state): State<AppState>,
    session: Session,
) -> Result<Json<AccountView>, AppError> {
    let account = effective_account(&state, &session).await?;
    Ok(Json(view_of(&state, account, session.is_limited()).await?))
}

/// A recovery log-in lets its session set a new passphrase without the old one for this long.
pub const RECOVERY_CHANGE_SECS: i64 = 15 * 60;

/// `PUT /api/v1/account/passphrase` body.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ChangePassphraseRequest {
    /// The current passphrase auth key, Base64: checked like a log-in, and counted in the same
    /// throttle. Not needed in a session opened with the recovery code less than 15 minutes
    /// ago.
    #[serde(default)]
    #[schema(value_type = Option<String>, format = Byte)]
    pub current_auth: Option<B64>,
    /// New 16-byte Argon2id salt, Base64.
    #[schema(value_type = String, format = Byte)]
    pub salt: B64,
    /// Argon2id parameters.
    pub kdf: KdfJson,
    /// New 32-byte passphrase auth key, Base64.
    #[schema(value_type = String, format = Byte)]
    pub passphrase_auth: B64,
    /// New passphrase key slot, Base64, at most 4 KiB.
    #[schema(value_type = String, format = Byte)]
    pub passphrase_slot: B64,
    /// Whether every other session of the account ends (default false).
    #[serde(default)]
    pub end_other_sessions: bool,
}

/// Replaces the passphrase slot, given the current passphrase's auth key or shortly after a
/// recovery log-in. Other sessions end only when asked.
#[utoipa::path(put, operation_id = "change_passphrase", path = "/api/v1/account/passphrase", tag = "accounts", security(("session" = [])),
    request_body = ChangePassphraseRequest,
    responses(
        (status = 204, description = "Replaced"),
        (status = 400, body = ErrorBody, description = "bad_request, invalid_field (current_auth missing outside a fresh recovery session)"),
        (status = 401, body = ErrorBody, description = "unauthenticated; invalid_credentials (a wrong current_auth)"),
        (status = 403, body = ErrorBody, description = "worker_suspended"),
        (status = 429, body = ErrorBody, description = "too_many_attempts, with Retry-After (the log-in throttle)"),
    ))]
pub async fn change_passphrase(
    State(state): State<AppState>,
    session: Session,
    ApiJson(req): ApiJson<ChangePassphraseRequest>,
) -> Result<StatusCode, AppError> {
    let slot = PassphraseSlot {
        salt: req.salt.bounded("salt", SALT_LEN, SALT_LEN)?,
        kdf: req.kdf.check()?,
        auth_hmac: auth_hmac(&state, "passphrase_auth", req.passphrase_auth)?,
        slot: req
            .passphrase_slot
            .bounded("passphrase_slot", 1, MAX_SLOT_BYTES)?,
    };
    let now = state.clock.now();
    let fresh_recovery = session.method.resets_slots()
        && now.saturating_sub(session.created_at) < RECOVERY_CHANGE_SECS;
    let current = req
        .current_auth
        .map(|key| key.bounded("current_auth", AUTH_KEY_LEN, AUTH_KEY_LEN))
        .transpose()?;
    if !fresh_recovery {
        let current = current.ok_or_else(|| {
            AppError::field(
                "current_auth",
                "the current passphrase is needed (or a recovery log-in less than 15 minutes ago)",
            )
        })?;
        let account = effective_account(&state, &session).await?;
        // Checked like a log-in with the passphrase, in the same throttle: a stolen session
        // is no faster a guessing oracle than the log-in form.
        let limit_key = state.pepper.login_limit_key(&account.pseudonym_key);
        auth::take_try(&state, &limit_key, now).await?;
        if !state
            .pepper
            .verify_auth_key(&current, &account.passphrase.auth_hmac)
        {
            return Err(AppError::InvalidCredentials);
        }
        state.storage.clear_login_failures(&limit_key).await?;
    }
    let account = state
        .storage
        .account(session.account_id)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    let limited = state.storage.limited_view(session.account_id).await?;
    let reused = |other: &[u8]| !other.is_empty() && other == slot.auth_hmac.as_slice();
    if session.is_limited() {
        // The limited view's passphrase: derived with the account's salt and parameters,
        // which are the main passphrase's and must stay so.
        if slot.salt != account.passphrase.salt || slot.kdf != account.passphrase.kdf {
            return Err(AppError::field(
                "salt",
                "must stay the account's salt and parameters",
            ));
        }
        if reused(&account.passphrase.auth_hmac) {
            return Err(AppError::field(
                "passphrase_auth",
                "this passphrase cannot be used",
            ));
        }
        state
            .storage
            .set_limited_login(session.account_id, &slot.auth_hmac, &slot.slot)
            .await?;
        if req.end_other_sessions {
            end_other_limited_sessions(&state, &session).await?;
        }
        return Ok(StatusCode::NO_CONTENT);
    }
    if limited.as_ref().is_some_and(|v| reused(&v.auth_hmac)) {
        return Err(AppError::field(
            "passphrase_auth",
            "the passphrase must differ from the second passphrase",
        ));
    }
    state
        .storage
        .set_passphrase(session.account_id, &slot)
        .await?;
    // The second passphrase was derived with the old salt and parameters: it no longer
    // opens anything, and the full view is told to set it again (`can_log_in`).
    if limited.is_some()
        && (slot.salt != account.passphrase.salt || slot.kdf != account.passphrase.kdf)
    {
        state
            .storage
            .delete_limited_login(session.account_id)
            .await?;
    }
    if req.end_other_sessions {
        state
            .storage
            .delete_other_sessions(session.account_id, &session.token_hash)
            .await?;
    }
    Ok(StatusCode::NO_CONTENT)
}

/// `DELETE /api/v1/account` body: the wallet's pseudonym, typed again, and fresh proof.
#[derive(Debug, Deserialize, ToSchema)]
pub struct DeleteAccountRequest {
    /// The pseudonym of the signed-in wallet, typed by the holder to confirm (compared like a
    /// log-in: case-insensitively after trimming).
    pub pseudonym: String,
    /// Which key is presented.
    pub method: auth::LoginMethod,
    /// The 32-byte passphrase or recovery auth key, Base64: checked like a log-in (a
    /// passphrase in the log-in throttle).
    #[schema(value_type = String, format = Byte)]
    pub auth_key: B64,
}

/// Deletes the signed-in holder's wallet: every row of the account and every blob of its
/// documents. Needs the pseudonym typed again and the current passphrase or the recovery code,
/// however fresh the session. Every session of the account ends, this one too, and its shares
/// stop at once. Workers cannot: a worker's account belongs to an organisation the operator
/// vouches for, and holders' shares (their history, receipts included) are addressed to it.
#[utoipa::path(delete, operation_id = "delete_account", path = "/api/v1/account", tag = "accounts", security(("session" = [])),
    request_body = DeleteAccountRequest,
    responses(
        (status = 204, description = "Deleted; no session of the account is valid any more"),
        (status = 400, body = ErrorBody, description = "bad_request, invalid_field (a pseudonym that is not this wallet's: nothing deleted)"),
        (status = 401, body = ErrorBody, description = "unauthenticated; invalid_credentials (a wrong key: nothing deleted)"),
        (status = 403, body = ErrorBody, description = "forbidden (a worker), worker_suspended"),
        (status = 429, body = ErrorBody, description = "too_many_attempts, with Retry-After (the log-in throttle)"),
    ))]
pub async fn delete(
    State(state): State<AppState>,
    holder: Holder,
    ApiJson(req): ApiJson<DeleteAccountRequest>,
) -> Result<StatusCode, AppError> {
    let pseudonym = validate::pseudonym(&req.pseudonym)?;
    let auth_key = req
        .auth_key
        .bounded("auth_key", AUTH_KEY_LEN, AUTH_KEY_LEN)?;
    let account = effective_account(&state, &holder.session).await?;
    if pseudonym.key != account.pseudonym_key {
        return Err(AppError::field(
            "pseudonym",
            "is not the pseudonym of this wallet",
        ));
    }
    let limit_key = state.pepper.login_limit_key(&account.pseudonym_key);
    let now = state.clock.now();
    // Checked like a log-in, in the same throttle for the passphrase: a stolen session is no
    // faster a guessing oracle here than the log-in form.
    if req.method.throttled() {
        auth::take_try(&state, &limit_key, now).await?;
    }
    let expected = match req.method {
        auth::LoginMethod::Passphrase => &account.passphrase.auth_hmac,
        auth::LoginMethod::Recovery => &account.recovery_auth_hmac,
    };
    if !state.pepper.verify_auth_key(&auth_key, expected) {
        return Err(AppError::InvalidCredentials);
    }
    if req.method.throttled() {
        state.storage.clear_login_failures(&limit_key).await?;
    }
    if holder.session.is_limited() {
        // "Delete my wallet" in a limited session deletes what the limited view is: its
        // second passphrase and recovery code stop opening anything and its sessions end, as
        // a deleted wallet's. The full wallet is out of its reach (docs/threat-model.md).
        state
            .storage
            .delete_limited_login(holder.account_id)
            .await?;
        return Ok(StatusCode::NO_CONTENT);
    }
    let Some(documents) = state.storage.delete_holder(account.id, &limit_key).await? else {
        return Err(AppError::Unauthenticated);
    };
    // The rows went first, in one transaction (sessions, shares and their envelopes with
    // them, so every session and share stopped at that commit). The blobs go after: a crash
    // or a store failure from here on leaves blobs that no document row names, and a document
    // id is never given again, so no row can ever name them; the sweep's orphan pass deletes
    // every such blob once it is older than an upload lease (sweeper.rs). The other way
    // round, a crash between the two would leave rows naming missing blobs. An upload of one
    // of these documents still running deletes its own blob when it finds its row gone.
    let mut left = 0_usize;
    for id in documents {
        if state.blobs.delete(id).await.is_err() {
            left += 1;
        }
    }
    if left > 0 {
        // No id: the log keeps nothing of the deleted account.
        tracing::warn!(
            blobs = left,
            "blobs of a deleted wallet left to the orphan sweep"
        );
    }
    Ok(StatusCode::NO_CONTENT)
}

/// Ends every limited session of the account but `session`'s.
pub(crate) async fn end_other_limited_sessions(
    state: &AppState,
    session: &Session,
) -> Result<(), AppError> {
    for other in state.storage.sessions_of(session.account_id).await? {
        if other.view == crate::storage::View::Limited && other.token_hash != session.token_hash {
            state.storage.delete_session(&other.token_hash).await?;
        }
    }
    Ok(())
}
