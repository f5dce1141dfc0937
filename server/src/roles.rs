//! Role extractors built on [`Session`]: [`Holder`] for the holder routes, [`Worker`] for the
//! worker routes. The wrong kind of account answers `403 forbidden`; a suspended worker is
//! already refused by [`Session`] (`403 worker_suspended`).

use axum::extract::FromRequestParts;
use axum::http::request::Parts;

use crate::error::AppError;
use crate::ids::AccountId;
use crate::session::Session;
use crate::state::AppState;
use crate::storage::AccountKind;

/// A holder's session.
#[derive(Debug, Clone)]
pub struct Holder {
    /// The holder's account id.
    pub account_id: AccountId,
    /// The session.
    pub session: Session,
}

/// A worker's session (never a suspended worker's).
#[derive(Debug, Clone)]
pub struct Worker {
    /// The worker's account id.
    pub account_id: AccountId,
    /// The session.
    pub session: Session,
}

impl FromRequestParts<AppState> for Holder {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let session = Session::from_request_parts(parts, state).await?;
        if session.kind != AccountKind::Holder {
            return Err(AppError::Forbidden);
        }
        Ok(Self {
            account_id: session.account_id,
            session,
        })
    }
}

impl FromRequestParts<AppState> for Worker {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let session = Session::from_request_parts(parts, state).await?;
        if session.kind != AccountKind::Worker {
            return Err(AppError::Forbidden);
        }
        Ok(Self {
            account_id: session.account_id,
            session,
        })
    }
}
