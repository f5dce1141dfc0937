//! The real binary, killed with SIGKILL in the middle of uploads, leaves no half document:
//! after a restart on the same database and blob store, only complete documents are listed,
//! each downloads byte for byte, and the sweep leaves exactly their blobs. On the local
//! directory (SQLite, or PostgreSQL with `PDE_TEST_DATABASE=postgres`), and on PostgreSQL with
//! a bucket of a real S3 service (Garage), where no unfinished multipart upload is left either.

use std::collections::BTreeMap;
use std::net::SocketAddr;
use std::path::Path;
use std::time::{Duration, Instant};

use crate::common::binary::RunningServer;
use crate::common::databases::{TestDatabase, fresh_postgres_url};
use crate::common::net::{login, put_content, request, reserve, signup, upload_head};
use crate::common::s3::S3;
use crate::common::{Holder, content, files_under};
use futures_util::StreamExt;
use futures_util::stream::FuturesUnordered;
use tokio::io::AsyncWriteExt;
use tokio::net::TcpStream;

/// `pde-server serve` on `data` (and `database_url`), with `extra` flags.
fn start(
    data: &Path,
    database_url: Option<&str>,
    extra: &[String],
    env: &[(&str, &str)],
) -> RunningServer {
    let mut args = vec!["--data-dir".to_owned(), data.to_str().unwrap().to_owned()];
    if let Some(url) = database_url {
        args.extend(["--database-url".to_owned(), url.to_owned()]);
    }
    args.extend_from_slice(extra);
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    RunningServer::start_with_env(&args, env, Some(&data.with_extension("log")))
}

fn flags(pairs: &[(&str, u64)]) -> Vec<String> {
    pairs
        .iter()
        .flat_map(|(flag, value)| [(*flag).to_owned(), value.to_string()])
        .collect()
}

async fn listed(addr: SocketAddr, session: &str) -> Vec<String> {
    let r = request(addr, "GET", "/api/v1/documents", Some(session), None).await;
    assert_eq!(r.status, 200);
    let mut ids: Vec<String> = r.json()["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_owned())
        .collect();
    ids.sort();
    ids
}

/// Starts the upload of `bytes` to `id` and sends only its first `sent` bytes; the connection
/// stays open.
async fn start_upload(
    addr: SocketAddr,
    session: &str,
    id: &str,
    bytes: &[u8],
    sent: usize,
) -> TcpStream {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream
        .write_all(upload_head(addr, session, id, bytes.len()).as_bytes())
        .await
        .unwrap();
    stream.write_all(&bytes[..sent]).await.unwrap();
    stream.flush().await.unwrap();
    stream
}

/// Polls `check` until it answers `None`, for at most a generous minute; the last answer
/// says what was wrong.
async fn eventually(mut check: impl AsyncFnMut() -> Option<String>) {
    let start = Instant::now();
    loop {
        match check().await {
            None => return,
            Some(wrong) if start.elapsed() > Duration::from_secs(60) => {
                panic!("still, after a minute: {wrong}")
            }
            Some(_) => tokio::time::sleep(Duration::from_millis(200)).await,
        }
    }
}

/// On SQLite, or on PostgreSQL when the suite runs there (`PDE_TEST_DATABASE`).
#[tokio::test]
async fn sigkill_mid_upload_leaves_no_half_document() {
    let database_url = match TestDatabase::chosen() {
        TestDatabase::Postgres => Some(fresh_postgres_url().await),
        TestDatabase::Sqlite => None,
    };
    let database_url = database_url.as_deref();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let blobs = data.join("blobs");
    let mut server = start(
        &data,
        database_url,
        &flags(&[("--pending-ttl-secs", 3600)]),
        &[],
    );
    let holder = Holder::new("crash test");
    let session = signup(server.addr, &holder).await;

    // A complete document, which must survive.
    let kept = reserve(server.addr, &session, 4).await;
    let r = put_content(server.addr, &session, &kept, b"full").await;
    assert_eq!(r.status, 204);

    // A large upload, killed half-way.
    let size: usize = 8 * 1024 * 1024;
    let id = reserve(server.addr, &session, size).await;
    let upload = start_upload(server.addr, &session, &id, &vec![0x5a; size], size / 2).await;

    // Wait (bounded) until the server has written part of the body to its temp file.
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let written: u64 = files_under(&blobs.join("tmp"))
            .iter()
            .map(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
            .sum();
        if written > 0 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the upload never reached the blob store"
        );
        tokio::time::sleep(Duration::from_millis(20)).await;
    }
    server.kill();
    drop(upload);
    assert!(
        !files_under(&blobs.join("tmp")).is_empty(),
        "a half temp file was left by the kill"
    );

    // Restart with a pending TTL of zero a second later (times are counted in whole seconds):
    // the start-up sweep, which runs before `listening on`, finds everything the kill left
    // older than the TTL.
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let server = start(
        &data,
        database_url,
        &flags(&[("--pending-ttl-secs", 0)]),
        &[],
    );
    let session = login(server.addr, &holder).await;
    assert_eq!(
        listed(server.addr, &session).await,
        vec![kept.clone()],
        "only the complete document is listed"
    );
    let account = request(server.addr, "GET", "/api/v1/account", Some(&session), None).await;
    assert_eq!(
        account.json()["usage"]["used_bytes"],
        4,
        "the half document's reservation is gone"
    );
    let path = |id: &str| format!("/api/v1/documents/{id}/content");
    let r = request(server.addr, "GET", &path(&id), Some(&session), None).await;
    assert_eq!(r.status, 404);

    let left = files_under(&blobs);
    assert_eq!(left.len(), 1, "only the complete blob is left: {left:?}");
    assert!(left[0].ends_with(&kept));
    let r = request(server.addr, "GET", &path(&kept), Some(&session), None).await;
    assert_eq!((r.status, r.body.as_slice()), (200, b"full".as_slice()));
}

/// PostgreSQL and S3: several large uploads (multipart, several parts each) half sent and
/// small ones racing the kill, and an object left by a delete the S3 service missed; after
/// the restart no half document is listed, every listed
/// one downloads byte for byte, and once the sweeps have run the bucket holds exactly the
/// listed documents' objects, no upload marker and no unfinished multipart upload (which a
/// listing of objects never shows: Garage's `bucket info` counts them).
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn sigkill_during_uploads_on_postgres_and_s3_leaves_no_half_document_and_no_orphan() {
    let url = fresh_postgres_url().await;
    let mut s3 = S3::start();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let mut bucket = s3.server_args("blobs");
    let (name, secret) = s3.secret_env();
    let secret = secret.to_owned();
    let env = [(name, secret.as_str())];
    bucket.extend(flags(&[("--upload-lease-secs", 3)]));
    let mut first = bucket.clone();
    first.extend(flags(&[("--pending-ttl-secs", 3600)]));
    let mut server = start(&data, Some(&url), &first, &env);
    let addr = server.addr;
    let holder = Holder::new("kill -9 on s3");
    let session = signup(addr, &holder).await;

    // What the holder sent, by document id.
    let mut sent: BTreeMap<String, Vec<u8>> = BTreeMap::new();
    // Complete before the kill: one small (a single PUT) and one of three parts.
    let mut complete = Vec::new();
    for (seed, len) in [(1, 1000), (2, 12 * 1024 * 1024)] {
        let bytes = content(len, seed);
        let id = reserve(addr, &session, len).await;
        assert_eq!(put_content(addr, &session, &id, &bytes).await.status, 204);
        complete.push(id.clone());
        sent.insert(id, bytes);
    }
    // A document deleted while the S3 service is down: its row goes, its object stays (the
    // delete answers 503), an orphan that only the sweep can remove.
    let deleted = reserve(addr, &session, 2000).await;
    assert_eq!(
        put_content(addr, &session, &deleted, &content(2000, 3))
            .await
            .status,
        204
    );
    s3.garage.stop();
    let path = format!("/api/v1/documents/{deleted}");
    let r = request(addr, "DELETE", &path, Some(&session), None).await;
    assert_eq!(r.status, 503, "{}", r.head);
    s3.garage.restart().unwrap();
    assert!(!listed(addr, &session).await.contains(&deleted));
    assert!(s3.keys().await.contains(&format!("blobs/{deleted}")));

    // Three uploads of 16 MiB, each stopped after 8 MiB: their multipart uploads are under
    // way in the bucket when the server dies.
    let mut stalled = Vec::new();
    let mut half_sent = Vec::new();
    for seed in 10..13 {
        let bytes = content(16 * 1024 * 1024, seed);
        let id = reserve(addr, &session, bytes.len()).await;
        stalled.push(start_upload(addr, &session, &id, &bytes, 8 * 1024 * 1024).await);
        half_sent.push(id.clone());
        sent.insert(id, bytes);
    }
    eventually(async || {
        let markers = s3
            .keys()
            .await
            .iter()
            .filter(|k| k.starts_with("blobs/tmp/"))
            .count();
        let (_, unfinished) = s3.garage.bucket_counts().unwrap();
        (markers != 3 || unfinished != 3)
            .then(|| format!("{markers} markers, {unfinished} unfinished uploads"))
    })
    .await;

    // Six small uploads race the kill: the server dies as soon as the first is answered.
    let mut racing = FuturesUnordered::new();
    for seed in 20..26 {
        let bytes = content(300_000, seed);
        let id = reserve(addr, &session, bytes.len()).await;
        sent.insert(id.clone(), bytes.clone());
        let session = session.clone();
        racing.push(tokio::spawn(async move {
            put_content(addr, &session, &id, &bytes).await;
        }));
    }
    racing.next().await;
    server.kill();
    drop(stalled);
    while racing.next().await.is_some() {}
    let (_, unfinished) = s3.garage.bucket_counts().unwrap();
    assert!(unfinished >= 3, "the kill left the unfinished uploads");

    // The restarted server, on the same database and bucket, sweeps every second with a
    // pending time-to-live of zero: what the kill left is old enough at once (a second later,
    // since times are counted in whole seconds), and blobs without a row after a lease.
    tokio::time::sleep(Duration::from_millis(1100)).await;
    let mut again = bucket.clone();
    again.extend(flags(&[
        ("--pending-ttl-secs", 0),
        ("--sweep-interval-secs", 1),
    ]));
    let server = start(&data, Some(&url), &again, &env);
    let addr = server.addr;
    let session = login(addr, &holder).await;

    // What the holder sees: every document answered 204 before the kill is listed, no half
    // one is, and each listed document downloads exactly as sent.
    let ids = listed(addr, &session).await;
    for id in &complete {
        assert!(ids.contains(id), "a complete document is missing");
    }
    for id in &half_sent {
        assert!(!ids.contains(id), "a half-sent document is listed");
    }
    for id in &ids {
        let r = request(
            addr,
            "GET",
            &format!("/api/v1/documents/{id}/content"),
            Some(&session),
            None,
        )
        .await;
        assert_eq!(r.status, 200, "a listed document does not download");
        assert!(
            r.body == sent[id],
            "a listed document differs from what was sent"
        );
    }

    // What the operator sees, once the sweeps have run: the bucket holds the listed
    // documents' objects and nothing else, and no unfinished multipart upload.
    let expected: Vec<String> = ids.iter().map(|id| format!("blobs/{id}")).collect();
    eventually(async || {
        let mut keys = s3.keys().await;
        keys.sort();
        let (_, unfinished) = s3.garage.bucket_counts().unwrap();
        (keys != expected || unfinished != 0).then(|| {
            format!(
                "{} objects for {} listed documents, {unfinished} unfinished uploads: {keys:?}",
                keys.len(),
                expected.len()
            )
        })
    })
    .await;
    assert_eq!(
        listed(addr, &session).await,
        ids,
        "the sweeps took nothing listed"
    );
    let log = std::fs::read_to_string(data.with_extension("log")).unwrap();
    assert!(!log.contains("sweep failed"), "{log}");
}
