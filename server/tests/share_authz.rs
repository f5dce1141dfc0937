//! Who may do what with shares, passkeys and the Settings routes: one table, every endpoint
//! against every kind of caller and share or ceremony state, all cells asserted; on failure
//! the whole table is printed with the differing cells marked.
//!
//! For the passkey and Settings rows, "holder A" is the owner of the passkey, session or
//! ceremony the row aims at, "expired" is holder A with a ceremony past its 5 minutes and
//! "revoked" holder A with a ceremony already finished (a replay).

use std::fmt::Write as _;

use crate::common::sharing::*;
use crate::common::webauthn::{Answer, ORIGIN, SoftPasskey, passphrase_proof};
use crate::common::*;
use axum::http::{Method, StatusCode};
use pde_server::clock::Clock;
use serde_json::{Value, json};

/// The callers and states, one column each.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Col {
    /// No session, no link secret.
    NoSession,
    /// Holder A, who owns the shares.
    HolderA,
    /// Another holder.
    HolderB,
    /// The worker the shares are addressed to.
    Addressed,
    /// Another (verified) worker.
    OtherWorker,
    /// A suspended worker whose session is still open.
    Suspended,
    /// A link visitor with the access key and the PIN of a link that has one.
    LinkPin,
    /// A link visitor with the access key of a link without a PIN.
    LinkNoPin,
    /// The rightful caller (A, the addressed worker, the link visitor) after expiry; for
    /// invitations, an expired invitation.
    Expired,
    /// The rightful caller after revocation; for invitations, a used invitation.
    Revoked,
}

const COLS: [Col; 10] = [
    Col::NoSession,
    Col::HolderA,
    Col::HolderB,
    Col::Addressed,
    Col::OtherWorker,
    Col::Suspended,
    Col::LinkPin,
    Col::LinkNoPin,
    Col::Expired,
    Col::Revoked,
];

const COL_NAMES: [&str; 10] = [
    "no session",
    "holder A",
    "holder B",
    "addressed",
    "other wkr",
    "suspended",
    "link+PIN",
    "link",
    "expired",
    "revoked",
];

/// The endpoints, one row each.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Row {
    InvitationLookup,
    WorkerJoin,
    WorkerLookup,
    ShareCreate,
    ShareList,
    ShareRevoke,
    SharedList,
    SharedOne,
    SharedContent,
    SharedDownload,
    LinkOpen,
    LinkContent,
    LinkDownload,
    AccountDelete,
    DocumentsHide,
    PasskeyList,
    PasskeyRegisterStart,
    PasskeyRegisterFinish,
    PasskeyConfirm,
    PasskeyRename,
    PasskeyRemove,
    NewRecovery,
    SessionList,
    SessionEnd,
    PasskeyLogin,
    SessionsEndOthers,
}

/// The whole table: each endpoint's expected answer per column, as "status code".
///
/// `DELETE account` (deleting the caller's own wallet, which takes every share of it along):
/// holder A's cell is a holder of its own made for the cell, deleting itself with the right
/// pseudonym and passphrase, so A's shares stay for the other cells; holder B sends A's
/// pseudonym and passphrase from B's session; workers send their own; "expired" and "revoked"
/// are the session of a wallet already deleted.
#[rustfmt::skip]
const TABLE: &[(Row, &str, [&str; 10])] = &[
    //                                                         no session             holder A         holder B         addressed        other wkr        suspended                 link+PIN               link                   expired                   revoked
    (Row::InvitationLookup, "POST invitations/lookup",         ["200",                "200",           "200",           "200",           "200",           "200",                    "200",                 "200",                 "410 invitation_invalid", "410 invitation_invalid"]),
    (Row::WorkerJoin,       "POST workers",                    ["201",                "201",           "201",           "201",           "201",           "201",                    "201",                 "201",                 "410 invitation_invalid", "410 invitation_invalid"]),
    (Row::WorkerLookup,     "GET workers/{code}",              ["401 unauthenticated", "200",          "200",           "403 forbidden", "403 forbidden", "403 worker_suspended",   "401 unauthenticated", "401 unauthenticated", "200",                    "200"]),
    (Row::ShareCreate,      "POST shares",                     ["401 unauthenticated", "201",          "404 not_found", "403 forbidden", "403 forbidden", "403 worker_suspended",   "401 unauthenticated", "401 unauthenticated", "201",                    "201"]),
    (Row::ShareList,        "GET shares",                      ["401 unauthenticated", "200",          "200",           "403 forbidden", "403 forbidden", "403 worker_suspended",   "401 unauthenticated", "401 unauthenticated", "200",                    "200"]),
    (Row::ShareRevoke,      "POST shares/{id}/revoke",         ["401 unauthenticated", "204",          "404 not_found", "403 forbidden", "403 forbidden", "403 worker_suspended",   "401 unauthenticated", "401 unauthenticated", "204",                    "204"]),
    (Row::SharedList,       "GET shared-with-me",              ["401 unauthenticated", "403 forbidden", "403 forbidden", "200",          "200",           "403 worker_suspended",   "401 unauthenticated", "401 unauthenticated", "200",                    "200"]),
    (Row::SharedOne,        "GET shared-with-me/{id}",         ["401 unauthenticated", "403 forbidden", "403 forbidden", "200",          "404 not_found", "403 worker_suspended",   "401 unauthenticated", "401 unauthenticated", "410 share_ended",        "410 share_ended"]),
    (Row::SharedContent,    "GET shared-with-me/…/content",    ["401 unauthenticated", "403 forbidden", "403 forbidden", "200",          "404 not_found", "403 worker_suspended",   "401 unauthenticated", "401 unauthenticated", "410 share_ended",        "410 share_ended"]),
    (Row::SharedDownload,   "POST shared-with-me/…/download",  ["401 unauthenticated", "403 forbidden", "403 forbidden", "204",          "404 not_found", "403 worker_suspended",   "401 unauthenticated", "401 unauthenticated", "410 share_ended",        "410 share_ended"]),
    (Row::LinkOpen,         "POST links/{id}/open",            ["404 not_found",      "404 not_found", "404 not_found", "404 not_found", "404 not_found", "404 not_found",          "200",                 "200",                 "410 share_ended",        "410 share_ended"]),
    (Row::LinkContent,      "POST links/…/content",            ["404 not_found",      "404 not_found", "404 not_found", "404 not_found", "404 not_found", "404 not_found",          "200",                 "200",                 "410 share_ended",        "410 share_ended"]),
    (Row::LinkDownload,     "POST links/…/download",           ["404 not_found",      "404 not_found", "404 not_found", "404 not_found", "404 not_found", "404 not_found",          "204",                 "204",                 "410 share_ended",        "410 share_ended"]),
    (Row::AccountDelete,    "DELETE account",                  ["401 unauthenticated", "204",          "400 invalid_field", "403 forbidden", "403 forbidden", "403 worker_suspended", "401 unauthenticated", "401 unauthenticated", "401 unauthenticated",  "401 unauthenticated"]),
    (Row::DocumentsHide,    "POST documents/hide",             ["401 unauthenticated", "204",          "404 not_found", "403 forbidden", "403 forbidden", "403 worker_suspended",   "401 unauthenticated", "401 unauthenticated", "204",                    "404 not_found"]),
    (Row::PasskeyList,      "GET account/passkeys",            ["401 unauthenticated", "200",          "200",           "200",           "200",           "403 worker_suspended",   "401 unauthenticated", "401 unauthenticated", "200",                    "200"]),
    (Row::PasskeyRegisterStart, "POST account/passkeys/start", ["401 unauthenticated", "200",          "200",           "200",           "200",           "403 worker_suspended",   "401 unauthenticated", "401 unauthenticated", "410 ceremony_expired",   "410 ceremony_expired"]),
    (Row::PasskeyRegisterFinish, "POST account/passkeys/finish", ["401 unauthenticated", "201",        "410 ceremony_expired", "410 ceremony_expired", "410 ceremony_expired", "403 worker_suspended", "401 unauthenticated", "401 unauthenticated", "410 ceremony_expired", "410 ceremony_expired"]),
    (Row::PasskeyConfirm,   "POST account/passkeys/confirm",   ["401 unauthenticated", "200",          "404 not_found", "404 not_found", "404 not_found", "403 worker_suspended",   "401 unauthenticated", "401 unauthenticated", "200",                    "200"]),
    (Row::PasskeyRename,    "PATCH account/passkeys/{id}",     ["401 unauthenticated", "204",          "404 not_found", "404 not_found", "404 not_found", "403 worker_suspended",   "401 unauthenticated", "401 unauthenticated", "204",                    "204"]),
    (Row::PasskeyRemove,    "DELETE account/passkeys/{id}",    ["401 unauthenticated", "204",          "404 not_found", "404 not_found", "404 not_found", "403 worker_suspended",   "401 unauthenticated", "401 unauthenticated", "410 ceremony_expired",   "410 ceremony_expired"]),
    (Row::NewRecovery,      "PUT account/recovery",            ["401 unauthenticated", "204",          "204",           "204",           "204",           "403 worker_suspended",   "401 unauthenticated", "401 unauthenticated", "410 ceremony_expired",   "410 ceremony_expired"]),
    (Row::SessionList,      "GET account/sessions",            ["401 unauthenticated", "200",          "200",           "200",           "200",           "403 worker_suspended",   "401 unauthenticated", "401 unauthenticated", "200",                    "200"]),
    (Row::SessionEnd,       "DELETE account/sessions/{id}",    ["401 unauthenticated", "204",          "404 not_found", "404 not_found", "404 not_found", "403 worker_suspended",   "401 unauthenticated", "401 unauthenticated", "204",                    "204"]),
    (Row::PasskeyLogin,     "POST auth/passkey/finish",        ["200",                "200",           "200",           "200",           "200",           "403 worker_suspended",   "200",                 "200",                 "410 ceremony_expired",   "410 ceremony_expired"]),
    (Row::SessionsEndOthers, "POST account/sessions/end-others", ["401 unauthenticated", "204",        "204",           "204",           "204",           "403 worker_suspended",   "401 unauthenticated", "401 unauthenticated", "204",                    "204"]),
];

/// Everything the table needs.
struct Fixture {
    t: TestApp,
    a: Holder,
    b: Holder,
    addressed: TestWorker,
    other: TestWorker,
    suspended: TestWorker,
    doc: String,
    /// Worker shares of A to the addressed worker: active, expired, revoked.
    active: String,
    expired: String,
    revoked: String,
    /// Links of A: with a PIN, without, expired, revoked.
    link_pin: TestLink,
    link: TestLink,
    link_expired: TestLink,
    link_revoked: TestLink,
    /// Invitations that can no longer be used.
    invitation_expired: String,
    invitation_used: String,
    /// A holder whose wallet was deleted (its session was valid until then).
    deleted: Holder,
    /// Holder A's passkey, and the suspended worker's (added before the suspension).
    a_passkey: std::cell::RefCell<SoftPasskey>,
    a_passkey_id: String,
    suspended_passkey: std::cell::RefCell<SoftPasskey>,
}

const PIN: &str = "123456";

impl Fixture {
    async fn new() -> Self {
        let t = TestApp::with_config(|c| {
            c.session_idle_secs = 86_400;
            c.session_absolute_secs = 86_400;
            c.public_url = ORIGIN.into();
        })
        .await;
        t.organisation("Samu Social").await;
        let a = t.signup("holder a").await;
        let b = t.signup("holder b").await;
        let addressed = t
            .verified_worker("Samu Social", "addressed", "Ann Worker")
            .await;
        let other = t
            .verified_worker("Samu Social", "other", "Bob Worker")
            .await;
        let suspended = t
            .verified_worker("Samu Social", "suspended", "Cy Worker")
            .await;
        let doc = t.store(&a.session, b"the shared document").await;
        t.store(&b.session, b"b's own document").await;

        let active = t
            .share_with(&a.session, &addressed.id, &[&doc], 86_400)
            .await;
        let expired = t.share_with(&a.session, &addressed.id, &[&doc], 3600).await;
        let revoked = t
            .share_with(&a.session, &addressed.id, &[&doc], 86_400)
            .await;
        let link_pin = t.make_link(&a.session, &[&doc], 86_400, Some(PIN)).await;
        let link = t.make_link(&a.session, &[&doc], 86_400, None).await;
        let link_expired = t.make_link(&a.session, &[&doc], 3600, None).await;
        let link_revoked = t.make_link(&a.session, &[&doc], 86_400, None).await;
        for id in [&revoked, &link_revoked.id] {
            let r = t
                .call(
                    Method::POST,
                    &format!("/api/v1/shares/{id}/revoke"),
                    Some(&a.session),
                    None,
                )
                .await;
            assert_eq!(r.status, StatusCode::NO_CONTENT);
        }
        let deleted = t.signup("deleted holder").await;
        let r = delete_wallet(&t, &deleted.session, &deleted).await;
        assert_eq!(r.status, StatusCode::NO_CONTENT);
        let invitation_expired = t.invitation("Samu Social", 1).await;
        let invitation_used = t.invitation("Samu Social", 72).await;
        let r = t
            .join_raw(join_body(
                &Holder::new("used it"),
                &invitation_used,
                "Di Worker",
            ))
            .await;
        assert_eq!(r.status, StatusCode::CREATED);

        let (a_passkey, added) = t.add_passkey(&a, None).await;
        let suspended_holder = Holder {
            session: suspended.session.clone(),
            ..suspended.secrets.clone()
        };
        let (suspended_passkey, _) = t.add_passkey(&suspended_holder, None).await;

        // Two hours later: the one-hour share, link and invitation have expired.
        t.clock.advance(2 * 3600);
        // Suspended with a session still open (as if it raced the suspension).
        t.state
            .storage
            .set_worker_state(
                suspended.code.parse().unwrap(),
                pde_server::storage::WorkerState::Suspended,
            )
            .await
            .unwrap();
        Self {
            t,
            a,
            b,
            addressed,
            other,
            suspended,
            doc,
            active,
            expired,
            revoked,
            link_pin,
            link,
            link_expired,
            link_revoked,
            invitation_expired,
            invitation_used,
            deleted,
            a_passkey: a_passkey.into(),
            a_passkey_id: added["id"].as_str().unwrap().to_owned(),
            suspended_passkey: suspended_passkey.into(),
        }
    }

    /// The holder-A secrets with a session (for the proofs).
    fn holder(&self, col: Col) -> Option<Holder> {
        let secrets = match col {
            Col::HolderA | Col::Expired | Col::Revoked => &self.a,
            Col::HolderB => &self.b,
            Col::Addressed => &self.addressed.secrets,
            Col::OtherWorker => &self.other.secrets,
            Col::Suspended => &self.suspended.secrets,
            _ => return None,
        };
        Some(Holder {
            session: self.settings_session(col)?,
            ..secrets.clone()
        })
    }

    /// The session of a column's caller on the passkey and Settings rows.
    fn settings_session(&self, col: Col) -> Option<String> {
        Some(
            match col {
                Col::NoSession | Col::LinkPin | Col::LinkNoPin => return None,
                Col::HolderA | Col::Expired | Col::Revoked => &self.a.session,
                Col::HolderB => &self.b.session,
                Col::Addressed => &self.addressed.session,
                Col::OtherWorker => &self.other.session,
                Col::Suspended => &self.suspended.session,
            }
            .clone(),
        )
    }

    /// A proof for the column's caller: their passphrase, or for the expired and replayed
    /// columns, holder A's passkey in a confirmation that expired or was already used.
    async fn proof(&self, col: Col) -> Value {
        match col {
            Col::Expired | Col::Revoked => {
                let (ceremony, options) = self.t.passkey_confirm_start(&self.a.session).await;
                let credential = self
                    .a_passkey
                    .borrow_mut()
                    .assert(&options, &Answer::default());
                let proof =
                    json!({"method": "passkey", "ceremony": ceremony, "credential": credential});
                if col == Col::Expired {
                    self.t.clock.advance(301);
                } else {
                    // Used once, for a harmless change: then replayed.
                    let r = self
                        .t
                        .call(
                            Method::POST,
                            "/api/v1/account/passkeys/start",
                            Some(&self.a.session),
                            Some(json!({"proof": proof.clone()})),
                        )
                        .await;
                    assert_eq!(r.status, StatusCode::OK);
                }
                proof
            }
            _ => match self.holder(col) {
                Some(h) => passphrase_proof(&h),
                None => passphrase_proof(&self.a),
            },
        }
    }

    async fn settings_request(&self, row: Row, col: Col) -> TestResponse {
        let t = &self.t;
        let session = self.settings_session(col);
        let session = session.as_deref();
        let a_passkey = format!("/api/v1/account/passkeys/{}", self.a_passkey_id);
        match row {
            Row::PasskeyList => t.get("/api/v1/account/passkeys", session).await,
            Row::PasskeyRegisterStart => {
                let proof = self.proof(col).await;
                t.call(
                    Method::POST,
                    "/api/v1/account/passkeys/start",
                    session,
                    Some(json!({"proof": proof})),
                )
                .await
            }
            Row::PasskeyRegisterFinish => {
                // Holder A's ceremony, finished by the column's caller.
                let (ceremony, options, _) = t.passkey_register_start(&self.a).await;
                let credential = SoftPasskey::new().register(&options, &Answer::default());
                match col {
                    Col::Expired => t.clock.advance(301),
                    Col::Revoked => {
                        let r = t
                            .passkey_register_finish(
                                &self.a.session,
                                &ceremony,
                                credential.clone(),
                                None,
                            )
                            .await;
                        assert_eq!(r.status, StatusCode::CREATED);
                    }
                    _ => {}
                }
                match session {
                    Some(session) => {
                        t.passkey_register_finish(session, &ceremony, credential, None)
                            .await
                    }
                    None => {
                        t.call(
                            Method::POST,
                            "/api/v1/account/passkeys/finish",
                            None,
                            Some(json!({"ceremony": ceremony, "credential": credential, "name": "x"})),
                        )
                        .await
                    }
                }
            }
            Row::PasskeyConfirm => {
                t.call(
                    Method::POST,
                    "/api/v1/account/passkeys/confirm",
                    session,
                    None,
                )
                .await
            }
            Row::PasskeyRename => {
                t.call(
                    Method::PATCH,
                    &a_passkey,
                    session,
                    Some(json!({"name": "renamed"})),
                )
                .await
            }
            Row::PasskeyRemove => {
                // Holder A removes a passkey added for this cell, so A's own stays.
                let target = if col == Col::HolderA {
                    let (_, added) = t.add_passkey(&self.a, None).await;
                    format!("/api/v1/account/passkeys/{}", added["id"].as_str().unwrap())
                } else {
                    a_passkey
                };
                let proof = self.proof(col).await;
                t.call(
                    Method::DELETE,
                    &target,
                    session,
                    Some(json!({"proof": proof})),
                )
                .await
            }
            Row::NewRecovery => {
                let proof = self.proof(col).await;
                let recovery_auth = match self.holder(col) {
                    Some(h) => h.recovery_auth,
                    None => self.a.recovery_auth,
                };
                t.call(
                    Method::PUT,
                    "/api/v1/account/recovery",
                    session,
                    Some(json!({
                        "proof": proof,
                        "recovery_auth": b64(&recovery_auth),
                        "recovery_slot": b64(b"the same code, a new slot"),
                    })),
                )
                .await
            }
            Row::SessionList => t.get("/api/v1/account/sessions", session).await,
            Row::SessionEnd => {
                // A second session of holder A, opened for this cell.
                let other = t
                    .login(&self.a.pseudonym, "passphrase", &self.a.passphrase_auth)
                    .await
                    .session_token();
                let sessions = t.get("/api/v1/account/sessions", Some(&other)).await.json();
                let id = sessions["sessions"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|s| s["current"] == true)
                    .unwrap()["id"]
                    .as_str()
                    .unwrap()
                    .to_owned();
                t.call(
                    Method::DELETE,
                    &format!("/api/v1/account/sessions/{id}"),
                    session,
                    None,
                )
                .await
            }
            Row::PasskeyLogin => {
                let (ceremony, options) = t.passkey_login_start().await;
                let passkey = if col == Col::Suspended {
                    &self.suspended_passkey
                } else {
                    &self.a_passkey
                };
                let credential = passkey.borrow_mut().assert(&options, &Answer::default());
                match col {
                    Col::Expired => t.clock.advance(301),
                    Col::Revoked => {
                        let r = t.passkey_login_finish(&ceremony, credential.clone()).await;
                        assert_eq!(r.status, StatusCode::OK);
                    }
                    _ => {}
                }
                t.passkey_login_finish(&ceremony, credential).await
            }
            Row::SessionsEndOthers => {
                t.call(
                    Method::POST,
                    "/api/v1/account/sessions/end-others",
                    session,
                    None,
                )
                .await
            }
            _ => unreachable!("a share row"),
        }
    }

    /// The session session a column's caller sends to `row`.
    fn session(&self, row: Row, col: Col) -> Option<String> {
        let holder_row = matches!(
            row,
            Row::WorkerLookup
                | Row::ShareCreate
                | Row::ShareList
                | Row::ShareRevoke
                | Row::AccountDelete
                | Row::DocumentsHide
        );
        let worker_row = matches!(
            row,
            Row::SharedList | Row::SharedOne | Row::SharedContent | Row::SharedDownload
        );
        let session = match col {
            Col::NoSession | Col::LinkPin | Col::LinkNoPin => return None,
            Col::HolderA => &self.a.session,
            Col::HolderB => &self.b.session,
            Col::Addressed => &self.addressed.session,
            Col::OtherWorker => &self.other.session,
            Col::Suspended => &self.suspended.session,
            Col::Expired | Col::Revoked if row == Row::AccountDelete => &self.deleted.session,
            Col::Expired | Col::Revoked if holder_row => &self.a.session,
            Col::Expired | Col::Revoked if worker_row => &self.addressed.session,
            Col::Expired | Col::Revoked => return None,
        };
        Some(session.clone())
    }

    /// The worker share a column's caller aims at.
    fn share(&self, col: Col) -> &str {
        match col {
            Col::Expired => &self.expired,
            Col::Revoked => &self.revoked,
            _ => &self.active,
        }
    }

    /// The link and PIN a column's caller uses; callers without the secret send a random key.
    fn link(&self, col: Col) -> (TestLink, Option<&'static str>) {
        match col {
            Col::LinkPin => (self.link_pin.clone(), Some(PIN)),
            Col::LinkNoPin => (self.link.clone(), None),
            Col::Expired => (self.link_expired.clone(), None),
            Col::Revoked => (self.link_revoked.clone(), None),
            _ => (
                TestLink {
                    access_key: rand_bytes(),
                    ..self.link.clone()
                },
                None,
            ),
        }
    }

    /// The invitation a column's caller uses: a fresh one unless the column is about ended
    /// things.
    async fn invitation(&self, col: Col) -> String {
        match col {
            Col::Expired => self.invitation_expired.clone(),
            Col::Revoked => self.invitation_used.clone(),
            _ => self.t.invitation("Samu Social", 72).await,
        }
    }

    async fn request(&self, row: Row, col: Col, n: usize) -> TestResponse {
        if row >= Row::PasskeyList {
            return self.settings_request(row, col).await;
        }
        let t = &self.t;
        let session = self.session(row, col);
        let session = session.as_deref();
        let share = self.share(col);
        let doc = &self.doc;
        let (link, pin) = self.link(col);
        let post = |path: String, body: Option<Value>| async move {
            t.call(Method::POST, &path, session, body).await
        };
        let get = |path: String| async move { t.get(&path, session).await };
        match row {
            Row::InvitationLookup => {
                let token = self.invitation(col).await;
                post(
                    "/api/v1/invitations/lookup".into(),
                    Some(json!({"invitation": token})),
                )
                .await
            }
            Row::WorkerJoin => {
                let token = self.invitation(col).await;
                let secrets = Holder::new(&format!("joiner {n}"));
                post(
                    "/api/v1/workers".into(),
                    Some(join_body(&secrets, &token, "New Worker")),
                )
                .await
            }
            Row::WorkerLookup => get(format!("/api/v1/workers/{}", self.addressed.code)).await,
            Row::ShareCreate => {
                post(
                    "/api/v1/shares".into(),
                    Some(json!({
                        "kind": "worker",
                        "worker_id": self.addressed.id,
                        "duration_secs": 3600,
                        "documents": TestApp::share_documents(&[doc]),
                    })),
                )
                .await
            }
            Row::ShareList => get("/api/v1/shares".into()).await,
            Row::ShareRevoke => {
                // Holder A revokes a share of its own made for this cell, so the others stay.
                let target = if col == Col::HolderA {
                    t.share_with(&self.a.session, &self.addressed.id, &[doc], 3600)
                        .await
                } else {
                    share.to_owned()
                };
                post(format!("/api/v1/shares/{target}/revoke"), None).await
            }
            Row::SharedList => get("/api/v1/shared-with-me".into()).await,
            Row::SharedOne => get(format!("/api/v1/shared-with-me/{share}")).await,
            Row::SharedContent => {
                get(format!(
                    "/api/v1/shared-with-me/{share}/documents/{doc}/content"
                ))
                .await
            }
            Row::SharedDownload => {
                post(
                    format!("/api/v1/shared-with-me/{share}/documents/{doc}/download"),
                    None,
                )
                .await
            }
            Row::LinkOpen => {
                post(
                    format!("/api/v1/links/{}/open", link.id),
                    Some(link.body(pin)),
                )
                .await
            }
            Row::LinkContent => {
                post(
                    format!("/api/v1/links/{}/documents/{doc}/content", link.id),
                    Some(link.body(pin)),
                )
                .await
            }
            Row::LinkDownload => {
                post(
                    format!("/api/v1/links/{}/documents/{doc}/download", link.id),
                    Some(link.body(pin)),
                )
                .await
            }
            Row::AccountDelete => {
                let whose = match col {
                    Col::HolderA => {
                        let own = t.signup(&format!("deleting {n}")).await;
                        return delete_wallet(t, &own.session, &own).await;
                    }
                    Col::Addressed => &self.addressed.secrets,
                    Col::OtherWorker => &self.other.secrets,
                    Col::Suspended => &self.suspended.secrets,
                    Col::Expired | Col::Revoked => &self.deleted,
                    _ => &self.a,
                };
                t.call(
                    Method::DELETE,
                    "/api/v1/account",
                    session,
                    Some(delete_body(whose)),
                )
                .await
            }
            Row::DocumentsHide => {
                // Holder A hides a document made for this cell, so A's shared one stays;
                // "expired" is one whose earlier hiding is over, "revoked" one still hidden.
                let target = match col {
                    Col::HolderA | Col::Expired | Col::Revoked => {
                        let own = t.store(&self.a.session, b"to hide").await;
                        if col != Col::HolderA {
                            let r = post(
                                "/api/v1/documents/hide".into(),
                                Some(json!({"ids": [own], "until": t.clock.now() + 60})),
                            )
                            .await;
                            assert_eq!(r.status, StatusCode::NO_CONTENT);
                        }
                        if col == Col::Expired {
                            t.clock.advance(60);
                        }
                        own
                    }
                    _ => doc.clone(),
                };
                post(
                    "/api/v1/documents/hide".into(),
                    Some(json!({"ids": [target], "until": t.clock.now() + 3600})),
                )
                .await
            }
            _ => unreachable!("a passkey or Settings row"),
        }
    }
}

/// The body that deletes the wallet of `whose`: its pseudonym and passphrase auth key.
fn delete_body(whose: &Holder) -> Value {
    json!({"pseudonym": whose.pseudonym, "method": "passphrase", "auth_key": b64(&whose.passphrase_auth)})
}

async fn delete_wallet(t: &TestApp, session: &str, whose: &Holder) -> TestResponse {
    t.call(
        Method::DELETE,
        "/api/v1/account",
        Some(session),
        Some(delete_body(whose)),
    )
    .await
}

/// "status" for a success, "status code" for an error.
fn outcome(r: &TestResponse) -> String {
    let status = r.status.as_u16().to_string();
    if r.status.is_success() {
        status
    } else {
        let code = serde_json::from_slice::<Value>(&r.body)
            .ok()
            .and_then(|v| v["error"]["code"].as_str().map(str::to_owned))
            .unwrap_or_else(|| "(no error code)".into());
        format!("{status} {code}")
    }
}

fn render(table: &[(String, Vec<(String, String)>)]) -> String {
    let width = 24;
    let mut out = format!("{:<34}", "endpoint \\ caller");
    for name in COL_NAMES {
        let _ = write!(out, "| {name:<width$}");
    }
    out.push('\n');
    for (label, cells) in table {
        let _ = write!(out, "{label:<34}");
        for (expected, got) in cells {
            let cell = if expected == got {
                expected.clone()
            } else {
                format!("✗ {expected} → {got}")
            };
            let _ = write!(out, "| {cell:<width$}");
        }
        out.push('\n');
    }
    out
}

#[tokio::test]
async fn every_share_passkey_and_settings_endpoint_answers_every_caller_as_the_table_says() {
    let f = Fixture::new().await;
    let mut results = Vec::new();
    let mut mismatches = 0;
    let mut n = 0;
    for (row, label, expected) in TABLE {
        let mut cells = Vec::new();
        for (col, expected) in COLS.iter().zip(expected) {
            n += 1;
            let got = outcome(&f.request(*row, *col, n).await);
            if got != *expected {
                mismatches += 1;
            }
            cells.push(((*expected).to_owned(), got));
        }
        results.push(((*label).to_owned(), cells));
    }
    assert_eq!(
        TABLE.len(),
        26,
        "one row per share-related, passkey and Settings endpoint, and the wallet's deletion"
    );
    assert!(
        mismatches == 0,
        "{mismatches} cells differ (✗ expected → got):\n{}",
        render(&results)
    );

    // Refused requests recorded nothing: the receipts are exactly the allowed openings.
    let shares = f.t.shares_of(&f.a.session).await;
    let receipts = |id: &str| -> Vec<(String, String)> {
        shares.iter().find(|s| s["id"] == id).unwrap()["receipts"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| {
                (
                    r["action"].as_str().unwrap().to_owned(),
                    r["by"].as_str().unwrap().to_owned(),
                )
            })
            .collect()
    };
    let pair = |a: &str, b: &str| (a.to_owned(), b.to_owned());
    assert_eq!(
        receipts(&f.active),
        vec![pair("open", "worker"), pair("download", "worker")]
    );
    assert_eq!(
        receipts(&f.link_pin.id),
        vec![pair("open", "link"), pair("download", "link")]
    );
    assert_eq!(
        receipts(&f.link.id),
        vec![pair("open", "link"), pair("download", "link")]
    );
    for ended in [
        &f.expired,
        &f.revoked,
        &f.link_expired.id,
        &f.link_revoked.id,
    ] {
        assert!(receipts(ended).is_empty(), "{ended}");
    }
}
