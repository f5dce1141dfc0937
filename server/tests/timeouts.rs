//! HTTP timeouts and the connection cap, with slow clients over a real socket. Every wait in
//! these tests is bounded; the bounds are far above the configured timeouts.

use std::time::Duration;

use crate::common::net::{parse, request};
use crate::common::*;
use serde_json::json;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

/// Far above every timeout configured here: a test that reaches it has failed.
const BOUND: Duration = Duration::from_secs(30);

async fn app() -> TestApp {
    TestApp::with_config(|c| {
        c.header_timeout_secs = 1;
        c.body_idle_timeout_secs = 1;
        c.request_timeout_secs = 3;
        c.max_connections = 50;
    })
    .await
}

/// Reads until the server closes the connection; answers what it sent.
async fn read_until_closed(stream: &mut TcpStream) -> Vec<u8> {
    let mut answer = Vec::new();
    tokio::time::timeout(BOUND, async {
        let mut buf = [0u8; 4096];
        loop {
            match stream.read(&mut buf).await {
                Ok(0) | Err(_) => break,
                Ok(n) => answer.extend_from_slice(&buf[..n]),
            }
        }
    })
    .await
    .expect("the server kept a stalled connection open");
    answer
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn half_a_header_then_nothing_is_cut() {
    let t = app().await;
    let served = t.serve().await;
    let mut stream = TcpStream::connect(served.addr).await.unwrap();
    stream
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nX-Half: ")
        .await
        .unwrap();
    let answer = read_until_closed(&mut stream).await;
    // Cut without a request to answer: no response, or at most an error status.
    assert!(
        answer.is_empty() || !answer.starts_with(b"HTTP/1.1 2"),
        "{}",
        String::from_utf8_lossy(&answer)
    );
    served.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn three_hundred_slow_connections_do_not_keep_a_normal_request_out() {
    let t = app().await;
    let served = t.serve().await;
    let mut slow = Vec::new();
    for _ in 0..300 {
        let mut s = TcpStream::connect(served.addr).await.unwrap();
        s.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n").await.unwrap();
        slow.push(s);
    }
    // A normal request is served, within the bound, while the slow ones hold on.
    let r = tokio::time::timeout(BOUND, request(served.addr, "GET", "/healthz", None, None))
        .await
        .expect("a normal request waited behind slow connections");
    assert_eq!(r.status, 200);
    // And every slow one was cut.
    for mut s in slow {
        read_until_closed(&mut s).await;
    }
    served.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_that_stops_fails_with_a_json_error() {
    let t = app().await;
    let served = t.serve().await;
    let mut stream = TcpStream::connect(served.addr).await.unwrap();
    stream
        .write_all(
            b"POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nX-PDE-Client: 1\r\n\
              Content-Type: application/json\r\nContent-Length: 100\r\n\r\n{\"pseudonym\":",
        )
        .await
        .unwrap();
    let answer = read_until_closed(&mut stream).await;
    let r = parse(&answer);
    assert_eq!(
        (r.status, r.code().as_str()),
        (400, "bad_request"),
        "{}",
        r.head
    );
    served.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_upload_that_stalls_fails_and_can_be_retried() {
    let t = app().await;
    let h = t.signup("slow uploader").await;
    let id = t.reserve(&h.session, 10).await;
    let served = t.serve().await;
    let mut stream = TcpStream::connect(served.addr).await.unwrap();
    let head = format!(
        "PUT /api/v1/documents/{id}/content HTTP/1.1\r\nHost: x\r\nX-PDE-Client: 1\r\n\
         Authorization: Bearer {}\r\nContent-Type: application/octet-stream\r\n\
         Content-Length: 10\r\n\r\nabcd",
        h.session
    );
    stream.write_all(head.as_bytes()).await.unwrap();
    let answer = read_until_closed(&mut stream).await;
    let r = parse(&answer);
    assert_eq!(
        (r.status, r.code().as_str()),
        (400, "bad_request"),
        "{}",
        r.head
    );
    // Nothing was kept: the same reservation takes the whole content now.
    assert_eq!(t.upload(&h.session, &id, b"abcdefghij").await.status, 204);
    served.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_body_that_trickles_past_the_request_timeout_gets_408() {
    let t = app().await;
    let served = t.serve().await;
    let mut stream = TcpStream::connect(served.addr).await.unwrap();
    stream
        .write_all(
            b"POST /api/v1/auth/params HTTP/1.1\r\nHost: x\r\nX-PDE-Client: 1\r\n\
              Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n",
        )
        .await
        .unwrap();
    // One byte every 300 ms: never idle for a second, but never done either.
    let trickle = async {
        for _ in 0..1000 {
            if stream.write_all(b" ").await.is_err() {
                break;
            }
            tokio::time::sleep(Duration::from_millis(300)).await;
            let mut peek = [0u8; 1];
            if let Ok(Ok(n)) =
                tokio::time::timeout(Duration::from_millis(1), stream.peek(&mut peek)).await
                && n > 0
            {
                break;
            }
        }
    };
    tokio::time::timeout(BOUND, trickle)
        .await
        .expect("no answer while trickling");
    let answer = read_until_closed(&mut stream).await;
    let r = parse(&answer);
    assert_eq!(
        (r.status, r.code().as_str()),
        (408, "request_timeout"),
        "{}",
        r.head
    );
    served.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn an_overlong_uri_or_header_block_gets_a_json_error() {
    let t = app().await;
    let served = t.serve().await;
    let long_uri = format!("/healthz?{}", "a".repeat(9000));
    let r = request(served.addr, "GET", &long_uri, None, None).await;
    assert_eq!((r.status, r.code().as_str()), (414, "uri_too_long"));

    let big = "b".repeat(17 * 1024);
    let raw =
        format!("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\nX-Big: {big}\r\n\r\n");
    let r = crate::common::net::raw(served.addr, raw.as_bytes()).await;
    assert_eq!((r.status, r.code().as_str()), (431, "headers_too_large"));

    let many: String = (0..70).map(|i| format!("X-H{i}: v\r\n")).collect();
    let raw = format!("GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n{many}\r\n");
    let r = crate::common::net::raw(served.addr, raw.as_bytes()).await;
    assert_eq!((r.status, r.code().as_str()), (431, "headers_too_large"));
    // Within the limits, an ordinary answer.
    let r = request(served.addr, "GET", "/healthz", None, None).await;
    assert_eq!((r.status, r.json()), (200, json!({"status": "ok"})));
    served.stop().await;
}
