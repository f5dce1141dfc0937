//! The server with its blobs in S3 (a real Garage that each test starts): documents go up
//! and come down through the HTTP routes byte for byte; the S3 service dying mid-upload
//! answers `503` and leaves nothing once the server restarts; a wrong or unreachable bucket
//! stops the binary at start with one line that names it.

use std::process::Command;
use std::sync::Arc;
use std::time::{Duration, Instant};

use crate::common::s3::S3;
use crate::common::{TestApp, bearer, garage};
use axum::body::{Body, Bytes};
use axum::http::{Request, StatusCode, header};
use tower::ServiceExt;

const PART: usize = 5 * 1024 * 1024;

fn content(len: usize) -> Vec<u8> {
    (0..len).map(|i| (i * 7 + i / 251) as u8).collect()
}

#[tokio::test]
async fn documents_upload_and_download_byte_identical_through_s3() {
    let s3 = S3::start();
    let t = TestApp::with_s3(&s3, |_| {}).await;
    let h = t.signup("s3-holder").await;
    let small = content(1000);
    let large = content(2 * PART + 4321);
    let small_id = t.store(&h.session, &small).await;
    let large_id = t.store(&h.session, &large).await;
    for (id, bytes) in [(&small_id, &small), (&large_id, &large)] {
        let r = t
            .get(&format!("/api/v1/documents/{id}/content"), Some(&h.session))
            .await;
        assert_eq!(r.status, StatusCode::OK);
        assert_eq!(
            r.headers[header::CONTENT_LENGTH],
            bytes.len().to_string().as_str()
        );
        assert!(r.body == bytes[..], "{id} differs");
    }
    // The bucket holds exactly the two blobs, under their ids, and no local blob is made.
    let mut keys = s3.keys().await;
    keys.sort();
    let mut expected = vec![format!("blobs/{small_id}"), format!("blobs/{large_id}")];
    expected.sort();
    assert_eq!(keys, expected);
    assert!(!t.blob_dir().exists());
    // A body of the wrong length is refused and stores nothing.
    let id = t.reserve(&h.session, PART as u64 + 10).await;
    let r = t
        .upload_streamed(&h.session, &id, vec![content(PART + 9)])
        .await;
    r.assert_error(StatusCode::BAD_REQUEST, "size_mismatch");
    assert_eq!(s3.keys().await.len(), 2);
    // Delete removes the object.
    let r = t
        .call(
            axum::http::Method::DELETE,
            &format!("/api/v1/documents/{large_id}"),
            Some(&h.session),
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert_eq!(s3.keys().await, vec![format!("blobs/{small_id}")]);
}

/// Polls `what` until it holds, for at most a generous minute.
async fn eventually(what: &str, mut check: impl FnMut() -> bool) {
    let start = Instant::now();
    while !check() {
        assert!(
            start.elapsed() < Duration::from_secs(60),
            "never happened: {what}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_s3_service_dying_mid_upload_answers_503_and_leaves_nothing_after_a_restart() {
    let mut s3 = S3::start();
    let t = TestApp::with_s3(&s3, |_| {}).await;
    let h = t.signup("unlucky").await;
    let bytes = content(3 * PART);
    let id = t.reserve(&h.session, bytes.len() as u64).await;

    // The body arrives in two halves; between them the S3 service dies.
    let (tx, rx) = tokio::sync::mpsc::channel::<std::io::Result<Bytes>>(1);
    let stream = futures_util::stream::unfold(rx, |mut rx| async move {
        rx.recv().await.map(|item| (item, rx))
    });
    let req = Request::put(format!("/api/v1/documents/{id}/content"))
        .header("x-pde-client", "1")
        .header(header::AUTHORIZATION, bearer(&h.session))
        .header(header::CONTENT_TYPE, "application/octet-stream")
        .header(header::CONTENT_LENGTH, bytes.len())
        .body(Body::from_stream(stream))
        .unwrap();
    let app = t.app.clone();
    let upload = tokio::spawn(async move { app.oneshot(req).await.unwrap() });
    tx.send(Ok(Bytes::copy_from_slice(&bytes[..PART + 1000])))
        .await
        .unwrap();
    // The multipart upload is under way in the bucket.
    eventually("a multipart upload started", || {
        s3.garage.bucket_counts().unwrap().1 == 1
    })
    .await;
    s3.garage.stop();
    let rest = Bytes::copy_from_slice(&bytes[PART + 1000..]);
    let sender = tokio::spawn(async move {
        let _ = tx.send(Ok(rest)).await;
    });

    let response = upload.await.unwrap();
    assert_eq!(response.status(), StatusCode::SERVICE_UNAVAILABLE);
    let body = http_body_util::BodyExt::collect(response.into_body())
        .await
        .unwrap()
        .to_bytes();
    let json: serde_json::Value = serde_json::from_slice(&body).unwrap();
    assert_eq!(json["error"]["code"], "unavailable", "{json}");
    assert!(json["error"]["message"].is_string());
    sender.abort();
    assert!(t.list_ids(&h.session).await.is_empty());
    let health = t.get("/healthz", None).await;
    assert_eq!(health.status, StatusCode::SERVICE_UNAVAILABLE);

    // Garage comes back with the unfinished upload (its abort could not reach it) and the
    // marker that names it.
    s3.garage.restart().unwrap();
    assert_eq!(s3.garage.bucket_counts().unwrap().1, 1);
    assert!(
        s3.keys().await.iter().all(|k| k.starts_with("blobs/tmp/")),
        "{:?}",
        s3.keys().await
    );

    // The server restarts once the pending document's time is up: its start-up sweep (the
    // one every replica runs) deletes the document, aborts the upload and removes the marker.
    let real_now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64;
    t.clock
        .set(real_now + t.state.config.pending_ttl_secs as i64 + 60);
    let config = (*t.state.config).clone();
    let state = pde_server::prepare(config, Arc::new(t.clock.clone()))
        .await
        .unwrap();
    assert_eq!(s3.garage.bucket_counts().unwrap(), (0, 0));
    assert!(s3.keys().await.is_empty(), "{:?}", s3.keys().await);
    // Nothing listed, and a new upload goes through.
    let t2 = TestApp {
        app: pde_server::app(state.clone()),
        clock: t.clock.clone(),
        state,
        dir: tempfile::tempdir().unwrap(),
    };
    let h2 = t2.signup("after-the-outage").await;
    assert!(t2.list_ids(&h2.session).await.is_empty());
    let again = t2.store(&h2.session, &bytes).await;
    assert_eq!(t2.list_ids(&h2.session).await, vec![again.clone()]);
    let r = t2
        .get(
            &format!("/api/v1/documents/{again}/content"),
            Some(&h2.session),
        )
        .await;
    assert!(r.body == bytes[..]);
}

/// Runs `pde-server` with `args` on a fresh data directory until it exits (at most 60 s).
fn start_fails(args: &[&str], secret: &str) -> String {
    let data = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_pde-server"))
        .args(["--listen", "127.0.0.1:0"])
        .args(args)
        .env_remove("PDE_BLOB_URL")
        .env_remove("PDE_DATABASE_URL")
        .env("PDE_DATA_DIR", data.path())
        .env("PDE_S3_SECRET_ACCESS_KEY", secret)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!out.status.success(), "started: {stdout}{stderr}");
    assert!(!stdout.contains("listening"), "{stdout}");
    assert!(!stderr.contains(secret), "the secret is shown: {stderr}");
    let errors: Vec<&str> = stderr.lines().filter(|l| l.contains("ERROR")).collect();
    assert_eq!(errors.len(), 1, "{stderr}");
    errors[0].to_owned()
}

#[test]
fn a_wrong_or_unreachable_bucket_stops_the_server_at_start_with_one_line() {
    let s3 = S3::start();
    let endpoint = s3.garage.endpoint();
    let base = |bucket: &str, endpoint: &str, key: &str| {
        crate::common::s3::bucket_args(bucket, "blobs", endpoint, key)
    };
    let run = |args: Vec<String>, secret: &str| {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        start_fails(&args, secret)
    };
    // No such bucket.
    let line = run(
        base("no-such-bucket", &endpoint, &s3.garage.key_id),
        &s3.garage.secret,
    );
    assert!(
        line.contains(&format!("s3://no-such-bucket/blobs at {endpoint}")),
        "{line}"
    );
    // A wrong secret (the line must not show it).
    let line = run(
        base(garage::BUCKET, &endpoint, &s3.garage.key_id),
        "0000wrong-secret0000",
    );
    assert!(
        line.contains(&format!("s3://{}/blobs", garage::BUCKET)),
        "{line}"
    );
    // Nobody listening.
    let closed = format!(
        "http://127.0.0.1:{}",
        std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port()
    );
    let line = run(
        base(garage::BUCKET, &closed, &s3.garage.key_id),
        &s3.garage.secret,
    );
    assert!(
        line.contains(&format!("at {closed} does not answer")),
        "{line}"
    );
    // Plain HTTP needs the flag, and the flag a loopback endpoint.
    let mut args = base(garage::BUCKET, &endpoint, &s3.garage.key_id);
    args.retain(|a| a != "--s3-allow-http");
    let line = run(args, &s3.garage.secret);
    assert!(
        line.contains("--s3-endpoint") && line.contains("--s3-allow-http"),
        "{line}"
    );
    let line = run(
        base(garage::BUCKET, "http://192.0.2.1:3900", &s3.garage.key_id),
        &s3.garage.secret,
    );
    assert!(
        line.contains("--s3-allow-http: accepted only for a loopback"),
        "{line}"
    );
    // And the right settings do start it (so the failures above are about what they name).
    let data = tempfile::tempdir().unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_pde-server"))
        .args(["--listen", "127.0.0.1:0"])
        .args(base(garage::BUCKET, &endpoint, &s3.garage.key_id))
        .env_remove("PDE_BLOB_URL")
        .env_remove("PDE_DATABASE_URL")
        .env("PDE_DATA_DIR", data.path())
        .env("PDE_S3_SECRET_ACCESS_KEY", &s3.garage.secret)
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(child.stdout.take().unwrap()),
        &mut line,
    )
    .unwrap();
    let _ = child.kill();
    let _ = child.wait();
    assert!(line.starts_with("listening on http://127.0.0.1:"), "{line}");
}

/// A configuration file naming `data_dir`, `database_url` and the bucket under `prefix` (the
/// secret stays in the environment).
fn admin_config(
    s3: &S3,
    path: &std::path::Path,
    data_dir: &std::path::Path,
    database_url: &str,
    prefix: &str,
) {
    std::fs::write(
        path,
        format!(
            "data_dir = {:?}\ndatabase_url = {:?}\nblob_url = \"s3://{}/{prefix}\"\n\
             s3_endpoint = {:?}\ns3_region = {:?}\ns3_access_key_id = {:?}\ns3_allow_http = true\n",
            data_dir.display().to_string(),
            database_url,
            garage::BUCKET,
            s3.garage.endpoint(),
            garage::REGION,
            s3.garage.key_id,
        ),
    )
    .unwrap();
}

fn admin_with(s3: &S3, config: &std::path::Path, args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_pde-server"))
        .arg("admin")
        .args(args)
        .args(["--config", config.to_str().unwrap()])
        .env_remove("PDE_DATABASE_URL")
        .env_remove("PDE_DATA_DIR")
        .env_remove("PDE_BLOB_URL")
        .env("PDE_S3_SECRET_ACCESS_KEY", &s3.garage.secret)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "admin {args:?}: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

#[tokio::test]
async fn admin_backs_up_the_bucket_and_restores_it_under_another_prefix() {
    let s3 = S3::start();
    let t = TestApp::with_s3(&s3, |_| {}).await;
    let h = t.signup("s3 backup").await;
    let paper = content(3 * PART + 17);
    let doc = t.store(&h.session, &paper).await;

    let work = tempfile::tempdir().unwrap();
    let source = work.path().join("source.toml");
    admin_config(
        &s3,
        &source,
        &t.state.config.data_dir,
        &t.state.config.database_url(),
        "blobs",
    );
    let backup = work.path().join("backup");
    let said = admin_with(&s3, &source, &["backup", backup.to_str().unwrap()]);
    assert!(said.contains("1 documents"), "{said}");
    admin_with(&s3, &source, &["verify-backup", backup.to_str().unwrap()]);

    // Restored into a fresh data directory and database, and another prefix of the bucket.
    let restored = work.path().join("restored");
    let restored_db = match crate::common::databases::TestDatabase::chosen() {
        crate::common::databases::TestDatabase::Postgres => {
            crate::common::databases::fresh_postgres_url().await
        }
        crate::common::databases::TestDatabase::Sqlite => {
            format!("sqlite://{}/pde.sqlite", restored.display())
        }
    };
    let target = work.path().join("target.toml");
    admin_config(&s3, &target, &restored, &restored_db, "restored");
    admin_with(&s3, &target, &["restore", backup.to_str().unwrap()]);
    assert!(s3.keys().await.contains(&format!("restored/{doc}")));

    let (dir, url) = (restored.clone(), restored_db.clone());
    let again = TestApp::with_s3(&s3, |c| {
        s3.configure(c, "restored");
        c.data_dir = dir;
        c.database_url = Some(url);
    })
    .await;
    let r = again
        .login("s3 backup", "passphrase", &h.passphrase_auth)
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let session = r.session_token();
    let r = again
        .get(&format!("/api/v1/documents/{doc}/content"), Some(&session))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.body == paper[..], "the restored document differs");
}
