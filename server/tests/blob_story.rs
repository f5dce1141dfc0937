//! One blob-store story, run on the local directory and on S3 (a real Garage): what is put
//! comes back byte for byte, a body of the wrong length is refused and leaves nothing
//! behind, delete removes, ping answers.

use std::io;
use std::time::{Duration, SystemTime};

use crate::common::content;
use crate::common::s3::S3;
use bytes::Bytes;
use pde_server::blob::{BlobError, BlobStore, ByteStream, LocalBlobStore};
use pde_server::ids::DocumentId;

/// Sizes around the S3 part size: one part, exactly one part, several parts.
const PART: usize = 5 * 1024 * 1024;

/// `bytes` in chunks of uneven sizes, as a network delivers them.
fn body(bytes: &[u8]) -> ByteStream {
    let mut chunks = Vec::new();
    let mut rest = Bytes::copy_from_slice(bytes);
    let mut n = 1usize;
    while !rest.is_empty() {
        let take = (n * 37_123 % 300_000 + 1).min(rest.len());
        chunks.push(Ok(rest.split_to(take)));
        n += 1;
    }
    Box::pin(futures_util::stream::iter(chunks))
}

/// `bytes`, then a failure of the connection.
fn broken_body(bytes: &[u8]) -> ByteStream {
    let items: Vec<io::Result<Bytes>> = vec![
        Ok(Bytes::copy_from_slice(bytes)),
        Err(io::Error::new(
            io::ErrorKind::ConnectionReset,
            "client went away",
        )),
    ];
    Box::pin(futures_util::stream::iter(items))
}

async fn read_all(store: &dyn BlobStore, id: DocumentId) -> Vec<u8> {
    use futures_util::StreamExt;
    let mut blob = store.open(id).await.unwrap();
    let mut out = Vec::new();
    while let Some(chunk) = blob.stream.next().await {
        out.extend_from_slice(&chunk.unwrap());
    }
    assert_eq!(blob.len, out.len() as u64, "announced length");
    out
}

/// The story. `leftovers` lists everything the store keeps (blobs, temp objects,
/// unfinished uploads).
async fn story<F, Fut>(store: &dyn BlobStore, leftovers: F)
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = Vec<String>>,
{
    store.ping().await.expect("ping");
    assert!(leftovers().await.is_empty());

    // Put, then open: byte for byte, whatever the size.
    let mut stored = Vec::new();
    for (i, len) in [1, 100_000, PART, 2 * PART + 12_345]
        .into_iter()
        .enumerate()
    {
        let id = DocumentId::random();
        let bytes = content(len, i as u8);
        store.put(id, len as u64, body(&bytes)).await.unwrap();
        assert!(read_all(store, id).await == bytes, "{len} bytes differ");
        stored.push(id);
    }
    assert_eq!(
        leftovers().await.len(),
        stored.len(),
        "{:?}",
        leftovers().await
    );

    // Wrong lengths and a broken body: refused, and nothing is left under the id.
    for (announced, sent) in [
        (1000, 999),
        (1000, 1001),
        (PART, PART + 1),
        (2 * PART + 10, 2 * PART + 9),
        (2 * PART, 3 * PART),
    ] {
        let id = DocumentId::random();
        let got = store
            .put(id, announced as u64, body(&content(sent, 7)))
            .await;
        match got {
            Err(BlobError::TooShort) => assert!(sent < announced),
            Err(BlobError::TooLong) => assert!(sent > announced),
            other => panic!("{announced} announced, {sent} sent: {other:?}"),
        }
        assert!(matches!(store.open(id).await, Err(BlobError::NotFound)));
    }
    let id = DocumentId::random();
    let got = store
        .put(id, (3 * PART) as u64, broken_body(&content(PART + 7, 8)))
        .await;
    assert!(matches!(got, Err(BlobError::Body(_))), "{got:?}");
    assert_eq!(
        leftovers().await.len(),
        stored.len(),
        "a refused body left something: {:?}",
        leftovers().await
    );
    // Nothing for the sweep either.
    let swept = store
        .sweep_temp(SystemTime::now() + Duration::from_secs(1))
        .await
        .unwrap();
    assert_eq!(swept, 0);

    // Delete: gone, and deleting again is no error.
    for id in stored {
        store.delete(id).await.unwrap();
        assert!(matches!(store.open(id).await, Err(BlobError::NotFound)));
        store.delete(id).await.unwrap();
    }
    assert!(leftovers().await.is_empty(), "{:?}", leftovers().await);
    store.ping().await.expect("ping after");
}

#[tokio::test]
async fn the_local_store_keeps_the_story() {
    let dir = tempfile::tempdir().unwrap();
    let store = LocalBlobStore::open(dir.path()).await.unwrap();
    story(&store, || async {
        crate::common::files_under(dir.path())
            .iter()
            .map(|p| p.display().to_string())
            .collect()
    })
    .await;
}

#[tokio::test]
async fn the_s3_store_keeps_the_story() {
    let s3 = S3::start();
    let store = s3.store("story").await;
    story(&store, || async {
        let mut left = s3.keys().await;
        let (_, unfinished) = s3.garage.bucket_counts().unwrap();
        if unfinished > 0 {
            left.push(format!("{unfinished} unfinished multipart uploads"));
        }
        left
    })
    .await;
}
