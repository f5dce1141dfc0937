//! Prometheus metrics, served on their own listener (`--metrics-listen`), never on the public
//! port: HTTP requests and their durations by route template, method and status, and the
//! service's indicators, asked of an [`IndicatorSource`] at each scrape.
//!
//! Built on `prometheus-client`, the Prometheus project's own Rust client: it keeps metrics
//! in a registry owned by the app (no process-global recorder, so tests can run several apps
//! in one process), and it brings two small crates and no HTTP stack of its own, where
//! `metrics-exporter-prometheus` would bring its own server and a second hyper setup.
//!
//! No label ever holds an id, a pseudonym, a share id or a code: the route label is the
//! route's template (`/api/v1/documents/{id}/content`), never the concrete path; requests no
//! route matched share one label; unusual methods share one label.

use std::future::Future;
use std::sync::Arc;
use std::time::Instant;

use axum::Router;
use axum::extract::{MatchedPath, Request, State};
use axum::http::{Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use prometheus_client::encoding::EncodeLabelSet;
use prometheus_client::encoding::prometheus_text;
use prometheus_client::metrics::counter::Counter;
use prometheus_client::metrics::family::Family;
use prometheus_client::metrics::gauge::Gauge;
use prometheus_client::metrics::histogram::Histogram;
use prometheus_client::registry::Registry;

use crate::clock::Clock;
pub use crate::indicators::Indicators;
use crate::layers::is_api;
use crate::state::AppState;
use crate::storage::{Storage, StorageError};

/// The prefix of every metric name.
pub const PREFIX: &str = "pde";
/// The route label of an API request no route matched.
pub const UNMATCHED_ROUTE: &str = "(unmatched)";
/// The route label of a request for the web app's files (everything outside `/api/`).
pub const STATIC_ROUTE: &str = "(static)";
/// The method label of a method other than the usual ones.
pub const OTHER_METHOD: &str = "OTHER";
/// Upper bounds of the request duration histogram, in seconds: from a cached answer to a
/// 50 MB upload on a slow line.
const DURATION_BUCKETS: [f64; 14] = [
    0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 10.0, 30.0, 120.0,
];

/// The labels of the HTTP metrics.
#[derive(Clone, Debug, Hash, PartialEq, Eq, EncodeLabelSet)]
struct HttpLabels {
    route: String,
    method: &'static str,
    status: u16,
}

/// The HTTP metrics of one app.
#[derive(Debug)]
pub struct Metrics {
    registry: Registry,
    requests: Family<HttpLabels, Counter>,
    durations: Family<HttpLabels, Histogram, fn() -> Histogram>,
    orphan_blobs_removed: Counter,
}

fn duration_histogram() -> Histogram {
    Histogram::new(DURATION_BUCKETS)
}

impl Default for Metrics {
    fn default() -> Self {
        Self::new()
    }
}

impl Metrics {
    /// Empty metrics, registered under [`PREFIX`].
    pub fn new() -> Self {
        let mut registry = Registry::with_prefix(PREFIX);
        let requests = Family::<HttpLabels, Counter>::default();
        let durations: Family<HttpLabels, Histogram, fn() -> Histogram> =
            Family::new_with_constructor(duration_histogram);
        registry.register(
            "http_requests",
            "HTTP requests answered, by route template, method and status",
            requests.clone(),
        );
        registry.register(
            "http_request_duration_seconds",
            "Seconds from a request's arrival until its response head was ready (a streamed \
             body may take longer), by route template, method and status",
            durations.clone(),
        );
        let orphan_blobs_removed = Counter::default();
        registry.register(
            "sweep_orphan_blobs_removed",
            "Blobs the sweeps of this process deleted because no document row named them",
            orphan_blobs_removed.clone(),
        );
        Self {
            registry,
            requests,
            durations,
            orphan_blobs_removed,
        }
    }

    /// Counts blobs a sweep deleted as orphans.
    pub fn count_orphan_blobs_removed(&self, n: u64) {
        self.orphan_blobs_removed.inc_by(n);
    }

    /// Counts one answered request.
    fn observe(&self, labels: HttpLabels, seconds: f64) {
        self.durations.get_or_create(&labels).observe(seconds);
        self.requests.get_or_create(&labels).inc();
    }

    /// The scrape: the HTTP metrics, then the indicators of `source` if there is one.
    pub async fn render(&self, source: Option<&dyn IndicatorSource>) -> String {
        let mut out = String::new();
        prometheus_text::encode(&mut out, &self.registry)
            .expect("writing to a String does not fail");
        if let Some(source) = source {
            let up = Gauge::<i64>::default();
            let mut registry = Registry::with_prefix(PREFIX);
            match source.indicators().await {
                Ok(indicators) => {
                    register(&indicators, &mut registry);
                    up.set(1);
                }
                Err(e) => tracing::warn!(error = %e, "reading the indicators failed"),
            }
            registry.register(
                "indicators_up",
                "1 if the indicators below were read from the database at this scrape, else 0",
                up,
            );
            prometheus_text::encode(&mut out, &registry)
                .expect("writing to a String does not fail");
        }
        out
    }
}

/// One gauge per indicator, named `pde_<indicator>`.
fn register(indicators: &Indicators, registry: &mut Registry) {
    for (name, help, value) in indicators.rows() {
        let gauge = Gauge::<i64>::default();
        gauge.set(i64::try_from(value).unwrap_or(i64::MAX));
        registry.register(name, help, gauge);
    }
}

/// Where the indicators come from at scrape time.
#[async_trait::async_trait]
pub trait IndicatorSource: Send + Sync {
    /// The indicators now.
    async fn indicators(&self) -> Result<Indicators, StorageError>;
}

/// The indicators of a storage, counted at its clock's time.
pub struct StorageIndicators {
    /// The database.
    pub storage: Arc<dyn Storage>,
    /// What "now" is (the last 30 days end there).
    pub clock: Arc<dyn Clock>,
}

#[async_trait::async_trait]
impl IndicatorSource for StorageIndicators {
    async fn indicators(&self) -> Result<Indicators, StorageError> {
        self.storage.indicators(self.clock.now()).await
    }
}

/// The method label: the method for the usual ones, [`OTHER_METHOD`] else (a client can send
/// any token as a method; it must not make a new series).
fn method_label(method: &Method) -> &'static str {
    match *method {
        Method::GET => "GET",
        Method::HEAD => "HEAD",
        Method::POST => "POST",
        Method::PUT => "PUT",
        Method::PATCH => "PATCH",
        Method::DELETE => "DELETE",
        Method::OPTIONS => "OPTIONS",
        _ => OTHER_METHOD,
    }
}

/// Middleware over every route: counts each request and its duration by route template.
pub async fn record(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let route = match req.extensions().get::<MatchedPath>() {
        Some(m) => m.as_str().to_owned(),
        None if is_api(req.uri().path()) => UNMATCHED_ROUTE.to_owned(),
        None => STATIC_ROUTE.to_owned(),
    };
    let method = method_label(req.method());
    let started = Instant::now();
    let response = next.run(req).await;
    let labels = HttpLabels {
        route,
        method,
        status: response.status().as_u16(),
    };
    state
        .metrics
        .observe(labels, started.elapsed().as_secs_f64());
    response
}

#[derive(Clone)]
struct Scrape {
    metrics: Arc<Metrics>,
    source: Option<Arc<dyn IndicatorSource>>,
}

async fn scrape(State(s): State<Scrape>) -> Response {
    let body = s.metrics.render(s.source.as_deref()).await;
    (
        StatusCode::OK,
        [(header::CONTENT_TYPE, prometheus_text::CONTENT_TYPE)],
        body,
    )
        .into_response()
}

/// The metrics listener's router: `GET /metrics`, nothing else.
pub fn router(metrics: Arc<Metrics>, source: Option<Arc<dyn IndicatorSource>>) -> Router {
    Router::new()
        .route("/metrics", get(scrape))
        .with_state(Scrape { metrics, source })
}

/// Serves `state`'s metrics on `listener` until `shutdown` completes.
pub async fn serve(
    state: &AppState,
    listener: tokio::net::TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let source = StorageIndicators {
        storage: state.storage.clone(),
        clock: state.clock.clone(),
    };
    let router = router(state.metrics.clone(), Some(Arc::new(source)));
    axum::serve(listener, router)
        .with_graceful_shutdown(shutdown)
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    struct Fixed(Indicators);

    #[async_trait::async_trait]
    impl IndicatorSource for Fixed {
        async fn indicators(&self) -> Result<Indicators, StorageError> {
            Ok(self.0.clone())
        }
    }

    #[tokio::test]
    async fn indicators_are_gauges_with_the_prefix() {
        let m = Metrics::new();
        let text = m
            .render(Some(&Fixed(Indicators {
                wallets: 3,
                documents_bytes: 1234,
                organisations: 2,
                ..Indicators::default()
            })))
            .await;
        assert!(
            text.contains("# TYPE pde_wallets gauge\npde_wallets 3\n"),
            "{text}"
        );
        assert!(text.contains("\npde_documents_bytes 1234\n"), "{text}");
        assert!(text.contains("\npde_organisations 2\n"), "{text}");
        assert!(text.contains("\npde_indicators_up 1\n"), "{text}");
        // Without a source there are no indicator lines at all (no invented zeros).
        let text = m.render(None).await;
        assert!(!text.contains("pde_wallets"), "{text}");
    }

    #[tokio::test]
    async fn requests_count_by_labels() {
        let m = Metrics::new();
        let labels = HttpLabels {
            route: "/api/v1/documents".into(),
            method: "GET",
            status: 200,
        };
        m.observe(labels.clone(), 0.003);
        m.observe(labels, 0.2);
        let text = m.render(None).await;
        assert!(
            text.contains(
                "pde_http_requests_total{route=\"/api/v1/documents\",method=\"GET\",status=\"200\"} 2\n"
            ),
            "{text}"
        );
        assert!(
            text.contains("pde_http_request_duration_seconds_count{route=\"/api/v1/documents\",method=\"GET\",status=\"200\"} 2\n"),
            "{text}"
        );
        assert!(
            text.contains("pde_http_request_duration_seconds_bucket{le=\"0.005\",route=\"/api/v1/documents\",method=\"GET\",status=\"200\"} 1\n")
                || text.contains("pde_http_request_duration_seconds_bucket{route=\"/api/v1/documents\",method=\"GET\",status=\"200\",le=\"0.005\"} 1\n"),
            "{text}"
        );
    }

    #[test]
    fn unusual_methods_share_a_label() {
        assert_eq!(method_label(&Method::GET), "GET");
        let odd = Method::from_bytes(b"FROBNICATE-12345").unwrap();
        assert_eq!(method_label(&odd), OTHER_METHOD);
    }
}
