//! `/api/v1/shared-with-me` (workers only): the active shares addressed to the worker, their
//! documents' content, and the recorded download.

use axum::Json;
use axum::extract::State;
use axum::http::{Method, StatusCode};
use axum::response::Response;
use serde::Serialize;
use utoipa::ToSchema;

use crate::error::{AppError, ErrorBody};
use crate::extract::{B64, ShareDocPath, SharePath};
use crate::ids::{DocumentId, ShareId};
use crate::roles::Worker;
use crate::routes::documents::content_response;
use crate::state::AppState;
use crate::storage::{ReceiptAction, ReceiptBy, Share, ShareKind, ShareStatus, SharedDocument};

/// A document as a share shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct SharedDocumentView {
    /// Id.
    #[schema(value_type = String, example = "00112233445566778899aabbccddeeff")]
    pub id: DocumentId,
    /// Byte length of the content ciphertext.
    pub size: u64,
    /// Metadata ciphertext (encrypted to the document's key), Base64.
    #[schema(value_type = String, format = Byte)]
    pub metadata: B64,
    /// The share envelope, Base64.
    #[schema(value_type = String, format = Byte)]
    pub envelope: B64,
}

impl From<SharedDocument> for SharedDocumentView {
    fn from(d: SharedDocument) -> Self {
        Self {
            id: d.id,
            size: d.size,
            metadata: B64(d.metadata),
            envelope: B64(d.envelope),
        }
    }
}

/// A share addressed to the worker.
#[derive(Debug, Serialize, ToSchema)]
pub struct SharedWithMeView {
    /// Id.
    #[schema(value_type = String, example = "00112233445566778899aabbccddeeff")]
    pub id: ShareId,
    /// The holder's pseudonym.
    pub holder: String,
    /// When it was made, Unix seconds.
    pub created_at: i64,
    /// When it ends, Unix seconds.
    pub expires_at: i64,
    /// The note ciphertext, Base64, or null.
    #[schema(required = true, value_type = Option<String>, format = Byte)]
    pub note: Option<B64>,
    /// The shared documents, in the order shared.
    pub documents: Vec<SharedDocumentView>,
}

/// The active shares addressed to the worker.
#[derive(Debug, Serialize, ToSchema)]
pub struct SharedWithMeList {
    /// Newest first.
    pub shares: Vec<SharedWithMeView>,
}

/// The documents of a share, as a share shows them.
pub(crate) async fn documents(
    state: &AppState,
    id: ShareId,
) -> Result<Vec<SharedDocumentView>, AppError> {
    let documents = state.storage.shared_documents(id).await?;
    Ok(documents.into_iter().map(Into::into).collect())
}

async fn view(state: &AppState, share: Share) -> Result<SharedWithMeView, AppError> {
    Ok(SharedWithMeView {
        documents: documents(state, share.id).await?,
        id: share.id,
        holder: share.owner_pseudonym,
        created_at: share.created_at,
        expires_at: share.expires_at,
        note: share.note.map(B64),
    })
}

/// The share `id` if it is addressed to `worker` and active: `404 not_found` if it is not
/// theirs or is an appointment whose window has not opened (it does not exist yet),
/// `410 share_ended` once it ended.
async fn my_share(state: &AppState, worker: &Worker, id: ShareId) -> Result<Share, AppError> {
    let now = state.clock.now();
    let share = state
        .storage
        .share(id)
        .await?
        .filter(|s| s.kind == ShareKind::Worker && s.worker_id == Some(worker.account_id))
        .filter(|s| !s.before_window(now))
        .ok_or(AppError::NotFound)?;
    if share.status(now) != ShareStatus::Active {
        return Err(AppError::ShareEnded);
    }
    Ok(share)
}

/// Refuses unless `doc` is in an active share `id` of `worker`.
async fn check_document(
    state: &AppState,
    worker: &Worker,
    id: ShareId,
    doc: DocumentId,
) -> Result<(), AppError> {
    my_share(state, worker, id).await?;
    document_in_share(state, id, doc).await
}

/// Refuses (`404 not_found`) unless `doc` is one of the documents of share `id`.
pub(crate) async fn document_in_share(
    state: &AppState,
    id: ShareId,
    doc: DocumentId,
) -> Result<(), AppError> {
    state
        .storage
        .shared_document(id, doc)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok(())
}

/// Records a receipt of a checked document; `410 share_ended` if the share ended since.
pub(crate) async fn record(
    state: &AppState,
    id: ShareId,
    doc: DocumentId,
    action: ReceiptAction,
    by: ReceiptBy,
) -> Result<(), AppError> {
    let now = state.clock.now();
    if !state
        .storage
        .record_receipt(id, doc, now, action, by)
        .await?
    {
        return Err(AppError::ShareEnded);
    }
    Ok(())
}

/// Lists the active shares addressed to the signed-in worker (an appointment only within its
/// window).
#[utoipa::path(get, operation_id = "list_shared_with_me", path = "/api/v1/shared-with-me", tag = "shared-with-me", security(("session" = [])),
    responses(
        (status = 200, body = SharedWithMeList),
        (status = 401, body = ErrorBody, description = "unauthenticated"),
        (status = 403, body = ErrorBody, description = "forbidden (a holder), worker_suspended"),
    ))]
pub async fn list(
    State(state): State<AppState>,
    worker: Worker,
) -> Result<Json<SharedWithMeList>, AppError> {
    let now = state.clock.now();
    let mut shares = Vec::new();
    for share in state.storage.worker_shares(worker.account_id, now).await? {
        shares.push(view(&state, share).await?);
    }
    Ok(Json(SharedWithMeList { shares }))
}

/// One active share addressed to the signed-in worker.
#[utoipa::path(get, operation_id = "get_shared_with_me", path = "/api/v1/shared-with-me/{id}", tag = "shared-with-me", security(("session" = [])),
    params(("id" = String, Path, description = "Share id")),
    responses(
        (status = 200, body = SharedWithMeView),
        (status = 400, body = ErrorBody, description = "invalid_field"),
        (status = 401, body = ErrorBody, description = "unauthenticated"),
        (status = 403, body = ErrorBody, description = "forbidden (a holder), worker_suspended"),
        (status = 404, body = ErrorBody, description = "not_found (also a share addressed to someone else, or an appointment before its window)"),
        (status = 410, body = ErrorBody, description = "share_ended"),
    ))]
pub async fn one(
    State(state): State<AppState>,
    worker: Worker,
    SharePath(id): SharePath,
) -> Result<Json<SharedWithMeView>, AppError> {
    let share = my_share(&state, &worker, id).await?;
    Ok(Json(view(&state, share).await?))
}

/// Streams a shared document's content ciphertext and records an `open` receipt.
#[utoipa::path(get, operation_id = "get_shared_content", path = "/api/v1/shared-with-me/{id}/documents/{doc}/content", tag = "shared-with-me", security(("session" = [])),
    params(("id" = String, Path, description = "Share id"), ("doc" = String, Path, description = "Document id")),
    responses(
        (status = 200, description = "The ciphertext", content_type = "application/octet-stream", body = Vec<u8>),
        (status = 400, body = ErrorBody, description = "invalid_field"),
        (status = 401, body = ErrorBody, description = "unauthenticated"),
        (status = 403, body = ErrorBody, description = "forbidden (a holder), worker_suspended"),
        (status = 404, body = ErrorBody, description = "not_found (also an appointment before its window)"),
        (status = 410, body = ErrorBody, description = "share_ended"),
    ))]
pub async fn content(
    State(state): State<AppState>,
    method: Method,
    worker: Worker,
    ShareDocPath(id, doc): ShareDocPath,
) -> Result<Response, AppError> {
    check_document(&state, &worker, id, doc).await?;
    let blob = state.blobs.open(doc).await?;
    // A `HEAD` (served by this `GET` route) transfers nothing: it is not an opening.
    if method != Method::HEAD {
        record(&state, id, doc, ReceiptAction::Open, ReceiptBy::Worker).await?;
    }
    Ok(content_response(blob))
}

/// Records that the worker used the download button for a shared document.
#[utoipa::path(post, operation_id = "record_shared_download", path = "/api/v1/shared-with-me/{id}/documents/{doc}/download", tag = "shared-with-me", security(("session" = [])),
    params(("id" = String, Path, description = "Share id"), ("doc" = String, Path, description = "Document id")),
    responses(
        (status = 204, description = "Recorded"),
        (status = 400, body = ErrorBody, description = "invalid_field"),
        (status = 401, body = ErrorBody, description = "unauthenticated"),
        (status = 403, body = ErrorBody, description = "forbidden (a holder), worker_suspended"),
        (status = 404, body = ErrorBody, description = "not_found (also an appointment before its window)"),
        (status = 410, body = ErrorBody, description = "share_ended"),
    ))]
pub async fn download(
    State(state): State<AppState>,
    worker: Worker,
    ShareDocPath(id, doc): ShareDocPath,
) -> Result<StatusCode, AppError> {
    check_document(&state, &worker, id, doc).await?;
    record(&state, id, doc, ReceiptAction::Download, ReceiptBy::Worker).await?;
    Ok(StatusCode::NO_CONTENT)
}
