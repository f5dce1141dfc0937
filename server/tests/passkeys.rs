//! Passkeys over HTTP: adding one, logging in with it (discoverable, no pseudonym), the passkey
//! slot, and every way a ceremony must fail; then the Settings routes (rename, remove, new
//! recovery code, sessions). The authenticator is `crate::common::webauthn::SoftPasskey`.

use crate::common::webauthn::{Answer, ORIGIN, SoftPasskey, UP, passphrase_proof};
use crate::common::*;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use serde_json::{Value, json};

const SLOT: &[u8] = b"age-encryption.org/v1\n-> X25519 the passkey slot of this test\n";

async fn app() -> TestApp {
    TestApp::with_config(|c| c.public_url = ORIGIN.into()).await
}

async fn passkey_login(t: &TestApp, pk: &mut SoftPasskey, answer: &Answer) -> TestResponse {
    let (ceremony, options) = t.passkey_login_start().await;
    let credential = pk.assert(&options, answer);
    t.passkey_login_finish(&ceremony, credential).await
}

async fn passkeys_of(t: &TestApp, session: &str) -> Vec<Value> {
    let r = t.get("/api/v1/account/passkeys", Some(session)).await;
    assert_eq!(r.status, StatusCode::OK);
    r.json()["passkeys"].as_array().unwrap().clone()
}

/// SHA-256 of "PDE passkey slot PRF input v1": the PRF input docs/formats.md names.
const SHARED_PRF_SALT_HEX: &str =
    "bd3ae1ab0d0565692b5af6c326baf851ea4d996daeea59005e32def5999d7cb2";

#[tokio::test]
async fn every_new_passkey_gets_the_one_documented_prf_salt() {
    // A discoverable log-in must know the PRF input before the prompt (`prf.eval.first`),
    // so that one prompt logs in and unlocks: every new passkey has the same one.
    let t = app().await;
    let mut salts = Vec::new();
    for name in ["salt holder one", "salt holder two"] {
        let h = t.signup(name).await;
        let (_, _, prf_salt) = t.passkey_register_start(&h).await;
        salts.push(unb64(&prf_salt));
    }
    let hex: String = salts[0].iter().map(|b| format!("{b:02x}")).collect();
    assert_eq!(hex, SHARED_PRF_SALT_HEX);
    assert_eq!(salts[0], salts[1]);
}

#[tokio::test]
async fn a_passkey_logs_in_without_a_pseudonym_and_answers_its_slot() {
    let t = app().await;
    let h = t.signup("passkey holder").await;
    let mut pk = SoftPasskey::new();
    let (ceremony, options, prf_salt) = t.passkey_register_start(&h).await;
    // Discoverable, user verification required, and a PRF salt to send.
    let selection = &options["publicKey"]["authenticatorSelection"];
    assert_eq!(selection["residentKey"], "required");
    assert_eq!(selection["userVerification"], "required");
    assert_eq!(options["publicKey"]["rp"]["id"], "pde.example");
    assert_eq!(unb64(&prf_salt).len(), 32);
    let credential = pk.register(&options, &Answer::default());
    let r = t
        .passkey_register_finish(&h.session, &ceremony, credential, Some(SLOT))
        .await;
    r.assert_status(StatusCode::CREATED);
    let added = r.json();
    assert_eq!(added["name"], "My phone");
    assert_eq!(added["unlocks"], true);
    assert_eq!(added["backup_eligible"], true);
    assert!(added.get("last_used_at").is_none());

    let (ceremony, options) = t.passkey_login_start().await;
    // No pseudonym and no list of credentials: the authenticator offers its own.
    assert!(
        options["publicKey"]["allowCredentials"]
            .as_array()
            .is_none_or(|a| a.is_empty())
    );
    let r = t
        .passkey_login_finish(&ceremony, pk.assert(&options, &Answer::default()))
        .await;
    r.assert_status(StatusCode::OK);
    let v = r.json();
    assert_eq!(v["recipient"], h.recipient);
    assert_eq!(unb64(v["slot"].as_str().unwrap()), SLOT);
    assert_eq!(v["prf_salt"], prf_salt.as_str());
    assert_eq!(v["passkey"], added["id"]);
    let session = v["session"].as_str().unwrap().to_owned();
    let account = t.get("/api/v1/account", Some(&session)).await;
    assert_eq!(account.status, StatusCode::OK);
    assert_eq!(account.json()["pseudonym"], "passkey holder");

    let listed = passkeys_of(&t, &session).await;
    assert_eq!(listed.len(), 1);
    assert_eq!(listed[0]["last_used_at"], T0);
    let sessions = t
        .get("/api/v1/account/sessions", Some(&session))
        .await
        .json();
    let current: Vec<&Value> = sessions["sessions"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|s| s["current"] == true)
        .collect();
    assert_eq!(current.len(), 1);
    assert_eq!(current[0]["method"], "passkey");
}

#[tokio::test]
async fn a_passkey_without_prf_logs_in_and_answers_no_slot() {
    let t = app().await;
    let h = t.signup("no prf").await;
    let (mut pk, added) = t.add_passkey(&h, None).await;
    assert_eq!(added["unlocks"], false);
    let r = passkey_login(&t, &mut pk, &Answer::default()).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(r.json().get("slot").is_none());
}

#[tokio::test]
async fn an_unknown_or_removed_passkey_gets_the_answer_of_a_wrong_passphrase() {
    let t = app().await;
    let h = t.signup("removes one").await;
    let wrong_passphrase = t.login(&h.pseudonym, "passphrase", &[9; 32]).await;
    wrong_passphrase.assert_error(StatusCode::UNAUTHORIZED, "invalid_credentials");

    // Never registered: its user handle is another account's id, or nobody's.
    let mut stranger = SoftPasskey::new();
    stranger.user_handle = vec![7; 16];
    let r = passkey_login(&t, &mut stranger, &Answer::default()).await;
    assert_eq!(r.status, wrong_passphrase.status);
    assert_eq!(r.body, wrong_passphrase.body);

    let (mut pk, added) = t.add_passkey(&h, Some(SLOT)).await;
    assert_eq!(
        passkey_login(&t, &mut pk, &Answer::default()).await.status,
        StatusCode::OK
    );
    let id = added["id"].as_str().unwrap();
    let r = t
        .call(
            Method::DELETE,
            &format!("/api/v1/account/passkeys/{id}"),
            Some(&h.session),
            Some(json!({"proof": {"method": "recovery", "auth_key": b64(&h.recovery_auth)}})),
        )
        .await;
    r.assert_status(StatusCode::NO_CONTENT);
    assert!(passkeys_of(&t, &h.session).await.is_empty());
    let r = passkey_login(&t, &mut pk, &Answer::default()).await;
    assert_eq!(r.body, wrong_passphrase.body);
}

#[tokio::test]
async fn a_login_ceremony_is_used_once_and_expires() {
    let t = app().await;
    let h = t.signup("replays").await;
    let (mut pk, _) = t.add_passkey(&h, None).await;

    let (ceremony, options) = t.passkey_login_start().await;
    let credential = pk.assert(&options, &Answer::default());
    assert_eq!(
        t.passkey_login_finish(&ceremony, credential.clone())
            .await
            .status,
        StatusCode::OK
    );
    t.passkey_login_finish(&ceremony, credential)
        .await
        .assert_error(StatusCode::GONE, "ceremony_expired");

    let (ceremony, options) = t.passkey_login_start().await;
    t.clock.advance(301);
    t.passkey_login_finish(&ceremony, pk.assert(&options, &Answer::default()))
        .await
        .assert_error(StatusCode::GONE, "ceremony_expired");

    // A failed finish used the ceremony up as well: it cannot be retried with a better answer.
    let (ceremony, options) = t.passkey_login_start().await;
    let bad = Answer {
        origin: "https://evil.example".into(),
        ..Answer::default()
    };
    t.passkey_login_finish(&ceremony, pk.assert(&options, &bad))
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "invalid_credentials");
    t.passkey_login_finish(&ceremony, pk.assert(&options, &Answer::default()))
        .await
        .assert_error(StatusCode::GONE, "ceremony_expired");
}

#[tokio::test]
async fn a_login_answer_that_does_not_verify_opens_no_session() {
    let t = app().await;
    let h = t.signup("careful").await;
    let (mut pk, _) = t.add_passkey(&h, None).await;
    let (_, other_options) = t.passkey_login_start().await;
    let foreign = other_options["publicKey"]["challenge"].as_str().unwrap();
    let bad_answers = [
        Answer {
            origin: "https://evil.example".into(),
            ..Answer::default()
        },
        Answer {
            rp_id: "evil.example".into(),
            ..Answer::default()
        },
        Answer {
            flags: UP,
            ..Answer::default()
        },
        Answer {
            challenge: Some(foreign.to_owned()),
            ..Answer::default()
        },
    ];
    for answer in &bad_answers {
        let r = passkey_login(&t, &mut pk, answer).await;
        r.assert_error(StatusCode::UNAUTHORIZED, "invalid_credentials");
    }
    let sessions = t
        .get("/api/v1/account/sessions", Some(&h.session))
        .await
        .json();
    assert_eq!(sessions["sessions"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn a_registration_answer_that_does_not_verify_adds_nothing() {
    let t = app().await;
    let h = t.signup("registers").await;
    let cases = [
        (
            Answer {
                origin: "https://evil.example".into(),
                ..Answer::default()
            },
            "passkey_rejected",
        ),
        (
            Answer {
                rp_id: "evil.example".into(),
                ..Answer::default()
            },
            "passkey_rejected",
        ),
        (
            Answer {
                flags: UP,
                ..Answer::default()
            },
            "user_verification_required",
        ),
    ];
    for (answer, code) in cases {
        let (ceremony, options, _) = t.passkey_register_start(&h).await;
        let credential = SoftPasskey::new().register(&options, &answer);
        t.passkey_register_finish(&h.session, &ceremony, credential, None)
            .await
            .assert_error(StatusCode::BAD_REQUEST, code);
    }
    // A foreign challenge: the answer to one ceremony sent to another.
    let (ceremony, _, _) = t.passkey_register_start(&h).await;
    let (_, other_options, _) = t.passkey_register_start(&h).await;
    let credential = SoftPasskey::new().register(&other_options, &Answer::default());
    t.passkey_register_finish(&h.session, &ceremony, credential, None)
        .await
        .assert_error(StatusCode::BAD_REQUEST, "passkey_rejected");
    // Replayed: a finished registration cannot be finished again.
    let (ceremony, options, _) = t.passkey_register_start(&h).await;
    let credential = SoftPasskey::new().register(&options, &Answer::default());
    let r = t
        .passkey_register_finish(&h.session, &ceremony, credential.clone(), None)
        .await;
    assert_eq!(r.status, StatusCode::CREATED);
    t.passkey_register_finish(&h.session, &ceremony, credential, None)
        .await
        .assert_error(StatusCode::GONE, "ceremony_expired");
    // Another holder cannot finish this holder's ceremony.
    let b = t.signup("another").await;
    let (ceremony, options, _) = t.passkey_register_start(&h).await;
    let credential = SoftPasskey::new().register(&options, &Answer::default());
    t.passkey_register_finish(&b.session, &ceremony, credential, None)
        .await
        .assert_error(StatusCode::GONE, "ceremony_expired");
    assert_eq!(passkeys_of(&t, &h.session).await.len(), 1);
    assert!(passkeys_of(&t, &b.session).await.is_empty());
}

#[tokio::test]
async fn adding_a_passkey_needs_a_proof_of_the_owner() {
    let t = app().await;
    let h = t.signup("proves").await;
    let start = |body: Value| {
        let session = h.session.clone();
        let t = &t;
        async move {
            t.call(
                Method::POST,
                "/api/v1/account/passkeys/start",
                Some(&session),
                Some(body),
            )
            .await
        }
    };
    start(json!({}))
        .await
        .assert_error(StatusCode::BAD_REQUEST, "invalid_field");
    start(json!({"proof": {"method": "passphrase", "auth_key": b64(&[1; 32])}}))
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "invalid_credentials");
    start(json!({"proof": {"method": "recovery", "auth_key": b64(&[1; 32])}}))
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "invalid_credentials");
    assert_eq!(
        start(json!({"proof": {"method": "recovery", "auth_key": b64(&h.recovery_auth)}}))
            .await
            .status,
        StatusCode::OK
    );

    // A passkey of the account proves it too, in a confirmation ceremony of its own.
    let (mut pk, _) = t.add_passkey(&h, Some(SLOT)).await;
    let r = t
        .call(
            Method::POST,
            "/api/v1/account/passkeys/confirm",
            Some(&h.session),
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let confirm = r.json();
    assert_eq!(confirm["prf_salts"].as_array().unwrap().len(), 1);
    let credential = pk.assert(&confirm["options"], &Answer::default());
    let proof = json!({"proof": {"method": "passkey", "ceremony": confirm["ceremony"], "credential": credential}});
    assert_eq!(start(proof.clone()).await.status, StatusCode::OK);
    start(proof)
        .await
        .assert_error(StatusCode::GONE, "ceremony_expired");

    // Another holder's passkey proves nothing for this account.
    let b = t.signup("stranger").await;
    let (mut b_pk, _) = t.add_passkey(&b, None).await;
    let r = t
        .call(
            Method::POST,
            "/api/v1/account/passkeys/confirm",
            Some(&h.session),
            None,
        )
        .await;
    let confirm = r.json();
    let credential = b_pk.assert(&confirm["options"], &Answer::default());
    start(json!({"proof": {"method": "passkey", "ceremony": confirm["ceremony"], "credential": credential}}))
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "invalid_credentials");
    // And a confirmation without user verification is refused.
    let confirm = t
        .call(
            Method::POST,
            "/api/v1/account/passkeys/confirm",
            Some(&h.session),
            None,
        )
        .await
        .json();
    let credential = pk.assert(
        &confirm["options"],
        &Answer {
            flags: UP,
            ..Answer::default()
        },
    );
    start(json!({"proof": {"method": "passkey", "ceremony": confirm["ceremony"], "credential": credential}}))
        .await
        .assert_error(StatusCode::BAD_REQUEST, "user_verification_required");
}

#[tokio::test]
async fn passkeys_are_renamed_and_removed_by_their_owner_only() {
    let t = app().await;
    let h = t.signup("owner").await;
    let b = t.signup("not owner").await;
    let (_, added) = t.add_passkey(&h, None).await;
    let id = added["id"].as_str().unwrap();
    let path = format!("/api/v1/account/passkeys/{id}");
    let rename = |session: String, name: &'static str| {
        let t = &t;
        let path = path.clone();
        async move {
            t.call(
                Method::PATCH,
                &path,
                Some(&session),
                Some(json!({"name": name})),
            )
            .await
        }
    };
    rename(b.session.clone(), "stolen")
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    rename(h.session.clone(), "  ")
        .await
        .assert_error(StatusCode::BAD_REQUEST, "invalid_field");
    assert_eq!(
        rename(h.session.clone(), "Old phone").await.status,
        StatusCode::NO_CONTENT
    );
    assert_eq!(passkeys_of(&t, &h.session).await[0]["name"], "Old phone");
    let r = t
        .call(
            Method::DELETE,
            &path,
            Some(&b.session),
            Some(json!({"proof": passphrase_proof(&b)})),
        )
        .await;
    r.assert_error(StatusCode::NOT_FOUND, "not_found");
    let r = t
        .call(Method::DELETE, &path, Some(&h.session), Some(json!({})))
        .await;
    r.assert_error(StatusCode::BAD_REQUEST, "invalid_field");
    assert_eq!(passkeys_of(&t, &h.session).await.len(), 1);
}

#[tokio::test]
async fn a_new_recovery_code_replaces_the_old_one_at_once() {
    let t = app().await;
    let h = t.signup("new sheet").await;
    let other = t
        .login(&h.pseudonym, "passphrase", &h.passphrase_auth)
        .await;
    let other_session = other.session_token();
    let new_auth = [42u8; 32];
    let body = |proof: Value| {
        json!({
            "proof": proof,
            "recovery_auth": b64(&new_auth),
            "recovery_slot": b64(b"the new recovery slot"),
            "end_other_sessions": true,
        })
    };
    let r = t
        .call(
            Method::PUT,
            "/api/v1/account/recovery",
            Some(&h.session),
            Some(body(
                json!({"method": "passphrase", "auth_key": b64(&[3; 32])}),
            )),
        )
        .await;
    r.assert_error(StatusCode::UNAUTHORIZED, "invalid_credentials");
    let r = t
        .call(
            Method::PUT,
            "/api/v1/account/recovery",
            Some(&h.session),
            Some(body(passphrase_proof(&h))),
        )
        .await;
    r.assert_status(StatusCode::NO_CONTENT);
    t.login(&h.pseudonym, "recovery", &h.recovery_auth)
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "invalid_credentials");
    let r = t.login(&h.pseudonym, "recovery", &new_auth).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        unb64(r.json()["slot"].as_str().unwrap()),
        b"the new recovery slot"
    );
    t.get("/api/v1/account", Some(&other_session))
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "unauthenticated");
    assert_eq!(
        t.get("/api/v1/account", Some(&h.session)).await.status,
        StatusCode::OK
    );
}

async fn login_with_agent(t: &TestApp, h: &Holder, agent: &str) -> String {
    let req = Request::builder()
        .method(Method::POST)
        .uri("/api/v1/auth/login")
        .header("x-pde-client", "1")
        .header(header::USER_AGENT, agent)
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from(
            json!({"pseudonym": h.pseudonym, "method": "passphrase", "auth_key": b64(&h.passphrase_auth)})
                .to_string(),
        ))
        .unwrap();
    t.send(req).await.session_token()
}

#[tokio::test]
async fn sessions_are_listed_with_their_device_and_ended_one_or_all() {
    let t = app().await;
    let h = t.signup("many devices").await;
    t.clock.advance(60);
    let phone = login_with_agent(
        &t,
        &h,
        "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Mobile Safari/537.36",
    )
    .await;
    t.clock.advance(120);
    let laptop = login_with_agent(
        &t,
        &h,
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36",
    )
    .await;
    let r = t.get("/api/v1/account/sessions", Some(&laptop)).await;
    assert_eq!(r.status, StatusCode::OK);
    let sessions = r.json()["sessions"].as_array().unwrap().clone();
    assert_eq!(sessions.len(), 3);
    let devices: Vec<(String, String, bool)> = sessions
        .iter()
        .map(|s| {
            (
                s["device"]["form"].as_str().unwrap().to_owned(),
                s["device"]["system"].as_str().unwrap().to_owned(),
                s["current"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        devices,
        vec![
            ("unknown".into(), "other".into(), false),
            ("phone".into(), "android".into(), false),
            ("computer".into(), "windows".into(), true),
        ]
    );
    assert_eq!(sessions[2]["created_at"], T0 + 180);
    // The raw User-Agent is not kept.
    assert!(!String::from_utf8_lossy(&r.body).contains("Pixel"));

    // Another holder cannot end them.
    let b = t.signup("someone else").await;
    let phone_id = sessions[1]["id"].as_str().unwrap();
    t.call(
        Method::DELETE,
        &format!("/api/v1/account/sessions/{phone_id}"),
        Some(&b.session),
        None,
    )
    .await
    .assert_error(StatusCode::NOT_FOUND, "not_found");
    assert_eq!(
        t.get("/api/v1/account", Some(&phone)).await.status,
        StatusCode::OK
    );
    let r = t
        .call(
            Method::DELETE,
            &format!("/api/v1/account/sessions/{phone_id}"),
            Some(&laptop),
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    t.get("/api/v1/account", Some(&phone))
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "unauthenticated");

    let r = t
        .call(
            Method::POST,
            "/api/v1/account/sessions/end-others",
            Some(&laptop),
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    t.get("/api/v1/account", Some(&h.session))
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "unauthenticated");
    let left = t
        .get("/api/v1/account/sessions", Some(&laptop))
        .await
        .json();
    assert_eq!(left["sessions"].as_array().unwrap().len(), 1);
    assert_eq!(
        t.get("/api/v1/account/sessions", Some(&b.session))
            .await
            .json()["sessions"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
}

#[tokio::test]
async fn a_worker_has_the_same_settings() {
    let t = app().await;
    t.organisation("Samu Social").await;
    let w = t
        .verified_worker("Samu Social", "a worker", "Ann Worker")
        .await;
    let worker = Holder {
        session: w.session.clone(),
        ..w.secrets.clone()
    };
    let (mut pk, _) = t.add_passkey(&worker, Some(SLOT)).await;
    let r = passkey_login(&t, &mut pk, &Answer::default()).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json()["recipient"], worker.recipient);
    let r = t.get("/api/v1/account/sessions", Some(&w.session)).await;
    assert_eq!(r.json()["sessions"].as_array().unwrap().len(), 2);
}

#[tokio::test]
async fn passkeys_are_off_when_the_public_url_has_no_domain_name() {
    let t = TestApp::new().await;
    t.call(Method::POST, "/api/v1/auth/passkey/start", None, None)
        .await
        .assert_error(StatusCode::NOT_FOUND, "passkeys_unavailable");
    let h = t.signup("no passkeys here").await;
    let r = t
        .call(
            Method::POST,
            "/api/v1/account/passkeys/start",
            Some(&h.session),
            Some(json!({"proof": passphrase_proof(&h)})),
        )
        .await;
    r.assert_error(StatusCode::NOT_FOUND, "passkeys_unavailable");
    // The rest of Settings works without them.
    assert_eq!(
        t.get("/api/v1/account/sessions", Some(&h.session))
            .await
            .status,
        StatusCode::OK
    );
}
