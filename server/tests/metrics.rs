//! The Prometheus metrics listener: scraped before and after a journey through the routes
//! (sign up, upload, list, share with a worker, the worker opens, a link is opened), the
//! counts moved by exactly what the journey did, labelled by route template, and no label
//! holds an id, a pseudonym, a code or a token used on the way.

use std::collections::BTreeMap;
use std::net::SocketAddr;

use crate::common::TestApp;
use crate::common::binary::RunningServer;
use crate::common::net::request;
use axum::http::{Method, StatusCode};
use tokio::sync::oneshot;

/// Serves the app's metrics on a fresh port; stops when the sender is dropped.
async fn metrics_listener(t: &TestApp) -> (SocketAddr, oneshot::Sender<()>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = oneshot::channel::<()>();
    let state = t.state.clone();
    tokio::spawn(async move {
        pde_server::metrics::serve(&state, listener, async {
            let _ = stopped.await;
        })
        .await
        .unwrap();
    });
    (addr, stop)
}

/// One sample line: metric name, labels, value.
#[derive(Debug)]
struct Sample {
    name: String,
    labels: BTreeMap<String, String>,
    value: f64,
}

/// Parses the Prometheus text format (the subset the server writes).
fn samples(text: &str) -> Vec<Sample> {
    let mut out = Vec::new();
    for line in text
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
    {
        let (series, value) = line.rsplit_once(' ').expect("a sample has a value");
        let value: f64 = value
            .parse()
            .unwrap_or_else(|_| panic!("bad value: {line}"));
        let (name, labels) = match series.split_once('{') {
            Some((name, rest)) => (name, rest.strip_suffix('}').expect("labels end with }")),
            None => (series, ""),
        };
        let mut map = BTreeMap::new();
        let mut rest = labels;
        while !rest.is_empty() {
            let (key, after) = rest.split_once("=\"").expect("label=\"value\"");
            let mut value = String::new();
            let mut chars = after.char_indices();
            let end = loop {
                match chars.next().expect("a label value ends with a quote") {
                    (_, '\\') => value.push(chars.next().expect("an escape").1),
                    (i, '"') => break i,
                    (_, c) => value.push(c),
                }
            };
            map.insert(key.to_owned(), value);
            rest = after[end + 1..].trim_start_matches(',');
        }
        out.push(Sample {
            name: name.to_owned(),
            labels: map,
            value,
        });
    }
    out
}

/// The value of the sample `name` without labels; panics if absent.
fn gauge(samples: &[Sample], name: &str) -> f64 {
    samples
        .iter()
        .find(|s| s.name == name && s.labels.is_empty())
        .unwrap_or_else(|| panic!("no {name} in the scrape"))
        .value
}

/// The indicators, as scraped.
fn indicators(samples: &[Sample]) -> [(&'static str, f64); 9] {
    [
        "pde_wallets",
        "pde_wallets_used_30d",
        "pde_documents",
        "pde_documents_bytes",
        "pde_shares",
        "pde_shares_opened",
        "pde_shares_ended",
        "pde_workers_verified",
        "pde_organisations",
    ]
    .map(|name| (name, gauge(samples, name)))
}

/// The value of `name` with exactly these route, method and status labels (0 if absent).
fn http(samples: &[Sample], name: &str, route: &str, method: &str, status: u16) -> f64 {
    let status = status.to_string();
    let found: Vec<&Sample> = samples
        .iter()
        .filter(|s| {
            s.name == name
                && s.labels.get("route").map(String::as_str) == Some(route)
                && s.labels.get("method").map(String::as_str) == Some(method)
                && s.labels.get("status") == Some(&status)
        })
        .collect();
    assert!(
        found.len() <= 1,
        "several series for {name} {route}: {found:?}"
    );
    found.first().map_or(0.0, |s| s.value)
}

async fn scrape(addr: SocketAddr) -> (String, Vec<Sample>) {
    let r = request(addr, "GET", "/metrics", None, None).await;
    assert_eq!(r.status, 200, "{}", r.head);
    assert!(
        r.head
            .to_ascii_lowercase()
            .contains("content-type: text/plain; version=0.0.4"),
        "{}",
        r.head
    );
    let text = String::from_utf8(r.body).unwrap();
    let parsed = samples(&text);
    (text, parsed)
}

#[tokio::test]
async fn a_journey_moves_the_counts_by_route_template_and_no_label_names_anyone() {
    let t = TestApp::new().await;
    let served = t.serve().await;
    let (metrics, _stop) = metrics_listener(&t).await;

    let (_, before) = scrape(metrics).await;
    let total = "pde_http_requests_total";
    assert_eq!(http(&before, total, "/api/v1/accounts", "POST", 201), 0.0);
    assert_eq!(gauge(&before, "pde_indicators_up"), 1.0);
    assert!(
        indicators(&before).iter().all(|(_, v)| *v == 0.0),
        "{:?}",
        indicators(&before)
    );

    // The journey, on the public port.
    let holder = t.signup("metrics-holder-pseudonym").await;
    let content = b"age-encryption.org/v1\nciphertext";
    let doc = t.store(&holder.session, content).await;
    assert_eq!(t.list_ids(&holder.session).await, vec![doc.clone()]);
    let org = t.organisation("Metrics Org").await;
    let worker = t
        .verified_worker(&org, "metrics-worker-pseudonym", "Metrics Worker")
        .await;
    let share = t
        .share_with(&holder.session, &worker.id, &[&doc], 3600)
        .await;
    let opened = t
        .get(
            &format!("/api/v1/shared-with-me/{share}"),
            Some(&worker.session),
        )
        .await;
    assert_eq!(opened.status, StatusCode::OK);
    let read = t.worker_reads(&worker.session, &share, &doc).await;
    assert_eq!(read.status, StatusCode::OK);
    let link = t.make_link(&holder.session, &[&doc], 3600, None).await;
    let r = t.link_call(&link, "open", None).await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    let r = t
        .link_call(&link, &format!("documents/{doc}/content"), None)
        .await;
    assert_eq!(
        r.status,
        StatusCode::OK,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    let stray = "no-such-route-4f3c9a";
    let r = t
        .call(Method::GET, &format!("/api/v1/{stray}/{doc}"), None, None)
        .await;
    assert_eq!(r.status, StatusCode::NOT_FOUND);
    // The public port does not serve the metrics.
    let public = request(served.addr, "GET", "/metrics", None, None).await;
    assert!(
        !String::from_utf8_lossy(&public.body).contains(total),
        "the public port answered metrics"
    );

    let (text, after) = scrape(metrics).await;
    for (route, method, status, times) in [
        ("/api/v1/accounts", "POST", 201, 1.0),
        ("/api/v1/documents", "POST", 201, 1.0),
        ("/api/v1/documents/{id}/content", "PUT", 204, 1.0),
        ("/api/v1/documents", "GET", 200, 1.0),
        ("/api/v1/workers", "POST", 201, 1.0),
        ("/api/v1/shares", "POST", 201, 2.0),
        ("/api/v1/shared-with-me/{id}", "GET", 200, 1.0),
        ("/api/v1/links/{id}/open", "POST", 200, 1.0),
        (
            "/api/v1/shared-with-me/{id}/documents/{doc}/content",
            "GET",
            200,
            1.0,
        ),
        (
            "/api/v1/links/{id}/documents/{doc}/content",
            "POST",
            200,
            1.0,
        ),
        (pde_server::metrics::UNMATCHED_ROUTE, "GET", 404, 1.0),
    ] {
        let moved = http(&after, total, route, method, status)
            - http(&before, total, route, method, status);
        assert_eq!(moved, times, "{method} {route} {status}\n{text}");
        let count = "pde_http_request_duration_seconds_count";
        let timed = http(&after, count, route, method, status)
            - http(&before, count, route, method, status);
        assert_eq!(
            timed, times,
            "durations of {method} {route} {status}\n{text}"
        );
    }
    // The indicators: one holder (the worker's account is no wallet), one document of
    // `content.len()` bytes, two shares both opened, one verified worker, one organisation.
    assert_eq!(gauge(&after, "pde_indicators_up"), 1.0);
    assert_eq!(
        indicators(&after),
        [
            ("pde_wallets", 1.0),
            ("pde_wallets_used_30d", 1.0),
            ("pde_documents", 1.0),
            ("pde_documents_bytes", content.len() as f64),
            ("pde_shares", 2.0),
            ("pde_shares_opened", 2.0),
            ("pde_shares_ended", 0.0),
            ("pde_workers_verified", 1.0),
            ("pde_organisations", 1.0),
        ]
    );
    // The first scrape was not on the public router, so it is not counted.
    assert!(!text.contains("route=\"/metrics\""), "{text}");

    // Nothing that identifies anyone or anything appears anywhere in the scrape.
    let secrets = [
        holder.pseudonym.as_str(),
        holder.session.as_str(),
        worker.secrets.pseudonym.as_str(),
        worker.session.as_str(),
        worker.id.as_str(),
        worker.code.as_str(),
        worker.real_name.as_str(),
        org.as_str(),
        doc.as_str(),
        share.as_str(),
        link.id.as_str(),
        stray,
    ];
    for secret in secrets {
        assert!(
            !text.contains(secret),
            "the scrape holds {secret:?}:\n{text}"
        );
    }

    // Revoking the link ends it; 31 days later the worker's share has expired too and the
    // holder, who has not logged in since, no longer counts as a recent user.
    let r = t
        .call(
            Method::POST,
            &format!("/api/v1/shares/{}/revoke", link.id),
            Some(&holder.session),
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    let (_, revoked) = scrape(metrics).await;
    assert_eq!(gauge(&revoked, "pde_shares_ended"), 1.0);
    t.clock.advance(31 * 86_400);
    let (_, later) = scrape(metrics).await;
    assert_eq!(gauge(&later, "pde_shares_ended"), 2.0);
    assert_eq!(gauge(&later, "pde_wallets_used_30d"), 0.0);
    assert_eq!(gauge(&later, "pde_wallets"), 1.0);
    // Every route label is a path template of the API document or one of the fixed labels.
    let api: serde_json::Value =
        serde_json::from_str(pde_server::routes::openapi_document()).unwrap();
    let templates = api["paths"].as_object().unwrap();
    for s in &after {
        if let Some(route) = s.labels.get("route") {
            assert!(
                templates.contains_key(route)
                    || route == pde_server::metrics::UNMATCHED_ROUTE
                    || route == pde_server::metrics::STATIC_ROUTE,
                "route label {route:?} is not a template"
            );
        }
    }
}

#[tokio::test]
async fn the_metrics_listener_serves_only_get_metrics() {
    let t = TestApp::new().await;
    let (metrics, _stop) = metrics_listener(&t).await;
    for (method, path) in [("GET", "/"), ("GET", "/healthz"), ("GET", "/metrics/x")] {
        let r = request(metrics, method, path, None, None).await;
        assert_eq!(r.status, 404, "{method} {path}");
    }
    let r = request(metrics, "POST", "/metrics", None, None).await;
    assert_eq!(r.status, 405);
}

/// The real binary with `--metrics-listen 127.0.0.1:0`: it prints the metrics address after
/// the `listening on` line, and a request on the public port shows up in the next scrape.
#[tokio::test]
async fn the_binary_prints_and_serves_its_metrics_address() {
    use std::io::BufRead;
    let dir = tempfile::tempdir().unwrap();
    let mut server = RunningServer::start(
        &[
            "--metrics-listen",
            "127.0.0.1:0",
            "--data-dir",
            dir.path().to_str().unwrap(),
        ],
        None,
    );
    let public = server.addr;
    let mut second = String::new();
    server.stdout.read_line(&mut second).unwrap();
    let second = second.trim_end();
    let metrics: SocketAddr = second
        .strip_prefix("metrics on http://")
        .and_then(|s| s.strip_suffix("/metrics"))
        .unwrap_or_else(|| panic!("second line {second:?}"))
        .parse()
        .unwrap();
    assert_ne!(public.port(), metrics.port());
    let (_, before) = scrape(metrics).await;
    let healthz = "/healthz";
    let r = request(public, "GET", healthz, None, None).await;
    assert_eq!(r.status, 200);
    let (_, after) = scrape(metrics).await;
    let total = "pde_http_requests_total";
    assert_eq!(
        http(&after, total, healthz, "GET", 200) - http(&before, total, healthz, "GET", 200),
        1.0
    );
}

/// A metrics address that cannot be bound stops the start with a line naming the option.
#[test]
fn a_taken_metrics_address_fails_the_start_and_says_so() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let at = taken.local_addr().unwrap().to_string();
    let dir = tempfile::tempdir().unwrap();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_pde-server"))
        .args(["serve", "--listen", "127.0.0.1:0", "--metrics-listen", &at])
        .arg("--data-dir")
        .arg(dir.path())
        .args(["--web-dir", "does-not-exist"])
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("--metrics-listen") && stderr.contains(&at),
        "{stderr}"
    );
    assert!(!String::from_utf8_lossy(&out.stdout).contains("listening on"));
}
