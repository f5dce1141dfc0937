//! The sharing part of [`super::SqliteStorage`]: organisations, workers, invitations, shares,
//! links and receipts. Every write that spans several rows runs in one `BEGIN IMMEDIATE`
//! transaction, so concurrent writers wait for each other instead of failing.

use std::collections::HashMap;

use sqlx::Row;
use sqlx::sqlite::{SqlitePool, SqliteRow};

use super::sqlite::{i64_of, id_of, insert_account, u32_of, u64_of};
use super::*;

// Queries built with `format!` only join constant fragments of this file (the `*_SELECT`
// constants); every value is bound.

/// Starts a write transaction that takes the write lock at once.
async fn begin(pool: &SqlitePool) -> StorageResult<sqlx::Transaction<'static, sqlx::Sqlite>> {
    Ok(pool.begin_with("BEGIN IMMEDIATE").await?)
}

fn code_of(row: &SqliteRow) -> StorageResult<WorkerCode> {
    let value = u64_of(row, "code")?;
    WorkerCode::from_value(value).ok_or_else(|| StorageError::Corrupt("worker code".into()))
}

fn organisation_of(row: &SqliteRow) -> StorageResult<Organisation> {
    Ok(Organisation {
        id: id_of(row, "id")?,
        name: row.try_get("name")?,
        created_at: row.try_get("created_at")?,
    })
}

/// The columns [`worker_of`] reads, joined from workers, accounts and organisations.
const WORKER_SELECT: &str = "SELECT w.account_id, w.real_name, w.state, w.code, w.joined_day, \
     a.recipient, o.id AS organisation_id, o.name AS organisation_name, \
     o.created_at AS organisation_created_at \
     FROM workers w JOIN accounts a ON a.id = w.account_id \
     JOIN organisations o ON o.id = w.organisation_id";

fn worker_of(row: &SqliteRow) -> StorageResult<WorkerRecord> {
    Ok(WorkerRecord {
        account_id: id_of(row, "account_id")?,
        real_name: row.try_get("real_name")?,
        organisation: Organisation {
            id: id_of(row, "organisation_id")?,
            name: row.try_get("organisation_name")?,
            created_at: row.try_get("organisation_created_at")?,
        },
        state: WorkerState::parse(&row.try_get::<String, _>("state")?)?,
        code: code_of(row)?,
        joined_day: row.try_get("joined_day")?,
        recipient: row.try_get("recipient")?,
    })
}

/// The columns [`share_of`] reads: a share and its owner's pseudonym.
const SHARE_SELECT: &str = "SELECT s.*, a.pseudonym AS owner_pseudonym \
     FROM shares s JOIN accounts a ON a.id = s.owner_id";

fn optional_id<T: std::str::FromStr>(row: &SqliteRow, col: &str) -> StorageResult<Option<T>> {
    let text: Option<String> = row.try_get(col)?;
    text.map(|t| {
        t.parse()
            .map_err(|_| StorageError::Corrupt(format!("{col} is not an id")))
    })
    .transpose()
}

fn share_of(row: &SqliteRow) -> StorageResult<Share> {
    Ok(Share {
        id: id_of(row, "id")?,
        owner: id_of(row, "owner_id")?,
        owner_pseudonym: row.try_get("owner_pseudonym")?,
        kind: ShareKind::parse(&row.try_get::<String, _>("kind")?)?,
        worker_id: optional_id(row, "worker_id")?,
        created_at: row.try_get("created_at")?,
        expires_at: row.try_get("expires_at")?,
        revoked_at: row.try_get("revoked_at")?,
        locked_at: row.try_get("locked_at")?,
        pin_hmac: row.try_get("pin_hmac")?,
        pin_failures: u32_of(row, "pin_failures")?,
        access_hmac: row.try_get("access_hmac")?,
        note: row.try_get("note")?,
    })
}

fn shared_document_of(row: &SqliteRow) -> StorageResult<SharedDocument> {
    Ok(SharedDocument {
        id: id_of(row, "id")?,
        size: u64_of(row, "size")?,
        metadata: row.try_get("metadata")?,
        envelope: row.try_get("envelope")?,
    })
}

fn receipt_of(row: &SqliteRow) -> StorageResult<Receipt> {
    Ok(Receipt {
        document_id: id_of(row, "document_id")?,
        at: row.try_get("at")?,
        action: ReceiptAction::parse(&row.try_get::<String, _>("action")?)?,
        by: ReceiptBy::parse(&row.try_get::<String, _>("by")?)?,
    })
}

fn i64_code(code: WorkerCode) -> StorageResult<i64> {
    i64_of(code.value())
}

pub(super) async fn role(pool: &SqlitePool, id: AccountId) -> StorageResult<Option<Role>> {
    let row = sqlx::query(
        "SELECT a.kind, w.state FROM accounts a LEFT JOIN workers w ON w.account_id = a.id \
         WHERE a.id = ?",
    )
    .bind(id.to_string())
    .fetch_optional(pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let kind = AccountKind::parse(&row.try_get::<String, _>("kind")?)?;
    let state: Option<String> = row.try_get("state")?;
    match (kind, state) {
        (AccountKind::Holder, _) => Ok(Some(Role::Holder)),
        (AccountKind::Worker, Some(state)) => Ok(Some(Role::Worker(WorkerState::parse(&state)?))),
        (AccountKind::Worker, None) => Err(StorageError::Corrupt(
            "a worker account without worker details".into(),
        )),
    }
}

pub(super) async fn delete_sessions(pool: &SqlitePool, id: AccountId) -> StorageResult<u64> {
    let done = sqlx::query("DELETE FROM sessions WHERE account_id = ?")
        .bind(id.to_string())
        .execute(pool)
        .await?;
    Ok(done.rows_affected())
}

pub(super) async fn create_organisation(pool: &SqlitePool, o: &Organisation) -> StorageResult<()> {
    sqlx::query("INSERT INTO organisations (id, name, created_at) VALUES (?, ?, ?)")
        .bind(o.id.to_string())
        .bind(&o.name)
        .bind(o.created_at)
        .execute(pool)
        .await?;
    Ok(())
}

pub(super) async fn organisation(
    pool: &SqlitePool,
    id: OrganisationId,
) -> StorageResult<Option<Organisation>> {
    sqlx::query("SELECT * FROM organisations WHERE id = ?")
        .bind(id.to_string())
        .fetch_optional(pool)
        .await?
        .as_ref()
        .map(organisation_of)
        .transpose()
}

pub(super) async fn organisation_by_name(
    pool: &SqlitePool,
    name: &str,
) -> StorageResult<Option<Organisation>> {
    sqlx::query("SELECT * FROM organisations WHERE name = ?")
        .bind(name)
        .fetch_optional(pool)
        .await?
        .as_ref()
        .map(organisation_of)
        .transpose()
}

pub(super) async fn organisations(pool: &SqlitePool) -> StorageResult<Vec<OrganisationSummary>> {
    sqlx::query(
        "SELECT o.*, \
         (SELECT COUNT(*) FROM workers w WHERE w.organisation_id = o.id \
            AND w.state = 'unverified') AS unverified, \
         (SELECT COUNT(*) FROM workers w WHERE w.organisation_id = o.id \
            AND w.state = 'verified') AS verified, \
         (SELECT COUNT(*) FROM workers w WHERE w.organisation_id = o.id \
            AND w.state = 'suspended') AS suspended \
         FROM organisations o ORDER BY o.name, o.id",
    )
    .fetch_all(pool)
    .await?
    .iter()
    .map(|row| {
        Ok(OrganisationSummary {
            organisation: organisation_of(row)?,
            unverified: u64_of(row, "unverified")?,
            verified: u64_of(row, "verified")?,
            suspended: u64_of(row, "suspended")?,
        })
    })
    .collect()
}

pub(super) async fn create_invitation(pool: &SqlitePool, i: &Invitation) -> StorageResult<()> {
    sqlx::query(
        "INSERT INTO invitations (token_hash, organisation_id, created_at, expires_at) \
         VALUES (?, ?, ?, ?)",
    )
    .bind(&i.token_hash)
    .bind(i.organisation_id.to_string())
    .bind(i.created_at)
    .bind(i.expires_at)
    .execute(pool)
    .await?;
    Ok(())
}

pub(super) async fn valid_invitation(
    pool: &SqlitePool,
    token_hash: &str,
    now: UnixSeconds,
) -> StorageResult<Option<ValidInvitation>> {
    let row = sqlx::query(
        "SELECT o.*, i.expires_at AS invitation_expires_at FROM invitations i \
         JOIN organisations o ON o.id = i.organisation_id \
         WHERE i.token_hash = ? AND i.used_at IS NULL AND i.expires_at > ?",
    )
    .bind(token_hash)
    .bind(now)
    .fetch_optional(pool)
    .await?;
    row.map(|row| {
        Ok(ValidInvitation {
            organisation: organisation_of(&row)?,
            expires_at: row.try_get("invitation_expires_at")?,
        })
    })
    .transpose()
}

pub(super) async fn join_worker(
    pool: &SqlitePool,
    token_hash: &str,
    now: UnixSeconds,
    account: &Account,
    worker: &NewWorker,
) -> StorageResult<JoinOutcome> {
    let mut tx = begin(pool).await?;
    let used = sqlx::query(
        "UPDATE invitations SET used_at = ? \
         WHERE token_hash = ? AND used_at IS NULL AND expires_at > ? \
         RETURNING organisation_id",
    )
    .bind(now)
    .bind(token_hash)
    .bind(now)
    .fetch_optional(&mut *tx)
    .await?;
    let Some(used) = used else {
        return Ok(JoinOutcome::InvitationInvalid);
    };
    let organisation_id: String = used.try_get("organisation_id")?;
    match insert_account(&mut *tx, account).await {
        Ok(()) => {}
        Err(StorageError::Conflict) => return Ok(JoinOutcome::PseudonymTaken),
        Err(e) => return Err(e),
    }
    let inserted = sqlx::query(
        "INSERT INTO workers (account_id, real_name, organisation_id, state, code, joined_day) \
         VALUES (?, ?, ?, 'unverified', ?, ?)",
    )
    .bind(account.id.to_string())
    .bind(&worker.real_name)
    .bind(&organisation_id)
    .bind(i64_code(worker.code)?)
    .bind(worker.joined_day)
    .execute(&mut *tx)
    .await;
    match inserted {
        Ok(_) => {}
        Err(e) => match StorageError::from(e) {
            StorageError::Conflict => return Ok(JoinOutcome::CodeTaken),
            other => return Err(other),
        },
    }
    let record = sqlx::query(sqlx::AssertSqlSafe(format!(
        "{WORKER_SELECT} WHERE w.account_id = ?"
    )))
    .bind(account.id.to_string())
    .fetch_one(&mut *tx)
    .await?;
    let record = worker_of(&record)?;
    tx.commit().await?;
    Ok(JoinOutcome::Joined(record))
}

pub(super) async fn worker(
    pool: &SqlitePool,
    id: AccountId,
) -> StorageResult<Option<WorkerRecord>> {
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "{WORKER_SELECT} WHERE w.account_id = ?"
    )))
    .bind(id.to_string())
    .fetch_optional(pool)
    .await?
    .as_ref()
    .map(worker_of)
    .transpose()
}

pub(super) async fn worker_by_code(
    pool: &SqlitePool,
    code: WorkerCode,
) -> StorageResult<Option<WorkerRecord>> {
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "{WORKER_SELECT} WHERE w.code = ?"
    )))
    .bind(i64_code(code)?)
    .fetch_optional(pool)
    .await?
    .as_ref()
    .map(worker_of)
    .transpose()
}

pub(super) async fn workers(
    pool: &SqlitePool,
    organisation: Option<OrganisationId>,
) -> StorageResult<Vec<WorkerRecord>> {
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "{WORKER_SELECT} WHERE ?1 IS NULL OR w.organisation_id = ?1 \
         ORDER BY o.name, w.real_name, w.code"
    )))
    .bind(organisation.map(|o| o.to_string()))
    .fetch_all(pool)
    .await?
    .iter()
    .map(worker_of)
    .collect()
}

pub(super) async fn set_worker_state(
    pool: &SqlitePool,
    code: WorkerCode,
    state: WorkerState,
) -> StorageResult<Option<WorkerRecord>> {
    sqlx::query("UPDATE workers SET state = ? WHERE code = ?")
        .bind(state.as_str())
        .bind(i64_code(code)?)
        .execute(pool)
        .await?;
    worker_by_code(pool, code).await
}

pub(super) async fn create_share(
    pool: &SqlitePool,
    share: &NewShare,
) -> StorageResult<CreateShareOutcome> {
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
    let mut tx = begin(pool).await?;
    // A worker share is inserted only for a worker who exists and is not suspended.
    let inserted = sqlx::query(
        "INSERT INTO shares (id, owner_id, kind, worker_id, created_at, expires_at, pin_hmac, \
         access_hmac, note) \
         SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9 \
         WHERE ?4 IS NULL OR EXISTS \
            (SELECT 1 FROM workers WHERE account_id = ?4 AND state <> 'suspended')",
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
    .execute(&mut *tx)
    .await?;
    if inserted.rows_affected() != 1 {
        return Ok(CreateShareOutcome::WorkerNotFound);
    }
    for (position, (document, envelope)) in share.documents.iter().enumerate() {
        let listed = sqlx::query(
            "INSERT INTO share_documents (share_id, document_id, position) \
             SELECT ?, id, ? FROM documents \
             WHERE id = ? AND account_id = ? AND state = 'complete'",
        )
        .bind(share.id.to_string())
        .bind(i64_of(position as u64)?)
        .bind(document.to_string())
        .bind(share.owner.to_string())
        .execute(&mut *tx)
        .await?;
        if listed.rows_affected() != 1 {
            return Ok(CreateShareOutcome::DocumentNotFound);
        }
        sqlx::query(
            "INSERT INTO share_envelopes (share_id, document_id, envelope) VALUES (?, ?, ?)",
        )
        .bind(share.id.to_string())
        .bind(document.to_string())
        .bind(envelope)
        .execute(&mut *tx)
        .await?;
    }
    tx.commit().await?;
    Ok(CreateShareOutcome::Created)
}

pub(super) async fn share(pool: &SqlitePool, id: ShareId) -> StorageResult<Option<Share>> {
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "{SHARE_SELECT} WHERE s.id = ?"
    )))
    .bind(id.to_string())
    .fetch_optional(pool)
    .await?
    .as_ref()
    .map(share_of)
    .transpose()
}

pub(super) async fn holder_shares(
    pool: &SqlitePool,
    owner: AccountId,
) -> StorageResult<Vec<HolderShare>> {
    let shares: Vec<Share> = sqlx::query(sqlx::AssertSqlSafe(format!(
        "{SHARE_SELECT} WHERE s.owner_id = ? ORDER BY s.created_at DESC, s.rowid DESC"
    )))
    .bind(owner.to_string())
    .fetch_all(pool)
    .await?
    .iter()
    .map(share_of)
    .collect::<StorageResult<_>>()?;

    let mut documents: HashMap<ShareId, Vec<DocumentId>> = HashMap::new();
    for row in sqlx::query(
        "SELECT d.share_id, d.document_id FROM share_documents d \
         JOIN shares s ON s.id = d.share_id WHERE s.owner_id = ? \
         ORDER BY d.share_id, d.position",
    )
    .bind(owner.to_string())
    .fetch_all(pool)
    .await?
    {
        documents
            .entry(id_of(&row, "share_id")?)
            .or_default()
            .push(id_of(&row, "document_id")?);
    }

    let mut receipts: HashMap<ShareId, Vec<Receipt>> = HashMap::new();
    for row in sqlx::query(
        "SELECT r.* FROM receipts r JOIN shares s ON s.id = r.share_id \
         WHERE s.owner_id = ? ORDER BY r.at, r.id",
    )
    .bind(owner.to_string())
    .fetch_all(pool)
    .await?
    {
        receipts
            .entry(id_of(&row, "share_id")?)
            .or_default()
            .push(receipt_of(&row)?);
    }

    let mut workers: HashMap<AccountId, WorkerRecord> = HashMap::new();
    let mut out = Vec::with_capacity(shares.len());
    for share in shares {
        let worker = match share.worker_id {
            Some(id) => {
                if let std::collections::hash_map::Entry::Vacant(slot) = workers.entry(id) {
                    let record = worker(pool, id).await?.ok_or_else(|| {
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

pub(super) async fn worker_shares(
    pool: &SqlitePool,
    worker: AccountId,
    now: UnixSeconds,
) -> StorageResult<Vec<Share>> {
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "{SHARE_SELECT} WHERE s.worker_id = ? AND s.kind = 'worker' AND s.expires_at > ? \
         AND s.revoked_at IS NULL AND s.locked_at IS NULL \
         ORDER BY s.created_at DESC, s.rowid DESC"
    )))
    .bind(worker.to_string())
    .bind(now)
    .fetch_all(pool)
    .await?
    .iter()
    .map(share_of)
    .collect()
}

/// The documents of a share with their envelopes, joined from share_documents (for the order),
/// share_envelopes and documents.
const SHARED_DOCUMENT_SELECT: &str = "SELECT d.id, d.size, d.metadata, e.envelope \
     FROM share_envelopes e \
     JOIN share_documents l ON l.share_id = e.share_id AND l.document_id = e.document_id \
     JOIN documents d ON d.id = e.document_id";

pub(super) async fn shared_documents(
    pool: &SqlitePool,
    share: ShareId,
) -> StorageResult<Vec<SharedDocument>> {
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "{SHARED_DOCUMENT_SELECT} WHERE e.share_id = ? AND d.state = 'complete' \
         ORDER BY l.position"
    )))
    .bind(share.to_string())
    .fetch_all(pool)
    .await?
    .iter()
    .map(shared_document_of)
    .collect()
}

pub(super) async fn shared_document(
    pool: &SqlitePool,
    share: ShareId,
    document: DocumentId,
) -> StorageResult<Option<SharedDocument>> {
    sqlx::query(sqlx::AssertSqlSafe(format!(
        "{SHARED_DOCUMENT_SELECT} WHERE e.share_id = ? AND e.document_id = ? \
         AND d.state = 'complete'"
    )))
    .bind(share.to_string())
    .bind(document.to_string())
    .fetch_optional(pool)
    .await?
    .as_ref()
    .map(shared_document_of)
    .transpose()
}

pub(super) async fn record_receipt(
    pool: &SqlitePool,
    share: ShareId,
    document: DocumentId,
    now: UnixSeconds,
    action: ReceiptAction,
    by: ReceiptBy,
) -> StorageResult<bool> {
    // One statement: the checks and the insert cannot interleave with a revocation or lock.
    let done = sqlx::query(
        "INSERT INTO receipts (share_id, document_id, at, action, by) \
         SELECT ?1, ?2, ?3, ?4, ?5 WHERE EXISTS ( \
            SELECT 1 FROM share_envelopes e JOIN shares s ON s.id = e.share_id \
            WHERE e.share_id = ?1 AND e.document_id = ?2 AND s.expires_at > ?3 \
            AND s.revoked_at IS NULL AND s.locked_at IS NULL)",
    )
    .bind(share.to_string())
    .bind(document.to_string())
    .bind(now)
    .bind(action.as_str())
    .bind(by.as_str())
    .execute(pool)
    .await?;
    Ok(done.rows_affected() == 1)
}

pub(super) async fn revoke_share(
    pool: &SqlitePool,
    owner: AccountId,
    id: ShareId,
    now: UnixSeconds,
) -> StorageResult<bool> {
    let mut tx = begin(pool).await?;
    let done = sqlx::query(
        "UPDATE shares SET note = NULL, revoked_at = CASE \
            WHEN revoked_at IS NULL AND locked_at IS NULL AND expires_at > ?1 THEN ?1 \
            ELSE revoked_at END \
         WHERE id = ?2 AND owner_id = ?3",
    )
    .bind(now)
    .bind(id.to_string())
    .bind(owner.to_string())
    .execute(&mut *tx)
    .await?;
    if done.rows_affected() != 1 {
        return Ok(false);
    }
    sqlx::query("DELETE FROM share_envelopes WHERE share_id = ?")
        .bind(id.to_string())
        .execute(&mut *tx)
        .await?;
    tx.commit().await?;
    Ok(true)
}

pub(super) async fn count_link_request(
    pool: &SqlitePool,
    id: ShareId,
    now: UnixSeconds,
    window_secs: i64,
) -> StorageResult<LinkRate> {
    // SET expressions read the row as it was before the update.
    let row = sqlx::query(
        "UPDATE shares SET \
            rate_count = CASE WHEN rate_window_start + ?1 <= ?2 THEN 1 ELSE rate_count + 1 END, \
            rate_window_start = CASE WHEN rate_window_start + ?1 <= ?2 THEN ?2 \
                ELSE rate_window_start END \
         WHERE id = ?3 RETURNING rate_count, rate_window_start",
    )
    .bind(window_secs)
    .bind(now)
    .bind(id.to_string())
    .fetch_optional(pool)
    .await?
    .ok_or_else(|| StorageError::Corrupt("counting requests of a missing link".into()))?;
    Ok(LinkRate {
        count: u32_of(&row, "rate_count")?,
        window_start: row.try_get("rate_window_start")?,
    })
}

pub(super) async fn take_pin_try(
    pool: &SqlitePool,
    id: ShareId,
    max_failures: u32,
) -> StorageResult<Option<u32>> {
    let row = sqlx::query(
        "UPDATE shares SET pin_pending = pin_pending + 1 \
         WHERE id = ? AND kind = 'link' AND locked_at IS NULL \
         AND pin_failures + pin_pending < ? \
         RETURNING pin_failures + pin_pending AS taken",
    )
    .bind(id.to_string())
    .bind(i64::from(max_failures))
    .fetch_optional(pool)
    .await?;
    row.map(|row| u32_of(&row, "taken")).transpose()
}

pub(super) async fn give_back_pin_try(pool: &SqlitePool, id: ShareId) -> StorageResult<()> {
    sqlx::query("UPDATE shares SET pin_pending = pin_pending - 1 WHERE id = ? AND pin_pending > 0")
        .bind(id.to_string())
        .execute(pool)
        .await?;
    Ok(())
}

pub(super) async fn count_wrong_pin(
    pool: &SqlitePool,
    id: ShareId,
    now: UnixSeconds,
    max_failures: u32,
) -> StorageResult<u32> {
    let mut tx = begin(pool).await?;
    // One statement turns the taken try into a failure and locks at the limit (the right-hand
    // sides read the row as it was before the update).
    let row = sqlx::query(
        "UPDATE shares SET pin_pending = pin_pending - 1, pin_failures = pin_failures + 1, \
         locked_at = CASE WHEN pin_failures + 1 >= ?1 THEN coalesce(locked_at, ?2) \
           ELSE locked_at END, \
         note = CASE WHEN pin_failures + 1 >= ?1 THEN NULL ELSE note END \
         WHERE id = ?3 AND pin_pending > 0 \
         RETURNING pin_failures",
    )
    .bind(i64::from(max_failures))
    .bind(now)
    .bind(id.to_string())
    .fetch_optional(&mut *tx)
    .await?
    .ok_or_else(|| StorageError::Corrupt("a wrong PIN without a taken try".into()))?;
    let failures = u32_of(&row, "pin_failures")?;
    if failures >= max_failures {
        sqlx::query("DELETE FROM share_envelopes WHERE share_id = ?")
            .bind(id.to_string())
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(failures)
}

pub(super) async fn purge_expired_shares(
    pool: &SqlitePool,
    now: UnixSeconds,
) -> StorageResult<PurgedShares> {
    let mut tx = begin(pool).await?;
    let envelopes = sqlx::query(
        "DELETE FROM share_envelopes WHERE share_id IN \
         (SELECT id FROM shares WHERE expires_at <= ?)",
    )
    .bind(now)
    .execute(&mut *tx)
    .await?
    .rows_affected();
    let notes =
        sqlx::query("UPDATE shares SET note = NULL WHERE expires_at <= ? AND note IS NOT NULL")
            .bind(now)
            .execute(&mut *tx)
            .await?
            .rows_affected();
    tx.commit().await?;
    Ok(PurgedShares { envelopes, notes })
}
