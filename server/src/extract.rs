//! Request extractors whose refusals are `AppError`s: JSON bodies, Base64 fields, ids in paths.

use std::fmt;

use axum::extract::rejection::JsonRejection;
use axum::extract::{FromRequest, FromRequestParts, Path, Request};
use axum::http::request::Parts;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::error::AppError;
use crate::ids::{DocumentId, InvalidIdError, ShareId};
use crate::worker_code::WorkerCode;

/// A JSON body; malformed JSON, wrong types and oversized bodies become `AppError`s.
pub struct ApiJson<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned> FromRequest<S> for ApiJson<T> {
    type Rejection = AppError;

    async fn from_request(req: Request, state: &S) -> Result<Self, Self::Rejection> {
        match axum::Json::<T>::from_request(req, state).await {
            Ok(axum::Json(value)) => Ok(Self(value)),
            Err(JsonRejection::JsonDataError(e)) => Err(AppError::InvalidField {
                field: data_error_field(&e.body_text()),
                reason: e.body_text(),
            }),
            Err(JsonRejection::BytesRejection(e)) if e.status() == 413 => {
                Err(AppError::PayloadTooLarge)
            }
            Err(e) => Err(AppError::BadRequest(e.body_text())),
        }
    }
}

/// The field named in a serde error text such as `…: kdf.m_kib: invalid type…`, or `body`.
fn data_error_field(text: &str) -> String {
    if let Some(start) = text.find("missing field `") {
        let rest = &text[start + 15..];
        if let Some(end) = rest.find('`') {
            return rest[..end].to_owned();
        }
    }
    text.split(": ")
        .nth(1)
        .filter(|f| !f.contains(' ') && !f.is_empty())
        .unwrap_or("body")
        .to_owned()
}

/// Bytes carried in JSON as standard Base64 with padding.
#[derive(Clone, PartialEq, Eq)]
pub struct B64(pub Vec<u8>);

impl fmt::Debug for B64 {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "B64({} bytes)", self.0.len())
    }
}

impl Serialize for B64 {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&STANDARD.encode(&self.0))
    }
}

impl<'de> Deserialize<'de> for B64 {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
        STANDARD
            .decode(s.as_bytes())
            .map(B64)
            .map_err(|_| serde::de::Error::custom("not standard Base64 with padding"))
    }
}

impl B64 {
    /// The bytes, if their length is within `min..=max`.
    pub fn bounded(self, field: &str, min: usize, max: usize) -> Result<Vec<u8>, AppError> {
        let len = self.0.len();
        if len < min || len > max {
            return Err(AppError::field(
                field,
                format!("must be {min} to {max} bytes, not {len}"),
            ));
        }
        Ok(self.0)
    }
}

/// Text that must never reach a log (a PIN, an invitation token): `Debug` hides it.
#[derive(Clone, PartialEq, Eq, Deserialize)]
#[serde(transparent)]
pub struct SecretText(pub String);

impl SecretText {
    /// The text itself.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for SecretText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretText(<redacted>)")
    }
}

/// The raw path parameters as `T` (a `String` or a tuple of them); a path that does not fit
/// is `bad_request`.
async fn raw_path<T, S>(parts: &mut Parts, state: &S) -> Result<T, AppError>
where
    T: DeserializeOwned + Send,
    S: Send + Sync,
{
    let Path(raw) = Path::<T>::from_request_parts(parts, state)
        .await
        .map_err(|e| AppError::BadRequest(e.body_text()))?;
    Ok(raw)
}

/// Parses one typed id named `field`; a malformed one is `invalid_field`.
fn parse_id<T: std::str::FromStr<Err = InvalidIdError>>(
    raw: &str,
    field: &str,
) -> Result<T, AppError> {
    raw.parse()
        .map_err(|e| AppError::field(field, format!("{e}")))
}

/// A document id taken from the path; a malformed one is `invalid_field`.
pub struct DocPath(pub DocumentId);

impl<S: Send + Sync> FromRequestParts<S> for DocPath {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let raw: String = raw_path(parts, state).await?;
        Ok(Self(parse_id(&raw, "id")?))
    }
}

/// A share id taken from the path (`{id}`); a malformed one is `invalid_field`.
pub struct SharePath(pub ShareId);

impl<S: Send + Sync> FromRequestParts<S> for SharePath {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let raw: String = raw_path(parts, state).await?;
        Ok(Self(parse_id(&raw, "id")?))
    }
}

/// A share id and a document id taken from the path (`{id}` and `{doc}`); a malformed one is
/// `invalid_field`.
pub struct ShareDocPath(pub ShareId, pub DocumentId);

impl<S: Send + Sync> FromRequestParts<S> for ShareDocPath {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let (share, doc): (String, String) = raw_path(parts, state).await?;
        Ok(Self(parse_id(&share, "id")?, parse_id(&doc, "doc")?))
    }
}

/// A passkey id taken from the path (`{id}`); a malformed one is `invalid_field`.
pub struct PasskeyPath(pub crate::ids::PasskeyId);

impl<S: Send + Sync> FromRequestParts<S> for PasskeyPath {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let raw: String = raw_path(parts, state).await?;
        Ok(Self(parse_id(&raw, "id")?))
    }
}

/// A help request id taken from the path (`{id}`); a malformed one is `invalid_field`.
pub struct HelpRequestPath(pub crate::ids::HelpRequestId);

impl<S: Send + Sync> FromRequestParts<S> for HelpRequestPath {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let raw: String = raw_path(parts, state).await?;
        Ok(Self(parse_id(&raw, "id")?))
    }
}

/// A session's public id taken from the path (`{id}`, 32 lowercase hex); a malformed one is
/// `invalid_field`.
pub struct SessionPath(pub String);

impl<S: Send + Sync> FromRequestParts<S> for SessionPath {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let raw: String = raw_path(parts, state).await?;
        let ok = raw.len() == 32 && raw.bytes().all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'));
        if !ok {
            return Err(AppError::field("id", "must be 32 lowercase hex characters"));
        }
        Ok(Self(raw))
    }
}

/// A worker card code taken from the path (`{code}`): `invalid_worker_code` when it is not a
/// code, `worker_code_mistyped` when its check character does not match.
pub struct CodePath(pub WorkerCode);

impl<S: Send + Sync> FromRequestParts<S> for CodePath {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        let raw: String = raw_path(parts, state).await?;
        Ok(Self(raw.parse::<WorkerCode>()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn secret_text_is_hidden_from_debug() {
        let secret: SecretText = serde_json::from_str("\"123456\"").unwrap();
        assert_eq!(secret.expose(), "123456");
        assert!(!format!("{secret:?}").contains("123456"));
    }

    #[test]
    fn field_named_in_serde_errors() {
        assert_eq!(
            data_error_field(
                "Failed to deserialize the JSON body into the target type: missing field `salt` at line 1 column 2"
            ),
            "salt"
        );
        assert_eq!(
            data_error_field(
                "Failed to deserialize the JSON body into the target type: kdf.m_kib: invalid type: string \"x\", expected u32 at line 1 column 9"
            ),
            "kdf.m_kib"
        );
    }
}
