//! Documents hidden until a time: while hidden they do not exist for any route and any
//! session (passphrase, passkey or recovery code), answer exactly as an unknown id does,
//! leave the active shares they were in, and come back by themselves when the server's clock
//! reaches the time. Bad times and unknown ids are refused and hide nothing.

use crate::common::sharing::*;
use crate::common::webauthn::{Answer, ORIGIN};
use crate::common::*;
use axum::http::{Method, StatusCode};
use pde_server::clock::Clock;
use pde_server::ids::DocumentId;
use serde_json::{Value, json};

const HOUR: i64 = 3600;
const DAY: i64 = 86_400;

async fn hide(t: &TestApp, session: &str, ids: &[&str], until: i64) -> TestResponse {
    t.call(
        Method::POST,
        "/api/v1/documents/hide",
        Some(session),
        Some(json!({"ids": ids, "until": until})),
    )
    .await
}

/// Stores a document whose metadata and owner envelope are its own (`label` in them).
async fn store_own(t: &TestApp, session: &str, bytes: &[u8], label: &str) -> String {
    let r = t
        .call(
            Method::POST,
            "/api/v1/documents",
            Some(session),
            Some(json!({
                "size": bytes.len(),
                "metadata": b64(format!("metadata of {label}").as_bytes()),
                "envelope": b64(format!("owner envelope of {label}").as_bytes()),
            })),
        )
        .await;
    r.assert_status(StatusCode::CREATED);
    let id = r.json()["id"].as_str().unwrap().to_owned();
    t.upload(session, &id, bytes)
        .await
        .assert_status(StatusCode::NO_CONTENT);
    id
}

/// Sessions that last for the whole story.
async fn app() -> TestApp {
    TestApp::with_config(|c| {
        c.session_idle_secs = 7 * DAY as u64;
        c.session_absolute_secs = 7 * DAY as u64;
        c.public_url = ORIGIN.into();
    })
    .await
}

fn ids_of(documents: &Value) -> Vec<String> {
    documents
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d.as_str().or(d["id"].as_str()).unwrap().to_owned())
        .collect()
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

/// Every request that names one document, as (label, method, path, body) for `id`.
fn document_requests(id: &str) -> Vec<(&'static str, Method, String, Option<Value>)> {
    vec![
        (
            "GET content",
            Method::GET,
            format!("/api/v1/documents/{id}/content"),
            None,
        ),
        (
            "PUT metadata",
            Method::PUT,
            format!("/api/v1/documents/{id}/metadata"),
            Some(json!({"metadata": b64(b"renamed")})),
        ),
        (
            "DELETE",
            Method::DELETE,
            format!("/api/v1/documents/{id}"),
            None,
        ),
        (
            "hide again",
            Method::POST,
            "/api/v1/documents/hide".into(),
            Some(json!({"ids": [id], "until": T0 + HOUR})),
        ),
        (
            "share",
            Method::POST,
            "/api/v1/shares".into(),
            Some(json!({
                "kind": "link",
                "duration_secs": 3600,
                "access_key": b64(&rand_bytes::<32>()),
                "documents": TestApp::share_documents(&[id]),
            })),
        ),
    ]
}

#[tokio::test]
async fn a_hidden_document_exists_for_no_route_and_no_session_until_its_time() {
    let t = app().await;
    t.organisation("Samu Social").await;
    let a = t.signup("holder a").await;
    let w = t.verified_worker("Samu Social", "ann", "Ann Worker").await;
    let (mut passkey, _) = t.add_passkey(&a, None).await;
    let kept_bytes = content(300, 1);
    let hidden_bytes = content(7777, 2);
    let kept = t.store(&a.session, &kept_bytes).await;
    let hidden = store_own(&t, &a.session, &hidden_bytes, "the hidden one").await;

    // An ended share that opened the document (its history names it), an active share of
    // both documents, one of the hidden document alone, and a link to both.
    let old = t
        .share_with(&a.session, &w.id, &[&hidden], DAY as u64)
        .await;
    t.worker_reads(&w.session, &old, &hidden)
        .await
        .assert_status(StatusCode::OK);
    t.call(
        Method::POST,
        &format!("/api/v1/shares/{old}/revoke"),
        Some(&a.session),
        None,
    )
    .await
    .assert_status(StatusCode::NO_CONTENT);
    let both = t
        .share_with(&a.session, &w.id, &[&kept, &hidden], DAY as u64)
        .await;
    let alone = t
        .share_with(&a.session, &w.id, &[&hidden], DAY as u64)
        .await;
    let link = t
        .make_link(&a.session, &[&kept, &hidden], DAY as u64, None)
        .await;
    let before = t.shares_of(&a.session).await;
    assert!(before.iter().any(|s| {
        s["id"] == old.as_str()
            && s["receipts"]
                .as_array()
                .unwrap()
                .iter()
                .any(|r| r["document_id"] == hidden.as_str())
    }));

    let listed_before = t.get("/api/v1/documents", Some(&a.session)).await.json();
    let stored = listed_before["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == hidden.as_str())
        .unwrap()
        .clone();
    let until = t.clock.now() + 2 * HOUR;
    hide(&t, &a.session, &[&hidden], until)
        .await
        .assert_status(StatusCode::NO_CONTENT);

    // Every way of opening the wallet: the session of the sign-up, a passphrase log-in, a
    // recovery-code log-in, a passkey log-in.
    let by_passphrase = t
        .login(&a.pseudonym, "passphrase", &a.passphrase_auth)
        .await
        .session_token();
    let by_recovery = t
        .login(&a.pseudonym, "recovery", &a.recovery_auth)
        .await
        .session_token();
    let (ceremony, options) = t.passkey_login_start().await;
    let by_passkey = t
        .passkey_login_finish(&ceremony, passkey.assert(&options, &Answer::default()))
        .await
        .session_token();
    let ghost = DocumentId::random().to_string();
    let mut answers: Vec<(String, TestResponse)> = Vec::new();
    for session in [&a.session, &by_passphrase, &by_recovery, &by_passkey] {
        let list = t.get("/api/v1/documents", Some(session)).await;
        assert_eq!(ids_of(&list.json()["documents"]), vec![kept.clone()]);
        let account = t.get("/api/v1/account", Some(session)).await;
        assert_eq!(
            account.json()["usage"]["used_bytes"],
            kept_bytes.len(),
            "the usage shown leaves the hidden document out"
        );
        let shares = t.get("/api/v1/shares", Some(session)).await;
        answers.extend([
            ("documents".to_owned(), list),
            ("account".to_owned(), account),
            ("shares".to_owned(), shares),
        ]);
        // The hidden document answers every route exactly as an id nobody has.
        for ((label, method, path, body), (_, g_method, g_path, g_body)) in
            document_requests(&hidden)
                .into_iter()
                .zip(document_requests(&ghost))
        {
            let got = t.call(method, &path, Some(session), body).await;
            let unknown = t.call(g_method, &g_path, Some(session), g_body).await;
            assert_eq!(
                (got.status, &got.body),
                (unknown.status, &unknown.body),
                "{label} of a hidden document differs from an unknown one"
            );
            assert_eq!(got.status, StatusCode::NOT_FOUND, "{label}");
            answers.push((label.to_owned(), got));
        }
    }

    // Out of the active shares; the share that held nothing else has ended; the ended
    // share's history no longer names it.
    let shares = t.shares_of(&a.session).await;
    let share = |id: &str| shares.iter().find(|s| s["id"] == id).unwrap().clone();
    assert_eq!(ids_of(&share(&both)["document_ids"]), vec![kept.clone()]);
    assert_eq!(share(&both)["status"], "active");
    assert_eq!(share(&alone)["status"], "revoked");
    assert_eq!(share(&alone)["revoked_at"], T0);
    assert_eq!(ids_of(&share(&old)["document_ids"]), Vec::<String>::new());
    assert_eq!(share(&old)["receipts"], json!([]));

    // The worker and the link's visitor see only the other document.
    let listed = t.get("/api/v1/shared-with-me", Some(&w.session)).await;
    assert_eq!(t.shared_with_me_ids(&w.session).await, vec![both.clone()]);
    let one = t
        .get(&format!("/api/v1/shared-with-me/{both}"), Some(&w.session))
        .await;
    assert_eq!(ids_of(&one.json()["documents"]), vec![kept.clone()]);
    let read = t.worker_reads(&w.session, &both, &hidden).await;
    let read_ghost = t.worker_reads(&w.session, &both, &ghost).await;
    assert_eq!(
        (read.status, &read.body),
        (read_ghost.status, &read_ghost.body)
    );
    let opened = t.link_call(&link, "open", None).await;
    assert_eq!(ids_of(&opened.json()["documents"]), vec![kept.clone()]);
    let link_read = t
        .link_call(&link, &format!("documents/{hidden}/content"), None)
        .await;
    let link_ghost = t
        .link_call(&link, &format!("documents/{ghost}/content"), None)
        .await;
    assert_eq!(
        (link_read.status, &link_read.body),
        (link_ghost.status, &link_ghost.body)
    );
    answers.extend([
        ("shared-with-me".to_owned(), listed),
        ("shared-with-me/{id}".to_owned(), one),
        ("worker reads".to_owned(), read),
        ("link open".to_owned(), opened),
        ("link reads".to_owned(), link_read),
    ]);
    let size = format!(":{}", hidden_bytes.len());
    for (label, r) in &answers {
        let body = String::from_utf8_lossy(&r.body);
        assert!(!body.contains(&hidden), "{label} names the hidden document");
        assert!(
            !body.contains(&b64(&age(&format!("share envelope of {hidden}")))),
            "{label} carries its envelope"
        );
        assert!(!body.contains(&size), "{label} carries its size");
        for field in ["envelope", "metadata"] {
            assert!(
                !body.contains(stored[field].as_str().unwrap()),
                "{label} carries its {field}"
            );
        }
    }

    // One second before the time it is still hidden; at the time it is back, by itself,
    // whole, with its history, but not in the shares it left.
    t.clock.set(until - 1);
    assert_eq!(t.list_ids(&by_recovery).await, vec![kept.clone()]);
    t.clock.set(until);
    assert_eq!(
        sorted(t.list_ids(&by_recovery).await),
        sorted(vec![kept.clone(), hidden.clone()])
    );
    let back = t
        .get(
            &format!("/api/v1/documents/{hidden}/content"),
            Some(&a.session),
        )
        .await;
    back.assert_status(StatusCode::OK);
    assert_eq!(back.body.as_ref(), hidden_bytes.as_slice());
    let shares = t.shares_of(&a.session).await;
    let share = |id: &str| shares.iter().find(|s| s["id"] == id).unwrap().clone();
    assert_eq!(ids_of(&share(&both)["document_ids"]), vec![kept.clone()]);
    assert_eq!(ids_of(&share(&old)["document_ids"]), vec![hidden.clone()]);
    assert_eq!(share(&old)["receipts"].as_array().unwrap().len(), 1);
    assert_eq!(
        t.get("/api/v1/account", Some(&a.session)).await.json()["usage"]["used_bytes"],
        kept_bytes.len() + hidden_bytes.len()
    );
}

#[tokio::test]
async fn hidden_bytes_still_count_toward_the_quota() {
    let t = TestApp::with_config(|c| {
        c.quota_bytes = 1000;
        c.max_document_bytes = 1000;
    })
    .await;
    let a = t.signup("holder a").await;
    let big = t.store(&a.session, &content(700, 3)).await;
    hide(&t, &a.session, &[&big], T0 + HOUR)
        .await
        .assert_status(StatusCode::NO_CONTENT);
    let usage = t.get("/api/v1/account", Some(&a.session)).await.json()["usage"].clone();
    assert_eq!(usage["used_bytes"], 0);
    // Hiding freed nothing: 700 hidden + 400 is over 1000.
    t.reserve_raw(&a.session, 400)
        .await
        .assert_error(StatusCode::PAYLOAD_TOO_LARGE, "quota_exceeded");
    t.reserve_raw(&a.session, 300)
        .await
        .assert_status(StatusCode::CREATED);
}

#[tokio::test]
async fn bad_times_and_unknown_ids_are_refused_and_hide_nothing() {
    let t = app().await;
    let a = t.signup("holder a").await;
    let b = t.signup("holder b").await;
    let one = t.store(&a.session, b"one").await;
    let two = t.store(&a.session, b"two").await;
    let bs = t.store(&b.session, b"b's").await;
    let pending = t.reserve(&a.session, 10).await;
    let now = t.clock.now();

    hide(&t, &a.session, &[&one], now)
        .await
        .assert_error(StatusCode::BAD_REQUEST, "hide_until_past");
    hide(&t, &a.session, &[&one], now - 60)
        .await
        .assert_error(StatusCode::BAD_REQUEST, "hide_until_past");
    hide(&t, &a.session, &[&one], now + 90 * DAY + 1)
        .await
        .assert_error(StatusCode::BAD_REQUEST, "hide_until_too_far");
    hide(&t, &a.session, &[], now + HOUR)
        .await
        .assert_error(StatusCode::BAD_REQUEST, "invalid_field");
    hide(&t, &a.session, &[&one, &one], now + HOUR)
        .await
        .assert_error(StatusCode::BAD_REQUEST, "invalid_field");
    let ghost = DocumentId::random().to_string();
    for foreign in [&ghost, &bs, &pending] {
        hide(&t, &a.session, &[&one, foreign], now + HOUR)
            .await
            .assert_error(StatusCode::NOT_FOUND, "not_found");
    }
    assert_eq!(
        sorted(t.list_ids(&a.session).await),
        sorted(vec![one.clone(), two.clone()])
    );
    assert_eq!(t.list_ids(&b.session).await, vec![bs.clone()]);
    hide(&t, &a.session, &[&one, &two], now + 90 * DAY)
        .await
        .assert_status(StatusCode::NO_CONTENT);
    assert!(t.list_ids(&a.session).await.is_empty());
    // Nobody brings them back early: hiding again, with a nearer time, finds nothing.
    hide(&t, &a.session, &[&one], now + 60)
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    t.clock.set(now + 90 * DAY - 1);
    let later = t
        .login(&a.pseudonym, "passphrase", &a.passphrase_auth)
        .await
        .session_token();
    assert!(t.list_ids(&later).await.is_empty());
    t.clock.set(now + 90 * DAY);
    assert_eq!(
        sorted(t.list_ids(&later).await),
        sorted(vec![one.clone(), two.clone()])
    );
}
