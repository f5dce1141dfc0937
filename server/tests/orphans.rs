//! Blobs that no document row names (orphans) are deleted by the sweep once they are older
//! than an upload lease, on the local directory and on S3 (a real Garage): a blob whose row
//! was deleted while deleting the blob failed, and a blob put under an id that has no row.
//! A blob inside its lease stays, and so does the blob of a row in any state (a reservation
//! whose content was stored but never marked complete is the stale-document pass's, after
//! the pending time-to-live).

use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::common::s3::S3;
use crate::common::{DeleteFails, TestApp};
use axum::http::{Method, StatusCode};
use bytes::Bytes;
use pde_server::blob::ByteStream;
use pde_server::ids::DocumentId;

fn unix_now() -> f64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs_f64()
}

async fn put_blob(t: &TestApp, id: DocumentId, bytes: &'static [u8]) {
    let body: ByteStream = Box::pin(futures_util::stream::iter([Ok(Bytes::from_static(bytes))]));
    t.state
        .blobs
        .put(id, bytes.len() as u64, body)
        .await
        .unwrap();
}

async fn download(t: &TestApp, session: &str, id: &str) -> (StatusCode, Bytes) {
    let r = t
        .get(&format!("/api/v1/documents/{id}/content"), Some(session))
        .await;
    (r.status, r.body)
}

/// Where the app's blobs are.
enum Store<'a> {
    Local(std::path::PathBuf),
    Bucket(&'a S3),
}

impl Store<'_> {
    /// The ids of the blobs it holds (never temporary objects), sorted.
    async fn ids(&self) -> Vec<String> {
        let mut ids = Vec::new();
        match self {
            Store::Local(dir) => {
                for shard in std::fs::read_dir(dir).unwrap() {
                    let shard = shard.unwrap();
                    if shard.file_name() != "tmp" {
                        for blob in std::fs::read_dir(shard.path()).unwrap() {
                            ids.push(blob.unwrap().file_name().into_string().unwrap());
                        }
                    }
                }
            }
            Store::Bucket(s3) => {
                for key in s3.keys().await {
                    if !key.starts_with("blobs/tmp/") {
                        ids.push(key.strip_prefix("blobs/").unwrap().to_owned());
                    }
                }
            }
        }
        ids.sort();
        ids
    }
}

fn sorted(mut ids: Vec<String>) -> Vec<String> {
    ids.sort();
    ids
}

/// The story, on the app's blob store, which is `store`.
async fn orphan_story(mut t: TestApp, store: Store<'_>) {
    // The app's clock starts at the real time, which the stores' timestamps follow.
    t.clock.set(unix_now() as i64);
    let h = t.signup("orphan-story").await;
    let kept = t.store(&h.session, b"kept content").await;

    // Deleting a document whose blob cannot be deleted: the row is gone, the blob stays.
    let gone_row = t.store(&h.session, b"deleted document").await;
    let live = t.state.blobs.clone();
    t.state.blobs = Arc::new(DeleteFails(live.clone()));
    t.app = pde_server::app(t.state.clone());
    let r = t
        .call(
            Method::DELETE,
            &format!("/api/v1/documents/{gone_row}"),
            Some(&h.session),
            None,
        )
        .await;
    assert!(r.status.is_server_error(), "{}", r.status);
    t.state.blobs = live;
    t.app = pde_server::app(t.state.clone());
    assert_eq!(t.list_ids(&h.session).await, vec![kept.clone()]);

    // A blob under an id that never had a row.
    let stray = DocumentId::random();
    put_blob(&t, stray, b"stray").await;
    // A reservation whose content was stored without the row saying so (a server killed
    // between the two): the row is pending, the blob is there.
    let reserved = t.reserve(&h.session, 9).await;
    put_blob(&t, reserved.parse().unwrap(), b"half done").await;

    // Everything so far was written at or before `old`. One more orphan, written at least two
    // seconds later (stores keep whole seconds), is still inside its lease at the sweep below.
    let old = unix_now().ceil() as i64;
    while unix_now() < (old + 2) as f64 {
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let young = DocumentId::random();
    put_blob(&t, young, b"young").await;
    assert_eq!(
        store.ids().await,
        sorted(vec![
            kept.clone(),
            gone_row.clone(),
            stray.to_string(),
            reserved.clone(),
            young.to_string()
        ])
    );

    // The sweep runs a lease after `old` plus one second: what is older and has no row goes.
    let lease = t.state.config.upload_lease_secs as i64;
    assert!(lease + 1 < t.state.config.pending_ttl_secs as i64);
    t.clock.set(old + lease + 1);
    let report = pde_server::sweeper::sweep(&t.state).await.unwrap();
    assert_eq!(report.orphan_blobs, 2, "{report:?}");
    assert_eq!(
        store.ids().await,
        sorted(vec![kept.clone(), reserved.clone(), young.to_string()]),
        "the orphans older than the lease are gone; the young one and the reserved one stay"
    );
    assert_eq!(
        download(&t, &h.session, &kept).await,
        (StatusCode::OK, Bytes::from_static(b"kept content"))
    );
    // A second sweep (as another replica's) finds nothing more.
    let report = pde_server::sweeper::sweep(&t.state).await.unwrap();
    assert_eq!(report.orphan_blobs, 0);

    // Once the young orphan is older than the lease and the reservation older than the
    // pending time-to-live, both go; the complete document stays.
    t.clock
        .set(old + 2 + t.state.config.pending_ttl_secs as i64 + lease + 1);
    let report = pde_server::sweeper::sweep(&t.state).await.unwrap();
    assert_eq!(
        (report.documents, report.orphan_blobs),
        (1, 1),
        "{report:?}"
    );
    assert_eq!(store.ids().await, vec![kept.clone()]);
    // The holder logs in again (the session has been idle too long) and finds the document.
    let session = t
        .login(&h.pseudonym, "passphrase", &h.passphrase_auth)
        .await
        .session_token();
    assert_eq!(t.list_ids(&session).await, vec![kept.clone()]);
    assert_eq!(
        download(&t, &session, &kept).await,
        (StatusCode::OK, Bytes::from_static(b"kept content"))
    );
}

#[tokio::test]
async fn orphan_blobs_are_swept_from_the_local_directory() {
    let t = TestApp::new().await;
    let dir = t.blob_dir();
    orphan_story(t, Store::Local(dir)).await;
}

#[tokio::test]
async fn orphan_blobs_are_swept_from_the_bucket() {
    let s3 = S3::start();
    let t = TestApp::with_s3(&s3, |_| {}).await;
    orphan_story(t, Store::Bucket(&s3)).await;
    assert!(
        s3.keys().await.iter().all(|k| !k.starts_with("blobs/tmp/")),
        "no upload marker is left"
    );
}
