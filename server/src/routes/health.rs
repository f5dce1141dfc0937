//! `GET /healthz`.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use serde::Serialize;
use utoipa::ToSchema;

use crate::state::AppState;
use crate::storage::StorageError;

/// Health answer.
#[derive(Debug, Serialize, ToSchema)]
pub struct Health {
    /// `ok`, `storage_full`, `unavailable`, or `draining` (shutting down: send requests to
    /// another replica).
    pub status: &'static str,
}

/// Whether the database and the blob store answer, and the blob store's disk takes a byte.
#[utoipa::path(get, path = "/healthz", tag = "meta", responses(
    (status = 200, description = "Database and blob store answer", body = Health),
    (status = 503, description = "One of them does not (`unavailable`), or the server is shutting down (`draining`)", body = Health),
    (status = 507, description = "The disk is full: nothing can be stored", body = Health),
))]
pub async fn healthz(State(state): State<AppState>) -> (StatusCode, Json<Health>) {
    if state.drain.is_draining() {
        return (
            StatusCode::SERVICE_UNAVAILABLE,
            Json(Health { status: "draining" }),
        );
    }
    let db = state.storage.ping().await;
    let blobs = state.blobs.ping().await;
    let full = matches!(db, Err(StorageError::Full))
        || blobs.as_ref().is_err_and(|e| {
            matches!(
                e.kind(),
                std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded
            )
        });
    match (db, blobs) {
        (Ok(()), Ok(())) => (StatusCode::OK, Json(Health { status: "ok" })),
        _ if full => {
            tracing::error!("health: the disk is full");
            (
                StatusCode::INSUFFICIENT_STORAGE,
                Json(Health {
                    status: "storage_full",
                }),
            )
        }
        (db, blobs) => {
            if let Err(e) = db {
                tracing::error!(error = %e, "health: database does not answer");
            }
            if let Err(e) = blobs {
                tracing::error!(error = %e, "health: blob store does not answer");
            }
            (
                StatusCode::SERVICE_UNAVAILABLE,
                Json(Health {
                    status: "unavailable",
                }),
            )
        }
    }
}
