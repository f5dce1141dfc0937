//! [`LimitedViewStore`] on SQL.

use std::collections::{HashMap, HashSet};

use async_trait::async_trait;
use sqlx::FromRow;

use super::{SqlStorage, parse_id, to_i64, to_u64};
use crate::clock::UnixSeconds;
use crate::ids::{AccountId, DocumentId, ShareId};
use crate::storage::*;

#[derive(FromRow)]
struct ViewRow {
    recipient: String,
    auth_hmac: Vec<u8>,
    slot: Vec<u8>,
    wrapped: Vec<u8>,
    recovery_auth_hmac: Option<Vec<u8>>,
    recovery_slot: Option<Vec<u8>>,
}

impl From<ViewRow> for LimitedView {
    fn from(r: ViewRow) -> Self {
        Self {
            recipient: r.recipient,
            auth_hmac: r.auth_hmac,
            slot: r.slot,
            wrapped: r.wrapped,
            recovery: r.recovery_auth_hmac.zip(r.recovery_slot),
        }
    }
}

#[async_trait]
impl LimitedViewStore for SqlStorage {
    async fn limited_view(&self, account: AccountId) -> StorageResult<Option<LimitedView>> {
        let row: Option<ViewRow> = sqlx::query_as(
            "SELECT recipient, auth_hmac, slot, wrapped, recovery_auth_hmac, recovery_slot \
             FROM limited_views WHERE account_id = $1",
        )
        .bind(account.to_string())
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.map(Into::into))
    }

    async fn set_limited_view(
        &self,
        account: AccountId,
        view: &LimitedView,
    ) -> StorageResult<bool> {
        let id = account.to_string();
        let mut tx = self.begin_write().await?;
        self.lock_account(&mut tx, &id).await?;
        let old: Option<(String,)> =
            sqlx::query_as("SELECT recipient FROM limited_views WHERE account_id = $1")
                .bind(&id)
                .fetch_optional(&mut *tx)
                .await?;
        if old.as_ref().is_some_and(|(old,)| *old != view.recipient) {
            // A document added from the old view and not yet given an owner envelope would be
            // lost with the old V.
            let (orphans,): (i64,) = sqlx::query_as(
                "SELECT CAST(COUNT(*) AS BIGINT) FROM limited_envelopes e \
                 JOIN documents d ON d.id = e.document_id \
                 WHERE e.account_id = $1 AND LENGTH(d.envelope) = 0",
            )
            .bind(&id)
            .fetch_one(&mut *tx)
            .await?;
            if orphans > 0 {
                return Ok(false);
            }
            sqlx::query("DELETE FROM limited_envelopes WHERE account_id = $1")
                .bind(&id)
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query("DELETE FROM limited_views WHERE account_id = $1")
            .bind(&id)
            .execute(&mut *tx)
            .await?;
        let (recovery_auth, recovery_slot) = match &view.recovery {
            Some((auth, slot)) => (Some(auth.clone()), Some(slot.clone())),
            None => (None, None),
        };
        sqlx::query(
            "INSERT INTO limited_views (account_id, recipient, auth_hmac, slot, wrapped, \
             recovery_auth_hmac, recovery_slot) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(&id)
        .bind(&view.recipient)
        .bind(&view.auth_hmac)
        .bind(&view.slot)
        .bind(&view.wrapped)
        .bind(recovery_auth)
        .bind(recovery_slot)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM sessions WHERE account_id = $1 AND view = 'limited'")
            .bind(&id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(true)
    }

    async fn set_limited_login(
        &self,
        account: AccountId,
        auth_hmac: &[u8],
        slot: &[u8],
    ) -> StorageResult<bool> {
        let done =
            sqlx::query("UPDATE limited_views SET auth_hmac = $1, slot = $2 WHERE account_id = $3")
                .bind(auth_hmac)
                .bind(slot)
                .bind(account.to_string())
                .execute(&self.pool)
                .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn set_limited_recovery(
        &self,
        account: AccountId,
        auth_hmac: &[u8],
        slot: &[u8],
    ) -> StorageResult<bool> {
        let done = sqlx::query(
            "UPDATE limited_views SET recovery_auth_hmac = $1, recovery_slot = $2 \
             WHERE account_id = $3",
        )
        .bind(auth_hmac)
        .bind(slot)
        .bind(account.to_string())
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn delete_limited_login(&self, account: AccountId) -> StorageResult<()> {
        let id = account.to_string();
        let mut tx = self.begin_write().await?;
        sqlx::query(
            "UPDATE limited_views SET auth_hmac = $1, slot = $1, recovery_auth_hmac = NULL, \
             recovery_slot = NULL WHERE account_id = $2",
        )
        .bind(Vec::<u8>::new())
        .bind(&id)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM sessions WHERE account_id = $1 AND view = 'limited'")
            .bind(&id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(())
    }

    async fn delete_limited_view(&self, account: AccountId) -> StorageResult<bool> {
        let id = account.to_string();
        let mut tx = self.begin_write().await?;
        self.lock_account(&mut tx, &id).await?;
        let (orphans,): (i64,) = sqlx::query_as(
            "SELECT CAST(COUNT(*) AS BIGINT) FROM documents \
             WHERE account_id = $1 AND LENGTH(envelope) = 0",
        )
        .bind(&id)
        .fetch_one(&mut *tx)
        .await?;
        if orphans > 0 {
            return Ok(false);
        }
        let done = sqlx::query("DELETE FROM limited_views WHERE account_id = $1")
            .bind(&id)
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() == 0 {
            return Ok(false);
        }
        sqlx::query("DELETE FROM limited_envelopes WHERE account_id = $1")
            .bind(&id)
            .execute(&mut *tx)
            .await?;
        sqlx::query(
            "DELETE FROM limited_shares WHERE share_id IN \
             (SELECT id FROM shares WHERE owner_id = $1)",
        )
        .bind(&id)
        .execute(&mut *tx)
        .await?;
        sqlx::query("DELETE FROM sessions WHERE account_id = $1 AND view = 'limited'")
            .bind(&id)
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(true)
    }

    async fn limited_envelopes(
        &self,
        account: AccountId,
    ) -> StorageResult<HashMap<DocumentId, Vec<u8>>> {
        let rows: Vec<(String, Vec<u8>)> = sqlx::query_as(
            "SELECT document_id, envelope FROM limited_envelopes WHERE account_id = $1",
        )
        .bind(account.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(id, envelope)| Ok((parse_id(&id, "limited envelope document")?, envelope)))
            .collect()
    }

    async fn set_limited_envelope(
        &self,
        owner: AccountId,
        id: DocumentId,
        envelope: &[u8],
        now: UnixSeconds,
    ) -> StorageResult<bool> {
        let owner = owner.to_string();
        let mut tx = self.begin_write().await?;
        self.lock_account(&mut tx, &owner).await?;
        sqlx::query("DELETE FROM limited_envelopes WHERE document_id = $1 AND account_id = $2")
            .bind(id.to_string())
            .bind(&owner)
            .execute(&mut *tx)
            .await?;
        let done = sqlx::query(
            "INSERT INTO limited_envelopes (document_id, account_id, envelope) \
             SELECT id, account_id, $3 FROM documents WHERE id = $1 AND account_id = $2 \
             AND state = 'complete' AND (hidden_until IS NULL OR hidden_until <= $4) \
             AND EXISTS (SELECT 1 FROM limited_views WHERE account_id = $2)",
        )
        .bind(id.to_string())
        .bind(&owner)
        .bind(envelope)
        .bind(now)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Ok(false);
        }
        tx.commit().await?;
        Ok(true)
    }

    async fn delete_limited_envelope(
        &self,
        owner: AccountId,
        id: DocumentId,
    ) -> StorageResult<bool> {
        let done = sqlx::query(
            "DELETE FROM limited_envelopes WHERE document_id = $1 AND account_id = $2 \
             AND EXISTS (SELECT 1 FROM documents WHERE id = $1 AND LENGTH(envelope) > 0)",
        )
        .bind(id.to_string())
        .bind(owner.to_string())
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn set_owner_envelope(
        &self,
        owner: AccountId,
        id: DocumentId,
        envelope: &[u8],
    ) -> StorageResult<bool> {
        let done = sqlx::query(
            "UPDATE documents SET envelope = $1 \
             WHERE id = $2 AND account_id = $3 AND LENGTH(envelope) = 0",
        )
        .bind(envelope)
        .bind(id.to_string())
        .bind(owner.to_string())
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn reserve_limited_document(
        &self,
        d: &Document,
        envelope: &[u8],
        quota: u64,
    ) -> StorageResult<bool> {
        let owner = d.account_id.to_string();
        let mut tx = self.begin_write().await?;
        self.lock_account(&mut tx, &owner).await?;
        let done = sqlx::query(
            "INSERT INTO documents (id, account_id, size, state, created_at, metadata, envelope) \
             SELECT $1, $2, $3, $4, $5, $6, $7 \
             WHERE (SELECT CAST(COALESCE(SUM(size), 0) AS BIGINT) FROM documents \
                    WHERE account_id = $2) + $3 <= $8",
        )
        .bind(d.id.to_string())
        .bind(&owner)
        .bind(to_i64(d.size)?)
        .bind(d.state.as_str())
        .bind(d.created_at)
        .bind(&d.metadata)
        .bind(Vec::<u8>::new())
        .bind(to_i64(quota)?)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Ok(false);
        }
        sqlx::query(
            "INSERT INTO limited_envelopes (document_id, account_id, envelope) \
             VALUES ($1, $2, $3)",
        )
        .bind(d.id.to_string())
        .bind(&owner)
        .bind(envelope)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    async fn limited_used_bytes(&self, account: AccountId, now: UnixSeconds) -> StorageResult<u64> {
        let (used,): (i64,) = sqlx::query_as(
            "SELECT CAST(COALESCE(SUM(d.size), 0) AS BIGINT) FROM documents d \
             JOIN limited_envelopes e ON e.document_id = d.id \
             WHERE d.account_id = $1 AND (d.hidden_until IS NULL OR d.hidden_until <= $2)",
        )
        .bind(account.to_string())
        .bind(now)
        .fetch_one(&self.pool)
        .await?;
        to_u64(used, "limited used bytes")
    }

    async fn limited_shares(&self, owner: AccountId) -> StorageResult<HashSet<ShareId>> {
        let rows: Vec<(String,)> = sqlx::query_as(
            "SELECT l.share_id FROM limited_shares l JOIN shares s ON s.id = l.share_id \
             WHERE s.owner_id = $1",
        )
        .bind(owner.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(id,)| parse_id(&id, "limited share"))
            .collect()
    }
}
