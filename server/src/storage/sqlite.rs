//! [`Storage`] on SQLite (the embedded default).

use std::str::FromStr;
use std::time::Duration;

use async_trait::async_trait;
use sqlx::Row;
use sqlx::sqlite::{
    SqliteConnectOptions, SqliteJournalMode, SqlitePool, SqlitePoolOptions, SqliteRow,
    SqliteSynchronous,
};

use super::sqlite_sharing as sharing;
use super::*;

/// SQLite storage. Runs its migrations on connect.
#[derive(Debug, Clone)]
pub struct SqliteStorage {
    pool: SqlitePool,
}

impl From<sqlx::Error> for StorageError {
    fn from(e: sqlx::Error) -> Self {
        match &e {
            sqlx::Error::Database(db) if db.is_unique_violation() => Self::Conflict,
            // SQLITE_FULL: the disk (or the page limit) is full.
            sqlx::Error::Database(db) if db.code().as_deref() == Some("13") => Self::Full,
            sqlx::Error::Io(io)
                if matches!(
                    io.kind(),
                    std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded
                ) =>
            {
                Self::Full
            }
            _ => Self::Backend(Box::new(e)),
        }
    }
}

impl From<sqlx::migrate::MigrateError> for StorageError {
    fn from(e: sqlx::migrate::MigrateError) -> Self {
        Self::Backend(Box::new(e))
    }
}

pub(super) fn id_of<T: FromStr>(row: &SqliteRow, col: &str) -> StorageResult<T> {
    let text: String = row.try_get(col)?;
    text.parse()
        .map_err(|_| StorageError::Corrupt(format!("{col} is not an id")))
}

pub(super) fn u64_of(row: &SqliteRow, col: &str) -> StorageResult<u64> {
    let v: i64 = row.try_get(col)?;
    u64::try_from(v).map_err(|_| StorageError::Corrupt(format!("{col} is negative")))
}

pub(super) fn u32_of(row: &SqliteRow, col: &str) -> StorageResult<u32> {
    let v: i64 = row.try_get(col)?;
    u32::try_from(v).map_err(|_| StorageError::Corrupt(format!("{col} is out of range")))
}

pub(super) fn i64_of(n: u64) -> StorageResult<i64> {
    i64::try_from(n).map_err(|_| StorageError::Corrupt("a size exceeds the database range".into()))
}

fn account_of(row: &SqliteRow) -> StorageResult<Account> {
    Ok(Account {
        id: id_of(row, "id")?,
        kind: AccountKind::parse(&row.try_get::<String, _>("kind")?)?,
        pseudonym: row.try_get("pseudonym")?,
        pseudonym_key: row.try_get("pseudonym_key")?,
        recipient: row.try_get("recipient")?,
        passphrase: PassphraseSlot {
            salt: row.try_get("salt")?,
            kdf: KdfParams {
                m_kib: u32_of(row, "kdf_m_kib")?,
                t: u32_of(row, "kdf_t")?,
                p: u32_of(row, "kdf_p")?,
            },
            auth_hmac: row.try_get("passphrase_auth_hmac")?,
            slot: row.try_get("passphrase_slot")?,
        },
        recovery_auth_hmac: row.try_get("recovery_auth_hmac")?,
        recovery_slot: row.try_get("recovery_slot")?,
        created_day: row.try_get("created_day")?,
        last_seen_day: row.try_get("last_seen_day")?,
    })
}

fn session_of(row: &SqliteRow) -> StorageResult<SessionRecord> {
    Ok(SessionRecord {
        token_hash: row.try_get("token_hash")?,
        account_id: id_of(row, "account_id")?,
        method: AuthMethod::parse(&row.try_get::<String, _>("method")?)?,
        created_at: row.try_get("created_at")?,
        last_seen_at: row.try_get("last_seen_at")?,
    })
}

fn document_of(row: &SqliteRow) -> StorageResult<Document> {
    Ok(Document {
        id: id_of(row, "id")?,
        account_id: id_of(row, "account_id")?,
        size: u64_of(row, "size")?,
        state: DocumentState::parse(&row.try_get::<String, _>("state")?)?,
        created_at: row.try_get("created_at")?,
        metadata: row.try_get("metadata")?,
        envelope: row.try_get("envelope")?,
    })
}

/// Inserts an account row (within a transaction or not).
pub(super) async fn insert_account<'e>(
    e: impl sqlx::SqliteExecutor<'e>,
    a: &Account,
) -> StorageResult<()> {
    sqlx::query(
        "INSERT INTO accounts (id, kind, pseudonym, pseudonym_key, recipient, salt, kdf_m_kib, \
         kdf_t, kdf_p, passphrase_auth_hmac, passphrase_slot, recovery_auth_hmac, \
         recovery_slot, created_day, last_seen_day) \
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
    )
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

impl SqliteStorage {
    /// Opens (creating if missing) the database at `url` and migrates it.
    pub async fn connect(url: &str) -> StorageResult<Self> {
        Self::connect_with(SqliteConnectOptions::from_str(url)?).await
    }

    /// Opens (creating if missing) and migrates the database `options` name, with the settings
    /// every connection needs added to them.
    pub async fn connect_with(options: SqliteConnectOptions) -> StorageResult<Self> {
        let options = options
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(10));
        let pool = SqlitePoolOptions::new()
            .max_connections(4)
            .connect_with(options)
            .await?;
        sqlx::migrate!("./migrations/sqlite").run(&pool).await?;
        Ok(Self { pool })
    }
}

#[async_trait]
impl Storage for SqliteStorage {
    async fn ping(&self) -> StorageResult<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }

    async fn create_account(&self, a: &Account) -> StorageResult<()> {
        insert_account(&self.pool, a).await
    }

    async fn account_by_pseudonym(&self, pseudonym_key: &str) -> StorageResult<Option<Account>> {
        sqlx::query("SELECT * FROM accounts WHERE pseudonym_key = ?")
            .bind(pseudonym_key)
            .fetch_optional(&self.pool)
            .await?
            .as_ref()
            .map(account_of)
            .transpose()
    }

    async fn account(&self, id: AccountId) -> StorageResult<Option<Account>> {
        sqlx::query("SELECT * FROM accounts WHERE id = ?")
            .bind(id.to_string())
            .fetch_optional(&self.pool)
            .await?
            .as_ref()
            .map(account_of)
            .transpose()
    }

    async fn set_passphrase(&self, id: AccountId, slot: &PassphraseSlot) -> StorageResult<()> {
        sqlx::query(
            "UPDATE accounts SET salt = ?, kdf_m_kib = ?, kdf_t = ?, kdf_p = ?, \
             passphrase_auth_hmac = ?, passphrase_slot = ? WHERE id = ?",
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

    async fn set_last_seen_day(&self, id: AccountId, day: UnixSeconds) -> StorageResult<()> {
        sqlx::query("UPDATE accounts SET last_seen_day = ? WHERE id = ?")
            .bind(day)
            .bind(id.to_string())
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn login_failures(&self, key: &str) -> StorageResult<Option<LoginFailures>> {
        let row = sqlx::query("SELECT failures, last_failure_at FROM login_attempts WHERE key = ?")
            .bind(key)
            .fetch_optional(&self.pool)
            .await?;
        row.map(|row| {
            Ok(LoginFailures {
                failures: u32_of(&row, "failures")?,
                last_failure_at: row.try_get("last_failure_at")?,
            })
        })
        .transpose()
    }

    async fn take_login_try(
        &self,
        key: &str,
        now: UnixSeconds,
        delays: LoginDelays,
    ) -> StorageResult<bool> {
        // One conditional upsert: the wait is checked and the try counted in the same
        // statement, so it holds with concurrent writers on any SQL database (the CASE is
        // `LoginDelays::after` of the stored count).
        let row = sqlx::query(
            "INSERT INTO login_attempts (key, failures, last_failure_at) VALUES (?1, 1, ?2) \
             ON CONFLICT (key) DO UPDATE SET failures = login_attempts.failures + 1, \
             last_failure_at = excluded.last_failure_at \
             WHERE login_attempts.last_failure_at + CASE \
               WHEN login_attempts.failures < ?3 THEN 0 \
               WHEN login_attempts.failures - ?3 >= ?4 THEN ?5 \
               ELSE 1 << (login_attempts.failures - ?3) END <= excluded.last_failure_at \
             RETURNING failures",
        )
        .bind(key)
        .bind(now)
        .bind(i64::from(delays.free_failures))
        .bind(i64::from(delays.cap_exponent()))
        .bind(delays.max_delay_secs)
        .fetch_optional(&self.pool)
        .await?;
        Ok(row.is_some())
    }

    async fn clear_login_failures(&self, key: &str) -> StorageResult<()> {
        sqlx::query("DELETE FROM login_attempts WHERE key = ?")
            .bind(key)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn take_signup(
        &self,
        key: &str,
        now: UnixSeconds,
        window_secs: i64,
        limit: u32,
    ) -> StorageResult<Option<UnixSeconds>> {
        // One conditional upsert checks the window and counts the sign-up.
        let counted = sqlx::query(
            "INSERT INTO signup_counts (key, window_start, count) VALUES (?1, ?2, 1) \
             ON CONFLICT (key) DO UPDATE SET \
             count = CASE WHEN signup_counts.window_start + ?3 <= ?2 THEN 1 \
               ELSE signup_counts.count + 1 END, \
             window_start = CASE WHEN signup_counts.window_start + ?3 <= ?2 THEN ?2 \
               ELSE signup_counts.window_start END \
             WHERE signup_counts.window_start + ?3 <= ?2 OR signup_counts.count < ?4 \
             RETURNING count",
        )
        .bind(key)
        .bind(now)
        .bind(window_secs)
        .bind(i64::from(limit))
        .fetch_optional(&self.pool)
        .await?;
        if counted.is_some() {
            return Ok(None);
        }
        let row = sqlx::query("SELECT window_start FROM signup_counts WHERE key = ?")
            .bind(key)
            .fetch_optional(&self.pool)
            .await?;
        let start: UnixSeconds = match row {
            Some(row) => row.try_get("window_start")?,
            None => now,
        };
        Ok(Some(start.saturating_add(window_secs)))
    }

    async fn forget_signup_counts(&self, now: UnixSeconds, window_secs: i64) -> StorageResult<u64> {
        let done = sqlx::query("DELETE FROM signup_counts WHERE window_start + ? <= ?")
            .bind(window_secs)
            .bind(now)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }

    async fn forget_login_failures_before(&self, before: UnixSeconds) -> StorageResult<u64> {
        let done = sqlx::query("DELETE FROM login_attempts WHERE last_failure_at < ?")
            .bind(before)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }

    async fn create_session(&self, s: &SessionRecord) -> StorageResult<()> {
        sqlx::query(
            "INSERT INTO sessions (token_hash, account_id, method, created_at, last_seen_at) \
             VALUES (?, ?, ?, ?, ?)",
        )
        .bind(&s.token_hash)
        .bind(s.account_id.to_string())
        .bind(s.method.as_str())
        .bind(s.created_at)
        .bind(s.last_seen_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn session(&self, token_hash: &str) -> StorageResult<Option<SessionRecord>> {
        sqlx::query("SELECT * FROM sessions WHERE token_hash = ?")
            .bind(token_hash)
            .fetch_optional(&self.pool)
            .await?
            .as_ref()
            .map(session_of)
            .transpose()
    }

    async fn touch_session(&self, token_hash: &str, now: UnixSeconds) -> StorageResult<()> {
        sqlx::query(
            "UPDATE sessions SET last_seen_at = ? WHERE token_hash = ? AND last_seen_at < ?",
        )
        .bind(now)
        .bind(token_hash)
        .bind(now)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn delete_session(&self, token_hash: &str) -> StorageResult<()> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = ?")
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn delete_other_sessions(&self, id: AccountId, keep: &str) -> StorageResult<()> {
        sqlx::query("DELETE FROM sessions WHERE account_id = ? AND token_hash <> ?")
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
        let done = sqlx::query("DELETE FROM sessions WHERE last_seen_at < ? OR created_at < ?")
            .bind(idle_before)
            .bind(created_before)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }

    async fn reserve_document(&self, d: &Document, quota: u64) -> StorageResult<bool> {
        // One statement, so the quota check and the insert cannot interleave with another
        // reservation of the same account.
        let done = sqlx::query(
            "INSERT INTO documents (id, account_id, size, state, created_at, metadata, envelope) \
             SELECT ?, ?, ?, ?, ?, ?, ? \
             WHERE (SELECT COALESCE(SUM(size), 0) FROM documents WHERE account_id = ?) + ? <= ?",
        )
        .bind(d.id.to_string())
        .bind(d.account_id.to_string())
        .bind(i64_of(d.size)?)
        .bind(d.state.as_str())
        .bind(d.created_at)
        .bind(&d.metadata)
        .bind(&d.envelope)
        .bind(d.account_id.to_string())
        .bind(i64_of(d.size)?)
        .bind(i64_of(quota)?)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn used_bytes(&self, id: AccountId) -> StorageResult<u64> {
        let row = sqlx::query(
            "SELECT COALESCE(SUM(size), 0) AS used FROM documents WHERE account_id = ?",
        )
        .bind(id.to_string())
        .fetch_one(&self.pool)
        .await?;
        u64_of(&row, "used")
    }

    async fn document(&self, owner: AccountId, id: DocumentId) -> StorageResult<Option<Document>> {
        sqlx::query("SELECT * FROM documents WHERE id = ? AND account_id = ?")
            .bind(id.to_string())
            .bind(owner.to_string())
            .fetch_optional(&self.pool)
            .await?
            .as_ref()
            .map(document_of)
            .transpose()
    }

    async fn list_documents(&self, owner: AccountId) -> StorageResult<Vec<Document>> {
        sqlx::query(
            "SELECT * FROM documents WHERE account_id = ? AND state = 'complete' \
             ORDER BY created_at, id",
        )
        .bind(owner.to_string())
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(document_of)
        .collect()
    }

    async fn begin_upload(&self, owner: AccountId, id: DocumentId) -> StorageResult<bool> {
        let done = sqlx::query(
            "UPDATE documents SET state = 'uploading' \
             WHERE id = ? AND account_id = ? AND state = 'pending'",
        )
        .bind(id.to_string())
        .bind(owner.to_string())
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn reset_uploads(&self) -> StorageResult<u64> {
        let done = sqlx::query("UPDATE documents SET state = 'pending' WHERE state = 'uploading'")
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }

    async fn release_pin_tries(&self) -> StorageResult<u64> {
        let done = sqlx::query("UPDATE shares SET pin_pending = 0 WHERE pin_pending > 0")
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }

    async fn finish_upload(&self, owner: AccountId, id: DocumentId) -> StorageResult<bool> {
        let done = sqlx::query(
            "UPDATE documents SET state = 'complete' \
             WHERE id = ? AND account_id = ? AND state = 'uploading'",
        )
        .bind(id.to_string())
        .bind(owner.to_string())
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn abort_upload(&self, owner: AccountId, id: DocumentId) -> StorageResult<()> {
        sqlx::query(
            "UPDATE documents SET state = 'pending' \
             WHERE id = ? AND account_id = ? AND state = 'uploading'",
        )
        .bind(id.to_string())
        .bind(owner.to_string())
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn set_metadata(
        &self,
        owner: AccountId,
        id: DocumentId,
        metadata: &[u8],
    ) -> StorageResult<bool> {
        let done = sqlx::query("UPDATE documents SET metadata = ? WHERE id = ? AND account_id = ?")
            .bind(metadata)
            .bind(id.to_string())
            .bind(owner.to_string())
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn delete_document(&self, owner: AccountId, id: DocumentId) -> StorageResult<bool> {
        let done = sqlx::query("DELETE FROM documents WHERE id = ? AND account_id = ?")
            .bind(id.to_string())
            .bind(owner.to_string())
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn stale_documents(&self, cutoff: UnixSeconds) -> StorageResult<Vec<DocumentId>> {
        sqlx::query("SELECT id FROM documents WHERE state <> 'complete' AND created_at <= ?")
            .bind(cutoff)
            .fetch_all(&self.pool)
            .await?
            .iter()
            .map(|row| id_of(row, "id"))
            .collect()
    }

    async fn delete_stale_document(
        &self,
        id: DocumentId,
        cutoff: UnixSeconds,
    ) -> StorageResult<bool> {
        let done = sqlx::query(
            "DELETE FROM documents WHERE id = ? AND state <> 'complete' AND created_at <= ?",
        )
        .bind(id.to_string())
        .bind(cutoff)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }

    async fn role(&self, id: AccountId) -> StorageResult<Option<Role>> {
        sharing::role(&self.pool, id).await
    }

    async fn delete_sessions(&self, id: AccountId) -> StorageResult<u64> {
        sharing::delete_sessions(&self.pool, id).await
    }

    async fn session_count(&self, id: AccountId) -> StorageResult<u64> {
        let row = sqlx::query("SELECT COUNT(*) AS n FROM sessions WHERE account_id = ?")
            .bind(id.to_string())
            .fetch_one(&self.pool)
            .await?;
        u64_of(&row, "n")
    }

    async fn create_organisation(&self, organisation: &Organisation) -> StorageResult<()> {
        sharing::create_organisation(&self.pool, organisation).await
    }

    async fn organisation(&self, id: OrganisationId) -> StorageResult<Option<Organisation>> {
        sharing::organisation(&self.pool, id).await
    }

    async fn organisation_by_name(&self, name: &str) -> StorageResult<Option<Organisation>> {
        sharing::organisation_by_name(&self.pool, name).await
    }

    async fn organisations(&self) -> StorageResult<Vec<OrganisationSummary>> {
        sharing::organisations(&self.pool).await
    }

    async fn create_invitation(&self, invitation: &Invitation) -> StorageResult<()> {
        sharing::create_invitation(&self.pool, invitation).await
    }

    async fn valid_invitation(
        &self,
        token_hash: &str,
        now: UnixSeconds,
    ) -> StorageResult<Option<ValidInvitation>> {
        sharing::valid_invitation(&self.pool, token_hash, now).await
    }

    async fn join_worker(
        &self,
        token_hash: &str,
        now: UnixSeconds,
        account: &Account,
        worker: &NewWorker,
    ) -> StorageResult<JoinOutcome> {
        sharing::join_worker(&self.pool, token_hash, now, account, worker).await
    }

    async fn worker(&self, id: AccountId) -> StorageResult<Option<WorkerRecord>> {
        sharing::worker(&self.pool, id).await
    }

    async fn worker_by_code(&self, code: WorkerCode) -> StorageResult<Option<WorkerRecord>> {
        sharing::worker_by_code(&self.pool, code).await
    }

    async fn workers(
        &self,
        organisation: Option<OrganisationId>,
    ) -> StorageResult<Vec<WorkerRecord>> {
        sharing::workers(&self.pool, organisation).await
    }

    async fn set_worker_state(
        &self,
        code: WorkerCode,
        state: WorkerState,
    ) -> StorageResult<Option<WorkerRecord>> {
        sharing::set_worker_state(&self.pool, code, state).await
    }

    async fn create_share(&self, share: &NewShare) -> StorageResult<CreateShareOutcome> {
        sharing::create_share(&self.pool, share).await
    }

    async fn share(&self, id: ShareId) -> StorageResult<Option<Share>> {
        sharing::share(&self.pool, id).await
    }

    async fn holder_shares(&self, owner: AccountId) -> StorageResult<Vec<HolderShare>> {
        sharing::holder_shares(&self.pool, owner).await
    }

    async fn worker_shares(
        &self,
        worker: AccountId,
        now: UnixSeconds,
    ) -> StorageResult<Vec<Share>> {
        sharing::worker_shares(&self.pool, worker, now).await
    }

    async fn shared_documents(&self, share: ShareId) -> StorageResult<Vec<SharedDocument>> {
        sharing::shared_documents(&self.pool, share).await
    }

    async fn shared_document(
        &self,
        share: ShareId,
        document: DocumentId,
    ) -> StorageResult<Option<SharedDocument>> {
        sharing::shared_document(&self.pool, share, document).await
    }

    async fn record_receipt(
        &self,
        share: ShareId,
        document: DocumentId,
        now: UnixSeconds,
        action: ReceiptAction,
        by: ReceiptBy,
    ) -> StorageResult<bool> {
        sharing::record_receipt(&self.pool, share, document, now, action, by).await
    }

    async fn revoke_share(
        &self,
        owner: AccountId,
        id: ShareId,
        now: UnixSeconds,
    ) -> StorageResult<bool> {
        sharing::revoke_share(&self.pool, owner, id, now).await
    }

    async fn count_link_request(
        &self,
        id: ShareId,
        now: UnixSeconds,
        window_secs: i64,
    ) -> StorageResult<LinkRate> {
        sharing::count_link_request(&self.pool, id, now, window_secs).await
    }

    async fn take_pin_try(&self, id: ShareId, max_failures: u32) -> StorageResult<Option<u32>> {
        sharing::take_pin_try(&self.pool, id, max_failures).await
    }

    async fn give_back_pin_try(&self, id: ShareId) -> StorageResult<()> {
        sharing::give_back_pin_try(&self.pool, id).await
    }

    async fn count_wrong_pin(
        &self,
        id: ShareId,
        now: UnixSeconds,
        max_failures: u32,
    ) -> StorageResult<u32> {
        sharing::count_wrong_pin(&self.pool, id, now, max_failures).await
    }

    async fn purge_expired_shares(&self, now: UnixSeconds) -> StorageResult<PurgedShares> {
        sharing::purge_expired_shares(&self.pool, now).await
    }
}
