//! Sharing (docs/sharing.md): invitations and joining, card code look-ups, worker shares and
//! links through their whole life, every refusal, suspension, and time.

use crate::common::sharing::*;
use crate::common::*;
use axum::http::{Method, StatusCode, header};
use serde_json::{Value, json};

/// An app whose sessions outlive the clock moves of these tests.
async fn app() -> TestApp {
    TestApp::with_config(|c| {
        c.session_idle_secs = 30 * 86_400;
        c.session_absolute_secs = 30 * 86_400;
    })
    .await
}

fn content(tag: u8, len: usize) -> Vec<u8> {
    (0..len).map(|i| (i as u8).wrapping_mul(7) ^ tag).collect()
}

async fn lookup_invitation(t: &TestApp, token: &str) -> TestResponse {
    t.call(
        Method::POST,
        "/api/v1/invitations/lookup",
        None,
        Some(json!({"invitation": token})),
    )
    .await
}

#[tokio::test]
async fn an_invitation_is_looked_up_then_used_once() {
    let t = app().await;
    t.organisation("Samu Social").await;
    let token = t.invitation("Samu Social", 72).await;
    assert_eq!(token.len(), 32);

    let r = lookup_invitation(&t, &token).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        r.json(),
        json!({"organisation": "Samu Social", "expires_at": T0 + 72 * 3600})
    );
    // Looking up does not use it.
    assert_eq!(lookup_invitation(&t, &token).await.status, StatusCode::OK);

    // Bad fields are refused before the invitation is used.
    let secrets = Holder::new("ann.worker");
    for (field, value) in [
        ("real_name", json!("A")),
        ("real_name", json!("x".repeat(101))),
        ("real_name", json!("Ann\nWorker")),
        // A name shown to holders cannot hide or reorder characters: "Ann Worker" spoofed
        // with a right-to-left override, zero-width joiners or a byte-order mark.
        ("real_name", json!("Ann \u{202E}rekroW")),
        ("real_name", json!("Ann\u{200B} Worker")),
        ("real_name", json!("Ann\u{200C}Worker")),
        ("real_name", json!("\u{2067}Ann Worker\u{2069}")),
        ("real_name", json!("Ann\u{200E} Worker")),
        ("real_name", json!("Ann\u{FEFF}Worker")),
        ("real_name", json!(null)),
        ("pseudonym", json!("ab")),
        ("recipient", json!("age1nope")),
        ("passphrase_auth", json!(b64(&[1; 31]))),
    ] {
        let mut body = join_body(&secrets, &token, "Ann Worker");
        body[field] = value.clone();
        let r = t.join_raw(body).await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{field}={value}");
        assert_eq!(r.code(), "invalid_field", "{field}={value}");
        assert!(
            r.json()["error"]["message"]
                .as_str()
                .unwrap()
                .contains(field),
            "{field}={value}: {}",
            r.json()
        );
        assert!(!r.headers.contains_key(header::SET_COOKIE));
    }
    // A login name taken by a holder: refused, and the invitation is still usable.
    t.signup("taken name").await;
    t.join_raw(join_body(&Holder::new("Taken Name"), &token, "Ann Worker"))
        .await
        .assert_error(StatusCode::CONFLICT, "pseudonym_taken");
    assert_eq!(lookup_invitation(&t, &token).await.status, StatusCode::OK);

    let r = t
        .join_raw(join_body(&secrets, &token, "  Ann Worker "))
        .await;
    r.assert_status(StatusCode::CREATED);
    let account = r.json()["account"].clone();
    assert_eq!(account["kind"], "worker");
    assert_eq!(account["pseudonym"], "ann.worker");
    let worker = &account["worker"];
    assert_eq!(worker["real_name"], "Ann Worker");
    assert_eq!(worker["organisation"], "Samu Social");
    assert_eq!(worker["state"], "unverified");
    let code = worker["code"].as_str().unwrap();
    assert_eq!(code.len(), 11);
    assert_eq!((&code[4..5], &code[9..10]), ("-", "-"));
    assert!(!r.headers.contains_key(header::SET_COOKIE));
    let session = r.session_token();
    let me = t.get("/api/v1/account", Some(&session)).await.json();
    assert_eq!(me["kind"], "worker");
    assert_eq!(me["worker"], *worker);

    // Used: one answer for used, expired, unknown and malformed tokens.
    t.organisation("Other").await;
    let short = t.invitation("Other", 1).await;
    t.clock.advance(3600);
    for bad in [
        token.as_str(),
        short.as_str(),
        &"0".repeat(32),
        "not-a-token",
        "",
    ] {
        lookup_invitation(&t, bad)
            .await
            .assert_error(StatusCode::GONE, "invitation_invalid");
        t.join_raw(join_body(&Holder::new("second one"), bad, "Bob Worker"))
            .await
            .assert_error(StatusCode::GONE, "invitation_invalid");
    }
    // The expired one would have worked a second earlier.
    let fresh = t.invitation("Other", 1).await;
    t.clock.advance(3599);
    assert_eq!(lookup_invitation(&t, &fresh).await.status, StatusCode::OK);

    // The worker logs in like a holder.
    t.call(Method::POST, "/api/v1/auth/logout", Some(&session), None)
        .await;
    let r = t
        .login("ANN.WORKER", "passphrase", &secrets.passphrase_auth)
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let me = t.get("/api/v1/account", Some(&r.session_token())).await;
    assert_eq!(me.json()["kind"], "worker");
    // A holder's account says so and has no worker part.
    let h = t.signup("plain holder").await;
    let me = t.get("/api/v1/account", Some(&h.session)).await.json();
    assert_eq!(me["kind"], "holder");
    assert!(me.get("worker").is_none(), "{me}");
}

async fn lookup_worker(t: &TestApp, session: &str, code: String) -> TestResponse {
    t.get(&format!("/api/v1/workers/{code}"), Some(session))
        .await
}

#[tokio::test]
async fn holders_look_workers_up_by_card_code() {
    let t = app().await;
    t.organisation("Samu Social").await;
    let h = t.signup("holder").await;
    let w = t.worker("Samu Social", "ann.worker", "Ann Worker").await;
    let lookup = |code: String| lookup_worker(&t, &h.session, code);
    let r = lookup(w.code.clone()).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(
        r.json(),
        json!({
            "id": w.id,
            "code": w.code,
            "real_name": "Ann Worker",
            "organisation": "Samu Social",
            "verified": false,
            "recipient": w.secrets.recipient,
        })
    );
    // Typed loosely: lower case, no dashes, spaces (percent-encoded).
    let loose = w.code.to_lowercase().replace('-', "");
    assert_eq!(lookup(loose).await.json()["id"], w.id.as_str());
    let spaced = w.code.replace('-', "%20");
    assert_eq!(lookup(spaced).await.json()["id"], w.id.as_str());

    pde_server::admin::verify(&*t.state.storage, &w.code)
        .await
        .unwrap();
    assert_eq!(lookup(w.code.clone()).await.json()["verified"], true);

    // A wrong check character: mistyped.
    let check = w.code.chars().last().unwrap();
    let other = if check == '0' { '1' } else { '0' };
    let mistyped = format!("{}{other}", &w.code[..10]);
    lookup(mistyped)
        .await
        .assert_error(StatusCode::BAD_REQUEST, "worker_code_mistyped");
    // Not 8 + 1 code characters.
    for bad in ["0000-0000", "0000-0000-00", "0000-000U-0", "hello"] {
        lookup(bad.to_owned())
            .await
            .assert_error(StatusCode::BAD_REQUEST, "invalid_worker_code");
    }
    // Well formed, nobody's.
    let nobody = if w.code == "0000-0001-1" {
        "0000-0000-0"
    } else {
        "0000-0001-1"
    };
    lookup(nobody.to_owned())
        .await
        .assert_error(StatusCode::NOT_FOUND, "worker_not_found");
    // Suspended: as if unknown.
    pde_server::admin::suspend(&*t.state.storage, &w.code)
        .await
        .unwrap();
    lookup(w.code.clone())
        .await
        .assert_error(StatusCode::NOT_FOUND, "worker_not_found");
    // Workers cannot look up workers.
    let w2 = t.worker("Samu Social", "bob.worker", "Bob Worker").await;
    t.get(&format!("/api/v1/workers/{}", w2.code), Some(&w2.session))
        .await
        .assert_error(StatusCode::FORBIDDEN, "forbidden");
}

/// The card code a holder's browser expects for `recipient`: the first 40 bits of SHA-256
/// of its text, in the display form of docs/sharing.md (computed here independently).
fn expected_code(recipient: &str) -> String {
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    const CHECK: &[u8] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U";
    let digest = ring::digest::digest(&ring::digest::SHA256, recipient.as_bytes());
    let value = digest.as_ref()[..5]
        .iter()
        .fold(0u64, |v, b| (v << 8) | u64::from(*b));
    let body: String = (0..8)
        .map(|i| ALPHABET[((value >> (5 * (7 - i))) & 31) as usize] as char)
        .collect();
    format!(
        "{}-{}-{}",
        &body[..4],
        &body[4..],
        CHECK[(value % 37) as usize] as char
    )
}

#[tokio::test]
async fn a_workers_card_code_is_derived_from_their_key_and_a_second_key_with_that_code_is_refused()
{
    let t = app().await;
    t.organisation("Samu Social").await;
    let w = t.worker("Samu Social", "ann.worker", "Ann Worker").await;
    assert_eq!(w.code, expected_code(&w.secrets.recipient));

    // Another account with the same recipient would get the same code: refused, and the
    // invitation stays usable for a try with a new key.
    let token = t.invitation("Samu Social", 72).await;
    let mut same_key = Holder::new("bob.worker");
    same_key.recipient = w.secrets.recipient.clone();
    t.join_raw(join_body(&same_key, &token, "Bob Worker"))
        .await
        .assert_error(StatusCode::CONFLICT, "worker_code_taken");
    let fresh = Holder::new("bob.worker");
    let r = t.join_raw(join_body(&fresh, &token, "Bob Worker")).await;
    assert_eq!(r.status, StatusCode::CREATED);
    assert_eq!(
        r.json()["account"]["worker"]["code"],
        expected_code(&fresh.recipient).as_str()
    );
}

#[tokio::test]
async fn workers_with_codes_of_the_random_kind_get_the_derived_code_at_start() {
    let t = app().await;
    t.organisation("Samu Social").await;
    let ann = t.worker("Samu Social", "ann.worker", "Ann Worker").await;
    let bob = t.worker("Samu Social", "bob.worker", "Bob Worker").await;
    let ann_id: pde_server::ids::AccountId = ann.id.parse().unwrap();
    // As codes were given before: random ones that have nothing to do with the keys.
    let old = pde_server::worker_code::WorkerCode::from_value(123_456_789).unwrap();
    t.state.storage.set_worker_code(ann_id, old).await.unwrap();
    let holder = t.signup("holder").await;
    assert_eq!(
        lookup_worker(&t, &holder.session, old.to_string())
            .await
            .json()["id"],
        ann.id.as_str()
    );

    let done = pde_server::recode::derive_worker_codes(&t.state)
        .await
        .unwrap();
    assert_eq!(
        done,
        pde_server::recode::Recoded {
            changed: 1,
            clashing: 0
        }
    );
    let r = lookup_worker(&t, &holder.session, ann.code.clone()).await;
    assert_eq!(r.json()["id"], ann.id.as_str());
    lookup_worker(&t, &holder.session, old.to_string())
        .await
        .assert_error(StatusCode::NOT_FOUND, "worker_not_found");
    // Run again (a second replica starting): nothing to do.
    let again = pde_server::recode::derive_worker_codes(&t.state)
        .await
        .unwrap();
    assert_eq!(again, pde_server::recode::Recoded::default());
    assert_eq!(
        lookup_worker(&t, &holder.session, bob.code.clone())
            .await
            .json()["id"],
        bob.id.as_str()
    );
}

#[tokio::test]
async fn a_worker_share_goes_through_its_whole_life() {
    let t = app().await;
    t.organisation("Samu Social").await;
    let h = t.signup("marie").await;
    let w = t
        .verified_worker("Samu Social", "ann.worker", "Ann Worker")
        .await;
    let (c1, c2, c3) = (content(1, 3000), content(2, 5000), content(3, 100));
    let d1 = t.store(&h.session, &c1).await;
    let d2 = t.store(&h.session, &c2).await;
    let d3 = t.store(&h.session, &c3).await;

    let r = t
        .create_share_raw(
            &h.session,
            json!({
                "kind": "worker",
                "worker_id": w.id,
                "duration_secs": 86_400,
                "note": b64(&age("a note")),
                "documents": TestApp::share_documents(&[&d2, &d1]),
            }),
        )
        .await;
    r.assert_status(StatusCode::CREATED);
    let created = r.json();
    let id = created["id"].as_str().unwrap().to_owned();
    assert_eq!(created["expires_at"], T0 + 86_400);

    // The worker sees exactly the two shared documents, with their share envelopes.
    t.clock.advance(10);
    let r = t.get("/api/v1/shared-with-me", Some(&w.session)).await;
    assert_eq!(r.status, StatusCode::OK);
    let shares = r.json()["shares"].clone();
    assert_eq!(shares.as_array().unwrap().len(), 1);
    let share = &shares[0];
    assert_eq!(share["id"], id.as_str());
    assert_eq!(share["holder"], "marie");
    assert_eq!(share["created_at"], T0);
    assert_eq!(share["expires_at"], T0 + 86_400);
    assert_eq!(unb64(share["note"].as_str().unwrap()), age("a note"));
    let docs = share["documents"].as_array().unwrap();
    let ids: Vec<&str> = docs.iter().map(|d| d["id"].as_str().unwrap()).collect();
    assert_eq!(ids, vec![d2.as_str(), d1.as_str()]);
    assert_eq!(docs[1]["size"], c1.len());
    assert_eq!(
        unb64(docs[1]["metadata"].as_str().unwrap()),
        b"meta-ciphertext"
    );
    assert_eq!(
        unb64(docs[1]["envelope"].as_str().unwrap()),
        age(&format!("share envelope of {d1}"))
    );
    let one = t
        .get(&format!("/api/v1/shared-with-me/{id}"), Some(&w.session))
        .await;
    assert_eq!(one.status, StatusCode::OK);
    assert_eq!(one.json(), *share);

    // Opening a document: its content, and an `open` receipt.
    let r = t
        .get(
            &format!("/api/v1/shared-with-me/{id}/documents/{d1}/content"),
            Some(&w.session),
        )
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.headers[header::CONTENT_TYPE], "application/octet-stream");
    assert_eq!(r.headers[header::CACHE_CONTROL], "no-store");
    assert_eq!(r.body.as_ref(), c1.as_slice());
    t.clock.advance(5);
    let r = t
        .call(
            Method::POST,
            &format!("/api/v1/shared-with-me/{id}/documents/{d1}/download"),
            Some(&w.session),
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    // The unshared document is not reachable through the share, and records nothing.
    for r in [
        t.get(
            &format!("/api/v1/shared-with-me/{id}/documents/{d3}/content"),
            Some(&w.session),
        )
        .await,
        t.call(
            Method::POST,
            &format!("/api/v1/shared-with-me/{id}/documents/{d3}/download"),
            Some(&w.session),
            None,
        )
        .await,
    ] {
        r.assert_error(StatusCode::NOT_FOUND, "not_found");
    }

    // The holder sees the share, its worker and both receipts.
    let mine = t.shares_of(&h.session).await;
    assert_eq!(mine.len(), 1);
    assert_eq!(
        mine[0],
        json!({
            "id": id,
            "kind": "worker",
            "worker": {
                "id": w.id,
                "code": w.code,
                "real_name": "Ann Worker",
                "organisation": "Samu Social",
                "verified": true,
            },
            "created_at": T0,
            "opens_at": null,
            "expires_at": T0 + 86_400,
            "revoked_at": null,
            "status": "active",
            "pin": false,
            "pin_failures": 0,
            "document_ids": [d2, d1],
            "receipts": [
                {"document_id": d1, "at": T0 + 10, "action": "open", "by": "worker"},
                {"document_id": d1, "at": T0 + 15, "action": "download", "by": "worker"},
            ],
        })
    );
    assert_eq!(
        t.db_count(&format!(
            "SELECT COUNT(*) FROM share_envelopes WHERE share_id = '{id}'"
        ))
        .await,
        2
    );

    // Revoked: the worker is refused at once; envelopes and note are gone; history stays.
    t.clock.advance(5);
    let r = t
        .call(
            Method::POST,
            &format!("/api/v1/shares/{id}/revoke"),
            Some(&h.session),
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    t.assert_worker_routes(&w.session, &id, &d1, StatusCode::GONE, "share_ended")
        .await;
    let list = t.get("/api/v1/shared-with-me", Some(&w.session)).await;
    assert_eq!(list.json(), json!({"shares": []}));
    assert_eq!(
        t.db_count(&format!(
            "SELECT COUNT(*) FROM share_envelopes WHERE share_id = '{id}'"
        ))
        .await,
        0
    );
    assert_eq!(
        t.db_count(&format!(
            "SELECT COUNT(*) FROM shares WHERE id = '{id}' AND note IS NULL"
        ))
        .await,
        1
    );
    let mine = t.shares_of(&h.session).await;
    assert_eq!(mine[0]["status"], "revoked");
    assert_eq!(mine[0]["revoked_at"], T0 + 20);
    assert_eq!(mine[0]["receipts"].as_array().unwrap().len(), 2);
    assert_eq!(mine[0]["document_ids"], json!([d2, d1]));
    // Revoking again is fine and changes nothing.
    t.clock.advance(5);
    let r = t
        .call(
            Method::POST,
            &format!("/api/v1/shares/{id}/revoke"),
            Some(&h.session),
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert_eq!(t.shares_of(&h.session).await[0]["revoked_at"], T0 + 20);
    // The holder's documents are untouched.
    assert_eq!(t.list_ids(&h.session).await.len(), 3);
}

#[tokio::test]
async fn a_link_with_a_pin_counts_wrong_pins_and_locks_at_the_fifth() {
    let t = app().await;
    let h = t.signup("marie").await;
    let c1 = content(1, 2000);
    let d1 = t.store(&h.session, &c1).await;
    let d2 = t.store(&h.session, &content(2, 10)).await;
    let link = t
        .make_link(&h.session, &[&d1, &d2], 86_400, Some("123456"))
        .await;

    // No PIN: asked for, and nothing counted.
    for _ in 0..3 {
        t.link_call(&link, "open", None)
            .await
            .assert_error(StatusCode::UNAUTHORIZED, "pin_required");
    }
    assert_eq!(t.shares_of(&h.session).await[0]["pin_failures"], 0);
    // Two wrong PINs, then the right one.
    for left in [4, 3] {
        let r = t.link_call(&link, "open", Some("654321")).await;
        r.assert_error(StatusCode::UNAUTHORIZED, "wrong_pin");
        assert_eq!(r.json()["error"]["attempts_left"], left);
    }
    // Other errors carry no attempts_left.
    let r = t.link_call(&link, "open", None).await;
    assert!(r.json()["error"].get("attempts_left").is_none());
    let r = t.link_call(&link, "open", Some("123456")).await;
    r.assert_status(StatusCode::OK);
    let opened = r.json();
    assert_eq!(opened["expires_at"], T0 + 86_400);
    assert_eq!(
        unb64(opened["note"].as_str().unwrap()),
        age("a note for the link")
    );
    let ids: Vec<&str> = opened["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, vec![d1.as_str(), d2.as_str()]);
    // No receipt for opening the link itself; one per content fetch and download.
    let r = t
        .link_call(&link, &format!("documents/{d1}/content"), Some("123456"))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body.as_ref(), c1.as_slice());
    let r = t
        .link_call(&link, &format!("documents/{d1}/download"), Some("123456"))
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    t.link_call(&link, &format!("documents/{d1}/content"), None)
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "pin_required");
    let mine = t.shares_of(&h.session).await;
    assert_eq!(mine[0]["kind"], "link");
    assert_eq!(mine[0]["worker"], Value::Null);
    assert_eq!(mine[0]["pin"], true);
    assert_eq!(mine[0]["pin_failures"], 2);
    assert_eq!(mine[0]["status"], "active");
    assert_eq!(
        mine[0]["receipts"],
        json!([
            {"document_id": d1, "at": T0, "action": "open", "by": "link"},
            {"document_id": d1, "at": T0, "action": "download", "by": "link"},
        ])
    );

    // A second link: five wrong PINs lock it for good.
    let second = t
        .make_link(&h.session, &[&d2], 86_400, Some("000000"))
        .await;
    for left in [4, 3, 2, 1, 0] {
        let r = t.link_call(&second, "open", Some("999999")).await;
        r.assert_error(StatusCode::UNAUTHORIZED, "wrong_pin");
        assert_eq!(r.json()["error"]["attempts_left"], left);
    }
    for pin in [Some("000000"), Some("999999"), None] {
        t.link_call(&second, "open", pin)
            .await
            .assert_error(StatusCode::GONE, "link_locked");
    }
    t.link_call(&second, &format!("documents/{d2}/content"), Some("000000"))
        .await
        .assert_error(StatusCode::GONE, "link_locked");
    let mine = t.shares_of(&h.session).await;
    assert_eq!(mine[0]["id"], second.id.as_str());
    assert_eq!(mine[0]["status"], "locked");
    assert_eq!(mine[0]["pin_failures"], 5);
    assert_eq!(mine[0]["receipts"], json!([]));
    assert_eq!(
        t.db_count(&format!(
            "SELECT COUNT(*) FROM share_envelopes WHERE share_id = '{}'",
            second.id
        ))
        .await,
        0
    );
    assert_eq!(
        t.db_count(&format!(
            "SELECT COUNT(*) FROM shares WHERE id = '{}' AND note IS NULL AND locked_at = {T0}",
            second.id
        ))
        .await,
        1
    );
    // The first link is not affected.
    assert_eq!(
        t.link_call(&link, "open", Some("123456")).await.status,
        StatusCode::OK
    );
    // A link without a PIN ignores a PIN given.
    let open = t.make_link(&h.session, &[&d2], 3600, None).await;
    assert_eq!(
        t.link_call(&open, "open", None).await.status,
        StatusCode::OK
    );
    assert_eq!(
        t.link_call(&open, "open", Some("111111")).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn a_wrong_access_key_is_answered_like_an_unknown_id_and_not_counted() {
    let t = app().await;
    let h = t.signup("marie").await;
    let d = t.store(&h.session, b"doc").await;
    let link = t.make_link(&h.session, &[&d], 3600, None).await;
    let wrong = TestLink {
        access_key: rand_bytes(),
        ..link.clone()
    };
    let unknown = TestLink {
        id: "0123456789abcdef0123456789abcdef".into(),
        ..link.clone()
    };
    for rest in [
        "open".to_owned(),
        format!("documents/{d}/content"),
        format!("documents/{d}/download"),
    ] {
        let a = t.link_call(&wrong, &rest, None).await;
        let b = t.link_call(&unknown, &rest, None).await;
        a.assert_error(StatusCode::NOT_FOUND, "not_found");
        assert_eq!((a.status, &a.body), (b.status, &b.body), "{rest}");
    }
    // Far more wrong keys than the rate limit: none is counted against the link.
    for _ in 0..40 {
        t.link_call(&wrong, "open", None)
            .await
            .assert_error(StatusCode::NOT_FOUND, "not_found");
    }
    assert_eq!(
        t.link_call(&link, "open", None).await.status,
        StatusCode::OK
    );
    // A key of the wrong length is a bad field.
    let r = t
        .call(
            Method::POST,
            &format!("/api/v1/links/{}/open", link.id),
            None,
            Some(json!({"access_key": b64(&[1; 31]), "pin": null})),
        )
        .await;
    r.assert_error(StatusCode::BAD_REQUEST, "invalid_field");
    // No receipts from any of it.
    assert_eq!(t.shares_of(&h.session).await[0]["receipts"], json!([]));
}

#[tokio::test]
async fn links_are_rate_limited_per_link_in_the_database() {
    let t = app().await;
    let h = t.signup("marie").await;
    let d = t.store(&h.session, b"doc").await;
    let link = t.make_link(&h.session, &[&d], 3600, None).await;
    let other = t.make_link(&h.session, &[&d], 3600, None).await;
    t.clock.advance(10);
    for i in 0..30 {
        let rest = if i % 3 == 0 {
            format!("documents/{d}/content")
        } else {
            "open".to_owned()
        };
        let r = t.link_call(&link, &rest, None).await;
        assert_eq!(r.status, StatusCode::OK, "request {i}");
    }
    t.clock.advance(20);
    let r = t
        .link_call(&link, &format!("documents/{d}/content"), None)
        .await;
    r.assert_error(StatusCode::TOO_MANY_REQUESTS, "too_many_attempts");
    assert_eq!(r.headers[header::RETRY_AFTER], "40");
    // The refused request recorded nothing: 10 content fetches were allowed.
    let receipts = t.shares_of(&h.session).await[1]["receipts"].clone();
    assert_eq!(receipts.as_array().unwrap().len(), 10);
    // Another link has its own count.
    assert_eq!(
        t.link_call(&other, "open", None).await.status,
        StatusCode::OK
    );
    // The count lives in the database: a second app on the same files sees it.
    let again = pde_server::app(t.state.clone());
    let req = axum::http::Request::post(format!("/api/v1/links/{}/open", link.id))
        .header("x-pde-client", "1")
        .header(header::CONTENT_TYPE, "application/json")
        .body(axum::body::Body::from(link.body(None).to_string()))
        .unwrap();
    use tower::ServiceExt;
    let r = again.oneshot(req).await.unwrap();
    assert_eq!(r.status(), StatusCode::TOO_MANY_REQUESTS);
    // A new window.
    t.clock.advance(40);
    assert_eq!(
        t.link_call(&link, "open", None).await.status,
        StatusCode::OK
    );
}

#[tokio::test]
async fn every_bad_share_request_gets_its_error_and_creates_nothing() {
    let t = app().await;
    t.organisation("Samu Social").await;
    let h = t.signup("marie").await;
    let w = t.worker("Samu Social", "ann.worker", "Ann Worker").await;
    let d1 = t.store(&h.session, b"one").await;
    let d2 = t.store(&h.session, b"two").await;
    let pending = t.reserve(&h.session, 10).await;
    let worker_body = || {
        json!({
            "kind": "worker",
            "worker_id": w.id,
            "duration_secs": 86_400,
            "note": null,
            "documents": TestApp::share_documents(&[&d1]),
        })
    };
    let link_body = || {
        json!({
            "kind": "link",
            "duration_secs": 86_400,
            "access_key": b64(&[7; 32]),
            "pin": null,
            "note": null,
            "documents": TestApp::share_documents(&[&d1]),
        })
    };
    let envelope = |bytes: &[u8]| json!([{"id": d1, "envelope": b64(bytes)}]);
    let fifty_one: Vec<String> = (0..51).map(|i| format!("{i:032x}")).collect();
    let fifty_one: Vec<&str> = fifty_one.iter().map(String::as_str).collect();
    let stranger = t.signup("stranger").await;

    let cases: Vec<(&str, Value, StatusCode, &str)> = vec![
        (
            "no documents",
            json!({"documents": []}),
            StatusCode::BAD_REQUEST,
            "invalid_field",
        ),
        (
            "51 documents",
            json!({"documents": TestApp::share_documents(&fifty_one)}),
            StatusCode::BAD_REQUEST,
            "invalid_field",
        ),
        (
            "a document twice",
            json!({"documents": TestApp::share_documents(&[&d1, &d2, &d1])}),
            StatusCode::BAD_REQUEST,
            "invalid_field",
        ),
        (
            "documents missing",
            json!({"documents": null}),
            StatusCode::BAD_REQUEST,
            "invalid_field",
        ),
        (
            "a malformed document id",
            json!({"documents": [{"id": "xyz", "envelope": b64(&age("e"))}]}),
            StatusCode::BAD_REQUEST,
            "invalid_field",
        ),
        (
            "an empty envelope",
            json!({"documents": envelope(b"")}),
            StatusCode::BAD_REQUEST,
            "invalid_field",
        ),
        (
            "an envelope of 4097 bytes",
            json!({"documents": envelope(&[AGE_HEADER, &[0; 4075]].concat())}),
            StatusCode::BAD_REQUEST,
            "invalid_field",
        ),
        (
            "an envelope that is not an age file",
            json!({"documents": envelope(b"plain text")}),
            StatusCode::BAD_REQUEST,
            "invalid_field",
        ),
        (
            "an envelope not in Base64",
            json!({"documents": [{"id": d1, "envelope": "***"}]}),
            StatusCode::BAD_REQUEST,
            "invalid_field",
        ),
        (
            "59 minutes",
            json!({"duration_secs": 3599}),
            StatusCode::BAD_REQUEST,
            "invalid_field",
        ),
        (
            "90 days and a second",
            json!({"duration_secs": 7_776_001}),
            StatusCode::BAD_REQUEST,
            "invalid_field",
        ),
        (
            "a negative duration",
            json!({"duration_secs": -3600}),
            StatusCode::BAD_REQUEST,
            "invalid_field",
        ),
        (
            "a duration in words",
            json!({"duration_secs": "one day"}),
            StatusCode::BAD_REQUEST,
            "invalid_field",
        ),
        (
            "a note of 8193 bytes",
            json!({"note": b64(&[AGE_HEADER, &[0; 8171]].concat())}),
            StatusCode::BAD_REQUEST,
            "invalid_field",
        ),
        (
            "an empty note",
            json!({"note": ""}),
            StatusCode::BAD_REQUEST,
            "invalid_field",
        ),
        (
            "a note that is not an age file",
            json!({"note": b64(b"hello")}),
            StatusCode::BAD_REQUEST,
            "invalid_field",
        ),
        (
            "a PIN on a worker share",
            json!({"pin": "123456"}),
            StatusCode::BAD_REQUEST,
            "invalid_field",
        ),
        (
            "an access key on a worker share",
            json!({"access_key": b64(&[1; 32])}),
            StatusCode::BAD_REQUEST,
            "invalid_field",
        ),
        (
            "no worker",
            json!({"worker_id": null}),
            StatusCode::BAD_REQUEST,
            "invalid_field",
        ),
        (
            "a malformed worker id",
            json!({"worker_id": "ann"}),
            StatusCode::BAD_REQUEST,
            "invalid_field",
        ),
        (
            "an unknown kind",
            json!({"kind": "group"}),
            StatusCode::BAD_REQUEST,
            "invalid_field",
        ),
        (
            "an unknown worker",
            json!({"worker_id": "0123456789abcdef0123456789abcdef"}),
            StatusCode::NOT_FOUND,
            "worker_not_found",
        ),
        (
            "a holder as worker",
            json!({"worker_id": h_id(&t, &stranger).await}),
            StatusCode::NOT_FOUND,
            "worker_not_found",
        ),
        (
            "an unknown document",
            json!({"documents": TestApp::share_documents(&[&d1, "0123456789abcdef0123456789abcdef"])}),
            StatusCode::NOT_FOUND,
            "not_found",
        ),
        (
            "a pending document",
            json!({"documents": TestApp::share_documents(&[&d2, &pending])}),
            StatusCode::NOT_FOUND,
            "not_found",
        ),
    ];
    let link_cases: Vec<(&str, Value, StatusCode, &str)> = vec![
        (
            "a link of 7 days and a second",
            json!({"duration_secs": 604_801}),
            StatusCode::BAD_REQUEST,
            "invalid_field",
        ),
        (
            "a link of 59 minutes",
            json!({"duration_secs": 3599}),
            StatusCode::BAD_REQUEST,
            "invalid_field",
        ),
        (
            "a link without access key",
            json!({"access_key": null}),
            StatusCode::BAD_REQUEST,
            "invalid_field",
        ),
        (
            "an access key of 31 bytes",
            json!({"access_key": b64(&[1; 31])}),
            StatusCode::BAD_REQUEST,
            "invalid_field",
        ),
        (
            "a PIN of 5 digits",
            json!({"pin": "12345"}),
            StatusCode::BAD_REQUEST,
            "invalid_field",
        ),
        (
            "a PIN of 7 digits",
            json!({"pin": "1234567"}),
            StatusCode::BAD_REQUEST,
            "invalid_field",
        ),
        (
            "a PIN with a letter",
            json!({"pin": "12345a"}),
            StatusCode::BAD_REQUEST,
            "invalid_field",
        ),
        (
            "a PIN of non-ASCII digits",
            json!({"pin": "١٢٣٤٥٦"}),
            StatusCode::BAD_REQUEST,
            "invalid_field",
        ),
        (
            "a PIN as a number",
            json!({"pin": 123456}),
            StatusCode::BAD_REQUEST,
            "invalid_field",
        ),
        (
            "a link with a worker",
            json!({"worker_id": w.id}),
            StatusCode::BAD_REQUEST,
            "invalid_field",
        ),
        (
            "a link to another holder's document",
            json!({"documents": TestApp::share_documents(&[&stranger_doc(&t, &stranger).await])}),
            StatusCode::NOT_FOUND,
            "not_found",
        ),
    ];
    let mut failures = Vec::new();
    for (base, list) in [(worker_body(), cases), (link_body(), link_cases)] {
        for (what, patch, status, code) in list {
            let mut body = base.clone();
            for (k, v) in patch.as_object().unwrap() {
                body[k] = v.clone();
            }
            let r = t.create_share_raw(&h.session, body).await;
            let got_code = r.json()["error"]["code"].as_str().unwrap_or("").to_owned();
            if r.status != status || got_code != code {
                failures.push(format!(
                    "{what}: expected {status} {code}, got {} {}",
                    r.status,
                    String::from_utf8_lossy(&r.body)
                ));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));
    // A body that is not JSON.
    t.call_raw(Method::POST, "/api/v1/shares", Some(&h.session), "{")
        .await
        .assert_error(StatusCode::BAD_REQUEST, "bad_request");

    // Nothing was created.
    assert!(t.shares_of(&h.session).await.is_empty());
    assert_eq!(t.db_count("SELECT COUNT(*) FROM shares").await, 0);
    assert_eq!(t.db_count("SELECT COUNT(*) FROM share_documents").await, 0);
    assert_eq!(t.db_count("SELECT COUNT(*) FROM share_envelopes").await, 0);
    // The bounds themselves are accepted.
    let big_note = json!(b64(&[AGE_HEADER, &[0; 8170]].concat()));
    let big_envelope = json!([{"id": d1, "envelope": b64(&[AGE_HEADER, &[0; 4074]].concat())}]);
    for (mut body, secs) in [
        (worker_body(), 3600),
        (worker_body(), 7_776_000),
        (link_body(), 3600),
        (link_body(), 604_800),
    ] {
        body["duration_secs"] = json!(secs);
        body["note"] = big_note.clone();
        body["documents"] = big_envelope.clone();
        let r = t.create_share_raw(&h.session, body).await;
        assert_eq!(
            r.status,
            StatusCode::CREATED,
            "{secs}: {}",
            String::from_utf8_lossy(&r.body)
        );
    }
    let mut body = link_body();
    body["pin"] = json!("000000");
    assert_eq!(
        t.create_share_raw(&h.session, body).await.status,
        StatusCode::CREATED
    );
    assert_eq!(t.shares_of(&h.session).await.len(), 5);
}

/// The account id of a holder, read from the database.
async fn h_id(t: &TestApp, h: &Holder) -> String {
    let pool = databases::open_pool(&t.state.config.database_url()).await;
    let id: String = sqlx::query_scalar("SELECT id FROM accounts WHERE pseudonym = $1")
        .bind(&h.pseudonym)
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    id
}

/// A complete document of `h`.
async fn stranger_doc(t: &TestApp, h: &Holder) -> String {
    t.store(&h.session, b"the stranger's").await
}

#[tokio::test]
async fn fifty_documents_can_be_shared_at_once() {
    let t = app().await;
    let h = t.signup("marie").await;
    let mut docs = Vec::new();
    for i in 0..50u8 {
        docs.push(t.store(&h.session, &[i; 3]).await);
    }
    let refs: Vec<&str> = docs.iter().map(String::as_str).collect();
    let link = t.make_link(&h.session, &refs, 3600, None).await;
    let opened = t.link_call(&link, "open", None).await.json();
    assert_eq!(opened["documents"].as_array().unwrap().len(), 50);
}

#[tokio::test]
async fn a_share_of_another_holders_document_is_refused() {
    let t = app().await;
    t.organisation("Samu Social").await;
    let alice = t.signup("alice").await;
    let bob = t.signup("bob").await;
    let w = t.worker("Samu Social", "ann.worker", "Ann Worker").await;
    let alices = t.store(&alice.session, b"alice's").await;
    let bobs = t.store(&bob.session, b"bob's").await;
    for docs in [vec![alices.as_str()], vec![bobs.as_str(), alices.as_str()]] {
        let r = t
            .create_share_raw(
                &bob.session,
                json!({
                    "kind": "worker",
                    "worker_id": w.id,
                    "duration_secs": 3600,
                    "note": null,
                    "documents": TestApp::share_documents(&docs),
                }),
            )
            .await;
        r.assert_error(StatusCode::NOT_FOUND, "not_found");
    }
    // The same answer as for a document that does not exist.
    let a = t
        .create_share_raw(
            &bob.session,
            json!({"kind": "link", "duration_secs": 3600, "access_key": b64(&[1; 32]),
                   "documents": TestApp::share_documents(&[&alices])}),
        )
        .await;
    let b = t
        .create_share_raw(
            &bob.session,
            json!({"kind": "link", "duration_secs": 3600, "access_key": b64(&[1; 32]),
                   "documents": TestApp::share_documents(&["0123456789abcdef0123456789abcdef"])}),
        )
        .await;
    assert_eq!((a.status, a.body.clone()), (b.status, b.body));
    assert!(t.shares_of(&bob.session).await.is_empty());
    assert_eq!(t.db_count("SELECT COUNT(*) FROM shares").await, 0);
    assert!(
        t.get("/api/v1/shared-with-me", Some(&w.session))
            .await
            .json()["shares"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    // Bob cannot revoke or see Alice's shares either.
    let id = t.share_with(&alice.session, &w.id, &[&alices], 3600).await;
    t.call(
        Method::POST,
        &format!("/api/v1/shares/{id}/revoke"),
        Some(&bob.session),
        None,
    )
    .await
    .assert_error(StatusCode::NOT_FOUND, "not_found");
    assert!(t.shares_of(&bob.session).await.is_empty());
    assert_eq!(t.shares_of(&alice.session).await[0]["status"], "active");
}

#[tokio::test]
async fn a_worker_cannot_open_a_share_addressed_to_another_and_nothing_is_recorded() {
    let t = app().await;
    t.organisation("Samu Social").await;
    let h = t.signup("marie").await;
    let ann = t.worker("Samu Social", "ann.worker", "Ann Worker").await;
    let bob = t.worker("Samu Social", "bob.worker", "Bob Worker").await;
    let d = t.store(&h.session, b"for ann").await;
    let id = t.share_with(&h.session, &ann.id, &[&d], 86_400).await;

    t.assert_worker_routes(&bob.session, &id, &d, StatusCode::NOT_FOUND, "not_found")
        .await;
    assert_eq!(
        t.get("/api/v1/shared-with-me", Some(&bob.session))
            .await
            .json(),
        json!({"shares": []})
    );
    // A worker share is not a link.
    let as_link = TestLink {
        id: id.clone(),
        access_key: [0; 32],
    };
    t.link_call(&as_link, "open", None)
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    assert_eq!(t.shares_of(&h.session).await[0]["receipts"], json!([]));
    assert_eq!(t.db_count("SELECT COUNT(*) FROM receipts").await, 0);
    // Ann can.
    let r = t
        .get(
            &format!("/api/v1/shared-with-me/{id}/documents/{d}/content"),
            Some(&ann.session),
        )
        .await;
    assert_eq!(r.body.as_ref(), b"for ann");
}

#[tokio::test]
async fn roles_are_kept_apart() {
    let t = app().await;
    t.organisation("Samu Social").await;
    let h = t.signup("marie").await;
    let w = t.worker("Samu Social", "ann.worker", "Ann Worker").await;
    let d = t.store(&h.session, b"doc").await;
    let id = t.share_with(&h.session, &w.id, &[&d], 86_400).await;
    // A worker keeps no documents and cannot share.
    for (method, path) in [
        (Method::GET, "/api/v1/documents".to_owned()),
        (Method::POST, "/api/v1/documents".to_owned()),
        (Method::GET, format!("/api/v1/documents/{d}/content")),
        (Method::DELETE, format!("/api/v1/documents/{d}")),
        (Method::GET, "/api/v1/shares".to_owned()),
        (Method::POST, "/api/v1/shares".to_owned()),
        (Method::POST, format!("/api/v1/shares/{id}/revoke")),
        (Method::GET, format!("/api/v1/workers/{}", w.code)),
    ] {
        t.call(
            method.clone(),
            &path,
            Some(&w.session),
            Some(json!({"size": 1, "metadata": b64(b"m"), "envelope": b64(b"e")})),
        )
        .await
        .assert_error(StatusCode::FORBIDDEN, "forbidden");
    }
    // A holder cannot use the worker routes.
    for (method, path) in [
        (Method::GET, "/api/v1/shared-with-me".to_owned()),
        (Method::GET, format!("/api/v1/shared-with-me/{id}")),
        (
            Method::GET,
            format!("/api/v1/shared-with-me/{id}/documents/{d}/content"),
        ),
        (
            Method::POST,
            format!("/api/v1/shared-with-me/{id}/documents/{d}/download"),
        ),
    ] {
        t.call(method, &path, Some(&h.session), None)
            .await
            .assert_error(StatusCode::FORBIDDEN, "forbidden");
    }
    assert_eq!(t.list_ids(&h.session).await, vec![d]);
    assert_eq!(t.shares_of(&h.session).await[0]["receipts"], json!([]));
}

#[tokio::test]
async fn suspension_takes_effect_at_once() {
    let t = app().await;
    t.organisation("Samu Social").await;
    let h = t.signup("marie").await;
    let w = t
        .verified_worker("Samu Social", "ann.worker", "Ann Worker")
        .await;
    let d = t.store(&h.session, b"doc").await;
    let id = t.share_with(&h.session, &w.id, &[&d], 86_400).await;
    let worker_routes = [
        (Method::GET, "/api/v1/shared-with-me".to_owned()),
        (Method::GET, format!("/api/v1/shared-with-me/{id}")),
        (
            Method::GET,
            format!("/api/v1/shared-with-me/{id}/documents/{d}/content"),
        ),
        (
            Method::POST,
            format!("/api/v1/shared-with-me/{id}/documents/{d}/download"),
        ),
        (Method::GET, "/api/v1/account".to_owned()),
    ];
    for (method, path) in &worker_routes {
        let r = t.call(method.clone(), path, Some(&w.session), None).await;
        assert!(r.status.is_success(), "{method} {path}: {}", r.status);
    }
    let receipts_before = t.db_count("SELECT COUNT(*) FROM receipts").await;
    assert_eq!(receipts_before, 2);

    // The state changes while a session is open: the very next request is refused.
    let code: pde_server::worker_code::WorkerCode = w.code.parse().unwrap();
    t.state
        .storage
        .set_worker_state(code, pde_server::storage::WorkerState::Suspended)
        .await
        .unwrap();
    for (method, path) in &worker_routes {
        t.call(method.clone(), path, Some(&w.session), None)
            .await
            .assert_error(StatusCode::FORBIDDEN, "worker_suspended");
    }
    assert_eq!(
        t.db_count("SELECT COUNT(*) FROM receipts").await,
        receipts_before
    );

    // The operator's command ends the sessions too; an old one is told why, as documented.
    let (_, ended) = pde_server::admin::suspend(&*t.state.storage, &w.code)
        .await
        .unwrap();
    assert_eq!(ended, 1);
    t.get("/api/v1/shared-with-me", Some(&w.session))
        .await
        .assert_error(StatusCode::FORBIDDEN, "worker_suspended");
    // Logging in again with the right key: refused, no session.
    let r = t
        .login("ann.worker", "passphrase", &w.secrets.passphrase_auth)
        .await;
    r.assert_error(StatusCode::FORBIDDEN, "worker_suspended");
    assert!(!r.headers.contains_key(header::SET_COOKIE));
    // A wrong key still gets the ordinary answer.
    t.login("ann.worker", "passphrase", &[0; 32])
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "invalid_credentials");
    // Holders can no longer find them or share with them.
    t.get(&format!("/api/v1/workers/{}", w.code), Some(&h.session))
        .await
        .assert_error(StatusCode::NOT_FOUND, "worker_not_found");
    t.create_share_raw(
        &h.session,
        json!({"kind": "worker", "worker_id": w.id, "duration_secs": 3600,
               "documents": TestApp::share_documents(&[&d])}),
    )
    .await
    .assert_error(StatusCode::NOT_FOUND, "worker_not_found");
    assert_eq!(t.shares_of(&h.session).await.len(), 1);

    // Verifying lifts the suspension; the share is still there while it lasts.
    pde_server::admin::verify(&*t.state.storage, &w.code)
        .await
        .unwrap();
    // The session from before the suspension does not come back to life.
    t.get("/api/v1/shared-with-me", Some(&w.session))
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "unauthenticated");
    let r = t
        .login("ann.worker", "passphrase", &w.secrets.passphrase_auth)
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let list = t
        .get("/api/v1/shared-with-me", Some(&r.session_token()))
        .await;
    assert_eq!(list.json()["shares"][0]["id"], id.as_str());
}

#[tokio::test]
async fn a_one_hour_share_ends_on_time_and_the_sweep_deletes_its_envelopes_and_note() {
    let t = app().await;
    t.organisation("Samu Social").await;
    let h = t.signup("marie").await;
    let w = t.worker("Samu Social", "ann.worker", "Ann Worker").await;
    let d = t.store(&h.session, b"for one hour").await;
    let id = t.share_with(&h.session, &w.id, &[&d], 3600).await;
    let link = t.make_link(&h.session, &[&d], 3600, Some("123456")).await;
    let long = t.share_with(&h.session, &w.id, &[&d], 86_400).await;
    let content_path = format!("/api/v1/shared-with-me/{id}/documents/{d}/content");

    // 59 minutes in: still open; a receipt is recorded.
    t.clock.advance(59 * 60);
    assert_eq!(
        t.get(&content_path, Some(&w.session)).await.status,
        StatusCode::OK
    );
    assert_eq!(
        t.link_call(&link, &format!("documents/{d}/content"), Some("123456"))
            .await
            .status,
        StatusCode::OK
    );

    // 61 minutes in: ended, for the worker and for the link.
    t.clock.advance(2 * 60);
    t.get(&format!("/api/v1/shared-with-me/{id}"), Some(&w.session))
        .await
        .assert_error(StatusCode::GONE, "share_ended");
    t.get(&content_path, Some(&w.session))
        .await
        .assert_error(StatusCode::GONE, "share_ended");
    t.link_call(&link, "open", Some("123456"))
        .await
        .assert_error(StatusCode::GONE, "share_ended");
    assert_eq!(t.shared_with_me_ids(&w.session).await, vec![long.clone()]);
    let statuses: Vec<(String, String)> = t
        .shares_of(&h.session)
        .await
        .iter()
        .map(|s| {
            (
                s["id"].as_str().unwrap().into(),
                s["status"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert_eq!(
        statuses,
        vec![
            (long.clone(), "active".into()),
            (link.id.clone(), "expired".into()),
            (id.clone(), "expired".into()),
        ]
    );

    // Until the sweep, the expired envelopes are still stored (refused all the same).
    let envelopes_of =
        |share: &str| format!("SELECT COUNT(*) FROM share_envelopes WHERE share_id = '{share}'");
    let notes_of = |share: &str| {
        format!("SELECT COUNT(*) FROM shares WHERE id = '{share}' AND note IS NOT NULL")
    };
    assert_eq!(t.db_count(&envelopes_of(&id)).await, 1);
    let report = pde_server::sweeper::sweep(&t.state).await.unwrap();
    assert_eq!((report.share_envelopes, report.share_notes), (2, 2));
    for ended in [&id, &link.id] {
        assert_eq!(t.db_count(&envelopes_of(ended)).await, 0, "{ended}");
        assert_eq!(t.db_count(&notes_of(ended)).await, 0, "{ended}");
        assert_eq!(
            t.db_count(&format!("SELECT COUNT(*) FROM shares WHERE id = '{ended}'"))
                .await,
            1,
            "the share row stays"
        );
        assert_eq!(
            t.db_count(&format!(
                "SELECT COUNT(*) FROM share_documents WHERE share_id = '{ended}'"
            ))
            .await,
            1,
            "its document ids stay"
        );
        assert_eq!(
            t.db_count(&format!(
                "SELECT COUNT(*) FROM receipts WHERE share_id = '{ended}'"
            ))
            .await,
            1,
            "its receipts stay"
        );
    }
    // The long share is untouched.
    assert_eq!(t.db_count(&envelopes_of(&long)).await, 1);
    assert_eq!(t.db_count(&notes_of(&long)).await, 1);
    let mine = t.shares_of(&h.session).await;
    assert_eq!(mine[2]["document_ids"], json!([d]));
    assert_eq!(
        mine[2]["receipts"],
        json!([{"document_id": d, "at": T0 + 59 * 60, "action": "open", "by": "worker"}])
    );
    // A second sweep finds nothing more.
    let report = pde_server::sweeper::sweep(&t.state).await.unwrap();
    assert_eq!((report.share_envelopes, report.share_notes), (0, 0));
}

#[tokio::test]
async fn deleting_a_shared_document_removes_it_from_the_share() {
    let t = app().await;
    t.organisation("Samu Social").await;
    let h = t.signup("marie").await;
    let w = t.worker("Samu Social", "ann.worker", "Ann Worker").await;
    let d1 = t.store(&h.session, b"kept").await;
    let d2 = t.store(&h.session, b"deleted").await;
    let id = t.share_with(&h.session, &w.id, &[&d1, &d2], 86_400).await;
    let r = t
        .call(
            Method::DELETE,
            &format!("/api/v1/documents/{d2}"),
            Some(&h.session),
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    let share = t
        .get(&format!("/api/v1/shared-with-me/{id}"), Some(&w.session))
        .await
        .json();
    assert_eq!(share["documents"].as_array().unwrap().len(), 1);
    assert_eq!(share["documents"][0]["id"], d1.as_str());
    t.get(
        &format!("/api/v1/shared-with-me/{id}/documents/{d2}/content"),
        Some(&w.session),
    )
    .await
    .assert_error(StatusCode::NOT_FOUND, "not_found");
    assert_eq!(
        t.shares_of(&h.session).await[0]["document_ids"],
        json!([d1])
    );
}
