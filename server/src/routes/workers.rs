//! `/api/v1/workers`: a worker joins through an invitation; a holder looks a worker up by card
//! code before sharing.

use axum::Json;
use axum::extract::State;
use axum::response::Response;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::client::{self, ClientAddr};
use crate::clock::day_of;
use crate::error::{AppError, ErrorBody};
use crate::extract::{ApiJson, CodePath, SecretText};
use crate::invitation;
use crate::roles::Holder;
use crate::routes::accounts::{self, CreateAccountRequest, CreateAccountResponse};
use crate::routes::shares::ShareWorkerView;
use crate::state::AppState;
use crate::storage::{AccountKind, JoinOutcome, NewWorker, WorkerRecord, WorkerState};
use crate::validate;
use crate::worker_code::WorkerCode;

/// `POST /api/v1/workers` body: an invitation, a real name and the fields of an ordinary
/// sign-up (`pseudonym` is the login name, unique across holders and workers).
#[derive(Debug, Deserialize, ToSchema)]
pub struct JoinRequest {
    /// The token from the invitation link's fragment.
    #[schema(value_type = String)]
    pub invitation: SecretText,
    /// 2 to 100 characters, no control characters; shown to holders.
    pub real_name: String,
    /// The sign-up fields, as for `POST /api/v1/accounts`.
    #[serde(flatten)]
    pub account: CreateAccountRequest,
}

/// Creates a worker account through a one-time invitation and logs it in.
#[utoipa::path(post, operation_id = "join_as_worker", path = "/api/v1/workers", tag = "workers",
    request_body = JoinRequest,
    responses(
        (status = 201, body = CreateAccountResponse, description = "Joined, unverified; the body carries the session token"),
        (status = 400, body = ErrorBody, description = "bad_request, invalid_field"),
        (status = 409, body = ErrorBody, description = "pseudonym_taken, worker_code_taken (another worker's recipient gives the same card code: make a new wallet key and try again)"),
        (status = 410, body = ErrorBody, description = "invitation_invalid"),
        (status = 429, body = ErrorBody, description = "too_many_attempts (sign-ups of this client or of the service this hour), with Retry-After"),
        (status = 507, body = ErrorBody, description = "storage_full"),
    ))]
pub async fn join(
    State(state): State<AppState>,
    client: ClientAddr,
    device: crate::device::Device,
    ApiJson(req): ApiJson<JoinRequest>,
) -> Result<Response, AppError> {
    let real_name = validate::real_name(&req.real_name)?;
    let account = accounts::new_account(&state, AccountKind::Worker, req.account)?;
    let token_hash =
        invitation::hash_of(req.invitation.expose()).ok_or(AppError::InvitationInvalid)?;
    client::take_signup(&state, client).await?;
    let now = state.clock.now();
    let worker = NewWorker {
        real_name,
        // Derived from the wallet recipient the browser made, so a holder's browser can
        // check the recipient it is given against the code it typed (docs/sharing.md).
        code: WorkerCode::of_recipient(&account.recipient),
        joined_day: day_of(now),
    };
    match state
        .storage
        .join_worker(&token_hash, now, &account, &worker)
        .await?
    {
        JoinOutcome::Joined(_) => accounts::created(&state, account, device).await,
        JoinOutcome::InvitationInvalid => Err(AppError::InvitationInvalid),
        JoinOutcome::PseudonymTaken => Err(AppError::PseudonymTaken),
        // Another worker's recipient has the same first 40 bits (about one chance in 10^8
        // with 10,000 workers): the browser makes a new wallet key and tries again.
        JoinOutcome::CodeTaken => Err(AppError::WorkerCodeTaken),
    }
}

/// A worker as a holder sees them before sharing: what a share shows of them, and the
/// recipient to encrypt to.
#[derive(Debug, Serialize, ToSchema)]
pub struct WorkerView {
    /// Id (`worker_id` of a worker share), card code, real name, organisation, verification.
    #[serde(flatten)]
    pub worker: ShareWorkerView,
    /// Their wallet recipient (`age1…`): share envelopes and notes are encrypted to it.
    pub recipient: String,
}

impl From<WorkerRecord> for WorkerView {
    fn from(w: WorkerRecord) -> Self {
        let recipient = w.recipient.clone();
        Self {
            worker: w.into(),
            recipient,
        }
    }
}

/// Looks a worker up by the card code they show.
#[utoipa::path(get, operation_id = "lookup_worker", path = "/api/v1/workers/{code}", tag = "workers", security(("session" = [])),
    params(("code" = String, Path, description = "Card code, e.g. `B8Y9-W7S7-8` (case, spaces and `-` do not matter)")),
    responses(
        (status = 200, body = WorkerView),
        (status = 400, body = ErrorBody, description = "invalid_worker_code, worker_code_mistyped"),
        (status = 401, body = ErrorBody, description = "unauthenticated"),
        (status = 403, body = ErrorBody, description = "forbidden (a worker), worker_suspended"),
        (status = 404, body = ErrorBody, description = "worker_not_found (also a suspended worker)"),
    ))]
pub async fn by_code(
    State(state): State<AppState>,
    _holder: Holder,
    CodePath(code): CodePath,
) -> Result<Json<WorkerView>, AppError> {
    let worker = state
        .storage
        .worker_by_code(code)
        .await?
        .filter(|w| w.state != WorkerState::Suspended)
        .ok_or(AppError::WorkerNotFound)?;
    Ok(Json(worker.into()))
}
