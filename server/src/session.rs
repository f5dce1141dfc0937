//! The session cookie and the `Session` extractor.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, HeaderValue, header};

use crate::clock::UnixSeconds;
use crate::error::AppError;
use crate::ids::AccountId;
use crate::secrets;
use crate::state::AppState;
use crate::storage::{AccountKind, AuthMethod, Role, SessionRecord, WorkerState};

/// Name of the session cookie.
pub const COOKIE_NAME: &str = "pde_session";

/// A valid session: a handler taking this refuses requests without one (`401 unauthenticated`),
/// and a suspended worker's at once (`403 worker_suspended`).
#[derive(Debug, Clone)]
pub struct Session {
    /// Whose session.
    pub account_id: AccountId,
    /// Holder or worker.
    pub kind: AccountKind,
    /// How it was opened.
    pub method: AuthMethod,
    /// SHA-256 of its token.
    pub token_hash: String,
}

/// A new session token: 256 random bits, hex.
fn new_token() -> String {
    secrets::hex(&secrets::random_bytes::<32>())
}

fn is_token(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// The session token in the request's cookies, if any.
fn token_of(headers: &HeaderMap) -> Option<&str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == COOKIE_NAME)
        .map(|(_, value)| value)
        .filter(|token| is_token(token))
}

fn cookie(value: &str, extra: &str, secure: bool) -> HeaderValue {
    let secure = if secure { "; Secure" } else { "" };
    HeaderValue::from_str(&format!(
        "{COOKIE_NAME}={value}; Path=/; HttpOnly; SameSite=Strict{secure}{extra}"
    ))
    .expect("a cookie of hex characters is a valid header value")
}

/// Stores a new session for `account_id` and returns its `Set-Cookie` value. The cookie has
/// no expiry, so the browser forgets it when it closes.
pub async fn open(
    state: &AppState,
    account_id: AccountId,
    method: AuthMethod,
) -> Result<HeaderValue, AppError> {
    let token = new_token();
    let now = state.clock.now();
    state
        .storage
        .create_session(&SessionRecord {
            token_hash: secrets::sha256_hex(token.as_bytes()),
            account_id,
            method,
            created_at: now,
            last_seen_at: now,
        })
        .await?;
    Ok(cookie(&token, "", state.config.secure_cookie()))
}

/// A `Set-Cookie` value that clears the session cookie.
pub fn clear_cookie(state: &AppState) -> HeaderValue {
    cookie("", "; Max-Age=0", state.config.secure_cookie())
}

fn expired(state: &AppState, s: &SessionRecord, now: UnixSeconds) -> bool {
    let idle = i64::try_from(state.config.session_idle_secs).unwrap_or(i64::MAX);
    let absolute = i64::try_from(state.config.session_absolute_secs).unwrap_or(i64::MAX);
    now.saturating_sub(s.last_seen_at) >= idle || now.saturating_sub(s.created_at) >= absolute
}

impl FromRequestParts<AppState> for Session {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let token = token_of(&parts.headers).ok_or(AppError::Unauthenticated)?;
        let token_hash = secrets::sha256_hex(token.as_bytes());
        let record = state
            .storage
            .session(&token_hash)
            .await?
            .ok_or(AppError::Unauthenticated)?;
        let now = state.clock.now();
        if expired(state, &record, now) {
            state.storage.delete_session(&token_hash).await?;
            return Err(AppError::Unauthenticated);
        }
        let kind = match state.storage.role(record.account_id).await? {
            None => return Err(AppError::Unauthenticated),
            Some(Role::Holder) => AccountKind::Holder,
            // Suspending deletes the worker's sessions; this also refuses one opened in between.
            Some(Role::Worker(WorkerState::Suspended)) => return Err(AppError::WorkerSuspended),
            Some(Role::Worker(_)) => AccountKind::Worker,
        };
        state.storage.touch_session(&token_hash, now).await?;
        Ok(Self {
            account_id: record.account_id,
            kind,
            method: record.method,
            token_hash,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_token_among_cookies() {
        let token = "ab".repeat(32);
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_str(&format!("x=1; {COOKIE_NAME}={token}; y=2")).unwrap(),
        );
        assert_eq!(token_of(&headers), Some(token.as_str()));
        headers.insert(
            header::COOKIE,
            HeaderValue::from_static("pde_session=nothex"),
        );
        assert_eq!(token_of(&headers), None);
    }
}
