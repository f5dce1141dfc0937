//! What only PostgreSQL needs: connection settings and its error codes.

use std::time::Duration;

use sqlx::any::AnyPoolOptions;
use sqlx::{AnyPool, Connection};

use crate::storage::StorageResult;

/// Connections per server process; with several replicas, keep their sum under the
/// server's `max_connections` (100 by default).
const MAX_CONNECTIONS: u32 = 16;

/// A pool on the PostgreSQL database `url`. A request waits at most 5 seconds for a
/// connection, so an outage answers `503` quickly instead of hanging.
pub(super) async fn pool(url: &str) -> StorageResult<AnyPool> {
    // One connection first: the pool would retry until its timeout and report only that,
    // where this reports why (refused, unknown database, authentication failed).
    sqlx::AnyConnection::connect(url).await?.close().await?;
    let pool = AnyPoolOptions::new()
        .max_connections(MAX_CONNECTIONS)
        .acquire_timeout(Duration::from_secs(5))
        .connect(url)
        .await?;
    Ok(pool)
}

/// `disk_full` (class 53: insufficient resources).
pub(super) fn is_full(code: &str) -> bool {
    code == "53100"
}

/// Connection exceptions (class 08) and the server shutting down or starting
/// (`admin_shutdown`, `crash_shutdown`, `cannot_connect_now`).
pub(super) fn is_unavailable(code: &str) -> bool {
    code.starts_with("08") || matches!(code, "57P01" | "57P02" | "57P03")
}
