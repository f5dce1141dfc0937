//! The web app: the files compiled into the binary (feature `embedded-web`) unless
//! `--web-dir` names a directory of built files; `index.html` for every other path; a plain
//! page when there is no web app at all.
//!
//! Files are sent in the smallest form the browser accepts (Brotli or gzip, precompressed by
//! the web build). Hashed assets (`/assets/…`) are cached for a year as immutable; everything
//! else, `index.html` first, is revalidated on every visit (`no-cache`).

pub mod embedded;

use std::path::PathBuf;

use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode, header};
use axum::response::{Html, IntoResponse, Response};
use tower_http::services::{ServeDir, ServeFile};

use crate::error::AppError;
use crate::layers::is_api;
use crate::state::AppState;

const NOT_INSTALLED: &str = "<!doctype html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\
<title>PDE</title></head><body><h1>PDE</h1><p>The server is running, but the web app is not \
installed: build it, or point <code>--web-dir</code> at the built files.</p></body></html>\n";

/// Where Vite puts the files whose names carry a content hash.
const HASHED_PREFIX: &str = "/assets/";
const IMMUTABLE: HeaderValue = HeaderValue::from_static("public, max-age=31536000, immutable");
const NO_CACHE: HeaderValue = HeaderValue::from_static("no-cache");

/// The web directory used when the binary embeds no app and `--web-dir` is not given.
pub const DEFAULT_WEB_DIR: &str = "client-wasm/web/dist";

/// Where the web app comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WebSource {
    /// The files compiled into this binary.
    Embedded,
    /// A directory of built files.
    Dir(PathBuf),
}

impl WebSource {
    /// `--web-dir` when given, else the embedded app when this binary has one, else
    /// [`DEFAULT_WEB_DIR`].
    pub fn choose(web_dir: Option<&PathBuf>) -> Self {
        match web_dir {
            Some(dir) => Self::Dir(dir.clone()),
            None if embedded::present() => Self::Embedded,
            None => Self::Dir(PathBuf::from(DEFAULT_WEB_DIR)),
        }
    }
}

/// Everything no route matched: `404 not_found` under `/api/` and for non-GET methods,
/// otherwise the web app.
pub async fn fallback(State(state): State<AppState>, req: Request) -> Response {
    if is_api(req.uri().path()) || !matches!(*req.method(), Method::GET | Method::HEAD) {
        return AppError::NotFound.into_response();
    }
    let path = req.uri().path().to_owned();
    let mut response = match WebSource::choose(state.config.web_dir.as_ref()) {
        WebSource::Embedded => serve_embedded(&path, req.method(), req.headers()),
        WebSource::Dir(dir) => serve_dir(dir, req).await,
    };
    if response.status().is_success() {
        let cache = if path.starts_with(HASHED_PREFIX) && response_is_the_file(&response) {
            IMMUTABLE
        } else {
            NO_CACHE
        };
        response.headers_mut().insert(header::CACHE_CONTROL, cache);
    }
    response
}

/// Whether a response to an `/assets/…` path is that asset (not `index.html` served for a
/// missing one, which must not be cached for a year).
fn response_is_the_file(response: &Response) -> bool {
    response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| !v.starts_with("text/html"))
}

async fn serve_dir(dir: PathBuf, req: Request) -> Response {
    let index = dir.join("index.html");
    if !tokio::fs::try_exists(&index).await.unwrap_or(false) {
        return (StatusCode::SERVICE_UNAVAILABLE, Html(NOT_INSTALLED)).into_response();
    }
    let mut serve = ServeDir::new(&dir)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(
            ServeFile::new(index)
                .precompressed_br()
                .precompressed_gzip(),
        );
    match serve.try_call(req).await {
        Ok(response) => response.map(Body::new),
        Err(e) => AppError::internal(format!("serving a static file: {e}")).into_response(),
    }
}

fn serve_embedded(path: &str, method: &Method, headers: &HeaderMap) -> Response {
    let Some(file) = embedded::find(path).or_else(|| embedded::find("/index.html")) else {
        return (StatusCode::SERVICE_UNAVAILABLE, Html(NOT_INSTALLED)).into_response();
    };
    let accepted = AcceptedEncodings::of(headers);
    let (bytes, encoding) = match (file.br, file.gzip) {
        (Some(br), _) if accepted.br => (br, Some("br")),
        (_, Some(gzip)) if accepted.gzip => (gzip, Some("gzip")),
        _ => (file.raw, None),
    };
    let mut response = Response::builder()
        .header(header::CONTENT_TYPE, file.mime)
        .header(header::CONTENT_LENGTH, bytes.len());
    if let Some(encoding) = encoding {
        response = response.header(header::CONTENT_ENCODING, encoding);
    }
    if file.br.is_some() || file.gzip.is_some() {
        response = response.header(header::VARY, "accept-encoding");
    }
    let body = if method == Method::HEAD {
        Body::empty()
    } else {
        Body::from(bytes)
    };
    response
        .body(body)
        .unwrap_or_else(|e| AppError::internal(e).into_response())
}

/// The content codings of an `Accept-Encoding` header that we can send (a `q=0` refuses one).
#[derive(Debug, Default, PartialEq, Eq)]
struct AcceptedEncodings {
    br: bool,
    gzip: bool,
}

impl AcceptedEncodings {
    fn of(headers: &HeaderMap) -> Self {
        let mut accepted = Self::default();
        for value in headers.get_all(header::ACCEPT_ENCODING) {
            let Ok(value) = value.to_str() else { continue };
            for item in value.split(',') {
                let mut parts = item.split(';');
                let coding = parts.next().unwrap_or("").trim().to_ascii_lowercase();
                let refused = parts.any(|p| {
                    p.trim()
                        .strip_prefix("q=")
                        .and_then(|q| q.trim().parse::<f32>().ok())
                        .is_some_and(|q| q <= 0.0)
                });
                if refused {
                    continue;
                }
                match coding.as_str() {
                    "br" => accepted.br = true,
                    "gzip" | "x-gzip" => accepted.gzip = true,
                    "*" => {
                        accepted.br = true;
                        accepted.gzip = true;
                    }
                    _ => {}
                }
            }
        }
        accepted
    }
}

/// Answers `405`-worthy requests on API routes the same as unknown paths.
pub async fn method_not_allowed() -> Response {
    let mut response = AppError::NotFound.into_response();
    response.headers_mut().remove(header::ALLOW);
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accept(value: &str) -> AcceptedEncodings {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(value).unwrap(),
        );
        AcceptedEncodings::of(&headers)
    }

    #[test]
    fn reads_accept_encoding_with_weights() {
        assert_eq!(
            accept("gzip, deflate, br, zstd"),
            AcceptedEncodings {
                br: true,
                gzip: true
            }
        );
        assert_eq!(
            accept("gzip;q=1.0, br;q=0"),
            AcceptedEncodings {
                br: false,
                gzip: true
            }
        );
        assert_eq!(accept("identity"), AcceptedEncodings::default());
        assert_eq!(
            accept("*;q=0.5"),
            AcceptedEncodings {
                br: true,
                gzip: true
            }
        );
        assert_eq!(
            AcceptedEncodings::of(&HeaderMap::new()),
            AcceptedEncodings::default()
        );
    }

    #[test]
    fn web_dir_wins_over_the_embedded_app() {
        let dir = PathBuf::from("somewhere");
        assert_eq!(WebSource::choose(Some(&dir)), WebSource::Dir(dir));
        let expected = if embedded::present() {
            WebSource::Embedded
        } else {
            WebSource::Dir(PathBuf::from(DEFAULT_WEB_DIR))
        };
        assert_eq!(WebSource::choose(None), expected);
    }
}
