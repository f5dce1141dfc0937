//! The databases a test runs on. `PDE_TEST_DATABASE=postgres` runs the whole suite on
//! PostgreSQL: each app gets a fresh database in the cluster named by `PDE_TEST_POSTGRES_URL`
//! (`cargo xtask test` starts a throwaway one; `cargo xtask postgres -- <command>` does the
//! same for a single run). Anything else, or nothing, runs on SQLite.

use sqlx::Connection;

/// Which database the suite runs on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TestDatabase {
    /// A SQLite file in the app's data directory.
    Sqlite,
    /// A fresh database in the test cluster.
    Postgres,
}

impl TestDatabase {
    /// The database chosen by `PDE_TEST_DATABASE`.
    pub fn chosen() -> Self {
        match std::env::var("PDE_TEST_DATABASE").as_deref() {
            Ok("postgres") => Self::Postgres,
            Ok("sqlite") | Err(_) => Self::Sqlite,
            Ok(other) => panic!("PDE_TEST_DATABASE={other:?}: expected sqlite or postgres"),
        }
    }
}

/// The URL of a new, empty PostgreSQL database in the test cluster. Fails, never skips,
/// when there is no cluster.
pub async fn fresh_postgres_url() -> String {
    let admin = std::env::var("PDE_TEST_POSTGRES_URL").unwrap_or_else(|_| {
        panic!(
            "PDE_TEST_POSTGRES_URL is not set: run the PostgreSQL tests through \
             `cargo xtask test` or `cargo xtask postgres -- <command>`"
        )
    });
    let name = format!("pde_test_{}", random_suffix());
    let mut conn = sqlx::PgConnection::connect(&admin)
        .await
        .unwrap_or_else(|e| panic!("cannot reach the test cluster at {admin}: {e}"));
    sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
        .execute(&mut conn)
        .await
        .unwrap();
    conn.close().await.unwrap();
    let (base, _) = admin
        .rsplit_once('/')
        .expect("PDE_TEST_POSTGRES_URL ends with a database name");
    format!("{base}/{name}")
}

fn random_suffix() -> String {
    let mut bytes = [0u8; 8];
    ring::rand::SecureRandom::fill(&ring::rand::SystemRandom::new(), &mut bytes).unwrap();
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// A pool on the database at `url` (SQLite or PostgreSQL), for tests that look at the rows.
pub async fn open_pool(url: &str) -> sqlx::AnyPool {
    sqlx::any::install_default_drivers();
    sqlx::AnyPool::connect(url).await.unwrap()
}
