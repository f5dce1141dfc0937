//! Trusted helpers: a holder's helper set (`/api/v1/account/helpers`), help requests made
//! with only a pseudonym (`/api/v1/help/*`), the holder's view and cancel of them
//! (`/api/v1/account/help-requests`), and the worker helpers' list and approval
//! (`/api/v1/worker/help-requests`). See docs/api.md "Trusted helpers".
//!
//! The server keeps its part of the recovery secret and hands it out, encrypted to the key the
//! recovering browser made for the request, only after the waiting period, if nobody
//! cancelled and enough helpers approved. Helpers' shares reach it only encrypted (to the
//! worker, or to the request's key); paper cards only as a one-way verifier.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use pde_crypto::identity::Recipient;
use serde::{Deserialize, Serialize};
use utoipa::ToSchema;

use crate::device::Device;
use crate::error::{AppError, ErrorBody};
use crate::extract::{ApiJson, B64, HelpRequestPath};
use crate::ids::{AccountId, HelpRequestId, HelperId};
use crate::roles::{Holder, Worker};
use crate::secrets;
use crate::session;
use crate::state::AppState;
use crate::storage::{
    AuthMethod, HelpRequestRecord, HelpRequestState, HelperKind, HelperRecord, HelperSetRecord,
    WorkerState,
};
use crate::validate::{self, AUTH_KEY_LEN, MAX_SLOT_BYTES};

/// A help request can be used this long after its waiting period ends; then it expires.
pub const HELP_REQUEST_USE_SECS: i64 = 7 * 86_400;
/// The fewest helpers a set may need.
pub const MIN_THRESHOLD: u32 = pde_crypto::slot::MIN_THRESHOLD as u32;
/// The most helpers a set may have.
pub const MAX_HELPERS: usize = pde_crypto::slot::MAX_HELPERS as usize;
/// The largest encrypted share accepted (an age file of a 43-byte share is about 250 bytes).
pub const MAX_SHARE_BYTES: usize = 1024;
/// The longest label of a paper card, in bytes.
pub const MAX_LABEL_BYTES: usize = 100;

fn helpers_rng() -> rand_core::UnwrapErr<getrandom::SysRng> {
    rand_core::UnwrapErr(getrandom::SysRng)
}

// ---------------------------------------------------------------- the holder's helper set

/// One helper of a new set.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum NewHelper {
    /// A verified worker.
    Worker {
        /// The worker's account id (from `GET /api/v1/workers/by-code/{code}`).
        #[schema(value_type = String)]
        worker: AccountId,
        /// The worker's share, encrypted to the worker's recipient (age file), Base64.
        #[schema(value_type = String, format = Byte)]
        share: B64,
    },
    /// A paper helper card.
    Card {
        /// The card's 32-byte auth key (derived from its share; not the share), Base64.
        #[schema(value_type = String, format = Byte)]
        card_auth: B64,
        /// The holder's name for the card ("Day centre", "Sam"), at most 100 bytes.
        label: String,
    },
}

/// `PUT /api/v1/account/helpers` body.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ReplaceHelpersRequest {
    /// How many helpers are needed, 2 to the number of helpers.
    pub threshold: u32,
    /// The server's 32-byte part of the recovery secret, Base64.
    #[schema(value_type = String, format = Byte)]
    pub server_part: B64,
    /// The recovery secret's 32-byte auth key, Base64 (the server keeps an HMAC).
    #[schema(value_type = String, format = Byte)]
    pub auth_key: B64,
    /// The helper slot (W encrypted to the recovery secret's identity), Base64, at most 4 KiB.
    #[schema(value_type = String, format = Byte)]
    pub slot: B64,
    /// The helpers, 2 to 10, in the order of their shares.
    pub helpers: Vec<NewHelper>,
}

/// A helper as its holder sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct HelperView {
    /// Its id.
    #[schema(value_type = String)]
    pub id: HelperId,
    /// `worker` or `card`.
    #[schema(example = "worker")]
    pub kind: &'static str,
    /// The card's label (empty for a worker).
    pub label: String,
    /// The worker, for a worker helper.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub worker: Option<HelperWorkerView>,
}

/// The worker of a worker helper.
#[derive(Debug, Serialize, ToSchema)]
pub struct HelperWorkerView {
    /// Their account id.
    #[schema(value_type = String)]
    pub id: AccountId,
    /// Their real name.
    pub real_name: String,
    /// Their organisation's name.
    pub organisation: String,
    /// `unverified`, `verified` or `suspended`: a suspended worker cannot approve, so the
    /// holder should replace them.
    #[schema(example = "verified")]
    pub state: &'static str,
}

/// The holder's helper set.
#[derive(Debug, Serialize, ToSchema)]
pub struct HelperSetView {
    /// How many helpers are needed.
    pub threshold: u32,
    /// The helpers, in order.
    pub helpers: Vec<HelperView>,
    /// When the set was made, Unix seconds.
    pub created_at: i64,
}

/// Chooses new helpers: replaces the helper set (the old shares stop working, the server
/// part is the new one) and cancels any open help request.
#[utoipa::path(put, operation_id = "replace_helpers", path = "/api/v1/account/helpers", tag = "helpers", security(("session" = [])),
    request_body = ReplaceHelpersRequest,
    responses(
        (status = 204, description = "Replaced"),
        (status = 400, body = ErrorBody, description = "bad_request, invalid_field (threshold, helpers, a key or share length, a worker twice)"),
        (status = 403, body = ErrorBody, description = "forbidden (a worker's session), worker_suspended"),
        (status = 404, body = ErrorBody, description = "worker_not_found (no such worker, not verified, or suspended)"),
    ))]
pub async fn replace(
    State(state): State<AppState>,
    holder: Holder,
    ApiJson(req): ApiJson<ReplaceHelpersRequest>,
) -> Result<StatusCode, AppError> {
    // Helpers recover the full wallet: a limited session can neither see nor set them.
    if holder.session.is_limited() {
        return Err(AppError::NotFound);
    }
    let n = req.helpers.len();
    if !(MIN_THRESHOLD as usize..=MAX_HELPERS).contains(&n) {
        return Err(AppError::field("helpers", "2 to 10 helpers"));
    }
    if req.threshold < MIN_THRESHOLD || req.threshold as usize > n {
        return Err(AppError::field(
            "threshold",
            "at least 2 and at most the number of helpers",
        ));
    }
    let server_part = req.server_part.bounded(
        "server_part",
        pde_crypto::slot::SERVER_PART_LEN,
        pde_crypto::slot::SERVER_PART_LEN,
    )?;
    let auth_key = req
        .auth_key
        .bounded("auth_key", AUTH_KEY_LEN, AUTH_KEY_LEN)?;
    let slot = req.slot.bounded("slot", 1, MAX_SLOT_BYTES)?;
    let mut helpers = Vec::with_capacity(n);
    for (position, helper) in req.helpers.into_iter().enumerate() {
        let position = position as u32;
        helpers.push(match helper {
            NewHelper::Worker { worker, share } => {
                let share = share.bounded("share", 1, MAX_SHARE_BYTES)?;
                if helpers
                    .iter()
                    .any(|h: &HelperRecord| h.worker_id == Some(worker))
                {
                    return Err(AppError::field("helpers", "a worker is listed twice"));
                }
                let record = state
                    .storage
                    .worker(worker)
                    .await?
                    .ok_or(AppError::WorkerNotFound)?;
                if record.state != WorkerState::Verified {
                    return Err(AppError::WorkerNotFound);
                }
                HelperRecord {
                    id: HelperId::random(),
                    position,
                    kind: HelperKind::Worker,
                    worker_id: Some(worker),
                    share: Some(share),
                    card_hmac: None,
                    label: String::new(),
                }
            }
            NewHelper::Card { card_auth, label } => {
                let key = card_auth.bounded("card_auth", AUTH_KEY_LEN, AUTH_KEY_LEN)?;
                let label = label.trim().to_owned();
                if label.len() > MAX_LABEL_BYTES || label.chars().any(char::is_control) {
                    return Err(AppError::field(
                        "label",
                        "at most 100 bytes, no control characters",
                    ));
                }
                HelperRecord {
                    id: HelperId::random(),
                    position,
                    kind: HelperKind::Card,
                    worker_id: None,
                    share: None,
                    card_hmac: Some(state.pepper.auth_key_hmac(&key)),
                    label,
                }
            }
        });
    }
    state
        .storage
        .replace_helper_set(&HelperSetRecord {
            account_id: holder.account_id,
            threshold: req.threshold,
            server_part,
            auth_hmac: state.pepper.auth_key_hmac(&auth_key),
            slot,
            created_at: state.clock.now(),
            helpers,
        })
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The holder's helper set; `null` without helpers (an ordinary state, so not an error).
#[utoipa::path(get, operation_id = "get_helpers", path = "/api/v1/account/helpers", tag = "helpers", security(("session" = [])),
    responses(
        (status = 200, body = Option<HelperSetView>, description = "the set, or null without helpers"),
        (status = 403, body = ErrorBody, description = "forbidden (a worker's session), worker_suspended"),
    ))]
pub async fn get(
    State(state): State<AppState>,
    holder: Holder,
) -> Result<Json<Option<HelperSetView>>, AppError> {
    if holder.session.is_limited() {
        return Ok(Json(None));
    }
    let Some(set) = state.storage.helper_set(holder.account_id).await? else {
        return Ok(Json(None));
    };
    let mut helpers = Vec::with_capacity(set.helpers.len());
    for h in set.helpers {
        let worker = match h.worker_id {
            Some(id) => state.storage.worker(id).await?.map(|w| HelperWorkerView {
                id,
                real_name: w.real_name,
                organisation: w.organisation.name,
                state: w.state.as_str(),
            }),
            None => None,
        };
        helpers.push(HelperView {
            id: h.id,
            kind: h.kind.as_str(),
            label: h.label,
            worker,
        });
    }
    Ok(Json(Some(HelperSetView {
        threshold: set.threshold,
        helpers,
        created_at: set.created_at,
    })))
}

/// Removes the helper set: no help request can open the wallet any more, and open ones are
/// cancelled.
#[utoipa::path(delete, operation_id = "remove_helpers", path = "/api/v1/account/helpers", tag = "helpers", security(("session" = [])),
    responses(
        (status = 204, description = "Removed"),
        (status = 403, body = ErrorBody, description = "forbidden (a worker's session), worker_suspended"),
        (status = 404, body = ErrorBody, description = "not_found (no helpers chosen)"),
    ))]
pub async fn remove(State(state): State<AppState>, holder: Holder) -> Result<StatusCode, AppError> {
    if !holder.session.is_limited() && state.storage.delete_helper_set(holder.account_id).await? {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(AppError::NotFound)
    }
}

// ------------------------------------------------------------------------- help requests

/// `POST /api/v1/help/requests` body.
#[derive(Debug, Deserialize, ToSchema)]
pub struct StartHelpRequest {
    /// The pseudonym of the wallet to recover.
    pub pseudonym: String,
    /// The age recipient (`age1…`) the recovering browser made for this request.
    pub recipient: String,
}

/// A new help request.
#[derive(Debug, Serialize, ToSchema)]
pub struct StartedHelpRequest {
    /// Its id.
    #[schema(value_type = String)]
    pub id: HelpRequestId,
    /// The request token (64 lowercase hex): keep it in memory only; it reads the request's
    /// state and finishes it.
    pub token: String,
    /// The short code the helpers compare with the person, derived from the recipient.
    #[schema(example = "7K3M-Q9TZ")]
    pub code: String,
    /// When the request started, Unix seconds.
    pub started_at: i64,
    /// When the waiting period ends, Unix seconds.
    pub ready_at: i64,
    /// When the request expires, Unix seconds.
    pub expires_at: i64,
    /// The waiting period in hours.
    pub wait_hours: u32,
}

/// Asks for help to open a wallet whose passphrase and recovery code are lost. Needs no
/// session; the answer is the same whether the pseudonym exists or not.
#[utoipa::path(post, operation_id = "start_help_request", path = "/api/v1/help/requests", tag = "helpers",
    request_body = StartHelpRequest,
    responses(
        (status = 201, body = StartedHelpRequest, description = "Started; never tells whether the pseudonym exists"),
        (status = 400, body = ErrorBody, description = "bad_request, invalid_field (pseudonym, recipient)"),
        (status = 409, body = ErrorBody, description = "help_request_open (one is open for this pseudonym)"),
        (status = 429, body = ErrorBody, description = "too_many_attempts, with Retry-After (per pseudonym, like log-in)"),
        (status = 507, body = ErrorBody, description = "storage_full"),
    ))]
pub async fn start(
    State(state): State<AppState>,
    ApiJson(req): ApiJson<StartHelpRequest>,
) -> Result<(StatusCode, Json<StartedHelpRequest>), AppError> {
    let pseudonym = validate::pseudonym(&req.pseudonym)?;
    let recipient: Recipient = req
        .recipient
        .trim()
        .parse()
        .map_err(|_| AppError::field("recipient", "an age recipient (age1…)"))?;
    let now = state.clock.now();
    let tag = state
        .pepper
        .login_limit_key(&format!("help-request\n{}", pseudonym.key));
    // Every request counts as a failed try, so the same delays as for wrong passphrases
    // apply to requests for one pseudonym; it is never cleared by a success.
    super::auth::take_try(&state, &tag, now).await?;
    let account = state.storage.account_by_pseudonym(&pseudonym.key).await?;
    let token = secrets::hex(&secrets::random_bytes::<32>());
    let wait = i64::from(state.config.helper_wait_hours) * 3600;
    let record = HelpRequestRecord {
        id: HelpRequestId::random(),
        token_hash: secrets::sha256_hex(token.as_bytes()),
        tag,
        // A request for a pseudonym that does not exist is stored like any other, so that it
        // answers the same from start to end; it can never be approved.
        account_id: account.map(|a| a.id),
        recipient: recipient.to_string(),
        code: pde_crypto::slot::help_request_code(&recipient),
        created_at: now,
        ready_at: now + wait,
        expires_at: now + wait + HELP_REQUEST_USE_SECS,
        state: HelpRequestState::Open,
    };
    if let Some(open) = state.storage.create_help_request(&record, now).await? {
        return Err(AppError::HelpRequestOpen {
            expires_at: open.expires_at,
        });
    }
    Ok((
        StatusCode::CREATED,
        Json(StartedHelpRequest {
            id: record.id,
            token,
            code: record.code,
            started_at: now,
            ready_at: record.ready_at,
            expires_at: record.expires_at,
            wait_hours: state.config.helper_wait_hours,
        }),
    ))
}

/// `POST /api/v1/help/requests/status` body.
#[derive(Debug, Deserialize, ToSchema)]
pub struct HelpTokenRequest {
    /// The request token.
    pub token: String,
}

/// Where a help request stands.
#[derive(Debug, Serialize, ToSchema)]
pub struct HelpRequestStatus {
    /// `open`, `cancelled`, `expired` or `completed`.
    #[schema(example = "open")]
    pub state: &'static str,
    /// The short code.
    pub code: String,
    /// When the waiting period ends, Unix seconds.
    pub ready_at: i64,
    /// When the request expires, Unix seconds.
    pub expires_at: i64,
    /// How many worker helpers approved it (paper cards are typed on the recovering screen).
    pub approvals: u32,
}

fn state_name(r: &HelpRequestRecord, now: i64) -> &'static str {
    match r.state {
        HelpRequestState::Open if now >= r.expires_at => "expired",
        s => s.as_str(),
    }
}

async fn request_of_token(state: &AppState, token: &str) -> Result<HelpRequestRecord, AppError> {
    let ok = token.len() == 64
        && token
            .bytes()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
    if !ok {
        return Err(AppError::field("token", "64 lowercase hex characters"));
    }
    state
        .storage
        .help_request_by_token(&secrets::sha256_hex(token.as_bytes()))
        .await?
        .ok_or(AppError::HelpRequestEnded)
}

/// The state of a help request, for the recovering browser.
#[utoipa::path(post, operation_id = "help_request_status", path = "/api/v1/help/requests/status", tag = "helpers",
    request_body = HelpTokenRequest,
    responses(
        (status = 200, body = HelpRequestStatus),
        (status = 400, body = ErrorBody, description = "bad_request, invalid_field (token)"),
        (status = 410, body = ErrorBody, description = "help_request_ended (no request has this token)"),
    ))]
pub async fn status(
    State(state): State<AppState>,
    ApiJson(req): ApiJson<HelpTokenRequest>,
) -> Result<Json<HelpRequestStatus>, AppError> {
    let request = request_of_token(&state, &req.token).await?;
    let approvals = state.storage.help_approvals(request.id).await?.len() as u32;
    let now = state.clock.now();
    Ok(Json(HelpRequestStatus {
        state: state_name(&request, now),
        code: request.code.clone(),
        ready_at: request.ready_at,
        expires_at: request.expires_at,
        approvals,
    }))
}

/// Checks that a request is open, unexpired and past its waiting period.
fn check_ready(request: &HelpRequestRecord, now: i64) -> Result<(), AppError> {
    if request.state != HelpRequestState::Open || now >= request.expires_at {
        return Err(AppError::HelpRequestEnded);
    }
    if now < request.ready_at {
        return Err(AppError::HelpNotReady {
            retry_after: u64::try_from(request.ready_at - now).unwrap_or(1).max(1),
        });
    }
    Ok(())
}

/// `POST /api/v1/help/requests/release` body.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ReleaseRequest {
    /// The request token.
    pub token: String,
    /// The 32-byte auth keys of the paper cards typed on the recovering screen, Base64 (not
    /// their shares).
    #[serde(default)]
    #[schema(value_type = Vec<String>)]
    pub cards: Vec<B64>,
}

/// What opens the helper slot, all of it ciphertext.
#[derive(Debug, Serialize, ToSchema)]
pub struct Released {
    /// The server part, as an age file to the request's recipient, Base64.
    #[schema(value_type = String, format = Byte)]
    pub server_part: B64,
    /// The approving workers' shares, each an age file to the request's recipient, Base64.
    #[schema(value_type = Vec<String>)]
    pub shares: Vec<B64>,
    /// The helper slot, Base64.
    #[schema(value_type = String, format = Byte)]
    pub slot: B64,
    /// How many shares open it.
    pub threshold: u32,
}

/// After the waiting period, with enough approvals (workers' approvals and typed paper
/// cards), hands out the server part encrypted to the request's key, the approved shares and
/// the helper slot.
#[utoipa::path(post, operation_id = "release_help_request", path = "/api/v1/help/requests/release", tag = "helpers",
    request_body = ReleaseRequest,
    responses(
        (status = 200, body = Released),
        (status = 400, body = ErrorBody, description = "bad_request, invalid_field (token, cards)"),
        (status = 409, body = ErrorBody, description = "help_not_ready (with Retry-After), not_enough_approvals"),
        (status = 410, body = ErrorBody, description = "help_request_ended (cancelled, expired, used, or an unknown token)"),
    ))]
pub async fn release(
    State(state): State<AppState>,
    ApiJson(req): ApiJson<ReleaseRequest>,
) -> Result<Json<Released>, AppError> {
    if req.cards.len() > MAX_HELPERS {
        return Err(AppError::field("cards", "at most 10"));
    }
    let cards = req
        .cards
        .into_iter()
        .map(|c| c.bounded("cards", AUTH_KEY_LEN, AUTH_KEY_LEN))
        .collect::<Result<Vec<_>, _>>()?;
    let request = request_of_token(&state, &req.token).await?;
    let now = state.clock.now();
    check_ready(&request, now)?;
    let set = match request.account_id {
        Some(account) => state.storage.helper_set(account).await?,
        None => None,
    };
    let Some(set) = set else {
        // A pseudonym that does not exist, or a holder without helpers: nobody can approve.
        return Err(AppError::NotEnoughApprovals);
    };
    let approvals = state.storage.help_approvals(request.id).await?;
    let mut cards_counted: Vec<HelperId> = Vec::new();
    for key in &cards {
        for h in &set.helpers {
            let matches = h
                .card_hmac
                .as_ref()
                .is_some_and(|stored| state.pepper.verify_auth_key(key, stored));
            if matches && !cards_counted.contains(&h.id) {
                cards_counted.push(h.id);
            }
        }
    }
    if approvals.len() + cards_counted.len() < set.threshold as usize {
        return Err(AppError::NotEnoughApprovals);
    }
    let recipient: Recipient = request
        .recipient
        .parse()
        .map_err(|_| AppError::internal("a stored request recipient does not parse"))?;
    let server_part = pde_crypto::format::encrypt(&recipient, &set.server_part, &mut helpers_rng())
        .map_err(AppError::internal)?;
    Ok(Json(Released {
        server_part: B64(server_part),
        shares: approvals.into_iter().map(|(_, s)| B64(s)).collect(),
        slot: B64(set.slot),
        threshold: set.threshold,
    }))
}

/// `POST /api/v1/help/requests/complete` body.
#[derive(Debug, Deserialize, ToSchema)]
pub struct CompleteRequest {
    /// The request token.
    pub token: String,
    /// The recovery secret's 32-byte auth key, Base64: proves the helper slot was opened.
    #[schema(value_type = String, format = Byte)]
    pub auth_key: B64,
}

/// A finished recovery.
#[derive(Debug, Serialize, ToSchema)]
pub struct Completed {
    /// The wallet identity's age recipient.
    pub recipient: String,
    /// A new session (64 lowercase hex), the only one of the account: for 15 minutes it may
    /// set a new passphrase and recovery code without a proof.
    pub session: String,
}

/// Finishes a recovery: given the auth key of the rebuilt recovery secret, ends every session
/// of the holder and opens a new one. The request cannot be used again.
#[utoipa::path(post, operation_id = "complete_help_request", path = "/api/v1/help/requests/complete", tag = "helpers",
    request_body = CompleteRequest,
    responses(
        (status = 200, body = Completed),
        (status = 400, body = ErrorBody, description = "bad_request, invalid_field (token, auth_key)"),
        (status = 401, body = ErrorBody, description = "invalid_credentials (not the recovery secret's auth key)"),
        (status = 409, body = ErrorBody, description = "help_not_ready (with Retry-After)"),
        (status = 410, body = ErrorBody, description = "help_request_ended (cancelled, expired, used, or an unknown token)"),
        (status = 507, body = ErrorBody, description = "storage_full"),
    ))]
pub async fn complete(
    State(state): State<AppState>,
    device: Device,
    ApiJson(req): ApiJson<CompleteRequest>,
) -> Result<Json<Completed>, AppError> {
    let key = req
        .auth_key
        .bounded("auth_key", AUTH_KEY_LEN, AUTH_KEY_LEN)?;
    let request = request_of_token(&state, &req.token).await?;
    let now = state.clock.now();
    check_ready(&request, now)?;
    let set = match request.account_id {
        Some(account) => state.storage.helper_set(account).await?,
        None => None,
    };
    // The same work whether the set exists or not: one HMAC, one constant-time compare.
    let dummy = [0u8; 32];
    let expected = set.as_ref().map_or(&dummy[..], |s| s.auth_hmac.as_slice());
    let matches = state.pepper.verify_auth_key(&key, expected);
    let (Some(set), true) = (set, matches) else {
        return Err(AppError::InvalidCredentials);
    };
    if !state.storage.complete_help_request(request.id).await? {
        return Err(AppError::HelpRequestEnded);
    }
    let account = state
        .storage
        .account(set.account_id)
        .await?
        .ok_or(AppError::HelpRequestEnded)?;
    state.storage.delete_sessions(account.id).await?;
    state
        .storage
        .set_last_seen_day(account.id, crate::clock::day_of(now))
        .await?;
    let session = session::open(&state, account.id, AuthMethod::Helpers, device).await?;
    Ok(Json(Completed {
        recipient: account.recipient,
        session,
    }))
}

// ------------------------------------------------------------- the holder's open requests

/// An open help request, as its holder sees it: someone asked to recover the wallet.
#[derive(Debug, Serialize, ToSchema)]
pub struct HelpRequestNotice {
    /// Its id (to cancel it).
    #[schema(value_type = String)]
    pub id: HelpRequestId,
    /// The short code the recovering screen shows.
    pub code: String,
    /// When it started, Unix seconds.
    pub started_at: i64,
    /// When its waiting period ends, Unix seconds.
    pub ready_at: i64,
    /// How many worker helpers approved it.
    pub approvals: u32,
}

/// The holder's open help requests (at most one), for the log-in answers and the list.
pub(crate) async fn notices(
    state: &AppState,
    account: AccountId,
) -> Result<Vec<HelpRequestNotice>, AppError> {
    let now = state.clock.now();
    let mut out = Vec::new();
    for r in state.storage.open_help_requests(account, now).await? {
        let approvals = state.storage.help_approvals(r.id).await?.len() as u32;
        out.push(HelpRequestNotice {
            id: r.id,
            code: r.code,
            started_at: r.created_at,
            ready_at: r.ready_at,
            approvals,
        });
    }
    Ok(out)
}

/// The holder's open help requests.
#[derive(Debug, Serialize, ToSchema)]
pub struct HelpRequestNotices {
    /// Oldest first; empty when nobody asked.
    pub requests: Vec<HelpRequestNotice>,
}

/// Lists the open help requests for the holder's wallet ("someone asked to recover your
/// wallet").
#[utoipa::path(get, operation_id = "list_help_requests", path = "/api/v1/account/help-requests", tag = "helpers", security(("session" = [])),
    responses(
        (status = 200, body = HelpRequestNotices),
        (status = 403, body = ErrorBody, description = "forbidden (a worker's session), worker_suspended"),
    ))]
pub async fn list_for_holder(
    State(state): State<AppState>,
    holder: Holder,
) -> Result<Json<HelpRequestNotices>, AppError> {
    let requests = if holder.session.is_limited() {
        Vec::new()
    } else {
        notices(&state, holder.account_id).await?
    };
    Ok(Json(HelpRequestNotices { requests }))
}

/// Cancels an open help request for the holder's wallet: it can never open it.
#[utoipa::path(post, operation_id = "cancel_help_request", path = "/api/v1/account/help-requests/{id}/cancel", tag = "helpers", security(("session" = [])),
    params(("id" = String, Path, description = "Help request id")),
    responses(
        (status = 204, description = "Cancelled"),
        (status = 400, body = ErrorBody, description = "invalid_field"),
        (status = 403, body = ErrorBody, description = "forbidden (a worker's session), worker_suspended"),
        (status = 404, body = ErrorBody, description = "not_found (no open request of this holder has this id)"),
    ))]
pub async fn cancel(
    State(state): State<AppState>,
    holder: Holder,
    HelpRequestPath(id): HelpRequestPath,
) -> Result<StatusCode, AppError> {
    let now = state.clock.now();
    if !holder.session.is_limited()
        && state
            .storage
            .cancel_help_request(holder.account_id, id, now)
            .await?
    {
        Ok(StatusCode::NO_CONTENT)
    } else {
        Err(AppError::NotFound)
    }
}

// ------------------------------------------------------------------------ worker helpers

/// A help request as a worker helper sees it.
#[derive(Debug, Serialize, ToSchema)]
pub struct WorkerHelpRequestView {
    /// Its id.
    #[schema(value_type = String)]
    pub id: HelpRequestId,
    /// The holder's pseudonym.
    pub pseudonym: String,
    /// The short code: the worker's browser checks it against `recipient`, and the worker
    /// compares it with the person before approving.
    pub code: String,
    /// The recovering browser's age recipient: the share is re-encrypted to it.
    pub recipient: String,
    /// When it started, Unix seconds.
    pub started_at: i64,
    /// When its waiting period ends, Unix seconds.
    pub ready_at: i64,
    /// This worker's share, encrypted to their recipient, Base64.
    #[schema(value_type = String, format = Byte)]
    pub share: B64,
    /// Whether this worker has approved it.
    pub approved: bool,
}

/// The help requests of holders who chose this worker.
#[derive(Debug, Serialize, ToSchema)]
pub struct WorkerHelpRequests {
    /// Oldest first.
    pub requests: Vec<WorkerHelpRequestView>,
}

/// Lists the open help requests of holders who chose this worker as a helper.
#[utoipa::path(get, operation_id = "worker_help_requests", path = "/api/v1/worker/help-requests", tag = "helpers", security(("session" = [])),
    responses(
        (status = 200, body = WorkerHelpRequests),
        (status = 403, body = ErrorBody, description = "forbidden (a holder's session), worker_suspended"),
    ))]
pub async fn list_for_worker(
    State(state): State<AppState>,
    worker: Worker,
) -> Result<Json<WorkerHelpRequests>, AppError> {
    let now = state.clock.now();
    let rows = state
        .storage
        .help_requests_for_worker(worker.account_id, now)
        .await?;
    Ok(Json(WorkerHelpRequests {
        requests: rows
            .into_iter()
            .map(|r| WorkerHelpRequestView {
                id: r.request.id,
                pseudonym: r.pseudonym,
                code: r.request.code,
                recipient: r.request.recipient,
                started_at: r.request.created_at,
                ready_at: r.request.ready_at,
                share: B64(r.share),
                approved: r.approved,
            })
            .collect(),
    }))
}

/// `POST /api/v1/worker/help-requests/{id}/approve` body.
#[derive(Debug, Deserialize, ToSchema)]
pub struct ApproveRequest {
    /// The worker's share, re-encrypted to the request's recipient (age file), Base64.
    #[schema(value_type = String, format = Byte)]
    pub share: B64,
}

/// Approves a help request, after comparing its code with the person: the worker's browser
/// sends its share re-encrypted to the request's key. Approving twice changes nothing.
#[utoipa::path(post, operation_id = "approve_help_request", path = "/api/v1/worker/help-requests/{id}/approve", tag = "helpers", security(("session" = [])),
    params(("id" = String, Path, description = "Help request id")),
    request_body = ApproveRequest,
    responses(
        (status = 204, description = "Approved (or already approved: the first approval stays)"),
        (status = 400, body = ErrorBody, description = "bad_request, invalid_field"),
        (status = 403, body = ErrorBody, description = "forbidden (a holder's session), worker_suspended"),
        (status = 404, body = ErrorBody, description = "not_found (no open request of a holder who chose this worker)"),
    ))]
pub async fn approve(
    State(state): State<AppState>,
    worker: Worker,
    HelpRequestPath(id): HelpRequestPath,
    ApiJson(req): ApiJson<ApproveRequest>,
) -> Result<StatusCode, AppError> {
    let share = req.share.bounded("share", 1, MAX_SHARE_BYTES)?;
    let now = state.clock.now();
    let mine = state
        .storage
        .help_requests_for_worker(worker.account_id, now)
        .await?
        .into_iter()
        .find(|r| r.request.id == id)
        .ok_or(AppError::NotFound)?;
    state
        .storage
        .approve_help_request(id, mine.helper_id, &share, now)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
