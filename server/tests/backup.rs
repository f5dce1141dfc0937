//! `pde-server admin backup`, `verify-backup` and `restore`: a backup taken while uploads run
//! restores into a fresh data directory on which the server serves every document complete at
//! the snapshot, byte for byte, with its shares and receipts, and nothing half uploaded;
//! `verify-backup` finds missing, changed and extra files; nothing is ever overwritten; an
//! interrupted backup leaves no directory. On SQLite and, with `PDE_TEST_DATABASE=postgres`,
//! on PostgreSQL (through `pg_dump` and `pg_restore`).

use std::collections::BTreeSet;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use crate::common::TestApp;
use crate::common::binary::ok;
use crate::common::databases::{TestDatabase, fresh_postgres_url};
use crate::common::net;
use axum::Router;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use bytes::Bytes;
use pde_server::backup::{self, BackupError, Manifest, Target};
use pde_server::blob::{BlobError, BlobReader, BlobStore, ByteStream};
use pde_server::clock::Clock;
use pde_server::ids::DocumentId;
use serde_json::{Value, json};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tower::ServiceExt;

/// Runs `pde-server admin <args>` on the data directory (and database) given.
fn admin(data_dir: &Path, database_url: Option<&str>, args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_pde-server"));
    command
        .arg("admin")
        .args(args)
        .env_remove("PDE_DATABASE_URL")
        .env_remove("PDE_BLOB_DIR")
        .env_remove("PDE_PEPPER_FILE")
        .env("PDE_DATA_DIR", data_dir);
    if let Some(url) = database_url {
        command.env("PDE_DATABASE_URL", url);
    }
    command.output().unwrap()
}

fn admin_of(app: &TestApp, args: &[&str]) -> Output {
    admin(
        &app.state.config.data_dir,
        app.state.config.database_url.as_deref(),
        args,
    )
}

/// The one error line of a command that must fail.
#[track_caller]
fn fails(out: Output) -> String {
    assert!(
        !out.status.success(),
        "succeeded: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    let stderr = String::from_utf8(out.stderr).unwrap();
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "not one line: {stderr}");
    lines[0].to_owned()
}

/// A fresh restore target: an empty data directory and, on PostgreSQL, an empty database.
struct Fresh {
    _dir: tempfile::TempDir,
    data_dir: PathBuf,
    database_url: Option<String>,
}

async fn fresh_target() -> Fresh {
    let dir = tempfile::tempdir().unwrap();
    let database_url = match TestDatabase::chosen() {
        TestDatabase::Postgres => Some(fresh_postgres_url().await),
        TestDatabase::Sqlite => None,
    };
    Fresh {
        data_dir: dir.path().join("data"),
        _dir: dir,
        database_url,
    }
}

impl Fresh {
    fn admin(&self, args: &[&str]) -> Output {
        admin(&self.data_dir, self.database_url.as_deref(), args)
    }

    /// The app started on this data directory and database.
    async fn start(&self) -> TestApp {
        let (data_dir, url) = (self.data_dir.clone(), self.database_url.clone());
        TestApp::with_config(move |c| {
            c.data_dir = data_dir;
            c.database_url = url;
        })
        .await
    }
}

fn target_of(app: &TestApp) -> Target {
    Target {
        database_url: app.state.config.database_url(),
        pepper_file: app.state.config.pepper_file(),
    }
}

fn content(label: &str, len: usize) -> Vec<u8> {
    let mut out = Vec::with_capacity(len);
    let mut n: u32 = label.bytes().map(u32::from).sum();
    while out.len() < len {
        n = n.wrapping_mul(1_103_515_245).wrapping_add(12_345);
        out.push((n >> 16) as u8);
    }
    out
}

/// Reserves and uploads a document over the socket; its id once stored, `None` if refused.
async fn upload_over_socket(addr: SocketAddr, session: &str, bytes: &[u8]) -> Option<String> {
    let id = net::reserve(addr, session, bytes.len()).await;
    (net::put_content(addr, session, &id, bytes).await.status == 204).then_some(id)
}

async fn download(app: &TestApp, session: &str, id: &str) -> Vec<u8> {
    let r = app
        .get(&format!("/api/v1/documents/{id}/content"), Some(session))
        .await;
    assert_eq!(r.status, StatusCode::OK, "{id}");
    r.body.to_vec()
}

fn manifest_of(dir: &Path) -> Manifest {
    backup::read_manifest(dir).unwrap()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_backup_during_uploads_restores_every_complete_document_and_nothing_half_uploaded() {
    let app = TestApp::new().await;
    let served = app.serve().await;
    let addr = served.addr;
    let h = app.signup("Backup Holder").await;

    // Complete before the backup.
    let mut uploaded: Vec<(String, Vec<u8>)> = Vec::new();
    for i in 0..5 {
        let bytes = content(&format!("before {i}"), 10_000 + i * 3_000);
        uploaded.push((app.store(&h.session, &bytes).await, bytes));
    }
    let before: BTreeSet<String> = uploaded.iter().map(|(id, _)| id.clone()).collect();
    // Shared with a worker, who opened it (a receipt), and by a link.
    let org = app.organisation("Samu Social").await;
    let w = app
        .verified_worker(&org, "backup worker", "Ann Worker")
        .await;
    let (d0, d1) = (uploaded[0].0.clone(), uploaded[1].0.clone());
    let share = app.share_with(&h.session, &w.id, &[&d0, &d1], 86_400).await;
    app.clock.advance(10);
    let r = app.worker_reads(&w.session, &share, &d0).await;
    assert_eq!(r.status, StatusCode::OK);
    app.make_link(&h.session, &[&d1], 3_600, None).await;
    let shares_before = app.shares_of(&h.session).await;
    assert_eq!(shares_before.len(), 2);

    // Reserved only, and half uploaded (its upload stalls until after the backup).
    let pending = app.reserve(&h.session, 100).await;
    let half = content("half", 40_000);
    let stalled_id = app.reserve(&h.session, half.len() as u64).await;
    let mut stalled = tokio::net::TcpStream::connect(addr).await.unwrap();
    stalled
        .write_all(net::upload_head(addr, &h.session, &stalled_id, half.len()).as_bytes())
        .await
        .unwrap();
    stalled.write_all(&half[..20_000]).await.unwrap();
    let uploading =
        format!("SELECT COUNT(*) FROM documents WHERE id = '{stalled_id}' AND state = 'uploading'");
    while app.db_count(&uploading).await == 0 {
        tokio::time::sleep(std::time::Duration::from_millis(20)).await;
    }

    // The backup runs while six more uploads go on.
    let backups = tempfile::tempdir().unwrap();
    let dir = backups.path().join("b1");
    let during: Vec<_> = (0..6)
        .map(|i| {
            let session = h.session.clone();
            let bytes = content(&format!("during {i}"), 30_000 + i * 7_000);
            tokio::spawn(async move { (upload_over_socket(addr, &session, &bytes).await, bytes) })
        })
        .collect();
    let mut progress = Vec::new();
    let summary = backup::backup(
        &target_of(&app),
        app.state.blobs.as_ref(),
        &dir,
        &app.clock,
        &mut progress,
    )
    .await
    .unwrap();
    for task in during {
        if let (Some(id), bytes) = task.await.unwrap() {
            uploaded.push((id, bytes));
        }
    }
    // The stalled upload finishes after the snapshot.
    stalled.write_all(&half[20_000..]).await.unwrap();
    let mut answer = Vec::new();
    stalled.read_to_end(&mut answer).await.unwrap();
    assert_eq!(net::parse(&answer).status, 204);
    uploaded.push((stalled_id.clone(), half.clone()));
    assert!(summary.incomplete >= 2, "{summary:?}");
    assert_eq!(summary.deleted, 0);

    let manifest = manifest_of(&dir);
    let (database, file) = match TestDatabase::chosen() {
        TestDatabase::Sqlite => ("sqlite", "pde.sqlite"),
        TestDatabase::Postgres => ("postgres", "database.pgdump"),
    };
    assert_eq!(
        (
            manifest.database.as_str(),
            manifest.database_file.path.as_str()
        ),
        (database, file)
    );
    let in_backup: BTreeSet<String> = manifest.blobs.iter().map(|b| b.id.clone()).collect();
    assert!(before.is_subset(&in_backup), "{in_backup:?}");
    assert!(!in_backup.contains(&pending) && !in_backup.contains(&stalled_id));
    assert_eq!(summary.documents as usize, in_backup.len());

    let checked = ok(admin_of(&app, &["verify-backup", dir.to_str().unwrap()]));
    assert!(checked.contains("backup: valid"), "{checked}");

    // Restored into a fresh data directory, the server serves exactly the backup.
    let fresh = fresh_target().await;
    let restored = ok(fresh.admin(&["restore", dir.to_str().unwrap()]));
    assert!(
        restored.contains(&format!("{} documents", in_backup.len())),
        "{restored}"
    );
    served.stop().await;
    let back = fresh.start().await;
    back.clock.set(app.clock.now());
    let r = back
        .login("Backup Holder", "passphrase", &h.passphrase_auth)
        .await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    let session = r.session_token();
    let listed: BTreeSet<String> = back.list_ids(&session).await.into_iter().collect();
    assert_eq!(listed, in_backup);
    for (id, bytes) in &uploaded {
        if listed.contains(id) {
            assert_eq!(&download(&back, &session, id).await, bytes, "{id}");
        }
    }
    // Shares and receipts came back; the worker logs in and opens the share.
    assert_eq!(back.shares_of(&session).await, shares_before);
    let r = back
        .login("backup worker", "passphrase", &w.secrets.passphrase_auth)
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let r = back.worker_reads(&r.session_token(), &share, &d1).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body.as_ref(), uploaded[1].1.as_slice());
    // No row of the half-uploaded or reserved documents.
    assert_eq!(
        back.db_count(&format!(
            "SELECT COUNT(*) FROM documents WHERE id IN ('{pending}', '{stalled_id}')"
        ))
        .await,
        0
    );
}

/// A source app with three documents, backed up by the binary into `<tmp>/backup`.
async fn backed_up() -> (
    TestApp,
    String,
    Vec<(String, Vec<u8>)>,
    tempfile::TempDir,
    PathBuf,
) {
    let app = TestApp::new().await;
    let h = app.signup("Three Docs").await;
    let mut docs = Vec::new();
    for i in 0..3 {
        let bytes = content(&format!("doc {i}"), 5_000 + i * 100);
        docs.push((app.store(&h.session, &bytes).await, bytes));
    }
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("backup");
    let line = ok(admin_of(&app, &["backup", dir.to_str().unwrap()]));
    assert!(line.contains("3 documents"), "{line}");
    (app, h.session, docs, tmp, dir)
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let dest = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &dest);
        } else {
            std::fs::copy(entry.path(), dest).unwrap();
        }
    }
}

fn blob_file(dir: &Path, id: &str) -> PathBuf {
    dir.join("blobs").join(&id[..2]).join(id)
}

#[tokio::test]
async fn verify_backup_finds_a_missing_blob_a_changed_byte_and_an_extra_file() {
    let (app, _, docs, tmp, dir) = backed_up().await;
    let verify = |d: &Path| admin_of(&app, &["verify-backup", d.to_str().unwrap()]);
    assert!(ok(verify(&dir)).contains("backup: valid"));

    let missing = tmp.path().join("missing");
    copy_dir(&dir, &missing);
    std::fs::remove_file(blob_file(&missing, &docs[1].0)).unwrap();
    let line = fails(verify(&missing));
    assert!(
        line.contains(&docs[1].0) && line.contains("missing"),
        "{line}"
    );

    let changed = tmp.path().join("changed");
    copy_dir(&dir, &changed);
    let path = blob_file(&changed, &docs[2].0);
    let mut bytes = std::fs::read(&path).unwrap();
    bytes[1234] ^= 1;
    std::fs::write(&path, bytes).unwrap();
    let line = fails(verify(&changed));
    assert!(
        line.contains(&docs[2].0) && line.contains("SHA-256"),
        "{line}"
    );
    assert!(line.contains("1 problem in all"), "{line}");

    let extra = tmp.path().join("extra");
    copy_dir(&dir, &extra);
    let stray = DocumentId::random().to_string();
    std::fs::create_dir_all(extra.join("blobs").join(&stray[..2])).unwrap();
    std::fs::write(blob_file(&extra, &stray), b"not from the server").unwrap();
    let line = fails(verify(&extra));
    assert!(
        line.contains(&stray) && line.contains("not in the manifest"),
        "{line}"
    );

    // Two problems at once are counted.
    std::fs::remove_file(blob_file(&changed, &docs[0].0)).unwrap();
    let line = fails(verify(&changed));
    assert!(line.contains("2 problems in all"), "{line}");

    // And a backup made with a problem is not restored.
    let fresh = fresh_target().await;
    let line = fails(fresh.admin(&["restore", missing.to_str().unwrap()]));
    assert!(line.contains("not valid"), "{line}");
    assert!(!fresh.data_dir.join("pepper").exists());
}

#[tokio::test]
async fn restore_refuses_a_target_that_is_not_empty_and_backup_an_existing_directory() {
    let (app, session, docs, tmp, dir) = backed_up().await;
    // Into the live data directory it came from: refused, and nothing changed.
    let h2 = app.signup("After Backup").await;
    let later = app.store(&h2.session, b"stored after the backup").await;
    let line = fails(admin_of(&app, &["restore", dir.to_str().unwrap()]));
    assert!(line.contains("not empty"), "{line}");
    assert_eq!(app.list_ids(&h2.session).await, vec![later]);
    for (id, bytes) in &docs {
        assert_eq!(&download(&app, &session, id).await, bytes);
    }
    // A target with only a pepper file is not empty either.
    let fresh = fresh_target().await;
    std::fs::create_dir_all(&fresh.data_dir).unwrap();
    std::fs::write(fresh.data_dir.join("pepper"), [7u8; 32]).unwrap();
    let line = fails(fresh.admin(&["restore", dir.to_str().unwrap()]));
    assert!(
        line.contains("pepper file") && line.contains("exists"),
        "{line}"
    );
    assert_eq!(
        std::fs::read(fresh.data_dir.join("pepper")).unwrap(),
        [7u8; 32]
    );

    // A backup never goes into a directory that holds something.
    let full = tmp.path().join("full");
    std::fs::create_dir_all(&full).unwrap();
    std::fs::write(full.join("keep.txt"), b"mine").unwrap();
    let line = fails(admin_of(&app, &["backup", full.to_str().unwrap()]));
    assert!(line.contains("not empty"), "{line}");
    assert_eq!(std::fs::read(full.join("keep.txt")).unwrap(), b"mine");
    // An empty one is fine.
    let empty = tmp.path().join("empty");
    std::fs::create_dir_all(&empty).unwrap();
    ok(admin_of(&app, &["backup", empty.to_str().unwrap()]));
    assert_eq!(manifest_of(&empty).blobs.len(), 4);
}

/// The live blob store, with one fault: a blob's stream breaks, or a document is deleted
/// (through the API) just before its blob is read.
struct Faulty {
    inner: Arc<dyn BlobStore>,
    opened: AtomicUsize,
    fault: Fault,
}

enum Fault {
    BreakSecond,
    DeleteFirst { app: Router, session: String },
}

#[async_trait::async_trait]
impl BlobStore for Faulty {
    async fn ping(&self) -> std::io::Result<()> {
        self.inner.ping().await
    }
    async fn put(&self, id: DocumentId, len: u64, body: ByteStream) -> Result<(), BlobError> {
        self.inner.put(id, len, body).await
    }
    async fn open(&self, id: DocumentId) -> Result<BlobReader, BlobError> {
        let n = self.opened.fetch_add(1, Ordering::SeqCst);
        match &self.fault {
            Fault::BreakSecond if n == 1 => {
                let reader = self.inner.open(id).await?;
                let first = Bytes::from(vec![0u8; 100]);
                let stream = futures_util::stream::iter([
                    Ok(first),
                    Err(std::io::Error::other("the store went away")),
                ]);
                Ok(BlobReader {
                    len: reader.len,
                    stream: Box::pin(stream),
                })
            }
            Fault::DeleteFirst { app, session } if n == 0 => {
                let r = app
                    .clone()
                    .oneshot(
                        Request::builder()
                            .method(Method::DELETE)
                            .uri(format!("/api/v1/documents/{id}"))
                            .header("x-pde-client", "1")
                            .header("authorization", format!("Bearer {session}"))
                            .body(Body::empty())
                            .unwrap(),
                    )
                    .await
                    .unwrap();
                assert_eq!(r.status(), StatusCode::NO_CONTENT);
                self.inner.open(id).await
            }
            _ => self.inner.open(id).await,
        }
    }
    async fn delete(&self, id: DocumentId) -> Result<(), BlobError> {
        self.inner.delete(id).await
    }
    async fn sweep_temp(&self, before: std::time::SystemTime) -> Result<u64, BlobError> {
        self.inner.sweep_temp(before).await
    }
    fn list_older(&self, before: std::time::SystemTime) -> pde_server::blob::IdStream<'_> {
        self.inner.list_older(before)
    }
}

#[tokio::test]
async fn a_backup_whose_blob_store_fails_mid_copy_leaves_no_directory() {
    let app = TestApp::new().await;
    let h = app.signup("Broken Store").await;
    for i in 0..3 {
        app.store(&h.session, &content(&format!("b{i}"), 4_000))
            .await;
    }
    let faulty = Faulty {
        inner: app.state.blobs.clone(),
        opened: AtomicUsize::new(0),
        fault: Fault::BreakSecond,
    };
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("b");
    let err = backup::backup(&target_of(&app), &faulty, &dir, &app.clock, &mut Vec::new())
        .await
        .unwrap_err();
    assert!(matches!(err, BackupError::Blob { .. }), "{err}");
    assert!(err.to_string().contains("the store went away"), "{err}");
    assert!(!dir.exists());
    // Nothing else is left beside it either.
    assert_eq!(std::fs::read_dir(tmp.path()).unwrap().count(), 0);
}

#[tokio::test]
async fn a_document_deleted_during_the_backup_is_left_out_with_its_share_rows() {
    let app = TestApp::new().await;
    let h = app.signup("Deleting Holder").await;
    let mut docs = Vec::new();
    for i in 0..3 {
        let bytes = content(&format!("d{i}"), 3_000);
        docs.push((app.store(&h.session, &bytes).await, bytes));
    }
    docs.sort();
    let ids: Vec<&str> = docs.iter().map(|(id, _)| id.as_str()).collect();
    let link = app.make_link(&h.session, &ids, 3_600, None).await;
    let faulty = Faulty {
        inner: app.state.blobs.clone(),
        opened: AtomicUsize::new(0),
        fault: Fault::DeleteFirst {
            app: app.app.clone(),
            session: h.session.clone(),
        },
    };
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("b");
    let summary = backup::backup(&target_of(&app), &faulty, &dir, &app.clock, &mut Vec::new())
        .await
        .unwrap();
    // Documents are copied in id order: the first one was deleted before its copy.
    let gone = &docs[0].0;
    assert_eq!((summary.documents, summary.deleted), (2, 1));
    assert_eq!(manifest_of(&dir).deleted_during_backup, vec![gone.clone()]);
    assert!(ok(admin_of(&app, &["verify-backup", dir.to_str().unwrap()])).contains("valid"));

    let fresh = fresh_target().await;
    ok(fresh.admin(&["restore", dir.to_str().unwrap()]));
    let back = fresh.start().await;
    let r = back
        .login("Deleting Holder", "passphrase", &h.passphrase_auth)
        .await;
    let session = r.session_token();
    let listed: BTreeSet<String> = back.list_ids(&session).await.into_iter().collect();
    assert_eq!(
        listed,
        BTreeSet::from([docs[1].0.clone(), docs[2].0.clone()])
    );
    let shares: Vec<Value> = back.shares_of(&session).await;
    assert_eq!(shares[0]["id"], json!(link.id));
    let shared: BTreeSet<String> = shares[0]["document_ids"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap().to_owned())
        .collect();
    assert_eq!(shared, listed);
    for (id, bytes) in &docs[1..] {
        assert_eq!(&download(&back, &session, id).await, bytes);
    }
}
