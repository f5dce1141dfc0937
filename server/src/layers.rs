//! Middleware stacked once over every route: security headers, the client header check on
//! mutating requests, and an access log without ids, query strings, cookies or addresses.

use std::time::{Duration, Instant};

use axum::extract::{MatchedPath, Request, State};
use axum::http::{HeaderName, HeaderValue, Method, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

use tower_http::timeout::TimeoutBody;

use crate::error::AppError;
use crate::state::AppState;

/// The Content-Security-Policy of every response.
pub const CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; \
style-src 'self'; img-src 'self' blob: data:; media-src 'self' blob:; object-src 'self' blob:; \
frame-src 'self' blob:; worker-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; \
frame-ancestors 'none'";

/// Name of the header every mutating request must carry with the value `1`.
pub const CLIENT_HEADER: &str = "x-pde-client";

/// The Permissions-Policy of every response: the camera for the page itself (photographing
/// papers, scanning QR codes) and passkeys (WebAuthn `get` and `create`) for the page itself,
/// every other powerful feature off.
pub const PERMISSIONS_POLICY: &str = "camera=(self), microphone=(), geolocation=(), \
display-capture=(), usb=(), serial=(), hid=(), bluetooth=(), midi=(), payment=(), \
accelerometer=(), gyroscope=(), magnetometer=(), ambient-light-sensor=(), \
screen-wake-lock=(), xr-spatial-tracking=(), publickey-credentials-get=(self), publickey-credentials-create=(self), \
browsing-topics=(), interest-cohort=()";

/// `Strict-Transport-Security` sent when the public URL is `https://`: one year.
pub const HSTS: &str = "max-age=31536000";

/// Adds the security headers (HSTS when the public URL is `https://`), and
/// `Cache-Control: no-store` under `/api/`.
pub async fn security_headers(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let api = is_api(req.uri().path());
    let mut response = next.run(req).await;
    let headers = response.headers_mut();
    if state.config.https() {
        headers.insert(
            header::STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static(HSTS),
        );
    }
    headers.insert(
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static(PERMISSIONS_POLICY),
    );
    headers.insert(
        HeaderName::from_static("cross-origin-opener-policy"),
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(
        HeaderName::from_static("cross-origin-resource-policy"),
        HeaderValue::from_static("same-origin"),
    );
    headers.insert(
        header::CONTENT_SECURITY_POLICY,
        HeaderValue::from_static(CSP),
    );
    headers.insert(
        header::REFERRER_POLICY,
        HeaderValue::from_static("no-referrer"),
    );
    headers.insert(
        header::X_CONTENT_TYPE_OPTIONS,
        HeaderValue::from_static("nosniff"),
    );
    if api {
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    }
    response
}

/// The longest request target accepted, in bytes.
pub const MAX_URI_BYTES: usize = 8192;
/// The largest request head accepted: bytes of all header names and values.
pub const MAX_HEADER_BYTES: usize = 16 * 1024;
/// The most header fields accepted.
pub const MAX_HEADERS: usize = 64;

/// Refuses a request target over [`MAX_URI_BYTES`] (`414 uri_too_long`) and headers over
/// [`MAX_HEADER_BYTES`] or [`MAX_HEADERS`] (`431 headers_too_large`), with a JSON body. The
/// HTTP parser's own limits are set above these, so these are the ones clients meet.
pub async fn transport_limits(req: Request, next: Next) -> Response {
    let uri_len = req.uri().path_and_query().map_or(0, |p| p.as_str().len());
    if uri_len > MAX_URI_BYTES {
        return AppError::UriTooLong.into_response();
    }
    let headers = req.headers();
    let header_bytes: usize = headers
        .iter()
        .map(|(name, value)| name.as_str().len() + value.len())
        .sum();
    if headers.len() > MAX_HEADERS || header_bytes > MAX_HEADER_BYTES {
        return AppError::HeadersTooLarge.into_response();
    }
    next.run(req).await
}

/// Makes the request body fail when it sends nothing for the body idle timeout.
pub async fn body_idle_timeout(
    State(state): State<AppState>,
    req: Request,
    next: Next,
) -> Response {
    let idle = Duration::from_secs(state.config.body_idle_timeout_secs.max(1));
    let req = req.map(|body| axum::body::Body::new(TimeoutBody::new(idle, body)));
    next.run(req).await
}

/// Answers `408 request_timeout` when a request is not answered within the request timeout,
/// reading its body included. Document uploads are exempt (50 MB on a slow line take long);
/// the body idle timeout still holds them.
pub async fn request_timeout(State(state): State<AppState>, req: Request, next: Next) -> Response {
    let upload = req.method() == Method::PUT && req.uri().path().ends_with("/content");
    if upload {
        return next.run(req).await;
    }
    let limit = Duration::from_secs(state.config.request_timeout_secs.max(1));
    match tokio::time::timeout(limit, next.run(req)).await {
        Ok(response) => response,
        Err(_) => AppError::RequestTimeout.into_response(),
    }
}

/// The longest path segment accepted, in bytes (as encoded in the request): no id is that
/// long, and file systems refuse longer file names.
pub const MAX_PATH_SEGMENT_BYTES: usize = 255;

/// Refuses a path with a segment over [`MAX_PATH_SEGMENT_BYTES`] with `400 bad_request`
/// before any route or static file lookup sees it.
pub async fn limit_path_segments(req: Request, next: Next) -> Response {
    if req
        .uri()
        .path()
        .split('/')
        .any(|segment| segment.len() > MAX_PATH_SEGMENT_BYTES)
    {
        return AppError::BadRequest(format!(
            "a path segment is longer than {MAX_PATH_SEGMENT_BYTES} bytes"
        ))
        .into_response();
    }
    next.run(req).await
}

/// Refuses `POST`, `PUT`, `PATCH` and `DELETE` without `X-PDE-Client: 1`.
pub async fn require_client_header(req: Request, next: Next) -> Response {
    let mutating = matches!(
        *req.method(),
        Method::POST | Method::PUT | Method::PATCH | Method::DELETE
    );
    if mutating && req.headers().get(CLIENT_HEADER).map(HeaderValue::as_bytes) != Some(b"1") {
        return AppError::MissingClientHeader.into_response();
    }
    next.run(req).await
}

/// Logs method, route template, status and duration; never the concrete path.
pub async fn access_log(req: Request, next: Next) -> Response {
    let method = req.method().clone();
    let route = match req.extensions().get::<MatchedPath>() {
        Some(m) => m.as_str().to_owned(),
        None if is_api(req.uri().path()) => "(unknown api path)".to_owned(),
        None => "(static)".to_owned(),
    };
    let started = Instant::now();
    let response = next.run(req).await;
    tracing::info!(
        %method,
        route,
        status = response.status().as_u16(),
        ms = started.elapsed().as_millis() as u64,
        "request"
    );
    response
}

/// Whether `path` is under the API prefix.
pub fn is_api(path: &str) -> bool {
    path == "/api" || path.starts_with("/api/")
}
