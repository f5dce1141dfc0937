//! Session tokens and the `Session` extractor.
//!
//! A session token is answered once, in the JSON body of a log-in, a sign-up or a worker join,
//! and the web app keeps it only in memory: every request carries it as
//! `Authorization: Bearer <token>`. No cookie is set or read, so nothing usable stays in the
//! browser once the page that opened the wallet is gone (closed tab, reload, crash).

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};

use crate::clock::UnixSeconds;
use crate::device::Device;
use crate::error::AppError;
use crate::ids::AccountId;
use crate::secrets;
use crate::state::AppState;
use crate::storage::{AccountKind, AuthMethod, Role, SessionRecord, View, WorkerState};

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
    /// When it was opened.
    pub created_at: UnixSeconds,
    /// SHA-256 of its token.
    pub token_hash: String,
    /// Which view of the wallet it opened (always [`View::Main`] for a worker).
    pub view: View,
}

impl Session {
    /// Whether this is a limited session (the second passphrase's view).
    pub fn is_limited(&self) -> bool {
        self.view == View::Limited
    }
}

/// A new session token: 256 random bits, hex.
fn new_token() -> String {
    secrets::hex(&secrets::random_bytes::<32>())
}

fn is_token(s: &str) -> bool {
    s.len() == 64 && s.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
}

/// The session token of the request's `Authorization: Bearer` header, if any. Cookies are
/// never read.
fn token_of(headers: &HeaderMap) -> Option<&str> {
    let value = headers.get(header::AUTHORIZATION)?.to_str().ok()?;
    let (scheme, token) = value.split_once(' ')?;
    scheme
        .eq_ignore_ascii_case("bearer")
        .then(|| token.trim())
        .filter(|token| is_token(token))
}

/// The public id of a session, as the Settings API lists it: derived from its token hash, so
/// that it names the session without being usable as a token or showing the stored hash.
pub fn public_id(token_hash: &str) -> String {
    let mut id = secrets::sha256_hex(token_hash.as_bytes());
    id.truncate(32);
    id
}

/// Stores a new session for `account_id`, opened on `device`, and returns its token, to be
/// answered in the body.
pub async fn open(
    state: &AppState,
    account_id: AccountId,
    method: AuthMethod,
    device: Device,
) -> Result<String, AppError> {
    open_view(state, account_id, method, device, View::Main).await
}

/// As [`open`], for a session of `view`.
pub async fn open_view(
    state: &AppState,
    account_id: AccountId,
    method: AuthMethod,
    device: Device,
    view: View,
) -> Result<String, AppError> {
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
            device,
            view,
        })
        .await?;
    Ok(token)
}

fn idle_secs(state: &AppState) -> i64 {
    i64::try_from(state.config.session_idle_secs).unwrap_or(i64::MAX)
}

fn expired(state: &AppState, s: &SessionRecord, now: UnixSeconds) -> bool {
    let absolute = i64::try_from(state.config.session_absolute_secs).unwrap_or(i64::MAX);
    now.saturating_sub(s.last_seen_at) >= idle_secs(state)
        || now.saturating_sub(s.created_at) >= absolute
}

/// How old a session's recorded last use may get before a request records it anew: a
/// thirtieth of the idle timeout, at most a minute (a minute by default). Recording it is a
/// committed write, an fsync on either database, and doing it on every request made the
/// writes queue behind each other and the fsyncs dominate the latency of reads such as the
/// document list. The cost: an idle session may end up to this much before the idle timeout,
/// never after it.
fn touch_every(idle: i64) -> i64 {
    (idle / 30).clamp(1, 60)
}

impl FromRequestParts<AppState> for Session {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let token = token_of(&parts.headers).ok_or(AppError::Unauthenticated)?;
        let token_hash = secrets::sha256_hex(token.as_bytes());
        // One statement reads the session and its account's role; a second one records its
        // use, at most once per `touch_every`.
        let (record, role) = state
            .storage
            .session_with_role(&token_hash)
            .await?
            .ok_or(AppError::Unauthenticated)?;
        let now = state.clock.now();
        if expired(state, &record, now) {
            state.storage.delete_session(&token_hash).await?;
            return Err(AppError::Unauthenticated);
        }
        let kind = match role {
            Role::Holder => AccountKind::Holder,
            // Suspending keeps the worker's sessions so that they get this answer.
            Role::Worker(WorkerState::Suspended) => return Err(AppError::WorkerSuspended),
            Role::Worker(_) => AccountKind::Worker,
        };
        if now.saturating_sub(record.last_seen_at) >= touch_every(idle_secs(state)) {
            state.storage.touch_session(&token_hash, now).await?;
        }
        Ok(Self {
            account_id: record.account_id,
            kind,
            method: record.method,
            created_at: record.created_at,
            token_hash,
            view: record.view,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    #[test]
    fn last_use_is_recorded_at_least_thirty_times_per_idle_timeout() {
        assert_eq!(touch_every(1800), 60);
        assert_eq!(touch_every(86_400), 60);
        assert_eq!(touch_every(600), 20);
        assert_eq!(touch_every(10), 1);
        assert_eq!(touch_every(i64::MAX), 60);
    }

    #[test]
    fn reads_only_a_bearer_token() {
        let token = "ab".repeat(32);
        let mut headers = HeaderMap::new();
        headers.insert(
            header::COOKIE,
            HeaderValue::from_str(&format!("pde_session={token}")).unwrap(),
        );
        assert_eq!(token_of(&headers), None);
        headers.insert(
            header::AUTHORIZATION,
            HeaderValue::from_str(&format!("Bearer {token}")).unwrap(),
        );
        assert_eq!(token_of(&headers), Some(token.as_str()));
        for bad in [
            "Bearer nothex",
            "Basic abc",
            &token,
            &format!("Bearer {token}0"),
        ] {
            headers.insert(header::AUTHORIZATION, HeaderValue::from_str(bad).unwrap());
            assert_eq!(token_of(&headers), None, "{bad}");
        }
    }
}
