//! `/api/v1/documents` (holders only): reserve, upload (streamed), list, download, update
//! metadata, delete, hide until a time.
//!
//! A document hidden until a time does not exist for any route until the server's clock
//! reaches that time: every lookup here passes the clock's now to the store, which leaves
//! hidden documents out.
//!
//! A limited session (the second passphrase's view) sees only the documents with an envelope
//! to V, each with that envelope in place of the owner envelope ([`Scope`]).

use std::io;
use std::time::Duration;

use axum::Json;
use axum::body::Body;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode, header};
use axum::response::{IntoResponse, Response};
use futures_util::TryStreamExt;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::blob::BlobReader;
use crate::error::{AppError, ErrorBody};
use crate::extract::{ApiJson, B64, DocPath};
use crate::ids::{AccountId, DocumentId};
use crate::roles::Holder;
use crate::routes::limited_view::Scope;
use crate::state::AppState;
use crate::storage::MAX_IDS_PER_LOOKUP;
use crate::storage::{Document, DocumentState};
use crate::validate::{MAX_ENVELOPE_BYTES, MAX_METADATA_BYTES};

/// The furthest ahead a document can be hidden.
pub const MAX_HIDE_SECS: i64 = 90 * 86_400;

/// `POST /api/v1/documents` body.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CreateDocumentRequest {
    /// Exact byte length of the content ciphertext to come.
    pub size: u64,
    /// Metadata ciphertext, Base64, at most 64 KiB.
    #[schema(value_type = String, format = Byte)]
    pub metadata: B64,
    /// Owner envelope ciphertext, Base64, at most 4 KiB.
    #[schema(value_type = String, format = Byte)]
    pub envelope: B64,
}

/// A new document's id.
#[derive(Debug, Serialize, ToSchema)]
pub struct CreateDocumentResponse {
    /// Id of the reserved document.
    #[schema(value_type = String, example = "00112233445566778899aabbccddeeff")]
    pub id: DocumentId,
}

/// A complete document, as listed.
#[derive(Debug, Serialize, ToSchema)]
pub struct DocumentView {
    /// Id.
    #[schema(value_type = String, example = "00112233445566778899aabbccddeeff")]
    pub id: DocumentId,
    /// Byte length of the content ciphertext.
    pub size: u64,
    /// When it was reserved, Unix seconds.
    pub created_at: i64,
    /// Metadata ciphertext, Base64.
    #[schema(value_type = String, format = Byte)]
    pub metadata: B64,
    /// Owner envelope ciphertext, Base64 (in a limited session, the envelope to V). Empty
    /// for a document added from the limited view that has no owner envelope yet: open its
    /// `limited_envelope` with V and store one with `PUT /api/v1/documents/{id}/envelope`.
    #[schema(value_type = String, format = Byte)]
    pub envelope: B64,
    /// Full view only, for a document the limited view shows: its envelope to V, Base64.
    #[serde(skip_serializing_if = "Option::is_none")]
    #[schema(value_type = Option<String>, format = Byte)]
    pub limited_envelope: Option<B64>,
}

/// The holder's complete documents.
#[derive(Debug, Serialize, ToSchema)]
pub struct DocumentList {
    /// Oldest first.
    pub documents: Vec<DocumentView>,
}

/// `PUT /api/v1/documents/{id}/metadata` body.
#[derive(Debug, Deserialize, ToSchema)]
pub struct MetadataRequest {
    /// New metadata ciphertext, Base64, at most 64 KiB.
    #[schema(value_type = String, format = Byte)]
    pub metadata: B64,
}

/// Reserves a pending document; its content must follow with `PUT …/content`.
#[utoipa::path(post, operation_id = "create_document", path = "/api/v1/documents", tag = "documents", security(("session" = [])),
    request_body = CreateDocumentRequest,
    responses(
        (status = 201, body = CreateDocumentResponse),
        (status = 400, body = ErrorBody, description = "bad_request, invalid_field"),
        (status = 401, body = ErrorBody, description = "unauthenticated"),
        (status = 403, body = ErrorBody, description = "forbidden (a worker), worker_suspended"),
        (status = 413, body = ErrorBody, description = "document_too_large, quota_exceeded, payload_too_large"),
        (status = 503, body = ErrorBody, description = "unavailable (the server is shutting down, or its database is unreachable)"),
    ))]
pub async fn create(
    State(state): State<AppState>,
    holder: Holder,
    ApiJson(req): ApiJson<CreateDocumentRequest>,
) -> Result<(StatusCode, Json<CreateDocumentResponse>), AppError> {
    if state.drain.is_draining() {
        // Its content could not be uploaded here any more.
        return Err(AppError::Unavailable);
    }
    let metadata = req.metadata.bounded("metadata", 1, MAX_METADATA_BYTES)?;
    let envelope = req.envelope.bounded("envelope", 1, MAX_ENVELOPE_BYTES)?;
    if req.size == 0 {
        return Err(AppError::field("size", "must be at least 1"));
    }
    if req.size > state.config.max_document_bytes {
        return Err(AppError::DocumentTooLarge);
    }
    let limited = holder.session.is_limited();
    let document = Document {
        id: DocumentId::random(),
        account_id: holder.account_id,
        size: req.size,
        state: DocumentState::Pending,
        created_at: state.clock.now(),
        metadata,
        // From a limited session the envelope is to V: the document gets no owner envelope
        // until the full view adds one.
        envelope: if limited {
            Vec::new()
        } else {
            envelope.clone()
        },
    };
    let reserved = if limited {
        state
            .storage
            .reserve_limited_document(&document, &envelope, state.config.quota_bytes)
            .await?
    } else {
        state
            .storage
            .reserve_document(&document, state.config.quota_bytes)
            .await?
    };
    if !reserved {
        return Err(AppError::QuotaExceeded);
    }
    Ok((
        StatusCode::CREATED,
        Json(CreateDocumentResponse { id: document.id }),
    ))
}

/// Lists the holder's complete documents.
#[utoipa::path(get, operation_id = "list_documents", path = "/api/v1/documents", tag = "documents", security(("session" = [])),
    responses(
        (status = 200, body = DocumentList),
        (status = 401, body = ErrorBody, description = "unauthenticated"),
        (status = 403, body = ErrorBody, description = "forbidden (a worker), worker_suspended"),
    ))]
pub async fn list(
    State(state): State<AppState>,
    holder: Holder,
) -> Result<Json<DocumentList>, AppError> {
    let scope = Scope::of(&state, &holder.session).await?;
    let listed = state
        .storage
        .list_documents(holder.account_id, state.clock.now())
        .await?;
    let documents = match scope {
        Scope::Limited(mut envelopes) => listed
            .into_iter()
            .filter_map(|d| {
                let envelope = envelopes.remove(&d.id)?;
                Some(DocumentView {
                    id: d.id,
                    size: d.size,
                    created_at: d.created_at,
                    metadata: B64(d.metadata),
                    envelope: B64(envelope),
                    limited_envelope: None,
                })
            })
            .collect(),
        Scope::Full => {
            let mut envelopes = state.storage.limited_envelopes(holder.account_id).await?;
            listed
                .into_iter()
                .map(|d| DocumentView {
                    limited_envelope: envelopes.remove(&d.id).map(B64),
                    id: d.id,
                    size: d.size,
                    created_at: d.created_at,
                    metadata: B64(d.metadata),
                    envelope: B64(d.envelope),
                })
                .collect()
        }
    };
    Ok(Json(DocumentList { documents }))
}

/// Streams the content ciphertext into the blob store; the document is listed only once all
/// of it is stored.
#[utoipa::path(put, operation_id = "put_document_content", path = "/api/v1/documents/{id}/content", tag = "documents", security(("session" = [])),
    params(("id" = String, Path, description = "Document id")),
    request_body(content = Vec<u8>, content_type = "application/octet-stream", description = "Exactly `size` bytes"),
    responses(
        (status = 204, description = "Stored"),
        (status = 400, body = ErrorBody, description = "size_mismatch, invalid_field"),
        (status = 401, body = ErrorBody, description = "unauthenticated"),
        (status = 403, body = ErrorBody, description = "forbidden (a worker), worker_suspended"),
        (status = 404, body = ErrorBody, description = "not_found (also another account's document)"),
        (status = 409, body = ErrorBody, description = "already_uploaded"),
        (status = 503, body = ErrorBody, description = "unavailable (the server is shutting down, its database is unreachable, or the S3 blob store does not answer)"),
        (status = 507, body = ErrorBody, description = "storage_full"),
    ))]
pub async fn put_content(
    State(state): State<AppState>,
    holder: Holder,
    DocPath(id): DocPath,
    headers: HeaderMap,
    body: Body,
) -> Result<StatusCode, AppError> {
    let owner = holder.account_id;
    // Counted before anything else, so a shutdown waits for this upload or refuses it.
    let running = state.drain.start_upload().ok_or(AppError::Unavailable)?;
    Scope::of(&state, &holder.session).await?.check(&id)?;
    let document = state
        .storage
        .document(owner, id, state.clock.now())
        .await?
        .ok_or(AppError::NotFound)?;
    if document.state == DocumentState::Complete {
        return Err(AppError::AlreadyUploaded);
    }
    if let Some(announced) = headers.get(header::CONTENT_LENGTH) {
        let announced = announced
            .to_str()
            .ok()
            .and_then(|v| v.parse::<u64>().ok())
            .ok_or_else(|| AppError::BadRequest("invalid Content-Length".into()))?;
        if announced != document.size {
            return Err(AppError::SizeMismatch);
        }
    }
    let lease = i64::try_from(state.config.upload_lease_secs).unwrap_or(i64::MAX);
    if !state
        .storage
        .begin_upload(owner, id, state.clock.now(), lease)
        .await?
    {
        // Complete, or an upload that is still alive (here or on another replica).
        return Err(AppError::AlreadyUploaded);
    }
    // The upload runs in its own task so that a client that goes away mid-body still gets
    // its temp file removed and the document put back to pending.
    let stream = body.into_data_stream().map_err(io::Error::other);
    let task = tokio::spawn(async move {
        let stored = store_content(state, owner, id, document.size, stream).await;
        drop(running);
        stored
    });
    task.await
        .map_err(|e| AppError::internal(format!("upload task: {e}")))?
}

async fn store_content(
    state: AppState,
    owner: AccountId,
    id: DocumentId,
    size: u64,
    stream: impl futures_util::Stream<Item = io::Result<bytes::Bytes>> + Send + 'static,
) -> Result<StatusCode, AppError> {
    let put = state.blobs.put(id, size, Box::pin(stream));
    match keeping_upload_alive(&state, owner, id, put).await {
        Ok(()) => {
            if state.storage.finish_upload(owner, id).await? {
                Ok(StatusCode::NO_CONTENT)
            } else {
                // Deleted (by its owner or a sweep) while the body was arriving.
                state.blobs.delete(id).await?;
                Err(AppError::NotFound)
            }
        }
        Err(e) => {
            state.storage.abort_upload(owner, id).await?;
            Err(e.into())
        }
    }
}

/// Runs `work` (the body going into the blob store) while refreshing the upload's lease every
/// third of it, so no other request or replica takes the upload over while it is alive.
async fn keeping_upload_alive<T>(
    state: &AppState,
    owner: AccountId,
    id: DocumentId,
    work: impl std::future::Future<Output = T>,
) -> T {
    let every = Duration::from_secs(state.config.upload_lease_secs.max(3) / 3);
    let mut ticks = tokio::time::interval_at(tokio::time::Instant::now() + every, every);
    let mut work = std::pin::pin!(work);
    loop {
        tokio::select! {
            out = &mut work => return out,
            _ = ticks.tick() => {
                if let Err(e) = state.storage.keep_upload(owner, id, state.clock.now()).await {
                    tracing::warn!(error = %e, "could not refresh an upload's lease");
                }
            }
        }
    }
}

/// Streams the content ciphertext.
#[utoipa::path(get, operation_id = "get_document_content", path = "/api/v1/documents/{id}/content", tag = "documents", security(("session" = [])),
    params(("id" = String, Path, description = "Document id")),
    responses(
        (status = 200, description = "The ciphertext", content_type = "application/octet-stream", body = Vec<u8>),
        (status = 400, body = ErrorBody, description = "invalid_field"),
        (status = 401, body = ErrorBody, description = "unauthenticated"),
        (status = 403, body = ErrorBody, description = "forbidden (a worker), worker_suspended"),
        (status = 404, body = ErrorBody, description = "not_found (also another account's or an incomplete document)"),
    ))]
pub async fn get_content(
    State(state): State<AppState>,
    holder: Holder,
    DocPath(id): DocPath,
) -> Result<Response, AppError> {
    Scope::of(&state, &holder.session).await?.check(&id)?;
    let document = state
        .storage
        .document(holder.account_id, id, state.clock.now())
        .await?
        .ok_or(AppError::NotFound)?;
    if document.state != DocumentState::Complete {
        return Err(AppError::NotFound);
    }
    let blob = state.blobs.open(id).await?;
    Ok(content_response(blob))
}

/// A `200` answer streaming a content ciphertext from the blob store.
pub(crate) fn content_response(blob: BlobReader) -> Response {
    (
        [
            (header::CONTENT_TYPE, "application/octet-stream".to_owned()),
            (header::CONTENT_LENGTH, blob.len.to_string()),
        ],
        Body::from_stream(blob.stream),
    )
        .into_response()
}

/// Replaces the metadata ciphertext.
#[utoipa::path(put, operation_id = "put_document_metadata", path = "/api/v1/documents/{id}/metadata", tag = "documents", security(("session" = [])),
    params(("id" = String, Path, description = "Document id")),
    request_body = MetadataRequest,
    responses(
        (status = 204, description = "Replaced"),
        (status = 400, body = ErrorBody, description = "bad_request, invalid_field"),
        (status = 401, body = ErrorBody, description = "unauthenticated"),
        (status = 403, body = ErrorBody, description = "forbidden (a worker), worker_suspended"),
        (status = 404, body = ErrorBody, description = "not_found"),
    ))]
pub async fn put_metadata(
    State(state): State<AppState>,
    holder: Holder,
    DocPath(id): DocPath,
    ApiJson(req): ApiJson<MetadataRequest>,
) -> Result<StatusCode, AppError> {
    let metadata = req.metadata.bounded("metadata", 1, MAX_METADATA_BYTES)?;
    Scope::of(&state, &holder.session).await?.check(&id)?;
    if !state
        .storage
        .set_metadata(holder.account_id, id, &metadata, state.clock.now())
        .await?
    {
        return Err(AppError::NotFound);
    }
    Ok(StatusCode::NO_CONTENT)
}

/// Deletes the document: its row (with its owner envelope), its share envelopes, then its
/// blob; a share left with no document ends as if revoked.
#[utoipa::path(delete, operation_id = "delete_document", path = "/api/v1/documents/{id}", tag = "documents", security(("session" = [])),
    params(("id" = String, Path, description = "Document id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 400, body = ErrorBody, description = "invalid_field"),
        (status = 401, body = ErrorBody, description = "unauthenticated"),
        (status = 403, body = ErrorBody, description = "forbidden (a worker), worker_suspended"),
        (status = 404, body = ErrorBody, description = "not_found"),
    ))]
pub async fn delete(
    State(state): State<AppState>,
    holder: Holder,
    DocPath(id): DocPath,
) -> Result<StatusCode, AppError> {
    let now = state.clock.now();
    Scope::of(&state, &holder.session).await?.check(&id)?;
    // From a limited session a document that the full view holds too (it has an owner
    // envelope) only leaves the limited view: the full wallet is out of the limited view's
    // reach. One added from the limited view and not yet in the full view is deleted.
    if holder.session.is_limited()
        && state
            .storage
            .delete_limited_envelope(holder.account_id, id)
            .await?
    {
        return Ok(StatusCode::NO_CONTENT);
    }
    if !state
        .storage
        .delete_document(holder.account_id, id, now)
        .await?
    {
        return Err(AppError::NotFound);
    }
    // Rows first: a crash or a store failure from here on leaves a blob no row names, which
    // the sweep's orphan pass deletes (sweeper.rs).
    state.blobs.delete(id).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// `POST /api/v1/documents/hide` body.
#[derive(Debug, Deserialize, ToSchema)]
pub struct HideRequest {
    /// The documents to hide (distinct, 1 to 1000), all complete documents of the holder.
    #[schema(value_type = Vec<String>)]
    pub ids: Vec<DocumentId>,
    /// Until when, Unix seconds (server clock): later than now, at most 90 days ahead.
    pub until: i64,
}

/// Hides documents until a time: until the server's clock reaches it they do not exist for
/// any route, whatever the session; nothing can bring them back earlier. Each leaves the
/// active shares it is in; a share left with no document ends as if revoked.
#[utoipa::path(post, operation_id = "hide_documents", path = "/api/v1/documents/hide", tag = "documents", security(("session" = [])),
    request_body = HideRequest,
    responses(
        (status = 204, description = "Hidden"),
        (status = 400, body = ErrorBody, description = "bad_request, invalid_field, hide_until_past, hide_until_too_far"),
        (status = 401, body = ErrorBody, description = "unauthenticated"),
        (status = 403, body = ErrorBody, description = "forbidden (a worker), worker_suspended"),
        (status = 404, body = ErrorBody, description = "not_found (one of the ids is unknown, another account's, incomplete or already hidden; nothing is hidden)"),
    ))]
pub async fn hide(
    State(state): State<AppState>,
    holder: Holder,
    ApiJson(req): ApiJson<HideRequest>,
) -> Result<StatusCode, AppError> {
    if req.ids.is_empty() || req.ids.len() > MAX_IDS_PER_LOOKUP {
        return Err(AppError::field(
            "ids",
            format!("must hold 1 to {MAX_IDS_PER_LOOKUP} documents"),
        ));
    }
    let mut seen = std::collections::HashSet::new();
    if !req.ids.iter().all(|id| seen.insert(*id)) {
        return Err(AppError::field("ids", "must be distinct"));
    }
    let now = state.clock.now();
    if req.until <= now {
        return Err(AppError::HideUntilPast);
    }
    if req.until - now > MAX_HIDE_SECS {
        return Err(AppError::HideUntilTooFar);
    }
    let scope = Scope::of(&state, &holder.session).await?;
    for id in &req.ids {
        scope.check(id)?;
    }
    if !state
        .storage
        .hide_documents(holder.account_id, &req.ids, req.until, now)
        .await?
    {
        return Err(AppError::NotFound);
    }
    Ok(StatusCode::NO_CONTENT)
}
