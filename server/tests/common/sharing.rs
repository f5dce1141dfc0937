//! Helpers for the sharing tests: organisations and invitations through the admin functions,
//! workers joining, shares and links made through the API, and direct database counts.

use axum::http::{Method, StatusCode};
use serde_json::{Value, json};

use super::{Holder, TestApp, TestResponse, b64};

/// How every age file begins.
pub const AGE_HEADER: &[u8] = b"age-encryption.org/v1\n";

/// An age-looking file holding `label`.
pub fn age(label: &str) -> Vec<u8> {
    [AGE_HEADER, label.as_bytes()].concat()
}

/// A worker's client-side secrets, session and public details.
#[derive(Clone)]
pub struct TestWorker {
    pub secrets: Holder,
    pub session: String,
    pub id: String,
    pub code: String,
    pub real_name: String,
}

/// A link made by a holder: its id and the access key only its visitors know.
#[derive(Clone)]
pub struct TestLink {
    pub id: String,
    pub access_key: [u8; 32],
}

impl TestLink {
    /// The body of a link request.
    pub fn body(&self, pin: Option<&str>) -> Value {
        json!({"access_key": b64(&self.access_key), "pin": pin})
    }
}

/// The body of a worker joining with `token`.
pub fn join_body(secrets: &Holder, token: &str, real_name: &str) -> Value {
    let mut body = secrets.signup_body();
    body["invitation"] = json!(token);
    body["real_name"] = json!(real_name);
    body
}

impl TestApp {
    /// Creates an organisation through the admin function.
    pub async fn organisation(&self, name: &str) -> String {
        pde_server::admin::add_organisation(&*self.state.storage, &self.clock, name)
            .await
            .unwrap()
            .id
            .to_string()
    }

    /// Makes an invitation to `org` valid `hours`; returns its token.
    pub async fn invitation(&self, org: &str, hours: u32) -> String {
        pde_server::admin::invite(&*self.state.storage, &self.clock, org, hours)
            .await
            .unwrap()
            .token
            .expose()
            .to_owned()
    }

    pub async fn join_raw(&self, body: Value) -> TestResponse {
        self.call(Method::POST, "/api/v1/workers", None, Some(body))
            .await
    }

    /// A worker of `org` who joined through a fresh invitation (unverified).
    pub async fn worker(&self, org: &str, pseudonym: &str, real_name: &str) -> TestWorker {
        let token = self.invitation(org, 72).await;
        let secrets = Holder::new(pseudonym);
        let r = self.join_raw(join_body(&secrets, &token, real_name)).await;
        r.assert_status(StatusCode::CREATED);
        let account = r.json()["account"].clone();
        TestWorker {
            session: r.session_token(),
            id: account["worker"]["id"].as_str().unwrap().to_owned(),
            code: account["worker"]["code"].as_str().unwrap().to_owned(),
            real_name: real_name.to_owned(),
            secrets,
        }
    }

    /// A verified worker.
    pub async fn verified_worker(&self, org: &str, pseudonym: &str, real_name: &str) -> TestWorker {
        let w = self.worker(org, pseudonym, real_name).await;
        pde_server::admin::verify(&*self.state.storage, &w.code)
            .await
            .unwrap();
        w
    }

    /// The ids of the shares a worker's "Shared with me" lists, in its order.
    pub async fn shared_with_me_ids(&self, session: &str) -> Vec<String> {
        self.get("/api/v1/shared-with-me", Some(session))
            .await
            .json()["shares"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["id"].as_str().unwrap().to_owned())
            .collect()
    }

    pub async fn create_share_raw(&self, session: &str, body: Value) -> TestResponse {
        self.call(Method::POST, "/api/v1/shares", Some(session), Some(body))
            .await
    }

    /// The `documents` list of a share body: each document with an envelope naming it.
    pub fn share_documents(docs: &[&str]) -> Value {
        docs.iter()
            .map(|d| json!({"id": d, "envelope": b64(&age(&format!("share envelope of {d}")))}))
            .collect()
    }

    /// The worker of `worker_session` reads document `doc` of share `share`.
    pub async fn worker_reads(&self, worker_session: &str, share: &str, doc: &str) -> TestResponse {
        self.get(
            &format!("/api/v1/shared-with-me/{share}/documents/{doc}/content"),
            Some(worker_session),
        )
        .await
    }

    /// Shares `docs` with a worker for `secs`; returns the share id.
    pub async fn share_with(
        &self,
        session: &str,
        worker_id: &str,
        docs: &[&str],
        secs: u64,
    ) -> String {
        let body = json!({
            "kind": "worker",
            "worker_id": worker_id,
            "duration_secs": secs,
            "note": b64(&age("a note")),
            "documents": Self::share_documents(docs),
        });
        self.create_share(session, body).await
    }

    /// Creates a share that must succeed; returns its id.
    async fn create_share(&self, session: &str, body: Value) -> String {
        let r = self.create_share_raw(session, body).await;
        r.assert_status(StatusCode::CREATED);
        r.json()["id"].as_str().unwrap().to_owned()
    }

    /// Makes a link to `docs` for `secs`, with `pin` if given.
    pub async fn make_link(
        &self,
        session: &str,
        docs: &[&str],
        secs: u64,
        pin: Option<&str>,
    ) -> TestLink {
        let access_key: [u8; 32] = rand_bytes();
        let body = json!({
            "kind": "link",
            "duration_secs": secs,
            "access_key": b64(&access_key),
            "pin": pin,
            "note": b64(&age("a note for the link")),
            "documents": Self::share_documents(docs),
        });
        TestLink {
            id: self.create_share(session, body).await,
            access_key,
        }
    }

    /// `POST /api/v1/links/{id}/<rest>` with the link's access key and `pin`.
    pub async fn link_call(&self, link: &TestLink, rest: &str, pin: Option<&str>) -> TestResponse {
        self.call(
            Method::POST,
            &format!("/api/v1/links/{}/{rest}", link.id),
            None,
            Some(link.body(pin)),
        )
        .await
    }

    /// The holder's shares, as listed.
    /// Asserts that the three worker routes of one share and document (the share, the
    /// document's content, its download) all answer `status` with `code`.
    pub async fn assert_worker_routes(
        &self,
        session: &str,
        share: &str,
        doc: &str,
        status: StatusCode,
        code: &str,
    ) {
        self.get(&format!("/api/v1/shared-with-me/{share}"), Some(session))
            .await
            .assert_error(status, code);
        self.get(
            &format!("/api/v1/shared-with-me/{share}/documents/{doc}/content"),
            Some(session),
        )
        .await
        .assert_error(status, code);
        self.call(
            Method::POST,
            &format!("/api/v1/shared-with-me/{share}/documents/{doc}/download"),
            Some(session),
            None,
        )
        .await
        .assert_error(status, code);
    }

    pub async fn shares_of(&self, session: &str) -> Vec<Value> {
        let r = self.get("/api/v1/shares", Some(session)).await;
        r.assert_status(StatusCode::OK);
        r.json()["shares"].as_array().unwrap().clone()
    }

    /// One number from the database, read directly (`sql` must select one integer).
    pub async fn db_count(&self, sql: &str) -> i64 {
        use sqlx::Row;
        let pool = super::databases::open_pool(&self.state.config.database_url()).await;
        let row = sqlx::query(sqlx::AssertSqlSafe(sql.to_owned()))
            .fetch_one(&pool)
            .await
            .unwrap();
        let n: i64 = row.try_get(0).unwrap();
        pool.close().await;
        n
    }
}

/// `N` random bytes from the server's generator.
pub fn rand_bytes<const N: usize>() -> [u8; N] {
    pde_server::secrets::random_bytes()
}
