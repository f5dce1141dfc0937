//! `/api/v1/auth/*`: KDF parameters, log-in with growing delays, log-out.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::device::Device;
use crate::error::{AppError, ErrorBody};
use crate::extract::{ApiJson, B64};
use crate::session::{self, Session};
use crate::state::AppState;
use crate::storage::{AuthMethod, KdfParams, LoginDelays, Role, View, WorkerState};
use crate::validate::{self, AUTH_KEY_LEN, KdfJson, SALT_LEN};

/// Waits after failed passphrase log-ins: three failures are free, then 1, 2, 4 … 32 seconds,
/// then one minute. Short enough that nobody can keep a holder out for long, and at most 67
/// failures in any hour (under the 100 an hour of the OWASP guidance); a generated passphrase
/// cannot be guessed at that pace.
pub const LOGIN_DELAYS: LoginDelays = LoginDelays {
    free_failures: 3,
    max_delay_secs: 60,
};

/// `POST /api/v1/auth/params` body.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ParamsRequest {
    /// The pseudonym.
    pub pseudonym: String,
}

/// Salt and KDF parameters of a pseudonym (fake but stable for unknown ones).
#[derive(Debug, Serialize, ToSchema)]
pub struct ParamsResponse {
    /// Argon2id salt, Base64.
    #[schema(value_type = String, format = Byte)]
    pub salt: B64,
    /// Argon2id parameters.
    pub kdf: KdfJson,
}

/// The salt and KDF parameters to derive a pseudonym's passphrase keys.
#[utoipa::path(post, path = "/api/v1/auth/params", tag = "auth", request_body = ParamsRequest,
    responses(
        (status = 200, body = ParamsResponse, description = "Salt and parameters; never tells whether the pseudonym exists"),
        (status = 400, body = ErrorBody, description = "bad_request, invalid_field"),
    ))]
pub async fn params(
    State(state): State<AppState>,
    ApiJson(req): ApiJson<ParamsRequest>,
) -> Result<Json<ParamsResponse>, AppError> {
    let pseudonym = validate::pseudonym(&req.pseudonym)?;
    let fake_salt = state.pepper.fake_salt(&pseudonym.key, SALT_LEN);
    let (salt, kdf) = match state.storage.account_by_pseudonym(&pseudonym.key).await? {
        Some(account) => (account.passphrase.salt, account.passphrase.kdf),
        None => (fake_salt, KdfParams::DEFAULT),
    };
    Ok(Json(ParamsResponse {
        salt: B64(salt),
        kdf: kdf.into(),
    }))
}

/// Which key is presented.
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum LoginMethod {
    /// The passphrase auth key.
    Passphrase,
    /// The recovery code auth key.
    Recovery,
}

/// `POST /api/v1/auth/login` body.
#[derive(Debug, Deserialize, ToSchema)]
pub struct LoginRequest {
    /// The pseudonym.
    pub pseudonym: String,
    /// Which key is presented.
    pub method: LoginMethod,
    /// The 32-byte auth key, Base64.
    #[schema(value_type = String, format = Byte)]
    pub auth_key: B64,
}

impl LoginMethod {
    /// Whether tries of this method go through the log-in throttle. Only a passphrase can be
    /// guessed: a recovery code is 128 random bits (one request per guess can never find it),
    /// so it has no counter, and failures of another method can never lock it out. A passkey
    /// log-in (a signature, not a secret sent to the server) is not throttled either.
    pub fn throttled(self) -> bool {
        match self {
            Self::Passphrase => true,
            Self::Recovery => false,
        }
    }
}

/// A successful log-in.
#[derive(Debug, Serialize, ToSchema)]
pub struct LoginResponse {
    /// The wallet identity's age recipient.
    pub recipient: String,
    /// The key slot of the method used, Base64.
    #[schema(value_type = String, format = Byte)]
    pub slot: B64,
    /// The session token (64 lowercase hex): keep it in memory only and send it as
    /// `Authorization: Bearer <session>`.
    #[schema(example = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    pub session: String,
    /// Open help requests for this wallet ("someone asked to recover your wallet"); empty
    /// when nobody asked. Cancel one with `POST /api/v1/account/help-requests/{id}/cancel`.
    pub help_requests: Vec<crate::routes::helpers::HelpRequestNotice>,
}

/// Logs in (a holder or a worker) with a passphrase or recovery auth key; answers a session
/// token.
#[utoipa::path(post, path = "/api/v1/auth/login", tag = "auth", request_body = LoginRequest,
    responses(
        (status = 200, body = LoginResponse, description = "Logged in; the body carries the session token"),
        (status = 400, body = ErrorBody, description = "bad_request, invalid_field"),
        (status = 401, body = ErrorBody, description = "invalid_credentials (same for an unknown pseudonym)"),
        (status = 403, body = ErrorBody, description = "worker_suspended (the right key of a suspended worker)"),
        (status = 429, body = ErrorBody, description = "too_many_attempts, with Retry-After"),
        (status = 507, body = ErrorBody, description = "storage_full"),
    ))]
pub async fn login(
    State(state): State<AppState>,
    device: Device,
    ApiJson(req): ApiJson<LoginRequest>,
) -> Result<Json<LoginResponse>, AppError> {
    let pseudonym = validate::pseudonym(&req.pseudonym)?;
    let auth_key = req
        .auth_key
        .bounded("auth_key", AUTH_KEY_LEN, AUTH_KEY_LEN)?;
    let limit_key = state.pepper.login_limit_key(&pseudonym.key);
    let now = state.clock.now();

    let throttled = req.method.throttled();
    if throttled {
        take_try(&state, &limit_key, now).await?;
    }

    // The same work whether the pseudonym exists or not, and whether it has a limited view
    // or not: two look-ups, two HMACs, two constant-time compares.
    let account = state.storage.account_by_pseudonym(&pseudonym.key).await?;
    // Looked up for an unknown pseudonym too (under an id nobody has), so that the answer
    // takes as many queries either way.
    let lookup = account
        .as_ref()
        .map_or_else(crate::ids::AccountId::random, |a| a.id);
    let limited = state.storage.limited_view(lookup).await?;
    let dummy = [0u8; 32];
    let expected = match (&account, req.method) {
        (Some(a), LoginMethod::Passphrase) => a.passphrase.auth_hmac.as_slice(),
        (Some(a), LoginMethod::Recovery) => a.recovery_auth_hmac.as_slice(),
        (None, _) => dummy.as_slice(),
    };
    let expected_limited = match (&limited, req.method) {
        (Some(v), LoginMethod::Passphrase) => v.auth_hmac.as_slice(),
        (Some(v), LoginMethod::Recovery) => v.recovery.as_ref().map_or(&[][..], |r| &r.0[..]),
        (None, _) => dummy.as_slice(),
    };
    let matches = state.pepper.verify_auth_key(&auth_key, expected);
    // An empty verifier (a view whose log-in was deleted) matches nothing.
    let matches_limited =
        state.pepper.verify_auth_key(&auth_key, expected_limited) && !expected_limited.is_empty();
    let (mut account, view) = match account {
        Some(account) if matches => (account, View::Main),
        Some(account) if matches_limited => (account, View::Limited),
        // Already counted by the gate.
        _ => return Err(AppError::InvalidCredentials),
    };
    if let (View::Limited, Some(v)) = (view, limited) {
        // A limited session is answered exactly as a log-in to the wallet, with V in W's
        // place (docs/api.md, "Limited view").
        account.recipient = v.recipient;
        account.passphrase.slot = v.slot;
        account.recovery_slot = v.recovery.map(|r| r.1).unwrap_or_default();
    }

    if throttled {
        state.storage.clear_login_failures(&limit_key).await?;
    }
    if state.storage.role(account.id).await? == Some(Role::Worker(WorkerState::Suspended)) {
        return Err(AppError::WorkerSuspended);
    }
    state
        .storage
        .set_last_seen_day(account.id, crate::clock::day_of(now))
        .await?;
    let (method, slot) = match req.method {
        LoginMethod::Passphrase => (AuthMethod::Passphrase, account.passphrase.slot),
        LoginMethod::Recovery => (AuthMethod::Recovery, account.recovery_slot),
    };
    let session = session::open_view(&state, account.id, method, device, view).await?;
    // Help requests concern the full wallet: a limited session is told of none.
    let help_requests = match view {
        View::Main => crate::routes::helpers::notices(&state, account.id).await?,
        View::Limited => Vec::new(),
    };
    Ok(Json(LoginResponse {
        recipient: account.recipient,
        slot: B64(slot),
        session,
        help_requests,
    }))
}

/// Takes one try of the log-in throttle under `limit_key`, or answers `429` with the wait.
///
/// The wait is checked and the try counted (as a failure) in one atomic step, before any key
/// is compared: of a burst at the end of a wait only the requests that won the gate are
/// checked. A success clears the count.
pub(crate) async fn take_try(state: &AppState, limit_key: &str, now: i64) -> Result<(), AppError> {
    if state
        .storage
        .take_login_try(limit_key, now, LOGIN_DELAYS)
        .await?
    {
        return Ok(());
    }
    Err(AppError::TooManyAttempts {
        retry_after: retry_after(state, limit_key, now).await?,
    })
}

/// Seconds until the wait under `limit_key` ends (at least 1).
async fn retry_after(state: &AppState, limit_key: &str, now: i64) -> Result<u64, AppError> {
    let wait_until = match state.storage.login_failures(limit_key).await? {
        Some(f) => f
            .last_failure_at
            .saturating_add(LOGIN_DELAYS.after(f.failures)),
        None => now,
    };
    Ok(u64::try_from(wait_until - now).unwrap_or(1).max(1))
}

/// Ends the session.
#[utoipa::path(post, path = "/api/v1/auth/logout", tag = "auth", security(("session" = [])),
    responses(
        (status = 204, description = "Logged out; the token is no longer valid"),
        (status = 401, body = ErrorBody, description = "unauthenticated"),
    ))]
pub async fn logout(
    State(state): State<AppState>,
    session: Session,
) -> Result<StatusCode, AppError> {
    state.storage.delete_session(&session.token_hash).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn delays_grow_from_the_fourth_attempt_and_stop_at_a_minute() {
        let delay_after = |f| LOGIN_DELAYS.after(f);
        assert_eq!(delay_after(0), 0);
        assert_eq!(delay_after(2), 0);
        assert_eq!(delay_after(3), 1);
        assert_eq!(delay_after(4), 2);
        assert_eq!(delay_after(5), 4);
        assert_eq!(delay_after(8), 32);
        assert_eq!(delay_after(9), 60);
        assert_eq!(delay_after(u32::MAX), 60);
    }

    #[test]
    fn an_hour_of_tries_as_fast_as_allowed_stays_under_a_hundred() {
        let (mut at, mut failures, mut last) = (0_i64, 0_u32, 0_i64);
        while at < 3600 {
            if at >= last + LOGIN_DELAYS.after(failures) {
                failures += 1;
                last = at;
            }
            at += 1;
        }
        assert_eq!(failures, 67);
        assert!(failures <= 100);
    }
}
