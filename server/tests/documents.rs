//! Documents: reserve, streamed upload, list, download, metadata, delete, and every refusal.

use crate::common::*;
use axum::body::Body;
use axum::http::{Method, Request, StatusCode, header};
use serde_json::json;

fn content(len: usize) -> Vec<u8> {
    (0..len).map(|i| (i * 31 % 251) as u8).collect()
}

#[tokio::test]
async fn a_document_goes_through_its_whole_life() {
    let t = TestApp::new().await;
    let h = t.signup("owner").await;
    // Larger than the JSON body limit: content uploads are not bound by it.
    let bytes = content(1_200_000);

    let id = t.reserve(&h.session, bytes.len() as u64).await;
    assert_eq!(id.len(), 32);
    assert!(
        id.bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    );
    // Reserved but not uploaded: not listed, not readable, but counted in the quota.
    assert!(t.list_ids(&h.session).await.is_empty());
    t.get(&format!("/api/v1/documents/{id}/content"), Some(&h.session))
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    let usage = t.get("/api/v1/account", Some(&h.session)).await.json()["usage"].clone();
    assert_eq!(usage["used_bytes"], bytes.len());

    // Streamed in uneven chunks without Content-Length.
    let chunks = bytes.chunks(65_537).map(<[u8]>::to_vec).collect();
    let r = t.upload_streamed(&h.session, &id, chunks).await;
    r.assert_status(StatusCode::NO_CONTENT);

    let list = t.get("/api/v1/documents", Some(&h.session)).await;
    assert_eq!(list.status, StatusCode::OK);
    let docs = list.json()["documents"].clone();
    assert_eq!(docs.as_array().unwrap().len(), 1);
    assert_eq!(docs[0]["id"], id.as_str());
    assert_eq!(docs[0]["size"], bytes.len());
    assert_eq!(docs[0]["created_at"], T0);
    assert_eq!(
        unb64(docs[0]["metadata"].as_str().unwrap()),
        b"meta-ciphertext"
    );
    assert_eq!(
        unb64(docs[0]["envelope"].as_str().unwrap()),
        b"envelope-ciphertext"
    );

    let r = t
        .get(&format!("/api/v1/documents/{id}/content"), Some(&h.session))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    assert_eq!(r.headers[header::CONTENT_TYPE], "application/octet-stream");
    assert_eq!(
        r.headers[header::CONTENT_LENGTH],
        bytes.len().to_string().as_str()
    );
    assert_eq!(r.headers[header::CACHE_CONTROL], "no-store");
    assert_eq!(r.body.as_ref(), bytes.as_slice());

    // Metadata update.
    let r = t
        .call(
            Method::PUT,
            &format!("/api/v1/documents/{id}/metadata"),
            Some(&h.session),
            Some(json!({"metadata": b64(b"renamed")})),
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    let docs = t.get("/api/v1/documents", Some(&h.session)).await.json()["documents"].clone();
    assert_eq!(unb64(docs[0]["metadata"].as_str().unwrap()), b"renamed");

    // A second upload is refused and changes nothing.
    t.upload(
        &h.session,
        &id,
        &content(bytes.len())
            .iter()
            .map(|b| b ^ 1)
            .collect::<Vec<_>>(),
    )
    .await
    .assert_error(StatusCode::CONFLICT, "already_uploaded");
    let r = t
        .get(&format!("/api/v1/documents/{id}/content"), Some(&h.session))
        .await;
    assert_eq!(r.body.as_ref(), bytes.as_slice());

    // Delete removes the row and the blob file.
    assert_eq!(t.blob_files().len(), 1);
    let r = t
        .call(
            Method::DELETE,
            &format!("/api/v1/documents/{id}"),
            Some(&h.session),
            None,
        )
        .await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    assert!(t.blob_files().is_empty(), "blob left: {:?}", t.blob_files());
    assert!(t.list_ids(&h.session).await.is_empty());
    let usage = t.get("/api/v1/account", Some(&h.session)).await.json()["usage"].clone();
    assert_eq!(usage["used_bytes"], 0);
    t.call(
        Method::DELETE,
        &format!("/api/v1/documents/{id}"),
        Some(&h.session),
        None,
    )
    .await
    .assert_error(StatusCode::NOT_FOUND, "not_found");
}

#[tokio::test]
async fn another_accounts_document_is_not_found() {
    let t = TestApp::new().await;
    let alice = t.signup("alice").await;
    let bob = t.signup("bob").await;
    let id = t.store(&alice.session, b"alice's ciphertext").await;
    let pending = t.reserve(&alice.session, 10).await;
    let nobody = "0123456789abcdef0123456789abcdef";

    for doc in [id.as_str(), pending.as_str(), nobody] {
        t.get(
            &format!("/api/v1/documents/{doc}/content"),
            Some(&bob.session),
        )
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
        t.upload(&bob.session, doc, &[0; 10])
            .await
            .assert_error(StatusCode::NOT_FOUND, "not_found");
        t.call(
            Method::PUT,
            &format!("/api/v1/documents/{doc}/metadata"),
            Some(&bob.session),
            Some(json!({"metadata": b64(b"x")})),
        )
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
        t.call(
            Method::DELETE,
            &format!("/api/v1/documents/{doc}"),
            Some(&bob.session),
            None,
        )
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    }
    // Bob's answers for Alice's document and for no document are the same bytes.
    let a = t
        .get(
            &format!("/api/v1/documents/{id}/content"),
            Some(&bob.session),
        )
        .await;
    let b = t
        .get(
            &format!("/api/v1/documents/{nobody}/content"),
            Some(&bob.session),
        )
        .await;
    assert_eq!(a.body, b.body);
    assert!(t.list_ids(&bob.session).await.is_empty());

    // Alice's documents are untouched.
    assert_eq!(t.list_ids(&alice.session).await, vec![id.clone()]);
    let r = t
        .get(
            &format!("/api/v1/documents/{id}/content"),
            Some(&alice.session),
        )
        .await;
    assert_eq!(r.body.as_ref(), b"alice's ciphertext");
    let docs = t
        .get("/api/v1/documents", Some(&alice.session))
        .await
        .json();
    assert_eq!(
        unb64(docs["documents"][0]["metadata"].as_str().unwrap()),
        b"meta-ciphertext"
    );
    assert_eq!(
        t.upload(&alice.session, &pending, &[1; 10]).await.status,
        StatusCode::NO_CONTENT
    );
}

#[tokio::test]
async fn every_document_route_needs_a_session() {
    let t = TestApp::new().await;
    let h = t.signup("holder").await;
    let id = t.store(&h.session, b"secret").await;
    let routes = [
        (Method::POST, "/api/v1/documents".to_owned()),
        (Method::GET, "/api/v1/documents".to_owned()),
        (Method::GET, format!("/api/v1/documents/{id}/content")),
        (Method::PUT, format!("/api/v1/documents/{id}/content")),
        (Method::PUT, format!("/api/v1/documents/{id}/metadata")),
        (Method::DELETE, format!("/api/v1/documents/{id}")),
        (Method::GET, "/api/v1/account".to_owned()),
        (Method::POST, "/api/v1/auth/logout".to_owned()),
    ];
    for (method, path) in &routes {
        let r = t
            .call(
                method.clone(),
                path,
                None,
                Some(json!({"size": 1, "metadata": b64(b"m"), "envelope": b64(b"e")})),
            )
            .await;
        r.assert_error(StatusCode::UNAUTHORIZED, "unauthenticated");
    }
    // And the client header on the mutating ones, even with a session.
    for (method, path) in routes.iter().filter(|(m, _)| *m != Method::GET) {
        let req = Request::builder()
            .method(method.clone())
            .uri(path)
            .header(header::AUTHORIZATION, h.bearer())
            .body(Body::empty())
            .unwrap();
        t.send(req)
            .await
            .assert_error(StatusCode::FORBIDDEN, "missing_client_header");
    }
    assert_eq!(t.list_ids(&h.session).await, vec![id]);
}

#[tokio::test]
async fn oversized_documents_and_exceeded_quotas_are_refused_before_any_byte() {
    let t = TestApp::with_config(|c| {
        c.max_document_bytes = 1000;
        c.quota_bytes = 2500;
    })
    .await;
    let h = t.signup("thrifty").await;
    t.reserve_raw(&h.session, 1001)
        .await
        .assert_error(StatusCode::PAYLOAD_TOO_LARGE, "document_too_large");
    t.reserve_raw(&h.session, u64::MAX)
        .await
        .assert_error(StatusCode::PAYLOAD_TOO_LARGE, "document_too_large");
    assert!(t.blob_files().is_empty());

    // Pending reservations count: 1000 + 1000 reserved, 500 left.
    let a = t.reserve(&h.session, 1000).await;
    t.reserve(&h.session, 1000).await;
    t.reserve_raw(&h.session, 501)
        .await
        .assert_error(StatusCode::PAYLOAD_TOO_LARGE, "quota_exceeded");
    assert!(
        t.blob_files().is_empty(),
        "nothing stored: {:?}",
        t.blob_files()
    );
    let last = t.reserve(&h.session, 500).await;
    t.reserve_raw(&h.session, 1)
        .await
        .assert_error(StatusCode::PAYLOAD_TOO_LARGE, "quota_exceeded");
    let usage = t.get("/api/v1/account", Some(&h.session)).await.json()["usage"].clone();
    assert_eq!(
        usage,
        json!({"used_bytes": 2500, "quota_bytes": 2500, "max_document_bytes": 1000})
    );

    // Deleting frees quota.
    t.call(
        Method::DELETE,
        &format!("/api/v1/documents/{a}"),
        Some(&h.session),
        None,
    )
    .await;
    t.reserve(&h.session, 1000).await;
    assert_eq!(
        t.upload(&h.session, &last, &[7; 500]).await.status,
        StatusCode::NO_CONTENT
    );

    // Another account has its own quota.
    let other = t.signup("other").await;
    t.reserve(&other.session, 1000).await;
}

#[tokio::test]
async fn bodies_of_the_wrong_size_are_refused_and_leave_nothing() {
    let t = TestApp::new().await;
    let h = t.signup("sloppy").await;
    let id = t.reserve(&h.session, 100_000).await;

    // Announced wrongly in Content-Length: refused before reading.
    t.upload(&h.session, &id, &content(99_999))
        .await
        .assert_error(StatusCode::BAD_REQUEST, "size_mismatch");
    t.upload(&h.session, &id, &content(100_001))
        .await
        .assert_error(StatusCode::BAD_REQUEST, "size_mismatch");
    // Streamed without Content-Length: shorter, then longer.
    t.upload_streamed(&h.session, &id, vec![content(60_000), content(39_999)])
        .await
        .assert_error(StatusCode::BAD_REQUEST, "size_mismatch");
    t.upload_streamed(&h.session, &id, vec![content(60_000), content(40_001)])
        .await
        .assert_error(StatusCode::BAD_REQUEST, "size_mismatch");
    t.upload_streamed(&h.session, &id, vec![content(100_000), vec![0]])
        .await
        .assert_error(StatusCode::BAD_REQUEST, "size_mismatch");
    t.upload(&h.session, &id, b"")
        .await
        .assert_error(StatusCode::BAD_REQUEST, "size_mismatch");

    assert!(
        t.blob_files().is_empty(),
        "left behind: {:?}",
        t.blob_files()
    );
    assert!(t.list_ids(&h.session).await.is_empty());

    // The reservation is still usable.
    let bytes = content(100_000);
    assert_eq!(
        t.upload(&h.session, &id, &bytes).await.status,
        StatusCode::NO_CONTENT
    );
    let r = t
        .get(&format!("/api/v1/documents/{id}/content"), Some(&h.session))
        .await;
    assert_eq!(r.body.as_ref(), bytes.as_slice());
}

#[tokio::test]
async fn bad_input_gets_a_json_4xx_and_changes_nothing() {
    let t = TestApp::new().await;
    let h = t.signup("typist").await;
    let id = t.store(&h.session, b"original").await;
    let metadata_path = format!("/api/v1/documents/{id}/metadata");

    let reserve_cases = [
        json!({"size": "ten", "metadata": b64(b"m"), "envelope": b64(b"e")}),
        json!({"size": -1, "metadata": b64(b"m"), "envelope": b64(b"e")}),
        json!({"size": 0, "metadata": b64(b"m"), "envelope": b64(b"e")}),
        json!({"size": 10, "metadata": "not base64!", "envelope": b64(b"e")}),
        json!({"size": 10, "metadata": b64(b"m"), "envelope": b64(&[0; 4097])}),
        json!({"size": 10, "metadata": b64(&vec![0; 64 * 1024 + 1]), "envelope": b64(b"e")}),
        json!({"size": 10, "metadata": "", "envelope": b64(b"e")}),
        json!({"size": 10, "envelope": b64(b"e")}),
        json!({"size": 10, "metadata": b64(b"m"), "envelope": b64(b"e")[1..]}),
    ];
    for body in reserve_cases {
        let r = t
            .call(
                Method::POST,
                "/api/v1/documents",
                Some(&h.session),
                Some(body.clone()),
            )
            .await;
        r.assert_error(StatusCode::BAD_REQUEST, "invalid_field");
    }
    for raw in ["", "{", "null", "{\"size\":1,}"] {
        let r = t
            .call_raw(Method::POST, "/api/v1/documents", Some(&h.session), raw)
            .await;
        assert_eq!(r.status, StatusCode::BAD_REQUEST, "{raw:?}");
        assert!(["bad_request", "invalid_field"].contains(&r.code().as_str()));
    }
    // Not JSON at all.
    let req = Request::post("/api/v1/documents")
        .header("x-pde-client", "1")
        .header(header::AUTHORIZATION, h.bearer())
        .header(header::CONTENT_TYPE, "text/plain")
        .body(Body::from("size=1"))
        .unwrap();
    t.send(req)
        .await
        .assert_error(StatusCode::BAD_REQUEST, "bad_request");
    // A JSON body over 256 KiB.
    let huge = json!({"size": 1, "metadata": b64(&vec![0; 300 * 1024]), "envelope": b64(b"e")});
    t.call(
        Method::POST,
        "/api/v1/documents",
        Some(&h.session),
        Some(huge),
    )
    .await
    .assert_error(StatusCode::PAYLOAD_TOO_LARGE, "payload_too_large");

    for body in [
        json!({"metadata": 5}),
        json!({}),
        json!({"metadata": "@@@"}),
        json!({"metadata": ""}),
    ] {
        t.call(Method::PUT, &metadata_path, Some(&h.session), Some(body))
            .await
            .assert_error(StatusCode::BAD_REQUEST, "invalid_field");
    }

    // Bad ids: wrong length, upper case, not hex.
    for bad in [
        "123",
        &id.to_uppercase(),
        &"z".repeat(32),
        &format!("{id}0"),
    ] {
        if bad == id {
            continue;
        }
        t.get(
            &format!("/api/v1/documents/{bad}/content"),
            Some(&h.session),
        )
        .await
        .assert_error(StatusCode::BAD_REQUEST, "invalid_field");
        t.call(
            Method::DELETE,
            &format!("/api/v1/documents/{bad}"),
            Some(&h.session),
            None,
        )
        .await
        .assert_error(StatusCode::BAD_REQUEST, "invalid_field");
        t.call(
            Method::PUT,
            &format!("/api/v1/documents/{bad}/metadata"),
            Some(&h.session),
            Some(json!({"metadata": b64(b"x")})),
        )
        .await
        .assert_error(StatusCode::BAD_REQUEST, "invalid_field");
        t.upload(&h.session, bad, b"x")
            .await
            .assert_error(StatusCode::BAD_REQUEST, "invalid_field");
    }

    // Nothing changed.
    assert_eq!(t.list_ids(&h.session).await, vec![id.clone()]);
    let docs = t.get("/api/v1/documents", Some(&h.session)).await.json();
    assert_eq!(
        unb64(docs["documents"][0]["metadata"].as_str().unwrap()),
        b"meta-ciphertext"
    );
    let usage = t.get("/api/v1/account", Some(&h.session)).await.json()["usage"].clone();
    assert_eq!(usage["used_bytes"], 8);
    assert_eq!(t.blob_files().len(), 1);
}

#[tokio::test]
async fn pending_documents_are_swept_after_their_ttl() {
    let t = TestApp::with_config(|c| c.pending_ttl_secs = 600).await;
    let h = t.signup("absent-minded").await;
    let stale = t.reserve(&h.session, 100).await;
    let done = t.store(&h.session, b"kept").await;
    t.clock.advance(300);
    let fresh = t.reserve(&h.session, 100).await;
    t.clock.advance(300);

    let report = pde_server::sweeper::sweep(&t.state).await.unwrap();
    assert_eq!(report.documents, 1);
    t.upload(&h.session, &stale, &[0; 100])
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    assert_eq!(
        t.upload(&h.session, &fresh, &[0; 100]).await.status,
        StatusCode::NO_CONTENT
    );
    let mut ids = t.list_ids(&h.session).await;
    ids.sort();
    let mut expected = vec![done, fresh];
    expected.sort();
    assert_eq!(ids, expected);
    let usage = t.get("/api/v1/account", Some(&h.session)).await.json()["usage"].clone();
    assert_eq!(usage["used_bytes"], 104);
}

#[tokio::test]
async fn the_sweep_removes_stray_temp_files() {
    use std::time::{Duration, UNIX_EPOCH};
    let t = TestApp::new().await;
    let tmp = t.blob_dir().join("tmp");
    let write = |name: &str, age_secs: i64| {
        let path = tmp.join(name);
        std::fs::write(&path, b"half").unwrap();
        let mtime = UNIX_EPOCH + Duration::from_secs((T0 - age_secs) as u64);
        std::fs::File::options()
            .write(true)
            .open(&path)
            .unwrap()
            .set_modified(mtime)
            .unwrap();
    };
    write("0123456789abcdef0123456789abcdef.young.part", 3599);
    write("0123456789abcdef0123456789abcdef.old.part", 3601);
    // Periodic sweep: only the one older than the TTL (one hour) goes.
    let report = pde_server::sweeper::sweep(&t.state).await.unwrap();
    assert_eq!(report.temp_files, 1);
    assert_eq!(
        t.blob_files(),
        vec![tmp.join("0123456789abcdef0123456789abcdef.young.part")]
    );
    // The young one goes once it is older than the TTL too.
    t.clock.advance(2);
    let report = pde_server::sweeper::sweep(&t.state).await.unwrap();
    assert_eq!(report.temp_files, 1);
    assert!(t.blob_files().is_empty());
}

#[tokio::test]
async fn a_full_disk_answers_storage_full_and_lists_nothing() {
    let mut t = TestApp::new().await;
    t.state.blobs = std::sync::Arc::new(FullDisk);
    t.app = pde_server::app(t.state.clone());
    let h = t.signup("unlucky").await;
    let id = t.reserve(&h.session, 10).await;
    let r = t.upload(&h.session, &id, &[1; 10]).await;
    r.assert_error(StatusCode::INSUFFICIENT_STORAGE, "storage_full");
    assert!(t.list_ids(&h.session).await.is_empty());
    // The reservation can be retried once there is space again.
    let r = t.upload(&h.session, &id, &[1; 10]).await;
    r.assert_error(StatusCode::INSUFFICIENT_STORAGE, "storage_full");
}
