//! Changing the passphrase needs proof (the current passphrase, or a fresh recovery log-in),
//! KDF parameters are those the client accepts, and other sessions end only when asked.

use crate::common::sharing::*;
use crate::common::*;
use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

const NEW_AUTH: [u8; 32] = [78; 32];

fn change_body(current: Option<&[u8]>, end_others: Option<bool>) -> Value {
    let mut body = json!({
        "salt": b64(&[77; 16]),
        "kdf": {"alg": "argon2id", "m_kib": 131072, "t": 4, "p": 1},
        "passphrase_auth": b64(&NEW_AUTH),
        "passphrase_slot": b64(b"new passphrase slot"),
    });
    if let Some(current) = current {
        body["current_auth"] = json!(b64(current));
    }
    if let Some(end) = end_others {
        body["end_other_sessions"] = json!(end);
    }
    body
}

async fn change(t: &TestApp, session: &str, body: Value) -> TestResponse {
    t.call(
        Method::PUT,
        "/api/v1/account/passphrase",
        Some(session),
        Some(body),
    )
    .await
}

/// Whether `key` opens `pseudonym` with the passphrase now.
async fn opens(t: &TestApp, pseudonym: &str, key: &[u8]) -> bool {
    let r = t.login(pseudonym, "passphrase", key).await;
    match r.status {
        StatusCode::OK => true,
        StatusCode::UNAUTHORIZED => false,
        other => panic!("log-in answered {other}: {:?}", r.json()),
    }
}

#[tokio::test]
async fn a_session_alone_cannot_change_the_passphrase() {
    let t = TestApp::new().await;
    let h = t.signup("stolen session").await;
    // No proof: refused.
    change(&t, &h.session, change_body(None, None))
        .await
        .assert_error(StatusCode::BAD_REQUEST, "invalid_field");
    // A wrong current passphrase: refused like a wrong log-in.
    change(&t, &h.session, change_body(Some(&[9; 32]), Some(true)))
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "invalid_credentials");
    assert!(opens(&t, "stolen session", &h.passphrase_auth).await);
    assert!(!opens(&t, "stolen session", &NEW_AUTH).await);
    assert_eq!(
        t.get("/api/v1/account", Some(&h.session)).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn wrong_current_passphrases_count_in_the_log_in_throttle() {
    let t = TestApp::new().await;
    let h = t.signup("guessed").await;
    // Three free failures, through this route.
    for _ in 0..3 {
        change(&t, &h.session, change_body(Some(&[9; 32]), None))
            .await
            .assert_error(StatusCode::UNAUTHORIZED, "invalid_credentials");
    }
    // The fourth waits, here and on the log-in form, even with the right key.
    let r = change(&t, &h.session, change_body(Some(&h.passphrase_auth), None)).await;
    r.assert_error(StatusCode::TOO_MANY_REQUESTS, "too_many_attempts");
    assert_eq!(r.headers["retry-after"], "1");
    t.login("guessed", "passphrase", &h.passphrase_auth)
        .await
        .assert_error(StatusCode::TOO_MANY_REQUESTS, "too_many_attempts");
    // After the wait, the right current passphrase changes it.
    t.clock.advance(1);
    assert_eq!(
        change(&t, &h.session, change_body(Some(&h.passphrase_auth), None))
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    assert!(opens(&t, "guessed", &NEW_AUTH).await);
}

#[tokio::test]
async fn with_the_current_passphrase_other_sessions_live_on_unless_asked() {
    let t = TestApp::new().await;
    let h = t.signup("two tabs").await;
    let other = t
        .login("two tabs", "passphrase", &h.passphrase_auth)
        .await
        .session_token();
    assert_eq!(
        change(&t, &h.session, change_body(Some(&h.passphrase_auth), None))
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    assert!(!opens(&t, "two tabs", &h.passphrase_auth).await);
    assert_eq!(
        t.get("/api/v1/account", Some(&other)).await.status,
        StatusCode::OK,
        "not asked: the other session lives on"
    );

    // Asked: every other session ends, this one lives on.
    let third = t
        .login("two tabs", "passphrase", &NEW_AUTH)
        .await
        .session_token();
    let mut body = change_body(Some(&NEW_AUTH), Some(true));
    body["passphrase_auth"] = json!(b64(&[79; 32]));
    assert_eq!(
        change(&t, &h.session, body).await.status,
        StatusCode::NO_CONTENT
    );
    for gone in [&other, &third] {
        t.get("/api/v1/account", Some(gone))
            .await
            .assert_error(StatusCode::UNAUTHORIZED, "unauthenticated");
    }
    assert_eq!(
        t.get("/api/v1/account", Some(&h.session)).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_recovery_log_in_may_set_a_passphrase_for_fifteen_minutes() {
    let t = TestApp::new().await;
    let h = t.signup("forgot it").await;
    let fresh = t
        .login("forgot it", "recovery", &h.recovery_auth)
        .await
        .session_token();
    // 14 min 59 s later the first still may, without the old passphrase.
    t.clock.advance(15 * 60 - 1);
    assert_eq!(
        change(&t, &fresh, change_body(None, Some(true)))
            .await
            .status,
        StatusCode::NO_CONTENT
    );
    assert!(opens(&t, "forgot it", &NEW_AUTH).await);
    // Asked to end the others: the sign-up session has ended.
    t.get("/api/v1/account", Some(&h.session))
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "unauthenticated");

    // At 15 minutes a recovery session needs proof like any other.
    let t = TestApp::new().await;
    let h = t.signup("forgot it").await;
    let stale_too = t
        .login("forgot it", "recovery", &h.recovery_auth)
        .await
        .session_token();
    t.clock.advance(15 * 60);
    change(&t, &stale_too, change_body(None, None))
        .await
        .assert_error(StatusCode::BAD_REQUEST, "invalid_field");
    assert!(!opens(&t, "forgot it", &NEW_AUTH).await);
}

/// KDF parameters outside the client's range: 8 KiB, one pass, too much memory, lanes…
fn bad_kdfs() -> Vec<Value> {
    [
        (8, 3, 1),
        (65_535, 3, 1),
        (262_145, 3, 1),
        (65_536, 2, 3),
        (65_536, 2, 1),
        (65_536, 17, 1),
        (65_536, 3, 0),
        (65_536, 3, 5),
    ]
    .into_iter()
    .map(|(m, t, p)| json!({"alg": "argon2id", "m_kib": m, "t": t, "p": p}))
    .collect()
}

const GOOD_KDFS: [(u32, u32, u32); 2] = [(65_536, 3, 1), (262_144, 16, 4)];

#[tokio::test]
async fn kdf_parameters_outside_the_clients_range_are_refused_everywhere() {
    let t = TestApp::new().await;
    let org = t.organisation("Samu Social").await;
    for (i, kdf) in bad_kdfs().into_iter().enumerate() {
        let mut body = Holder::new(&format!("cheap holder {i}")).signup_body();
        body["kdf"] = kdf.clone();
        t.call(Method::POST, "/api/v1/accounts", None, Some(body))
            .await
            .assert_error(StatusCode::BAD_REQUEST, "invalid_field");

        let token = t.invitation(&org, 72).await;
        let mut body = join_body(&Holder::new(&format!("cheap worker {i}")), &token, "Ann");
        body["kdf"] = kdf.clone();
        t.join_raw(body)
            .await
            .assert_error(StatusCode::BAD_REQUEST, "invalid_field");
    }
    let h = t.signup("careful one").await;
    for kdf in bad_kdfs() {
        let mut body = change_body(Some(&h.passphrase_auth), Some(true));
        body["kdf"] = kdf;
        change(&t, &h.session, body)
            .await
            .assert_error(StatusCode::BAD_REQUEST, "invalid_field");
    }
    // Nothing changed: the old passphrase opens, and the other routes' bad bodies made nothing.
    assert!(opens(&t, "careful one", &h.passphrase_auth).await);
    assert!(!opens(&t, "cheap holder 0", &[1; 32]).await);

    // The ends of the range are accepted.
    for (i, (m, tt, p)) in GOOD_KDFS.into_iter().enumerate() {
        let kdf = json!({"alg": "argon2id", "m_kib": m, "t": tt, "p": p});
        let mut body = Holder::new(&format!("edge holder {i}")).signup_body();
        body["kdf"] = kdf.clone();
        let r = t
            .call(Method::POST, "/api/v1/accounts", None, Some(body))
            .await;
        assert_eq!(r.status, StatusCode::CREATED, "{kdf}");
        let token = t.invitation(&org, 72).await;
        let mut body = join_body(&Holder::new(&format!("edge worker {i}")), &token, "Ann");
        body["kdf"] = kdf.clone();
        assert_eq!(t.join_raw(body).await.status, StatusCode::CREATED, "{kdf}");
    }
    let mut body = change_body(Some(&h.passphrase_auth), None);
    body["kdf"] = json!({"alg": "argon2id", "m_kib": 262_144, "t": 16, "p": 4});
    assert_eq!(
        change(&t, &h.session, body).await.status,
        StatusCode::NO_CONTENT
    );
}
