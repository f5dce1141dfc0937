//! The limited view of a second passphrase: a limited session answers every holder route
//! exactly as a real wallet holding only the view's documents would (same shapes, same bytes
//! once ids, times and the pseudonym are set aside), and nothing it does reaches the other
//! documents: not a share, not a deletion.

use std::collections::HashMap;

use crate::common::sharing::*;
use crate::common::*;
use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

const SECOND: [u8; 32] = [0x5e; 32];

async fn set_view(t: &TestApp, h: &Holder, auth_key: &[u8], recipient: &str) -> TestResponse {
    t.call(
        Method::PUT,
        "/api/v1/account/limited-view",
        Some(&h.session),
        Some(json!({
            "proof": {"method": "passphrase", "auth_key": b64(&h.passphrase_auth)},
            "recipient": recipient,
            "wrapped": b64(&age("V wrapped to W")),
            "auth_key": b64(auth_key),
            "slot": b64(&age("V under the second passphrase")),
        })),
    )
    .await
}

async fn add_to_view(t: &TestApp, h: &Holder, id: &str, envelope: &[u8]) {
    t.call(
        Method::PUT,
        &format!("/api/v1/account/limited-view/documents/{id}"),
        Some(&h.session),
        Some(json!({"envelope": b64(envelope)})),
    )
    .await
    .assert_status(StatusCode::NO_CONTENT);
}

/// Stores a document with the given metadata and envelope ciphertexts.
async fn store_doc(
    t: &TestApp,
    session: &str,
    bytes: &[u8],
    label: &str,
    envelope: &[u8],
) -> String {
    let r = t
        .call(
            Method::POST,
            "/api/v1/documents",
            Some(session),
            Some(json!({
                "size": bytes.len(),
                "metadata": b64(format!("metadata of {label}").as_bytes()),
                "envelope": b64(envelope),
            })),
        )
        .await;
    r.assert_status(StatusCode::CREATED);
    let id = r.json()["id"].as_str().unwrap().to_owned();
    t.upload(session, &id, bytes)
        .await
        .assert_status(StatusCode::NO_CONTENT);
    // Lists are in order of creation: one second apart, so the order is the same everywhere.
    t.clock.advance(1);
    id
}

/// Replaces every id-like and time-like value by a placeholder numbered in order of first
/// appearance, and the pseudonyms by one name, so two wallets' answers compare as equal when
/// they differ only there.
struct Normaliser {
    seen: HashMap<String, usize>,
    pseudonyms: Vec<String>,
}

impl Normaliser {
    fn new(pseudonyms: &[&str]) -> Self {
        Self {
            seen: HashMap::new(),
            pseudonyms: pseudonyms.iter().map(|p| p.to_string()).collect(),
        }
    }

    fn text(&mut self, s: &str) -> String {
        if self.pseudonyms.iter().any(|p| p == s) {
            return "<pseudonym>".into();
        }
        let hex = s.len() >= 32 && s.bytes().all(|b| b.is_ascii_hexdigit());
        if hex {
            let n = self.seen.len();
            let n = *self.seen.entry(s.to_owned()).or_insert(n);
            return format!("<id {n}>");
        }
        s.to_owned()
    }

    fn value(&mut self, key: &str, v: &Value) -> Value {
        match v {
            Value::String(s) => Value::String(self.text(s)),
            Value::Number(_) if key.ends_with("_at") || key.ends_with("_day") || key == "at" => {
                json!("<time>")
            }
            Value::Array(items) => Value::Array(items.iter().map(|i| self.value(key, i)).collect()),
            Value::Object(map) => Value::Object(
                map.iter()
                    .map(|(k, v)| (k.clone(), self.value(k, v)))
                    .collect(),
            ),
            other => other.clone(),
        }
    }

    fn answer(&mut self, r: &TestResponse) -> (u16, Value) {
        let body = if r.body.is_empty() {
            Value::Null
        } else {
            serde_json::from_slice(&r.body)
                .map(|v: Value| self.value("", &v))
                .unwrap_or_else(|_| json!({"bytes": b64(&r.body)}))
        };
        (r.status.as_u16(), body)
    }
}

/// A wallet with 5 documents, 2 of them in its limited view, and a real wallet holding only
/// those 2 (same content, metadata and envelopes, its recipient is V's): the limited session
/// and the real wallet answer every holder route alike.
#[tokio::test]
async fn a_limited_session_answers_every_route_like_a_wallet_with_only_its_documents() {
    let t = TestApp::new().await;
    t.organisation("Samu Social").await;
    let worker = t.verified_worker("Samu Social", "ann", "Ann Worker").await;
    let full = t.signup("holder full").await;
    let v_recipient = recipient_for("the limited view");
    let contents: Vec<Vec<u8>> = (0..5).map(|i| content(500 + 100 * i, i as u8)).collect();
    let mut ids = Vec::new();
    for (i, bytes) in contents.iter().enumerate() {
        let envelope = format!("owner envelope {i}");
        ids.push(
            store_doc(
                &t,
                &full.session,
                bytes,
                &format!("doc {i}"),
                envelope.as_bytes(),
            )
            .await,
        );
    }
    set_view(&t, &full, &SECOND, &v_recipient)
        .await
        .assert_status(StatusCode::NO_CONTENT);
    let shown = [1usize, 3];
    for &i in &shown {
        add_to_view(&t, &full, &ids[i], &age(&format!("V envelope {i}"))).await;
    }
    // Full-view activity the limited view must not see: a share of a hidden-from-it document.
    t.share_with(&full.session, &worker.id, &[&ids[0], &ids[1]], 3600)
        .await;

    // The real wallet: the same 2 documents, recipient and slot as the view.
    let mut real_secrets = Holder::new("holder real");
    real_secrets.recipient = v_recipient.clone();
    real_secrets.passphrase_auth = SECOND;
    real_secrets.passphrase_slot = age("V under the second passphrase");
    let r = t
        .call(
            Method::POST,
            "/api/v1/accounts",
            None,
            Some(real_secrets.signup_body()),
        )
        .await;
    r.assert_status(StatusCode::CREATED);
    let real_signup_session = r.session_token();
    let mut real_ids = Vec::new();
    for &i in &shown {
        let envelope = age(&format!("V envelope {i}"));
        real_ids.push(
            store_doc(
                &t,
                &real_signup_session,
                &contents[i],
                &format!("doc {i}"),
                &envelope,
            )
            .await,
        );
    }
    // Log both in the same way (the sign-up session of the real one is ended, as the full
    // view's sessions are not the limited view's).
    t.call(
        Method::POST,
        "/api/v1/auth/logout",
        Some(&real_signup_session),
        None,
    )
    .await
    .assert_status(StatusCode::NO_CONTENT);

    let names = ["holder full", "holder real"];
    let (mut norm, mut norm_real) = (Normaliser::new(&names), Normaliser::new(&names));
    let limited_login = t.login("holder full", "passphrase", &SECOND).await;
    let real_login = t.login("holder real", "passphrase", &SECOND).await;
    assert_eq!(
        norm.answer(&limited_login),
        norm_real.answer(&real_login),
        "log-in"
    );
    assert_eq!(limited_login.json()["recipient"], json!(v_recipient));
    let limited = limited_login.session_token();
    let real = real_login.session_token();

    // Shares made in each, of its first document.
    let l_share = t.share_with(&limited, &worker.id, &[&ids[1]], 3600).await;
    let r_share = t.share_with(&real, &worker.id, &[&real_ids[0]], 3600).await;

    // Every read a holder can make, then the writes that answer alike.
    let unknown = "00112233445566778899aabbccddeeff";
    let reads = |docs: &[String], share: &str| -> Vec<(Method, String, Option<Value>)> {
        vec![
            (Method::GET, "/api/v1/account".into(), None),
            (Method::GET, "/api/v1/documents".into(), None),
            (
                Method::GET,
                format!("/api/v1/documents/{}/content", docs[0]),
                None,
            ),
            (
                Method::GET,
                format!("/api/v1/documents/{}/content", docs[1]),
                None,
            ),
            (Method::GET, "/api/v1/shares".into(), None),
            (Method::GET, "/api/v1/account/sessions".into(), None),
            (Method::GET, "/api/v1/account/passkeys".into(), None),
            (Method::GET, "/api/v1/account/helpers".into(), None),
            (Method::GET, "/api/v1/account/help-requests".into(), None),
            (Method::GET, "/api/v1/account/limited-view".into(), None),
            (
                Method::GET,
                format!("/api/v1/documents/{unknown}/content"),
                None,
            ),
            (
                Method::PUT,
                format!("/api/v1/documents/{}/metadata", docs[1]),
                Some(json!({"metadata": b64(b"renamed")})),
            ),
            (
                Method::POST,
                "/api/v1/documents/hide".into(),
                Some(json!({"ids": [unknown], "until": T0 + 3600})),
            ),
            (Method::POST, format!("/api/v1/shares/{share}/revoke"), None),
            (Method::GET, "/api/v1/shares".into(), None),
            (Method::GET, "/api/v1/documents".into(), None),
        ]
    };
    let limited_docs = [ids[1].clone(), ids[3].clone()];
    for ((method, path, body), (_, real_path, real_body)) in reads(&limited_docs, &l_share)
        .into_iter()
        .zip(reads(&real_ids, &r_share))
    {
        let a = t.call(method.clone(), &path, Some(&limited), body).await;
        let b = t
            .call(method.clone(), &real_path, Some(&real), real_body)
            .await;
        assert_eq!(norm.answer(&a), norm_real.answer(&b), "{method} {path}");
    }

    // A document added from the limited view: the same answers again, and it belongs to the
    // full view too (listed there with its envelope to V, no owner envelope yet).
    let added = store_doc(&t, &limited, &content(900, 9), "added", b"V envelope added").await;
    let real_added = store_doc(&t, &real, &content(900, 9), "added", b"V envelope added").await;
    for path in ["/api/v1/documents", "/api/v1/account"] {
        let a = t.get(path, Some(&limited)).await;
        let b = t.get(path, Some(&real)).await;
        assert_eq!(norm.answer(&a), norm_real.answer(&b), "{path} after adding");
    }
    let full_list = t.get("/api/v1/documents", Some(&full.session)).await.json();
    let entry = full_list["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == json!(added))
        .expect("the document added from the limited view is in the full view")
        .clone();
    assert_eq!(entry["envelope"], json!(""));
    assert_eq!(entry["limited_envelope"], json!(b64(b"V envelope added")));
    assert_eq!(full_list["documents"].as_array().unwrap().len(), 6);
    // The full view adds its owner envelope, once.
    let path = format!("/api/v1/documents/{added}/envelope");
    for (label, status) in [
        ("owner envelope added", StatusCode::NO_CONTENT),
        ("again", StatusCode::NOT_FOUND),
    ] {
        let r = t
            .call(
                Method::PUT,
                &path,
                Some(&full.session),
                Some(json!({"envelope": b64(&age(label))})),
            )
            .await;
        r.assert_status(status);
    }
    let full_list = t.get("/api/v1/documents", Some(&full.session)).await.json();
    let entry = full_list["documents"]
        .as_array()
        .unwrap()
        .iter()
        .find(|d| d["id"] == json!(added))
        .unwrap()
        .clone();
    assert_eq!(entry["envelope"], json!(b64(&age("owner envelope added"))));
    // The real wallet's copy is an ordinary document of its own.
    assert!(t.list_ids(&real).await.contains(&real_added));
}

/// From a limited session no request reaches the 3 other documents: sharing them is refused
/// as an unknown document is, every document route answers `404 not_found`, and "delete" of a
/// view document takes it only out of the view.
#[tokio::test]
async fn a_limited_session_cannot_reach_the_other_documents() {
    let t = TestApp::new().await;
    t.organisation("Samu Social").await;
    let worker = t.verified_worker("Samu Social", "ann", "Ann Worker").await;
    let full = t.signup("holder full").await;
    let mut ids = Vec::new();
    for i in 0..5u8 {
        ids.push(t.store(&full.session, &content(300, i)).await);
    }
    set_view(&t, &full, &SECOND, &recipient_for("view"))
        .await
        .assert_status(StatusCode::NO_CONTENT);
    add_to_view(&t, &full, &ids[0], &age("V0")).await;
    add_to_view(&t, &full, &ids[1], &age("V1")).await;
    let limited = t
        .login("holder full", "passphrase", &SECOND)
        .await
        .session_token();
    assert_eq!(
        sorted(t.list_ids(&limited).await),
        sorted(vec![ids[0].clone(), ids[1].clone()])
    );

    for other in &ids[2..] {
        // A share naming one of them, alone or with a view document.
        for docs in [vec![other.as_str()], vec![ids[0].as_str(), other.as_str()]] {
            let body = json!({
                "kind": "worker",
                "worker_id": worker.id,
                "duration_secs": 3600,
                "documents": TestApp::share_documents(&docs),
            });
            t.create_share_raw(&limited, body)
                .await
                .assert_error(StatusCode::NOT_FOUND, "not_found");
            let link = json!({
                "kind": "link",
                "duration_secs": 3600,
                "access_key": b64(&rand_bytes::<32>()),
                "documents": TestApp::share_documents(&docs),
            });
            t.create_share_raw(&limited, link)
                .await
                .assert_error(StatusCode::NOT_FOUND, "not_found");
        }
        for (method, path, body) in [
            (
                Method::GET,
                format!("/api/v1/documents/{other}/content"),
                None,
            ),
            (
                Method::PUT,
                format!("/api/v1/documents/{other}/metadata"),
                Some(json!({"metadata": b64(b"x")})),
            ),
            (Method::DELETE, format!("/api/v1/documents/{other}"), None),
            (
                Method::POST,
                "/api/v1/documents/hide".into(),
                Some(json!({"ids": [other], "until": T0 + 3600})),
            ),
            (
                Method::PUT,
                format!("/api/v1/documents/{other}/envelope"),
                Some(json!({"envelope": b64(&age("x"))})),
            ),
            (
                Method::PUT,
                format!("/api/v1/account/limited-view/documents/{other}"),
                Some(json!({"envelope": b64(&age("x"))})),
            ),
        ] {
            t.call(method.clone(), &path, Some(&limited), body)
                .await
                .assert_error(StatusCode::NOT_FOUND, "not_found");
        }
    }
    // The worker got nothing from the limited session.
    assert!(t.shared_with_me_ids(&worker.session).await.is_empty());

    // A share of the view's documents works, and lists only in the limited view's shares.
    let share = t
        .share_with(&limited, &worker.id, &[&ids[0], &ids[1]], 3600)
        .await;
    let full_share = t
        .share_with(&full.session, &worker.id, &[&ids[4]], 3600)
        .await;
    let listed: Vec<Value> = t.shares_of(&limited).await;
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["id"], json!(share));
    t.call(
        Method::POST,
        &format!("/api/v1/shares/{full_share}/revoke"),
        Some(&limited),
        None,
    )
    .await
    .assert_error(StatusCode::NOT_FOUND, "not_found");
    assert_eq!(t.shares_of(&full.session).await.len(), 2);

    // "Delete" of a view document in the limited session: gone from the view, kept in full.
    t.call(
        Method::DELETE,
        &format!("/api/v1/documents/{}", ids[0]),
        Some(&limited),
        None,
    )
    .await
    .assert_status(StatusCode::NO_CONTENT);
    assert_eq!(t.list_ids(&limited).await, vec![ids[1].clone()]);
    assert_eq!(t.list_ids(&full.session).await.len(), 5);

    // "Delete my wallet" in the limited session: the second passphrase opens nothing any
    // more, the full wallet is whole.
    t.call(
        Method::DELETE,
        "/api/v1/account",
        Some(&limited),
        Some(json!({"pseudonym": "holder full", "method": "passphrase", "auth_key": b64(&SECOND)})),
    )
    .await
    .assert_status(StatusCode::NO_CONTENT);
    t.get("/api/v1/documents", Some(&limited))
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "unauthenticated");
    t.login("holder full", "passphrase", &SECOND)
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "invalid_credentials");
    assert_eq!(t.list_ids(&full.session).await.len(), 5);
    t.login("holder full", "passphrase", &full.passphrase_auth)
        .await
        .assert_status(StatusCode::OK);
}

/// Bad input: a second passphrase equal to the first is refused; a view with no document is
/// an ordinary empty wallet; the limited-view routes do not exist for a limited session.
#[tokio::test]
async fn second_passphrase_rules_and_an_empty_view() {
    let t = TestApp::new().await;
    let full = t.signup("holder full").await;
    t.store(&full.session, &content(100, 1)).await;
    set_view(&t, &full, &full.passphrase_auth, &recipient_for("v"))
        .await
        .assert_error(StatusCode::BAD_REQUEST, "invalid_field");
    t.login("holder full", "passphrase", &full.passphrase_auth)
        .await
        .assert_status(StatusCode::OK);
    set_view(&t, &full, &SECOND, &recipient_for("v"))
        .await
        .assert_status(StatusCode::NO_CONTENT);
    let limited = t
        .login("holder full", "passphrase", &SECOND)
        .await
        .session_token();
    assert!(t.list_ids(&limited).await.is_empty());
    let account = t.get("/api/v1/account", Some(&limited)).await.json();
    assert_eq!(account["usage"]["used_bytes"], json!(0));
    assert_eq!(account["recipient"], json!(recipient_for("v")));
    t.get("/api/v1/account/limited-view", Some(&limited))
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    // The limited session cannot reuse the first passphrase as its own either.
    t.call(
        Method::PUT,
        "/api/v1/account/passphrase",
        Some(&limited),
        Some(json!({
            "current_auth": b64(&SECOND),
            "salt": b64(&full.salt),
            "kdf": {"alg": "argon2id", "m_kib": 65536, "t": 3, "p": 1},
            "passphrase_auth": b64(&full.passphrase_auth),
            "passphrase_slot": b64(&age("slot")),
        })),
    )
    .await
    .assert_error(StatusCode::BAD_REQUEST, "invalid_field");
    // Removing the view ends its sessions.
    t.call(
        Method::DELETE,
        "/api/v1/account/limited-view",
        Some(&full.session),
        Some(json!({"proof": {"method": "passphrase", "auth_key": b64(&full.passphrase_auth)}})),
    )
    .await
    .assert_status(StatusCode::NO_CONTENT);
    t.get("/api/v1/documents", Some(&limited))
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "unauthenticated");
    t.login("holder full", "passphrase", &SECOND)
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "invalid_credentials");
}

fn sorted(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v
}

/// The limited view's own ways in: a recovery code made in a limited session opens the limited
/// view (never the wallet), its passphrase can be changed there under the account's salt, and
/// a change of the main passphrase to a new salt cuts the second passphrase off.
#[tokio::test]
async fn the_limited_view_has_its_own_recovery_code_and_passphrase_changes() {
    let t = TestApp::new().await;
    let full = t.signup("holder full").await;
    let v = recipient_for("v");
    set_view(&t, &full, &SECOND, &v)
        .await
        .assert_status(StatusCode::NO_CONTENT);
    let limited = t
        .login("holder full", "passphrase", &SECOND)
        .await
        .session_token();
    let view_recovery = [0x31u8; 32];
    t.call(
        Method::PUT,
        "/api/v1/account/recovery",
        Some(&limited),
        Some(json!({
            "proof": {"method": "passphrase", "auth_key": b64(&SECOND)},
            "recovery_auth": b64(&view_recovery),
            "recovery_slot": b64(&age("V under the view's recovery code")),
        })),
    )
    .await
    .assert_status(StatusCode::NO_CONTENT);
    let r = t.login("holder full", "recovery", &view_recovery).await;
    r.assert_status(StatusCode::OK);
    assert_eq!(r.json()["recipient"], json!(v));
    assert_eq!(
        r.json()["slot"],
        json!(b64(&age("V under the view's recovery code")))
    );
    // The wallet's own recovery code still opens the wallet.
    let r = t
        .login("holder full", "recovery", &full.recovery_auth)
        .await;
    assert_eq!(r.json()["recipient"], json!(full.recipient));

    // A new second passphrase, set from the limited view under the account's salt.
    let third = [0x33u8; 32];
    let change = |current: [u8; 32], salt: [u8; 16], new: [u8; 32]| {
        json!({
            "current_auth": b64(&current),
            "salt": b64(&salt),
            "kdf": {"alg": "argon2id", "m_kib": 65536, "t": 3, "p": 1},
            "passphrase_auth": b64(&new),
            "passphrase_slot": b64(&age("a new slot")),
        })
    };
    t.call(
        Method::PUT,
        "/api/v1/account/passphrase",
        Some(&limited),
        Some(change(SECOND, [9; 16], third)),
    )
    .await
    .assert_error(StatusCode::BAD_REQUEST, "invalid_field");
    t.call(
        Method::PUT,
        "/api/v1/account/passphrase",
        Some(&limited),
        Some(change(SECOND, full.salt, third)),
    )
    .await
    .assert_status(StatusCode::NO_CONTENT);
    t.login("holder full", "passphrase", &SECOND)
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "invalid_credentials");
    let r = t.login("holder full", "passphrase", &third).await;
    assert_eq!(r.json()["recipient"], json!(v));
    // The main passphrase is untouched, and cannot become the second one.
    t.call(
        Method::PUT,
        "/api/v1/account/passphrase",
        Some(&full.session),
        Some(change(full.passphrase_auth, full.salt, third)),
    )
    .await
    .assert_error(StatusCode::BAD_REQUEST, "invalid_field");
    let info = t
        .get("/api/v1/account/limited-view", Some(&full.session))
        .await
        .json();
    assert_eq!(info["can_log_in"], json!(true));
    // A main passphrase under a new salt: the second passphrase no longer opens the view.
    let new_main = [0x44u8; 32];
    t.call(
        Method::PUT,
        "/api/v1/account/passphrase",
        Some(&full.session),
        Some(change(full.passphrase_auth, [8; 16], new_main)),
    )
    .await
    .assert_status(StatusCode::NO_CONTENT);
    t.login("holder full", "passphrase", &third)
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "invalid_credentials");
    let info = t
        .get("/api/v1/account/limited-view", Some(&full.session))
        .await
        .json();
    assert_eq!(info["can_log_in"], json!(false));
}
