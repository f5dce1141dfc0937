//! The wallet record (`/api/v1/account/record`): an opaque age file per wallet with a version
//! number. A write names the version it replaces; a stale one is refused with
//! `409 record_changed` and changes nothing, so two devices that both read version n cannot
//! both write over it. Holders only, each their own record; at most 64 KiB, and an age file.

use crate::common::sharing::*;
use crate::common::*;
use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

const PATH: &str = "/api/v1/account/record";

async fn put(t: &TestApp, session: &str, replaces: u64, record: &[u8]) -> TestResponse {
    t.call(
        Method::PUT,
        PATH,
        Some(session),
        Some(json!({"replaces": replaces, "record": b64(record)})),
    )
    .await
}

async fn read(t: &TestApp, session: &str) -> Value {
    let r = t.get(PATH, Some(session)).await;
    r.assert_status(StatusCode::OK);
    r.json()
}

#[tokio::test]
async fn a_write_replaces_only_the_version_it_read_and_each_holder_has_their_own() {
    let t = TestApp::new().await;
    let h = t.signup("marie").await;
    let other = t.signup("bruno").await;
    assert_eq!(
        read(&t, &h.session).await,
        json!({"version": 0, "record": null})
    );

    let r = put(&t, &h.session, 0, &age("record one")).await;
    r.assert_status(StatusCode::OK);
    assert_eq!(r.json(), json!({"version": 1}));
    assert_eq!(
        read(&t, &h.session).await,
        json!({"version": 1, "record": b64(&age("record one"))})
    );

    // A second device that read "none yet" and writes now: refused, nothing changes.
    put(&t, &h.session, 0, &age("record from the other device"))
        .await
        .assert_error(StatusCode::CONFLICT, "record_changed");
    assert_eq!(
        read(&t, &h.session).await,
        json!({"version": 1, "record": b64(&age("record one"))})
    );
    // A version from the future is as stale.
    put(&t, &h.session, 7, &age("record seven"))
        .await
        .assert_error(StatusCode::CONFLICT, "record_changed");

    let r = put(&t, &h.session, 1, &age("record two")).await;
    assert_eq!(r.json(), json!({"version": 2}));

    // Two writes over the same version at once: exactly one wins.
    let (three_a, three_b) = (age("record three a"), age("record three b"));
    let (a, b) = tokio::join!(
        put(&t, &h.session, 2, &three_a),
        put(&t, &h.session, 2, &three_b),
    );
    let mut statuses = [a.status, b.status];
    statuses.sort();
    assert_eq!(statuses, [StatusCode::OK, StatusCode::CONFLICT]);
    let winner = if a.status == StatusCode::OK { "a" } else { "b" };
    assert_eq!(
        read(&t, &h.session).await,
        json!({"version": 3, "record": b64(&age(&format!("record three {winner}")))})
    );

    // The other holder's record is their own.
    assert_eq!(
        read(&t, &other.session).await,
        json!({"version": 0, "record": null})
    );
    put(&t, &other.session, 0, &age("bruno's record"))
        .await
        .assert_status(StatusCode::OK);
    assert_eq!(read(&t, &h.session).await["version"], 3);
}

#[tokio::test]
async fn only_an_age_file_of_at_most_64_kib_from_a_holder_is_kept() {
    let t = TestApp::new().await;
    t.organisation("Samu Social").await;
    let w = t
        .verified_worker("Samu Social", "ann.worker", "Ann Worker")
        .await;
    let h = t.signup("marie").await;

    put(&t, &h.session, 0, b"{\"v\":1,\"workers\":[]}")
        .await
        .assert_error(StatusCode::BAD_REQUEST, "invalid_field");
    put(&t, &h.session, 0, b"")
        .await
        .assert_error(StatusCode::BAD_REQUEST, "invalid_field");
    let mut big = age("big");
    big.resize(64 * 1024 + 1, b'x');
    put(&t, &h.session, 0, &big)
        .await
        .assert_error(StatusCode::BAD_REQUEST, "invalid_field");
    big.truncate(64 * 1024);
    put(&t, &h.session, 0, &big)
        .await
        .assert_status(StatusCode::OK);

    // Workers have no wallet record; no session, no record.
    t.get(PATH, Some(&w.session))
        .await
        .assert_error(StatusCode::FORBIDDEN, "forbidden");
    put(&t, &w.session, 0, &age("worker record"))
        .await
        .assert_error(StatusCode::FORBIDDEN, "forbidden");
    t.get(PATH, None)
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "unauthenticated");
    put(&t, "not-a-session", 0, &age("x"))
        .await
        .assert_error(StatusCode::UNAUTHORIZED, "unauthenticated");
    assert_eq!(read(&t, &h.session).await["version"], 1);
}
