//! [`ShareStore`] on SQL.

use std::collections::HashMap;
use std::collections::hash_map::Entry;

use async_trait::async_trait;

use super::rows::{
    ReceiptRow, SHARE_SELECT, SHARED_DOCUMENT_SELECT, ShareRow, SharedDocumentRow, all, maybe,
};
use super::{SqlStorage, parse_id, to_i64, to_u32};
use crate::clock::UnixSeconds;
use crate::ids::{AccountId, DocumentId, ShareId};
use crate::storage::*;

// Queries built with `format!` only join constant fragments (the `*_SELECT` constants); every
// value is bound.

#[async_trait]
impl ShareStore for SqlStorage {
    async fn create_share(&self, share: &NewShare) -> StorageResult<CreateShareOutcome> {
        let (kind, worker_id, access_hmac, pin_hmac) = match &share.audience {
            ShareAudience::Worker(id) => (ShareKind::Worker, Some(id.to_string()), None, None),
            ShareAudience::Link {
                access_hmac,
                pin_hmac,
            } => (
                ShareKind::Link,
                None,
                Some(access_hmac.clone()),
                pin_hmac.clone(),
            ),
        };
        let mut tx = self.begin_write().await?;
        // Locked as hiding locks it, so a document being hidden cannot join a share meanwhile.
        self.lock_account(&mut tx, &share.owner.to_string()).await?;
        // A worker share is inserted only for a worker who exists and is not suspended.
        let inserted = sqlx::query(
            "INSERT INTO shares (id, owner_id, kind, worker_id, created_at, expires_at, \
             pin_hmac, access_hmac, note, opens_at) \
             SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10 \
             WHERE CAST($4 AS TEXT) IS NULL OR EXISTS \
                (SELECT 1 FROM workers WHERE account_id = $4 AND state <> 'suspended')",
        )
        .bind(share.id.to_string())
        .bind(share.owner.to_string())
        .bind(kind.as_str())
        .bind(worker_id)
        .bind(share.created_at)
        .bind(share.expires_at)
        .bind(pin_hmac)
        .bind(access_hmac)
        .bind(share.note.as_deref())
        .bind(share.opens_at)
        .execute(&mut *tx)
        .await?;
        if inserted.rows_affected() != 1 {
            return Ok(CreateShareOutcome::WorkerNotFound);
        }
        for (position, (document, envelope)) in share.documents.iter().enumerate() {
            let listed = sqlx::query(
                "INSERT INTO share_documents (share_id, document_id, position) \
                 SELECT $1, id, $2 FROM documents \
                 WHERE id = $3 AND account_id = $4 AND state = 'complete' \
                 AND (hidden_until IS NULL OR hidden_until <= $5) \
                 AND (CAST($6 AS BIGINT) = 0 OR EXISTS \
                    (SELECT 1 FROM limited_envelopes l WHERE l.document_id = documents.id))",
            )
            .bind(share.id.to_string())
            .bind(to_i64(position as u64)?)
            .bind(document.to_string())
            .bind(share.owner.to_string())
            .bind(share.created_at)
            .bind(i64::from(share.in_limited_view))
            .execute(&mut *tx)
            .await?;
            if listed.rows_affected() != 1 {
                return Ok(CreateShareOutcome::DocumentNotFound);
            }
            sqlx::query(
                "INSERT INTO share_envelopes (share_id, document_id, envelope) \
                 VALUES ($1, $2, $3)",
            )
            .bind(share.id.to_string())
            .bind(document.to_string())
            .bind(envelope)
            .execute(&mut *tx)
            .await?;
        }
        if share.in_limited_view {
            sqlx::query("INSERT INTO limited_shares (share_id) VALUES ($1)")
                .bind(share.id.to_string())
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(CreateShareOutcome::Created)
    }

    async fn share(&self, id: ShareId) -> StorageResult<Option<Share>> {
        let row: Option<ShareRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{SHARE_SELECT} WHERE s.id = $1"
        )))
        .bind(id.to_string())
        .fetch_optional(&self.pool)
        .await?;
        maybe(row)
    }

    async fn holder_shares(
        &self,
        owner: AccountId,
        now: UnixSeconds,
    ) -> StorageResult<Vec<HolderShare>> {
        let owner_id = owner.to_string();
        let rows: Vec<ShareRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{SHARE_SELECT} WHERE s.owner_id = $1 ORDER BY s.created_at DESC, s.seq DESC"
        )))
        .bind(&owner_id)
        .fetch_all(&self.pool)
        .await?;
        let shares: Vec<Share> = all(rows)?;

        let mut documents: HashMap<ShareId, Vec<DocumentId>> = HashMap::new();
        let listed: Vec<(String, String)> = sqlx::query_as(
            "SELECT d.share_id, d.document_id FROM share_documents d \
             JOIN shares s ON s.id = d.share_id \
             JOIN documents doc ON doc.id = d.document_id \
             WHERE s.owner_id = $1 AND (doc.hidden_until IS NULL OR doc.hidden_until <= $2) \
             ORDER BY d.share_id, d.position",
        )
        .bind(&owner_id)
        .bind(now)
        .fetch_all(&self.pool)
        .await?;
        for (share_id, document_id) in listed {
            documents
                .entry(parse_id(&share_id, "share id")?)
                .or_default()
                .push(parse_id(&document_id, "document id")?);
        }

        let mut receipts: HashMap<ShareId, Vec<Receipt>> = HashMap::new();
        let rows: Vec<ReceiptRow> = sqlx::query_as(
            "SELECT r.share_id, r.document_id, r.at, r.action, r.\"by\" \
             FROM receipts r JOIN shares s ON s.id = r.share_id \
             WHERE s.owner_id = $1 AND NOT EXISTS (SELECT 1 FROM documents doc \
                WHERE doc.id = r.document_id AND doc.hidden_until > $2) \
             ORDER BY r.at, r.id",
        )
        .bind(&owner_id)
        .bind(now)
        .fetch_all(&self.pool)
        .await?;
        for row in rows {
            let share_id = parse_id(&row.share_id, "share id")?;
            receipts.entry(share_id).or_default().push(row.try_into()?);
        }

        let mut workers: HashMap<AccountId, WorkerRecord> = HashMap::new();
        let mut out = Vec::with_capacity(shares.len());
        for share in shares {
            let worker = match share.worker_id {
                Some(id) => {
                    if let Entry::Vacant(slot) = workers.entry(id) {
                        let record = self.worker(id).await?.ok_or_else(|| {
                            StorageError::Corrupt("a share names a missing worker".into())
                        })?;
                        slot.insert(record);
                    }
                    workers.get(&id).cloned()
                }
                None => None,
            };
            out.push(HolderShare {
                document_ids: documents.remove(&share.id).unwrap_or_default(),
                receipts: receipts.remove(&share.id).unwrap_or_default(),
                worker,
                share,
            });
        }
        Ok(out)
    }

    async fn worker_shares(
        &self,
        worker: AccountId,
        now: UnixSeconds,
    ) -> StorageResult<Vec<Share>> {
        let rows: Vec<ShareRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{SHARE_SELECT} WHERE s.worker_id = $1 AND s.kind = 'worker' AND s.expires_at > $2 \
             AND s.revoked_at IS NULL AND s.locked_at IS NULL \
             AND (s.opens_at IS NULL OR s.opens_at <= $2) \
             ORDER BY s.created_at DESC, s.seq DESC"
        )))
        .bind(worker.to_string())
        .bind(now)
        .fetch_all(&self.pool)
        .await?;
        all(rows)
    }

    async fn shared_documents(&self, share: ShareId) -> StorageResult<Vec<SharedDocument>> {
        let rows: Vec<SharedDocumentRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{SHARED_DOCUMENT_SELECT} WHERE e.share_id = $1 AND d.state = 'complete' \
             ORDER BY l.position"
        )))
        .bind(share.to_string())
        .fetch_all(&self.pool)
        .await?;
        all(rows)
    }

    async fn shared_document(
        &self,
        share: ShareId,
        document: DocumentId,
    ) -> StorageResult<Option<SharedDocument>> {
        let row: Option<SharedDocumentRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{SHARED_DOCUMENT_SELECT} WHERE e.share_id = $1 AND e.document_id = $2 \
             AND d.state = 'complete'"
        )))
        .bind(share.to_string())
        .bind(document.to_string())
        .fetch_optional(&self.pool)
        .await?;
        maybe(row)
    }

    async fn record_receipt(
        &self,
        share: ShareId,
        document: DocumentId,
        now: UnixSeconds,
        action: ReceiptAction,
        by: ReceiptBy,
    ) -> StorageResult<bool> {
        // One statement: the checks and the insert see one state of the share. On
        // PostgreSQL a revocation committed while it runs is not seen, so a receipt may be
        // recorded at a time just before the revocation's, never after.
        let done = sqlx::query(
            "INSERT INTO receipts (share_id, document_id, at, action, \"by\") \
             SELECT $1, $2, $3, $4, $5 WHERE EXISTS ( \
                SELECT 1 FROM share_envelopes e JOIN shares s ON s.id = e.share_id \
                WHERE e.share_id = $1 AND e.document_id = $2 AND s.expires_at > $3 \
                AND s.revoked_at IS NULL AND s.locked_at IS NULL \
                AND (s.opens_at IS NULL OR s.opens_at <= $3))",
        )
        .bind(share.to_string())
        .bind(document.to_string())
        .bind(now)
        .bind(action.as_str())
        .bind(by.as_str())
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn revoke_share(
        &self,
        owner: AccountId,
        id: ShareId,
        now: UnixSeconds,
    ) -> StorageResult<bool> {
        let mut tx = self.begin_write().await?;
        let done = sqlx::query(
            "UPDATE shares SET note = NULL, revoked_at = CASE \
                WHEN revoked_at IS NULL AND locked_at IS NULL AND expires_at > $1 THEN $1 \
                ELSE revoked_at END \
             WHERE id = $2 AND owner_id = $3",
        )
        .bind(now)
        .bind(id.to_string())
        .bind(owner.to_string())
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Ok(false);
        }
        sqlx::query("DELETE FROM share_envelopes WHERE share_id = $1")
            .bind(id.to_string())
            .execute(&mut *tx)
            .await?;
        tx.commit().await?;
        Ok(true)
    }

    async fn count_link_request(
        &self,
        id: ShareId,
        now: UnixSeconds,
        window_secs: i64,
    ) -> StorageResult<LinkRate> {
        // SET expressions read the row as it was before the update.
        let (count, window_start): (i64, i64) = sqlx::query_as(
            "UPDATE shares SET \
                rate_count = CASE WHEN rate_window_start + $1 <= $2 THEN 1 \
                    ELSE rate_count + 1 END, \
                rate_window_start = CASE WHEN rate_window_start + $1 <= $2 THEN $2 \
                    ELSE rate_window_start END \
             WHERE id = $3 RETURNING rate_count, rate_window_start",
        )
        .bind(window_secs)
        .bind(now)
        .bind(id.to_string())
        .fetch_optional(&self.pool)
        .await?
        .ok_or_else(|| StorageError::Corrupt("counting requests of a missing link".into()))?;
        Ok(LinkRate {
            count: to_u32(count, "rate_count")?,
            window_start,
        })
    }

    async fn take_pin_try(
        &self,
        id: ShareId,
        now: UnixSeconds,
        max_failures: u32,
    ) -> StorageResult<Option<u32>> {
        // The pending tries that count: none once the last try is PIN_TRY_HOLD_SECS old.
        let row: Option<(i64,)> = sqlx::query_as(
            "UPDATE shares SET \
                pin_pending = CASE WHEN pin_pending_at + $4 <= $2 THEN 1 \
                    ELSE pin_pending + 1 END, \
                pin_pending_at = $2 \
             WHERE id = $1 AND kind = 'link' AND locked_at IS NULL \
             AND pin_failures + CASE WHEN pin_pending_at + $4 <= $2 THEN 0 \
                ELSE pin_pending END < $3 \
             RETURNING pin_failures + pin_pending",
        )
        .bind(id.to_string())
        .bind(now)
        .bind(i64::from(max_failures))
        .bind(PIN_TRY_HOLD_SECS)
        .fetch_optional(&self.pool)
        .await?;
        row.map(|(taken,)| to_u32(taken, "PIN tries")).transpose()
    }

    async fn give_back_pin_try(&self, id: ShareId) -> StorageResult<()> {
        sqlx::query(
            "UPDATE shares SET pin_pending = pin_pending - 1 WHERE id = $1 AND pin_pending > 0",
        )
        .bind(id.to_string())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn count_wrong_pin(
        &self,
        id: ShareId,
        now: UnixSeconds,
        max_failures: u32,
    ) -> StorageResult<u32> {
        let mut tx = self.begin_write().await?;
        // One statement turns the taken try into a failure and locks at the limit (the
        // right-hand sides read the row as it was before the update).
        let (failures,): (i64,) = sqlx::query_as(
            "UPDATE shares SET pin_pending = pin_pending - 1, pin_failures = pin_failures + 1, \
             locked_at = CASE WHEN pin_failures + 1 >= $1 THEN COALESCE(locked_at, $2) \
               ELSE locked_at END, \
             note = CASE WHEN pin_failures + 1 >= $1 THEN NULL ELSE note END \
             WHERE id = $3 AND pin_pending > 0 \
             RETURNING pin_failures",
        )
        .bind(i64::from(max_failures))
        .bind(now)
        .bind(id.to_string())
        .fetch_optional(&mut *tx)
        .await?
        .ok_or_else(|| StorageError::Corrupt("a wrong PIN without a taken try".into()))?;
        let failures = to_u32(failures, "pin_failures")?;
        if failures >= max_failures {
            sqlx::query("DELETE FROM share_envelopes WHERE share_id = $1")
                .bind(id.to_string())
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(failures)
    }

    async fn purge_expired_shares(&self, now: UnixSeconds) -> StorageResult<PurgedShares> {
        let mut tx = self.begin_write().await?;
        let envelopes = sqlx::query(
            "DELETE FROM share_envelopes WHERE share_id IN \
             (SELECT id FROM shares WHERE expires_at <= $1)",
        )
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        let notes = sqlx::query(
            "UPDATE shares SET note = NULL WHERE expires_at <= $1 AND note IS NOT NULL",
        )
        .bind(now)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        tx.commit().await?;
        Ok(PurgedShares { envelopes, notes })
    }
}
