//! Sign-up limits per client and for the whole service, over a real socket (the client
//! address is the TCP peer, or the first `X-Forwarded-For` hop behind a trusted proxy).

use crate::common::net::{WireResponse, raw};
use crate::common::sharing::*;
use crate::common::*;
use serde_json::Value;

async fn post(
    addr: std::net::SocketAddr,
    path: &str,
    forwarded_for: Option<&str>,
    body: &Value,
) -> WireResponse {
    let body = body.to_string();
    let forwarded = forwarded_for
        .map(|f| format!("X-Forwarded-For: {f}\r\n"))
        .unwrap_or_default();
    let request = format!(
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\nX-PDE-Client: 1\r\n\
         Content-Type: application/json\r\nContent-Length: {}\r\n{forwarded}\r\n{body}",
        body.len()
    );
    raw(addr, request.as_bytes()).await
}

async fn signup(
    addr: std::net::SocketAddr,
    pseudonym: &str,
    forwarded_for: Option<&str>,
) -> WireResponse {
    post(
        addr,
        "/api/v1/accounts",
        forwarded_for,
        &Holder::new(pseudonym).signup_body(),
    )
    .await
}

fn retry_after(r: &WireResponse) -> i64 {
    r.head
        .lines()
        .find_map(|l| {
            l.to_ascii_lowercase()
                .strip_prefix("retry-after: ")
                .map(str::to_owned)
        })
        .unwrap()
        .parse()
        .unwrap()
}

#[tokio::test]
async fn one_client_gets_its_hourly_sign_ups_and_no_more() {
    let t = TestApp::with_config(|c| {
        c.signups_per_client_per_hour = 3;
        c.signups_per_hour = 100;
    })
    .await;
    t.organisation("Samu Social").await;
    let served = t.serve().await;
    for i in 0..3 {
        assert_eq!(
            signup(served.addr, &format!("fast {i}"), None).await.status,
            201
        );
    }
    let r = signup(served.addr, "fast 3", None).await;
    assert_eq!((r.status, r.code().as_str()), (429, "too_many_attempts"));
    assert_eq!(retry_after(&r), 3600);
    // A worker join counts the same.
    let token = t.invitation("Samu Social", 72).await;
    let r = post(
        served.addr,
        "/api/v1/workers",
        None,
        &join_body(&Holder::new("fast worker"), &token, "Ann Worker"),
    )
    .await;
    assert_eq!((r.status, r.code().as_str()), (429, "too_many_attempts"));
    // Behind no trusted proxy, X-Forwarded-For is the client's own word and changes nothing.
    let r = signup(served.addr, "fast 4", Some("198.51.100.9")).await;
    assert_eq!(r.status, 429);

    // The address is stored only as an HMAC, next to the count.
    assert_eq!(t.db_count("SELECT COUNT(*) FROM signup_counts").await, 2);
    assert_eq!(
        t.db_count("SELECT COUNT(*) FROM signup_counts WHERE key LIKE '%127.0.0.1%'")
            .await,
        0
    );
    assert_eq!(
        t.db_count("SELECT COUNT(*) FROM signup_counts WHERE length(key) = 64")
            .await,
        1
    );

    // An hour later the client may sign up again; the sweep deletes ended windows.
    t.clock.advance(3599);
    assert_eq!(signup(served.addr, "fast 5", None).await.status, 429);
    t.clock.advance(1);
    pde_server::sweeper::sweep(&t.state).await.unwrap();
    assert_eq!(t.db_count("SELECT COUNT(*) FROM signup_counts").await, 0);
    assert_eq!(signup(served.addr, "fast 6", None).await.status, 201);
    served.stop().await;
}

#[tokio::test]
async fn behind_a_trusted_proxy_clients_are_told_apart_by_x_forwarded_for() {
    let t = TestApp::with_config(|c| {
        c.signups_per_client_per_hour = 2;
        c.signups_per_hour = 100;
        c.trusted_proxy = true;
    })
    .await;
    let served = t.serve().await;
    let first = Some("198.51.100.1, 10.0.0.1");
    for i in 0..2 {
        assert_eq!(
            signup(served.addr, &format!("proxied {i}"), first)
                .await
                .status,
            201
        );
    }
    assert_eq!(signup(served.addr, "proxied 2", first).await.status, 429);
    // Another client behind the same proxy is not slowed.
    assert_eq!(
        signup(served.addr, "neighbour", Some("198.51.100.2"))
            .await
            .status,
        201
    );
    served.stop().await;
}

#[tokio::test]
async fn the_whole_service_accepts_its_hourly_sign_ups_and_no_more() {
    let t = TestApp::with_config(|c| {
        c.signups_per_client_per_hour = 100;
        c.signups_per_hour = 4;
        c.trusted_proxy = true;
    })
    .await;
    let served = t.serve().await;
    for i in 0..4 {
        let client = format!("203.0.113.{i}");
        assert_eq!(
            signup(served.addr, &format!("crowd {i}"), Some(&client))
                .await
                .status,
            201
        );
    }
    let r = signup(served.addr, "crowd 4", Some("203.0.113.99")).await;
    assert_eq!((r.status, r.code().as_str()), (429, "too_many_attempts"));
    assert!((1..=3600).contains(&retry_after(&r)));
    served.stop().await;
}
