//! [`AccountStore`] on SQL.

use async_trait::async_trait;

use super::rows::{AccountRow, SessionRoleRow, SessionRow, maybe, role};
use super::{SqlStorage, parse_id, to_u64};
use crate::clock::UnixSeconds;
use crate::ids::{AccountId, DocumentId};
use crate::storage::*;

const INSERT_ACCOUNT: &str = "INSERT INTO accounts (id, kind, pseudonym, pseudonym_key, \
     recipient, salt, kdf_m_kib, kdf_t, kdf_p, passphrase_auth_hmac, passphrase_slot, \
     recovery_auth_hmac, recovery_slot, created_day, last_seen_day) \
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15)";

/// Inserts an account row, within a transaction or not.
pub(super) async fn insert_account<'e>(
    e: impl sqlx::Executor<'e, Database = sqlx::Any>,
    a: &Account,
) -> StorageResult<()> {
    sqlx::query(INSERT_ACCOUNT)
        .bind(a.id.to_string())
        .bind(a.kind.as_str())
        .bind(&a.pseudonym)
        .bind(&a.pseudonym_key)
        .bind(&a.recipient)
        .bind(&a.passphrase.salt)
        .bind(i64::from(a.passphrase.kdf.m_kib))
        .bind(i64::from(a.passphrase.kdf.t))
        .bind(i64::from(a.passphrase.kdf.p))
        .bind(&a.passphrase.auth_hmac)
        .bind(&a.passphrase.slot)
        .bind(&a.recovery_auth_hmac)
        .bind(&a.recovery_slot)
        .bind(a.created_day)
        .bind(a.last_seen_day)
        .execute(e)
        .await?;
    Ok(())
}

#[async_trait]
impl AccountStore for SqlStorage {
    async fn ping(&self) -> StorageResult<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    async fn create_account(&self, a: &Account) -> StorageResult<()> {
        insert_account(&self.pool, a).await
    }

    async fn account_by_pseudonym(&self, pseudonym_key: &str) -> StorageResult<Option<Account>> {
        let row: Option<AccountRow> =
            sqlx::query_as("SELECT * FROM accounts WHERE pseudonym_key = $1")
                .bind(pseudonym_key)
                .fetch_optional(&self.pool)
                .await?;
        maybe(row)
    }

    async fn account(&self, id: AccountId) -> StorageResult<Option<Account>> {
        let row: Option<AccountRow> = sqlx::query_as("SELECT * FROM accounts WHERE id = $1")
            .bind(id.to_string())
            .fetch_optional(&self.pool)
            .await?;
        maybe(row)
    }

    async fn set_passphrase(&self, id: AccountId, slot: &PassphraseSlot) -> StorageResult<()> {
        sqlx::query(
            "UPDATE accounts SET salt = $1, kdf_m_kib = $2, kdf_t = $3, kdf_p = $4, \
             passphrase_auth_hmac = $5, passphrase_slot = $6 WHERE id = $7",
        )
        .bind(&slot.salt)
        .bind(i64::from(slot.kdf.m_kib))
        .bind(i64::from(slot.kdf.t))
        .bind(i64::from(slot.kdf.p))
        .bind(&slot.auth_hmac)
        .bind(&slot.slot)
        .bind(id.to_string())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn set_recovery(
        &self,
        id: AccountId,
        auth_hmac: &[u8],
        slot: &[u8],
    ) -> StorageResult<()> {
        sqlx::query(
            "UPDATE accounts SET recovery_auth_hmac = $1, recovery_slot = $2 WHERE id = $3",
        )
        .bind(auth_hmac)
        .bind(slot)
        .bind(id.to_string())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn sessions_of(&self, id: AccountId) -> StorageResult<Vec<SessionRecord>> {
        let rows: Vec<SessionRow> = sqlx::query_as(
            "SELECT * FROM sessions WHERE account_id = $1 ORDER BY created_at, token_hash",
        )
        .bind(id.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(TryInto::try_into).collect()
    }

    async fn set_last_seen_day(&self, id: AccountId, day: UnixSeconds) -> StorageResult<()> {
        sqlx::query("UPDATE accounts SET last_seen_day = $1 WHERE id = $2")
            .bind(day)
            .bind(id.to_string())
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn create_session(&self, s: &SessionRecord) -> StorageResult<()> {
        sqlx::query(
            "INSERT INTO sessions (token_hash, account_id, method, created_at, last_seen_at, \
             device, view) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(&s.token_hash)
        .bind(s.account_id.to_string())
        .bind(s.method.as_str())
        .bind(s.created_at)
        .bind(s.last_seen_at)
        .bind(s.device.as_stored())
        .bind(s.view.as_str())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn session(&self, token_hash: &str) -> StorageResult<Option<SessionRecord>> {
        let row: Option<SessionRow> =
            sqlx::query_as("SELECT * FROM sessions WHERE token_hash = $1")
                .bind(token_hash)
                .fetch_optional(&self.pool)
                .await?;
        maybe(row)
    }

    async fn session_with_role(
        &self,
        token_hash: &str,
    ) -> StorageResult<Option<(SessionRecord, Role)>> {
        // An inner join: a session whose account is gone is no session (the foreign key
        // deletes such sessions anyway).
        let row: Option<SessionRoleRow> = sqlx::query_as(
            "SELECT s.token_hash, s.account_id, s.method, s.created_at, s.last_seen_at, s.device, \
             s.view, \
             a.kind, w.state AS worker_state FROM sessions s \
             JOIN accounts a ON a.id = s.account_id \
             LEFT JOIN workers w ON w.account_id = s.account_id \
             WHERE s.token_hash = $1",
        )
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await?;
        maybe(row)
    }

    async fn touch_session(&self, token_hash: &str, now: UnixSeconds) -> StorageResult<()> {
        sqlx::query(
            "UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2 AND last_seen_at < $1",
        )
        .bind(now)
        .bind(token_hash)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn delete_session(&self, token_hash: &str) -> StorageResult<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn delete_other_sessions(&self, id: AccountId, keep: &str) -> StorageResult<()> {
        sqlx::query("DELETE FROM sessions WHERE account_id = $1 AND token_hash <> $2")
            .bind(id.to_string())
            .bind(keep)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn delete_expired_sessions(
        &self,
        idle_before: UnixSeconds,
        created_before: UnixSeconds,
    ) -> StorageResult<u64> {
        let done = sqlx::query("DELETE FROM sessions WHERE last_seen_at < $1 OR created_at < $2")
            .bind(idle_before)
            .bind(created_before)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }

    async fn role(&self, id: AccountId) -> StorageResult<Option<Role>> {
        let row: Option<(String, Option<String>)> = sqlx::query_as(
            "SELECT a.kind, w.state FROM accounts a \
             LEFT JOIN workers w ON w.account_id = a.id WHERE a.id = $1",
        )
        .bind(id.to_string())
        .fetch_optional(&self.pool)
        .await?;
        row.map(|(kind, state)| role(&kind, state)).transpose()
    }

    async fn delete_sessions(&self, id: AccountId) -> StorageResult<u64> {
        let done = sqlx::query("DELETE FROM sessions WHERE account_id = $1")
            .bind(id.to_string())
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }

    async fn session_count(&self, id: AccountId) -> StorageResult<u64> {
        let (n,): (i64,) =
            sqlx::query_as("SELECT CAST(COUNT(*) AS BIGINT) FROM sessions WHERE account_id = $1")
                .bind(id.to_string())
                .fetch_one(&self.pool)
                .await?;
        to_u64(n, "session count")
    }

    async fn delete_holder(
        &self,
        id: AccountId,
        login_limit_key: &str,
    ) -> StorageResult<Option<Vec<DocumentId>>> {
        let id = id.to_string();
        let mut tx = self.begin_write().await?;
        self.lock_account(&mut tx, &id).await?;
        let documents: Vec<(String,)> =
            sqlx::query_as("SELECT id FROM documents WHERE account_id = $1")
                .bind(&id)
                .fetch_all(&mut *tx)
                .await?;
        // Each table named, children first, rather than left to the foreign keys' cascades
        // alone: the statement says what goes, and a table added later without a cascade
        // fails here (a foreign key violation) instead of keeping rows of a deleted account.
        for statement in [
            "DELETE FROM limited_shares WHERE share_id IN \
             (SELECT id FROM shares WHERE owner_id = $1)",
            "DELETE FROM limited_envelopes WHERE account_id = $1",
            "DELETE FROM limited_views WHERE account_id = $1",
            "DELETE FROM receipts WHERE share_id IN (SELECT id FROM shares WHERE owner_id = $1)",
            "DELETE FROM share_envelopes WHERE share_id IN \
             (SELECT id FROM shares WHERE owner_id = $1)",
            "DELETE FROM share_documents WHERE share_id IN \
             (SELECT id FROM shares WHERE owner_id = $1)",
            "DELETE FROM shares WHERE owner_id = $1",
            "DELETE FROM documents WHERE account_id = $1",
            "DELETE FROM sessions WHERE account_id = $1",
            "DELETE FROM ceremonies WHERE account_id = $1",
            "DELETE FROM passkeys WHERE account_id = $1",
            "DELETE FROM help_approvals WHERE request_id IN \
             (SELECT id FROM help_requests WHERE account_id = $1)",
            "DELETE FROM help_approvals WHERE helper_id IN \
             (SELECT id FROM helpers WHERE account_id = $1)",
            "DELETE FROM help_requests WHERE account_id = $1",
            "DELETE FROM helpers WHERE account_id = $1",
            "DELETE FROM helper_sets WHERE account_id = $1",
            "DELETE FROM wallet_records WHERE account_id = $1",
        ] {
            sqlx::query(statement).bind(&id).execute(&mut *tx).await?;
        }
        let done = sqlx::query("DELETE FROM accounts WHERE id = $1 AND kind = 'holder'")
            .bind(&id)
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() != 1 {
            // Not a holder (or already gone): the transaction is rolled back on drop.
            return Ok(None);
        }
        sqlx::query("DELETE FROM login_attempts WHERE key = $1")
            .bind(login_limit_key)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        documents
            .iter()
            .map(|(d,)| parse_id(d, "document id"))
            .collect::<StorageResult<Vec<_>>>()
            .map(Some)
    }
}
