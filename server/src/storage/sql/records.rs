//! [`RecordStore`] on SQL.

use async_trait::async_trait;

use super::{SqlStorage, to_i64, to_u64};
use crate::ids::AccountId;
use crate::storage::*;

#[async_trait]
impl RecordStore for SqlStorage {
    async fn wallet_record(
        &self,
        account: AccountId,
        view: View,
    ) -> StorageResult<Option<WalletRecord>> {
        let row: Option<(i64, Vec<u8>)> = sqlx::query_as(
            "SELECT version, record FROM wallet_records WHERE account_id = $1 AND view = $2",
        )
        .bind(account.to_string())
        .bind(view.as_str())
        .fetch_optional(&self.pool)
        .await?;
        row.map(|(version, record)| {
            Ok(WalletRecord {
                version: to_u64(version, "record version")?,
                record,
            })
        })
        .transpose()
    }

    async fn put_wallet_record(
        &self,
        account: AccountId,
        view: View,
        replaces: u64,
        record: &[u8],
    ) -> StorageResult<Option<u64>> {
        // Each a single statement, so two writes that name the same version cannot both
        // succeed: the second inserts nothing (the key exists) or updates nothing (the
        // version moved on).
        let done = if replaces == 0 {
            sqlx::query(
                "INSERT INTO wallet_records (account_id, view, version, record) \
                 VALUES ($1, $2, 1, $3) ON CONFLICT (account_id, view) DO NOTHING",
            )
            .bind(account.to_string())
            .bind(view.as_str())
            .bind(record)
            .execute(&self.pool)
            .await?
        } else {
            sqlx::query(
                "UPDATE wallet_records SET version = version + 1, record = $1 \
                 WHERE account_id = $2 AND view = $3 AND version = $4",
            )
            .bind(record)
            .bind(account.to_string())
            .bind(view.as_str())
            .bind(to_i64(replaces)?)
            .execute(&self.pool)
            .await?
        };
        Ok((done.rows_affected() == 1).then(|| replaces + 1))
    }
}
