//! `/api/v1/shares` (holders only): share documents with a worker or through a link, list
//! one's shares with their receipts, revoke.

use std::collections::HashSet;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::{AppError, ErrorBody};
use crate::extract::{ApiJson, B64, SecretText, SharePath};
use crate::ids::{AccountId, DocumentId, ShareId};
use crate::roles::Holder;
use crate::routes::limited_view::Scope;
use crate::state::AppState;
use crate::storage::{
    CreateShareOutcome, HolderShare, NewShare, Receipt, ShareAudience, WorkerRecord, WorkerState,
};
use crate::validate::{
    self, ACCESS_KEY_LEN, MAX_LINK_SECS, MAX_NOTE_BYTES, MAX_SHARE_DOCUMENTS,
    MAX_SHARE_ENVELOPE_BYTES, MAX_WORKER_SHARE_SECS, MIN_SHARE_SECS,
};

/// Whom a share is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, ToSchema)]
#[serde(rename_all = "lowercase")]
pub enum ShareKindJson {
    /// One worker (`worker_id`).
    Worker,
    /// A link (`access_key`, optional `pin`).
    Link,
}

/// One document of a new share.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ShareDocumentRequest {
    /// A complete document of the holder.
    #[schema(value_type = String, example = "00112233445566778899aabbccddeeff")]
    pub id: DocumentId,
    /// The share envelope (age file), Base64, at most 4 KiB.
    #[schema(value_type = String, format = Byte)]
    pub envelope: B64,
}

/// `POST /api/v1/shares` body.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CreateShareRequest {
    /// `worker` or `link`.
    pub kind: ShareKindJson,
    /// For a worker share: the worker's id (from the card code look-up).
    #[serde(default)]
    #[schema(value_type = Option<String>)]
    pub worker_id: Option<AccountId>,
    /// 3,600 to 7,776,000 for a worker share, to 604,800 for a link; the share opens now.
    /// Absent (or null) for an appointment, which gives `window` instead.
    #[serde(default)]
    pub duration_secs: Option<u64>,
    /// For an appointment card: the window in which the share can be opened. Absent (or
    /// null) for a share that opens now and lasts `duration_secs`.
    #[serde(default)]
    pub window: Option<ShareWindowRequest>,
    /// For a link: the 32-byte access key, Base64.
    #[serde(default)]
    #[schema(value_type = Option<String>, format = Byte)]
    pub access_key: Option<B64>,
    /// For a link: 6 digits, or null for none.
    #[serde(default)]
    #[schema(value_type = Option<String>, example = "123456")]
    pub pin: Option<SecretText>,
    /// The note ciphertext (age file), Base64, at most 8 KiB, or null.
    #[serde(default)]
    #[schema(value_type = Option<String>, format = Byte)]
    pub note: Option<B64>,
    /// 1 to 50 distinct documents, each with its share envelope.
    pub documents: Vec<ShareDocumentRequest>,
}

/// The window of an appointment card, Unix seconds (server clock).
#[derive(Debug, Clone, Copy, Deserialize, ToSchema)]
pub struct ShareWindowRequest {
    /// It opens at this time: at most an hour ago (a start in the hour under way opens it at
    /// once) and at most 90 days ahead.
    pub opens_at: i64,
    /// It ends at this time: after `opens_at`, by at least 15 minutes and at most the longest
    /// share of its kind (90 days for a worker, 7 for a link).
    pub closes_at: i64,
}

/// How far in the past an appointment may start (the hour being chosen is under way).
pub const APPOINTMENT_PAST_GRACE_SECS: i64 = 3600;
/// How far ahead an appointment may start (90 days).
pub const APPOINTMENT_MAX_AHEAD_SECS: i64 = 7_776_000;
/// Shortest appointment window (15 minutes).
pub const APPOINTMENT_MIN_SECS: i64 = 900;

/// A new share.
#[derive(Debug, Serialize, ToSchema)]
pub struct CreateShareResponse {
    /// Its id.
    #[schema(value_type = String, example = "00112233445566778899aabbccddeeff")]
    pub id: ShareId,
    /// For an appointment: it opens at this time, Unix seconds; null for a share open now.
    #[schema(required = true)]
    pub opens_at: Option<i64>,
    /// It ends at this time, Unix seconds.
    pub expires_at: i64,
}

/// When a new share opens (`None`: now) and ends, from its duration or its window.
fn lifetime(
    kind: ShareKindJson,
    duration_secs: Option<u64>,
    window: Option<ShareWindowRequest>,
    now: i64,
) -> Result<(Option<i64>, i64), AppError> {
    let (max_secs, label) = match kind {
        ShareKindJson::Worker => (MAX_WORKER_SHARE_SECS, "a worker share"),
        ShareKindJson::Link => (MAX_LINK_SECS, "a link"),
    };
    match (duration_secs, window) {
        (Some(_), Some(_)) => Err(AppError::field(
            "window",
            "an appointment has a window instead of a duration",
        )),
        (None, None) => Err(AppError::field(
            "duration_secs",
            "a share needs a duration or a window",
        )),
        (Some(secs), None) => {
            if !(MIN_SHARE_SECS..=max_secs).contains(&secs) {
                return Err(AppError::field(
                    "duration_secs",
                    format!("must be {MIN_SHARE_SECS} to {max_secs} for {label}"),
                ));
            }
            let secs = i64::try_from(secs).unwrap_or(i64::MAX);
            Ok((None, now.saturating_add(secs)))
        }
        (
            None,
            Some(ShareWindowRequest {
                opens_at,
                closes_at,
            }),
        ) => {
            if opens_at < now.saturating_sub(APPOINTMENT_PAST_GRACE_SECS) {
                return Err(AppError::AppointmentInPast);
            }
            if opens_at.saturating_sub(now) > APPOINTMENT_MAX_AHEAD_SECS {
                return Err(AppError::AppointmentTooFar);
            }
            if closes_at <= opens_at {
                return Err(AppError::AppointmentEndsBeforeStart);
            }
            let length = closes_at.saturating_sub(opens_at);
            let max = i64::try_from(max_secs).unwrap_or(i64::MAX);
            if !(APPOINTMENT_MIN_SECS..=max).contains(&length) {
                return Err(AppError::field(
                    "window",
                    format!("must last {APPOINTMENT_MIN_SECS} to {max} seconds for {label}"),
                ));
            }
            Ok((Some(opens_at), closes_at))
        }
    }
}

/// The checked documents of a request.
fn documents(list: Vec<ShareDocumentRequest>) -> Result<Vec<(DocumentId, Vec<u8>)>, AppError> {
    if list.is_empty() || list.len() > MAX_SHARE_DOCUMENTS {
        return Err(AppError::field(
            "documents",
            format!("must hold 1 to {MAX_SHARE_DOCUMENTS} documents"),
        ));
    }
    let mut seen = HashSet::new();
    let mut out = Vec::with_capacity(list.len());
    for doc in list {
        if !seen.insert(doc.id) {
            return Err(AppError::field("documents", "must be distinct"));
        }
        let envelope = validate::age_file("envelope", doc.envelope.0, MAX_SHARE_ENVELOPE_BYTES)?;
        out.push((doc.id, envelope));
    }
    Ok(out)
}

/// The audience of a request, checked against its kind.
fn audience(
    state: &AppState,
    id: ShareId,
    req: &CreateShareRequest,
) -> Result<ShareAudience, AppError> {
    match req.kind {
        ShareKindJson::Worker => {
            if req.access_key.is_some() {
                return Err(AppError::field("access_key", "only a link has one"));
            }
            if req.pin.is_some() {
                return Err(AppError::field("pin", "only a link has one"));
            }
            let worker = req
                .worker_id
                .ok_or_else(|| AppError::field("worker_id", "a worker share needs one"))?;
            Ok(ShareAudience::Worker(worker))
        }
        ShareKindJson::Link => {
            if req.worker_id.is_some() {
                return Err(AppError::field("worker_id", "a link has none"));
            }
            let key = req
                .access_key
                .clone()
                .ok_or_else(|| AppError::field("access_key", "a link needs one"))?
                .bounded("access_key", ACCESS_KEY_LEN, ACCESS_KEY_LEN)?;
            let pin_hmac = match &req.pin {
                Some(pin) => Some(
                    state
                        .pepper
                        .link_pin_hmac(&id.to_string(), validate::pin(pin.expose())?),
                ),
                None => None,
            };
            Ok(ShareAudience::Link {
                access_hmac: state.pepper.link_access_hmac(&key),
                pin_hmac,
            })
        }
    }
}

/// Shares complete documents of the holder with one worker or through a link, from now or,
/// for an appointment card, within a window.
#[utoipa::path(post, operation_id = "create_share", path = "/api/v1/shares", tag = "shares", security(("session" = [])),
    request_body = CreateShareRequest,
    responses(
        (status = 201, body = CreateShareResponse),
        (status = 400, body = ErrorBody, description = "bad_request, invalid_field (documents, envelope, duration_secs, window, worker_id, access_key, pin, note); appointment_in_past, appointment_too_far, appointment_ends_before_start"),
        (status = 401, body = ErrorBody, description = "unauthenticated"),
        (status = 403, body = ErrorBody, description = "forbidden (a worker), worker_suspended"),
        (status = 404, body = ErrorBody, description = "worker_not_found; not_found (a document that is not the holder's complete document)"),
    ))]
pub async fn create(
    State(state): State<AppState>,
    holder: Holder,
    ApiJson(req): ApiJson<CreateShareRequest>,
) -> Result<(StatusCode, Json<CreateShareResponse>), AppError> {
    let now = state.clock.now();
    let (opens_at, expires_at) = lifetime(req.kind, req.duration_secs, req.window, now)?;
    let id = ShareId::random();
    let audience = audience(&state, id, &req)?;
    let note = match req.note {
        Some(note) => Some(validate::age_file("note", note.0, MAX_NOTE_BYTES)?),
        None => None,
    };
    let documents = documents(req.documents)?;
    // A limited session can share only the documents of its view: any other is refused as an
    // unknown one would be.
    let scope = Scope::of(&state, &holder.session).await?;
    if !documents.iter().all(|(id, _)| scope.sees(id)) {
        return Err(AppError::NotFound);
    }
    let share = NewShare {
        id,
        owner: holder.account_id,
        audience,
        created_at: now,
        opens_at,
        expires_at,
        note,
        documents,
        in_limited_view: holder.session.is_limited(),
    };
    let outcome = state.storage.create_share(&share).await?;
    match outcome {
        CreateShareOutcome::Created => Ok((
            StatusCode::CREATED,
            Json(CreateShareResponse {
                id,
                opens_at: share.opens_at,
                expires_at: share.expires_at,
            }),
        )),
        CreateShareOutcome::WorkerNotFound => Err(AppError::WorkerNotFound),
        CreateShareOutcome::DocumentNotFound => Err(AppError::NotFound),
    }
}

/// The worker of a share, as its holder sees them.
#[derive(Debug, Serialize, ToSchema)]
pub struct ShareWorkerView {
    /// The worker's id.
    #[schema(value_type = String, example = "00112233445566778899aabbccddeeff")]
    pub id: AccountId,
    /// Their card code.
    #[schema(example = "B8Y9-W7S7-8")]
    pub code: String,
    /// Their real name.
    pub real_name: String,
    /// Their organisation's name.
    pub organisation: String,
    /// Whether the operator checked them.
    pub verified: bool,
}

impl From<WorkerRecord> for ShareWorkerView {
    fn from(w: WorkerRecord) -> Self {
        Self {
            id: w.account_id,
            code: w.code.to_string(),
            verified: w.state == WorkerState::Verified,
            real_name: w.real_name,
            organisation: w.organisation.name,
        }
    }
}

/// One recorded opening or download.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReceiptView {
    /// Which document.
    #[schema(value_type = String, example = "00112233445566778899aabbccddeeff")]
    pub document_id: DocumentId,
    /// When, Unix seconds.
    pub at: i64,
    /// `open` or `download`.
    #[schema(value_type = crate::storage::ReceiptAction, example = "open")]
    pub action: &'static str,
    /// `worker` or `link`.
    #[schema(value_type = crate::storage::ReceiptBy, example = "worker")]
    pub by: &'static str,
}

impl From<Receipt> for ReceiptView {
    fn from(r: Receipt) -> Self {
        Self {
            document_id: r.document_id,
            at: r.at,
            action: r.action.as_str(),
            by: r.by.as_str(),
        }
    }
}

/// A share as its holder sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct ShareView {
    /// Id.
    #[schema(value_type = String, example = "00112233445566778899aabbccddeeff")]
    pub id: ShareId,
    /// `worker` or `link`.
    #[schema(value_type = ShareKindJson, example = "worker")]
    pub kind: &'static str,
    /// The worker, for a worker share; null for a link.
    #[schema(required = true)]
    pub worker: Option<ShareWorkerView>,
    /// When it was made, Unix seconds.
    pub created_at: i64,
    /// For an appointment: when its window opens, Unix seconds; null for a share open from
    /// its creation.
    #[schema(required = true)]
    pub opens_at: Option<i64>,
    /// When it ends (or ended), Unix seconds.
    pub expires_at: i64,
    /// When it was revoked, or null.
    #[schema(required = true)]
    pub revoked_at: Option<i64>,
    /// `active`, `expired`, `revoked`, `locked`, or `scheduled` (an appointment before its
    /// window).
    #[schema(value_type = crate::storage::ShareStatus, example = "active")]
    pub status: &'static str,
    /// Whether the link has a PIN.
    pub pin: bool,
    /// Wrong PINs so far.
    pub pin_failures: u32,
    /// The shared documents that still exist.
    #[schema(value_type = Vec<String>)]
    pub document_ids: Vec<DocumentId>,
    /// Every opening and download, oldest first.
    pub receipts: Vec<ReceiptView>,
}

/// The holder's shares.
#[derive(Debug, Serialize, ToSchema)]
pub struct ShareList {
    /// Newest first.
    pub shares: Vec<ShareView>,
}

fn share_view(s: HolderShare, now: i64) -> ShareView {
    ShareView {
        id: s.share.id,
        kind: s.share.kind.as_str(),
        worker: s.worker.map(Into::into),
        created_at: s.share.created_at,
        opens_at: s.share.opens_at,
        expires_at: s.share.expires_at,
        revoked_at: s.share.revoked_at,
        status: s.share.status(now).as_str(),
        pin: s.share.pin_hmac.is_some(),
        pin_failures: s.share.pin_failures,
        document_ids: s.document_ids,
        receipts: s.receipts.into_iter().map(Into::into).collect(),
    }
}

/// Lists the holder's shares with their status and receipts.
#[utoipa::path(get, operation_id = "list_shares", path = "/api/v1/shares", tag = "shares", security(("session" = [])),
    responses(
        (status = 200, body = ShareList),
        (status = 401, body = ErrorBody, description = "unauthenticated"),
        (status = 403, body = ErrorBody, description = "forbidden (a worker), worker_suspended"),
    ))]
pub async fn list(
    State(state): State<AppState>,
    holder: Holder,
) -> Result<Json<ShareList>, AppError> {
    let now = state.clock.now();
    let mut shares = state
        .storage
        .holder_shares(holder.account_id, state.clock.now())
        .await?;
    // A limited session lists only the shares made in limited sessions, and in them only the
    // documents of its view.
    if holder.session.is_limited() {
        let made_here = state.storage.limited_shares(holder.account_id).await?;
        let scope = Scope::of(&state, &holder.session).await?;
        shares.retain(|s| made_here.contains(&s.share.id));
        for s in &mut shares {
            s.document_ids.retain(|id| scope.sees(id));
            s.receipts.retain(|r| scope.sees(&r.document_id));
        }
    }
    let shares = shares.into_iter().map(|s| share_view(s, now)).collect();
    Ok(Json(ShareList { shares }))
}

/// Ends a share at once: its envelopes and note are deleted; its history stays.
#[utoipa::path(post, operation_id = "revoke_share", path = "/api/v1/shares/{id}/revoke", tag = "shares", security(("session" = [])),
    params(("id" = String, Path, description = "Share id")),
    responses(
        (status = 204, description = "Revoked (also when it had already ended)"),
        (status = 400, body = ErrorBody, description = "invalid_field"),
        (status = 401, body = ErrorBody, description = "unauthenticated"),
        (status = 403, body = ErrorBody, description = "forbidden (a worker), worker_suspended"),
        (status = 404, body = ErrorBody, description = "not_found (also another holder's share)"),
    ))]
pub async fn revoke(
    State(state): State<AppState>,
    holder: Holder,
    SharePath(id): SharePath,
) -> Result<StatusCode, AppError> {
    if holder.session.is_limited()
        && !state
            .storage
            .limited_shares(holder.account_id)
            .await?
            .contains(&id)
    {
        return Err(AppError::NotFound);
    }
    if !state
        .storage
        .revoke_share(holder.account_id, id, state.clock.now())
        .await?
    {
        return Err(AppError::NotFound);
    }
    Ok(StatusCode::NO_CONTENT)
}
