//! Faults of the database: a wrong one at start, and an outage while the server runs.

use std::process::Command;

use crate::common::own_cluster::OwnCluster;
use crate::common::*;
use axum::http::StatusCode;

/// Starts the real binary on `database_url`; answers its exit code and standard error.
fn start_on(database_url: &str) -> (Option<i32>, String) {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_pde-server"))
        .args(["serve", "--listen", "127.0.0.1:0", "--data-dir"])
        .arg(dir.path())
        .args(["--database-url", database_url])
        .env_remove("PDE_CONFIG")
        .output()
        .unwrap();
    (out.status.code(), String::from_utf8(out.stderr).unwrap())
}

#[test]
fn a_wrong_or_unreachable_database_at_start_is_one_clear_line_and_a_failure() {
    let dir = tempfile::tempdir().unwrap();
    let missing_dir = dir.path().join("no/such/dir/pde.sqlite");
    for (url, why) in [
        (
            "postgres://pde:hunter2@127.0.0.1:1/pde".to_owned(),
            "Connection refused",
        ),
        ("mysql://db/pde".to_owned(), "unsupported database URL"),
        (
            format!("sqlite://{}", missing_dir.display()),
            "unable to open database file",
        ),
    ] {
        let (code, stderr) = start_on(&url);
        assert_ne!(code, Some(0), "{url}: {stderr}");
        let errors: Vec<&str> = stderr.lines().filter(|l| l.contains("ERROR")).collect();
        assert_eq!(errors.len(), 1, "{url}: {stderr}");
        assert!(errors[0].contains("cannot open the database"), "{stderr}");
        assert!(errors[0].contains(why), "{url}: {stderr}");
        assert!(
            !stderr.contains("hunter2"),
            "the password is masked: {stderr}"
        );
        assert!(!stderr.contains("listening on"), "{stderr}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn requests_during_a_postgres_restart_get_503_and_nothing_is_lost() {
    let cluster = OwnCluster::start();
    let url = cluster.url();
    let t = TestApp::with_config(|c| c.database_url = Some(url)).await;
    let h = t.signup("through the outage").await;
    let kept = t
        .store(&h.session, b"a paper kept through the outage")
        .await;

    cluster.stop();
    let r = t.get("/api/v1/documents", Some(&h.session)).await;
    r.assert_error(StatusCode::SERVICE_UNAVAILABLE, "unavailable");
    assert_eq!(r.headers["retry-after"], "5");
    t.reserve_raw(&h.session, 10)
        .await
        .assert_error(StatusCode::SERVICE_UNAVAILABLE, "unavailable");
    let health = t.get("/healthz", None).await;
    assert_eq!(health.status, StatusCode::SERVICE_UNAVAILABLE);
    assert_eq!(health.json()["status"], "unavailable");

    cluster.start_again();
    assert_eq!(t.list_ids(&h.session).await, vec![kept.clone()]);
    let r = t
        .get(
            &format!("/api/v1/documents/{kept}/content"),
            Some(&h.session),
        )
        .await;
    assert_eq!(r.body.as_ref(), b"a paper kept through the outage");
    // Listed oldest first: the new one a second later, so the order does not depend on ids.
    t.clock.advance(1);
    let added = t.store(&h.session, b"added after").await;
    assert_eq!(t.list_ids(&h.session).await, vec![kept, added]);
    assert_eq!(t.get("/healthz", None).await.status, StatusCode::OK);
}
