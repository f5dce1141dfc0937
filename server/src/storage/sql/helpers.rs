//! [`HelperStore`] on SQL.

use async_trait::async_trait;
use sqlx::FromRow;

use super::{SqlStorage, parse_id, to_u32};
use crate::clock::UnixSeconds;
use crate::ids::{AccountId, HelpRequestId, HelperId};
use crate::storage::*;

/// The columns of `help_requests`, in [`RequestRow`]'s order (a macro, so that statements
/// stay `&'static str` literals).
macro_rules! request_columns {
    () => {
        "id, token_hash, tag, account_id, recipient, code, created_at, ready_at, expires_at, state"
    };
}

#[derive(FromRow)]
struct RequestRow {
    id: String,
    token_hash: String,
    tag: String,
    account_id: Option<String>,
    recipient: String,
    code: String,
    created_at: i64,
    ready_at: i64,
    expires_at: i64,
    state: String,
}

impl TryFrom<RequestRow> for HelpRequestRecord {
    type Error = StorageError;

    fn try_from(r: RequestRow) -> StorageResult<Self> {
        Ok(Self {
            id: parse_id(&r.id, "help request id")?,
            token_hash: r.token_hash,
            tag: r.tag,
            account_id: r
                .account_id
                .map(|a| parse_id(&a, "help request holder"))
                .transpose()?,
            recipient: r.recipient,
            code: r.code,
            created_at: r.created_at,
            ready_at: r.ready_at,
            expires_at: r.expires_at,
            state: match r.state.as_str() {
                "open" => HelpRequestState::Open,
                "cancelled" => HelpRequestState::Cancelled,
                "completed" => HelpRequestState::Completed,
                other => {
                    return Err(StorageError::Corrupt(format!(
                        "help request state {other:?}"
                    )));
                }
            },
        })
    }
}

#[derive(FromRow)]
struct HelperRow {
    id: String,
    position: i64,
    kind: String,
    worker_id: Option<String>,
    share: Option<Vec<u8>>,
    card_hmac: Option<Vec<u8>>,
    label: String,
}

impl TryFrom<HelperRow> for HelperRecord {
    type Error = StorageError;

    fn try_from(r: HelperRow) -> StorageResult<Self> {
        Ok(Self {
            id: parse_id(&r.id, "helper id")?,
            position: to_u32(r.position, "helper position")?,
            kind: match r.kind.as_str() {
                "worker" => HelperKind::Worker,
                "card" => HelperKind::Card,
                other => return Err(StorageError::Corrupt(format!("helper kind {other:?}"))),
            },
            worker_id: r
                .worker_id
                .map(|w| parse_id(&w, "helper worker"))
                .transpose()?,
            share: r.share,
            card_hmac: r.card_hmac,
            label: r.label,
        })
    }
}

/// The statements that delete a holder's helper set (children first) and cancel their open
/// requests; `$1` is the account id.
const DELETE_SET: [&str; 4] = [
    "DELETE FROM help_approvals WHERE helper_id IN (SELECT id FROM helpers WHERE account_id = $1)",
    "DELETE FROM helpers WHERE account_id = $1",
    "DELETE FROM helper_sets WHERE account_id = $1",
    "UPDATE help_requests SET state = 'cancelled' WHERE account_id = $1 AND state = 'open'",
];

#[async_trait]
impl HelperStore for SqlStorage {
    async fn replace_helper_set(&self, set: &HelperSetRecord) -> StorageResult<()> {
        let account = set.account_id.to_string();
        let mut tx = self.begin_write().await?;
        self.lock_account(&mut tx, &account).await?;
        for statement in DELETE_SET {
            sqlx::query(statement)
                .bind(&account)
                .execute(&mut *tx)
                .await?;
        }
        sqlx::query(
            "INSERT INTO helper_sets (account_id, threshold, server_part, auth_hmac, slot, \
             created_at) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(&account)
        .bind(i64::from(set.threshold))
        .bind(&set.server_part)
        .bind(&set.auth_hmac)
        .bind(&set.slot)
        .bind(set.created_at)
        .execute(&mut *tx)
        .await?;
        for h in &set.helpers {
            sqlx::query(
                "INSERT INTO helpers (id, account_id, position, kind, worker_id, share, \
                 card_hmac, label) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(h.id.to_string())
            .bind(&account)
            .bind(i64::from(h.position))
            .bind(h.kind.as_str())
            .bind(h.worker_id.map(|w| w.to_string()))
            .bind(h.share.as_deref())
            .bind(h.card_hmac.as_deref())
            .bind(&h.label)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    async fn helper_set(&self, account: AccountId) -> StorageResult<Option<HelperSetRecord>> {
        let row: Option<(i64, Vec<u8>, Vec<u8>, Vec<u8>, i64)> = sqlx::query_as(
            "SELECT threshold, server_part, auth_hmac, slot, created_at FROM helper_sets \
             WHERE account_id = $1",
        )
        .bind(account.to_string())
        .fetch_optional(&self.pool)
        .await?;
        let Some((threshold, server_part, auth_hmac, slot, created_at)) = row else {
            return Ok(None);
        };
        let rows: Vec<HelperRow> = sqlx::query_as(
            "SELECT id, position, kind, worker_id, share, card_hmac, label FROM helpers \
             WHERE account_id = $1 ORDER BY position",
        )
        .bind(account.to_string())
        .fetch_all(&self.pool)
        .await?;
        Ok(Some(HelperSetRecord {
            account_id: account,
            threshold: to_u32(threshold, "helper threshold")?,
            server_part,
            auth_hmac,
            slot,
            created_at,
            helpers: rows
                .into_iter()
                .map(HelperRecord::try_from)
                .collect::<StorageResult<_>>()?,
        }))
    }

    async fn delete_helper_set(&self, account: AccountId) -> StorageResult<bool> {
        let account = account.to_string();
        let mut tx = self.begin_write().await?;
        self.lock_account(&mut tx, &account).await?;
        let (n,): (i64,) = sqlx::query_as(
            "SELECT CAST(COUNT(*) AS BIGINT) FROM helper_sets WHERE account_id = $1",
        )
        .bind(&account)
        .fetch_one(&mut *tx)
        .await?;
        for statement in DELETE_SET {
            sqlx::query(statement)
                .bind(&account)
                .execute(&mut *tx)
                .await?;
        }
        tx.commit().await?;
        Ok(n > 0)
    }

    async fn create_help_request(
        &self,
        r: &HelpRequestRecord,
        now: UnixSeconds,
    ) -> StorageResult<Option<HelpRequestRecord>> {
        let mut tx = self.begin_write().await?;
        if let Some(account) = r.account_id {
            self.lock_account(&mut tx, &account.to_string()).await?;
        }
        let open: Option<RequestRow> = sqlx::query_as(concat!(
            "SELECT ",
            request_columns!(),
            " FROM help_requests \
             WHERE tag = $1 AND state = 'open' AND expires_at > $2"
        ))
        .bind(&r.tag)
        .bind(now)
        .fetch_optional(&mut *tx)
        .await?;
        if let Some(open) = open {
            return Ok(Some(open.try_into()?));
        }
        sqlx::query(concat!(
            "INSERT INTO help_requests (",
            request_columns!(),
            ") \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)"
        ))
        .bind(r.id.to_string())
        .bind(&r.token_hash)
        .bind(&r.tag)
        .bind(r.account_id.map(|a| a.to_string()))
        .bind(&r.recipient)
        .bind(&r.code)
        .bind(r.created_at)
        .bind(r.ready_at)
        .bind(r.expires_at)
        .bind(r.state.as_str())
        .execute(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(None)
    }

    async fn help_request_by_token(
        &self,
        token_hash: &str,
    ) -> StorageResult<Option<HelpRequestRecord>> {
        let row: Option<RequestRow> = sqlx::query_as(concat!(
            "SELECT ",
            request_columns!(),
            " FROM help_requests WHERE token_hash = $1"
        ))
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await?;
        row.map(TryInto::try_into).transpose()
    }

    async fn open_help_requests(
        &self,
        account: AccountId,
        now: UnixSeconds,
    ) -> StorageResult<Vec<HelpRequestRecord>> {
        let rows: Vec<RequestRow> = sqlx::query_as(concat!(
            "SELECT ",
            request_columns!(),
            " FROM help_requests \
             WHERE account_id = $1 AND state = 'open' AND expires_at > $2 ORDER BY created_at"
        ))
        .bind(account.to_string())
        .bind(now)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter().map(TryInto::try_into).collect()
    }

    async fn cancel_help_request(
        &self,
        account: AccountId,
        id: HelpRequestId,
        now: UnixSeconds,
    ) -> StorageResult<bool> {
        let done = sqlx::query(
            "UPDATE help_requests SET state = 'cancelled' \
             WHERE id = $1 AND account_id = $2 AND state = 'open' AND expires_at > $3",
        )
        .bind(id.to_string())
        .bind(account.to_string())
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn complete_help_request(&self, id: HelpRequestId) -> StorageResult<bool> {
        let done = sqlx::query(
            "UPDATE help_requests SET state = 'completed' WHERE id = $1 AND state = 'open'",
        )
        .bind(id.to_string())
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn help_requests_for_worker(
        &self,
        worker: AccountId,
        now: UnixSeconds,
    ) -> StorageResult<Vec<WorkerHelpRequest>> {
        #[derive(FromRow)]
        struct Row {
            #[sqlx(flatten)]
            request: RequestRow,
            pseudonym: String,
            helper_id: String,
            share: Vec<u8>,
            approved: i64,
        }
        let rows: Vec<Row> = sqlx::query_as(
            "SELECT r.id, r.token_hash, r.tag, r.account_id, r.recipient, r.code, r.created_at, \
             r.ready_at, r.expires_at, r.state, a.pseudonym, h.id AS helper_id, h.share, \
             CAST((SELECT COUNT(*) FROM help_approvals p \
                   WHERE p.request_id = r.id AND p.helper_id = h.id) AS BIGINT) AS approved \
             FROM helpers h \
             JOIN help_requests r ON r.account_id = h.account_id \
             JOIN accounts a ON a.id = r.account_id \
             WHERE h.worker_id = $1 AND h.kind = 'worker' AND r.state = 'open' \
             AND r.expires_at > $2 ORDER BY r.created_at",
        )
        .bind(worker.to_string())
        .bind(now)
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|r| {
                Ok(WorkerHelpRequest {
                    request: r.request.try_into()?,
                    pseudonym: r.pseudonym,
                    helper_id: parse_id(&r.helper_id, "helper id")?,
                    share: r.share,
                    approved: r.approved > 0,
                })
            })
            .collect()
    }

    async fn approve_help_request(
        &self,
        id: HelpRequestId,
        helper: HelperId,
        share: &[u8],
        now: UnixSeconds,
    ) -> StorageResult<bool> {
        let done = sqlx::query(
            "INSERT INTO help_approvals (request_id, helper_id, share, created_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (request_id, helper_id) DO NOTHING",
        )
        .bind(id.to_string())
        .bind(helper.to_string())
        .bind(share)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn help_approvals(&self, id: HelpRequestId) -> StorageResult<Vec<(HelperId, Vec<u8>)>> {
        let rows: Vec<(String, Vec<u8>)> = sqlx::query_as(
            "SELECT p.helper_id, p.share FROM help_approvals p \
             JOIN helpers h ON h.id = p.helper_id \
             JOIN help_requests r ON r.id = p.request_id AND r.account_id = h.account_id \
             JOIN workers w ON w.account_id = h.worker_id AND w.state = 'verified' \
             WHERE p.request_id = $1 ORDER BY h.position",
        )
        .bind(id.to_string())
        .fetch_all(&self.pool)
        .await?;
        rows.into_iter()
            .map(|(h, s)| Ok((parse_id(&h, "helper id")?, s)))
            .collect()
    }

    async fn delete_expired_help_requests(&self, before: UnixSeconds) -> StorageResult<u64> {
        sqlx::query(
            "DELETE FROM help_approvals WHERE request_id IN \
             (SELECT id FROM help_requests WHERE expires_at <= $1)",
        )
        .bind(before)
        .execute(&self.pool)
        .await?;
        let done = sqlx::query("DELETE FROM help_requests WHERE expires_at <= $1")
            .bind(before)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }
}
