//! [`DocumentStore`] on SQL.

use std::collections::HashSet;

use async_trait::async_trait;

use super::rows::{DocumentRow, all, maybe};
use super::{SqlStorage, parse_id, to_i64, to_u64};
use crate::clock::UnixSeconds;
use crate::ids::{AccountId, DocumentId};
use crate::storage::*;

#[async_trait]
impl DocumentStore for SqlStorage {
    async fn reserve_document(&self, d: &Document, quota: u64) -> StorageResult<bool> {
        // The owner's row is locked first, so two reservations of one account cannot both
        // count the bytes before either is inserted.
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
        .bind(&d.envelope)
        .bind(to_i64(quota)?)
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(done.rows_affected() == 1)
    }

    async fn used_bytes(&self, id: AccountId) -> StorageResult<u64> {
        let (used,): (i64,) = sqlx::query_as(
            "SELECT CAST(COALESCE(SUM(size), 0) AS BIGINT) FROM documents WHERE account_id = $1",
        )
        .bind(id.to_string())
        .fetch_one(&self.pool)
        .await?;
        to_u64(used, "used bytes")
    }

    async fn document(&self, owner: AccountId, id: DocumentId) -> StorageResult<Option<Document>> {
        let row: Option<DocumentRow> =
            sqlx::query_as("SELECT * FROM documents WHERE id = $1 AND account_id = $2")
                .bind(id.to_string())
                .bind(owner.to_string())
                .fetch_optional(&self.pool)
                .await?;
        maybe(row)
    }

    async fn list_documents(&self, owner: AccountId) -> StorageResult<Vec<Document>> {
        let rows: Vec<DocumentRow> = sqlx::query_as(
            "SELECT * FROM documents WHERE account_id = $1 AND state = 'complete' \
             ORDER BY created_at, id",
        )
        .bind(owner.to_string())
        .fetch_all(&self.pool)
        .await?;
        all(rows)
    }

    async fn begin_upload(
        &self,
        owner: AccountId,
        id: DocumentId,
        now: UnixSeconds,
        lease_secs: i64,
    ) -> StorageResult<bool> {
        let done = sqlx::query(
            "UPDATE documents SET state = 'uploading', upload_seen_at = $1 \
             WHERE id = $2 AND account_id = $3 AND (state = 'pending' \
                OR (state = 'uploading' AND upload_seen_at + $4 <= $1))",
        )
        .bind(now)
        .bind(id.to_string())
        .bind(owner.to_string())
        .bind(lease_secs)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn keep_upload(
        &self,
        owner: AccountId,
        id: DocumentId,
        now: UnixSeconds,
    ) -> StorageResult<()> {
        sqlx::query(
            "UPDATE documents SET upload_seen_at = $1 \
             WHERE id = $2 AND account_id = $3 AND state = 'uploading'",
        )
        .bind(now)
        .bind(id.to_string())
        .bind(owner.to_string())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn finish_upload(&self, owner: AccountId, id: DocumentId) -> StorageResult<bool> {
        self.move_document(owner, id, DocumentState::Uploading, DocumentState::Complete)
            .await
    }

    async fn abort_upload(&self, owner: AccountId, id: DocumentId) -> StorageResult<()> {
        self.move_document(owner, id, DocumentState::Uploading, DocumentState::Pending)
            .await?;
        Ok(())
    }

    async fn set_metadata(
        &self,
        owner: AccountId,
        id: DocumentId,
        metadata: &[u8],
    ) -> StorageResult<bool> {
        let done =
            sqlx::query("UPDATE documents SET metadata = $1 WHERE id = $2 AND account_id = $3")
                .bind(metadata)
                .bind(id.to_string())
                .bind(owner.to_string())
                .execute(&self.pool)
                .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn delete_document(
        &self,
        owner: AccountId,
        id: DocumentId,
        now: UnixSeconds,
    ) -> StorageResult<bool> {
        let mut tx = self.begin_write().await?;
        self.lock_account(&mut tx, &owner.to_string()).await?;
        // The foreign keys cascade to the document's `share_documents` rows and from them to
        // its `share_envelopes` (both migrations); receipts keep their document id as history.
        let done = sqlx::query("DELETE FROM documents WHERE id = $1 AND account_id = $2")
            .bind(id.to_string())
            .bind(owner.to_string())
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() != 1 {
            return Ok(false);
        }
        // A share with no document left has nothing to show: it ends now, as a revocation
        // would end it (an already ended one keeps its end), and its note goes.
        sqlx::query(
            "UPDATE shares SET note = NULL, revoked_at = CASE \
                WHEN revoked_at IS NULL AND locked_at IS NULL AND expires_at > $1 THEN $1 \
                ELSE revoked_at END \
             WHERE owner_id = $2 \
             AND NOT EXISTS (SELECT 1 FROM share_documents d WHERE d.share_id = shares.id) \
             AND (note IS NOT NULL OR (revoked_at IS NULL AND locked_at IS NULL AND expires_at > $1))",
        )
        .bind(now)
        .bind(owner.to_string())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    async fn stale_documents(&self, cutoff: UnixSeconds) -> StorageResult<Vec<DocumentId>> {
        let rows: Vec<(String,)> = sqlx::query_as(
            "SELECT id FROM documents WHERE state <> 'complete' AND created_at <= $1 \
             AND (state = 'pending' OR upload_seen_at <= $1)",
        )
        .bind(cutoff)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|(id,)| parse_id(id, "document id"))
            .collect()
    }

    async fn existing_documents(&self, ids: &[DocumentId]) -> StorageResult<HashSet<DocumentId>> {
        if ids.is_empty() {
            return Ok(HashSet::new());
        }
        if ids.len() > MAX_IDS_PER_LOOKUP {
            return Err(StorageError::Backend(
                format!(
                    "{} ids in one lookup (at most {MAX_IDS_PER_LOOKUP})",
                    ids.len()
                )
                .into(),
            ));
        }
        // One placeholder per id: the `Any` driver has no array type for `= ANY($1)`, and an
        // `IN` list is what both databases take alike. Served by the primary key.
        let placeholders: Vec<String> = (1..=ids.len()).map(|i| format!("${i}")).collect();
        let sql = format!(
            "SELECT id FROM documents WHERE id IN ({})",
            placeholders.join(", ")
        );
        let mut query = sqlx::query_as::<_, (String,)>(sqlx::AssertSqlSafe(sql));
        for id in ids {
            query = query.bind(id.to_string());
        }
        let rows = query.fetch_all(&self.pool).await?;
        rows.iter()
            .map(|(id,)| parse_id(id, "document id"))
            .collect()
    }

    async fn delete_stale_document(
        &self,
        id: DocumentId,
        cutoff: UnixSeconds,
    ) -> StorageResult<bool> {
        let done = sqlx::query(
            "DELETE FROM documents WHERE id = $1 AND state <> 'complete' AND created_at <= $2 \
             AND (state = 'pending' OR upload_seen_at <= $2)",
        )
        .bind(id.to_string())
        .bind(cutoff)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }
}

impl SqlStorage {
    /// Moves a document of `owner` from state `from` to `to`; false if it was not in `from`.
    async fn move_document(
        &self,
        owner: AccountId,
        id: DocumentId,
        from: DocumentState,
        to: DocumentState,
    ) -> StorageResult<bool> {
        let done = sqlx::query(
            "UPDATE documents SET state = $1 WHERE id = $2 AND account_id = $3 AND state = $4",
        )
        .bind(to.as_str())
        .bind(id.to_string())
        .bind(owner.to_string())
        .bind(from.as_str())
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }
}
