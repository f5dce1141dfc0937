//! What only SQLite needs: connection settings and its error codes.

use std::time::Duration;

use sqlx::AnyPool;
use sqlx::Executor;
use sqlx::any::AnyPoolOptions;

use crate::storage::StorageResult;

/// SQLite takes one writer at a time; a few connections are enough for the readers.
const MAX_CONNECTIONS: u32 = 4;

/// A pool on the SQLite file `url` (created if missing), every connection in write-ahead-log
/// mode with full syncs, foreign keys on, a 10-second wait for the write lock, and the extra
/// `pragmas`.
pub(super) async fn pool(url: &str, pragmas: &[(&str, String)]) -> StorageResult<AnyPool> {
    let url = if url.contains("mode=") {
        url.to_owned()
    } else if url.contains('?') {
        format!("{url}&mode=rwc")
    } else {
        format!("{url}?mode=rwc")
    };
    let mut setup = String::from(
        "PRAGMA journal_mode = WAL; PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON; ",
    );
    setup.push_str(&format!(
        "PRAGMA busy_timeout = {};",
        Duration::from_secs(10).as_millis()
    ));
    for (name, value) in pragmas {
        // Names and values come from the code, never from a request.
        setup.push_str(&format!(" PRAGMA {name} = {value};"));
    }
    let pool = AnyPoolOptions::new()
        .max_connections(MAX_CONNECTIONS)
        .after_connect(move |conn, _| {
            let setup = setup.clone();
            Box::pin(async move {
                conn.execute(sqlx::AssertSqlSafe(setup)).await?;
                Ok(())
            })
        })
        .connect(&url)
        .await?;
    Ok(pool)
}

/// `SQLITE_FULL`: the disk (or the page limit) is full.
pub(super) fn is_full(code: &str) -> bool {
    code == "13"
}
