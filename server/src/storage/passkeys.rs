//! Passkeys and the WebAuthn ceremonies under way.

use async_trait::async_trait;

use crate::clock::UnixSeconds;
use crate::ids::{AccountId, CeremonyId, PasskeyId};

use super::{Ceremony, CeremonyKind, PasskeyRecord, PasskeyUse, StorageResult};

/// Passkeys and ceremonies.
#[async_trait]
pub trait PasskeyStore: Send + Sync {
    /// Stores a ceremony's state until its finish (or its expiry).
    async fn create_ceremony(&self, ceremony: &Ceremony) -> StorageResult<()>;
    /// Takes (deletes and returns) the ceremony `id` of `kind` if it has not expired at `now`,
    /// in one atomic step: of concurrent finishes of one ceremony, only one gets it.
    async fn take_ceremony(
        &self,
        id: CeremonyId,
        kind: CeremonyKind,
        now: UnixSeconds,
    ) -> StorageResult<Option<Ceremony>>;
    /// Deletes the ceremonies expired at `now`; returns how many.
    async fn delete_expired_ceremonies(&self, now: UnixSeconds) -> StorageResult<u64>;
    /// Stores a new passkey; [`super::StorageError::Conflict`] if its credential id is taken.
    async fn create_passkey(&self, passkey: &PasskeyRecord) -> StorageResult<()>;
    /// The passkeys of an account, oldest first.
    async fn passkeys(&self, account: AccountId) -> StorageResult<Vec<PasskeyRecord>>;
    /// The passkey with this WebAuthn credential id.
    async fn passkey_by_credential(
        &self,
        credential_id: &[u8],
    ) -> StorageResult<Option<PasskeyRecord>>;
    /// Records a verified use of a passkey.
    async fn record_passkey_use(&self, id: PasskeyId, used: &PasskeyUse) -> StorageResult<()>;
    /// Renames a passkey of `account`; false if it has no such passkey.
    async fn rename_passkey(
        &self,
        account: AccountId,
        id: PasskeyId,
        name: &str,
    ) -> StorageResult<bool>;
    /// Deletes a passkey of `account`; false if it has no such passkey.
    async fn delete_passkey(&self, account: AccountId, id: PasskeyId) -> StorageResult<bool>;
}
