//! Rules that hold for every route: security headers, unknown paths, the web app, health,
//! and the OpenAPI document listing every route.

use crate::common::*;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use pde_server::layers::CSP;

const EXPECTED_CSP: &str = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' blob: data:; media-src 'self' blob:; object-src 'self' blob:; frame-src 'self' blob:; worker-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// Every route of docs/api.md, with a concrete path.
const ROUTES: &[(&str, &str)] = &[
    ("GET", "/healthz"),
    ("GET", "/api/openapi.json"),
    ("POST", "/api/v1/auth/params"),
    ("POST", "/api/v1/accounts"),
    ("POST", "/api/v1/auth/login"),
    ("POST", "/api/v1/auth/logout"),
    ("GET", "/api/v1/account"),
    ("PUT", "/api/v1/account/passphrase"),
    ("DELETE", "/api/v1/account"),
    ("POST", "/api/v1/documents"),
    ("PUT", "/api/v1/documents/{id}/content"),
    ("GET", "/api/v1/documents"),
    ("GET", "/api/v1/documents/{id}/content"),
    ("PUT", "/api/v1/documents/{id}/metadata"),
    ("DELETE", "/api/v1/documents/{id}"),
    ("POST", "/api/v1/documents/hide"),
    // Limited view (docs/api.md)
    ("PUT", "/api/v1/documents/{id}/envelope"),
    ("GET", "/api/v1/account/limited-view"),
    ("PUT", "/api/v1/account/limited-view"),
    ("DELETE", "/api/v1/account/limited-view"),
    ("PUT", "/api/v1/account/limited-view/documents/{id}"),
    ("DELETE", "/api/v1/account/limited-view/documents/{id}"),
    // docs/sharing.md
    ("POST", "/api/v1/invitations/lookup"),
    ("POST", "/api/v1/workers"),
    ("GET", "/api/v1/workers/{code}"),
    ("POST", "/api/v1/shares"),
    ("GET", "/api/v1/shares"),
    ("POST", "/api/v1/shares/{id}/revoke"),
    ("GET", "/api/v1/shared-with-me"),
    ("GET", "/api/v1/shared-with-me/{id}"),
    ("GET", "/api/v1/shared-with-me/{id}/documents/{doc}/content"),
    (
        "POST",
        "/api/v1/shared-with-me/{id}/documents/{doc}/download",
    ),
    ("POST", "/api/v1/links/{id}/open"),
    ("POST", "/api/v1/links/{id}/documents/{doc}/content"),
    ("POST", "/api/v1/links/{id}/documents/{doc}/download"),
    // Passkeys and the Settings routes (docs/api.md)
    ("POST", "/api/v1/auth/passkey/start"),
    ("POST", "/api/v1/auth/passkey/finish"),
    ("GET", "/api/v1/account/passkeys"),
    ("POST", "/api/v1/account/passkeys/start"),
    ("POST", "/api/v1/account/passkeys/finish"),
    ("POST", "/api/v1/account/passkeys/confirm"),
    ("PATCH", "/api/v1/account/passkeys/{id}"),
    ("DELETE", "/api/v1/account/passkeys/{id}"),
    ("PUT", "/api/v1/account/recovery"),
    ("GET", "/api/v1/account/sessions"),
    ("DELETE", "/api/v1/account/sessions/{id}"),
    ("POST", "/api/v1/account/sessions/end-others"),
    // The wallet record (docs/api.md)
    ("GET", "/api/v1/account/record"),
    ("PUT", "/api/v1/account/record"),
    // Trusted helpers (docs/api.md)
    ("GET", "/api/v1/account/helpers"),
    ("PUT", "/api/v1/account/helpers"),
    ("DELETE", "/api/v1/account/helpers"),
    ("GET", "/api/v1/account/help-requests"),
    ("POST", "/api/v1/account/help-requests/{id}/cancel"),
    ("POST", "/api/v1/help/requests"),
    ("POST", "/api/v1/help/requests/status"),
    ("POST", "/api/v1/help/requests/release"),
    ("POST", "/api/v1/help/requests/complete"),
    ("GET", "/api/v1/worker/help-requests"),
    ("POST", "/api/v1/worker/help-requests/{id}/approve"),
];

/// Routes that need no session: link routes check the link's access key instead, and help
/// request routes the request's token.
fn needs_session(path: &str) -> bool {
    !path.starts_with("/api/v1/links/") && !path.starts_with("/api/v1/help/")
}

#[test]
fn the_csp_is_the_one_of_the_contract() {
    assert_eq!(CSP, EXPECTED_CSP);
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    let t = TestApp::new().await;
    let mut paths: Vec<(&str, String)> =
        ROUTES.iter().map(|(m, p)| (*m, concrete_path(p))).collect();
    paths.push(("GET", "/api/v1/nothing".into()));
    paths.push(("GET", "/".into()));
    paths.push(("GET", "/s/abc".into()));
    for (method, path) in paths {
        let r = send_empty_json(&t, method, &path).await;
        assert_eq!(
            r.headers[header::CONTENT_SECURITY_POLICY],
            EXPECTED_CSP,
            "{method} {path}"
        );
        assert_eq!(
            r.headers[header::REFERRER_POLICY],
            "no-referrer",
            "{method} {path}"
        );
        assert_eq!(
            r.headers[header::X_CONTENT_TYPE_OPTIONS],
            "nosniff",
            "{method} {path}"
        );
        if path.starts_with("/api/") {
            assert_eq!(
                r.headers[header::CACHE_CONTROL],
                "no-store",
                "{method} {path}"
            );
        }
        let policy = r.headers["permissions-policy"].to_str().unwrap();
        assert!(policy.starts_with("camera=(self), "), "{policy}");
        for denied in ["microphone=()", "geolocation=()", "usb=()", "payment=()"] {
            assert!(policy.contains(denied), "{policy}");
        }
        // Passkeys work in the page itself.
        for allowed in [
            "publickey-credentials-get=(self)",
            "publickey-credentials-create=(self)",
        ] {
            assert!(policy.contains(allowed), "{policy}");
        }
        assert_eq!(r.headers["cross-origin-opener-policy"], "same-origin");
        assert_eq!(r.headers["cross-origin-resource-policy"], "same-origin");
        // Plain HTTP on 127.0.0.1: no HSTS.
        assert!(!r.headers.contains_key(header::STRICT_TRANSPORT_SECURITY));
    }
}

#[tokio::test]
async fn an_https_public_url_turns_on_hsts() {
    let t = TestApp::with_config(|c| c.public_url = "https://pde.example".into()).await;
    for path in ["/healthz", "/", "/api/v1/nothing"] {
        let r = send_empty_json(&t, "GET", path).await;
        assert_eq!(
            r.headers[header::STRICT_TRANSPORT_SECURITY],
            "max-age=31536000",
            "{path}"
        );
    }
    // Also on a refusal by the client header check.
    let req = Request::post("/api/v1/auth/login")
        .body(Body::empty())
        .unwrap();
    let r = t.send(req).await;
    r.assert_error(StatusCode::FORBIDDEN, "missing_client_header");
    assert_eq!(r.headers[header::CACHE_CONTROL], "no-store");
    assert_eq!(r.headers[header::CONTENT_SECURITY_POLICY], EXPECTED_CSP);
}

#[tokio::test]
async fn unknown_api_paths_and_methods_are_not_found() {
    let t = TestApp::new().await;
    for (method, path) in [
        ("GET", "/api/v1/nothing"),
        ("GET", "/api/v2/documents"),
        ("GET", "/api"),
        ("POST", "/api/v1/unknown"),
        ("DELETE", "/api/v1/documents"),
        ("GET", "/api/v1/auth/login"),
        ("PATCH", "/api/v1/account"),
        ("GET", "/api/v1/documents/0123456789abcdef0123456789abcdef"),
    ] {
        let r = send_empty_json(&t, method, path).await;
        r.assert_error(StatusCode::NOT_FOUND, "not_found");
    }
}

#[tokio::test]
async fn the_web_app_is_served_with_index_html_for_unknown_paths() {
    let t = TestApp::new().await;
    let web = t.dir.path().join("web");
    std::fs::create_dir_all(web.join("assets")).unwrap();
    std::fs::write(
        web.join("index.html"),
        "<!doctype html><title>PDE app</title>",
    )
    .unwrap();
    std::fs::write(web.join("assets/app.js"), "console.log('pde')").unwrap();

    let r = t.get("/", None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert!(String::from_utf8_lossy(&r.body).contains("PDE app"));
    let r = t.get("/assets/app.js", None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body.as_ref(), b"console.log('pde')");
    assert!(
        r.headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .contains("javascript")
    );
    for path in [
        "/s/0123456789abcdef0123456789abcdef",
        "/wallet/settings",
        "/assets/missing.js",
    ] {
        let r = t.get(path, None).await;
        assert_eq!(r.status, StatusCode::OK, "{path}");
        assert!(
            String::from_utf8_lossy(&r.body).contains("PDE app"),
            "{path}"
        );
    }
    // No escape from the web directory.
    std::fs::write(t.dir.path().join("outside.txt"), "private").unwrap();
    let r = t.get("/../outside.txt", None).await;
    assert!(!String::from_utf8_lossy(&r.body).contains("private"));
    let r = t.get("/%2e%2e/outside.txt", None).await;
    assert!(!String::from_utf8_lossy(&r.body).contains("private"));
}

/// A `GET` of `path` with `Accept-Encoding: accept` (none when empty).
async fn get_encoded(t: &TestApp, path: &str, accept: &str) -> TestResponse {
    let mut req = Request::get(path);
    if !accept.is_empty() {
        req = req.header(header::ACCEPT_ENCODING, accept);
    }
    t.send(req.body(Body::empty()).unwrap()).await
}

#[tokio::test]
async fn static_files_go_compressed_and_hashed_assets_are_cached_for_a_year() {
    let t = TestApp::new().await;
    let web = t.dir.path().join("web");
    std::fs::create_dir_all(web.join("assets")).unwrap();
    std::fs::write(
        web.join("index.html"),
        "<!doctype html><title>PDE app</title>",
    )
    .unwrap();
    std::fs::write(web.join("index.html.br"), "brotli index").unwrap();
    std::fs::write(web.join("assets/app-1a2b3c.js"), "plain script").unwrap();
    std::fs::write(web.join("assets/app-1a2b3c.js.br"), "brotli script").unwrap();
    std::fs::write(web.join("assets/app-1a2b3c.js.gz"), "gzip script").unwrap();

    let cache = |r: &TestResponse| {
        r.headers[header::CACHE_CONTROL]
            .to_str()
            .unwrap()
            .to_owned()
    };
    let encoding = |r: &TestResponse| {
        r.headers
            .get(header::CONTENT_ENCODING)
            .map(|v| v.to_str().unwrap().to_owned())
    };

    // The smallest form the browser accepts.
    let r = get_encoded(&t, "/assets/app-1a2b3c.js", "gzip, deflate, br, zstd").await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.body.as_ref(), b"brotli script");
    assert_eq!(encoding(&r).as_deref(), Some("br"));
    assert!(
        r.headers[header::VARY]
            .to_str()
            .unwrap()
            .to_ascii_lowercase()
            .contains("accept-encoding")
    );
    assert_eq!(cache(&r), "public, max-age=31536000, immutable");
    assert!(
        r.headers[header::CONTENT_TYPE]
            .to_str()
            .unwrap()
            .contains("javascript")
    );
    let r = get_encoded(&t, "/assets/app-1a2b3c.js", "gzip").await;
    assert_eq!(r.body.as_ref(), b"gzip script");
    assert_eq!(encoding(&r).as_deref(), Some("gzip"));
    let r = get_encoded(&t, "/assets/app-1a2b3c.js", "").await;
    assert_eq!(r.body.as_ref(), b"plain script");
    assert_eq!(encoding(&r), None);

    // index.html, and any page path, is revalidated at every visit.
    for path in ["/", "/s/0123456789abcdef0123456789abcdef"] {
        let r = get_encoded(&t, path, "br").await;
        assert_eq!(r.status, StatusCode::OK, "{path}");
        assert_eq!(r.body.as_ref(), b"brotli index", "{path}");
        assert_eq!(cache(&r), "no-cache", "{path}");
    }
    // A missing asset gets index.html, which must not be cached as if it were the asset.
    let r = get_encoded(&t, "/assets/missing-0000.js", "").await;
    assert!(String::from_utf8_lossy(&r.body).contains("PDE app"));
    assert_eq!(cache(&r), "no-cache");
}

#[tokio::test]
async fn a_missing_web_dir_serves_a_plain_message() {
    let t = TestApp::new().await;
    let r = t.get("/", None).await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE);
    assert!(String::from_utf8_lossy(&r.body).contains("web app is not installed"));
    // The API still works.
    assert_eq!(t.get("/healthz", None).await.status, StatusCode::OK);
}

#[tokio::test]
async fn health_reports_the_database_and_blob_store() {
    let t = TestApp::new().await;
    let r = t.get("/healthz", None).await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.json(), serde_json::json!({"status": "ok"}));
    // The blob store goes away.
    std::fs::remove_dir_all(t.blob_dir()).unwrap();
    let r = t.get("/healthz", None).await;
    assert_eq!(r.status, StatusCode::SERVICE_UNAVAILABLE);
}

#[tokio::test]
async fn openapi_lists_every_route_and_every_listed_route_is_served() {
    let t = TestApp::new().await;
    let r = t.get("/api/openapi.json", None).await;
    assert_eq!(r.status, StatusCode::OK);
    let doc = r.json();
    assert!(doc["openapi"].as_str().unwrap().starts_with("3.1"));
    let paths = doc["paths"].as_object().unwrap();

    let mut documented = Vec::new();
    for (path, item) in paths {
        for method in item.as_object().unwrap().keys() {
            if ["get", "put", "post", "delete", "patch"].contains(&method.as_str()) {
                documented.push((method.to_uppercase(), path.clone()));
            }
        }
    }
    let mut contract: Vec<(String, String)> = ROUTES
        .iter()
        .map(|(m, p)| (m.to_string(), p.to_string()))
        .collect();
    documented.sort();
    contract.sort();
    assert_eq!(
        documented, contract,
        "the OpenAPI paths are the contract's routes"
    );

    // Each documented operation reaches a handler, not the not-found fallback.
    for (method, path) in &documented {
        let r = send_empty_json(&t, method, &concrete_path(path)).await;
        let fallback = r.status == StatusCode::NOT_FOUND
            && r.json()["error"]["code"] == "not_found"
            && !path.contains('{');
        assert!(!fallback, "{method} {path} is documented but not routed");
        if path.contains('{') {
            if needs_session(path) {
                // Routed handlers check the session first.
                assert_eq!(r.status, StatusCode::UNAUTHORIZED, "{method} {path}");
            } else {
                // Link handlers check the body first: `{}` has no access key.
                r.assert_error(StatusCode::BAD_REQUEST, "invalid_field");
            }
        }
    }
}

#[tokio::test]
async fn a_method_a_route_does_not_have_is_not_found() {
    let t = TestApp::new().await;
    let r = t.call(Method::POST, "/api/openapi.json", None, None).await;
    r.assert_error(StatusCode::NOT_FOUND, "not_found");
}
