//! Passkeys: the WebAuthn ceremonies (log-in, adding a passkey, a passkey confirming a change)
//! and the Settings routes that list, rename and remove them.
//!
//! `webauthn-rs` runs the ceremonies; their state is kept in the database
//! ([`crate::passkey`]). It does not know the PRF extension: the browser adds the PRF request
//! to the options with the salt answered here, and removes the PRF results from the credential
//! before sending it, so the PRF output never reaches the server.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;
use webauthn_rs::prelude::{
    Credential, DiscoverableAuthentication, Passkey, PasskeyAuthentication, PasskeyRegistration,
    PublicKeyCredential, RegisterPublicKeyCredential, WebauthnError,
};

use crate::clock::UnixSeconds;
use crate::device::Device;
use crate::error::{AppError, ErrorBody};
use crate::extract::{ApiJson, B64, PasskeyPath};
use crate::ids::{AccountId, CeremonyId, PasskeyId};
use crate::passkey::{self, webauthn};
use crate::routes::accounts::RECOVERY_CHANGE_SECS;
use crate::routes::auth;
use crate::session::{self, Session};
use crate::state::AppState;
use crate::storage::{
    AuthMethod, CeremonyKind, PasskeyRecord, PasskeyUse, Role, StorageError, WorkerState,
};
use crate::validate::{self, AUTH_KEY_LEN, MAX_SLOT_BYTES};

/// A started ceremony: the options to pass to `navigator.credentials.get()` (or `create()`),
/// and the id to send back with the credential.
#[derive(Debug, Serialize, ToSchema)]
pub struct CeremonyStart {
    /// The ceremony's id, valid for 5 minutes and for one finish.
    #[schema(value_type = String, example = "00112233445566778899aabbccddeeff")]
    pub ceremony: CeremonyId,
    /// The WebAuthn options as webauthn-rs serialises them (`{"publicKey": {…}}`, binary
    /// fields in unpadded Base64url).
    #[schema(value_type = Object)]
    pub options: serde_json::Value,
    /// For a confirmation: the PRF salt of each passkey the browser may use
    /// (`prf.evalByCredential`), so the same prompt can unlock. Empty otherwise.
    pub prf_salts: Vec<PrfSalt>,
}

/// The PRF salt of one credential.
#[derive(Debug, Serialize, ToSchema)]
pub struct PrfSalt {
    /// The WebAuthn credential id, unpadded Base64url (as `allowCredentials` names it).
    pub credential_id: String,
    /// The PRF input of that credential, Base64.
    #[schema(value_type = String, format = Byte)]
    pub prf_salt: B64,
}

/// A ceremony's finish: its id and the browser's credential.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CeremonyFinish {
    /// The id answered by the start.
    #[schema(value_type = String)]
    pub ceremony: CeremonyId,
    /// The `PublicKeyCredential` as JSON (`toJSON()` form), **without** PRF results.
    #[schema(value_type = Object)]
    pub credential: serde_json::Value,
}

/// A successful passkey log-in.
#[derive(Debug, Serialize, ToSchema)]
pub struct PasskeyLoginResponse {
    /// The wallet identity's age recipient.
    pub recipient: String,
    /// The session token (64 lowercase hex): keep it in memory only and send it as
    /// `Authorization: Bearer <session>`.
    pub session: String,
    /// The passkey used.
    #[schema(value_type = String)]
    pub passkey: PasskeyId,
    /// Its WebAuthn credential id, unpadded Base64url.
    pub credential_id: String,
    /// Its PRF input, Base64: the browser evaluates the PRF on it to open the slot.
    #[schema(value_type = String, format = Byte)]
    pub prf_salt: B64,
    /// Its passkey slot, Base64; absent when the authenticator has no PRF (then the passphrase
    /// or the recovery code unlocks).
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>, format = Byte)]
    pub slot: Option<B64>,
    /// Open help requests for this wallet ("someone asked to recover your wallet"); empty
    /// when nobody asked.
    pub help_requests: Vec<crate::routes::helpers::HelpRequestNotice>,
}

/// Proof that the person is the account's owner, for a change to its ways in: one of the
/// current passphrase, the recovery code or a passkey of the account. Not needed in a session
/// opened with the recovery code less than 15 minutes ago.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(tag = "method", rename_all = "lowercase")]
pub enum Proof {
    /// The current passphrase's auth key; checked and counted like a log-in.
    Passphrase {
        /// 32 bytes, Base64.
        #[schema(value_type = String, format = Byte)]
        auth_key: B64,
    },
    /// The recovery code's auth key.
    Recovery {
        /// 32 bytes, Base64.
        #[schema(value_type = String, format = Byte)]
        auth_key: B64,
    },
    /// A passkey of the account, in a ceremony started by
    /// `POST /api/v1/account/passkeys/confirm`.
    Passkey {
        /// The ceremony id.
        #[schema(value_type = String)]
        ceremony: CeremonyId,
        /// The `PublicKeyCredential` as JSON, without PRF results.
        #[schema(value_type = Object)]
        credential: serde_json::Value,
    },
}

/// Checks a [`Proof`] for the session's account (or accepts none shortly after a recovery
/// log-in).
pub(crate) async fn check_proof(
    state: &AppState,
    session: &Session,
    proof: Option<Proof>,
) -> Result<(), AppError> {
    let now = state.clock.now();
    let fresh_recovery = session.method.resets_slots()
        && now.saturating_sub(session.created_at) < RECOVERY_CHANGE_SECS;
    let Some(proof) = proof else {
        if fresh_recovery {
            return Ok(());
        }
        return Err(AppError::field(
            "proof",
            "the current passphrase, the recovery code or a passkey is needed",
        ));
    };
    // In a limited session, the limited view's own passphrase and recovery code.
    let account = crate::routes::limited_view::effective_account(state, session).await?;
    match proof {
        Proof::Passphrase { auth_key } => {
            let key = auth_key.bounded("auth_key", AUTH_KEY_LEN, AUTH_KEY_LEN)?;
            let limit_key = state.pepper.login_limit_key(&account.pseudonym_key);
            auth::take_try(state, &limit_key, now).await?;
            if !state
                .pepper
                .verify_auth_key(&key, &account.passphrase.auth_hmac)
            {
                return Err(AppError::InvalidCredentials);
            }
            state.storage.clear_login_failures(&limit_key).await?;
        }
        Proof::Recovery { auth_key } => {
            let key = auth_key.bounded("auth_key", AUTH_KEY_LEN, AUTH_KEY_LEN)?;
            if !state
                .pepper
                .verify_auth_key(&key, &account.recovery_auth_hmac)
            {
                return Err(AppError::InvalidCredentials);
            }
        }
        Proof::Passkey {
            ceremony,
            credential,
        } => {
            let w = webauthn(state)?;
            let credential: PublicKeyCredential = passkey::credential(credential)?;
            let (auth, _) = passkey::take::<PasskeyAuthentication>(
                state,
                ceremony,
                CeremonyKind::Confirm,
                Some(account.id),
            )
            .await?;
            let record = own_passkey(state, account.id, credential.get_credential_id()).await?;
            let mut key = decode(&record)?;
            let result = w
                .finish_passkey_authentication(&credential, &auth)
                .map_err(passkey::rejected)?;
            record_use(state, &record, &mut key, &result, now).await?;
        }
    }
    Ok(())
}

/// The passkey with this credential id if it is `account`'s; `invalid_credentials` otherwise.
async fn own_passkey(
    state: &AppState,
    account: AccountId,
    credential_id: &[u8],
) -> Result<PasskeyRecord, AppError> {
    state
        .storage
        .passkey_by_credential(credential_id)
        .await?
        .filter(|p| p.account_id == account)
        .ok_or(AppError::InvalidCredentials)
}

fn decode(record: &PasskeyRecord) -> Result<Passkey, AppError> {
    serde_json::from_slice(&record.credential).map_err(AppError::internal)
}

/// Records a verified use: the counter and backup flags webauthn-rs reports, and the time.
async fn record_use(
    state: &AppState,
    record: &PasskeyRecord,
    key: &mut Passkey,
    result: &webauthn_rs::prelude::AuthenticationResult,
    now: UnixSeconds,
) -> Result<(), AppError> {
    key.update_credential(result);
    let used = PasskeyUse {
        credential: serde_json::to_vec(&*key).map_err(AppError::internal)?,
        sign_count: result.counter(),
        backup_eligible: result.backup_eligible(),
        backup_state: result.backup_state(),
        at: now,
    };
    state.storage.record_passkey_use(record.id, &used).await?;
    Ok(())
}

fn b64url(bytes: &[u8]) -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

fn options_json<T: Serialize>(options: &T) -> Result<serde_json::Value, AppError> {
    serde_json::to_value(options).map_err(AppError::internal)
}

/// Starts a discoverable passkey log-in (no pseudonym).
#[utoipa::path(post, operation_id = "passkey_login_start", path = "/api/v1/auth/passkey/start", tag = "auth",
    responses(
        (status = 200, body = CeremonyStart, description = "The options for `navigator.credentials.get()`"),
        (status = 404, body = ErrorBody, description = "passkeys_unavailable"),
        (status = 507, body = ErrorBody, description = "storage_full"),
    ))]
pub async fn login_start(State(state): State<AppState>) -> Result<Json<CeremonyStart>, AppError> {
    let w = webauthn(&state)?;
    let (mut options, auth) = w
        .start_discoverable_authentication()
        .map_err(AppError::internal)?;
    // A button press, not the autofill prompt that webauthn-rs prepares this for.
    options.mediation = None;
    let ceremony = passkey::store(&state, CeremonyKind::Login, None, &auth, None).await?;
    Ok(Json(CeremonyStart {
        ceremony,
        options: options_json(&options)?,
        prf_salts: Vec::new(),
    }))
}

/// Finishes a passkey log-in; answers a session token, and the passkey slot when there is one.
#[utoipa::path(post, operation_id = "passkey_login_finish", path = "/api/v1/auth/passkey/finish", tag = "auth",
    request_body = CeremonyFinish,
    responses(
        (status = 200, body = PasskeyLoginResponse, description = "Logged in; the body carries the session token"),
        (status = 400, body = ErrorBody, description = "bad_request, invalid_field"),
        (status = 401, body = ErrorBody, description = "invalid_credentials (an unknown passkey, or an answer that does not verify: the same as a wrong passphrase)"),
        (status = 403, body = ErrorBody, description = "worker_suspended"),
        (status = 404, body = ErrorBody, description = "passkeys_unavailable"),
        (status = 410, body = ErrorBody, description = "ceremony_expired (unknown, used or expired ceremony)"),
        (status = 507, body = ErrorBody, description = "storage_full"),
    ))]
pub async fn login_finish(
    State(state): State<AppState>,
    device: Device,
    ApiJson(req): ApiJson<CeremonyFinish>,
) -> Result<Json<PasskeyLoginResponse>, AppError> {
    let w = webauthn(&state)?;
    let credential: PublicKeyCredential = passkey::credential(req.credential)?;
    let (auth, _) = passkey::take::<DiscoverableAuthentication>(
        &state,
        req.ceremony,
        CeremonyKind::Login,
        None,
    )
    .await?;
    let (handle, credential_id) = w
        .identify_discoverable_authentication(&credential)
        .map_err(|_| AppError::InvalidCredentials)?;
    let record = own_passkey(&state, passkey::account_of_handle(handle), credential_id).await?;
    let mut key = decode(&record)?;
    // Every refusal is the answer to a wrong passphrase: nothing tells a credential that
    // exists from one that does not.
    let result = w
        .finish_discoverable_authentication_v2(&credential, auth, &key)
        .map_err(|_: WebauthnError| AppError::InvalidCredentials)?;
    let now = state.clock.now();
    record_use(&state, &record, &mut key, &result, now).await?;
    let account = state
        .storage
        .account(record.account_id)
        .await?
        .ok_or(AppError::InvalidCredentials)?;
    if state.storage.role(account.id).await? == Some(Role::Worker(WorkerState::Suspended)) {
        return Err(AppError::WorkerSuspended);
    }
    state
        .storage
        .set_last_seen_day(account.id, crate::clock::day_of(now))
        .await?;
    let session = session::open(&state, account.id, AuthMethod::Passkey, device).await?;
    Ok(Json(PasskeyLoginResponse {
        recipient: account.recipient,
        session,
        passkey: record.id,
        credential_id: b64url(&record.credential_id),
        prf_salt: B64(record.prf_salt),
        slot: record.slot.map(B64),
        help_requests: crate::routes::helpers::notices(&state, account.id).await?,
    }))
}

/// A passkey as its owner sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct PasskeyView {
    /// Its id.
    #[schema(value_type = String, example = "00112233445566778899aabbccddeeff")]
    pub id: PasskeyId,
    /// The name its owner gave it.
    pub name: String,
    /// When it was added, Unix seconds.
    pub created_at: i64,
    /// When it last logged in or confirmed a change, Unix seconds; absent if never.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub last_used_at: Option<i64>,
    /// Whether it may be synced to the person's other devices.
    pub backup_eligible: bool,
    /// Whether it is synced.
    pub backup_state: bool,
    /// Whether it also unlocks the wallet (it has a passkey slot).
    pub unlocks: bool,
}

impl From<PasskeyRecord> for PasskeyView {
    fn from(p: PasskeyRecord) -> Self {
        Self {
            id: p.id,
            name: p.name,
            created_at: p.created_at,
            last_used_at: p.last_used_at,
            backup_eligible: p.backup_eligible,
            backup_state: p.backup_state,
            unlocks: p.slot.is_some(),
        }
    }
}

/// The passkeys of the signed-in account.
#[derive(Debug, Serialize, ToSchema)]
pub struct PasskeyList {
    /// Oldest first.
    pub passkeys: Vec<PasskeyView>,
}

/// Lists the signed-in account's passkeys (holder or worker).
#[utoipa::path(get, operation_id = "list_passkeys", path = "/api/v1/account/passkeys", tag = "settings", security(("session" = [])),
    responses(
        (status = 200, body = PasskeyList),
        (status = 401, body = ErrorBody, description = "unauthenticated"),
        (status = 403, body = ErrorBody, description = "worker_suspended"),
    ))]
pub async fn list(
    State(state): State<AppState>,
    session: Session,
) -> Result<Json<PasskeyList>, AppError> {
    // The passkeys open the full wallet: a limited session has none.
    let passkeys = if session.is_limited() {
        Vec::new()
    } else {
        state.storage.passkeys(session.account_id).await?
    };
    Ok(Json(PasskeyList {
        passkeys: passkeys.into_iter().map(PasskeyView::from).collect(),
    }))
}

/// `POST /api/v1/account/passkeys/start` body.
#[derive(Debug, Deserialize, ToSchema)]
pub struct RegisterStartRequest {
    /// Proof of the owner (not needed shortly after a recovery log-in).
    #[serde(default)]
    pub proof: Option<Proof>,
}

/// A started registration.
#[derive(Debug, Serialize, ToSchema)]
pub struct RegisterStart {
    /// The ceremony's id, valid for 5 minutes and for one finish.
    #[schema(value_type = String, example = "00112233445566778899aabbccddeeff")]
    pub ceremony: CeremonyId,
    /// The options for `navigator.credentials.create()` (`{"publicKey": {…}}`): a discoverable
    /// credential, user verification required.
    #[schema(value_type = Object)]
    pub options: serde_json::Value,
    /// The new credential's PRF input, Base64: always send it (`prf.eval.first`).
    #[schema(value_type = String, format = Byte)]
    pub prf_salt: B64,
}

/// Starts adding a passkey to the signed-in account, given a proof of its owner.
#[utoipa::path(post, operation_id = "passkey_register_start", path = "/api/v1/account/passkeys/start", tag = "settings", security(("session" = [])),
    request_body = RegisterStartRequest,
    responses(
        (status = 200, body = RegisterStart),
        (status = 400, body = ErrorBody, description = "bad_request, invalid_field (no proof); passkey_rejected, user_verification_required (a passkey proof)"),
        (status = 401, body = ErrorBody, description = "unauthenticated; invalid_credentials (a wrong proof)"),
        (status = 403, body = ErrorBody, description = "worker_suspended"),
        (status = 404, body = ErrorBody, description = "passkeys_unavailable"),
        (status = 410, body = ErrorBody, description = "ceremony_expired (the proof's passkey ceremony)"),
        (status = 429, body = ErrorBody, description = "too_many_attempts, with Retry-After (a passphrase proof)"),
    ))]
pub async fn register_start(
    State(state): State<AppState>,
    session: Session,
    ApiJson(req): ApiJson<RegisterStartRequest>,
) -> Result<Json<RegisterStart>, AppError> {
    let w = webauthn(&state)?;
    // A limited session cannot add a way into the wallet (docs/threat-model.md).
    if session.is_limited() {
        return Err(AppError::PasskeysUnavailable);
    }
    check_proof(&state, &session, req.proof).await?;
    let account = state
        .storage
        .account(session.account_id)
        .await?
        .ok_or(AppError::Unauthenticated)?;
    let exclude = state
        .storage
        .passkeys(account.id)
        .await?
        .iter()
        .map(|p| decode(p).map(|k| k.cred_id().clone()))
        .collect::<Result<Vec<_>, _>>()?;
    let (options, registration) = w
        .start_passkey_registration(
            passkey::user_handle(account.id),
            &account.pseudonym,
            &account.pseudonym,
            Some(exclude),
        )
        .map_err(AppError::internal)?;
    let mut options = options_json(&options)?;
    // A discoverable credential, so that it logs in without a pseudonym. (The verification of
    // the new credential does not depend on this.)
    if let Some(selection) = options
        .pointer_mut("/publicKey/authenticatorSelection")
        .and_then(|s| s.as_object_mut())
    {
        selection.insert("residentKey".into(), "required".into());
        selection.insert("requireResidentKey".into(), true.into());
    }
    let prf_salt = passkey::new_prf_salt();
    let ceremony = passkey::store(
        &state,
        CeremonyKind::Register,
        Some(account.id),
        &registration,
        Some(prf_salt.clone()),
    )
    .await?;
    Ok(Json(RegisterStart {
        ceremony,
        options,
        prf_salt: B64(prf_salt),
    }))
}

/// `POST /api/v1/account/passkeys/finish` body.
#[derive(Debug, Deserialize, ToSchema)]
pub struct RegisterFinishRequest {
    /// The id answered by the start.
    #[schema(value_type = String)]
    pub ceremony: CeremonyId,
    /// The new `PublicKeyCredential` as JSON, without PRF results.
    #[schema(value_type = Object)]
    pub credential: serde_json::Value,
    /// The name the person gives it: 1 to 64 characters.
    pub name: String,
    /// The passkey slot (W encrypted to the identity of the PRF output), Base64, at most
    /// 4 KiB; absent when the authenticator has no PRF.
    #[serde(default)]
    #[schema(value_type = Option<String>, format = Byte)]
    pub slot: Option<B64>,
}

/// Finishes adding a passkey.
#[utoipa::path(post, operation_id = "passkey_register_finish", path = "/api/v1/account/passkeys/finish", tag = "settings", security(("session" = [])),
    request_body = RegisterFinishRequest,
    responses(
        (status = 201, body = PasskeyView, description = "Added"),
        (status = 400, body = ErrorBody, description = "bad_request, invalid_field; passkey_rejected (challenge, origin, relying party or signature), user_verification_required"),
        (status = 403, body = ErrorBody, description = "worker_suspended"),
        (status = 404, body = ErrorBody, description = "passkeys_unavailable"),
        (status = 409, body = ErrorBody, description = "passkey_taken"),
        (status = 410, body = ErrorBody, description = "ceremony_expired (unknown, used, expired or another account's ceremony)"),
    ))]
pub async fn register_finish(
    State(state): State<AppState>,
    session: Session,
    ApiJson(req): ApiJson<RegisterFinishRequest>,
) -> Result<Response, AppError> {
    let w = webauthn(&state)?;
    if session.is_limited() {
        return Err(AppError::PasskeysUnavailable);
    }
    let name = validate::passkey_name(&req.name)?;
    let slot = req
        .slot
        .map(|s| {
            let bytes = s.bounded("slot", 1, MAX_SLOT_BYTES)?;
            validate::age_file("slot", bytes, MAX_SLOT_BYTES)
        })
        .transpose()?;
    let credential: RegisterPublicKeyCredential = passkey::credential(req.credential)?;
    let (registration, ceremony) = passkey::take::<PasskeyRegistration>(
        &state,
        req.ceremony,
        CeremonyKind::Register,
        Some(session.account_id),
    )
    .await?;
    let key = w
        .finish_passkey_registration(&credential, &registration)
        .map_err(passkey::rejected)?;
    let internals = Credential::from(key.clone());
    let record = PasskeyRecord {
        id: PasskeyId::random(),
        account_id: session.account_id,
        credential_id: key.cred_id().to_vec(),
        credential: serde_json::to_vec(&key).map_err(AppError::internal)?,
        name,
        created_at: state.clock.now(),
        last_used_at: None,
        sign_count: internals.counter,
        backup_eligible: internals.backup_eligible,
        backup_state: internals.backup_state,
        prf_salt: ceremony
            .prf_salt
            .ok_or_else(|| AppError::internal("a registration ceremony without a PRF salt"))?,
        slot,
    };
    match state.storage.create_passkey(&record).await {
        Ok(()) => {}
        Err(StorageError::Conflict) => return Err(AppError::PasskeyTaken),
        Err(e) => return Err(e.into()),
    }
    Ok((StatusCode::CREATED, Json(PasskeyView::from(record))).into_response())
}

/// Starts a confirmation by one of the account's passkeys (the `passkey` proof).
#[utoipa::path(post, operation_id = "passkey_confirm_start", path = "/api/v1/account/passkeys/confirm", tag = "settings", security(("session" = [])),
    responses(
        (status = 200, body = CeremonyStart, description = "The options for `navigator.credentials.get()`, limited to the account's passkeys, with their PRF salts"),
        (status = 403, body = ErrorBody, description = "worker_suspended"),
        (status = 404, body = ErrorBody, description = "not_found (the account has no passkey), passkeys_unavailable"),
    ))]
pub async fn confirm_start(
    State(state): State<AppState>,
    session: Session,
) -> Result<Json<CeremonyStart>, AppError> {
    let w = webauthn(&state)?;
    let records = if session.is_limited() {
        Vec::new()
    } else {
        state.storage.passkeys(session.account_id).await?
    };
    if records.is_empty() {
        return Err(AppError::NotFound);
    }
    let keys = records.iter().map(decode).collect::<Result<Vec<_>, _>>()?;
    let (options, auth) = w
        .start_passkey_authentication(&keys)
        .map_err(AppError::internal)?;
    let ceremony = passkey::store(
        &state,
        CeremonyKind::Confirm,
        Some(session.account_id),
        &auth,
        None,
    )
    .await?;
    Ok(Json(CeremonyStart {
        ceremony,
        options: options_json(&options)?,
        prf_salts: records
            .into_iter()
            .map(|p| PrfSalt {
                credential_id: b64url(&p.credential_id),
                prf_salt: B64(p.prf_salt),
            })
            .collect(),
    }))
}

/// `PATCH /api/v1/account/passkeys/{id}` body.
#[derive(Debug, Deserialize, ToSchema)]
pub struct RenameRequest {
    /// The new name: 1 to 64 characters.
    pub name: String,
}

/// Renames a passkey of the signed-in account.
#[utoipa::path(patch, operation_id = "rename_passkey", path = "/api/v1/account/passkeys/{id}", tag = "settings", security(("session" = [])),
    params(("id" = String, Path, description = "Passkey id")),
    request_body = RenameRequest,
    responses(
        (status = 204, description = "Renamed"),
        (status = 400, body = ErrorBody, description = "bad_request, invalid_field"),
        (status = 403, body = ErrorBody, description = "worker_suspended"),
        (status = 404, body = ErrorBody, description = "not_found (no such passkey of this account)"),
    ))]
pub async fn rename(
    State(state): State<AppState>,
    session: Session,
    PasskeyPath(id): PasskeyPath,
    ApiJson(req): ApiJson<RenameRequest>,
) -> Result<StatusCode, AppError> {
    let name = validate::passkey_name(&req.name)?;
    if session.is_limited() {
        return Err(AppError::NotFound);
    }
    if !state
        .storage
        .rename_passkey(session.account_id, id, &name)
        .await?
    {
        return Err(AppError::NotFound);
    }
    Ok(StatusCode::NO_CONTENT)
}

/// `DELETE /api/v1/account/passkeys/{id}` body.
#[derive(Debug, Deserialize, ToSchema)]
pub struct RemoveRequest {
    /// Proof of the owner (not needed shortly after a recovery log-in).
    #[serde(default)]
    pub proof: Option<Proof>,
}

/// Removes a passkey of the signed-in account, given a proof of its owner. The passphrase and
/// the recovery code stay, so this never removes the last way in.
#[utoipa::path(delete, operation_id = "remove_passkey", path = "/api/v1/account/passkeys/{id}", tag = "settings", security(("session" = [])),
    params(("id" = String, Path, description = "Passkey id")),
    request_body = RemoveRequest,
    responses(
        (status = 204, description = "Removed: it no longer logs in"),
        (status = 400, body = ErrorBody, description = "bad_request, invalid_field (no proof); passkey_rejected, user_verification_required (a passkey proof)"),
        (status = 401, body = ErrorBody, description = "unauthenticated; invalid_credentials (a wrong proof)"),
        (status = 403, body = ErrorBody, description = "worker_suspended"),
        (status = 404, body = ErrorBody, description = "not_found (no such passkey of this account)"),
        (status = 410, body = ErrorBody, description = "ceremony_expired (the proof's passkey ceremony)"),
        (status = 429, body = ErrorBody, description = "too_many_attempts, with Retry-After (a passphrase proof)"),
    ))]
pub async fn remove(
    State(state): State<AppState>,
    session: Session,
    PasskeyPath(id): PasskeyPath,
    ApiJson(req): ApiJson<RemoveRequest>,
) -> Result<StatusCode, AppError> {
    check_proof(&state, &session, req.proof).await?;
    if session.is_limited() {
        return Err(AppError::NotFound);
    }
    if !state.storage.delete_passkey(session.account_id, id).await? {
        return Err(AppError::NotFound);
    }
    Ok(StatusCode::NO_CONTENT)
}
