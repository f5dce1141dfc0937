//! Graceful shutdown on a real socket: running uploads finish, new ones are refused with 503,
//! health says `draining`, and the wait is bounded.

use std::time::Duration;

use crate::common::net::request;
use crate::common::*;
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Starts an upload of `size` bytes on its own connection and sends `first` of them.
async fn start_upload(
    addr: std::net::SocketAddr,
    session: &str,
    id: &str,
    size: usize,
    first: &[u8],
) -> TcpStream {
    let mut stream = TcpStream::connect(addr).await.unwrap();
    let head = format!(
        "PUT /api/v1/documents/{id}/content HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\
         X-PDE-Client: 1\r\nAuthorization: Bearer {session}\r\n\
         Content-Type: application/octet-stream\r\nContent-Length: {size}\r\n\r\n"
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    stream.write_all(first).await.unwrap();
    stream.flush().await.unwrap();
    stream
}

async fn until(what: &str, check: impl Fn() -> bool) {
    for _ in 0..500 {
        if check() {
            return;
        }
        tokio::time::sleep(Duration::from_millis(10)).await;
    }
    panic!("{what} did not happen");
}

fn reservation(size: usize) -> serde_json::Value {
    json!({"size": size, "metadata": b64(b"m"), "envelope": b64(b"e")})
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_running_upload_finishes_and_new_ones_are_refused_while_the_server_stops() {
    let t = TestApp::with_config(|c| c.shutdown_grace_secs = 30).await;
    let h = t.signup("leaving late").await;
    let id = t.reserve(&h.session, 8).await;
    let mut served = t.serve().await;
    let addr = served.addr;
    let mut upload = start_upload(addr, &h.session, &id, 8, b"half").await;
    until("the upload starts", || t.state.drain.uploads() == 1).await;

    served.ask_to_stop();
    until("draining", || t.state.drain.is_draining()).await;
    // New work is refused with a JSON error and a hint to retry; health tells the balancer.
    let r = request(
        addr,
        "POST",
        "/api/v1/documents",
        Some(&h.session),
        Some(&reservation(4)),
    )
    .await;
    assert_eq!((r.status, r.code()), (503, "unavailable".to_owned()));
    assert!(
        r.head.to_ascii_lowercase().contains("retry-after: 5"),
        "{}",
        r.head
    );
    let r = request(addr, "GET", "/healthz", None, None).await;
    assert_eq!((r.status, r.json()), (503, json!({"status": "draining"})));
    // Reading still works while the upload runs.
    let r = request(addr, "GET", "/api/v1/documents", Some(&h.session), None).await;
    assert_eq!(r.status, 200);

    // The running upload completes and is kept; then the server stops.
    upload.write_all(b"done").await.unwrap();
    let mut answer = Vec::new();
    upload.read_to_end(&mut answer).await.unwrap();
    let answer = String::from_utf8_lossy(&answer);
    assert!(answer.starts_with("HTTP/1.1 204"), "{answer}");
    tokio::time::timeout(Duration::from_secs(10), served.stopped())
        .await
        .expect("the server stops once the upload is done");
    assert_eq!(t.list_ids(&h.session).await, vec![id.clone()]);
    let r = t
        .get(&format!("/api/v1/documents/{id}/content"), Some(&h.session))
        .await;
    assert_eq!(r.body.as_ref(), b"halfdone");
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_stalled_upload_does_not_hold_the_shutdown_past_the_grace_time() {
    let t = TestApp::with_config(|c| c.shutdown_grace_secs = 1).await;
    let h = t.signup("never finishes").await;
    let id = t.reserve(&h.session, 8).await;
    let mut served = t.serve().await;
    let _upload = start_upload(served.addr, &h.session, &id, 8, b"half").await;
    until("the upload starts", || t.state.drain.uploads() == 1).await;
    served.ask_to_stop();
    // One second of grace for the upload, at least one more for the connections.
    tokio::time::timeout(Duration::from_secs(10), served.stopped())
        .await
        .expect("the server stops after the grace time");
    assert!(t.list_ids(&h.session).await.is_empty());
}
