//! Who may do what with trusted helpers: one table, every helper route against every kind of
//! caller and request state, all cells asserted; on failure the whole table is printed with
//! the differing cells marked.
//!
//! Each cell starts from its own scenario: holder A chose the worker "chosen" and a paper card
//! (2 of 2); a help request for A is open, "chosen" approved it, and its waiting period is
//! over. The last three columns are the rightful caller (A's session, the chosen worker, the
//! request's token) with the request cancelled by A, expired, or completed (A's session then
//! being the one the recovery opened). Public help routes take no session: their cells send
//! the column's session anyway, which must change nothing. List cells also show how many
//! entries were listed.

use std::fmt::Write as _;

use crate::common::sharing::*;
use crate::common::*;
use axum::http::{Method, StatusCode};
use pde_crypto::identity::Identity;
use pde_crypto::slot::HelperSet;
use rand_core::UnwrapErr;
use serde_json::json;

const WAIT: i64 = 72 * 3600;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    NoSession,
    HolderA,
    HolderB,
    Chosen,
    OtherWorker,
    Suspended,
    Cancelled,
    Expired,
    Completed,
}

const COLS: [Col; 9] = [
    Col::NoSession,
    Col::HolderA,
    Col::HolderB,
    Col::Chosen,
    Col::OtherWorker,
    Col::Suspended,
    Col::Cancelled,
    Col::Expired,
    Col::Completed,
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Row {
    GetHelpers,
    ReplaceHelpers,
    RemoveHelpers,
    HolderRequests,
    Cancel,
    Start,
    Status,
    Release,
    Complete,
    WorkerRequests,
    Approve,
}

/// Holder routes in the request-state columns are called by A, worker routes by the chosen
/// worker, public routes with the request's token.
#[rustfmt::skip]
const TABLE: &[(Row, &str, [&str; 9])] = &[
    //                                                                no session             holder A          holder B          chosen            other wkr         suspended                 cancelled              expired                completed
    (Row::GetHelpers,     "GET account/helpers",                     ["401 unauthenticated", "200",            "200",            "403 forbidden",  "403 forbidden",  "403 worker_suspended",   "200",                 "200",                 "200"]),
    (Row::ReplaceHelpers, "PUT account/helpers",                     ["401 unauthenticated", "204",            "204",            "403 forbidden",  "403 forbidden",  "403 worker_suspended",   "204",                 "204",                 "204"]),
    (Row::RemoveHelpers,  "DELETE account/helpers",                  ["401 unauthenticated", "204",            "404 not_found",  "403 forbidden",  "403 forbidden",  "403 worker_suspended",   "204",                 "204",                 "204"]),
    (Row::HolderRequests, "GET account/help-requests",               ["401 unauthenticated", "200 1",          "200 0",          "403 forbidden",  "403 forbidden",  "403 worker_suspended",   "200 0",               "200 0",               "200 0"]),
    (Row::Cancel,         "POST account/help-requests/{id}/cancel",  ["401 unauthenticated", "204",            "404 not_found",  "403 forbidden",  "403 forbidden",  "403 worker_suspended",   "404 not_found",       "404 not_found",       "404 not_found"]),
    (Row::Start,          "POST help/requests (A's pseudonym)",      ["409 help_request_open", "409 help_request_open", "409 help_request_open", "409 help_request_open", "409 help_request_open", "409 help_request_open", "201", "201",     "201"]),
    (Row::Status,         "POST help/requests/status",               ["200 open",            "200 open",       "200 open",       "200 open",       "200 open",       "200 open",               "200 cancelled",       "200 expired",         "200 completed"]),
    (Row::Release,        "POST help/requests/release",              ["200",                 "200",            "200",            "200",            "200",            "409 not_enough_approvals", "410 help_request_ended", "410 help_request_ended", "410 help_request_ended"]),
    (Row::Complete,       "POST help/requests/complete",             ["200",                 "200",            "200",            "200",            "200",            "200",                    "410 help_request_ended", "410 help_request_ended", "410 help_request_ended"]),
    (Row::WorkerRequests, "GET worker/help-requests",                ["401 unauthenticated", "403 forbidden",  "403 forbidden",  "200 1",          "200 0",          "403 worker_suspended",   "200 0",               "200 0",               "200 0"]),
    (Row::Approve,        "POST worker/help-requests/{id}/approve",  ["401 unauthenticated", "403 forbidden",  "403 forbidden",  "204",            "404 not_found",  "403 worker_suspended",   "404 not_found",       "404 not_found",       "404 not_found"]),
];

fn rng() -> UnwrapErr<getrandom::SysRng> {
    UnwrapErr(getrandom::SysRng)
}

struct Scenario {
    t: TestApp,
    a: String,
    b: String,
    chosen: TestWorker,
    other: TestWorker,
    set: HelperSet,
    request_id: String,
    token: String,
    wallet: Identity,
}

fn helpers_body(t_set: &HelperSet, wallet: &Identity, worker_id: &str) -> serde_json::Value {
    json!({
        "threshold": 2,
        "server_part": b64(t_set.server_part()),
        "auth_key": b64(t_set.keys().auth_key()),
        "slot": b64(&t_set.keys().seal_slot(wallet, &mut rng())),
        "helpers": [
            {"kind": "worker", "worker": worker_id, "share": b64(&age("share of the chosen worker"))},
            {"kind": "card", "card_auth": b64(&*t_set.shares()[1].card_auth_key()), "label": "card"},
        ],
    })
}

async fn scenario(col: Col) -> Scenario {
    let t = TestApp::new().await;
    t.organisation("Org").await;
    let wallet = Identity::generate(&mut rng());
    let holder_a = t.signup("holder-a").await;
    let holder_b = t.signup("holder-b").await;
    let a = holder_a.session.clone();
    let chosen = t.verified_worker("Org", "chosen", "Chosen").await;
    let other = t.verified_worker("Org", "other", "Other").await;
    let set = HelperSet::generate(2, 2, &mut rng()).unwrap();
    t.call(
        Method::PUT,
        "/api/v1/account/helpers",
        Some(&a),
        Some(helpers_body(&set, &wallet, &chosen.id)),
    )
    .await
    .assert_status(StatusCode::NO_CONTENT);
    let key = Identity::generate(&mut rng());
    let r = t
        .call(
            Method::POST,
            "/api/v1/help/requests",
            None,
            Some(json!({"pseudonym": "holder-a", "recipient": key.recipient().to_string()})),
        )
        .await;
    r.assert_status(StatusCode::CREATED);
    let request_id = r.json()["id"].as_str().unwrap().to_owned();
    let token = r.json()["token"].as_str().unwrap().to_owned();
    t.call(
        Method::POST,
        &format!("/api/v1/worker/help-requests/{request_id}/approve"),
        Some(&chosen.session),
        Some(json!({"share": b64(&age("share re-encrypted to the request"))})),
    )
    .await
    .assert_status(StatusCode::NO_CONTENT);
    t.clock.advance(WAIT);
    // Sessions idle for 72 hours have ended: everybody logs in again.
    let a = fresh_session(&t, &holder_a).await;
    let b = fresh_session(&t, &holder_b).await;
    let mut chosen = chosen;
    chosen.session = fresh_session(&t, &chosen.secrets).await;
    let mut other = other;
    other.session = fresh_session(&t, &other.secrets).await;
    let mut s = Scenario {
        t,
        a,
        b,
        chosen,
        other,
        set,
        request_id,
        token,
        wallet,
    };
    match col {
        Col::Suspended => {
            pde_server::admin::suspend(&*s.t.state.storage, &s.chosen.code)
                .await
                .unwrap();
        }
        Col::Cancelled => {
            s.t.call(
                Method::POST,
                &format!("/api/v1/account/help-requests/{}/cancel", s.request_id),
                Some(&s.a),
                None,
            )
            .await
            .assert_status(StatusCode::NO_CONTENT)
        }
        Col::Expired => {
            s.t.clock.advance(7 * 86_400);
            s.a = fresh_session(&s.t, &holder_a).await;
            s.chosen.session = fresh_session(&s.t, &s.chosen.secrets).await;
        }
        Col::Completed => {
            let r = complete(&s).await;
            r.assert_status(StatusCode::OK);
            s.a = r.session_token();
        }
        _ => {}
    }
    s
}

async fn fresh_session(t: &TestApp, secrets: &Holder) -> String {
    let r = t
        .login(&secrets.pseudonym, "passphrase", &secrets.passphrase_auth)
        .await;
    r.assert_status(StatusCode::OK);
    r.session_token()
}

async fn complete(s: &Scenario) -> TestResponse {
    s.t.call(
        Method::POST,
        "/api/v1/help/requests/complete",
        None,
        Some(json!({"token": s.token, "auth_key": b64(s.set.keys().auth_key())})),
    )
    .await
}

/// The session a column calls `row` with.
fn caller(s: &Scenario, col: Col, worker_route: bool) -> Option<String> {
    match col {
        Col::NoSession => None,
        Col::HolderA => Some(s.a.clone()),
        Col::HolderB => Some(s.b.clone()),
        Col::Chosen | Col::Suspended => Some(s.chosen.session.clone()),
        Col::OtherWorker => Some(s.other.session.clone()),
        Col::Cancelled | Col::Expired | Col::Completed if worker_route => {
            Some(s.chosen.session.clone())
        }
        Col::Cancelled | Col::Expired | Col::Completed => Some(s.a.clone()),
    }
}

async fn cell(row: Row, col: Col) -> String {
    let s = scenario(col).await;
    let worker_route = matches!(row, Row::WorkerRequests | Row::Approve);
    let session = caller(&s, col, worker_route);
    let session = session.as_deref();
    let id = &s.request_id;
    let (r, list_key) = match row {
        Row::GetHelpers => (s.t.get("/api/v1/account/helpers", session).await, None),
        Row::ReplaceHelpers => {
            let set = HelperSet::generate(2, 2, &mut rng()).unwrap();
            let body = helpers_body(&set, &s.wallet, &s.chosen.id);
            let r =
                s.t.call(Method::PUT, "/api/v1/account/helpers", session, Some(body))
                    .await;
            (r, None)
        }
        Row::RemoveHelpers => (
            s.t.call(Method::DELETE, "/api/v1/account/helpers", session, None)
                .await,
            None,
        ),
        Row::HolderRequests => (
            s.t.get("/api/v1/account/help-requests", session).await,
            Some("requests"),
        ),
        Row::Cancel => (
            s.t.call(
                Method::POST,
                &format!("/api/v1/account/help-requests/{id}/cancel"),
                session,
                None,
            )
            .await,
            None,
        ),
        Row::Start => {
            let key = Identity::generate(&mut rng());
            let body = json!({"pseudonym": "holder-a", "recipient": key.recipient().to_string()});
            (
                s.t.call(Method::POST, "/api/v1/help/requests", session, Some(body))
                    .await,
                None,
            )
        }
        Row::Status => {
            let r =
                s.t.call(
                    Method::POST,
                    "/api/v1/help/requests/status",
                    session,
                    Some(json!({"token": s.token})),
                )
                .await;
            let state = r.json()["state"].as_str().unwrap_or_default().to_owned();
            return format!("{} {state}", r.status.as_u16());
        }
        Row::Release => {
            let card = b64(&*s.set.shares()[1].card_auth_key());
            (
                s.t.call(
                    Method::POST,
                    "/api/v1/help/requests/release",
                    session,
                    Some(json!({"token": s.token, "cards": [card]})),
                )
                .await,
                None,
            )
        }
        Row::Complete => (complete(&s).await, None),
        Row::WorkerRequests => (
            s.t.get("/api/v1/worker/help-requests", session).await,
            Some("requests"),
        ),
        Row::Approve => (
            s.t.call(
                Method::POST,
                &format!("/api/v1/worker/help-requests/{id}/approve"),
                session,
                Some(json!({"share": b64(&age("again"))})),
            )
            .await,
            None,
        ),
    };
    let status = r.status.as_u16();
    if r.status.is_success() {
        match list_key {
            Some(key) => format!("{status} {}", r.json()[key].as_array().unwrap().len()),
            None => status.to_string(),
        }
    } else {
        format!("{status} {}", r.code())
    }
}

#[tokio::test]
async fn every_helper_route_against_every_caller_and_request_state() {
    let mut failures = 0;
    let mut out = String::new();
    for (row, name, expected) in TABLE {
        writeln!(out, "{name}").unwrap();
        for (col, want) in COLS.iter().zip(expected) {
            let got = cell(*row, *col).await;
            let mark = if got == *want { " " } else { "✗" };
            if got != *want {
                failures += 1;
            }
            writeln!(out, "  {mark} {col:?}: {got} (expected {want})").unwrap();
        }
    }
    assert_eq!(failures, 0, "{failures} cells differ:\n{out}");
}
