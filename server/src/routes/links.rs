//! `/api/v1/links/{id}/…` (no session; the link's access key, and its PIN if it has one):
//! open a link, fetch a document's content, record a download.
//!
//! Checks, in order: the access key (an unknown id and a wrong key give the same
//! `404 not_found`, and are not counted), the per-link rate limit, the window of an
//! appointment (before it opens, the same `404 not_found`, and the PIN is not looked at, so no
//! try is spent), the lock, the end, the PIN.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::{AppError, ErrorBody};
use crate::extract::{ApiJson, B64, SecretText, ShareDocPath, SharePath};
use crate::ids::ShareId;
use crate::routes::documents::content_response;
use crate::routes::shared_with_me::{self, SharedDocumentView};
use crate::state::AppState;
use crate::storage::{ReceiptAction, ReceiptBy, Share, ShareKind, ShareStatus};
use crate::validate::{self, ACCESS_KEY_LEN};

/// Requests allowed per link and window.
pub const RATE_LIMIT: u32 = 30;
/// The rate-limit window, in seconds.
pub const RATE_WINDOW_SECS: i64 = 60;
/// The wrong PIN that locks a link.
pub const MAX_PIN_FAILURES: u32 = 5;

/// What every link request carries.
#[derive(Debug, Deserialize, ToSchema)]
pub struct LinkRequest {
    /// The 32-byte access key derived from the link secret, Base64.
    #[schema(value_type = String, format = Byte)]
    pub access_key: B64,
    /// The link's PIN (6 digits), or null.
    #[serde(default)]
    #[schema(value_type = Option<String>, example = "123456")]
    pub pin: Option<SecretText>,
}

/// An opened link.
#[derive(Debug, Serialize, ToSchema)]
pub struct LinkView {
    /// When the link ends, Unix seconds.
    pub expires_at: i64,
    /// The note ciphertext (encrypted to the link identity), Base64, or null.
    #[schema(required = true, value_type = Option<String>, format = Byte)]
    pub note: Option<B64>,
    /// The shared documents, in the order shared.
    pub documents: Vec<SharedDocumentView>,
}

/// The link `id` if the request may use it (see the module documentation for the order).
async fn authorize(state: &AppState, id: ShareId, req: LinkRequest) -> Result<Share, AppError> {
    let access_key = req
        .access_key
        .bounded("access_key", ACCESS_KEY_LEN, ACCESS_KEY_LEN)?;
    let pin = req
        .pin
        .as_ref()
        .map(|p| validate::pin(p.expose()))
        .transpose()?;

    let share = state
        .storage
        .share(id)
        .await?
        .filter(|s| s.kind == ShareKind::Link);
    // The same work whether the link exists or not: one HMAC, one constant-time compare.
    let dummy = [0u8; 32];
    let stored = share
        .as_ref()
        .and_then(|s| s.access_hmac.as_deref())
        .unwrap_or(&dummy);
    let matches = state.pepper.verify_link_access(&access_key, stored);
    let share = match share {
        Some(share) if matches => share,
        _ => return Err(AppError::NotFound),
    };

    let now = state.clock.now();
    let rate = state
        .storage
        .count_link_request(id, now, RATE_WINDOW_SECS)
        .await?;
    if rate.count > RATE_LIMIT {
        let retry_after = rate.window_start + RATE_WINDOW_SECS - now;
        return Err(AppError::TooManyAttempts {
            retry_after: u64::try_from(retry_after).unwrap_or(1).max(1),
        });
    }

    if share.before_window(now) {
        return Err(AppError::NotFound);
    }
    match share.status(now) {
        ShareStatus::Active => {}
        ShareStatus::Locked => return Err(AppError::LinkLocked),
        ShareStatus::Expired | ShareStatus::Revoked => return Err(AppError::ShareEnded),
        ShareStatus::Scheduled => return Err(AppError::NotFound),
    }

    if let Some(stored_pin) = &share.pin_hmac {
        let pin = pin.ok_or(AppError::PinRequired)?;
        // A try is taken in one atomic step before the PIN is compared, so a burst gets no
        // more comparisons than tries are left. The check runs in its own task: a client that
        // hangs up cannot leave its try taken.
        let pin = SecretText(pin.to_owned());
        let task = tokio::spawn(check_pin(state.clone(), id, pin, stored_pin.clone(), now));
        task.await
            .map_err(|e| AppError::internal(format!("the PIN check stopped: {e}")))??;
    }
    Ok(share)
}

/// Takes a PIN try, compares the PIN, and gives the try back or counts it wrong.
async fn check_pin(
    state: AppState,
    id: ShareId,
    pin: SecretText,
    stored_pin: Vec<u8>,
    now: i64,
) -> Result<(), AppError> {
    if state
        .storage
        .take_pin_try(id, state.clock.now(), MAX_PIN_FAILURES)
        .await?
        .is_none()
    {
        return Err(no_try_left(&state, id).await?);
    }
    if state
        .pepper
        .verify_link_pin(&id.to_string(), pin.expose(), &stored_pin)
    {
        state.storage.give_back_pin_try(id).await?;
        return Ok(());
    }
    let failures = state
        .storage
        .count_wrong_pin(id, now, MAX_PIN_FAILURES)
        .await?;
    Err(AppError::WrongPin {
        attempts_left: MAX_PIN_FAILURES.saturating_sub(failures),
    })
}

/// Why a link has no PIN try left: it is locked, or its last tries are being checked right
/// now (try again in a second).
async fn no_try_left(state: &AppState, id: ShareId) -> Result<AppError, AppError> {
    let locked = state
        .storage
        .share(id)
        .await?
        .is_none_or(|s| s.locked_at.is_some());
    Ok(if locked {
        AppError::LinkLocked
    } else {
        AppError::TooManyAttempts { retry_after: 1 }
    })
}

/// Opens a link: its note and documents with their share envelopes.
#[utoipa::path(post, operation_id = "open_link", path = "/api/v1/links/{id}/open", tag = "links",
    params(("id" = String, Path, description = "Share id of the link")),
    request_body = LinkRequest,
    responses(
        (status = 200, body = LinkView),
        (status = 400, body = ErrorBody, description = "bad_request, invalid_field"),
        (status = 401, body = ErrorBody, description = "pin_required; wrong_pin (with `attempts_left`)"),
        (status = 404, body = ErrorBody, description = "not_found (unknown id, wrong access key, or an appointment before its window: one answer)"),
        (status = 410, body = ErrorBody, description = "link_locked, share_ended"),
        (status = 429, body = ErrorBody, description = "too_many_attempts, with Retry-After"),
        (status = 507, body = ErrorBody, description = "storage_full"),
    ))]
pub async fn open(
    State(state): State<AppState>,
    SharePath(id): SharePath,
    ApiJson(req): ApiJson<LinkRequest>,
) -> Result<Json<LinkView>, AppError> {
    let share = authorize(&state, id, req).await?;
    Ok(Json(LinkView {
        expires_at: share.expires_at,
        note: share.note.map(B64),
        documents: shared_with_me::documents(&state, id).await?,
    }))
}

/// Streams a document's content ciphertext through a link and records an `open` receipt.
#[utoipa::path(post, operation_id = "get_link_content", path = "/api/v1/links/{id}/documents/{doc}/content", tag = "links",
    params(("id" = String, Path, description = "Share id of the link"), ("doc" = String, Path, description = "Document id")),
    request_body = LinkRequest,
    responses(
        (status = 200, description = "The ciphertext", content_type = "application/octet-stream", body = Vec<u8>),
        (status = 400, body = ErrorBody, description = "bad_request, invalid_field"),
        (status = 401, body = ErrorBody, description = "pin_required; wrong_pin (with `attempts_left`)"),
        (status = 404, body = ErrorBody, description = "not_found (also an appointment before its window)"),
        (status = 410, body = ErrorBody, description = "link_locked, share_ended"),
        (status = 429, body = ErrorBody, description = "too_many_attempts, with Retry-After"),
        (status = 507, body = ErrorBody, description = "storage_full"),
    ))]
pub async fn content(
    State(state): State<AppState>,
    ShareDocPath(id, doc): ShareDocPath,
    ApiJson(req): ApiJson<LinkRequest>,
) -> Result<Response, AppError> {
    authorize(&state, id, req).await?;
    shared_with_me::document_in_share(&state, id, doc).await?;
    let blob = state.blobs.open(doc).await?;
    shared_with_me::record(&state, id, doc, ReceiptAction::Open, ReceiptBy::Link).await?;
    Ok(content_response(blob))
}

/// Records that a link visitor used the download button for a document.
#[utoipa::path(post, operation_id = "record_link_download", path = "/api/v1/links/{id}/documents/{doc}/download", tag = "links",
    params(("id" = String, Path, description = "Share id of the link"), ("doc" = String, Path, description = "Document id")),
    request_body = LinkRequest,
    responses(
        (status = 204, description = "Recorded"),
        (status = 400, body = ErrorBody, description = "bad_request, invalid_field"),
        (status = 401, body = ErrorBody, description = "pin_required; wrong_pin (with `attempts_left`)"),
        (status = 404, body = ErrorBody, description = "not_found (also an appointment before its window)"),
        (status = 410, body = ErrorBody, description = "link_locked, share_ended"),
        (status = 429, body = ErrorBody, description = "too_many_attempts, with Retry-After"),
        (status = 507, body = ErrorBody, description = "storage_full"),
    ))]
pub async fn download(
    State(state): State<AppState>,
    ShareDocPath(id, doc): ShareDocPath,
    ApiJson(req): ApiJson<LinkRequest>,
) -> Result<StatusCode, AppError> {
    authorize(&state, id, req).await?;
    shared_with_me::document_in_share(&state, id, doc).await?;
    shared_with_me::record(&state, id, doc, ReceiptAction::Download, ReceiptBy::Link).await?;
    Ok(StatusCode::NO_CONTENT)
}
