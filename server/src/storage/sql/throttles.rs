//! [`ThrottleStore`] on SQL. Each check-and-count is one conditional upsert, which holds
//! with concurrent writers on both databases: PostgreSQL locks the conflicting row and
//! evaluates the `WHERE` on its latest version.

use async_trait::async_trait;

use super::{SqlStorage, to_u32};
use crate::clock::UnixSeconds;
use crate::storage::*;

#[async_trait]
impl ThrottleStore for SqlStorage {
    async fn login_failures(&self, key: &str) -> StorageResult<Option<LoginFailures>> {
        let row: Option<(i64, i64)> =
            sqlx::query_as("SELECT failures, last_failure_at FROM login_attempts WHERE key = $1")
                .bind(key)
                .fetch_optional(&self.pool)
                .await?;
        row.map(|(failures, last_failure_at)| {
            Ok(LoginFailures {
                failures: to_u32(failures, "failures")?,
                last_failure_at,
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
        // The wait is checked and the try counted in the same statement (the CASE is
        // `LoginDelays::after` of the stored count; the shift's right side must be INTEGER).
        let row: Option<(i64,)> = sqlx::query_as(
            "INSERT INTO login_attempts (key, failures, last_failure_at) VALUES ($1, 1, $2) \
             ON CONFLICT (key) DO UPDATE SET failures = login_attempts.failures + 1, \
             last_failure_at = excluded.last_failure_at \
             WHERE login_attempts.last_failure_at + CASE \
               WHEN login_attempts.failures < $3 THEN CAST(0 AS BIGINT) \
               WHEN login_attempts.failures - $3 >= $4 THEN $5 \
               ELSE CAST(1 AS BIGINT) << CAST(login_attempts.failures - $3 AS INTEGER) END \
               <= excluded.last_failure_at \
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
        sqlx::query("DELETE FROM login_attempts WHERE key = $1")
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
        let counted: Option<(i64,)> = sqlx::query_as(
            "INSERT INTO signup_counts (key, window_start, count) VALUES ($1, $2, 1) \
             ON CONFLICT (key) DO UPDATE SET \
             count = CASE WHEN signup_counts.window_start + $3 <= $2 THEN 1 \
               ELSE signup_counts.count + 1 END, \
             window_start = CASE WHEN signup_counts.window_start + $3 <= $2 THEN $2 \
               ELSE signup_counts.window_start END \
             WHERE signup_counts.window_start + $3 <= $2 OR signup_counts.count < $4 \
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
        let start: Option<(i64,)> =
            sqlx::query_as("SELECT window_start FROM signup_counts WHERE key = $1")
                .bind(key)
                .fetch_optional(&self.pool)
                .await?;
        let start = start.map_or(now, |(s,)| s);
        Ok(Some(start.saturating_add(window_secs)))
    }

    async fn forget_signup_counts(&self, now: UnixSeconds, window_secs: i64) -> StorageResult<u64> {
        let done = sqlx::query("DELETE FROM signup_counts WHERE window_start + $1 <= $2")
            .bind(window_secs)
            .bind(now)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }

    async fn forget_login_failures_before(&self, before: UnixSeconds) -> StorageResult<u64> {
        let done = sqlx::query("DELETE FROM login_attempts WHERE last_failure_at < $1")
            .bind(before)
            .execute(&self.pool)
            .await?;
        Ok(done.rows_affected())
    }
}
