//! `/api/v1/account/record`: the holder's wallet record, an age file the browser encrypts to
//! the wallet's own recipient (docs/formats.md, "Wallet record"). The server keeps it and its
//! version number and cannot read it; a write names the version it replaces, so that two
//! devices merge their entries instead of losing one another's. A limited session has a
//! record of its own (view `limited`), encrypted to V, apart from the wallet's.

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::{AppError, ErrorBody};
use crate::extract::{ApiJson, B64};
use crate::roles::Holder;
use crate::state::AppState;
use crate::validate::{self, MAX_RECORD_BYTES};

/// The wallet record as stored.
#[derive(Debug, Serialize, ToSchema)]
pub struct RecordAnswer {
    /// 0 when no record was ever written; then 1, 2, … one more on each write.
    pub version: u64,
    /// The age file, Base64; null when there is none yet.
    #[schema(value_type = Option<String>, format = Byte)]
    pub record: Option<B64>,
}

/// `PUT /api/v1/account/record` body.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct PutRecordRequest {
    /// The version this write replaces, as last read (0 when there was none).
    pub replaces: u64,
    /// The new record, an age file of at most 64 KiB, Base64.
    #[schema(value_type = String, format = Byte)]
    pub record: B64,
}

/// The new version after a write.
#[derive(Debug, Serialize, ToSchema)]
pub struct PutRecordAnswer {
    /// The version now stored (`replaces` + 1).
    pub version: u64,
}

/// The signed-in holder's wallet record.
#[utoipa::path(get, operation_id = "get_record", path = "/api/v1/account/record", tag = "record", security(("session" = [])),
    responses(
        (status = 200, body = RecordAnswer),
        (status = 401, body = ErrorBody, description = "unauthenticated"),
        (status = 403, body = ErrorBody, description = "forbidden (a worker)"),
    ))]
pub async fn get(
    State(state): State<AppState>,
    holder: Holder,
) -> Result<Json<RecordAnswer>, AppError> {
    let stored = state
        .storage
        .wallet_record(holder.account_id, holder.session.view)
        .await?;
    Ok(Json(match stored {
        Some(r) => RecordAnswer {
            version: r.version,
            record: Some(B64(r.record)),
        },
        None => RecordAnswer {
            version: 0,
            record: None,
        },
    }))
}

/// Replaces the wallet record if its stored version is still `replaces`.
#[utoipa::path(put, operation_id = "put_record", path = "/api/v1/account/record", tag = "record", security(("session" = [])),
    request_body = PutRecordRequest,
    responses(
        (status = 200, body = PutRecordAnswer),
        (status = 400, body = ErrorBody, description = "invalid_field (not an age file, or over 64 KiB)"),
        (status = 401, body = ErrorBody, description = "unauthenticated"),
        (status = 403, body = ErrorBody, description = "forbidden (a worker)"),
        (status = 409, body = ErrorBody, description = "record_changed: another write came first; read, merge, write again"),
    ))]
pub async fn put(
    State(state): State<AppState>,
    holder: Holder,
    ApiJson(req): ApiJson<PutRecordRequest>,
) -> Result<Json<PutRecordAnswer>, AppError> {
    let record = validate::age_file("record", req.record.0, MAX_RECORD_BYTES)?;
    let version = state
        .storage
        .put_wallet_record(
            holder.account_id,
            holder.session.view,
            req.replaces,
            &record,
        )
        .await?
        .ok_or(AppError::RecordChanged)?;
    Ok(Json(PutRecordAnswer { version }))
}
