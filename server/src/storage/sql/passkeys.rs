//! [`PasskeyStore`] on SQL.

use async_trait::async_trait;

use super::rows::{CeremonyRow, PasskeyRow, maybe};
use super::{SqlStorage, to_i64};
use crate::clock::UnixSeconds;
use crate::ids::{AccountId, CeremonyId, PasskeyId};
use crate::storage::*;

#[async_trait]
impl PasskeyStore for SqlStorage {
    async fn create_ceremony(&self, c: &Ceremony) -> StorageResult<()> {
        sqlx::query(
            "INSERT INTO ceremonies (id, kind, account_id, state, prf_salt, expires_at) \
             VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(c.id.to_string())
        .bind(c.kind.as_str())
        .bind(c.account_id.map(|a| a.to_string()))
        .bind(&c.state)
        .bind(c.prf_salt.as_deref())
        .bind(c.expires_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn take_ceremony(
        &self,
        id: CeremonyId,
        kind: CeremonyKind,
        now: UnixSeconds,
    ) -> StorageResult<Option<Ceremony>> {
        // One statement: the row is gone for every other finish as soon as one gets it.
        let row: Option<CeremonyRow> = sqlx::query_as(
            "DELETE FROM ceremonies WHERE id = $1 AND kind = $2 AND expires_at > $3 \
             RETURNING id, kind, account_id, state, prf_salt, expires_at",
        )
        .bind(id.to_string())
        .bind(kind.as_str())
        .bind(now)
        .fetch_optional(&self.pool)
        .await?;
        maybe(row)
    }

    async fn delete_expired_ceremonies(&self, now: UnixSeconds) -> StorageResult<u64> {
        let done = sqlx::query("DELETE FROM ceremonies WHERE expires_at <= $1")
            .bind(now)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }

    async fn create_passkey(&self, p: &PasskeyRecord) -> StorageResult<()> {
        sqlx::query(
            "INSERT INTO passkeys (id, account_id, credential_id, credential, name, created_at, \
             last_used_at, sign_count, backup_eligible, backup_state, prf_salt, slot) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
        )
        .bind(p.id.to_string())
        .bind(p.account_id.to_string())
        .bind(&p.credential_id)
        .bind(&p.credential)
        .bind(&p.name)
        .bind(p.created_at)
        .bind(p.last_used_at)
        .bind(i64::from(p.sign_count))
        .bind(i64::from(p.backup_eligible))
        .bind(i64::from(p.backup_state))
        .bind(&p.prf_salt)
        .bind(p.slot.as_deref())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn passkeys(&self, account: AccountId) -> StorageResult<Vec<PasskeyRecord>> {
        let rows: Vec<PasskeyRow> =
            sqlx::query_as("SELECT * FROM passkeys WHERE account_id = $1 ORDER BY created_at, id")
                .bind(account.to_string())
                .fetch_all(&self.pool)
                .await?;
        rows.into_iter().map(TryInto::try_into).collect()
    }

    async fn passkey_by_credential(
        &self,
        credential_id: &[u8],
    ) -> StorageResult<Option<PasskeyRecord>> {
        let row: Option<PasskeyRow> =
            sqlx::query_as("SELECT * FROM passkeys WHERE credential_id = $1")
                .bind(credential_id)
                .fetch_optional(&self.pool)
                .await?;
        maybe(row)
    }

    async fn record_passkey_use(&self, id: PasskeyId, u: &PasskeyUse) -> StorageResult<()> {
        sqlx::query(
            "UPDATE passkeys SET credential = $1, sign_count = $2, backup_eligible = $3, \
             backup_state = $4, last_used_at = $5 WHERE id = $6",
        )
        .bind(&u.credential)
        .bind(to_i64(u64::from(u.sign_count))?)
        .bind(i64::from(u.backup_eligible))
        .bind(i64::from(u.backup_state))
        .bind(u.at)
        .bind(id.to_string())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn rename_passkey(
        &self,
        account: AccountId,
        id: PasskeyId,
        name: &str,
    ) -> StorageResult<bool> {
        let done = sqlx::query("UPDATE passkeys SET name = $1 WHERE id = $2 AND account_id = $3")
            .bind(name)
            .bind(id.to_string())
            .bind(account.to_string())
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn delete_passkey(&self, account: AccountId, id: PasskeyId) -> StorageResult<bool> {
        let done = sqlx::query("DELETE FROM passkeys WHERE id = $1 AND account_id = $2")
            .bind(id.to_string())
            .bind(account.to_string())
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() == 1)
    }
}
