//! Trusted helpers at the HTTP level, with the real crypto of `pde-crypto` in the test playing
//! the browsers: the holder's (choosing helpers), the recovering one (a fresh key per request),
//! the workers' (re-encrypting their shares) and a paper card typed in.

use crate::common::sharing::*;
use crate::common::*;
use axum::http::{Method, StatusCode};
use pde_crypto::format;
use pde_crypto::identity::{Identity, Recipient};
use pde_crypto::slot::{self, HelperSet, HelperShare, SlotKeys};
use rand_core::UnwrapErr;
use serde_json::{Value, json};

const WAIT: i64 = 72 * 3600;

fn rng() -> UnwrapErr<getrandom::SysRng> {
    UnwrapErr(getrandom::SysRng)
}

/// A worker with a real identity (the test stands in for their browser).
struct Helper {
    worker: TestWorker,
    identity: Identity,
}

/// A holder whose wallet identity is real, signed up with its recipient.
async fn holder(t: &TestApp, pseudonym: &str) -> (Holder, Identity) {
    let wallet = Identity::generate(&mut rng());
    let mut h = Holder::new(pseudonym);
    h.recipient = wallet.recipient().to_string();
    let r = t
        .call(
            Method::POST,
            "/api/v1/accounts",
            None,
            Some(h.signup_body()),
        )
        .await;
    r.assert_status(StatusCode::CREATED);
    h.session = r.session_token();
    (h, wallet)
}

async fn helper(t: &TestApp, org: &str, pseudonym: &str) -> Helper {
    Helper {
        worker: t.verified_worker(org, pseudonym, pseudonym).await,
        identity: Identity::generate(&mut rng()),
    }
}

/// What the holder's browser does in Settings → Helpers: a new set with `workers` first,
/// then `cards` paper cards; answers the set (whose shares are in the same order).
async fn choose(
    t: &TestApp,
    holder: &Holder,
    wallet: &Identity,
    workers: &[&Helper],
    cards: usize,
    threshold: u8,
) -> HelperSet {
    let n = (workers.len() + cards) as u8;
    let set = HelperSet::generate(threshold, n, &mut rng()).unwrap();
    let mut helpers = Vec::new();
    for (h, share) in workers.iter().zip(set.shares()) {
        let sealed = share.seal_to(&h.identity.recipient(), &mut rng());
        helpers.push(json!({"kind": "worker", "worker": h.worker.id, "share": b64(&sealed)}));
    }
    for (i, share) in set.shares()[workers.len()..].iter().enumerate() {
        helpers.push(json!({
            "kind": "card",
            "card_auth": b64(&*share.card_auth_key()),
            "label": format!("card {i}"),
        }));
    }
    let body = json!({
        "threshold": threshold,
        "server_part": b64(set.server_part()),
        "auth_key": b64(set.keys().auth_key()),
        "slot": b64(&set.keys().seal_slot(wallet, &mut rng())),
        "helpers": helpers,
    });
    t.call(
        Method::PUT,
        "/api/v1/account/helpers",
        Some(&holder.session),
        Some(body),
    )
    .await
    .assert_status(StatusCode::NO_CONTENT);
    set
}

/// The recovering browser: a fresh key, and the request made with the pseudonym alone.
struct Recovering {
    key: Identity,
    token: String,
    id: String,
    code: String,
}

async fn ask_raw(t: &TestApp, pseudonym: &str, key: &Identity) -> TestResponse {
    t.call(
        Method::POST,
        "/api/v1/help/requests",
        None,
        Some(json!({"pseudonym": pseudonym, "recipient": key.recipient().to_string()})),
    )
    .await
}

async fn ask(t: &TestApp, pseudonym: &str) -> Recovering {
    let key = Identity::generate(&mut rng());
    let r = ask_raw(t, pseudonym, &key).await;
    r.assert_status(StatusCode::CREATED);
    let v = r.json();
    Recovering {
        token: v["token"].as_str().unwrap().to_owned(),
        id: v["id"].as_str().unwrap().to_owned(),
        code: v["code"].as_str().unwrap().to_owned(),
        key,
    }
}

/// The worker's browser: finds the request, checks the code against the key the server
/// hands out, opens its share and re-encrypts it to that key.
async fn approve(t: &TestApp, h: &Helper, request: &Recovering) -> TestResponse {
    let session = fresh_session(t, &h.worker.secrets).await;
    let list = t.get("/api/v1/worker/help-requests", Some(&session)).await;
    list.assert_status(StatusCode::OK);
    let v = list.json();
    let Some(entry) = v["requests"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == request.id.as_str())
    else {
        // Not listed for this worker: try the approval anyway, with a share of its own.
        let body = json!({"share": b64(&age("not a share"))});
        return t
            .call(
                Method::POST,
                &format!("/api/v1/worker/help-requests/{}/approve", request.id),
                Some(&session),
                Some(body),
            )
            .await;
    };
    let recipient: Recipient = entry["recipient"].as_str().unwrap().parse().unwrap();
    assert_eq!(entry["code"], request.code.as_str());
    assert_eq!(slot::help_request_code(&recipient), request.code);
    let share = HelperShare::open(&unb64(entry["share"].as_str().unwrap()), &h.identity).unwrap();
    let body = json!({"share": b64(&share.seal_to(&recipient, &mut rng()))});
    t.call(
        Method::POST,
        &format!("/api/v1/worker/help-requests/{}/approve", request.id),
        Some(&session),
        Some(body),
    )
    .await
}

/// A new session of an account (sessions end after 30 idle minutes, and the tests move the
/// clock by days).
async fn fresh_session(t: &TestApp, secrets: &Holder) -> String {
    let r = t
        .login(&secrets.pseudonym, "passphrase", &secrets.passphrase_auth)
        .await;
    r.assert_status(StatusCode::OK);
    r.session_token()
}

async fn release(t: &TestApp, request: &Recovering, cards: &[&HelperShare]) -> TestResponse {
    let cards: Vec<String> = cards.iter().map(|c| b64(&*c.card_auth_key())).collect();
    t.call(
        Method::POST,
        "/api/v1/help/requests/release",
        None,
        Some(json!({"token": request.token, "cards": cards})),
    )
    .await
}

async fn complete(t: &TestApp, request: &Recovering, auth_key: &[u8]) -> TestResponse {
    t.call(
        Method::POST,
        "/api/v1/help/requests/complete",
        None,
        Some(json!({"token": request.token, "auth_key": b64(auth_key)})),
    )
    .await
}

async fn status(t: &TestApp, request: &Recovering) -> Value {
    let r = t
        .call(
            Method::POST,
            "/api/v1/help/requests/status",
            None,
            Some(json!({"token": request.token})),
        )
        .await;
    r.assert_status(StatusCode::OK);
    r.json()
}

/// What the recovering browser does with a release: opens the server part and the workers'
/// shares with its key, adds the typed cards, rebuilds the keys and opens the helper slot.
fn open_release(v: &Value, key: &Identity, cards: &[HelperShare]) -> (SlotKeys, Identity) {
    let server_part = format::decrypt(key, &unb64(v["server_part"].as_str().unwrap())).unwrap();
    let mut shares: Vec<HelperShare> = v["shares"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| HelperShare::open(&unb64(s.as_str().unwrap()), key).unwrap())
        .collect();
    shares.extend(cards.iter().cloned());
    let keys = slot::recover_helper_keys(&server_part, &shares).unwrap();
    let wallet = keys.open_slot(&unb64(v["slot"].as_str().unwrap())).unwrap();
    (keys, wallet)
}

#[tokio::test]
async fn two_of_three_recovery_with_a_worker_and_a_paper_card_opens_the_wallet() {
    let t = TestApp::new().await;
    t.organisation("Day Centre").await;
    let (alice, wallet) = holder(&t, "alice").await;
    let w1 = helper(&t, "Day Centre", "worker-one").await;
    let w2 = helper(&t, "Day Centre", "worker-two").await;
    let set = choose(&t, &alice, &wallet, &[&w1, &w2], 1, 2).await;
    let listed = t
        .get("/api/v1/account/helpers", Some(&alice.session))
        .await
        .json();
    assert_eq!(listed["threshold"], 2);
    assert_eq!(listed["helpers"][0]["worker"]["real_name"], "worker-one");
    assert_eq!(listed["helpers"][2]["kind"], "card");
    // The card as printed, and as typed back on the recovering screen.
    let card_text = set.shares()[2].to_card_text();
    let card = HelperShare::parse_card(&card_text.to_lowercase()).unwrap();

    let request = ask(&t, "alice").await;
    approve(&t, &w1, &request)
        .await
        .assert_status(StatusCode::NO_CONTENT);
    assert_eq!(status(&t, &request).await["approvals"], 1);

    // Before the waiting period, nothing comes out.
    t.clock.advance(WAIT - 1);
    release(&t, &request, &[&card])
        .await
        .assert_error(StatusCode::CONFLICT, "help_not_ready");
    complete(&t, &request, set.keys().auth_key())
        .await
        .assert_error(StatusCode::CONFLICT, "help_not_ready");

    t.clock.advance(1);
    // The holder's wallet is open somewhere else (another session than the one that chose).
    let open_elsewhere = fresh_session(&t, &alice).await;
    let released = release(&t, &request, &[&card]).await;
    released.assert_status(StatusCode::OK);
    let (keys, opened) = open_release(&released.json(), &request.key, &[card]);
    assert_eq!(opened.recipient(), wallet.recipient());

    let done = complete(&t, &request, keys.auth_key()).await;
    done.assert_status(StatusCode::OK);
    let session = done.session_token();
    assert_eq!(done.json()["recipient"], wallet.recipient().to_string());
    // Every other session ended.
    t.get("/api/v1/account", Some(&open_elsewhere))
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "unauthenticated");
    t.get("/api/v1/account", Some(&session))
        .await
        .assert_status(StatusCode::OK);

    // A new passphrase and recovery code, without the old ones.
    let new_slot = slot::RecoveryCode::generate(&mut rng())
        .derive_keys()
        .seal_slot(&opened, &mut rng());
    t.call(
        Method::PUT,
        "/api/v1/account/passphrase",
        Some(&session),
        Some(json!({
            "salt": b64(&[9; 16]),
            "kdf": {"alg": "argon2id", "m_kib": 65536, "t": 3, "p": 1},
            "passphrase_auth": b64(&[77; 32]),
            "passphrase_slot": b64(&new_slot),
        })),
    )
    .await
    .assert_status(StatusCode::NO_CONTENT);
    t.call(
        Method::PUT,
        "/api/v1/account/recovery",
        Some(&session),
        Some(json!({"recovery_auth": b64(&[78; 32]), "recovery_slot": b64(&new_slot)})),
    )
    .await
    .assert_status(StatusCode::NO_CONTENT);
    t.login("alice", "passphrase", &alice.passphrase_auth)
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "invalid_credentials");
    t.login("alice", "passphrase", &[77; 32])
        .await
        .assert_status(StatusCode::OK);

    // The request is used up.
    release(&t, &request, &[])
        .await
        .assert_error(StatusCode::GONE, "help_request_ended");
    complete(&t, &request, keys.auth_key())
        .await
        .assert_error(StatusCode::GONE, "help_request_ended");
}

#[tokio::test]
async fn one_approval_of_two_needed_releases_nothing_and_approving_twice_counts_once() {
    let t = TestApp::new().await;
    t.organisation("Org").await;
    let (bob, wallet) = holder(&t, "bob").await;
    let w1 = helper(&t, "Org", "w-one").await;
    let w2 = helper(&t, "Org", "w-two").await;
    let other_set = HelperSet::generate(2, 2, &mut rng()).unwrap();
    choose(&t, &bob, &wallet, &[&w1, &w2], 0, 2).await;
    let request = ask(&t, "bob").await;
    for _ in 0..2 {
        approve(&t, &w1, &request)
            .await
            .assert_status(StatusCode::NO_CONTENT);
    }
    assert_eq!(status(&t, &request).await["approvals"], 1);
    t.clock.advance(WAIT);
    release(&t, &request, &[])
        .await
        .assert_error(StatusCode::CONFLICT, "not_enough_approvals");
    // A card that is not one of this holder's helpers counts for nothing.
    release(&t, &request, &[&other_set.shares()[0]])
        .await
        .assert_error(StatusCode::CONFLICT, "not_enough_approvals");
    approve(&t, &w2, &request)
        .await
        .assert_status(StatusCode::NO_CONTENT);
    release(&t, &request, &[])
        .await
        .assert_status(StatusCode::OK);
}

#[tokio::test]
async fn a_holder_session_cancels_and_nothing_opens_even_with_every_approval() {
    let t = TestApp::new().await;
    t.organisation("Org").await;
    let (carol, wallet) = holder(&t, "carol").await;
    let w1 = helper(&t, "Org", "c-one").await;
    let w2 = helper(&t, "Org", "c-two").await;
    let set = choose(&t, &carol, &wallet, &[&w1, &w2], 0, 2).await;
    let request = ask(&t, "carol").await;

    // The next log-in tells that someone asked, with the request's code.
    let login = t.login("carol", "passphrase", &carol.passphrase_auth).await;
    login.assert_status(StatusCode::OK);
    let notices = login.json()["help_requests"].clone();
    assert_eq!(notices.as_array().unwrap().len(), 1, "{notices}");
    assert_eq!(notices[0]["code"], request.code.as_str());
    assert_eq!(notices[0]["id"], request.id.as_str());

    for w in [&w1, &w2] {
        approve(&t, w, &request)
            .await
            .assert_status(StatusCode::NO_CONTENT);
    }
    // Cancelled from the holder's older session (not the one that just logged in).
    t.call(
        Method::POST,
        &format!("/api/v1/account/help-requests/{}/cancel", request.id),
        Some(&carol.session),
        None,
    )
    .await
    .assert_status(StatusCode::NO_CONTENT);

    t.clock.advance(WAIT);
    assert_eq!(status(&t, &request).await["state"], "cancelled");
    release(&t, &request, &[])
        .await
        .assert_error(StatusCode::GONE, "help_request_ended");
    complete(&t, &request, set.keys().auth_key())
        .await
        .assert_error(StatusCode::GONE, "help_request_ended");
    // The workers no longer see it.
    let session = fresh_session(&t, &w1.worker.secrets).await;
    let listed = t
        .get("/api/v1/worker/help-requests", Some(&session))
        .await
        .json();
    assert_eq!(listed["requests"], json!([]));
    let login = t.login("carol", "passphrase", &carol.passphrase_auth).await;
    assert_eq!(login.json()["help_requests"], json!([]));
}

#[tokio::test]
async fn a_removed_helpers_approval_is_not_counted() {
    let t = TestApp::new().await;
    t.organisation("Org").await;
    let (dan, wallet) = holder(&t, "dan").await;
    let a = helper(&t, "Org", "d-a").await;
    let b = helper(&t, "Org", "d-b").await;
    let c = helper(&t, "Org", "d-c").await;
    choose(&t, &dan, &wallet, &[&a, &b], 0, 2).await;
    let first = ask(&t, "dan").await;
    approve(&t, &a, &first)
        .await
        .assert_status(StatusCode::NO_CONTENT);

    // A is replaced by C: the open request ends, and A can approve nothing of the new set.
    let set = choose(&t, &dan, &wallet, &[&b, &c], 0, 2).await;
    assert_eq!(status(&t, &first).await["state"], "cancelled");
    let second = ask(&t, "dan").await;
    approve(&t, &a, &second)
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    approve(&t, &b, &second)
        .await
        .assert_status(StatusCode::NO_CONTENT);
    assert_eq!(status(&t, &second).await["approvals"], 1);
    t.clock.advance(WAIT);
    release(&t, &second, &[])
        .await
        .assert_error(StatusCode::CONFLICT, "not_enough_approvals");
    approve(&t, &c, &second)
        .await
        .assert_status(StatusCode::NO_CONTENT);
    let released = release(&t, &second, &[]).await;
    released.assert_status(StatusCode::OK);
    let (keys, opened) = open_release(&released.json(), &second.key, &[]);
    assert_eq!(opened.recipient(), wallet.recipient());
    assert_eq!(keys.auth_key(), set.keys().auth_key());
}

#[tokio::test]
async fn removing_helpers_cancels_the_open_request() {
    let t = TestApp::new().await;
    t.organisation("Org").await;
    let (erin, wallet) = holder(&t, "erin").await;
    let a = helper(&t, "Org", "e-a").await;
    let b = helper(&t, "Org", "e-b").await;
    choose(&t, &erin, &wallet, &[&a, &b], 0, 2).await;
    let request = ask(&t, "erin").await;
    t.call(
        Method::DELETE,
        "/api/v1/account/helpers",
        Some(&erin.session),
        None,
    )
    .await
    .assert_status(StatusCode::NO_CONTENT);
    let none = t.get("/api/v1/account/helpers", Some(&erin.session)).await;
    none.assert_status(StatusCode::OK);
    assert_eq!(none.json(), serde_json::Value::Null, "no helpers any more");
    assert_eq!(status(&t, &request).await["state"], "cancelled");
}

/// The keys of a JSON object, sorted.
fn keys_of(v: &Value) -> Vec<String> {
    let mut keys: Vec<String> = v.as_object().unwrap().keys().cloned().collect();
    keys.sort();
    keys
}

#[tokio::test]
async fn a_request_for_an_unknown_pseudonym_is_answered_like_a_known_one() {
    let t = TestApp::new().await;
    t.organisation("Org").await;
    let (frank, wallet) = holder(&t, "frank").await;
    let a = helper(&t, "Org", "f-a").await;
    let b = helper(&t, "Org", "f-b").await;
    choose(&t, &frank, &wallet, &[&a, &b], 0, 2).await;

    let mut answers: Vec<Vec<String>> = Vec::new();
    for pseudonym in ["frank", "nobody-here"] {
        let mut seen = Vec::new();
        let key = Identity::generate(&mut rng());
        let first = ask_raw(&t, pseudonym, &key).await;
        first.assert_status(StatusCode::CREATED);
        let v = first.json();
        seen.push(format!("{:?}", keys_of(&v)));
        let started = v["started_at"].as_i64().unwrap();
        seen.push(format!(
            "wait {} {} {}",
            v["ready_at"].as_i64().unwrap() - started,
            v["expires_at"].as_i64().unwrap() - started,
            v["wait_hours"]
        ));
        assert_eq!(
            v["code"],
            slot::help_request_code(&key.recipient()).as_str()
        );
        let request = Recovering {
            token: v["token"].as_str().unwrap().to_owned(),
            id: v["id"].as_str().unwrap().to_owned(),
            code: v["code"].as_str().unwrap().to_owned(),
            key,
        };
        let s = status(&t, &request).await;
        seen.push(format!(
            "{:?} {} {}",
            keys_of(&s),
            s["state"],
            s["approvals"]
        ));
        // A second request while one is open, then the log-in throttle's delays.
        for _ in 0..3 {
            let again = ask_raw(&t, pseudonym, &Identity::generate(&mut rng())).await;
            seen.push(format!("{} {}", again.status, again.code()));
        }
        seen.push(release(&t, &request, &[]).await.code());
        t.clock.advance(WAIT);
        seen.push(release(&t, &request, &[]).await.code());
        seen.push(complete(&t, &request, &[5; 32]).await.code());
        t.clock.advance(-WAIT);
        answers.push(seen);
    }
    assert_eq!(answers[0], answers[1]);
    // And they are the expected answers, not two identical mistakes.
    assert_eq!(answers[0][3], "409 Conflict help_request_open");
    assert_eq!(answers[0][5], "429 Too Many Requests too_many_attempts");
    assert_eq!(answers[0][6], "help_not_ready");
    assert_eq!(answers[0][7], "not_enough_approvals");
    assert_eq!(answers[0][8], "invalid_credentials");
}

#[tokio::test]
async fn the_waiting_period_follows_the_operator_option() {
    let t = TestApp::with_config(|c| c.helper_wait_hours = 24).await;
    t.organisation("Org").await;
    let (gil, wallet) = holder(&t, "gil").await;
    let a = helper(&t, "Org", "g-a").await;
    let set = choose(&t, &gil, &wallet, &[&a], 1, 2).await;
    let request = ask(&t, "gil").await;
    approve(&t, &a, &request)
        .await
        .assert_status(StatusCode::NO_CONTENT);
    t.clock.advance(24 * 3600 - 1);
    release(&t, &request, &[&set.shares()[1]])
        .await
        .assert_error(StatusCode::CONFLICT, "help_not_ready");
    t.clock.advance(1);
    release(&t, &request, &[&set.shares()[1]])
        .await
        .assert_status(StatusCode::OK);
}

#[tokio::test]
async fn an_unverified_worker_and_a_wrong_number_of_helpers_are_refused() {
    let t = TestApp::new().await;
    t.organisation("Org").await;
    let (hana, wallet) = holder(&t, "hana").await;
    let unverified = Helper {
        worker: t.worker("Org", "h-unverified", "Unverified").await,
        identity: Identity::generate(&mut rng()),
    };
    let set = HelperSet::generate(2, 2, &mut rng()).unwrap();
    let body = json!({
        "threshold": 2,
        "server_part": b64(set.server_part()),
        "auth_key": b64(set.keys().auth_key()),
        "slot": b64(&set.keys().seal_slot(&wallet, &mut rng())),
        "helpers": [
            {"kind": "worker", "worker": unverified.worker.id, "share": b64(&age("s"))},
            {"kind": "card", "card_auth": b64(&[1; 32]), "label": "x"},
        ],
    });
    t.call(
        Method::PUT,
        "/api/v1/account/helpers",
        Some(&hana.session),
        Some(body.clone()),
    )
    .await
    .assert_error(StatusCode::NOT_FOUND, "worker_not_found");
    let mut one_helper = body.clone();
    one_helper["helpers"] = json!([{"kind": "card", "card_auth": b64(&[1; 32]), "label": "x"}]);
    t.call(
        Method::PUT,
        "/api/v1/account/helpers",
        Some(&hana.session),
        Some(one_helper),
    )
    .await
    .assert_error(StatusCode::BAD_REQUEST, "invalid_field");
    let mut k_too_big = body;
    k_too_big["threshold"] = json!(3);
    t.call(
        Method::PUT,
        "/api/v1/account/helpers",
        Some(&hana.session),
        Some(k_too_big),
    )
    .await
    .assert_error(StatusCode::BAD_REQUEST, "invalid_field");
}
