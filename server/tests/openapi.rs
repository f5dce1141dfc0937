//! The OpenAPI document is the whole contract: the router serves exactly the operations it
//! lists, each with its parameters, security and every answer, and the error codes in it are
//! the server's error type.

use std::collections::BTreeSet;

use crate::common::*;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use pde_server::error::ErrorCode;
use serde_json::Value;
use strum::IntoEnumIterator;

/// The methods the API could use (HEAD is answered with every GET).
const METHODS: &[&str] = &["GET", "PUT", "POST", "DELETE", "PATCH"];

fn document() -> Value {
    serde_json::from_str(pde_server::routes::openapi_document()).unwrap()
}

/// Every `(method, path)` the document lists.
fn documented(doc: &Value) -> BTreeSet<(String, String)> {
    let mut out = BTreeSet::new();
    for (path, item) in doc["paths"].as_object().unwrap() {
        for method in item.as_object().unwrap().keys() {
            let method = method.to_uppercase();
            if METHODS.contains(&method.as_str()) {
                out.insert((method, path.clone()));
            }
        }
    }
    out
}

/// The path templates the router holds. axum has no public way to list them; its `Debug`
/// output names them (`paths: {RouteId(0): "/healthz", …}`).
fn router_paths() -> BTreeSet<String> {
    let debug = format!("{:?}", pde_server::routes::router());
    let marker = "node: Node { paths: {";
    let start = debug
        .find(marker)
        .expect("axum's Debug output lists the paths")
        + marker.len();
    let end = start + debug[start..].find("} }").unwrap();
    // `RouteId(0): "/healthz", RouteId(1): "/api/v1/workers/{code}", …`: the quoted parts.
    let paths: BTreeSet<String> = debug[start..end]
        .split('"')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect();
    assert!(paths.len() > 10, "no paths read from {debug}");
    paths
}

/// A request the router has no handler for answers like an unknown path.
fn unrouted(r: &TestResponse) -> bool {
    r.status == StatusCode::NOT_FOUND && r.json()["error"]["code"] == "not_found"
}

#[tokio::test]
async fn the_router_serves_exactly_the_documented_operations() {
    let t = TestApp::new().await;
    let doc = document();
    let paths: BTreeSet<String> = doc["paths"].as_object().unwrap().keys().cloned().collect();
    assert_eq!(
        router_paths(),
        paths,
        "the router's paths are the document's"
    );

    // Every method on every path: served if and only if documented. No concrete id exists and
    // no session is sent, so a served request never reaches a "not found" of its own.
    let mut served = BTreeSet::new();
    for path in &paths {
        for method in METHODS {
            let r = send_empty_json(&t, method, &concrete_path(path)).await;
            if !unrouted(&r) {
                served.insert((method.to_string(), path.clone()));
            }
        }
    }
    assert_eq!(
        served,
        documented(&doc),
        "served operations = documented ones"
    );
}

#[tokio::test]
async fn every_operation_documents_its_parameters_security_and_answers() {
    let t = TestApp::new().await;
    let doc = document();
    let codes: BTreeSet<&str> = ErrorCode::iter().map(ErrorCode::as_str).collect();
    for (method, path) in documented(&doc) {
        let op = &doc["paths"][&path][method.to_lowercase()];
        let what = format!("{method} {path}");

        // Path parameters.
        let in_path: BTreeSet<&str> = path
            .split('/')
            .filter_map(|s| s.strip_prefix('{')?.strip_suffix('}'))
            .collect();
        let params: BTreeSet<&str> = op["parameters"]
            .as_array()
            .map(|ps| {
                ps.iter()
                    .filter(|p| p["in"] == "path" && p["required"] == true)
                    .map(|p| p["name"].as_str().unwrap())
                    .collect()
            })
            .unwrap_or_default();
        assert_eq!(params, in_path, "{what}: path parameters");

        // Security: the operations that refuse a request without a session say they need one.
        let r = send_empty_json(&t, &method, &concrete_path(&path)).await;
        let needs_session =
            r.status == StatusCode::UNAUTHORIZED && r.json()["error"]["code"] == "unauthenticated";
        let declared = op["security"]
            .as_array()
            .is_some_and(|s| s.iter().any(|req| req.get("session").is_some()));
        assert_eq!(declared, needs_session, "{what}: security");

        // Answers: a success, and every refusal with the error body and its codes.
        let responses = op["responses"].as_object().unwrap();
        assert!(
            responses.keys().any(|s| s.starts_with('2')),
            "{what}: no success answer"
        );
        for status in ["400", "414", "431"] {
            assert!(responses.contains_key(status), "{what}: no {status}");
        }
        if method != "GET" {
            assert!(responses.contains_key("403"), "{what}: no 403");
        }
        for (status, response) in responses {
            if !(status.starts_with('4') || status.starts_with('5')) || path == "/healthz" {
                continue;
            }
            let schema = &response["content"]["application/json"]["schema"]["$ref"];
            assert_eq!(
                schema, "#/components/schemas/ErrorBody",
                "{what} {status}: body"
            );
            // The description names codes: its first word and every snake-case word outside
            // parentheses and backquotes is one of the server's codes.
            let description = response["description"].as_str().unwrap();
            let mut depth = 0;
            let bare: String = description
                .chars()
                .filter(|c| {
                    match c {
                        '(' => depth += 1,
                        ')' => depth -= 1,
                        _ => return depth == 0,
                    }
                    false
                })
                .collect();
            let words: Vec<&str> = bare
                .split(|c: char| !(c.is_ascii_lowercase() || c == '_' || c == '`'))
                .filter(|w| !w.is_empty() && !w.starts_with('`'))
                .collect();
            assert!(
                codes.contains(words[0]),
                "{what} {status}: `{description}` does not start with a code"
            );
            for w in words.iter().filter(|w| w.contains('_')) {
                assert!(codes.contains(w), "{what} {status}: `{w}` is no error code");
            }
        }
    }
}

/// A request without a body, with a fresh session of the kind the route takes (if any).
async fn without_body(t: &TestApp, method: &str, path: &str, sessions: &[&Holder]) -> TestResponse {
    let mut last = None;
    for holder in sessions {
        let session = t
            .login(&holder.pseudonym, "passphrase", &holder.passphrase_auth)
            .await
            .session_token();
        let req = Request::builder()
            .method(method)
            .uri(concrete_path(path))
            .header("x-pde-client", "1")
            .header(header::AUTHORIZATION, format!("Bearer {session}"))
            .body(Body::empty())
            .unwrap();
        let r = t.send(req).await;
        // A holder's session on a worker's route: try the next kind.
        if !(r.status == StatusCode::FORBIDDEN && r.json()["error"]["code"] == "forbidden") {
            return r;
        }
        last = Some(r);
    }
    last.unwrap()
}

#[tokio::test]
async fn every_operation_that_reads_a_json_body_documents_it() {
    let t = TestApp::new().await;
    let holder = t.signup("holder-one").await;
    let org = t.organisation("Org").await;
    let worker = t.verified_worker(&org, "worker-one", "Worker One").await;
    let doc = document();
    for (method, path) in documented(&doc) {
        if method == "GET" {
            continue;
        }
        let op = &doc["paths"][&path][method.to_lowercase()];
        let needs_session = op["security"].as_array().is_some_and(|s| !s.is_empty());
        let sessions: Vec<&Holder> = if needs_session {
            vec![&holder, &worker.secrets]
        } else {
            vec![]
        };
        let r = if sessions.is_empty() {
            let req = Request::builder()
                .method(method.as_str())
                .uri(concrete_path(&path))
                .header("x-pde-client", "1")
                .body(Body::empty())
                .unwrap();
            t.send(req).await
        } else {
            without_body(&t, &method, &path, &sessions).await
        };
        let wants_json = r.status == StatusCode::BAD_REQUEST
            && r.json()["error"]["code"] == "bad_request"
            && r.json()["error"]["message"]
                .as_str()
                .unwrap()
                .contains("Content-Type: application/json");
        let documented_json = op["requestBody"]["content"]
            .get("application/json")
            .is_some();
        assert_eq!(
            documented_json,
            wants_json,
            "{method} {path}: JSON request body (answer without one: {} {})",
            r.status,
            String::from_utf8_lossy(&r.body)
        );
    }
}

#[test]
fn the_error_codes_of_the_document_are_the_error_type_s() {
    let doc = document();
    let schema = &doc["components"]["schemas"]["ErrorCode"];
    let listed: Vec<&str> = schema["enum"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    let codes: Vec<&str> = ErrorCode::iter().map(ErrorCode::as_str).collect();
    assert_eq!(listed, codes);
    assert_eq!(
        doc["components"]["schemas"]["ErrorDetail"]["properties"]["code"]["$ref"],
        "#/components/schemas/ErrorCode"
    );
    // docs/api.md lists every code the server can answer.
    let api_md =
        std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/../docs/api.md")).unwrap();
    let section = &api_md[api_md.find("## Error codes").unwrap()..];
    for code in codes {
        assert!(
            section.contains(&format!("`{code}`")),
            "docs/api.md does not list `{code}`"
        );
    }
}

#[test]
fn the_printed_document_is_the_served_one_and_stable() {
    let printed = pde_server::routes::openapi_pretty();
    assert!(printed.ends_with("}\n"));
    let a: Value = serde_json::from_str(&printed).unwrap();
    assert_eq!(a, document());
    assert_eq!(printed, pde_server::routes::openapi_pretty());
}
