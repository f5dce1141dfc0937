//! [`StatsStore`] on SQL: one counting statement per indicator, each a `BIGINT` on both
//! databases. They are read one after the other, not in one snapshot: the numbers are for a
//! dashboard, and a document stored between two of them matters to nobody.

use async_trait::async_trait;

use super::{SqlStorage, to_u64};
use crate::clock::{UnixSeconds, day_of};
use crate::indicators::{Indicators, USED_WITHIN_DAYS};
use crate::storage::*;

const WALLETS: &str = "SELECT CAST(COUNT(*) AS BIGINT) FROM accounts WHERE kind = 'holder'";
const WALLETS_USED: &str =
    "SELECT CAST(COUNT(*) AS BIGINT) FROM accounts WHERE kind = 'holder' AND last_seen_day >= $1";
const DOCUMENTS: &str = "SELECT CAST(COUNT(*) AS BIGINT) FROM documents WHERE state = $1";
const DOCUMENT_BYTES: &str =
    "SELECT CAST(COALESCE(SUM(size), 0) AS BIGINT) FROM documents WHERE state = $1";
const SHARES: &str = "SELECT CAST(COUNT(*) AS BIGINT) FROM shares";
const SHARES_OPENED: &str = "SELECT CAST(COUNT(DISTINCT share_id) AS BIGINT) FROM receipts";
const SHARES_ENDED: &str = "SELECT CAST(COUNT(*) AS BIGINT) FROM shares \
     WHERE revoked_at IS NOT NULL OR locked_at IS NOT NULL OR expires_at <= $1";
const WORKERS_VERIFIED: &str = "SELECT CAST(COUNT(*) AS BIGINT) FROM workers WHERE state = $1";
const ORGANISATIONS: &str = "SELECT CAST(COUNT(*) AS BIGINT) FROM organisations";

impl SqlStorage {
    /// The one number `sql` selects, with `arg` bound to `$1` if given.
    async fn count(&self, what: &str, sql: &'static str, arg: Option<Arg>) -> StorageResult<u64> {
        let query = sqlx::query_as::<_, (i64,)>(sql);
        let query = match arg {
            Some(Arg::Int(v)) => query.bind(v),
            Some(Arg::Text(v)) => query.bind(v),
            None => query,
        };
        let (n,) = query.fetch_one(&self.pool).await?;
        to_u64(n, what)
    }
}

enum Arg {
    Int(i64),
    Text(&'static str),
}

#[async_trait]
impl StatsStore for SqlStorage {
    async fn indicators(&self, now: UnixSeconds) -> StorageResult<Indicators> {
        let first_day = day_of(now) - (USED_WITHIN_DAYS - 1) * 86_400;
        let complete = || Some(Arg::Text(DocumentState::Complete.as_str()));
        Ok(Indicators {
            wallets: self.count("wallets", WALLETS, None).await?,
            wallets_used_30d: self
                .count("wallets used", WALLETS_USED, Some(Arg::Int(first_day)))
                .await?,
            documents: self.count("documents", DOCUMENTS, complete()).await?,
            documents_bytes: self.count("bytes", DOCUMENT_BYTES, complete()).await?,
            shares: self.count("shares", SHARES, None).await?,
            shares_opened: self.count("shares opened", SHARES_OPENED, None).await?,
            shares_ended: self
                .count("shares ended", SHARES_ENDED, Some(Arg::Int(now)))
                .await?,
            workers_verified: self
                .count(
                    "verified workers",
                    WORKERS_VERIFIED,
                    Some(Arg::Text(WorkerState::Verified.as_str())),
                )
                .await?,
            organisations: self.count("organisations", ORGANISATIONS, None).await?,
        })
    }
}
