//! The web app: static files of `web_dir`, `index.html` for unknown paths, and a plain page
//! when the web app is not installed.

use axum::extract::{Request, State};
use axum::http::{Method, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use tower_http::services::{ServeDir, ServeFile};

use crate::error::AppError;
use crate::layers::is_api;
use crate::state::AppState;

const NOT_INSTALLED: &str = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
<title>PDE</title></head><body><h1>PDE</h1><p>The server is running, but the web app is not \
installed: build it, or point <code>--web-dir</code> at the built files.</p></body></html>\n";

/// Everything no route matched: `404 not_found` under `/api/` and for non-GET methods,
/// otherwise the web app.
pub async fn fallback(State(state): State<AppState>, req: Request) -> Response {
    if is_api(req.uri().path()) || !matches!(*req.method(), Method::GET | Method::HEAD) {
        return AppError::NotFound.into_response();
    }
    let dir = &state.config.web_dir;
    let index = dir.join("index.html");
    if !tokio::fs::try_exists(&index).await.unwrap_or(false) {
        return (StatusCode::SERVICE_UNAVAILABLE, Html(NOT_INSTALLED)).into_response();
    }
    let mut serve = ServeDir::new(dir).fallback(ServeFile::new(index));
    match serve.try_call(req).await {
        Ok(response) => response.map(axum::body::Body::new),
        Err(e) => AppError::internal(format!("serving a static file: {e}")).into_response(),
    }
}

/// Answers `405`-worthy requests on API routes the same as unknown paths.
pub async fn method_not_allowed() -> Response {
    let mut response = AppError::NotFound.into_response();
    response.headers_mut().remove(header::ALLOW);
    response
}
