//! Shared helpers: an app on a temp data dir with a test clock, requests through `oneshot`.
#![allow(dead_code)]

// The throwaway Garage of `cargo xtask bench`, one per test here.
pub mod binary;
pub mod databases;
#[path = "../../../xtask/src/garage.rs"]
pub mod garage;
pub mod net;
pub mod own_cluster;
pub mod s3;
pub mod sharing;
pub mod webauthn;

use std::path::PathBuf;
use std::sync::Arc;

use axum::Router;
use axum::body::{Body, Bytes};
use axum::http::{HeaderMap, Method, Request, StatusCode, header};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use http_body_util::BodyExt;
use pde_server::clock::TestClock;
use pde_server::{AppState, Config};
use serde_json::{Value, json};
use tempfile::TempDir;
use tower::ServiceExt;

/// A fixed start time: 2026-11-22T08:00:00Z.
pub const T0: i64 = 1_795_334_400;

pub fn b64(bytes: &[u8]) -> String {
    STANDARD.encode(bytes)
}

pub fn unb64(text: &str) -> Vec<u8> {
    STANDARD.decode(text).unwrap()
}

/// `len` bytes of a xorshift sequence seeded by `seed`: contents that differ from one
/// document to the next and are not a repeated pattern.
pub fn content(len: usize, seed: u8) -> Vec<u8> {
    let mut x = u32::from(seed).wrapping_mul(2_654_435_761) | 1;
    (0..len)
        .map(|_| {
            x ^= x << 13;
            x ^= x >> 17;
            x ^= x << 5;
            x as u8
        })
        .collect()
}

/// Every file under `dir`, in its subdirectories too.
pub fn files_under(dir: &std::path::Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out
}

/// A syntactically valid age recipient, distinct per `seed`.
pub fn recipient(seed: u8) -> String {
    const CHARSET: &[u8] = b"qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    let tail: String = (0..58)
        .map(|i| CHARSET[(usize::from(seed) * 7 + i * 3) % 32] as char)
        .collect();
    format!("age1{tail}")
}

/// A syntactically valid age recipient for `name`, distinct per name (worker card codes
/// derive from recipients, so workers of one test need distinct ones).
pub fn recipient_for(name: &str) -> String {
    const CHARSET: &[u8] = b"qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    let digest = ring::digest::digest(&ring::digest::SHA256, name.as_bytes());
    let bytes = digest.as_ref();
    let tail: String = (0..58)
        .map(|i| CHARSET[usize::from(bytes[i % 32] >> (i / 32 * 3)) % 32] as char)
        .collect();
    format!("age1{tail}")
}

/// The `Authorization` header value that carries a session token.
pub fn bearer(session: &str) -> String {
    format!("Bearer {session}")
}

pub struct TestApp {
    pub app: Router,
    pub clock: TestClock,
    pub state: AppState,
    pub dir: TempDir,
}

pub struct TestResponse {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: Bytes,
}

impl TestResponse {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body)
            .unwrap_or_else(|e| panic!("not JSON ({e}): {:?}", String::from_utf8_lossy(&self.body)))
    }

    /// The error code of a `{"error":{"code","message"}}` body.
    pub fn code(&self) -> String {
        let v = self.json();
        assert!(v["error"]["message"].is_string(), "no error message: {v}");
        v["error"]["code"].as_str().unwrap_or_default().to_owned()
    }

    /// The session token of a log-in or sign-up answer's body.
    pub fn session_token(&self) -> String {
        self.json()["session"]
            .as_str()
            .unwrap_or_else(|| panic!("no session token: {}", self.json()))
            .to_owned()
    }

    /// Asserts the status, showing the body when it differs.
    #[track_caller]
    pub fn assert_status(&self, status: StatusCode) {
        assert_eq!(
            self.status,
            status,
            "{}",
            String::from_utf8_lossy(&self.body)
        );
    }

    #[track_caller]
    pub fn assert_error(&self, status: StatusCode, code: &str) {
        assert_eq!(
            self.status,
            status,
            "body: {}",
            String::from_utf8_lossy(&self.body)
        );
        assert_eq!(self.code(), code);
    }
}

impl TestApp {
    pub async fn new() -> Self {
        Self::with_config(|_| {}).await
    }

    pub async fn with_config(adjust: impl FnOnce(&mut Config)) -> Self {
        let dir = tempfile::tempdir().unwrap();
        let mut config = Config::with_data_dir(dir.path().join("data"));
        config.web_dir = Some(dir.path().join("web"));
        // Tests sign up many accounts from one address; tests of the sign-up limit set theirs.
        config.signups_per_client_per_hour = 100_000;
        config.signups_per_hour = 100_000;
        if databases::TestDatabase::chosen() == databases::TestDatabase::Postgres {
            config.database_url = Some(databases::fresh_postgres_url().await);
        }
        adjust(&mut config);
        let clock = TestClock::new(T0);
        let state = pde_server::prepare(config, Arc::new(clock.clone()))
            .await
            .unwrap();
        let app = pde_server::app(state.clone());
        Self {
            app,
            clock,
            state,
            dir,
        }
    }

    pub fn blob_dir(&self) -> PathBuf {
        self.state.config.blob_dir()
    }

    /// Every file under the blob directory (temp files included).
    pub fn blob_files(&self) -> Vec<PathBuf> {
        files_under(&self.blob_dir())
    }

    pub async fn send(&self, req: Request<Body>) -> TestResponse {
        let response = self.app.clone().oneshot(req).await.unwrap();
        let status = response.status();
        let headers = response.headers().clone();
        let body = response.into_body().collect().await.unwrap().to_bytes();
        TestResponse {
            status,
            headers,
            body,
        }
    }

    /// A request as the web app sends it: `X-PDE-Client: 1`, JSON body if any.
    pub async fn call(
        &self,
        method: Method,
        path: &str,
        session: Option<&str>,
        body: Option<Value>,
    ) -> TestResponse {
        let mut req = Request::builder().method(method).uri(path);
        req = req.header("x-pde-client", "1");
        if let Some(session) = session {
            req = req.header(header::AUTHORIZATION, bearer(session));
        }
        let req = match body {
            Some(body) => req
                .header(header::CONTENT_TYPE, "application/json")
                .body(Body::from(body.to_string())),
            None => req.body(Body::empty()),
        };
        self.send(req.unwrap()).await
    }

    /// A raw JSON text body (for malformed input).
    pub async fn call_raw(
        &self,
        method: Method,
        path: &str,
        session: Option<&str>,
        body: &str,
    ) -> TestResponse {
        let mut req = Request::builder()
            .method(method)
            .uri(path)
            .header("x-pde-client", "1")
            .header(header::CONTENT_TYPE, "application/json");
        if let Some(session) = session {
            req = req.header(header::AUTHORIZATION, bearer(session));
        }
        self.send(req.body(Body::from(body.to_owned())).unwrap())
            .await
    }

    pub async fn get(&self, path: &str, session: Option<&str>) -> TestResponse {
        self.call(Method::GET, path, session, None).await
    }

    /// Signs up `pseudonym`; returns the holder with its session token.
    pub async fn signup(&self, pseudonym: &str) -> Holder {
        let holder = Holder::new(pseudonym);
        let r = self
            .call(
                Method::POST,
                "/api/v1/accounts",
                None,
                Some(holder.signup_body()),
            )
            .await;
        r.assert_status(StatusCode::CREATED);
        Holder {
            session: r.session_token(),
            ..holder
        }
    }

    pub async fn login(&self, pseudonym: &str, method: &str, auth_key: &[u8]) -> TestResponse {
        self.call(
            Method::POST,
            "/api/v1/auth/login",
            None,
            Some(json!({"pseudonym": pseudonym, "method": method, "auth_key": b64(auth_key)})),
        )
        .await
    }

    /// Reserves a document of `size` bytes; returns its id.
    pub async fn reserve(&self, session: &str, size: u64) -> String {
        let r = self.reserve_raw(session, size).await;
        r.assert_status(StatusCode::CREATED);
        r.json()["id"].as_str().unwrap().to_owned()
    }

    pub async fn reserve_raw(&self, session: &str, size: u64) -> TestResponse {
        self.call(
            Method::POST,
            "/api/v1/documents",
            Some(session),
            Some(json!({"size": size, "metadata": b64(b"meta-ciphertext"), "envelope": b64(b"envelope-ciphertext")})),
        )
        .await
    }

    /// Uploads `content` with a correct `Content-Length`.
    pub async fn upload(&self, session: &str, id: &str, content: &[u8]) -> TestResponse {
        let req = Request::put(format!("/api/v1/documents/{id}/content"))
            .header("x-pde-client", "1")
            .header(header::AUTHORIZATION, bearer(session))
            .header(header::CONTENT_TYPE, "application/octet-stream")
            .header(header::CONTENT_LENGTH, content.len())
            .body(Body::from(content.to_vec()))
            .unwrap();
        self.send(req).await
    }

    /// Uploads `chunks` as a streamed body without `Content-Length`.
    pub async fn upload_streamed(
        &self,
        session: &str,
        id: &str,
        chunks: Vec<Vec<u8>>,
    ) -> TestResponse {
        let stream = futures_util::stream::iter(
            chunks
                .into_iter()
                .map(|c| Ok::<_, std::io::Error>(Bytes::from(c))),
        );
        let req = Request::put(format!("/api/v1/documents/{id}/content"))
            .header("x-pde-client", "1")
            .header(header::AUTHORIZATION, bearer(session))
            .header(header::CONTENT_TYPE, "application/octet-stream")
            .body(Body::from_stream(stream))
            .unwrap();
        self.send(req).await
    }

    /// Reserves and uploads a document; returns its id.
    pub async fn store(&self, session: &str, content: &[u8]) -> String {
        let id = self.reserve(session, content.len() as u64).await;
        let r = self.upload(session, &id, content).await;
        r.assert_status(StatusCode::NO_CONTENT);
        id
    }

    pub async fn list_ids(&self, session: &str) -> Vec<String> {
        let r = self.get("/api/v1/documents", Some(session)).await;
        assert_eq!(r.status, StatusCode::OK);
        r.json()["documents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["id"].as_str().unwrap().to_owned())
            .collect()
    }
}

/// A holder's client-side secrets (random bytes standing in for derived keys).
#[derive(Clone)]
pub struct Holder {
    pub pseudonym: String,
    pub recipient: String,
    pub salt: [u8; 16],
    pub passphrase_auth: [u8; 32],
    pub recovery_auth: [u8; 32],
    pub passphrase_slot: Vec<u8>,
    pub recovery_slot: Vec<u8>,
    pub session: String,
}

impl Holder {
    pub fn new(pseudonym: &str) -> Self {
        let seed = pseudonym
            .bytes()
            .fold(0u8, |a, b| a.wrapping_mul(31).wrapping_add(b));
        Self {
            pseudonym: pseudonym.to_owned(),
            recipient: recipient_for(pseudonym),
            salt: [seed; 16],
            passphrase_auth: [seed.wrapping_add(1); 32],
            recovery_auth: [seed.wrapping_add(2); 32],
            passphrase_slot: format!("passphrase slot of {pseudonym}").into_bytes(),
            recovery_slot: format!("recovery slot of {pseudonym}").into_bytes(),
            session: String::new(),
        }
    }

    /// The `Authorization` header value of this holder's session.
    pub fn bearer(&self) -> String {
        bearer(&self.session)
    }

    pub fn signup_body(&self) -> Value {
        json!({
            "pseudonym": self.pseudonym,
            "recipient": self.recipient,
            "salt": b64(&self.salt),
            "kdf": {"alg": "argon2id", "m_kib": 65536, "t": 3, "p": 1},
            "passphrase_auth": b64(&self.passphrase_auth),
            "passphrase_slot": b64(&self.passphrase_slot),
            "recovery_auth": b64(&self.recovery_auth),
            "recovery_slot": b64(&self.recovery_slot),
        })
    }
}

/// A blob store on a full disk: writing a byte fails, and so does its health check.
pub struct FullDisk;

#[async_trait::async_trait]
impl pde_server::blob::BlobStore for FullDisk {
    async fn ping(&self) -> std::io::Result<()> {
        Err(std::io::Error::from(std::io::ErrorKind::StorageFull))
    }
    async fn put(
        &self,
        _: pde_server::ids::DocumentId,
        _: u64,
        _: pde_server::blob::ByteStream,
    ) -> Result<(), pde_server::blob::BlobError> {
        Err(std::io::Error::from(std::io::ErrorKind::StorageFull).into())
    }
    async fn open(
        &self,
        _: pde_server::ids::DocumentId,
    ) -> Result<pde_server::blob::BlobReader, pde_server::blob::BlobError> {
        Err(pde_server::blob::BlobError::NotFound)
    }
    async fn delete(
        &self,
        _: pde_server::ids::DocumentId,
    ) -> Result<(), pde_server::blob::BlobError> {
        Ok(())
    }
    async fn sweep_temp(
        &self,
        _: std::time::SystemTime,
    ) -> Result<u64, pde_server::blob::BlobError> {
        Ok(0)
    }
    fn list_older(&self, _: std::time::SystemTime) -> pde_server::blob::IdStream<'_> {
        Box::pin(futures_util::stream::empty())
    }
}

/// The live blob store, except that deleting a blob fails (the disk or the bucket refused, or
/// the server died before).
pub struct DeleteFails(pub std::sync::Arc<dyn pde_server::blob::BlobStore>);

#[async_trait::async_trait]
impl pde_server::blob::BlobStore for DeleteFails {
    async fn ping(&self) -> std::io::Result<()> {
        self.0.ping().await
    }
    async fn put(
        &self,
        id: pde_server::ids::DocumentId,
        len: u64,
        body: pde_server::blob::ByteStream,
    ) -> Result<(), pde_server::blob::BlobError> {
        self.0.put(id, len, body).await
    }
    async fn open(
        &self,
        id: pde_server::ids::DocumentId,
    ) -> Result<pde_server::blob::BlobReader, pde_server::blob::BlobError> {
        self.0.open(id).await
    }
    async fn delete(
        &self,
        _: pde_server::ids::DocumentId,
    ) -> Result<(), pde_server::blob::BlobError> {
        Err(pde_server::blob::BlobError::Io(std::io::Error::other(
            "the store refused",
        )))
    }
    async fn sweep_temp(
        &self,
        before: std::time::SystemTime,
    ) -> Result<u64, pde_server::blob::BlobError> {
        self.0.sweep_temp(before).await
    }
    fn list_older(&self, before: std::time::SystemTime) -> pde_server::blob::IdStream<'_> {
        self.0.list_older(before)
    }
}

/// A route template with its parameters filled in with well-formed ids and a worker code.
pub fn concrete_path(path: &str) -> String {
    path.replace("{id}", "0123456789abcdef0123456789abcdef")
        .replace("{doc}", "fedcba9876543210fedcba9876543210")
        .replace("{code}", "0000-0001-1")
}

/// A request with the client header and an empty JSON object as its body, whatever the method.
pub async fn send_empty_json(t: &TestApp, method: &str, path: &str) -> TestResponse {
    let req = Request::builder()
        .method(method)
        .uri(path)
        .header("x-pde-client", "1")
        .header(header::CONTENT_TYPE, "application/json")
        .body(Body::from("{}"))
        .unwrap();
    t.send(req).await
}
