//! Edges found by probing: long path segments, a full disk, uploads a crash cut off, `HEAD`
//! on content routes.

use std::sync::Arc;

use crate::common::*;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode};
use pde_server::storage::SqlStorage;
use serde_json::json;

async fn sql(t: &TestApp, statement: &str) -> i64 {
    let pool = databases::open_pool(&t.state.config.database_url()).await;
    let rows = sqlx::query(sqlx::AssertSqlSafe(statement.to_owned()))
        .execute(&pool)
        .await
        .unwrap()
        .rows_affected();
    pool.close().await;
    i64::try_from(rows).unwrap()
}

#[tokio::test]
async fn a_path_segment_over_255_bytes_is_a_clear_client_error() {
    let t = TestApp::new().await;
    let web = t.dir.path().join("web");
    std::fs::create_dir_all(&web).unwrap();
    std::fs::write(web.join("index.html"), "<!doctype html><title>PDE</title>").unwrap();
    let h = t.signup("long paths").await;
    let long = "a".repeat(256);
    for path in [
        format!("/{long}"),
        format!("/assets/{long}.js"),
        format!("/s/{long}"),
        format!("/api/v1/documents/{long}/content"),
        format!("/api/v1/{long}"),
    ] {
        let r = t.get(&path, Some(&h.session)).await;
        r.assert_error(StatusCode::BAD_REQUEST, "bad_request");
        assert!(
            r.json()["error"]["message"]
                .as_str()
                .unwrap()
                .contains("255 bytes")
        );
    }
    // 255 bytes is still an ordinary path: the web app for unknown pages.
    let r = t.get(&format!("/{}", "a".repeat(255)), None).await;
    assert_eq!(r.status, StatusCode::OK);
}

/// The database of `t` reopened with a page limit at its current size: every write that
/// needs a new page fails as on a full disk (`SQLITE_FULL`).
async fn full_database(t: &mut TestApp) {
    let path = t.state.config.data_dir.join("pde.sqlite");
    let pages = {
        let pool = sqlx::SqlitePool::connect(&t.state.config.database_url())
            .await
            .unwrap();
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(&pool)
            .await
            .unwrap();
        let (pages,): (i64,) = sqlx::query_as("PRAGMA page_count")
            .fetch_one(&pool)
            .await
            .unwrap();
        pool.close().await;
        pages
    };
    let url = format!("sqlite://{}", path.display());
    let pragmas = [("max_page_count", pages.to_string())];
    t.state.storage = Arc::new(SqlStorage::connect_with(&url, &pragmas).await.unwrap());
    t.app = pde_server::app(t.state.clone());
}

#[tokio::test]
async fn a_full_database_answers_storage_full_not_500() {
    // SQLite's page limit stands in for a full disk; on PostgreSQL the same error code maps to
    // the same answer (`storage::sql::postgres::is_full`).
    let mut t = TestApp::with_config(|c| c.database_url = None).await;
    let holders: Vec<Holder> = {
        let mut v = Vec::new();
        for i in 0..3 {
            v.push(t.signup(&format!("full disk {i}")).await);
        }
        v
    };
    full_database(&mut t).await;
    // Writes go on until a page runs out; from then on every answer is 507, never 500.
    let mut full = 0;
    for i in 0..400 {
        let r = t
            .call(
                Method::POST,
                "/api/v1/accounts",
                None,
                Some(Holder::new(&format!("filler number {i}")).signup_body()),
            )
            .await;
        match r.status {
            StatusCode::CREATED => {}
            _ => {
                r.assert_error(StatusCode::INSUFFICIENT_STORAGE, "storage_full");
                full += 1;
            }
        }
    }
    assert!(full > 0, "the database never filled up");
    // Log-ins (the throttle and the session are writes) and reservations.
    let mut login_full = 0;
    let mut reserve_full = 0;
    for h in &holders {
        for _ in 0..20 {
            let r = t
                .login(&h.pseudonym, "passphrase", &h.passphrase_auth)
                .await;
            if r.status != StatusCode::OK {
                r.assert_error(StatusCode::INSUFFICIENT_STORAGE, "storage_full");
                login_full += 1;
            }
            let r = t.reserve_raw(&h.session, 10).await;
            if r.status != StatusCode::CREATED {
                r.assert_error(StatusCode::INSUFFICIENT_STORAGE, "storage_full");
                reserve_full += 1;
            }
        }
    }
    assert!(
        login_full > 0 && reserve_full > 0,
        "{login_full} {reserve_full}"
    );
}

#[tokio::test]
async fn health_reports_a_full_disk() {
    let mut t = TestApp::new().await;
    let r = t.get("/healthz", None).await;
    assert_eq!(
        (r.status, r.json()),
        (StatusCode::OK, json!({"status": "ok"}))
    );
    t.state.blobs = Arc::new(FullDisk);
    t.app = pde_server::app(t.state.clone());
    let r = t.get("/healthz", None).await;
    assert_eq!(
        (r.status, r.json()),
        (
            StatusCode::INSUFFICIENT_STORAGE,
            json!({"status": "storage_full"})
        )
    );
}

#[tokio::test]
async fn an_upload_a_crash_cut_off_can_be_retried_once_its_lease_ends() {
    let t = TestApp::new().await;
    let h = t.signup("crashed upload").await;
    let id = t.reserve(&h.session, 4).await;
    // As a crash mid-upload leaves it: uploading, last alive now.
    let alive = format!("UPDATE documents SET state = 'uploading', upload_seen_at = {T0}");
    assert_eq!(sql(&t, &alive).await, 1);
    t.upload(&h.session, &id, b"full")
        .await
        .assert_error(StatusCode::CONFLICT, "already_uploaded");
    // A restart changes nothing (another replica may be running that upload)...
    pde_server::sweeper::sweep(&t.state).await.unwrap();
    t.clock.advance(59);
    t.upload(&h.session, &id, b"full")
        .await
        .assert_error(StatusCode::CONFLICT, "already_uploaded");
    // ...but once the lease (60 s) is over, the upload can be made again.
    t.clock.advance(1);
    let r = t.upload(&h.session, &id, b"full").await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert_eq!(t.list_ids(&h.session).await, vec![id]);
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_upload_still_sending_keeps_its_lease_and_is_not_taken_over() {
    let t = std::sync::Arc::new(TestApp::with_config(|c| c.upload_lease_secs = 3).await);
    let h = t.signup("slow sender").await;
    let id = t.reserve(&h.session, 8).await;
    let (tx, rx) = tokio::sync::mpsc::channel::<Vec<u8>>(1);
    let slow = {
        let (t, session, id) = (t.clone(), h.session.clone(), id.clone());
        tokio::spawn(async move {
            let chunks = futures_util::stream::unfold(rx, |mut rx| async move {
                rx.recv()
                    .await
                    .map(|c| (Ok::<_, std::io::Error>(axum::body::Bytes::from(c)), rx))
            });
            let req = Request::put(format!("/api/v1/documents/{id}/content"))
                .header("x-pde-client", "1")
                .header("authorization", bearer(&session))
                .header("content-length", "8")
                .body(Body::from_stream(chunks))
                .unwrap();
            t.send(req).await
        })
    };
    tx.send(b"half".to_vec()).await.unwrap();
    // The lease is 3 s, refreshed every second of real time with the (test) clock's time.
    t.clock.advance(2);
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    t.clock.advance(2);
    // 4 s after it began, the upload is alive: a second one is refused.
    t.upload(&h.session, &id, b"whole!!!")
        .await
        .assert_error(StatusCode::CONFLICT, "already_uploaded");
    tx.send(b"done".to_vec()).await.unwrap();
    drop(tx);
    assert_eq!(slow.await.unwrap().status, StatusCode::NO_CONTENT);
    let r = t
        .get(&format!("/api/v1/documents/{id}/content"), Some(&h.session))
        .await;
    assert_eq!(r.body.as_ref(), b"halfdone");
}

#[tokio::test]
async fn head_on_content_routes_records_no_receipt() {
    let t = TestApp::new().await;
    let h = t.signup("head holder").await;
    t.organisation("Samu Social").await;
    let w = t.worker("Samu Social", "head.worker", "Ann Worker").await;
    let doc = t.store(&h.session, b"a paper").await;
    let share = t.share_with(&h.session, &w.id, &[&doc], 86_400).await;
    let link = t.make_link(&h.session, &[&doc], 86_400, None).await;

    let head = |path: String, session: Option<String>| {
        let mut req = Request::head(path).header("x-pde-client", "1");
        if let Some(s) = session {
            req = req.header("authorization", bearer(&s));
        }
        req.body(Body::empty()).unwrap()
    };
    let r = t
        .send(head(
            format!("/api/v1/shared-with-me/{share}/documents/{doc}/content"),
            Some(w.session.clone()),
        ))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let r = t
        .send(head(
            format!("/api/v1/links/{}/documents/{doc}/content", link.id),
            None,
        ))
        .await;
    assert!(r.status.is_client_error(), "{}", r.status);
    assert_eq!(t.db_count("SELECT COUNT(*) FROM receipts").await, 0);

    // A GET is an opening.
    let r = t
        .get(
            &format!("/api/v1/shared-with-me/{share}/documents/{doc}/content"),
            Some(&w.session),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(t.db_count("SELECT COUNT(*) FROM receipts").await, 1);
}
