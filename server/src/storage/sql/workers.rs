//! [`WorkerStore`] on SQL.

use async_trait::async_trait;

use super::accounts::insert_account;
use super::rows::{
    OrganisationRow, OrganisationSummaryRow, ValidInvitationRow, WORKER_SELECT, WorkerRow, all,
    maybe,
};
use super::{SqlStorage, to_i64};
use crate::clock::UnixSeconds;
use crate::ids::{AccountId, OrganisationId};
use crate::storage::*;
use crate::worker_code::WorkerCode;

// Queries built with `format!` only join constant fragments (`WORKER_SELECT`); every value is
// bound.

fn code_value(code: WorkerCode) -> StorageResult<i64> {
    to_i64(code.value())
}

#[async_trait]
impl WorkerStore for SqlStorage {
    async fn create_organisation(&self, o: &Organisation) -> StorageResult<()> {
        sqlx::query("INSERT INTO organisations (id, name, created_at) VALUES ($1, $2, $3)")
            .bind(o.id.to_string())
            .bind(&o.name)
            .bind(o.created_at)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn organisation(&self, id: OrganisationId) -> StorageResult<Option<Organisation>> {
        let row: Option<OrganisationRow> =
            sqlx::query_as("SELECT * FROM organisations WHERE id = $1")
                .bind(id.to_string())
                .fetch_optional(&self.pool)
                .await?;
        maybe(row)
    }

    async fn organisation_by_name(&self, name: &str) -> StorageResult<Option<Organisation>> {
        let row: Option<OrganisationRow> =
            sqlx::query_as("SELECT * FROM organisations WHERE name = $1")
                .bind(name)
                .fetch_optional(&self.pool)
                .await?;
        maybe(row)
    }

    async fn organisations(&self) -> StorageResult<Vec<OrganisationSummary>> {
        let rows: Vec<OrganisationSummaryRow> = sqlx::query_as(
            "SELECT o.id, o.name, o.created_at, \
             (SELECT CAST(COUNT(*) AS BIGINT) FROM workers w WHERE w.organisation_id = o.id \
                AND w.state = 'unverified') AS unverified, \
             (SELECT CAST(COUNT(*) AS BIGINT) FROM workers w WHERE w.organisation_id = o.id \
                AND w.state = 'verified') AS verified, \
             (SELECT CAST(COUNT(*) AS BIGINT) FROM workers w WHERE w.organisation_id = o.id \
                AND w.state = 'suspended') AS suspended \
             FROM organisations o ORDER BY o.name, o.id",
        )
        .fetch_all(&self.pool)
        .await?;
        all(rows)
    }

    async fn create_invitation(&self, i: &Invitation) -> StorageResult<()> {
        sqlx::query(
            "INSERT INTO invitations (token_hash, organisation_id, created_at, expires_at) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(&i.token_hash)
        .bind(i.organisation_id.to_string())
        .bind(i.created_at)
        .bind(i.expires_at)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    async fn valid_invitation(
        &self,
        token_hash: &str,
        now: UnixSeconds,
    ) -> StorageResult<Option<ValidInvitation>> {
        let row: Option<ValidInvitationRow> = sqlx::query_as(
            "SELECT o.id, o.name, o.created_at, i.expires_at AS invitation_expires_at \
             FROM invitations i JOIN organisations o ON o.id = i.organisation_id \
             WHERE i.token_hash = $1 AND i.used_at IS NULL AND i.expires_at > $2",
        )
        .bind(token_hash)
        .bind(now)
        .fetch_optional(&self.pool)
        .await?;
        maybe(row)
    }

    async fn join_worker(
        &self,
        token_hash: &str,
        now: UnixSeconds,
        account: &Account,
        worker: &NewWorker,
    ) -> StorageResult<JoinOutcome> {
        let mut tx = self.begin_write().await?;
        // A conditional update: of concurrent joins with one invitation, exactly one finds it
        // unused (PostgreSQL re-checks the condition once the first one's lock is released).
        let used: Option<(String,)> = sqlx::query_as(
            "UPDATE invitations SET used_at = $1 \
             WHERE token_hash = $2 AND used_at IS NULL AND expires_at > $1 \
             RETURNING organisation_id",
        )
        .bind(now)
        .bind(token_hash)
        .fetch_optional(&mut *tx)
        .await?;
        let Some((organisation_id,)) = used else {
            return Ok(JoinOutcome::InvitationInvalid);
        };
        match insert_account(&mut *tx, account).await {
            Ok(()) => {}
            Err(StorageError::Conflict) => return Ok(JoinOutcome::PseudonymTaken),
            Err(e) => return Err(e),
        }
        let inserted = sqlx::query(
            "INSERT INTO workers (account_id, real_name, organisation_id, state, code, \
             joined_day) VALUES ($1, $2, $3, 'unverified', $4, $5)",
        )
        .bind(account.id.to_string())
        .bind(&worker.real_name)
        .bind(&organisation_id)
        .bind(code_value(worker.code)?)
        .bind(worker.joined_day)
        .execute(&mut *tx)
        .await;
        if let Err(e) = inserted {
            return match StorageError::from(e) {
                StorageError::Conflict => Ok(JoinOutcome::CodeTaken),
                other => Err(other),
            };
        }
        let record: WorkerRow = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{WORKER_SELECT} WHERE w.account_id = $1"
        )))
        .bind(account.id.to_string())
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(JoinOutcome::Joined(record.try_into()?))
    }

    async fn worker(&self, id: AccountId) -> StorageResult<Option<WorkerRecord>> {
        let row: Option<WorkerRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{WORKER_SELECT} WHERE w.account_id = $1"
        )))
        .bind(id.to_string())
        .fetch_optional(&self.pool)
        .await?;
        maybe(row)
    }

    async fn worker_by_code(&self, code: WorkerCode) -> StorageResult<Option<WorkerRecord>> {
        let row: Option<WorkerRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{WORKER_SELECT} WHERE w.code = $1"
        )))
        .bind(code_value(code)?)
        .fetch_optional(&self.pool)
        .await?;
        maybe(row)
    }

    async fn workers(
        &self,
        organisation: Option<OrganisationId>,
    ) -> StorageResult<Vec<WorkerRecord>> {
        let rows: Vec<WorkerRow> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
            "{WORKER_SELECT} WHERE CAST($1 AS TEXT) IS NULL OR w.organisation_id = $1 \
             ORDER BY o.name, w.real_name, w.code"
        )))
        .bind(organisation.map(|o| o.to_string()))
        .fetch_all(&self.pool)
        .await?;
        all(rows)
    }

    async fn set_worker_code(&self, id: AccountId, code: WorkerCode) -> StorageResult<()> {
        sqlx::query("UPDATE workers SET code = $1 WHERE account_id = $2")
            .bind(code_value(code)?)
            .bind(id.to_string())
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn set_worker_state(
        &self,
        code: WorkerCode,
        state: WorkerState,
    ) -> StorageResult<Option<WorkerRecord>> {
        sqlx::query("UPDATE workers SET state = $1 WHERE code = $2")
            .bind(state.as_str())
            .bind(code_value(code)?)
            .execute(&self.pool)
            .await?;
        self.worker_by_code(code).await
    }
}
