//! The app served on a real socket (127.0.0.1, port 0), and a plain HTTP/1.1 client, for
//! tests that need real concurrent connections.

use std::net::SocketAddr;

use serde_json::Value;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use super::TestApp;

/// A running server; stops when dropped.
pub struct Served {
    pub addr: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<std::io::Result<()>>>,
}

impl Served {
    /// Stops the server and waits until it has stopped.
    pub async fn stop(mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(task) = self.task.take() {
            task.await.unwrap().unwrap();
        }
    }
}

impl Served {
    /// Asks the server to stop (it drains first), without waiting.
    pub fn ask_to_stop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }

    /// Waits until the server has stopped.
    pub async fn stopped(mut self) {
        if let Some(task) = self.task.take() {
            task.await.unwrap().unwrap();
        }
    }
}

impl Drop for Served {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
    }
}

impl TestApp {
    /// Serves this app's state with `pde_server::serve` on a fresh port.
    pub async fn serve(&self) -> Served {
        let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let addr = listener.local_addr().unwrap();
        let (stop, stopped) = oneshot::channel::<()>();
        let task = tokio::spawn(pde_server::serve(self.state.clone(), listener, async {
            let _ = stopped.await;
        }));
        Served {
            addr,
            stop: Some(stop),
            task: Some(task),
        }
    }
}

/// An answer read off the wire.
#[derive(Debug)]
pub struct WireResponse {
    pub status: u16,
    pub head: String,
    pub body: Vec<u8>,
}

impl WireResponse {
    pub fn json(&self) -> Value {
        serde_json::from_slice(&self.body).unwrap_or_else(|e| {
            panic!(
                "not JSON ({e}): {} {:?}",
                self.head,
                String::from_utf8_lossy(&self.body)
            )
        })
    }

    /// The session token of a sign-up or log-in answer.
    pub fn session(&self) -> String {
        self.json()["session"]
            .as_str()
            .unwrap_or_else(|| panic!("no session: {}", self.head))
            .to_owned()
    }

    /// The error code of a JSON error body.
    pub fn code(&self) -> String {
        self.json()["error"]["code"]
            .as_str()
            .unwrap_or_default()
            .to_owned()
    }
}

/// Sends one request on its own connection (`Connection: close`) and reads the answer.
pub async fn request(
    addr: SocketAddr,
    method: &str,
    path: &str,
    session: Option<&str>,
    body: Option<&Value>,
) -> WireResponse {
    let body = body.map(Value::to_string).unwrap_or_default();
    let mut head = format!(
        "{method} {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nX-PDE-Client: 1\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n",
        body.len()
    );
    if let Some(session) = session {
        head.push_str(&format!("Authorization: Bearer {session}\r\n"));
    }
    head.push_str("\r\n");
    head.push_str(&body);
    raw(addr, head.as_bytes()).await
}

/// The head of a `PUT …/content` of `len` bytes (the body is to follow).
pub fn upload_head(addr: SocketAddr, session: &str, id: &str, len: usize) -> String {
    format!(
        "PUT /api/v1/documents/{id}/content HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\
         X-PDE-Client: 1\r\nAuthorization: Bearer {session}\r\n\
         Content-Type: application/octet-stream\r\nContent-Length: {len}\r\n\r\n"
    )
}

/// Uploads `body` as the content of document `id` on its own connection.
pub async fn put_content(addr: SocketAddr, session: &str, id: &str, body: &[u8]) -> WireResponse {
    let mut bytes = upload_head(addr, session, id, body.len()).into_bytes();
    bytes.extend_from_slice(body);
    raw(addr, &bytes).await
}

/// Reserves a document of `len` bytes over the socket; its id.
pub async fn reserve(addr: SocketAddr, session: &str, len: usize) -> String {
    let body = serde_json::json!({"size": len, "metadata": super::b64(b"meta"),
        "envelope": super::b64(b"env")});
    let r = request(
        addr,
        "POST",
        "/api/v1/documents",
        Some(session),
        Some(&body),
    )
    .await;
    assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
    r.json()["id"].as_str().unwrap().to_owned()
}

/// Signs `holder` up; the session token.
pub async fn signup(addr: SocketAddr, holder: &super::Holder) -> String {
    let body = holder.signup_body();
    let r = request(addr, "POST", "/api/v1/accounts", None, Some(&body)).await;
    assert_eq!(r.status, 201, "{}", String::from_utf8_lossy(&r.body));
    r.session()
}

/// Logs `holder` in with the passphrase; the session token.
pub async fn login(addr: SocketAddr, holder: &super::Holder) -> String {
    let body = serde_json::json!({"pseudonym": holder.pseudonym, "method": "passphrase",
        "auth_key": super::b64(&holder.passphrase_auth)});
    let r = request(addr, "POST", "/api/v1/auth/login", None, Some(&body)).await;
    assert_eq!(r.status, 200, "{}", String::from_utf8_lossy(&r.body));
    r.session()
}

/// Writes `bytes` on a new connection and reads the answer until the server closes it.
pub async fn raw(addr: SocketAddr, bytes: &[u8]) -> WireResponse {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    stream.write_all(bytes).await.unwrap();
    let mut answer = Vec::new();
    stream.read_to_end(&mut answer).await.unwrap();
    parse(&answer)
}

/// Splits a raw HTTP/1.1 answer into status, head and body.
pub fn parse(answer: &[u8]) -> WireResponse {
    let split = answer
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .unwrap_or_else(|| panic!("no HTTP head in {:?}", String::from_utf8_lossy(answer)));
    let head = String::from_utf8_lossy(&answer[..split]).into_owned();
    let status = head
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status in {head}"));
    WireResponse {
        status,
        head,
        body: answer[split + 4..].to_vec(),
    }
}
