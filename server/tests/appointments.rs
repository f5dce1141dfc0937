//! Appointment cards: shares (to a worker or by link with a PIN) that open only inside a
//! window. Before it the share does not exist for anyone but its holder (every route answers
//! as for an unknown share, and a link's PIN is not looked at, so no try is spent); inside it
//! the share works and leaves receipts; after it, it has ended. Bad windows are refused with
//! their own codes.

use crate::common::sharing::*;
use crate::common::*;
use axum::http::{Method, StatusCode};
use pde_server::clock::Clock;
use serde_json::{Value, json};

const MINUTE: i64 = 60;
const HOUR: i64 = 3600;
const DAY: i64 = 86_400;
const PIN: &str = "482915";

/// Tuesday 2026-11-24 at 10:00 in Brussels (09:00 UTC), two days after [`T0`] (a Sunday).
const TUESDAY_10: i64 = T0 + 2 * DAY + HOUR;

fn window(opens_at: i64, closes_at: i64) -> Value {
    json!({"opens_at": opens_at, "closes_at": closes_at})
}

async fn appointment_with(
    t: &TestApp,
    session: &str,
    worker_id: &str,
    docs: &[&str],
    opens_at: i64,
    closes_at: i64,
) -> TestResponse {
    t.create_share_raw(
        session,
        json!({
            "kind": "worker",
            "worker_id": worker_id,
            "window": window(opens_at, closes_at),
            "note": b64(&age("a note")),
            "documents": TestApp::share_documents(docs),
        }),
    )
    .await
}

async fn appointment_link(
    t: &TestApp,
    session: &str,
    docs: &[&str],
    opens_at: i64,
    closes_at: i64,
) -> TestLink {
    let access_key: [u8; 32] = rand_bytes();
    let r = t
        .create_share_raw(
            session,
            json!({
                "kind": "link",
                "window": window(opens_at, closes_at),
                "access_key": b64(&access_key),
                "pin": PIN,
                "documents": TestApp::share_documents(docs),
            }),
        )
        .await;
    r.assert_status(StatusCode::CREATED);
    assert_eq!(r.json()["opens_at"], opens_at);
    assert_eq!(r.json()["expires_at"], closes_at);
    TestLink {
        id: r.json()["id"].as_str().unwrap().to_owned(),
        access_key,
    }
}

fn share<'a>(shares: &'a [Value], id: &str) -> &'a Value {
    shares.iter().find(|s| s["id"] == id).unwrap()
}

/// What a refused request shows: its status and whole body.
fn answer(r: &TestResponse) -> (StatusCode, String) {
    (r.status, String::from_utf8_lossy(&r.body).into_owned())
}

#[tokio::test]
async fn an_appointment_opens_only_inside_its_window_for_the_worker_and_the_link() {
    let t = TestApp::with_config(|c| {
        c.session_idle_secs = 7 * DAY as u64;
        c.session_absolute_secs = 7 * DAY as u64;
    })
    .await;
    t.organisation("CPAS").await;
    let h = t.signup("holder").await;
    let worker = t.verified_worker("CPAS", "worker", "Ann Worker").await;
    let doc = t.store(&h.session, b"the rent contract").await;

    let r = appointment_with(
        &t,
        &h.session,
        &worker.id,
        &[&doc],
        TUESDAY_10,
        TUESDAY_10 + 2 * HOUR,
    )
    .await;
    r.assert_status(StatusCode::CREATED);
    assert_eq!(r.json()["opens_at"], TUESDAY_10);
    let card = r.json()["id"].as_str().unwrap().to_owned();
    let link = appointment_link(&t, &h.session, &[&doc], TUESDAY_10, TUESDAY_10 + 2 * HOUR).await;

    // The holder sees both, from … until …, as not open yet.
    let mine = t.shares_of(&h.session).await;
    for id in [&card, &link.id] {
        let s = share(&mine, id);
        assert_eq!(s["status"], "scheduled", "{s}");
        assert_eq!(s["opens_at"], TUESDAY_10);
        assert_eq!(s["expires_at"], TUESDAY_10 + 2 * HOUR);
    }

    // Tuesday 9:59: the worker finds nothing, exactly as for a share that does not exist.
    t.clock.set(TUESDAY_10 - MINUTE);
    assert!(t.shared_with_me_ids(&worker.session).await.is_empty());
    t.assert_worker_routes(
        &worker.session,
        &card,
        &doc,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    let unknown = pde_server::ids::ShareId::random().to_string();
    assert_eq!(
        answer(
            &t.get(
                &format!("/api/v1/shared-with-me/{card}"),
                Some(&worker.session)
            )
            .await
        ),
        answer(
            &t.get(
                &format!("/api/v1/shared-with-me/{unknown}"),
                Some(&worker.session)
            )
            .await
        ),
    );
    // The link, with its PIN, and with wrong PINs more times than would lock it: the same
    // `not_found`, and no try is spent.
    for rest in [
        "open".to_owned(),
        format!("documents/{doc}/content"),
        format!("documents/{doc}/download"),
    ] {
        t.link_call(&link, &rest, Some(PIN))
            .await
            .assert_error(StatusCode::NOT_FOUND, "not_found");
    }
    for _ in 0..6 {
        t.link_call(&link, "open", Some("000000"))
            .await
            .assert_error(StatusCode::NOT_FOUND, "not_found");
        t.link_call(&link, "open", None)
            .await
            .assert_error(StatusCode::NOT_FOUND, "not_found");
    }
    let wrong_key = TestLink {
        access_key: rand_bytes(),
        ..link.clone()
    };
    assert_eq!(
        answer(&t.link_call(&link, "open", Some(PIN)).await),
        answer(&t.link_call(&wrong_key, "open", Some(PIN)).await),
    );
    let mine = t.shares_of(&h.session).await;
    assert_eq!(share(&mine, &link.id)["pin_failures"], 0);
    assert!(
        share(&mine, &card)["receipts"]
            .as_array()
            .unwrap()
            .is_empty()
    );
    assert!(
        share(&mine, &link.id)["receipts"]
            .as_array()
            .unwrap()
            .is_empty()
    );

    // 10:30: it opens for both.
    t.clock.set(TUESDAY_10 + 30 * MINUTE);
    assert_eq!(
        t.shared_with_me_ids(&worker.session).await,
        vec![card.clone()]
    );
    let r = t.worker_reads(&worker.session, &card, &doc).await;
    r.assert_status(StatusCode::OK);
    let r = t.link_call(&link, "open", Some(PIN)).await;
    r.assert_status(StatusCode::OK);
    assert_eq!(r.json()["documents"][0]["id"], doc.as_str());
    t.link_call(&link, &format!("documents/{doc}/content"), Some(PIN))
        .await
        .assert_status(StatusCode::OK);
    // A wrong PIN counts now, as for any link.
    t.link_call(&link, "open", Some("000000"))
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "wrong_pin");
    let mine = t.shares_of(&h.session).await;
    for (id, by) in [(&card, "worker"), (&link.id, "link")] {
        let s = share(&mine, id);
        assert_eq!(s["status"], "active");
        assert_eq!(
            s["receipts"],
            json!([{"document_id": doc, "at": TUESDAY_10 + 30 * MINUTE, "action": "open", "by": by}])
        );
    }
    assert_eq!(share(&mine, &link.id)["pin_failures"], 1);

    // 12:01: it has ended.
    t.clock.set(TUESDAY_10 + 2 * HOUR + MINUTE);
    assert!(t.shared_with_me_ids(&worker.session).await.is_empty());
    t.assert_worker_routes(
        &worker.session,
        &card,
        &doc,
        StatusCode::GONE,
        "share_ended",
    )
    .await;
    t.link_call(&link, "open", Some(PIN))
        .await
        .assert_error(StatusCode::GONE, "share_ended");
    let mine = t.shares_of(&h.session).await;
    assert_eq!(share(&mine, &card)["status"], "expired");
    assert_eq!(share(&mine, &card)["receipts"].as_array().unwrap().len(), 1);
}

#[tokio::test]
async fn an_appointment_revoked_or_with_a_hidden_document_shows_nothing_early_and_nothing_hidden() {
    let t = TestApp::with_config(|c| {
        c.session_idle_secs = 7 * DAY as u64;
        c.session_absolute_secs = 7 * DAY as u64;
    })
    .await;
    t.organisation("CPAS").await;
    let h = t.signup("holder").await;
    let worker = t.verified_worker("CPAS", "worker", "Ann Worker").await;
    let kept = t.store(&h.session, b"the identity card").await;
    let masked = t.store(&h.session, b"the medical letter").await;
    let revoked = appointment_with(
        &t,
        &h.session,
        &worker.id,
        &[&kept],
        TUESDAY_10,
        TUESDAY_10 + 2 * HOUR,
    )
    .await;
    revoked.assert_status(StatusCode::CREATED);
    let revoked = revoked.json()["id"].as_str().unwrap().to_owned();
    let card = appointment_with(
        &t,
        &h.session,
        &worker.id,
        &[&kept, &masked],
        TUESDAY_10,
        TUESDAY_10 + 2 * HOUR,
    )
    .await;
    card.assert_status(StatusCode::CREATED);
    let card = card.json()["id"].as_str().unwrap().to_owned();
    t.call(
        Method::POST,
        &format!("/api/v1/shares/{revoked}/revoke"),
        Some(&h.session),
        None,
    )
    .await
    .assert_status(StatusCode::NO_CONTENT);
    // Hidden until the evening of the appointment: it leaves the appointment.
    t.call(
        Method::POST,
        "/api/v1/documents/hide",
        Some(&h.session),
        Some(json!({"ids": [masked], "until": TUESDAY_10 + 10 * HOUR})),
    )
    .await
    .assert_status(StatusCode::NO_CONTENT);

    // Before the window, a revoked appointment is as unknown as any other: nobody learns it
    // was ever made.
    t.clock.set(TUESDAY_10 - MINUTE);
    t.assert_worker_routes(
        &worker.session,
        &revoked,
        &kept,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;

    t.clock.set(TUESDAY_10 + 30 * MINUTE);
    t.assert_worker_routes(
        &worker.session,
        &revoked,
        &kept,
        StatusCode::GONE,
        "share_ended",
    )
    .await;
    let r = t
        .get(
            &format!("/api/v1/shared-with-me/{card}"),
            Some(&worker.session),
        )
        .await;
    r.assert_status(StatusCode::OK);
    let listed = r.json();
    let ids: Vec<&str> = listed["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, vec![kept.as_str()]);
    t.worker_reads(&worker.session, &card, &masked)
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
}

#[tokio::test]
async fn bad_windows_are_refused_with_their_own_codes_and_store_nothing() {
    let t = TestApp::new().await;
    t.organisation("CPAS").await;
    let h = t.signup("holder").await;
    let worker = t.verified_worker("CPAS", "worker", "Ann Worker").await;
    let doc = t.store(&h.session, b"a document").await;
    let now = t.clock.now();
    let refused = [
        // More than an hour ago.
        (now - HOUR - 1, now + HOUR, "appointment_in_past"),
        (now - DAY, now + HOUR, "appointment_in_past"),
        // More than 90 days ahead.
        (
            now + 90 * DAY + 1,
            now + 90 * DAY + 2 * HOUR,
            "appointment_too_far",
        ),
        // Ends at or before its start.
        (now + DAY, now + DAY, "appointment_ends_before_start"),
        (now + DAY, now + DAY - HOUR, "appointment_ends_before_start"),
        // Shorter than 15 minutes, longer than 90 days.
        (now + DAY, now + DAY + 10 * MINUTE, "invalid_field"),
        (now + DAY, now + DAY + 90 * DAY + 1, "invalid_field"),
    ];
    for (opens_at, closes_at, code) in refused {
        appointment_with(&t, &h.session, &worker.id, &[&doc], opens_at, closes_at)
            .await
            .assert_error(StatusCode::BAD_REQUEST, code);
    }
    // A link lasts at most 7 days, an appointment link too.
    let r = t
        .create_share_raw(
            &h.session,
            json!({
                "kind": "link",
                "window": window(now + DAY, now + 8 * DAY + 1),
                "access_key": b64(&rand_bytes::<32>()),
                "documents": TestApp::share_documents(&[&doc]),
            }),
        )
        .await;
    r.assert_error(StatusCode::BAD_REQUEST, "invalid_field");
    assert!(
        r.json()["error"]["message"]
            .as_str()
            .unwrap()
            .contains("window")
    );
    // A window and a duration, or neither.
    for extra in [
        json!({"duration_secs": 3600, "window": window(now + DAY, now + DAY + HOUR)}),
        json!({}),
    ] {
        let mut body = json!({
            "kind": "worker",
            "worker_id": worker.id,
            "documents": TestApp::share_documents(&[&doc]),
        });
        body.as_object_mut()
            .unwrap()
            .extend(extra.as_object().unwrap().clone());
        t.create_share_raw(&h.session, body)
            .await
            .assert_error(StatusCode::BAD_REQUEST, "invalid_field");
    }
    assert!(t.shares_of(&h.session).await.is_empty());

    // A start in the hour under way is taken: the appointment is open at once.
    let r = appointment_with(
        &t,
        &h.session,
        &worker.id,
        &[&doc],
        now - 30 * MINUTE,
        now + HOUR,
    )
    .await;
    r.assert_status(StatusCode::CREATED);
    let id = r.json()["id"].as_str().unwrap().to_owned();
    assert_eq!(t.shared_with_me_ids(&worker.session).await, vec![id]);
    assert_eq!(t.shares_of(&h.session).await[0]["status"], "active");
    // 90 days ahead exactly is still allowed.
    appointment_with(
        &t,
        &h.session,
        &worker.id,
        &[&doc],
        now + 90 * DAY,
        now + 90 * DAY + HOUR,
    )
    .await
    .assert_status(StatusCode::CREATED);
}
