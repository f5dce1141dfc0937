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

    async fn used_bytes(&self, id: AccountId, now: UnixSeconds) -> StorageResult<u64> {
        let (used,): (i64,) = sqlx::query_as(
            "SELECT CAST(COALESCE(SUM(size), 0) AS BIGINT) FROM documents WHERE account_id = $1 \
             AND (hidden_until IS NULL OR hidden_until <= $2)",
        )
        .bind(id.to_string())
        .bind(now)
        .fetch_one(&self.pool)
        .await?;
        to_u64(used, "used bytes")
    }

    async fn document(
        &self,
        owner: AccountId,
        id: DocumentId,
        now: UnixSeconds,
    ) -> StorageResult<Option<Document>> {
        let row: Option<DocumentRow> = sqlx::query_as(
            "SELECT * FROM documents WHERE id = $1 AND account_id = $2 \
             AND (hidden_until IS NULL OR hidden_until <= $3)",
        )
        .bind(id.to_string())
        .bind(owner.to_string())
        .bind(now)
        .fetch_optional(&self.pool)
        .await?;
        maybe(row)
    }

    async fn list_documents(
        &self,
        owner: AccountId,
        now: UnixSeconds,
    ) -> StorageResult<Vec<Document>> {
        let rows: Vec<DocumentRow> = sqlx::query_as(
            "SELECT * FROM documents WHERE account_id = $1 AND state = 'complete' \
             AND (hidden_until IS NULL OR hidden_until <= $2) \
             ORDER BY created_at, id",
        )
        .bind(owner.to_string())
        .bind(now)
        .fetch_all(&self.pool)
        .await?;
        all(rows)
    }

    async fn hide_documents(
        &self,
        owner: AccountId,
        ids: &[DocumentId],
        until: UnixSeconds,
        now: UnixSeconds,
    ) -> StorageResult<bool> {
        if ids.is_empty() {
            return Ok(false);
        }
        check_lookup_size(ids)?;
        let owner = owner.to_string();
        let mut tx = self.begin_write().await?;
        self.lock_account(&mut tx, &owner).await?;
        // `$1`..`$n` are the ids; the other values follow them.
        let n = ids.len();
        let list = placeholders(1, n);
        let sql = format!(
            "UPDATE documents SET hidden_until = ${} \
             WHERE account_id = ${} AND state = 'complete' \
             AND (hidden_until IS NULL OR hidden_until <= ${}) AND id IN ({list})",
            n + 1,
            n + 2,
            n + 3
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for id in ids {
            query = query.bind(id.to_string());
        }
        let done = query
            .bind(until)
            .bind(&owner)
            .bind(now)
            .execute(&mut *tx)
            .await?;
        if done.rows_affected() != n as u64 {
            // Dropping the transaction rolls the hiding back: one unknown id hides nothing.
            return Ok(false);
        }
        // Out of every active share (its place and, by the foreign key, its envelope), as a
        // deletion takes it out; an ended share keeps the document in its history (hidden from
        // answers while the document is hidden) but loses any envelope not yet purged.
        let sql = format!(
            "DELETE FROM share_documents WHERE document_id IN ({list}) AND share_id IN \
                (SELECT id FROM shares WHERE owner_id = ${} AND revoked_at IS NULL \
                 AND locked_at IS NULL AND expires_at > ${})",
            n + 1,
            n + 2
        );
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for id in ids {
            query = query.bind(id.to_string());
        }
        query.bind(&owner).bind(now).execute(&mut *tx).await?;
        let sql = format!("DELETE FROM share_envelopes WHERE document_id IN ({list})");
        let mut query = sqlx::query(sqlx::AssertSqlSafe(sql));
        for id in ids {
            query = query.bind(id.to_string());
        }
        query.execute(&mut *tx).await?;
        end_empty_shares(&mut tx, &owner, now).await?;
        tx.commit().await?;
        Ok(true)
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
        now: UnixSeconds,
    ) -> StorageResult<bool> {
        let done = sqlx::query(
            "UPDATE documents SET metadata = $1 WHERE id = $2 AND account_id = $3 \
             AND (hidden_until IS NULL OR hidden_until <= $4)",
        )
        .bind(metadata)
        .bind(id.to_string())
        .bind(owner.to_string())
        .bind(now)
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
        let done = sqlx::query(
            "DELETE FROM documents WHERE id = $1 AND account_id = $2 \
             AND (hidden_until IS NULL OR hidden_until <= $3)",
        )
        .bind(id.to_string())
        .bind(owner.to_string())
        .bind(now)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Ok(false);
        }
        end_empty_shares(&mut tx, &owner.to_string(), now).await?;
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
        check_lookup_size(ids)?;
        // One placeholder per id: the `Any` driver has no array type for `= ANY($1)`, and an
        // `IN` list is what both databases take alike. Served by the primary key.
        let sql = format!(
            "SELECT id FROM documents WHERE id IN ({})",
            placeholders(1, ids.len())
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

/// `$first, …` for `count` bound values.
fn placeholders(first: usize, count: usize) -> String {
    (first..first + count)
        .map(|i| format!("${i}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Refuses more ids than one statement takes.
fn check_lookup_size(ids: &[DocumentId]) -> StorageResult<()> {
    if ids.len() > MAX_IDS_PER_LOOKUP {
        return Err(StorageError::Backend(
            format!(
                "{} ids in one lookup (at most {MAX_IDS_PER_LOOKUP})",
                ids.len()
            )
            .into(),
        ));
    }
    Ok(())
}

/// A share of `owner` with no document left has nothing to show: it ends at `now`, as a
/// revocation would end it (an already ended one keeps its end), and its note goes.
async fn end_empty_shares(
    tx: &mut sqlx::Transaction<'static, sqlx::Any>,
    owner: &str,
    now: UnixSeconds,
) -> StorageResult<()> {
    sqlx::query(
        "UPDATE shares SET note = NULL, revoked_at = CASE \
            WHEN revoked_at IS NULL AND locked_at IS NULL AND expires_at > $1 THEN $1 \
            ELSE revoked_at END \
         WHERE owner_id = $2 \
         AND NOT EXISTS (SELECT 1 FROM share_documents d WHERE d.share_id = shares.id) \
         AND (note IS NOT NULL OR (revoked_at IS NULL AND locked_at IS NULL AND expires_at > $1))",
    )
    .bind(now)
    .bind(owner)
    .execute(&mut **tx)
    .await?;
    Ok(())
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
