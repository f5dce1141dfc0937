//! [`SqlStorage`]: the metadata store on SQLite or PostgreSQL, through sqlx's `Any` driver.
//!
//! Every statement is written once, in the SQL both databases agree on (`$1` placeholders,
//! explicit casts to `BIGINT`, no `rowid`), in one file per resource. What differs between
//! them — connecting, migrations, how a write transaction serialises, and error codes — is in
//! [`sqlite`] and [`postgres`], side by side. One implementation instead of one per database
//! keeps the two from drifting apart; the `Any` driver costs a copy of each row, which is
//! small next to a network round trip.

mod accounts;
mod documents;
mod helpers;
mod limited;
mod passkeys;
mod postgres;
mod records;
mod rows;
mod shares;
mod sqlite;
mod stats;
mod throttles;
mod workers;

use std::str::FromStr;

use sqlx::AnyPool;
use sqlx::{Any, Transaction};

use super::{StorageError, StorageResult};

/// Which database a URL names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    /// An SQLite file (`sqlite:`), the embedded default.
    Sqlite,
    /// A PostgreSQL server (`postgres:` or `postgresql:`).
    Postgres,
}

impl Backend {
    /// The backend of a database URL, from its scheme.
    pub fn of_url(url: &str) -> StorageResult<Self> {
        let scheme = url.split_once(':').map(|(s, _)| s).unwrap_or_default();
        match scheme {
            "sqlite" => Ok(Self::Sqlite),
            "postgres" | "postgresql" => Ok(Self::Postgres),
            _ => Err(StorageError::UnsupportedUrl),
        }
    }

    /// Its name, as in `pde-server admin stats`.
    pub fn name(self) -> &'static str {
        match self {
            Self::Sqlite => "sqlite",
            Self::Postgres => "postgres",
        }
    }
}

/// The metadata store on an SQL database. Runs its migrations on connect.
#[derive(Debug, Clone)]
pub struct SqlStorage {
    pool: AnyPool,
    backend: Backend,
}

impl SqlStorage {
    /// Opens (creating an SQLite file if missing) and migrates the database at `url`.
    pub async fn connect(url: &str) -> StorageResult<Self> {
        Self::connect_with(url, &[]).await
    }

    /// Like [`SqlStorage::connect`], with extra `PRAGMA`s run on every SQLite connection
    /// (such as `max_page_count`, to try a full disk). Ignored on PostgreSQL.
    pub async fn connect_with(url: &str, sqlite_pragmas: &[(&str, String)]) -> StorageResult<Self> {
        sqlx::any::install_default_drivers();
        let backend = Backend::of_url(url)?;
        let pool = match backend {
            Backend::Sqlite => sqlite::pool(url, sqlite_pragmas).await?,
            Backend::Postgres => postgres::pool(url).await?,
        };
        match backend {
            Backend::Sqlite => sqlx::migrate!("./migrations/sqlite").run(&pool).await?,
            Backend::Postgres => sqlx::migrate!("./migrations/postgres").run(&pool).await?,
        }
        Ok(Self { pool, backend })
    }

    /// Which database this is.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Closes every connection.
    pub async fn close(&self) {
        self.pool.close().await;
    }

    /// Starts a transaction in which writes to the same rows wait for each other: SQLite takes
    /// its single write lock at once (`BEGIN IMMEDIATE`); PostgreSQL (read committed) relies on
    /// the row locks that conditional updates and [`SqlStorage::lock_account`] take.
    async fn begin_write(&self) -> StorageResult<Transaction<'static, Any>> {
        Ok(match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await?,
            Backend::Postgres => self.pool.begin().await?,
        })
    }

    /// Within a write transaction, makes every other transaction that locks the same account
    /// wait until this one ends (SQLite's write lock already does).
    async fn lock_account(
        &self,
        tx: &mut Transaction<'static, Any>,
        id: &str,
    ) -> StorageResult<()> {
        if self.backend == Backend::Postgres {
            sqlx::query("SELECT id FROM accounts WHERE id = $1 FOR UPDATE")
                .bind(id)
                .execute(&mut **tx)
                .await?;
        }
        Ok(())
    }
}

impl From<sqlx::Error> for StorageError {
    fn from(e: sqlx::Error) -> Self {
        match &e {
            sqlx::Error::Database(db) if db.is_unique_violation() => Self::Conflict,
            sqlx::Error::Database(db)
                if db
                    .code()
                    .is_some_and(|c| sqlite::is_full(&c) || postgres::is_full(&c)) =>
            {
                Self::Full
            }
            sqlx::Error::Database(db)
                if db.code().is_some_and(|c| postgres::is_unavailable(&c)) =>
            {
                Self::Unavailable(Box::new(e))
            }
            sqlx::Error::Io(io)
                if matches!(
                    io.kind(),
                    std::io::ErrorKind::StorageFull | std::io::ErrorKind::QuotaExceeded
                ) =>
            {
                Self::Full
            }
            sqlx::Error::Io(_)
            | sqlx::Error::Tls(_)
            | sqlx::Error::PoolTimedOut
            | sqlx::Error::PoolClosed
            | sqlx::Error::Protocol(_) => Self::Unavailable(Box::new(e)),
            _ => Self::Backend(Box::new(e)),
        }
    }
}

impl From<sqlx::migrate::MigrateError> for StorageError {
    fn from(e: sqlx::migrate::MigrateError) -> Self {
        match e {
            sqlx::migrate::MigrateError::Execute(e) => e.into(),
            other => Self::Backend(Box::new(other)),
        }
    }
}

/// An id read back from its text column.
fn parse_id<T: FromStr>(text: &str, what: &str) -> StorageResult<T> {
    text.parse()
        .map_err(|_| StorageError::Corrupt(format!("{what} is not an id")))
}

/// A count or size read back from a `BIGINT`.
fn to_u64(v: i64, what: &str) -> StorageResult<u64> {
    u64::try_from(v).map_err(|_| StorageError::Corrupt(format!("{what} is negative")))
}

/// A small count read back from a `BIGINT`.
fn to_u32(v: i64, what: &str) -> StorageResult<u32> {
    u32::try_from(v).map_err(|_| StorageError::Corrupt(format!("{what} is out of range")))
}

/// A size or count as stored in a `BIGINT`.
fn to_i64(n: u64) -> StorageResult<i64> {
    i64::try_from(n).map_err(|_| StorageError::Corrupt("a size exceeds the database range".into()))
}
