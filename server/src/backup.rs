//! Backups of a running server: `pde-server admin backup DIR`, `admin verify-backup DIR` and
//! `admin restore DIR`.
//!
//! A backup directory holds `manifest.json`, the database (`pde.sqlite`, or `database.pgdump`
//! made by `pg_dump --format=custom`), a copy of the pepper file (`pepper`), and one file per
//! complete document under `blobs/<first two hex digits>/<id>`. It is written into a
//! temporary directory next to `DIR`, renamed to `DIR` only once complete, so an interrupted
//! backup never looks like one.
//!
//! Consistency while uploads and deletions go on: the database is snapshotted first
//! (SQLite: `VACUUM INTO`, an online snapshot taken in one read transaction; PostgreSQL: an
//! exported repeatable-read snapshot that `pg_dump --snapshot` dumps and that lists the
//! documents in the same transaction). Only documents complete in that snapshot are kept;
//! their blobs never change once complete, so copying them afterwards, through the
//! [`BlobStore`] trait, gives the blobs as they were at the snapshot. A document deleted
//! between the snapshot and the copy of its blob is left out of the backup.

use std::collections::{BTreeMap, BTreeSet};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::str::FromStr;

use futures_util::StreamExt;
use serde::{Deserialize, Serialize};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode};
use sqlx::{AnyConnection, Connection, Row, SqliteConnection};
use tokio::io::AsyncWriteExt;

use crate::admin::AdminError;
use crate::blob::{BlobError, BlobStore, open_store_of};
use crate::clock::Clock;
use crate::config::{AdminArgs, AdminCommand, AdminStorage};
use crate::ids::DocumentId;
use crate::secrets::{self, PEPPER_LEN};
use crate::storage::{Backend, SqlStorage, StorageError};

/// The version of the backup layout this build writes and reads.
pub const FORMAT: u32 = 1;
/// The manifest's file name.
pub const MANIFEST: &str = "manifest.json";
/// The SQLite snapshot's file name.
pub const SQLITE_FILE: &str = "pde.sqlite";
/// The PostgreSQL dump's file name.
pub const POSTGRES_FILE: &str = "database.pgdump";
/// The pepper copy's file name.
pub const PEPPER_FILE: &str = "pepper";
/// The directory of the blobs.
pub const BLOBS_DIR: &str = "blobs";

/// A progress line is printed after this many blobs …
const PROGRESS_EVERY_BLOBS: u64 = 500;
/// … or this many bytes since the last one.
const PROGRESS_EVERY_BYTES: u64 = 256 * 1024 * 1024;

/// Why a backup, a check or a restore failed; one line for the terminal.
#[derive(Debug, thiserror::Error)]
pub enum BackupError {
    /// The backup directory exists and holds something.
    #[error("{0} exists and is not empty; a backup goes into a new or empty directory")]
    DirNotEmpty(PathBuf),
    /// A file operation failed.
    #[error("{what} {path}: {source}")]
    Io {
        /// What was being done.
        what: &'static str,
        /// On which file.
        path: PathBuf,
        /// Why it failed.
        source: io::Error,
    },
    /// The database failed.
    #[error("database: {0}")]
    Database(#[from] StorageError),
    /// The SQLite database file named by the URL does not exist.
    #[error("no SQLite database at {0}")]
    NoDatabase(PathBuf),
    /// The blob store failed on one document.
    #[error("blob store, document {id}: {source}")]
    Blob {
        /// The document.
        id: DocumentId,
        /// Why.
        source: BlobError,
    },
    /// A document complete in the database has no blob in the store.
    #[error("document {0} is complete in the database but the blob store has no blob for it")]
    MissingBlob(DocumentId),
    /// A blob's length differs from its document's size.
    #[error("the blob of document {id} is {actual} bytes long, its document says {expected}")]
    SizeMismatch {
        /// The document.
        id: DocumentId,
        /// Its size in the database.
        expected: u64,
        /// The blob's length.
        actual: u64,
    },
    /// `pg_dump` or `pg_restore` could not be started.
    #[error(
        "cannot run {tool}: {source} (install PostgreSQL's client tools, on Debian \
         `apt-get install postgresql-client`, of the server's major version or newer)"
    )]
    ToolMissing {
        /// The program.
        tool: &'static str,
        /// Why.
        source: io::Error,
    },
    /// `pg_dump` or `pg_restore` failed.
    #[error("{tool} failed: {detail}")]
    Tool {
        /// The program.
        tool: &'static str,
        /// Its first line of error output.
        detail: String,
    },
    /// The manifest cannot be read.
    #[error("manifest: {0}")]
    Manifest(String),
    /// `verify-backup` found problems.
    #[error("the backup is not valid: {first} ({count} problem{s} in all)", s = if *count == 1 { "" } else { "s" })]
    Invalid {
        /// The first problem found.
        first: String,
        /// How many were found.
        count: usize,
    },
    /// The backup is of the other database.
    #[error("the backup is of a {backup} database but the configured database is {target}")]
    WrongBackend {
        /// In the backup.
        backup: String,
        /// Configured.
        target: &'static str,
    },
    /// The restore target holds data already.
    #[error(
        "the restore target is not empty: {0}; restore only into a new database, blob store and pepper file"
    )]
    TargetNotEmpty(String),
}

fn io_err(what: &'static str, path: &Path) -> impl FnOnce(io::Error) -> BackupError {
    let path = path.to_owned();
    move |source| BackupError::Io { what, path, source }
}

impl From<sqlx::Error> for BackupError {
    fn from(e: sqlx::Error) -> Self {
        Self::Database(e.into())
    }
}

/// A file of the backup with its size and SHA-256.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    /// Its path in the backup directory.
    pub path: String,
    /// Its length in bytes.
    pub size: u64,
    /// SHA-256 of its bytes, lowercase hex.
    pub sha256: String,
}

/// A document's blob in the backup.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlobEntry {
    /// The document id.
    pub id: String,
    /// Its length in bytes.
    pub size: u64,
    /// SHA-256 of its bytes, lowercase hex.
    pub sha256: String,
}

/// `manifest.json`.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Manifest {
    /// [`FORMAT`].
    pub format: u32,
    /// When the database snapshot was taken, Unix seconds.
    pub created_at: i64,
    /// The same, `YYYY-MM-DD HH:MM` UTC.
    pub created_at_utc: String,
    /// The version of the server that wrote it.
    pub server_version: String,
    /// `sqlite` or `postgres`.
    pub database: String,
    /// The database file.
    pub database_file: FileEntry,
    /// The pepper copy.
    pub pepper: FileEntry,
    /// The blob of every document in the backup, by id.
    pub blobs: Vec<BlobEntry>,
    /// Documents complete at the snapshot but deleted before their blob was copied: left
    /// out (removed from an SQLite snapshot; dropped by restore from a PostgreSQL dump).
    pub deleted_during_backup: Vec<String>,
}

/// What a backup wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BackupSummary {
    /// Documents (blobs) in the backup.
    pub documents: u64,
    /// Their bytes.
    pub bytes: u64,
    /// Documents not complete at the snapshot, left out.
    pub incomplete: u64,
    /// Documents deleted between the snapshot and the copy of their blob, left out.
    pub deleted: u64,
}

/// The database and pepper a backup is taken from or restored into.
#[derive(Debug, Clone)]
pub struct Target {
    /// The database URL.
    pub database_url: String,
    /// The pepper file.
    pub pepper_file: PathBuf,
}

fn blob_path(id: &str) -> String {
    format!("{BLOBS_DIR}/{}/{id}", &id[..2.min(id.len())])
}

fn sha256_hex(bytes: &[u8]) -> String {
    secrets::hex(ring::digest::digest(&ring::digest::SHA256, bytes).as_ref())
}

/// Size and SHA-256 of a file, read in chunks.
async fn hash_file(path: &Path) -> io::Result<(u64, String)> {
    use tokio::io::AsyncReadExt;
    let mut file = tokio::fs::File::open(path).await?;
    let mut ctx = ring::digest::Context::new(&ring::digest::SHA256);
    let mut buf = vec![0u8; 64 * 1024];
    let mut size = 0u64;
    loop {
        let n = file.read(&mut buf).await?;
        if n == 0 {
            break;
        }
        size += n as u64;
        ctx.update(&buf[..n]);
    }
    Ok((size, secrets::hex(ctx.finish().as_ref())))
}

/// The file of an SQLite URL.
fn sqlite_file(url: &str) -> Result<PathBuf, BackupError> {
    let options = SqliteConnectOptions::from_str(url)?;
    Ok(options.get_filename().to_owned())
}

/// Progress lines on stderr for large backups and restores.
struct Progress<'a> {
    out: &'a mut dyn Write,
    verb: &'static str,
    total: usize,
    blobs: u64,
    bytes: u64,
    shown: (u64, u64),
}

impl Progress<'_> {
    fn add(&mut self, bytes: u64) {
        self.blobs += 1;
        self.bytes += bytes;
        if self.blobs - self.shown.0 >= PROGRESS_EVERY_BLOBS
            || self.bytes - self.shown.1 >= PROGRESS_EVERY_BYTES
        {
            self.shown = (self.blobs, self.bytes);
            let _ = writeln!(
                self.out,
                "{}: {} of {} blobs, {} bytes",
                self.verb, self.blobs, self.total, self.bytes
            );
        }
    }
}

/// Refuses a backup directory that exists and is not empty.
fn check_new_dir(dir: &Path) -> Result<(), BackupError> {
    match std::fs::read_dir(dir) {
        Ok(mut entries) => match entries.next() {
            None => Ok(()),
            Some(_) => Err(BackupError::DirNotEmpty(dir.to_owned())),
        },
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
        Err(e) if e.kind() == io::ErrorKind::NotADirectory => {
            Err(BackupError::DirNotEmpty(dir.to_owned()))
        }
        Err(e) => Err(io_err("reading", dir)(e)),
    }
}

/// Makes `DIR` from what [`backup_into`] wrote in a temporary directory next to it.
///
/// `blobs` is the live blob store, read only through its trait; `progress` gets progress
/// lines for large backups.
pub async fn backup(
    source: &Target,
    blobs: &dyn BlobStore,
    dir: &Path,
    clock: &dyn Clock,
    progress: &mut dyn Write,
) -> Result<BackupSummary, BackupError> {
    check_new_dir(dir)?;
    let name = dir
        .file_name()
        .ok_or_else(|| BackupError::DirNotEmpty(dir.to_owned()))?
        .to_string_lossy()
        .into_owned();
    let parent = match dir.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    let tmp = parent.join(format!(
        ".{name}.partial-{}",
        secrets::hex(&secrets::random_bytes::<6>())
    ));
    std::fs::create_dir_all(&tmp).map_err(io_err("creating", &tmp))?;
    let result = async {
        let summary = backup_into(source, blobs, &tmp, clock, progress).await?;
        sync_dir(&tmp)?;
        std::fs::rename(&tmp, dir).map_err(io_err("renaming the finished backup to", dir))?;
        sync_dir(&parent)?;
        Ok(summary)
    }
    .await;
    if result.is_err() {
        let _ = std::fs::remove_dir_all(&tmp);
    }
    result
}

fn sync_dir(dir: &Path) -> Result<(), BackupError> {
    std::fs::File::open(dir)
        .and_then(|d| d.sync_all())
        .map_err(io_err("syncing", dir))
}

/// The live database during a backup: the snapshot was taken on it, and it tells whether a
/// document whose blob is gone was deleted since.
struct Live {
    conn: AnyConnection,
}

impl Live {
    async fn still_complete(&mut self, id: &str) -> Result<bool, BackupError> {
        let row = sqlx::query("SELECT state FROM documents WHERE id = $1")
            .bind(id)
            .fetch_optional(&mut self.conn)
            .await?;
        Ok(match row {
            Some(row) => row.try_get::<String, _>(0)? == "complete",
            None => false,
        })
    }
}

/// Writes a complete backup into the empty directory `tmp`.
async fn backup_into(
    source: &Target,
    blobs: &dyn BlobStore,
    tmp: &Path,
    clock: &dyn Clock,
    progress: &mut dyn Write,
) -> Result<BackupSummary, BackupError> {
    sqlx::any::install_default_drivers();
    let backend = Backend::of_url(&source.database_url)?;
    if backend == Backend::Sqlite {
        let file = sqlite_file(&source.database_url)?;
        if !file.is_file() {
            return Err(BackupError::NoDatabase(file));
        }
    }
    let mut live = Live {
        conn: AnyConnection::connect(&source.database_url).await?,
    };
    let created_at = clock.now();
    // The snapshot, and the complete documents in it.
    let (database_path, documents, incomplete) = match backend {
        Backend::Sqlite => snapshot_sqlite(&mut live, tmp).await?,
        Backend::Postgres => snapshot_postgres(&mut live, &source.database_url, tmp).await?,
    };
    // Their blobs.
    std::fs::create_dir_all(tmp.join(BLOBS_DIR)).map_err(io_err("creating", tmp))?;
    let mut entries = Vec::with_capacity(documents.len());
    let mut deleted = Vec::new();
    let mut progress = Progress {
        out: progress,
        verb: "backup",
        total: documents.len(),
        blobs: 0,
        bytes: 0,
        shown: (0, 0),
    };
    for (id, size) in &documents {
        match copy_blob(blobs, id, *size, tmp).await {
            Ok(entry) => {
                progress.add(entry.size);
                entries.push(entry);
            }
            Err(BackupError::Blob {
                id: doc,
                source: BlobError::NotFound,
            }) => {
                if live.still_complete(id).await? {
                    return Err(BackupError::MissingBlob(doc));
                }
                deleted.push(id.clone());
            }
            Err(e) => return Err(e),
        }
    }
    drop(live);
    if backend == Backend::Sqlite && !deleted.is_empty() {
        remove_documents(&tmp.join(SQLITE_FILE), &deleted).await?;
    }
    let pepper = copy_pepper(&source.pepper_file, tmp).await?;
    let (size, sha256) = hash_file(&tmp.join(&database_path))
        .await
        .map_err(io_err("reading", &tmp.join(&database_path)))?;
    let manifest = Manifest {
        format: FORMAT,
        created_at,
        created_at_utc: crate::admin::utc(created_at),
        server_version: env!("CARGO_PKG_VERSION").to_owned(),
        database: backend.name().to_owned(),
        database_file: FileEntry {
            path: database_path,
            size,
            sha256,
        },
        pepper,
        blobs: entries,
        deleted_during_backup: deleted.clone(),
    };
    let path = tmp.join(MANIFEST);
    let json = serde_json::to_vec_pretty(&manifest).expect("a manifest serialises");
    write_synced(&path, &json)?;
    Ok(BackupSummary {
        documents: progress.blobs,
        bytes: progress.bytes,
        incomplete,
        deleted: deleted.len() as u64,
    })
}

fn write_synced(path: &Path, bytes: &[u8]) -> Result<(), BackupError> {
    let mut file = std::fs::File::create(path).map_err(io_err("creating", path))?;
    file.write_all(bytes).map_err(io_err("writing", path))?;
    file.sync_all().map_err(io_err("syncing", path))
}

/// A connection on the SQLite file of a backup (a plain file in rollback-journal mode, with
/// foreign keys on so deleting a document removes what refers to it).
async fn open_backup_sqlite(path: &Path, read_only: bool) -> Result<SqliteConnection, BackupError> {
    let mut options = SqliteConnectOptions::new()
        .filename(path)
        .foreign_keys(true)
        .create_if_missing(false);
    options = if read_only {
        options.read_only(true).immutable(true)
    } else {
        options.journal_mode(SqliteJournalMode::Delete)
    };
    Ok(SqliteConnection::connect_with(&options).await?)
}

/// `VACUUM INTO` the backup, then drops the documents not complete in it.
///
/// `VACUUM INTO` is SQLite's online snapshot: it reads the database in one read transaction
/// (writers go on meanwhile, thanks to the write-ahead log) and writes a compact copy. It is
/// one SQL statement through the connection the server's own driver opens, where the online
/// backup API would need the C library's handle.
async fn snapshot_sqlite(
    live: &mut Live,
    tmp: &Path,
) -> Result<(String, Vec<(String, u64)>, u64), BackupError> {
    let path = tmp.join(SQLITE_FILE);
    sqlx::query("VACUUM INTO $1")
        .bind(path.to_string_lossy().into_owned())
        .execute(&mut live.conn)
        .await?;
    let mut conn = open_backup_sqlite(&path, false).await?;
    // Pending and uploading rows go; share_documents and share_envelopes follow by their
    // ON DELETE CASCADE, as when a holder deletes a document.
    let incomplete = sqlx::query("DELETE FROM documents WHERE state <> 'complete'")
        .execute(&mut conn)
        .await?
        .rows_affected();
    let rows = sqlx::query("SELECT id, size FROM documents ORDER BY id")
        .fetch_all(&mut conn)
        .await?;
    let documents = ids_and_sizes(&rows)?;
    conn.close().await?;
    Ok((SQLITE_FILE.to_owned(), documents, incomplete))
}

/// `(id, size)` of each row of a `SELECT id, size …`, from either database.
fn ids_and_sizes<R>(rows: &[R]) -> Result<Vec<(String, u64)>, BackupError>
where
    R: Row,
    usize: sqlx::ColumnIndex<R>,
    String: for<'r> sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
    i64: for<'r> sqlx::Decode<'r, R::Database> + sqlx::Type<R::Database>,
{
    rows.iter()
        .map(|r| {
            Ok((
                r.try_get::<String, _>(0)?,
                size_of(r.try_get::<i64, _>(1)?)?,
            ))
        })
        .collect()
}

fn size_of(v: i64) -> Result<u64, BackupError> {
    u64::try_from(v).map_err(|_| StorageError::Corrupt("a document size is negative".into()).into())
}

/// Deletes documents (and, by cascade, their share rows) from a backup's SQLite file.
async fn remove_documents(path: &Path, ids: &[String]) -> Result<(), BackupError> {
    let mut conn = open_backup_sqlite(path, false).await?;
    for id in ids {
        sqlx::query("DELETE FROM documents WHERE id = $1")
            .bind(id)
            .execute(&mut conn)
            .await?;
    }
    conn.close().await?;
    Ok(())
}

/// Exports a repeatable-read snapshot, has `pg_dump` dump it, and lists the complete
/// documents in the same snapshot.
async fn snapshot_postgres(
    live: &mut Live,
    url: &str,
    tmp: &Path,
) -> Result<(String, Vec<(String, u64)>, u64), BackupError> {
    sqlx::query("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
        .execute(&mut live.conn)
        .await?;
    let snapshot: String = sqlx::query("SELECT pg_export_snapshot()")
        .fetch_one(&mut live.conn)
        .await?
        .try_get(0)?;
    let file = tmp.join(POSTGRES_FILE);
    let args = vec![
        "--format=custom".to_owned(),
        "--no-owner".to_owned(),
        "--no-privileges".to_owned(),
        format!("--snapshot={snapshot}"),
        format!("--file={}", file.display()),
    ];
    run_tool("pg_dump", Some(url), args).await?;
    let rows = sqlx::query(
        "SELECT id, CAST(size AS BIGINT) FROM documents WHERE state = 'complete' ORDER BY id",
    )
    .fetch_all(&mut live.conn)
    .await?;
    let documents = ids_and_sizes(&rows)?;
    let incomplete: i64 =
        sqlx::query("SELECT CAST(COUNT(*) AS BIGINT) FROM documents WHERE state <> 'complete'")
            .fetch_one(&mut live.conn)
            .await?
            .try_get(0)?;
    sqlx::query("COMMIT").execute(&mut live.conn).await?;
    Ok((POSTGRES_FILE.to_owned(), documents, incomplete as u64))
}

/// How a PostgreSQL client tool is told which database to open: the URL without its password
/// goes on the command line (which `ps` shows to every user of the machine), the password in
/// the tool's environment as `PGPASSWORD` (which only the same user can read). A password
/// may be in the URL's user part or in a `password` query parameter; without one, the tool
/// looks for it as usual (`PGPASSWORD` of this process, `~/.pgpass`).
fn pg_tool_connection(
    url: &str,
) -> Result<(String, Option<zeroize::Zeroizing<String>>), BackupError> {
    let mut parsed = reqwest::Url::parse(url).map_err(|e| BackupError::Tool {
        tool: "the database URL",
        detail: e.to_string(),
    })?;
    let mut password = parsed.password().map(|p| {
        zeroize::Zeroizing::new(
            percent_encoding::percent_decode_str(p)
                .decode_utf8_lossy()
                .into_owned(),
        )
    });
    if password.is_some() {
        // Fails only for a URL that cannot have a user part, which a parsed password rules out.
        let _ = parsed.set_password(None);
    }
    if parsed.query_pairs().any(|(k, _)| k == "password") {
        let mut kept = Vec::new();
        for (k, v) in parsed.query_pairs().into_owned() {
            if k == "password" {
                password = Some(zeroize::Zeroizing::new(v));
            } else {
                kept.push((k, v));
            }
        }
        if kept.is_empty() {
            parsed.set_query(None);
        } else {
            parsed.query_pairs_mut().clear().extend_pairs(kept);
        }
    }
    Ok((parsed.to_string(), password))
}

/// Runs a PostgreSQL client tool, on the database at `url` if given (see
/// [`pg_tool_connection`]); its standard output is returned.
async fn run_tool(
    tool: &'static str,
    url: Option<&str>,
    mut args: Vec<String>,
) -> Result<Vec<u8>, BackupError> {
    let mut password = None;
    if let Some(url) = url {
        let (dbname, secret) = pg_tool_connection(url)?;
        args.insert(0, format!("--dbname={dbname}"));
        password = secret;
    }
    let out = tokio::task::spawn_blocking(move || {
        let mut command = std::process::Command::new(tool);
        command.args(&args).stdin(std::process::Stdio::null());
        if let Some(password) = &password {
            command.env("PGPASSWORD", password.as_str());
        }
        command.output()
    })
    .await
    .map_err(|e| BackupError::Tool {
        tool,
        detail: e.to_string(),
    })?
    .map_err(|source| BackupError::ToolMissing { tool, source })?;
    if !out.status.success() {
        let stderr = String::from_utf8_lossy(&out.stderr);
        let detail = stderr
            .lines()
            .find(|l| !l.trim().is_empty())
            .unwrap_or("no error output")
            .to_owned();
        return Err(BackupError::Tool { tool, detail });
    }
    Ok(out.stdout)
}

/// Copies one blob from the store into the backup, checking its length.
async fn copy_blob(
    blobs: &dyn BlobStore,
    id: &str,
    size: u64,
    tmp: &Path,
) -> Result<BlobEntry, BackupError> {
    let doc: DocumentId = id
        .parse()
        .map_err(|_| StorageError::Corrupt(format!("document id {id:?} is not an id")))?;
    let blob_err = |source| BackupError::Blob { id: doc, source };
    let mut reader = blobs.open(doc).await.map_err(blob_err)?;
    let rel = blob_path(id);
    let path = tmp.join(&rel);
    let parent = path.parent().expect("a blob path has a parent");
    tokio::fs::create_dir_all(parent)
        .await
        .map_err(io_err("creating", parent))?;
    let mut file = tokio::fs::File::create(&path)
        .await
        .map_err(io_err("creating", &path))?;
    let mut ctx = ring::digest::Context::new(&ring::digest::SHA256);
    let mut written = 0u64;
    while let Some(chunk) = reader.stream.next().await {
        let chunk = chunk.map_err(|e| blob_err(BlobError::Io(e)))?;
        ctx.update(&chunk);
        written += chunk.len() as u64;
        file.write_all(&chunk)
            .await
            .map_err(io_err("writing", &path))?;
    }
    file.sync_all().await.map_err(io_err("syncing", &path))?;
    if written != size || reader.len != size {
        return Err(BackupError::SizeMismatch {
            id: doc,
            expected: size,
            actual: written,
        });
    }
    Ok(BlobEntry {
        id: id.to_owned(),
        size,
        sha256: secrets::hex(ctx.finish().as_ref()),
    })
}

/// Copies the pepper file (mode 0600) into the backup.
async fn copy_pepper(pepper: &Path, tmp: &Path) -> Result<FileEntry, BackupError> {
    let bytes = std::fs::read(pepper).map_err(io_err("reading the pepper file", pepper))?;
    let path = tmp.join(PEPPER_FILE);
    write_private(&path, &bytes)?;
    Ok(FileEntry {
        path: PEPPER_FILE.to_owned(),
        size: bytes.len() as u64,
        sha256: sha256_hex(&bytes),
    })
}

/// Writes a new file readable by its owner only.
fn write_private(path: &Path, bytes: &[u8]) -> Result<(), BackupError> {
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt;
        options.mode(0o600);
    }
    let mut file = options.open(path).map_err(io_err("creating", path))?;
    file.write_all(bytes).map_err(io_err("writing", path))?;
    file.sync_all().map_err(io_err("syncing", path))
}

/// What `verify-backup` checked, and the problems it found (none: the backup is good).
#[derive(Debug)]
pub struct Verified {
    /// The manifest.
    pub manifest: Manifest,
    /// Documents found in the backup's database.
    pub documents: usize,
    /// Every problem, in the order found.
    pub problems: Vec<String>,
}

impl Verified {
    /// `Ok` if no problem was found, else [`BackupError::Invalid`] naming the first.
    pub fn into_result(self) -> Result<Manifest, BackupError> {
        match self.problems.first() {
            None => Ok(self.manifest),
            Some(first) => Err(BackupError::Invalid {
                first: first.clone(),
                count: self.problems.len(),
            }),
        }
    }
}

/// Reads `manifest.json`.
pub fn read_manifest(dir: &Path) -> Result<Manifest, BackupError> {
    let path = dir.join(MANIFEST);
    let text = std::fs::read(&path).map_err(|e| {
        BackupError::Manifest(format!(
            "cannot read {}: {e} (is this a backup directory?)",
            path.display()
        ))
    })?;
    let manifest: Manifest =
        serde_json::from_slice(&text).map_err(|e| BackupError::Manifest(e.to_string()))?;
    if manifest.format != FORMAT {
        return Err(BackupError::Manifest(format!(
            "format {} is not the format {FORMAT} this server reads",
            manifest.format
        )));
    }
    Ok(manifest)
}

/// Checks a backup: the manifest against the files (present, exact size, SHA-256, nothing
/// else), and the backup's database against the blobs (every document complete with its
/// blob of the right size, no blob without a document).
pub async fn verify(dir: &Path) -> Result<Verified, BackupError> {
    let manifest = read_manifest(dir)?;
    let mut problems = Vec::new();
    let mut expected: BTreeMap<String, (u64, String)> = BTreeMap::new();
    expected.insert(
        manifest.database_file.path.clone(),
        (
            manifest.database_file.size,
            manifest.database_file.sha256.clone(),
        ),
    );
    expected.insert(
        manifest.pepper.path.clone(),
        (manifest.pepper.size, manifest.pepper.sha256.clone()),
    );
    if manifest.pepper.size != PEPPER_LEN as u64 {
        problems.push(format!(
            "the pepper is {} bytes, not {PEPPER_LEN}",
            manifest.pepper.size
        ));
    }
    let mut blob_sizes = BTreeMap::new();
    for blob in &manifest.blobs {
        if blob.id.parse::<DocumentId>().is_err() {
            problems.push(format!(
                "blob {:?} in the manifest is not a document id",
                blob.id
            ));
            continue;
        }
        expected.insert(blob_path(&blob.id), (blob.size, blob.sha256.clone()));
        blob_sizes.insert(blob.id.clone(), blob.size);
    }
    // Every file listed, with its size and hash.
    for (rel, (size, sha256)) in &expected {
        let path = dir.join(rel);
        match hash_file(&path).await {
            Ok((actual, _)) if actual != *size => {
                problems.push(format!("{rel} is {actual} bytes, the manifest says {size}"))
            }
            Ok((_, actual)) if actual != *sha256 => {
                problems.push(format!("{rel} does not match its SHA-256 in the manifest"))
            }
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::NotFound => {
                problems.push(format!("{rel} is missing"))
            }
            Err(e) => problems.push(format!("{rel} cannot be read: {e}")),
        }
    }
    // Nothing else.
    let mut found = Vec::new();
    walk(dir, dir, &mut found).map_err(io_err("reading", dir))?;
    for rel in found {
        if rel != MANIFEST && !expected.contains_key(&rel) {
            problems.push(format!("{rel} is not in the manifest"));
        }
    }
    // The database against the blobs.
    let documents = match manifest.database.as_str() {
        "sqlite" => sqlite_documents(&dir.join(&manifest.database_file.path)).await,
        "postgres" => postgres_documents(&dir.join(&manifest.database_file.path)).await,
        other => Err(BackupError::Manifest(format!("unknown database {other:?}"))),
    };
    let documents = match documents {
        Ok(d) => d,
        Err(e) => {
            problems.push(format!("the database cannot be read: {e}"));
            Vec::new()
        }
    };
    // A PostgreSQL dump keeps every row of its snapshot; restore drops the documents that
    // were not complete or were deleted during the backup. An SQLite snapshot has them
    // removed already.
    let postgres = manifest.database == "postgres";
    let deleted: BTreeSet<&String> = manifest.deleted_during_backup.iter().collect();
    let mut in_database = BTreeSet::new();
    for (id, size, state) in &documents {
        if state != "complete" {
            if !postgres {
                problems.push(format!("document {id} is {state}, not complete"));
            }
            continue;
        }
        if postgres && deleted.contains(id) {
            continue;
        }
        in_database.insert(id.clone());
        match blob_sizes.get(id) {
            None => problems.push(format!("document {id} has no blob")),
            Some(s) if s != size => problems.push(format!(
                "document {id} is {size} bytes in the database but its blob is {s}"
            )),
            Some(_) => {}
        }
    }
    for id in blob_sizes.keys() {
        if !in_database.contains(id) {
            problems.push(format!("blob {id} belongs to no document"));
        }
    }
    Ok(Verified {
        manifest,
        documents: documents.len(),
        problems,
    })
}

/// Every file under `dir`, as paths relative to `root` with `/` separators.
fn walk(root: &Path, dir: &Path, out: &mut Vec<String>) -> io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let entry = entry?;
        let path = entry.path();
        if entry.file_type()?.is_dir() {
            walk(root, &path, out)?;
        } else {
            let rel = path.strip_prefix(root).expect("under root");
            let parts: Vec<String> = rel
                .components()
                .map(|c| c.as_os_str().to_string_lossy().into_owned())
                .collect();
            out.push(parts.join("/"));
        }
    }
    Ok(())
}

/// `(id, size, state)` of every document in a backup's SQLite file, after an integrity check.
async fn sqlite_documents(path: &Path) -> Result<Vec<(String, u64, String)>, BackupError> {
    if !path.is_file() {
        return Err(BackupError::NoDatabase(path.to_owned()));
    }
    let mut conn = open_backup_sqlite(path, true).await?;
    let check: String = sqlx::query("PRAGMA integrity_check")
        .fetch_one(&mut conn)
        .await?
        .try_get(0)?;
    if check != "ok" {
        return Err(StorageError::Corrupt(format!("integrity check: {check}")).into());
    }
    let rows = sqlx::query("SELECT id, size, state FROM documents ORDER BY id")
        .fetch_all(&mut conn)
        .await?;
    let out = rows
        .iter()
        .map(|r| {
            Ok((
                r.try_get::<String, _>(0)?,
                size_of(r.try_get::<i64, _>(1)?)?,
                r.try_get::<String, _>(2)?,
            ))
        })
        .collect();
    conn.close().await?;
    out
}

/// `(id, size, state)` of every document in a `pg_dump` file, read from the `COPY` data
/// `pg_restore` prints for the `documents` table. The documents restore keeps are those
/// with a blob in the manifest; the others are reported as such by the caller.
async fn postgres_documents(path: &Path) -> Result<Vec<(String, u64, String)>, BackupError> {
    let out = run_tool(
        "pg_restore",
        None,
        vec![
            "--data-only".into(),
            "--table=documents".into(),
            "--file=-".into(),
            path.display().to_string(),
        ],
    )
    .await?;
    let text = String::from_utf8_lossy(&out);
    let mut lines = text.lines();
    let header = lines
        .by_ref()
        .find(|l| l.starts_with("COPY ") && l.contains("documents ("))
        .ok_or_else(|| StorageError::Corrupt("the dump has no documents table".into()))?;
    let columns: Vec<&str> = header
        .split_once('(')
        .and_then(|(_, rest)| rest.split_once(')'))
        .map(|(cols, _)| cols.split(',').map(str::trim).collect())
        .unwrap_or_default();
    let col = |name: &str| {
        columns
            .iter()
            .position(|c| *c == name)
            .ok_or_else(|| StorageError::Corrupt(format!("the dump's documents have no {name}")))
    };
    let (id, size, state) = (col("id")?, col("size")?, col("state")?);
    let mut docs = Vec::new();
    for line in lines.take_while(|l| *l != "\\.") {
        let fields: Vec<&str> = line.split('\t').collect();
        let get = |i: usize| fields.get(i).copied().unwrap_or_default();
        let n: u64 = get(size)
            .parse()
            .map_err(|_| StorageError::Corrupt("a document size is not a number".into()))?;
        docs.push((get(id).to_owned(), n, get(state).to_owned()));
    }
    Ok(docs)
}

/// What a restore wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RestoreSummary {
    /// Documents restored.
    pub documents: u64,
    /// Their bytes.
    pub bytes: u64,
}

/// Refuses a restore target that holds anything: a database with tables (or an SQLite file
/// that is not empty), a pepper file, or a blob of the backup already in the store.
async fn check_empty_target(
    target: &Target,
    backend: Backend,
    blobs: &dyn BlobStore,
    manifest: &Manifest,
) -> Result<(), BackupError> {
    if target.pepper_file.exists() {
        return Err(BackupError::TargetNotEmpty(format!(
            "the pepper file {} exists",
            target.pepper_file.display()
        )));
    }
    match backend {
        Backend::Sqlite => {
            let file = sqlite_file(&target.database_url)?;
            if std::fs::metadata(&file).is_ok_and(|m| m.len() > 0) {
                return Err(BackupError::TargetNotEmpty(format!(
                    "the database {} exists",
                    file.display()
                )));
            }
        }
        Backend::Postgres => {
            let mut conn = AnyConnection::connect(&target.database_url).await?;
            let tables: i64 = sqlx::query(
                "SELECT CAST(COUNT(*) AS BIGINT) FROM information_schema.tables \
                 WHERE table_schema = current_schema()",
            )
            .fetch_one(&mut conn)
            .await?
            .try_get(0)?;
            conn.close().await?;
            if tables > 0 {
                return Err(BackupError::TargetNotEmpty(format!(
                    "the database has {tables} tables"
                )));
            }
        }
    }
    for blob in &manifest.blobs {
        let id: DocumentId = blob.id.parse().expect("verified");
        match blobs.open(id).await {
            Err(BlobError::NotFound) => {}
            Ok(_) => {
                return Err(BackupError::TargetNotEmpty(format!(
                    "the blob store has a blob for document {id}"
                )));
            }
            Err(source) => return Err(BackupError::Blob { id, source }),
        }
    }
    Ok(())
}

/// Checks the backup in `dir` ([`verify`]), then restores it into an empty database, pepper
/// file and blob store: the blobs first, the pepper, and the database last, so a server
/// started on it sees no document before its blob. If it fails, what it wrote is removed.
pub async fn restore(
    dir: &Path,
    target: &Target,
    blobs: &dyn BlobStore,
    progress: &mut dyn Write,
) -> Result<RestoreSummary, BackupError> {
    let manifest = verify(dir).await?.into_result()?;
    sqlx::any::install_default_drivers();
    let backend = Backend::of_url(&target.database_url)?;
    if manifest.database != backend.name() {
        return Err(BackupError::WrongBackend {
            backup: manifest.database.clone(),
            target: backend.name(),
        });
    }
    check_empty_target(target, backend, blobs, &manifest).await?;
    let mut put = Vec::new();
    let mut pepper_written = false;
    let result = async {
        let mut progress = Progress {
            out: progress,
            verb: "restore",
            total: manifest.blobs.len(),
            blobs: 0,
            bytes: 0,
            shown: (0, 0),
        };
        for blob in &manifest.blobs {
            let id: DocumentId = blob.id.parse().expect("verified");
            let path = dir.join(blob_path(&blob.id));
            let file = tokio::fs::File::open(&path)
                .await
                .map_err(io_err("reading", &path))?;
            let stream = tokio_util::io::ReaderStream::with_capacity(file, 64 * 1024);
            put.push(id);
            blobs
                .put(id, blob.size, Box::pin(stream))
                .await
                .map_err(|source| BackupError::Blob { id, source })?;
            progress.add(blob.size);
        }
        let pepper = std::fs::read(dir.join(PEPPER_FILE))
            .map_err(io_err("reading", &dir.join(PEPPER_FILE)))?;
        if let Some(parent) = target.pepper_file.parent() {
            std::fs::create_dir_all(parent).map_err(io_err("creating", parent))?;
        }
        write_private(&target.pepper_file, &pepper)?;
        pepper_written = true;
        let database = dir.join(&manifest.database_file.path);
        match backend {
            Backend::Sqlite => restore_sqlite(&database, &target.database_url).await?,
            Backend::Postgres => {
                restore_postgres(&database, &target.database_url, &manifest).await?
            }
        }
        // Brings a backup made by an older server up to this one's schema.
        SqlStorage::connect(&target.database_url)
            .await?
            .close()
            .await;
        Ok(RestoreSummary {
            documents: progress.blobs,
            bytes: progress.bytes,
        })
    }
    .await;
    if result.is_err() {
        for id in put {
            let _ = blobs.delete(id).await;
        }
        if pepper_written {
            let _ = std::fs::remove_file(&target.pepper_file);
        }
    }
    result
}

/// Copies the snapshot next to the target file and renames it into place.
async fn restore_sqlite(database: &Path, url: &str) -> Result<(), BackupError> {
    let file = sqlite_file(url)?;
    let parent = match file.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_owned(),
        _ => PathBuf::from("."),
    };
    std::fs::create_dir_all(&parent).map_err(io_err("creating", &parent))?;
    let partial = parent.join(format!(
        ".{}.restore-{}",
        file.file_name().unwrap_or_default().to_string_lossy(),
        secrets::hex(&secrets::random_bytes::<6>())
    ));
    let copied = (|| {
        std::fs::copy(database, &partial)?;
        std::fs::File::open(&partial)?.sync_all()?;
        std::fs::rename(&partial, &file)?;
        std::fs::File::open(&parent)?.sync_all()
    })();
    if let Err(e) = copied {
        let _ = std::fs::remove_file(&partial);
        return Err(io_err("restoring the database to", &file)(e));
    }
    Ok(())
}

/// `pg_restore` into the empty database, then drops the documents the backup left out.
async fn restore_postgres(
    database: &Path,
    url: &str,
    manifest: &Manifest,
) -> Result<(), BackupError> {
    run_tool(
        "pg_restore",
        Some(url),
        vec![
            "--no-owner".into(),
            "--no-privileges".into(),
            "--exit-on-error".into(),
            "--single-transaction".into(),
            database.display().to_string(),
        ],
    )
    .await?;
    let keep: BTreeSet<&str> = manifest.blobs.iter().map(|b| b.id.as_str()).collect();
    let mut conn = AnyConnection::connect(url).await?;
    let ids: Vec<String> = sqlx::query("SELECT id FROM documents")
        .fetch_all(&mut conn)
        .await?
        .iter()
        .map(|r| r.try_get(0))
        .collect::<Result<_, _>>()?;
    for id in ids.iter().filter(|id| !keep.contains(id.as_str())) {
        // share_documents and share_envelopes follow by their ON DELETE CASCADE.
        sqlx::query("DELETE FROM documents WHERE id = $1")
            .bind(id)
            .execute(&mut conn)
            .await?;
    }
    conn.close().await?;
    Ok(())
}

/// Whether `command` is one of this module's.
pub fn is_backup_command(command: &AdminCommand) -> bool {
    matches!(
        command,
        AdminCommand::Backup { .. }
            | AdminCommand::VerifyBackup { .. }
            | AdminCommand::Restore { .. }
    )
}

fn target_of(storage: &AdminStorage) -> Target {
    Target {
        database_url: storage.database_url(),
        pepper_file: storage.pepper_file(),
    }
}

/// Runs `admin backup`, `admin verify-backup` or `admin restore`: progress on stderr, one
/// result line on `out`.
pub async fn run(
    args: AdminArgs,
    clock: &dyn Clock,
    out: &mut dyn Write,
) -> Result<(), AdminError> {
    let mut stderr = io::stderr();
    match args.command {
        AdminCommand::Backup { dir } => {
            let blobs = open_store_of(&args.storage.s3, args.storage.blob_dir()).await?;
            let s = backup(&target_of(&args.storage), &*blobs, &dir, clock, &mut stderr).await?;
            writeln!(
                out,
                "backup: {}: {} documents, {} bytes of blobs, database and pepper; left out: {} not complete, {} deleted during the backup",
                dir.display(),
                s.documents,
                s.bytes,
                s.incomplete,
                s.deleted
            )?;
        }
        AdminCommand::VerifyBackup { dir } => {
            let verified = verify(&dir).await?;
            let m = &verified.manifest;
            writeln!(
                out,
                "checked: {}: manifest format {} of {} UTC, {} database ({} documents), pepper, {} blobs ({} bytes)",
                dir.display(),
                m.format,
                m.created_at_utc,
                m.database,
                verified.documents,
                m.blobs.len(),
                m.blobs.iter().map(|b| b.size).sum::<u64>()
            )?;
            out.flush()?;
            verified.into_result()?;
            writeln!(out, "backup: valid")?;
        }
        AdminCommand::Restore { dir } => {
            let storage = &args.storage;
            if storage.database_url.is_none() {
                std::fs::create_dir_all(&storage.data_dir)?;
            }
            let blobs = open_store_of(&storage.s3, storage.blob_dir()).await?;
            let s = restore(&dir, &target_of(storage), &*blobs, &mut stderr).await?;
            writeln!(
                out,
                "restored: {}: {} documents, {} bytes of blobs, database and pepper",
                dir.display(),
                s.documents,
                s.bytes
            )?;
        }
        _ => unreachable!("not a backup command"),
    }
    out.flush()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::pg_tool_connection;

    #[test]
    fn a_pg_tool_gets_the_url_without_its_password_and_the_password_apart() {
        let (dbname, password) =
            pg_tool_connection("postgres://pde:s%40cret%2F1@db.internal:5432/pde?sslmode=require")
                .unwrap();
        assert_eq!(
            dbname,
            "postgres://pde@db.internal:5432/pde?sslmode=require"
        );
        assert_eq!(password.as_deref().map(String::as_str), Some("s@cret/1"));

        let (dbname, password) =
            pg_tool_connection("postgres://pde@db/pde?password=p%26w&sslmode=disable").unwrap();
        assert_eq!(dbname, "postgres://pde@db/pde?sslmode=disable");
        assert_eq!(password.as_deref().map(String::as_str), Some("p&w"));

        let (dbname, password) = pg_tool_connection("postgres://pde@db/pde?password=x").unwrap();
        assert_eq!(dbname, "postgres://pde@db/pde");
        assert_eq!(password.as_deref().map(String::as_str), Some("x"));

        let (dbname, password) = pg_tool_connection("postgresql://db.internal/pde").unwrap();
        assert_eq!(dbname, "postgresql://db.internal/pde");
        assert!(password.is_none());
    }
}
