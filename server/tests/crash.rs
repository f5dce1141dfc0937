//! The real binary, killed with SIGKILL in the middle of an upload, leaves no half document:
//! once the pending TTL is over, the start-up sweep of the restarted server has removed the
//! pending document and every blob file.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

mod common;

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use common::databases::{TestDatabase, fresh_postgres_url};
use serde_json::{Value, json};

struct Server {
    child: Child,
    addr: String,
}

impl Server {
    fn start(data: &Path, database_url: Option<&str>, pending_ttl_secs: u64) -> Self {
        let mut command = Command::new(env!("CARGO_BIN_EXE_pde-server"));
        command
            .args(["serve", "--listen", "127.0.0.1:0", "--data-dir"])
            .arg(data);
        if let Some(url) = database_url {
            command.args(["--database-url", url]);
        }
        let mut child = command
            .args(["--pending-ttl-secs", &pending_ttl_secs.to_string()])
            .args(["--web-dir", "does-not-exist"])
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("the server starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let addr = line
            .trim()
            .strip_prefix("listening on http://")
            .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
            .to_owned();
        Self { child, addr }
    }

    /// One request on its own connection; answers status, headers and body.
    fn request(
        &self,
        method: &str,
        path: &str,
        session: Option<&str>,
        body: Option<&Value>,
    ) -> (u16, String, Vec<u8>) {
        let mut stream = TcpStream::connect(&self.addr).unwrap();
        let body = body.map(Value::to_string).unwrap_or_default();
        let mut head = format!(
            "{method} {path} HTTP/1.1\r\nHost: {}\r\nConnection: close\r\nX-PDE-Client: 1\r\n\
             Content-Type: application/json\r\nContent-Length: {}\r\n",
            self.addr,
            body.len()
        );
        if let Some(session) = session {
            head.push_str(&format!("Authorization: Bearer {session}\r\n"));
        }
        head.push_str("\r\n");
        stream.write_all(head.as_bytes()).unwrap();
        stream.write_all(body.as_bytes()).unwrap();
        let mut answer = Vec::new();
        stream.read_to_end(&mut answer).unwrap();
        let split = answer.windows(4).position(|w| w == b"\r\n\r\n").unwrap();
        let head = String::from_utf8(answer[..split].to_vec()).unwrap();
        let status = head.split(' ').nth(1).unwrap().parse().unwrap();
        (status, head, answer[split + 4..].to_vec())
    }

    fn json(
        &self,
        method: &str,
        path: &str,
        session: Option<&str>,
        body: Option<&Value>,
    ) -> (u16, Value, String) {
        let (status, head, body) = self.request(method, path, session, body);
        (
            status,
            serde_json::from_slice(&body).unwrap_or(Value::Null),
            head,
        )
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The session token of a log-in or sign-up answer's body.
fn session_of(body: &Value) -> String {
    body["session"].as_str().unwrap().to_owned()
}

fn files_under(dir: &Path) -> Vec<PathBuf> {
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

/// On SQLite, or on PostgreSQL when the suite runs there (`PDE_TEST_DATABASE`).
#[tokio::test]
async fn sigkill_mid_upload_leaves_no_half_document() {
    let database_url = match TestDatabase::chosen() {
        TestDatabase::Postgres => Some(fresh_postgres_url().await),
        TestDatabase::Sqlite => None,
    };
    let database_url = database_url.as_deref();
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let blobs = data.join("blobs");
    let b64 = |b: &[u8]| STANDARD.encode(b);
    let mut server = Server::start(&data, database_url, 3600);

    let signup = json!({
        "pseudonym": "crash test",
        "recipient": format!("age1{}", "q".repeat(58)),
        "salt": b64(&[1; 16]),
        "kdf": {"alg": "argon2id", "m_kib": 65536, "t": 3, "p": 1},
        "passphrase_auth": b64(&[2; 32]),
        "passphrase_slot": b64(b"slot"),
        "recovery_auth": b64(&[3; 32]),
        "recovery_slot": b64(b"recovery"),
    });
    let (status, answer, _) = server.json("POST", "/api/v1/accounts", None, Some(&signup));
    assert_eq!(status, 201);
    let session = session_of(&answer);

    // A complete document, which must survive.
    let (status, kept, _) = server.json(
        "POST",
        "/api/v1/documents",
        Some(&session),
        Some(&json!({"size": 4, "metadata": b64(b"m"), "envelope": b64(b"e")})),
    );
    assert_eq!(status, 201);
    let kept = kept["id"].as_str().unwrap().to_owned();
    let mut put = TcpStream::connect(&server.addr).unwrap();
    write!(
        put,
        "PUT /api/v1/documents/{kept}/content HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\
         X-PDE-Client: 1\r\nAuthorization: Bearer {session}\r\nContent-Length: 4\r\n\r\nfull"
    )
    .unwrap();
    let mut answer = String::new();
    put.read_to_string(&mut answer).unwrap();
    assert!(answer.starts_with("HTTP/1.1 204"), "{answer}");

    // A large upload, killed half-way.
    let size: usize = 8 * 1024 * 1024;
    let (status, doc, _) = server.json(
        "POST",
        "/api/v1/documents",
        Some(&session),
        Some(&json!({"size": size, "metadata": b64(b"m"), "envelope": b64(b"e")})),
    );
    assert_eq!(status, 201);
    let id = doc["id"].as_str().unwrap().to_owned();
    let mut upload = TcpStream::connect(&server.addr).unwrap();
    write!(
        upload,
        "PUT /api/v1/documents/{id}/content HTTP/1.1\r\nHost: x\r\nX-PDE-Client: 1\r\n\
         Authorization: Bearer {session}\r\nContent-Type: application/octet-stream\r\nContent-Length: {size}\r\n\r\n"
    )
    .unwrap();
    let half = vec![0x5a; size / 2];
    upload.write_all(&half).unwrap();
    upload.flush().unwrap();

    // Wait (bounded) until the server has written part of the body to its temp file.
    let deadline = Instant::now() + Duration::from_secs(60);
    loop {
        let written: u64 = files_under(&blobs.join("tmp"))
            .iter()
            .map(|p| std::fs::metadata(p).map(|m| m.len()).unwrap_or(0))
            .sum();
        if written > 0 {
            break;
        }
        assert!(
            Instant::now() < deadline,
            "the upload never reached the blob store"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    server.child.kill().unwrap(); // SIGKILL
    server.child.wait().unwrap();
    drop(upload);
    assert!(
        !files_under(&blobs.join("tmp")).is_empty(),
        "a half temp file was left by the kill"
    );

    // Restart with a pending TTL of zero a second later (times are counted in whole seconds):
    // the start-up sweep, which runs before `listening on`, finds everything the kill left
    // older than the TTL.
    std::thread::sleep(Duration::from_millis(1100));
    let server = Server::start(&data, database_url, 0);
    let (status, answer, _) = server.json(
        "POST",
        "/api/v1/auth/login",
        None,
        Some(
            &json!({"pseudonym": "crash test", "method": "passphrase", "auth_key": b64(&[2; 32])}),
        ),
    );
    assert_eq!(status, 200);
    let session = session_of(&answer);
    let (status, list, _) = server.json("GET", "/api/v1/documents", Some(&session), None);
    assert_eq!(status, 200);
    let ids: Vec<&str> = list["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        vec![kept.as_str()],
        "only the complete document is listed"
    );
    let (_, account, _) = server.json("GET", "/api/v1/account", Some(&session), None);
    assert_eq!(
        account["usage"]["used_bytes"], 4,
        "the half document's reservation is gone"
    );
    let (status, _, _) = server.request(
        "GET",
        &format!("/api/v1/documents/{id}/content"),
        Some(&session),
        None,
    );
    assert_eq!(status, 404);

    let left = files_under(&blobs);
    assert_eq!(left.len(), 1, "only the complete blob is left: {left:?}");
    assert!(left[0].ends_with(&kept));
    let (status, _, body) = server.request(
        "GET",
        &format!("/api/v1/documents/{kept}/content"),
        Some(&session),
        None,
    );
    assert_eq!((status, body.as_slice()), (200, b"full".as_slice()));
}
