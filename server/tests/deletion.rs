//! Deletion that really deletes. Deleting a document removes its row, its owner envelope, its
//! share envelopes and its blob, and ends a share left with no document. Deleting a wallet
//! (`DELETE /api/v1/account`) needs the pseudonym typed again and fresh proof; afterwards a
//! scan of every column of every table and of the blob store (local directory or S3) finds
//! nothing of the account, every session of it is refused, its shares stop at once, and
//! another holder's wallet is untouched. Blobs whose deletion failed (as after a crash
//! between the rows and the blobs) are left to the orphan sweep, which removes them.

use std::sync::Arc;
use std::time::SystemTime;

use crate::common::s3::S3;
use crate::common::sharing::*;
use crate::common::*;
use axum::http::{Method, StatusCode};
use pde_server::blob::{BlobReader, BlobStore};
use pde_server::ids::DocumentId;
use serde_json::{Value, json};

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Every row of every table (the migrations' bookkeeping included), each column as text and
/// each binary value in hex, lower-cased: what a scan of the database finds.
async fn dump(t: &TestApp) -> String {
    let url = t.state.config.database_url();
    let pg = url.starts_with("postgres");
    let pool = databases::open_pool(&url).await;
    let tables: Vec<String> = if pg {
        sqlx::query_scalar(
            "SELECT CAST(table_name AS TEXT) FROM information_schema.tables \
             WHERE table_schema = 'public' AND table_type = 'BASE TABLE'",
        )
        .fetch_all(&pool)
        .await
        .unwrap()
    } else {
        sqlx::query_scalar("SELECT name FROM sqlite_master WHERE type = 'table'")
            .fetch_all(&pool)
            .await
            .unwrap()
    };
    assert!(tables.iter().any(|t| t == "accounts"), "{tables:?}");
    let mut out = String::new();
    for table in tables {
        let columns: Vec<String> = if pg {
            sqlx::query_scalar(
                "SELECT CAST(column_name AS TEXT) FROM information_schema.columns \
                 WHERE table_schema = 'public' AND table_name = $1",
            )
        } else {
            sqlx::query_scalar("SELECT name FROM pragma_table_info($1)")
        }
        .bind(&table)
        .fetch_all(&pool)
        .await
        .unwrap();
        // PostgreSQL writes a BYTEA cast to text as `\x` and hex; SQLite's quote() a BLOB as
        // X'…' in hex.
        let cells: Vec<String> = columns
            .iter()
            .map(|c| {
                if pg {
                    format!("COALESCE(CAST(\"{c}\" AS TEXT), 'null')")
                } else {
                    format!("quote(\"{c}\")")
                }
            })
            .collect();
        let select = format!("SELECT {} FROM \"{table}\"", cells.join(" || '|' || "));
        let rows: Vec<String> = sqlx::query_scalar(sqlx::AssertSqlSafe(select))
            .fetch_all(&pool)
            .await
            .unwrap();
        for row in rows {
            out.push_str(&format!("{table}: {row}\n"));
        }
    }
    pool.close().await;
    out.to_lowercase()
}

/// The needles of `what` that the dump holds.
fn found<'a>(dump: &str, needles: &'a [(String, String)]) -> Vec<&'a str> {
    needles
        .iter()
        .filter(|(_, n)| dump.contains(n.as_str()))
        .map(|(what, _)| what.as_str())
        .collect()
}

/// Where the app's blobs are.
enum Store<'a> {
    Local(std::path::PathBuf),
    Bucket(&'a S3),
}

impl Store<'_> {
    /// The name and the bytes of every blob (temporary ones included).
    async fn blobs(&self) -> Vec<(String, Vec<u8>)> {
        match self {
            Store::Local(dir) if !dir.exists() => Vec::new(),
            Store::Local(dir) => files_under(dir)
                .into_iter()
                .map(|p| (p.display().to_string(), std::fs::read(&p).unwrap()))
                .collect(),
            Store::Bucket(s3) => {
                let mut out = Vec::new();
                let store = s3.store("blobs").await;
                for key in s3.keys().await {
                    let name = key.strip_prefix("blobs/").unwrap_or(&key).to_owned();
                    let bytes = match name.parse::<DocumentId>() {
                        Ok(id) => read_all(store.open(id).await.unwrap()).await,
                        Err(_) => Vec::new(),
                    };
                    out.push((key, bytes));
                }
                out
            }
        }
    }
}

async fn read_all(reader: BlobReader) -> Vec<u8> {
    use futures_util::TryStreamExt;
    let chunks: Vec<_> = reader.stream.try_collect().await.unwrap();
    chunks.concat()
}

/// Reserves and uploads a document with its own metadata and envelope; returns its id.
async fn store_doc(t: &TestApp, session: &str, tag: &str) -> String {
    let content = [b"content of ".as_slice(), tag.as_bytes()].concat();
    let r = t
        .call(
            Method::POST,
            "/api/v1/documents",
            Some(session),
            Some(json!({
                "size": content.len(),
                "metadata": b64(&age(&format!("metadata of {tag}"))),
                "envelope": b64(&age(&format!("envelope of {tag}"))),
            })),
        )
        .await;
    assert_eq!(r.status, StatusCode::CREATED);
    let id = r.json()["id"].as_str().unwrap().to_owned();
    assert_eq!(
        t.upload(session, &id, &content).await.status,
        StatusCode::NO_CONTENT
    );
    id
}

/// What a holder's document leaves in the database and the blob store, as needles.
fn doc_needles(tag: &str) -> Vec<(String, String)> {
    vec![
        (
            format!("metadata of {tag}"),
            hex(&age(&format!("metadata of {tag}"))),
        ),
        (
            format!("envelope of {tag}"),
            hex(&age(&format!("envelope of {tag}"))),
        ),
    ]
}

/// A share of `docs` to a worker (or a link when `worker` is None) with a note of its own
/// and an envelope per document naming the share's tag.
async fn share(
    t: &TestApp,
    session: &str,
    worker: Option<&str>,
    docs: &[&str],
    tag: &str,
) -> (String, Option<TestLink>) {
    let documents: Vec<Value> = docs
        .iter()
        .map(|d| json!({"id": d, "envelope": b64(&age(&format!("share envelope {tag} {d}")))}))
        .collect();
    let access_key: [u8; 32] = rand_bytes();
    let mut body = json!({
        "duration_secs": 86_400,
        "note": b64(&age(&format!("note of {tag}"))),
        "documents": documents,
    });
    match worker {
        Some(w) => {
            body["kind"] = json!("worker");
            body["worker_id"] = json!(w);
        }
        None => {
            body["kind"] = json!("link");
            body["access_key"] = json!(b64(&access_key));
        }
    }
    let r = t.create_share_raw(session, body).await;
    r.assert_status(StatusCode::CREATED);
    let id = r.json()["id"].as_str().unwrap().to_owned();
    let link = worker.is_none().then(|| TestLink {
        id: id.clone(),
        access_key,
    });
    (id, link)
}

fn share_needles(tag: &str, docs: &[&str]) -> Vec<(String, String)> {
    let mut out = vec![(
        format!("note of {tag}"),
        hex(&age(&format!("note of {tag}"))),
    )];
    for d in docs {
        let envelope = format!("share envelope {tag} {d}");
        out.push((envelope.clone(), hex(&age(&envelope))));
    }
    out
}

async fn delete_doc(t: &TestApp, session: &str, id: &str) -> StatusCode {
    t.call(
        Method::DELETE,
        &format!("/api/v1/documents/{id}"),
        Some(session),
        None,
    )
    .await
    .status
}

fn status_of(shares: &[Value], id: &str) -> String {
    shares.iter().find(|s| s["id"] == id).unwrap()["status"]
        .as_str()
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn deleting_a_document_removes_its_envelopes_and_blob_and_ends_a_share_left_empty() {
    let t = TestApp::new().await;
    t.organisation("Samu Social").await;
    let w = t
        .verified_worker("Samu Social", "ann.worker", "Ann Worker")
        .await;
    let h = t.signup("marie").await;
    let gone = store_doc(&t, &h.session, "gone").await;
    let kept = store_doc(&t, &h.session, "kept").await;
    // Only the deleted document; both documents; a link to the deleted one only.
    let (only, _) = share(&t, &h.session, Some(&w.id), &[&gone], "only").await;
    let (both, _) = share(&t, &h.session, Some(&w.id), &[&gone, &kept], "both").await;
    let (_, link) = share(&t, &h.session, None, &[&gone], "link").await;
    let link = link.unwrap();
    assert_eq!(
        t.worker_reads(&w.session, &only, &gone).await.status,
        StatusCode::OK
    );

    let before = dump(&t).await;
    let mut gone_needles = doc_needles("gone");
    gone_needles.extend(share_needles("only", &[&gone]));
    gone_needles.extend(share_needles("link", &[&gone]));
    gone_needles.push((
        "share envelope both gone".into(),
        hex(&age(&format!("share envelope both {gone}"))),
    ));
    let mut kept_needles = doc_needles("kept");
    kept_needles.extend(share_needles("both", &[&kept]));
    assert_eq!(found(&before, &gone_needles).len(), gone_needles.len());
    let store = Store::Local(t.blob_dir());
    assert_eq!(store.blobs().await.len(), 2);

    assert_eq!(
        delete_doc(&t, &h.session, &gone).await,
        StatusCode::NO_CONTENT
    );

    let after = dump(&t).await;
    assert_eq!(found(&after, &gone_needles), Vec::<&str>::new(), "{after}");
    assert_eq!(
        found(&after, &kept_needles).len(),
        kept_needles.len(),
        "{after}"
    );
    let blobs = store.blobs().await;
    assert_eq!(blobs.len(), 1);
    assert!(blobs[0].0.ends_with(&kept), "{blobs:?}");
    assert!(!blobs.iter().any(|(name, _)| name.contains(&gone)));

    // The share and the link that had only it have ended, as if revoked; the other share
    // goes on with the document left.
    t.assert_worker_routes(&w.session, &only, &gone, StatusCode::GONE, "share_ended")
        .await;
    t.link_call(&link, "open", None)
        .await
        .assert_error(StatusCode::GONE, "share_ended");
    let shares = t.shares_of(&h.session).await;
    assert_eq!(status_of(&shares, &only), "revoked");
    assert_eq!(status_of(&shares, &link.id), "revoked");
    assert_eq!(status_of(&shares, &both), "active");
    let r = t
        .get(&format!("/api/v1/shared-with-me/{both}"), Some(&w.session))
        .await;
    assert_eq!(r.status, StatusCode::OK);
    let docs: Vec<String> = r.json()["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["id"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(docs, vec![kept.clone()]);
    assert_eq!(
        t.worker_reads(&w.session, &both, &kept).await.status,
        StatusCode::OK
    );
    assert_eq!(t.list_ids(&h.session).await, vec![kept.clone()]);
}

fn unix_now() -> i64 {
    SystemTime::now()
        .duration_since(SystemTime::UNIX_EPOCH)
        .unwrap()
        .as_secs() as i64
}

async fn delete_wallet(
    t: &TestApp,
    session: &str,
    pseudonym: &str,
    method: &str,
    key: &[u8],
) -> TestResponse {
    t.call(
        Method::DELETE,
        "/api/v1/account",
        Some(session),
        Some(json!({"pseudonym": pseudonym, "method": method, "auth_key": b64(key)})),
    )
    .await
}

fn sha256_hex(text: &str) -> String {
    hex(ring::digest::digest(&ring::digest::SHA256, text.as_bytes()).as_ref())
}

/// A wallet with everything a wallet can have, deleted; `blobs_fail` makes every blob
/// deletion fail, as a crash after the rows' deletion would.
async fn wallet_story(mut t: TestApp, store: Store<'_>, blobs_fail: bool) {
    // The stores' timestamps follow the real clock, which the orphan sweep compares with.
    t.clock.set(unix_now());
    t.organisation("Samu Social").await;
    let w = t
        .verified_worker("Samu Social", "ann.worker", "Ann Worker")
        .await;
    let alice = t.signup("Alice Story").await;
    let bob = t.signup("bruno").await;
    // A passkey with its slot, and a passkey ceremony left unfinished (before the failed log-in: the
    // passphrase proof of an addition clears the log-in throttle).
    let (alice_passkey, _) = t
        .add_passkey(&alice, Some(&age("passkey slot of alice")))
        .await;
    let _ = t.passkey_register_start(&alice).await;
    // A limited view (its proof clears the log-in throttle too, so it comes first as well).
    let view_recipient = recipient_for("alice's limited view");
    t.call(
        Method::PUT,
        "/api/v1/account/limited-view",
        Some(&alice.session),
        Some(json!({
            "proof": {"method": "passphrase", "auth_key": b64(&alice.passphrase_auth)},
            "recipient": view_recipient,
            "wrapped": b64(&age("alice's view wrapped to W")),
            "auth_key": b64(&[0x77; 32]),
            "slot": b64(&age("alice's view slot")),
        })),
    )
    .await
    .assert_status(StatusCode::NO_CONTENT);
    // A second session of Alice, and a failed log-in that left a throttle row.
    let other_session = t
        .login("alice story", "passphrase", &alice.passphrase_auth)
        .await
        .session_token();
    let r = t.login("alice story", "passphrase", &[9; 32]).await;
    r.assert_error(StatusCode::UNAUTHORIZED, "invalid_credentials");

    let a1 = store_doc(&t, &alice.session, "alice 1").await;
    let a2 = store_doc(&t, &other_session, "alice 2").await;
    // A reservation whose content never came.
    let pending = t
        .call(
            Method::POST,
            "/api/v1/documents",
            Some(&alice.session),
            Some(
                json!({"size": 5, "metadata": b64(&age("metadata of alice pending")),
                        "envelope": b64(&age("envelope of alice pending"))}),
            ),
        )
        .await
        .json()["id"]
        .as_str()
        .unwrap()
        .to_owned();
    t.call(
        Method::PUT,
        &format!("/api/v1/account/limited-view/documents/{a1}"),
        Some(&alice.session),
        Some(json!({"envelope": b64(&age("alice's envelope to V"))})),
    )
    .await
    .assert_status(StatusCode::NO_CONTENT);
    let (alice_share, _) = share(&t, &alice.session, Some(&w.id), &[&a1, &a2], "alice share").await;
    let (_, alice_link) = share(&t, &alice.session, None, &[&a2], "alice link").await;
    let alice_link = alice_link.unwrap();
    // Receipts: the worker and the link visitor open.
    assert_eq!(
        t.worker_reads(&w.session, &alice_share, &a1).await.status,
        StatusCode::OK
    );
    assert_eq!(
        t.link_call(&alice_link, &format!("documents/{a2}/content"), None)
            .await
            .status,
        StatusCode::OK
    );
    let b1 = store_doc(&t, &bob.session, "bob 1").await;
    let (bob_share, _) = share(&t, &bob.session, Some(&w.id), &[&b1], "bob share").await;
    assert_eq!(
        t.worker_reads(&w.session, &bob_share, &b1).await.status,
        StatusCode::OK
    );

    // Each wallet's record (the workers it shared with, encrypted to its own key).
    for (session, label) in [
        (&alice.session, "wallet record of alice"),
        (&bob.session, "wallet record of bob"),
    ] {
        t.call(
            Method::PUT,
            "/api/v1/account/record",
            Some(session),
            Some(json!({"replaces": 0, "record": b64(&age(label))})),
        )
        .await
        .assert_status(StatusCode::OK);
    }

    let alice_id = {
        let pool = databases::open_pool(&t.state.config.database_url()).await;
        let id: String = sqlx::query_scalar("SELECT id FROM accounts WHERE pseudonym_key = $1")
            .bind("alice story")
            .fetch_one(&pool)
            .await
            .unwrap();
        pool.close().await;
        id
    };
    let limit_key = t.state.pepper.login_limit_key("alice story");
    let mut alice_needles: Vec<(String, String)> = vec![
        ("account id".into(), alice_id.clone()),
        // The pseudonym as chosen and as looked up (the dump is lower-cased).
        ("pseudonym".into(), "alice story".into()),
        ("recipient".into(), alice.recipient.clone()),
        ("passphrase slot".into(), hex(&alice.passphrase_slot)),
        ("recovery slot".into(), hex(&alice.recovery_slot)),
        ("salt".into(), hex(&alice.salt)),
        ("session".into(), sha256_hex(&alice.session)),
        ("other session".into(), sha256_hex(&other_session)),
        ("throttle key".into(), limit_key.to_lowercase()),
        (
            "passkey credential".into(),
            hex(&alice_passkey.credential_id),
        ),
        ("passkey slot".into(), hex(&age("passkey slot of alice"))),
        ("share id".into(), alice_share.clone()),
        ("limited view recipient".into(), view_recipient.clone()),
        ("limited view slot".into(), hex(&age("alice's view slot"))),
        (
            "limited view wrapped".into(),
            hex(&age("alice's view wrapped to W")),
        ),
        ("envelope to V".into(), hex(&age("alice's envelope to V"))),
        ("link id".into(), alice_link.id.clone()),
        ("wallet record".into(), hex(&age("wallet record of alice"))),
    ];
    for id in [&a1, &a2, &pending] {
        alice_needles.push((format!("document id {id}"), id.clone()));
    }
    for tag in ["alice 1", "alice 2", "alice pending"] {
        alice_needles.extend(doc_needles(tag));
    }
    alice_needles.extend(share_needles("alice share", &[&a1, &a2]));
    alice_needles.extend(share_needles("alice link", &[&a2]));
    let mut bob_needles = doc_needles("bob 1");
    bob_needles.extend(share_needles("bob share", &[&b1]));
    bob_needles.push(("bob's recipient".into(), bob.recipient.clone()));
    bob_needles.push(("bob's document".into(), b1.clone()));
    bob_needles.push(("bob's record".into(), hex(&age("wallet record of bob"))));
    let alice_contents: Vec<Vec<u8>> = ["alice 1", "alice 2"]
        .iter()
        .map(|tag| format!("content of {tag}").into_bytes())
        .collect();

    let before = dump(&t).await;
    let present = found(&before, &alice_needles);
    let missing: Vec<&str> = alice_needles
        .iter()
        .map(|(what, _)| what.as_str())
        .filter(|what| !present.contains(what))
        .collect();
    assert_eq!(
        missing,
        Vec::<&str>::new(),
        "not stored before the deletion:\n{before}"
    );
    assert_eq!(store.blobs().await.len(), 3);

    // A pseudonym that is not this wallet's, or a wrong key: nothing is deleted.
    let r = delete_wallet(
        &t,
        &alice.session,
        "bruno",
        "passphrase",
        &alice.passphrase_auth,
    )
    .await;
    r.assert_error(StatusCode::BAD_REQUEST, "invalid_field");
    assert!(
        r.json()["error"]["message"]
            .as_str()
            .unwrap()
            .contains("pseudonym")
    );
    let r = delete_wallet(
        &t,
        &alice.session,
        "alice stor",
        "recovery",
        &alice.recovery_auth,
    )
    .await;
    r.assert_error(StatusCode::BAD_REQUEST, "invalid_field");
    let r = delete_wallet(
        &t,
        &alice.session,
        "Alice Story",
        "passphrase",
        &alice.recovery_auth,
    )
    .await;
    r.assert_error(StatusCode::UNAUTHORIZED, "invalid_credentials");
    let r = delete_wallet(
        &t,
        &alice.session,
        "Alice Story",
        "recovery",
        &alice.passphrase_auth,
    )
    .await;
    r.assert_error(StatusCode::UNAUTHORIZED, "invalid_credentials");
    // Bob's session cannot delete Alice's wallet with Alice's own proof.
    let r = delete_wallet(
        &t,
        &bob.session,
        "Alice Story",
        "passphrase",
        &alice.passphrase_auth,
    )
    .await;
    r.assert_error(StatusCode::BAD_REQUEST, "invalid_field");
    // A worker cannot delete its account this way.
    let r = delete_wallet(
        &t,
        &w.session,
        "ann.worker",
        "passphrase",
        &w.secrets.passphrase_auth,
    )
    .await;
    r.assert_error(StatusCode::FORBIDDEN, "forbidden");
    let still = dump(&t).await;
    assert_eq!(found(&still, &alice_needles).len(), alice_needles.len());
    assert_eq!(store.blobs().await.len(), 3);
    assert_eq!(
        t.get("/api/v1/account", Some(&other_session)).await.status,
        StatusCode::OK
    );

    let live = t.state.blobs.clone();
    if blobs_fail {
        t.state.blobs = Arc::new(DeleteFails(live.clone()));
        t.app = pde_server::app(t.state.clone());
    }
    // The pseudonym as typed may differ in case and spaces, like a log-in.
    let r = delete_wallet(
        &t,
        &other_session,
        "  alice STORY ",
        "passphrase",
        &alice.passphrase_auth,
    )
    .await;
    r.assert_status(StatusCode::NO_CONTENT);
    if blobs_fail {
        t.state.blobs = live;
        t.app = pde_server::app(t.state.clone());
        // The rows are gone, the blobs stay until the orphan sweep, an upload lease later.
        assert_eq!(store.blobs().await.len(), 3);
        t.clock
            .set(unix_now() + t.state.config.upload_lease_secs as i64 + 1);
        let report = pde_server::sweeper::sweep(&t.state).await.unwrap();
        assert_eq!(report.orphan_blobs, 2, "{report:?}");
    }

    let after = dump(&t).await;
    assert_eq!(found(&after, &alice_needles), Vec::<&str>::new(), "{after}");
    assert_eq!(
        found(&after, &bob_needles).len(),
        bob_needles.len(),
        "{after}"
    );
    let blobs = store.blobs().await;
    assert_eq!(
        blobs.len(),
        1,
        "{:?}",
        blobs.iter().map(|b| &b.0).collect::<Vec<_>>()
    );
    assert!(blobs[0].0.ends_with(&b1));
    for (name, bytes) in &blobs {
        for id in [&a1, &a2, &pending] {
            assert!(!name.contains(id.as_str()), "{name}");
        }
        for content in &alice_contents {
            assert!(
                !bytes
                    .windows(content.len())
                    .any(|w| w == content.as_slice())
            );
        }
    }

    // Every session of Alice ended; her shares stopped at once; she cannot log in.
    for session in [&alice.session, &other_session] {
        t.get("/api/v1/account", Some(session))
            .await
            .assert_error(StatusCode::UNAUTHORIZED, "unauthenticated");
    }
    t.assert_worker_routes(
        &w.session,
        &alice_share,
        &a1,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    t.link_call(&alice_link, "open", None)
        .await
        .assert_error(StatusCode::NOT_FOUND, "not_found");
    assert_eq!(
        t.shared_with_me_ids(&w.session).await,
        vec![bob_share.clone()]
    );
    for (method, key) in [
        ("passphrase", &alice.passphrase_auth),
        ("recovery", &alice.recovery_auth),
    ] {
        t.login("alice story", method, key)
            .await
            .assert_error(StatusCode::UNAUTHORIZED, "invalid_credentials");
    }
    // Bob's wallet and share are untouched.
    assert_eq!(t.list_ids(&bob.session).await, vec![b1.clone()]);
    assert_eq!(
        t.worker_reads(&w.session, &bob_share, &b1).await.status,
        StatusCode::OK
    );
    // The pseudonym is free again.
    t.signup("alice story").await;
}

/// A test app whose public URL has a domain name, so that passkeys can be added.
async fn with_passkeys() -> TestApp {
    TestApp::with_config(|c| c.public_url = crate::common::webauthn::ORIGIN.into()).await
}

#[tokio::test]
async fn a_deleted_wallet_leaves_nothing_in_the_database_or_the_blob_directory() {
    let t = with_passkeys().await;
    let dir = t.blob_dir();
    wallet_story(t, Store::Local(dir), false).await;
}

#[tokio::test]
async fn blobs_a_wallet_deletion_could_not_delete_are_removed_by_the_orphan_sweep() {
    let t = with_passkeys().await;
    let dir = t.blob_dir();
    wallet_story(t, Store::Local(dir), true).await;
}

#[tokio::test]
async fn a_deleted_wallet_leaves_nothing_in_the_s3_bucket() {
    let s3 = S3::start();
    let t = TestApp::with_s3(&s3, |c| {
        c.public_url = crate::common::webauthn::ORIGIN.into()
    })
    .await;
    wallet_story(t, Store::Bucket(&s3), false).await;
}

#[tokio::test]
async fn the_recovery_code_also_proves_a_deletion() {
    let t = TestApp::new().await;
    let h = t.signup("recovering").await;
    store_doc(&t, &h.session, "recovering 1").await;
    let r = delete_wallet(&t, &h.session, "recovering", "recovery", &h.recovery_auth).await;
    assert_eq!(r.status, StatusCode::NO_CONTENT);
    let after = dump(&t).await;
    assert_eq!(
        found(&after, &doc_needles("recovering 1")),
        Vec::<&str>::new()
    );
    assert!(!after.contains("recovering"));
    assert!(Store::Local(t.blob_dir()).blobs().await.is_empty());
}
