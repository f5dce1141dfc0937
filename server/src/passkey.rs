//! WebAuthn with `webauthn-rs`: the relying party built from `--public-url`, and the ceremony
//! helpers the passkey routes share.
//!
//! A ceremony's state (its challenge included) is stored in the database between its start
//! and its finish, with an expiry, and the finish takes it in one atomic step: any replica can
//! finish a ceremony another one started, and no challenge is accepted twice.

use std::sync::Arc;

use serde::Serialize;
use serde::de::DeserializeOwned;
use webauthn_rs::prelude::{Url, Webauthn, WebauthnBuilder, WebauthnError};

use crate::clock::UnixSeconds;
use crate::error::AppError;
use crate::ids::{AccountId, CeremonyId};
use crate::state::AppState;
use crate::storage::{Ceremony, CeremonyKind};

/// How long a ceremony may take from its start to its finish (the authenticator's timeout,
/// which the options also carry).
pub const CEREMONY_SECS: i64 = 300;

/// Length of a credential's PRF salt.
pub const PRF_SALT_LEN: usize = 32;

/// The relying party of a public URL: its host is the RP id and its origin the one origin
/// accepted. `None` when the host is not a domain name (an IP address, such as the default
/// `http://127.0.0.1:8080`): browsers refuse WebAuthn there, and passkeys are off.
pub fn relying_party(public_url: &str) -> Option<Arc<Webauthn>> {
    let url = Url::parse(public_url).ok()?;
    let rp_id = url.domain()?.to_owned();
    let origin = Url::parse(&url.origin().ascii_serialization()).ok()?;
    let webauthn = WebauthnBuilder::new(&rp_id, &origin)
        .ok()?
        .rp_name("PDE")
        .timeout(std::time::Duration::from_secs(CEREMONY_SECS as u64))
        .build()
        .ok()?;
    Some(Arc::new(webauthn))
}

/// The relying party, or `passkeys_unavailable`.
pub fn webauthn(state: &AppState) -> Result<&Webauthn, AppError> {
    state
        .webauthn
        .as_deref()
        .ok_or(AppError::PasskeysUnavailable)
}

/// The label whose SHA-256 is the PRF input of every new passkey (docs/formats.md).
pub const PRF_SALT_LABEL: &[u8] = b"PDE passkey slot PRF input v1";

/// The PRF salt of a new passkey: the same for every passkey of every deployment, SHA-256 of
/// [`PRF_SALT_LABEL`]. A discoverable log-in does not know the credential before the prompt,
/// so only a salt known in advance (`prf.eval.first`) lets one prompt log in and unlock. The
/// PRF output is a secret of each credential on its authenticator, so sharing the input costs
/// nothing. It is still stored per credential: passkeys made with an older random salt keep it.
pub fn new_prf_salt() -> Vec<u8> {
    let digest = ring::digest::digest(&ring::digest::SHA256, PRF_SALT_LABEL);
    debug_assert_eq!(digest.as_ref().len(), PRF_SALT_LEN);
    digest.as_ref().to_vec()
}

/// The WebAuthn user handle of an account: its id's 16 bytes, as a UUID for webauthn-rs.
pub fn user_handle(account: AccountId) -> webauthn_rs::prelude::Uuid {
    webauthn_rs::prelude::Uuid::from_bytes(*account.as_bytes())
}

/// The account of a user handle, if it is one.
pub fn account_of_handle(handle: webauthn_rs::prelude::Uuid) -> AccountId {
    AccountId::from_bytes(*handle.as_bytes())
}

/// Stores a ceremony's state and answers its id.
pub async fn store<S: Serialize>(
    state: &AppState,
    kind: CeremonyKind,
    account_id: Option<AccountId>,
    ceremony_state: &S,
    prf_salt: Option<Vec<u8>>,
) -> Result<CeremonyId, AppError> {
    let id = CeremonyId::random();
    let encoded = serde_json::to_vec(ceremony_state).map_err(AppError::internal)?;
    state
        .storage
        .create_ceremony(&Ceremony {
            id,
            kind,
            account_id,
            state: encoded,
            prf_salt,
            expires_at: state.clock.now().saturating_add(CEREMONY_SECS),
        })
        .await?;
    Ok(id)
}

/// Takes the ceremony `id` of `kind`, for `account_id` (register and confirm) or for nobody
/// (log-in): `ceremony_expired` if it is unknown, finished, expired, or another account's.
pub async fn take<T: DeserializeOwned>(
    state: &AppState,
    id: CeremonyId,
    kind: CeremonyKind,
    account_id: Option<AccountId>,
) -> Result<(T, Ceremony), AppError> {
    let now: UnixSeconds = state.clock.now();
    let ceremony = state
        .storage
        .take_ceremony(id, kind, now)
        .await?
        .ok_or(AppError::CeremonyExpired)?;
    if ceremony.account_id != account_id {
        return Err(AppError::CeremonyExpired);
    }
    let decoded = serde_json::from_slice(&ceremony.state).map_err(AppError::internal)?;
    Ok((decoded, ceremony))
}

/// The answer to a credential that does not verify, in a ceremony of a signed-in person.
pub fn rejected(e: WebauthnError) -> AppError {
    match e {
        WebauthnError::UserNotVerified => AppError::UserVerificationRequired,
        other => AppError::PasskeyRejected(other.to_string()),
    }
}

/// Parses a credential JSON as the browser serialised it.
pub fn credential<T: DeserializeOwned>(value: serde_json::Value) -> Result<T, AppError> {
    serde_json::from_value(value).map_err(|e| AppError::field("credential", e.to_string()))
}
