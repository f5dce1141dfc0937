//! The metadata store: accounts, sessions, passkeys, log-in throttles, documents, and sharing
//! (organisations, workers, invitations, shares, receipts).
//!
//! Handlers see one trait per resource ([`AccountStore`], [`PasskeyStore`], [`ThrottleStore`],
//! [`DocumentStore`], [`WorkerStore`], [`ShareStore`], [`RecordStore`], [`StatsStore`]),
//! combined into [`Storage`]. One implementation, [`SqlStorage`], fills them on SQLite and on
//! PostgreSQL; [`connect`] picks the database from the URL scheme. Nothing here is cached in process memory, so replicas
//! can share one database.

mod accounts;
mod documents;
mod helpers;
mod limited;
mod passkeys;
mod records;
mod shares;
mod sharing;
mod sql;
mod stats;
mod throttles;
mod types;
mod workers;

use std::sync::Arc;

pub use self::accounts::AccountStore;
pub use self::documents::{DocumentStore, MAX_IDS_PER_LOOKUP};
pub use self::helpers::*;
pub use self::limited::{LimitedView, LimitedViewStore};
pub use self::passkeys::PasskeyStore;
pub use self::records::{RecordStore, WalletRecord};
pub use self::shares::{PIN_TRY_HOLD_SECS, ShareStore};
pub use self::sharing::*;
pub use self::sql::{Backend, SqlStorage};
pub use self::stats::StatsStore;
pub use self::throttles::ThrottleStore;
pub use self::types::*;
pub use self::workers::WorkerStore;

/// A storage failure.
#[derive(Debug, thiserror::Error)]
pub enum StorageError {
    /// A unique value is already taken (a pseudonym, an organisation name).
    #[error("a unique value is already taken")]
    Conflict,
    /// The disk (or the database's size limit) is full.
    #[error("the database is full")]
    Full,
    /// The database cannot be reached now (restarting, network down, every connection busy).
    #[error("the database is unavailable: {0}")]
    Unavailable(#[source] Box<dyn std::error::Error + Send + Sync>),
    /// A value read back could not be understood.
    #[error("corrupt row: {0}")]
    Corrupt(String),
    /// The database URL names no database this build knows.
    #[error("unsupported database URL (expected sqlite:… or postgres:…)")]
    UnsupportedUrl,
    /// The database failed.
    #[error("database error: {0}")]
    Backend(#[source] Box<dyn std::error::Error + Send + Sync>),
}

/// Result of a storage call.
pub type StorageResult<T> = Result<T, StorageError>;

/// The whole metadata store.
pub trait Storage:
    AccountStore
    + PasskeyStore
    + HelperStore
    + LimitedViewStore
    + RecordStore
    + ThrottleStore
    + DocumentStore
    + WorkerStore
    + ShareStore
    + StatsStore
    + Send
    + Sync
    + 'static
{
}

impl<T> Storage for T where
    T: AccountStore
        + PasskeyStore
        + HelperStore
        + LimitedViewStore
        + LimitedViewStore
        + RecordStore
        + ThrottleStore
        + DocumentStore
        + WorkerStore
        + ShareStore
        + StatsStore
        + Send
        + Sync
        + 'static
{
}

/// Opens (creating a SQLite file if missing) and migrates the database at `url`; the scheme
/// (`sqlite:` or `postgres:`) chooses the backend. `serve` and `admin` both come here.
pub async fn connect(url: &str) -> StorageResult<Arc<dyn Storage>> {
    Ok(Arc::new(SqlStorage::connect(url).await?))
}
