//! Sign-up, KDF parameters, log-in, rate limits, sessions, log-out, passphrase change.

use crate::common::*;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use pde_server::clock::Clock;
use serde_json::json;

#[tokio::test]
async fn signup_answers_the_account_and_a_session_token_without_a_cookie() {
    let t = TestApp::new().await;
    let holder = Holder::new("  Moon Fox ");
    let r = t
        .call(
            Method::POST,
            "/api/v1/accounts",
            None,
            Some(holder.signup_body()),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED);
    let account = &r.json()["account"];
    assert_eq!(account["pseudonym"], "Moon Fox");
    assert_eq!(account["recipient"], holder.recipient.as_str());
    assert_eq!(account["created_day"], T0 - T0 % 86_400);
    assert_eq!(account["usage"]["used_bytes"], 0);
    assert_eq!(account["usage"]["quota_bytes"], 500 * 1024 * 1024);
    assert_eq!(account["usage"]["max_document_bytes"], 50 * 1024 * 1024);

    // The session travels in the body only: no cookie is set.
    assert!(!r.headers.contains_key(header::SET_COOKIE));
    let session = r.session_token();
    assert_eq!(session.len(), 64);
    assert!(
        session
            .bytes()
            .all(|b| matches!(b, b'0'..=b'9' | b'a'..=b'f'))
    );

    let me = t.get("/api/v1/account", Some(&r.session_token())).await;
    assert_eq!(me.status, StatusCode::OK);
    assert_eq!(me.json()["pseudonym"], "Moon Fox");
}

#[tokio::test]
async fn pseudonyms_are_unique_case_insensitively_after_trimming() {
    let t = TestApp::new().await;
    t.signup("Moon Fox").await;
    for taken in ["moon fox", " MOON FOX  "] {
        let r = t
            .call(
                Method::POST,
                "/api/v1/accounts",
                None,
                Some(Holder::new(taken).signup_body()),
            )
            .await;
        r.assert_error(StatusCode::CONFLICT, "pseudonym_taken");
    }
}

#[tokio::test]
async fn signup_refuses_bad_fields_and_creates_nothing() {
    let t = TestApp::new().await;
    let good = Holder::new("careful");
    let cases: Vec<(&str, serde_json::Value)> = vec![
        ("pseudonym", json!("ab")),
        ("pseudonym", json!("x".repeat(65))),
        ("pseudonym", json!("bell\u{7}")),
        // Text-direction controls and invisible characters could make one pseudonym look
        // like another.
        ("pseudonym", json!("moon\u{202E}xof")),
        ("pseudonym", json!("moon\u{2066}fox")),
        ("pseudonym", json!("moon\u{200F}fox")),
        ("pseudonym", json!("moon\u{061C}fox")),
        ("pseudonym", json!("moon\u{200B}fox")),
        ("pseudonym", json!("moon\u{200D}fox")),
        ("pseudonym", json!("moon\u{2060}fox")),
        ("pseudonym", json!("\u{FEFF}moonfox")),
        ("pseudonym", json!("moon\u{00AD}fox")),
        ("pseudonym", json!(42)),
        ("recipient", json!("not-a-recipient")),
        ("salt", json!("***")),
        ("salt", json!(b64(&[1; 15]))),
        (
            "kdf",
            json!({"alg": "scrypt", "m_kib": 65536, "t": 3, "p": 1}),
        ),
        (
            "kdf",
            json!({"alg": "argon2id", "m_kib": "big", "t": 3, "p": 1}),
        ),
        ("passphrase_auth", json!(b64(&[1; 31]))),
        ("passphrase_slot", json!(b64(&[1; 4097]))),
        ("recovery_auth", json!(null)),
        ("recovery_slot", json!("")),
    ];
    for (field, value) in cases {
        let mut body = good.signup_body();
        body[field] = value.clone();
        let r = t
            .call(Method::POST, "/api/v1/accounts", None, Some(body))
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{field}={value}");
        assert_eq!(r.code(), "invalid_field", "{field}={value}");
        assert!(!r.headers.contains_key(header::SET_COOKIE));
    }
    let mut body = good.signup_body();
    body.as_object_mut().unwrap().remove("salt");
    let r = t
        .call(Method::POST, "/api/v1/accounts", None, Some(body))
        .await;
    r.assert_error(StatusCode::BAD_REQUEST, "invalid_field");
    assert!(
        r.json()["error"]["message"]
            .as_str()
            .unwrap()
            .contains("salt")
    );

    let r = t
        .call_raw(Method::POST, "/api/v1/accounts", None, "{\"pseudonym\":")
        .await;
    r.assert_error(StatusCode::BAD_REQUEST, "bad_request");
    let r = t
        .call_raw(Method::POST, "/api/v1/accounts", None, "[1,2]")
        .await;
    assert_eq!(r.status, StatusCode::BAD_REQUEST);

    // Nothing was created: the pseudonym is still free.
    t.signup("careful").await;
}

#[tokio::test]
async fn params_answer_the_real_salt_or_a_stable_fake_of_the_same_shape() {
    let t = TestApp::new().await;
    let holder = t.signup("Known One").await;
    let params = |p: &'static str| {
        let t = &t;
        async move {
            let r = t
                .call(
                    Method::POST,
                    "/api/v1/auth/params",
                    None,
                    Some(json!({"pseudonym": p})),
                )
                .await;
            assert_eq!(r.status, StatusCode::OK);
            r.json()
        }
    };
    let known = params(" known one ").await;
    assert_eq!(unb64(known["salt"].as_str().unwrap()), holder.salt);

    let unknown = params("Nobody Here").await;
    let again = params("nobody here").await;
    assert_eq!(
        unknown, again,
        "the fake salt is stable (and case-insensitive)"
    );
    assert_ne!(unknown, params("someone else").await);
    assert_eq!(
        unb64(unknown["salt"].as_str().unwrap()).len(),
        holder.salt.len()
    );
    assert_eq!(
        unknown["kdf"],
        json!({"alg": "argon2id", "m_kib": 65536, "t": 3, "p": 1})
    );
    // Same keys, same value types: the shape tells nothing.
    let keys = |v: &serde_json::Value| {
        let mut k: Vec<_> = v.as_object().unwrap().keys().cloned().collect();
        k.sort();
        k
    };
    assert_eq!(keys(&known), keys(&unknown));
    assert_eq!(known["kdf"], unknown["kdf"]);

    // The fake salt survives a restart (it comes from the pepper file).
    let again = pde_server::prepare(
        (*t.state.config).clone(),
        std::sync::Arc::new(t.clock.clone()),
    )
    .await
    .unwrap();
    let t2 = TestApp {
        app: pde_server::app(again.clone()),
        state: again,
        clock: t.clock.clone(),
        dir: tempfile::tempdir().unwrap(),
    };
    let r = t2
        .call(
            Method::POST,
            "/api/v1/auth/params",
            None,
            Some(json!({"pseudonym": "Nobody Here"})),
        )
        .await;
    assert_eq!(r.json(), unknown);
}

#[tokio::test]
async fn login_with_passphrase_or_recovery_answers_the_matching_slot() {
    let t = TestApp::new().await;
    let h = t.signup("two keys").await;
    let r = t.login("Two Keys", "passphrase", &h.passphrase_auth).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json()["recipient"], h.recipient.as_str());
    assert_eq!(unb64(r.json()["slot"].as_str().unwrap()), h.passphrase_slot);
    assert!(!r.headers.contains_key(header::SET_COOKIE));
    let session = r.session_token();
    assert_eq!(
        t.get("/api/v1/account", Some(&session)).await.status,
        StatusCode::OK
    );

    let r = t.login("two keys", "recovery", &h.recovery_auth).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(unb64(r.json()["slot"].as_str().unwrap()), h.recovery_slot);

    // Each key only opens its own method.
    t.login("two keys", "recovery", &h.passphrase_auth)
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "invalid_credentials");
    let r = t
        .call(
            Method::POST,
            "/api/v1/auth/login",
            None,
            Some(json!({"pseudonym": "two keys", "method": "passkey", "auth_key": b64(&h.passphrase_auth)})),
        )
        .await;
    r.assert_error(StatusCode::BAD_REQUEST, "invalid_field");
    t.login("two keys", "passphrase", &[1; 16])
        .await
        .assert_error(StatusCode::BAD_REQUEST, "invalid_field");
}

#[tokio::test]
async fn wrong_key_and_unknown_pseudonym_get_the_same_answer() {
    let t = TestApp::new().await;
    t.signup("real person").await;
    let wrong = t.login("real person", "passphrase", &[9; 32]).await;
    let unknown = t.login("ghost person", "passphrase", &[9; 32]).await;
    wrong.assert_error(StatusCode::UNAUTHORIZED, "invalid_credentials");
    assert_eq!(wrong.status, unknown.status);
    assert_eq!(wrong.body, unknown.body);
    assert!(!wrong.headers.contains_key(header::SET_COOKIE));
    assert!(!unknown.headers.contains_key(header::SET_COOKIE));
    let mut wh: Vec<_> = wrong
        .headers
        .keys()
        .filter(|k| *k != header::DATE)
        .collect();
    let mut uh: Vec<_> = unknown
        .headers
        .keys()
        .filter(|k| *k != header::DATE)
        .collect();
    wh.sort_by_key(|k| k.as_str().to_owned());
    uh.sort_by_key(|k| k.as_str().to_owned());
    assert_eq!(wh, uh);
}

/// Nobody can keep a holder out: waits are short, and failures of the passphrase never lock
/// out the recovery code (it has no counter: 128 random bits cannot be guessed online).
#[tokio::test]
async fn an_attacker_cannot_keep_the_holder_out() {
    let t = TestApp::with_config(|c| {
        c.session_idle_secs = 30 * 86_400;
        c.session_absolute_secs = 30 * 86_400;
    })
    .await;
    let h = t.signup("kept out").await;
    // An attacker tries a wrong passphrase as often as the server lets them, for two hours,
    // and a wrong recovery code whenever the passphrase is in a wait.
    let start = t.clock.now();
    let mut failures_per_hour = [0; 2];
    while t.clock.now() < start + 7200 {
        let r = t.login("kept out", "passphrase", &[9; 32]).await;
        if r.status == StatusCode::UNAUTHORIZED {
            failures_per_hour[((t.clock.now() - start) / 3600) as usize] += 1;
            continue;
        }
        r.assert_error(StatusCode::TOO_MANY_REQUESTS, "too_many_attempts");
        let wait: i64 = r.headers[header::RETRY_AFTER]
            .to_str()
            .unwrap()
            .parse()
            .unwrap();
        assert!((1..=60).contains(&wait), "a wait of {wait} s");
        // The recovery code is never in a wait: a wrong one is simply wrong, and the
        // holder's opens the wallet.
        t.login("kept out", "recovery", &[8; 32])
            .await
            .assert_error(StatusCode::UNAUTHORIZED, "invalid_credentials");
        let r = t.login("kept out", "recovery", &h.recovery_auth).await;
        assert_eq!(r.status, StatusCode::OK, "{:?}", r.json());
        t.clock.advance(wait);
    }
    // At the pace allowed: 67 failures in the first hour, 60 in the next (at most 100).
    assert_eq!(failures_per_hour, [67, 60]);
    // The right passphrase waits at most a minute.
    let wait = match t.login("kept out", "passphrase", &h.passphrase_auth).await {
        r if r.status == StatusCode::OK => 0,
        r => {
            r.assert_error(StatusCode::TOO_MANY_REQUESTS, "too_many_attempts");
            r.headers[header::RETRY_AFTER]
                .to_str()
                .unwrap()
                .parse()
                .unwrap()
        }
    };
    assert!(wait <= 60);
    t.clock.advance(wait);
    assert_eq!(
        t.login("kept out", "passphrase", &h.passphrase_auth)
            .await
            .status,
        StatusCode::OK
    );
}

/// Fails `n` log-ins, moving the clock past any delay before each.
async fn fail(t: &TestApp, pseudonym: &str, n: u32) {
    for _ in 0..n {
        t.clock.advance(3600);
        t.login(pseudonym, "passphrase", &[9; 32])
            .await
            .assert_error(StatusCode::UNAUTHORIZED, "invalid_credentials");
    }
}

async fn retry_after(t: &TestApp, pseudonym: &str, key: &[u8]) -> u64 {
    let r = t.login(pseudonym, "passphrase", key).await;
    r.assert_error(StatusCode::TOO_MANY_REQUESTS, "too_many_attempts");
    r.headers[header::RETRY_AFTER]
        .to_str()
        .unwrap()
        .parse()
        .unwrap()
}

#[tokio::test]
async fn delays_grow_after_three_failures_for_known_and_unknown_pseudonyms() {
    let t = TestApp::new().await;
    let h = t.signup("target").await;
    for pseudonym in ["target", "no such one"] {
        // Three failures in a row are free.
        for _ in 0..3 {
            t.login(pseudonym, "passphrase", &[9; 32])
                .await
                .assert_error(StatusCode::UNAUTHORIZED, "invalid_credentials");
        }
        // Then 2^(failures-3) seconds: 1, 2, 4, 8 …
        for expected in [1u64, 2, 4, 8, 16] {
            assert_eq!(retry_after(&t, pseudonym, &[9; 32]).await, expected);
            t.clock.advance(expected as i64 - 1);
            assert_eq!(
                retry_after(&t, pseudonym, &[9; 32]).await,
                1,
                "still waiting"
            );
            t.clock.advance(1);
            t.login(pseudonym, "passphrase", &[9; 32])
                .await
                .assert_error(StatusCode::UNAUTHORIZED, "invalid_credentials");
        }
        // Even the right key waits: the delay comes before the check.
        assert_eq!(retry_after(&t, pseudonym, &h.passphrase_auth).await, 32);
    }
    // Counting is per pseudonym: another one is not slowed.
    t.login("bystander", "passphrase", &[9; 32])
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "invalid_credentials");
}

#[tokio::test]
async fn delays_stop_growing_at_a_minute_and_a_success_resets_them() {
    let t = TestApp::new().await;
    let h = t.signup("patient").await;
    fail(&t, "patient", 20).await;
    assert_eq!(retry_after(&t, "patient", &h.passphrase_auth).await, 60);
    t.clock.advance(60);
    assert_eq!(
        t.login("patient", "passphrase", &h.passphrase_auth)
            .await
            .status,
        StatusCode::OK
    );
    // Reset: three free failures again.
    for _ in 0..3 {
        t.login("patient", "passphrase", &[9; 32])
            .await
            .assert_error(StatusCode::UNAUTHORIZED, "invalid_credentials");
    }
    assert_eq!(retry_after(&t, "patient", &[9; 32]).await, 1);
}

#[tokio::test]
async fn logout_ends_the_session() {
    let t = TestApp::new().await;
    let h = t.signup("leaving").await;
    let r = t
        .call(Method::POST, "/api/v1/auth/logout", Some(&h.session), None)
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert!(!r.headers.contains_key(header::SET_COOKIE));
    t.get("/api/v1/account", Some(&h.session))
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "unauthenticated");
    t.call(Method::POST, "/api/v1/auth/logout", Some(&h.session), None)
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "unauthenticated");
}

#[tokio::test]
async fn sessions_end_after_idle_time() {
    let t = TestApp::new().await;
    let h = t.signup("idle one").await;
    // Used every 29 minutes, it stays alive.
    for _ in 0..4 {
        t.clock.advance(1799);
        assert_eq!(
            t.get("/api/v1/account", Some(&h.session)).await.status,
            StatusCode::OK
        );
    }
    t.clock.advance(1800);
    t.get("/api/v1/account", Some(&h.session))
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "unauthenticated");
    // And it does not come back.
    t.clock.advance(-1000);
    t.get("/api/v1/account", Some(&h.session))
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "unauthenticated");
}

#[tokio::test]
async fn sessions_end_after_the_absolute_timeout_even_when_used() {
    let t = TestApp::new().await;
    let h = t.signup("busy one").await;
    let mut elapsed = 0;
    while elapsed + 1200 < 43_200 {
        t.clock.advance(1200);
        elapsed += 1200;
        assert_eq!(
            t.get("/api/v1/account", Some(&h.session)).await.status,
            StatusCode::OK
        );
    }
    t.clock.advance(43_200 - elapsed);
    t.get("/api/v1/account", Some(&h.session))
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "unauthenticated");
}

#[tokio::test]
async fn forged_or_malformed_session_tokens_are_refused() {
    let t = TestApp::new().await;
    let h = t.signup("someone").await;
    for authorization in [
        bearer(&"a".repeat(64)),
        bearer("garbage"),
        bearer(&h.session.to_uppercase()),
        format!("Basic {}", h.session),
        h.session.clone(),
    ] {
        let req = Request::get("/api/v1/account")
            .header(header::AUTHORIZATION, authorization.as_str())
            .body(Body::empty())
            .unwrap();
        t.send(req)
            .await
            .assert_error(StatusCode::UNAUTHORIZED, "unauthenticated");
    }
    t.get("/api/v1/account", None)
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "unauthenticated");
}

/// What a browser keeps after a page is gone is at most a cookie: even one holding a valid
/// token opens nothing.
#[tokio::test]
async fn a_cookie_with_a_valid_token_is_not_a_session() {
    let t = TestApp::new().await;
    let h = t.signup("cookie jar").await;
    let doc = t.store(&h.session, b"a paper").await;
    let requests = [
        (Method::GET, "/api/v1/account".to_owned()),
        (Method::GET, "/api/v1/documents".to_owned()),
        (Method::GET, format!("/api/v1/documents/{doc}/content")),
        (Method::DELETE, format!("/api/v1/documents/{doc}")),
        (Method::GET, "/api/v1/shares".to_owned()),
        (Method::POST, "/api/v1/auth/logout".to_owned()),
    ];
    for (method, path) in requests {
        let req = Request::builder()
            .method(method.clone())
            .uri(&path)
            .header("x-pde-client", "1")
            .header(header::COOKIE, format!("pde_session={}", h.session))
            .body(Body::empty())
            .unwrap();
        t.send(req)
            .await
            .assert_error(StatusCode::UNAUTHORIZED, "unauthenticated");
    }
    // Nothing was deleted and the session still works as a bearer token.
    assert_eq!(t.list_ids(&h.session).await, vec![doc]);
}

fn new_passphrase_body() -> serde_json::Value {
    json!({
        "salt": b64(&[77; 16]),
        "kdf": {"alg": "argon2id", "m_kib": 131072, "t": 4, "p": 1},
        "passphrase_auth": b64(&[78; 32]),
        "passphrase_slot": b64(b"new passphrase slot"),
        "end_other_sessions": true,
    })
}

#[tokio::test]
async fn passphrase_change_after_recovery_login() {
    let t = TestApp::new().await;
    let h = t.signup("forgetful").await;
    let r = t.login("forgetful", "recovery", &h.recovery_auth).await;
    assert_eq!(r.status, StatusCode::OK);
    let recovered = r.session_token();

    let r = t
        .call(
            Method::PUT,
            "/api/v1/account/passphrase",
            Some(&recovered),
            Some(new_passphrase_body()),
        )
        .await;
    r.assert_status(StatusCode::NO_CONTENT);

    // The old passphrase no longer opens; the new one does, with the new slot.
    t.login("forgetful", "passphrase", &h.passphrase_auth)
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "invalid_credentials");
    let r = t.login("forgetful", "passphrase", &[78; 32]).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        unb64(r.json()["slot"].as_str().unwrap()),
        b"new passphrase slot"
    );
    // The recovery code still works.
    assert_eq!(
        t.login("forgetful", "recovery", &h.recovery_auth)
            .await
            .status,
        StatusCode::OK
    );

    let params = t
        .call(
            Method::POST,
            "/api/v1/auth/params",
            None,
            Some(json!({"pseudonym": "forgetful"})),
        )
        .await
        .json();
    assert_eq!(unb64(params["salt"].as_str().unwrap()), [77; 16]);
    assert_eq!(
        params["kdf"],
        json!({"alg": "argon2id", "m_kib": 131072, "t": 4, "p": 1})
    );

    // The session that changed it lives on; the older one (from sign-up) has ended.
    assert_eq!(
        t.get("/api/v1/account", Some(&recovered)).await.status,
        StatusCode::OK
    );
    t.get("/api/v1/account", Some(&h.session))
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "unauthenticated");
}

#[tokio::test]
async fn passphrase_change_refusals_change_nothing() {
    let t = TestApp::new().await;
    let h = t.signup("steady").await;
    t.call(
        Method::PUT,
        "/api/v1/account/passphrase",
        None,
        Some(new_passphrase_body()),
    )
    .await
    .assert_error(StatusCode::UNAUTHORIZED, "unauthenticated");
    for (field, value) in [
        ("salt", json!("%%%")),
        (
            "kdf",
            json!({"alg": "argon2id", "m_kib": 0, "t": 3, "p": 1}),
        ),
        ("passphrase_auth", json!(b64(&[1; 33]))),
        ("passphrase_slot", json!(123)),
    ] {
        let mut body = new_passphrase_body();
        body[field] = value;
        t.call(
            Method::PUT,
            "/api/v1/account/passphrase",
            Some(&h.session),
            Some(body),
        )
        .await
        .assert_error(StatusCode::BAD_REQUEST, "invalid_field");
    }
    // Without the client header.
    let req = axum::http::Request::put("/api/v1/account/passphrase")
        .header(header::AUTHORIZATION, h.bearer())
        .header(header::CONTENT_TYPE, "application/json")
        .body(axum::body::Body::from(new_passphrase_body().to_string()))
        .unwrap();
    t.send(req)
        .await
        .assert_error(StatusCode::FORBIDDEN, "missing_client_header");

    assert_eq!(
        t.login("steady", "passphrase", &h.passphrase_auth)
            .await
            .status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn mutating_requests_without_the_client_header_are_refused() {
    let t = TestApp::new().await;
    let h = Holder::new("no header");
    for (method, path) in [
        (Method::POST, "/api/v1/accounts"),
        (Method::POST, "/api/v1/auth/params"),
        (Method::POST, "/api/v1/auth/login"),
        (Method::POST, "/api/v1/auth/logout"),
        (Method::PUT, "/api/v1/account/passphrase"),
        (Method::DELETE, "/api/v1/account"),
        (Method::POST, "/api/v1/documents"),
    ] {
        for value in [None, Some("0"), Some("yes")] {
            let mut req = axum::http::Request::builder()
                .method(method.clone())
                .uri(path)
                .header(header::CONTENT_TYPE, "application/json");
            if let Some(v) = value {
                req = req.header("x-pde-client", v);
            }
            let r = t
                .send(
                    req.body(axum::body::Body::from(h.signup_body().to_string()))
                        .unwrap(),
                )
                .await;
            r.assert_error(StatusCode::FORBIDDEN, "missing_client_header");
        }
    }
    // Nothing was created.
    t.signup("no header").await;
}
