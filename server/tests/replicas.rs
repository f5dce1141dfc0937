//! Two server processes on one PostgreSQL database and one blob store: whatever one replica
//! does, the other sees at once, and both sweep at the same time without harm.

use std::process::Command;

use crate::common::binary::{RunningServer, ok};
use crate::common::databases::fresh_postgres_url;
use crate::common::net::{login, put_content, request, signup};
use crate::common::sharing::{age, join_body};
use crate::common::*;
use serde_json::{Value, json};

fn admin(database_url: &str, data: &std::path::Path, args: &[&str]) -> String {
    ok(Command::new(env!("CARGO_BIN_EXE_pde-server"))
        .arg("admin")
        .args(args)
        .env("PDE_DATABASE_URL", database_url)
        .env("PDE_DATA_DIR", data)
        .env("PDE_PUBLIC_URL", "https://pde.example")
        .env_remove("PDE_CONFIG")
        .output()
        .unwrap())
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_replicas_on_one_database_and_one_blob_store_act_as_one_service() {
    let url = fresh_postgres_url().await;
    let dir = tempfile::tempdir().unwrap();
    let shared = dir.path().join("shared");
    let blobs = shared.join("blobs");
    let pepper = shared.join("pepper");
    std::fs::create_dir_all(&shared).unwrap();
    let replica = |name: &str| {
        let data = dir.path().join(name);
        RunningServer::start(
            &[
                "--data-dir",
                data.to_str().unwrap(),
                "--database-url",
                &url,
                "--blob-dir",
                blobs.to_str().unwrap(),
                "--pepper-file",
                pepper.to_str().unwrap(),
                "--sweep-interval-secs",
                "1",
                "--pending-ttl-secs",
                "1",
            ],
            Some(&dir.path().join(format!("{name}.log"))),
        )
    };
    // The pepper is shared like the database: B starts once A has created it.
    let a = replica("a");
    let b = replica("b");

    // Sign up on A, log in on B.
    let holder = Holder::new("two replicas");
    let on_a = signup(a.addr, &holder).await;
    let on_b = login(b.addr, &holder).await;
    // A session made on A works on B.
    let r = request(b.addr, "GET", "/api/v1/account", Some(&on_a), None).await;
    assert_eq!(r.status, 200);

    // Upload on A, download on B.
    let content = b"a birth certificate, encrypted".to_vec();
    let reserve = json!({"size": content.len(), "metadata": b64(b"m"), "envelope": b64(b"e")});
    let r = request(
        a.addr,
        "POST",
        "/api/v1/documents",
        Some(&on_a),
        Some(&reserve),
    )
    .await;
    assert_eq!(r.status, 201);
    let doc = r.json()["id"].as_str().unwrap().to_owned();
    assert_eq!(put_content(a.addr, &on_a, &doc, &content).await.status, 204);
    let r = request(
        b.addr,
        "GET",
        &format!("/api/v1/documents/{doc}/content"),
        Some(&on_b),
        None,
    )
    .await;
    assert_eq!((r.status, r.body.clone()), (200, content.clone()));

    // A worker joins on A; the holder shares on B; the worker opens on A.
    admin(&url, &dir.path().join("a"), &["org", "add", "Samu Social"]);
    let invite = admin(
        &url,
        &dir.path().join("a"),
        &["worker", "invite", "--org", "Samu Social"],
    );
    let token = invite
        .lines()
        .find_map(|l| l.strip_prefix("link: https://pde.example/join#"))
        .unwrap()
        .to_owned();
    let worker = Holder::new("replica.worker");
    let r = request(
        a.addr,
        "POST",
        "/api/v1/workers",
        None,
        Some(&join_body(&worker, &token, "Ann Worker")),
    )
    .await;
    assert_eq!(r.status, 201, "{:?}", String::from_utf8_lossy(&r.body));
    let worker_session = r.session();
    let worker_id = r.json()["account"]["worker"]["id"]
        .as_str()
        .unwrap()
        .to_owned();
    let share = json!({
        "kind": "worker", "worker_id": worker_id, "duration_secs": 3600,
        "note": b64(&age("a note")),
        "documents": [{"id": doc, "envelope": b64(&age("share envelope"))}],
    });
    let r = request(b.addr, "POST", "/api/v1/shares", Some(&on_b), Some(&share)).await;
    assert_eq!(r.status, 201);
    let share_id = r.json()["id"].as_str().unwrap().to_owned();
    let shared = format!("/api/v1/shared-with-me/{share_id}/documents/{doc}/content");
    let r = request(a.addr, "GET", &shared, Some(&worker_session), None).await;
    assert_eq!((r.status, r.body.clone()), (200, content.clone()));

    // Revoke on A: refused on B at once; B's holder sees the receipt A recorded.
    let r = request(
        a.addr,
        "POST",
        &format!("/api/v1/shares/{share_id}/revoke"),
        Some(&on_a),
        None,
    )
    .await;
    assert_eq!(r.status, 204);
    let r = request(b.addr, "GET", &shared, Some(&worker_session), None).await;
    assert_eq!((r.status, r.code()), (410, "share_ended".to_owned()));
    let r = request(b.addr, "GET", "/api/v1/shares", Some(&on_b), None).await;
    let mine: Value = r.json()["shares"][0].clone();
    assert_eq!(mine["status"], "revoked");
    assert_eq!(mine["receipts"].as_array().unwrap().len(), 1);

    // Both sweep every second: a reservation that never gets content is swept once, the
    // complete document stays, and neither replica logs a failed sweep.
    let r = request(
        b.addr,
        "POST",
        "/api/v1/documents",
        Some(&on_b),
        Some(&reserve),
    )
    .await;
    assert_eq!(r.status, 201);
    let mut swept = false;
    for _ in 0..100 {
        let r = request(a.addr, "GET", "/api/v1/account", Some(&on_a), None).await;
        if r.json()["usage"]["used_bytes"] == content.len() {
            swept = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(swept, "the abandoned reservation was swept");
    let r = request(a.addr, "GET", "/api/v1/documents", Some(&on_a), None).await;
    assert_eq!(r.json()["documents"].as_array().unwrap().len(), 1);
    drop((a, b));
    for name in ["a", "b"] {
        let log = std::fs::read_to_string(dir.path().join(format!("{name}.log"))).unwrap();
        assert!(!log.contains("sweep failed"), "{name}: {log}");
        assert!(!log.contains("ERROR"), "{name}: {log}");
    }
}
