//! `AppError`: every refusal the API gives, with its stable machine code, mapped once to
//! `{"error":{"code","message"}}`.

use axum::Json;
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use utoipa::ToSchema;

use crate::blob::BlobError;
use crate::storage::StorageError;
use crate::worker_code::WorkerCodeError;

/// A refusal or failure, as the client sees it.
///
/// Each variant's name, in snake case, is its stable machine code: [`ErrorCode`] is derived
/// from this enum, so the list of codes in the OpenAPI document (and the web client's types
/// generated from it) cannot drift from what the server answers.
#[derive(Debug, thiserror::Error, strum::EnumDiscriminants)]
#[strum_discriminants(
    name(ErrorCode),
    derive(
        Serialize,
        ToSchema,
        strum::EnumIter,
        strum::IntoStaticStr,
        PartialOrd,
        Ord,
        Hash
    ),
    serde(rename_all = "snake_case"),
    strum(serialize_all = "snake_case"),
    doc = "The stable machine code of an [`AppError`]: one per variant, its name in snake case."
)]
pub enum AppError {
    /// The request cannot be understood.
    #[error("{0}")]
    BadRequest(String),
    /// One field is missing, of the wrong type or out of bounds.
    #[error("invalid field `{field}`: {reason}")]
    InvalidField {
        /// The field's name.
        field: String,
        /// What is wrong with it.
        reason: String,
    },
    /// A mutating request without `X-PDE-Client: 1`.
    #[error("mutating requests must carry the header X-PDE-Client: 1")]
    MissingClientHeader,
    /// No valid session.
    #[error("no valid session")]
    Unauthenticated,
    /// Wrong pseudonym or key.
    #[error("the pseudonym or the key is wrong")]
    InvalidCredentials,
    /// Too many failed log-ins; retry after this many seconds.
    #[error("too many failed attempts; retry later")]
    TooManyAttempts {
        /// Seconds to wait.
        retry_after: u64,
    },
    /// The pseudonym belongs to another account.
    #[error("this pseudonym is taken")]
    PseudonymTaken,
    /// Another worker's wallet recipient gives the same card code; a new key will not.
    #[error("another worker has the card code of this wallet key; make a new key and try again")]
    WorkerCodeTaken,
    /// No such thing (or not yours).
    #[error("not found")]
    NotFound,
    /// One document over `max_document_bytes`.
    #[error("the document is larger than the server accepts")]
    DocumentTooLarge,
    /// The account's quota would be exceeded.
    #[error("the account's storage quota would be exceeded")]
    QuotaExceeded,
    /// The body is not exactly the announced size.
    #[error("the body is not exactly the announced size")]
    SizeMismatch,
    /// A hiding time that has already passed (server clock).
    #[error("this time has already passed; choose a later one")]
    HideUntilPast,
    /// A hiding time further ahead than the server allows.
    #[error("documents can be hidden for at most 90 days")]
    HideUntilTooFar,
    /// An appointment whose window starts more than an hour ago (server clock).
    #[error("this appointment starts in the past; choose a later start")]
    AppointmentInPast,
    /// An appointment whose window starts more than 90 days ahead.
    #[error("an appointment can start at most 90 days ahead")]
    AppointmentTooFar,
    /// An appointment whose window ends at or before its start.
    #[error("this appointment ends before it starts; choose a later end")]
    AppointmentEndsBeforeStart,
    /// The content was already uploaded (or is being uploaded).
    #[error("the content of this document is already uploaded")]
    AlreadyUploaded,
    /// The server's disk is full.
    #[error("the server has no space left")]
    StorageFull,
    /// A request body over the JSON limit.
    #[error("the request body is too large")]
    PayloadTooLarge,
    /// The request took longer than the request timeout.
    #[error("the request took too long")]
    RequestTimeout,
    /// The server cannot take this now: its database or its S3 blob store is unreachable, or
    /// it is shutting down.
    /// Try again in a moment (another replica may answer).
    #[error("the service is unavailable for a moment; try again")]
    Unavailable,
    /// The request target is longer than allowed.
    #[error("the request URI is longer than 8192 bytes")]
    UriTooLong,
    /// The request headers are larger than allowed.
    #[error("the request headers are larger than 16384 bytes or more than 64")]
    HeadersTooLarge,
    /// The session's account is of the wrong kind for this route (a worker on a holder
    /// route, or the reverse).
    #[error("this account cannot use this route")]
    Forbidden,
    /// The worker is suspended by the operator.
    #[error("this worker account is suspended")]
    WorkerSuspended,
    /// The invitation is unknown, used or expired (one answer for all three).
    #[error("this invitation is not valid (unknown, already used or expired)")]
    InvitationInvalid,
    /// Not a worker card code (8 code characters and a check character).
    #[error("{0}")]
    InvalidWorkerCode(WorkerCodeError),
    /// A worker card code whose check character does not match.
    #[error("{0}")]
    WorkerCodeMistyped(WorkerCodeError),
    /// No such worker (or a suspended one).
    #[error("no such worker")]
    WorkerNotFound,
    /// The share expired or was revoked.
    #[error("this share has ended")]
    ShareEnded,
    /// The link was locked by too many wrong PINs.
    #[error("this link is locked after too many wrong PINs")]
    LinkLocked,
    /// The link has a PIN and none was given.
    #[error("this link needs its PIN")]
    PinRequired,
    /// A wrong PIN; `attempts_left` more wrong PINs are allowed before the link locks.
    #[error("wrong PIN")]
    WrongPin {
        /// Wrong PINs still allowed before the link locks.
        attempts_left: u32,
    },
    /// Passkeys are off: the public URL's host is not a domain name.
    #[error("passkeys are not available on this server (its public URL has no domain name)")]
    PasskeysUnavailable,
    /// The passkey ceremony is unknown, already finished, expired, or another account's.
    #[error("this passkey request is no longer valid (already used or expired); start again")]
    CeremonyExpired,
    /// The authenticator's answer does not verify (challenge, origin, relying party,
    /// signature).
    #[error("the passkey's answer was refused: {0}")]
    PasskeyRejected(String),
    /// The authenticator did not verify the person (PIN, fingerprint, screen lock).
    #[error("the passkey did not verify who you are (screen lock, PIN or fingerprint is required)")]
    UserVerificationRequired,
    /// This passkey is already registered.
    #[error("this passkey is already registered")]
    PasskeyTaken,
    /// A help request is already open for this pseudonym; it keeps going.
    #[error("a help request is already open for this pseudonym (until {expires_at})")]
    HelpRequestOpen {
        /// When the open request expires, Unix seconds.
        expires_at: i64,
    },
    /// The help request was cancelled, has expired or was used (or its token is unknown).
    #[error("this help request has ended (cancelled, expired or already used)")]
    HelpRequestEnded,
    /// The waiting period of the help request is not over.
    #[error("the waiting period of this help request is not over")]
    HelpNotReady {
        /// Seconds until it is.
        retry_after: u64,
    },
    /// The wallet record was written from elsewhere since the version this write replaces:
    /// read it again, merge, and write again.
    #[error("the wallet record has changed since it was read; read it again and merge")]
    RecordChanged,
    /// Fewer helpers than the helper set needs have approved the help request.
    #[error("not enough helpers have approved this help request")]
    NotEnoughApprovals,
    /// Anything else; the detail goes to the log only.
    #[error("internal error: {0}")]
    Internal(String),
}

/// The JSON error body.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorBody {
    /// The error.
    pub error: ErrorDetail,
}

/// One error.
#[derive(Debug, Serialize, ToSchema)]
pub struct ErrorDetail {
    /// Stable machine code, e.g. `invalid_field`.
    pub code: ErrorCode,
    /// A sentence in English for operators and scripts.
    pub message: String,
    /// With `wrong_pin` only: wrong PINs still allowed before the link locks.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub attempts_left: Option<u32>,
}

impl AppError {
    /// An invalid field with the reason.
    pub fn field(field: &str, reason: impl Into<String>) -> Self {
        Self::InvalidField {
            field: field.to_owned(),
            reason: reason.into(),
        }
    }

    /// Logs `detail` and answers a fixed internal error.
    pub fn internal(detail: impl std::fmt::Display) -> Self {
        Self::Internal(detail.to_string())
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        match self {
            Self::BadRequest(_) | Self::InvalidField { .. } | Self::SizeMismatch => {
                StatusCode::BAD_REQUEST
            }
            Self::HideUntilPast | Self::HideUntilTooFar => StatusCode::BAD_REQUEST,
            Self::AppointmentInPast
            | Self::AppointmentTooFar
            | Self::AppointmentEndsBeforeStart => StatusCode::BAD_REQUEST,
            Self::InvalidWorkerCode(_) | Self::WorkerCodeMistyped(_) => StatusCode::BAD_REQUEST,
            Self::PasskeyRejected(_) | Self::UserVerificationRequired => StatusCode::BAD_REQUEST,
            Self::PasskeysUnavailable => StatusCode::NOT_FOUND,
            Self::CeremonyExpired => StatusCode::GONE,
            Self::PasskeyTaken | Self::RecordChanged => StatusCode::CONFLICT,
            Self::HelpRequestOpen { .. } | Self::HelpNotReady { .. } | Self::NotEnoughApprovals => {
                StatusCode::CONFLICT
            }
            Self::HelpRequestEnded => StatusCode::GONE,
            Self::MissingClientHeader | Self::Forbidden | Self::WorkerSuspended => {
                StatusCode::FORBIDDEN
            }
            Self::Unauthenticated
            | Self::InvalidCredentials
            | Self::PinRequired
            | Self::WrongPin { .. } => StatusCode::UNAUTHORIZED,
            Self::TooManyAttempts { .. } => StatusCode::TOO_MANY_REQUESTS,
            Self::PseudonymTaken | Self::WorkerCodeTaken | Self::AlreadyUploaded => {
                StatusCode::CONFLICT
            }
            Self::NotFound | Self::WorkerNotFound => StatusCode::NOT_FOUND,
            Self::InvitationInvalid | Self::ShareEnded | Self::LinkLocked => StatusCode::GONE,
            Self::DocumentTooLarge | Self::QuotaExceeded | Self::PayloadTooLarge => {
                StatusCode::PAYLOAD_TOO_LARGE
            }
            Self::StorageFull => StatusCode::INSUFFICIENT_STORAGE,
            Self::RequestTimeout => StatusCode::REQUEST_TIMEOUT,
            Self::Unavailable => StatusCode::SERVICE_UNAVAILABLE,
            Self::UriTooLong => StatusCode::URI_TOO_LONG,
            Self::HeadersTooLarge => StatusCode::REQUEST_HEADER_FIELDS_TOO_LARGE,
            Self::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The stable machine code.
    pub fn code(&self) -> &'static str {
        ErrorCode::from(self).as_str()
    }
}

impl ErrorCode {
    /// The code as it appears in the error body.
    pub fn as_str(self) -> &'static str {
        self.into()
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let message = match &self {
            Self::Internal(detail) => {
                tracing::error!(%detail, "internal error");
                "an internal error occurred; it has been logged".to_owned()
            }
            Self::StorageFull => {
                tracing::error!("the disk of the database or the blob store is full");
                self.to_string()
            }
            other => other.to_string(),
        };
        let attempts_left = match &self {
            Self::WrongPin { attempts_left } => Some(*attempts_left),
            _ => None,
        };
        let body = ErrorBody {
            error: ErrorDetail {
                code: ErrorCode::from(&self),
                message,
                attempts_left,
            },
        };
        let mut response = (self.status(), Json(body)).into_response();
        if let Self::Unavailable = self {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(5));
        }
        if let Self::TooManyAttempts { retry_after } | Self::HelpNotReady { retry_after } = self {
            response
                .headers_mut()
                .insert(header::RETRY_AFTER, HeaderValue::from(retry_after));
        }
        response
    }
}

impl From<StorageError> for AppError {
    fn from(e: StorageError) -> Self {
        match e {
            StorageError::Full => Self::StorageFull,
            StorageError::Unavailable(e) => {
                tracing::error!(error = %e, "the database is unavailable");
                Self::Unavailable
            }
            e => Self::internal(e),
        }
    }
}

impl From<BlobError> for AppError {
    fn from(e: BlobError) -> Self {
        match e {
            BlobError::TooShort | BlobError::TooLong => Self::SizeMismatch,
            BlobError::StorageFull(_) => Self::StorageFull,
            BlobError::NotFound => Self::internal("a complete document has no blob"),
            BlobError::Body(e) => Self::BadRequest(format!("the body could not be read: {e}")),
            BlobError::Io(e) => Self::internal(e),
            e @ BlobError::Unavailable(_) => {
                tracing::error!(error = %e, "the blob store is unavailable");
                Self::Unavailable
            }
        }
    }
}

impl From<WorkerCodeError> for AppError {
    fn from(e: WorkerCodeError) -> Self {
        match e {
            WorkerCodeError::Malformed => Self::InvalidWorkerCode(e),
            WorkerCodeError::Mistyped => Self::WorkerCodeMistyped(e),
        }
    }
}

impl From<std::io::Error> for AppError {
    fn from(e: std::io::Error) -> Self {
        Self::internal(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use strum::IntoEnumIterator;

    #[test]
    fn the_body_carries_the_same_code_as_code() {
        for code in ErrorCode::iter() {
            assert_eq!(
                serde_json::to_value(code).unwrap(),
                serde_json::Value::from(code.as_str())
            );
        }
        let e = AppError::WrongPin { attempts_left: 2 };
        assert_eq!(e.code(), "wrong_pin");
        let body = axum::body::to_bytes(e.into_response().into_body(), 1 << 16);
        let body = futures_util::FutureExt::now_or_never(body)
            .unwrap()
            .unwrap();
        let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(body["error"]["code"], "wrong_pin");
        assert_eq!(body["error"]["attempts_left"], 2);
    }

    #[test]
    fn codes_are_the_variant_names_in_snake_case() {
        assert_eq!(AppError::UriTooLong.code(), "uri_too_long");
        assert_eq!(AppError::field("x", "y").code(), "invalid_field");
        assert_eq!(AppError::internal("x").code(), "internal");
    }
}
