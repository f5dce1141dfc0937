//! `POST /api/v1/invitations/lookup`: what an invitation link is for, before joining.

use axum::Json;
use axum::extract::State;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::error::{AppError, ErrorBody};
use crate::extract::{ApiJson, SecretText};
use crate::invitation;
use crate::state::AppState;

/// `POST /api/v1/invitations/lookup` body.
#[derive(Debug, Deserialize, ToSchema)]
pub struct LookupRequest {
    /// The token from the invitation link's fragment (32 hex characters).
    #[schema(value_type = String)]
    pub invitation: SecretText,
}

/// A usable invitation.
#[derive(Debug, Serialize, ToSchema)]
pub struct InvitationView {
    /// The name of the organisation the worker joins.
    pub organisation: String,
    /// The invitation is refused from this time on, Unix seconds.
    pub expires_at: i64,
}

/// Tells which organisation an invitation is for, without using it.
#[utoipa::path(post, operation_id = "lookup_invitation", path = "/api/v1/invitations/lookup", tag = "workers",
    request_body = LookupRequest,
    responses(
        (status = 200, body = InvitationView),
        (status = 400, body = ErrorBody, description = "bad_request, invalid_field"),
        (status = 410, body = ErrorBody, description = "invitation_invalid (unknown, used or expired: one answer)"),
    ))]
pub async fn lookup(
    State(state): State<AppState>,
    ApiJson(req): ApiJson<LookupRequest>,
) -> Result<Json<InvitationView>, AppError> {
    let hash = invitation::hash_of(req.invitation.expose()).ok_or(AppError::InvitationInvalid)?;
    let found = state
        .storage
        .valid_invitation(&hash, state.clock.now())
        .await?
        .ok_or(AppError::InvitationInvalid)?;
    Ok(Json(InvitationView {
        organisation: found.organisation.name,
        expires_at: found.expires_at,
    }))
}
