//! [`BlobStore`] in an S3-compatible bucket (AWS S3, Garage, MinIO…), on the `object_store`
//! crate: blobs under `<prefix>/<id>`, and for each multipart upload under way a small marker
//! object `<prefix>/tmp/<id>.<random>` holding its upload id.
//!
//! A body that fits in one part ([`PART_BYTES`]) is sent with one `PUT`. A longer one goes
//! as a multipart upload, the next part read while up to [`PARTS_IN_FLIGHT`] parts are sent,
//! so a document is never held whole in memory; the object appears under its key only when the upload
//! completes (S3 makes a completed multipart upload visible at once). On any failure the
//! upload is aborted, which drops its parts.
//!
//! Unfinished multipart uploads are not objects: listing the bucket does not show them, and
//! `object_store` 0.14 has no call that lists them (`MultipartStore` creates, fills,
//! completes and aborts an upload whose id the caller holds; nothing lists them). The marker objects stand in for that list: if
//! the abort itself fails (the S3 service went away mid-upload) or the server dies, the
//! marker stays, and [`BlobStore::sweep_temp`] aborts the upload it names and deletes it.

use std::io;
use std::sync::Arc;
use std::time::{Duration, SystemTime};

use async_trait::async_trait;
use bytes::Bytes;
use futures_util::stream::FuturesUnordered;
use futures_util::{StreamExt, TryStreamExt};
use object_store::aws::{AmazonS3, AmazonS3Builder};
use object_store::multipart::{MultipartStore, PartId};
use object_store::path::Path;
use object_store::{
    ClientOptions, ObjectStore, ObjectStoreExt, PutPayload, PutPayloadMut, RetryConfig,
};

use super::*;
use crate::config::S3Options;
use crate::secrets::{self, SecretString};

/// Size of every part of a multipart upload but the last: the smallest most S3 services
/// accept. Each upload holds at most `PARTS_IN_FLIGHT + 1` parts in memory (those being sent
/// and the one being read).
pub const PART_BYTES: usize = 5 * 1024 * 1024;

/// Parts of one upload sent at once. With one, the body waits whenever a part has been read
/// before the previous one is stored, and every part pays the store's whole round trip.
const PARTS_IN_FLIGHT: usize = 2;

/// How often a running multipart upload rewrites its marker (see [`S3BlobStore::put_multipart`]).
const MARKER_REFRESH: std::time::Duration = std::time::Duration::from_secs(20);

/// Where the bucket is and how to reach it, checked.
#[derive(Clone)]
pub struct S3Location {
    /// The bucket.
    pub bucket: String,
    /// The key prefix, without leading or trailing `/` (may be empty).
    pub prefix: String,
    /// The service URL, if not AWS.
    pub endpoint: Option<String>,
    /// The region.
    pub region: String,
    /// Access key id.
    pub access_key_id: String,
    /// Secret access key.
    pub secret_access_key: SecretString,
    /// `https://BUCKET.ENDPOINT/KEY` rather than `https://ENDPOINT/BUCKET/KEY`.
    pub virtual_hosted_style: bool,
    /// Plain HTTP to a loopback endpoint.
    pub allow_http: bool,
}

impl std::fmt::Debug for S3Location {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.describe())
    }
}

impl S3Location {
    /// Checks the S3 options of the configuration (`blob_url` must be set).
    pub fn from_options(o: &S3Options) -> Result<Self, OpenError> {
        let bad = |text: String| OpenError::Config(text);
        let url = o.blob_url.as_deref().unwrap_or_default();
        let rest = url.strip_prefix("s3://").ok_or_else(|| {
            bad(format!(
                "--blob-url: expected s3://BUCKET or s3://BUCKET/PREFIX, got `{url}`"
            ))
        })?;
        let (bucket, prefix) = rest.split_once('/').unwrap_or((rest, ""));
        let prefix = prefix.trim_matches('/');
        if bucket.is_empty() || Path::parse(prefix).is_err() || prefix.contains("//") {
            return Err(bad(format!(
                "--blob-url: expected s3://BUCKET or s3://BUCKET/PREFIX, got `{url}`"
            )));
        }
        let access_key_id = o
            .s3_access_key_id
            .clone()
            .filter(|k| !k.is_empty())
            .ok_or_else(|| bad("--blob-url s3://… needs --s3-access-key-id".into()))?;
        let secret_access_key = o
            .s3_secret_access_key
            .clone()
            .filter(|k| !k.expose().is_empty())
            .ok_or_else(|| bad("--blob-url s3://… needs --s3-secret-access-key".into()))?;
        if let Some(endpoint) = &o.s3_endpoint {
            let parsed = reqwest::Url::parse(endpoint).map_err(|e| {
                bad(format!(
                    "--s3-endpoint: `{endpoint}` is not a URL ({e}); expected https://HOST[:PORT]"
                ))
            })?;
            let host = parsed.host_str().unwrap_or_default();
            let loopback = host.eq_ignore_ascii_case("localhost")
                || host
                    .trim_start_matches('[')
                    .trim_end_matches(']')
                    .parse::<std::net::IpAddr>()
                    .is_ok_and(|ip| ip.is_loopback());
            match parsed.scheme() {
                "https" => {}
                "http" if o.s3_allow_http && loopback => {}
                "http" if o.s3_allow_http => {
                    return Err(bad(format!(
                        "--s3-allow-http: accepted only for a loopback endpoint \
                         (127.0.0.1, ::1 or localhost), not `{endpoint}`"
                    )));
                }
                "http" => {
                    return Err(bad(format!(
                        "--s3-endpoint: `{endpoint}` is plain HTTP; use https://, or \
                         --s3-allow-http for a loopback endpoint"
                    )));
                }
                other => {
                    return Err(bad(format!(
                        "--s3-endpoint: scheme `{other}` of `{endpoint}`; expected https:// \
                         (or http:// with --s3-allow-http)"
                    )));
                }
            }
        } else if o.s3_allow_http {
            return Err(bad(
                "--s3-allow-http: accepted only with a loopback --s3-endpoint".into(),
            ));
        }
        Ok(Self {
            bucket: bucket.to_owned(),
            prefix: prefix.to_owned(),
            endpoint: o.s3_endpoint.clone(),
            region: o.s3_region.clone(),
            access_key_id,
            secret_access_key,
            virtual_hosted_style: o.s3_virtual_hosted_style,
            allow_http: o.s3_allow_http,
        })
    }

    /// `s3://bucket/prefix at https://endpoint`, for messages (no credentials).
    pub fn describe(&self) -> String {
        let mut text = format!("s3://{}", self.bucket);
        if !self.prefix.is_empty() {
            text.push('/');
            text.push_str(&self.prefix);
        }
        if let Some(endpoint) = &self.endpoint {
            text.push_str(" at ");
            text.push_str(endpoint);
        }
        text
    }
}

/// Document blobs in an S3-compatible bucket.
#[derive(Debug, Clone)]
pub struct S3BlobStore {
    store: Arc<AmazonS3>,
    prefix: Path,
    location: String,
}

fn unavailable(e: object_store::Error) -> BlobError {
    match e {
        object_store::Error::NotFound { .. } => BlobError::NotFound,
        e => BlobError::Unavailable(e),
    }
}

impl S3BlobStore {
    /// A client for `location` (no request is made yet; see [`Self::check`]).
    pub fn new(location: &S3Location) -> Result<Self, OpenError> {
        // The S3 client's TLS runs on ring, as the rest of the server; installing the
        // provider fails only when one is already installed, which is as good.
        let _ = rustls::crypto::ring::default_provider().install_default();
        let mut builder = AmazonS3Builder::new()
            .with_bucket_name(&location.bucket)
            .with_region(&location.region)
            .with_access_key_id(&location.access_key_id)
            // object_store keeps its own copy of the secret, which it does not wipe; ours
            // (in `SecretString`) is wiped when the configuration is dropped.
            .with_secret_access_key(location.secret_access_key.expose())
            .with_virtual_hosted_style_request(location.virtual_hosted_style)
            .with_client_options(
                ClientOptions::new()
                    .with_allow_http(location.allow_http)
                    .with_connect_timeout(Duration::from_secs(5))
                    .with_timeout(Duration::from_secs(60)),
            )
            // A few quick retries, then the client hears `503 unavailable` instead of
            // waiting minutes for a service that is down.
            .with_retry(RetryConfig {
                max_retries: 3,
                retry_timeout: Duration::from_secs(15),
                ..RetryConfig::default()
            });
        if let Some(endpoint) = &location.endpoint {
            builder = builder.with_endpoint(endpoint);
        }
        let store = builder.build().map_err(|source| OpenError::S3 {
            location: location.describe(),
            source,
        })?;
        Ok(Self {
            store: Arc::new(store),
            prefix: Path::from(location.prefix.as_str()),
            location: location.describe(),
        })
    }

    /// Fails unless the bucket answers to the key (a listing of the temp prefix).
    pub async fn check(&self) -> Result<(), OpenError> {
        self.list_one().await.map_err(|source| OpenError::S3 {
            location: self.location.clone(),
            source,
        })
    }

    async fn list_one(&self) -> Result<(), object_store::Error> {
        match self.store.list(Some(&self.tmp_prefix())).next().await {
            Some(Err(e)) => Err(e),
            _ => Ok(()),
        }
    }

    fn key(&self, id: DocumentId) -> Path {
        self.prefix.clone().join(id.to_string())
    }

    fn tmp_prefix(&self) -> Path {
        self.prefix.clone().join("tmp")
    }

    /// Stores a body longer than one part, whose first part is `first`.
    async fn put_multipart(
        &self,
        key: &Path,
        first: PutPayload,
        parts: &mut Parts,
    ) -> Result<(), BlobError> {
        // The order makes every point a `kill -9` can hit leave nothing, or something the
        // sweep finds: before the marker is written, no object exists under `key`, but the
        // upload just created does, and nothing names it. That one window (one request long)
        // cannot be closed here: the marker must hold the upload id, which S3 gives only on
        // creation, and `object_store` cannot list unfinished uploads. A bucket lifecycle rule
        // `AbortIncompleteMultipartUpload` removes such uploads (docs/operations.md). After the
        // marker is written, the sweep aborts the upload by it; after the completion, the
        // object is a blob whose row the stale-document pass or the orphan pass deletes if the
        // server died before its database said so.
        let upload = self
            .store
            .create_multipart(key)
            .await
            .map_err(unavailable)?;
        let marker = self.tmp_prefix().join(format!(
            "{}.{}",
            key.filename().unwrap_or_default(),
            secrets::hex(&secrets::random_bytes::<8>())
        ));
        let sent = async {
            self.store
                .put(&marker, PutPayload::from(upload.clone()))
                .await
                .map_err(unavailable)?;
            let mut marker_written = std::time::Instant::now();
            // Part numbers in order, each filled in when its part is stored.
            let mut ids: Vec<Option<PartId>> = Vec::new();
            let mut sending = FuturesUnordered::new();
            let mut next = Some(first);
            loop {
                if let Some(part) = next.take() {
                    let n = ids.len();
                    ids.push(None);
                    let (store, upload) = (&self.store, &upload);
                    sending.push(async move { (n, store.put_part(key, upload, n, part).await) });
                }
                if !parts.ended && sending.len() < PARTS_IN_FLIGHT {
                    // Read the next part while the ones in flight are sent.
                    let read = parts.next();
                    tokio::pin!(read);
                    loop {
                        tokio::select! {
                            got = &mut read => {
                                next = got?;
                                break;
                            }
                            Some((n, sent)) = sending.next() => {
                                ids[n] = Some(sent.map_err(unavailable)?);
                            }
                        }
                    }
                } else {
                    match sending.next().await {
                        Some((n, sent)) => ids[n] = Some(sent.map_err(unavailable)?),
                        None => break,
                    }
                }
                // The sweep aborts uploads whose marker is older than `--pending-ttl-secs`;
                // rewriting it while parts arrive keeps a slow but live upload out of reach.
                if marker_written.elapsed() >= MARKER_REFRESH {
                    self.store
                        .put(&marker, PutPayload::from(upload.clone()))
                        .await
                        .map_err(unavailable)?;
                    marker_written = std::time::Instant::now();
                }
            }
            // Every part is stored here: each id is filled in.
            let ids: Vec<PartId> = ids.into_iter().flatten().collect();
            self.store
                .complete_multipart(key, &upload, ids)
                .await
                .map_err(unavailable)?;
            Ok(())
        }
        .await;
        match &sent {
            Ok(()) => {
                // A marker left here is harmless: the sweep's abort of a completed upload
                // finds nothing, and the object stays.
                if let Err(e) = self.store.delete(&marker).await {
                    tracing::warn!(error = %one_line(&e), "could not delete an upload marker");
                }
            }
            Err(_) => match self.store.abort_multipart(key, &upload).await {
                Ok(()) | Err(object_store::Error::NotFound { .. }) => {
                    let _ = self.store.delete(&marker).await;
                }
                // The marker stays for the sweep, which aborts the upload later.
                Err(e) => tracing::error!(
                    error = %one_line(&e),
                    "could not abort a failed multipart upload; the sweep will"
                ),
            },
        }
        sent
    }
}

/// The body cut into parts of [`PART_BYTES`], checking its exact length.
struct Parts {
    body: ByteStream,
    len: u64,
    received: u64,
    carry: Option<Bytes>,
    ended: bool,
}

impl Parts {
    /// The next part: [`PART_BYTES`] long, or shorter as the last one; `None` after the
    /// last. Fails as soon as the body is longer than announced, or ends shorter.
    async fn next(&mut self) -> Result<Option<PutPayload>, BlobError> {
        if self.ended {
            return Ok(None);
        }
        let mut part = PutPayloadMut::new();
        loop {
            let chunk = match self.carry.take() {
                Some(chunk) => chunk,
                None => match self.body.next().await {
                    Some(chunk) => {
                        let chunk = chunk.map_err(BlobError::Body)?;
                        self.received += chunk.len() as u64;
                        if self.received > self.len {
                            return Err(BlobError::TooLong);
                        }
                        chunk
                    }
                    None => {
                        if self.received < self.len {
                            return Err(BlobError::TooShort);
                        }
                        self.ended = true;
                        return Ok((!part.is_empty()).then(|| part.freeze()));
                    }
                },
            };
            let room = PART_BYTES - part.content_length();
            if chunk.len() > room {
                let mut chunk = chunk;
                part.push(chunk.split_to(room));
                self.carry = Some(chunk);
            } else {
                part.push(chunk);
            }
            if part.content_length() == PART_BYTES {
                if self.received == self.len && self.carry.is_none() {
                    // All announced bytes are here; the body must end now.
                    self.ensure_ended().await?;
                }
                return Ok(Some(part.freeze()));
            }
        }
    }

    /// Reads the end of a body that has sent every announced byte.
    async fn ensure_ended(&mut self) -> Result<(), BlobError> {
        while let Some(chunk) = self.body.next().await {
            if !chunk.map_err(BlobError::Body)?.is_empty() {
                return Err(BlobError::TooLong);
            }
        }
        self.ended = true;
        Ok(())
    }
}

#[async_trait]
impl BlobStore for S3BlobStore {
    async fn ping(&self) -> io::Result<()> {
        self.list_one()
            .await
            .map_err(|e| io::Error::other(one_line(&e)))
    }

    async fn put(&self, id: DocumentId, len: u64, body: ByteStream) -> Result<(), BlobError> {
        let key = self.key(id);
        let mut parts = Parts {
            body,
            len,
            received: 0,
            carry: None,
            ended: false,
        };
        let first = parts.next().await?.unwrap_or_default();
        if parts.ended {
            // The whole body in one part: one `PUT`, atomic as well.
            self.store.put(&key, first).await.map_err(unavailable)?;
            return Ok(());
        }
        self.put_multipart(&key, first, &mut parts).await
    }

    async fn open(&self, id: DocumentId) -> Result<BlobReader, BlobError> {
        let got = self.store.get(&self.key(id)).await.map_err(unavailable)?;
        Ok(BlobReader {
            len: got.meta.size,
            stream: Box::pin(got.into_stream().map_err(io::Error::other)),
        })
    }

    async fn delete(&self, id: DocumentId) -> Result<(), BlobError> {
        match self.store.delete(&self.key(id)).await {
            Ok(()) | Err(object_store::Error::NotFound { .. }) => Ok(()),
            Err(e) => Err(BlobError::Unavailable(e)),
        }
    }

    async fn sweep_temp(&self, before: SystemTime) -> Result<u64, BlobError> {
        // The listing is read page by page while markers are deleted, which S3 allows.
        let mut markers = self.store.list(Some(&self.tmp_prefix()));
        let mut removed = 0;
        while let Some(marker) = markers.next().await {
            let marker = marker.map_err(BlobError::Unavailable)?;
            if SystemTime::from(marker.last_modified) > before {
                continue;
            }
            let Some(id) = marker
                .location
                .filename()
                .and_then(|name| name.split_once('.'))
                .map(|(id, _)| id.to_owned())
            else {
                continue;
            };
            let upload = match self.store.get(&marker.location).await {
                Ok(got) => got.bytes().await.map_err(BlobError::Unavailable)?,
                Err(object_store::Error::NotFound { .. }) => continue,
                Err(e) => return Err(BlobError::Unavailable(e)),
            };
            let upload = String::from_utf8_lossy(&upload).into_owned();
            match self
                .store
                .abort_multipart(&self.prefix.clone().join(id), &upload)
                .await
            {
                Ok(()) | Err(object_store::Error::NotFound { .. }) => {}
                Err(e) => return Err(BlobError::Unavailable(e)),
            }
            match self.store.delete(&marker.location).await {
                Ok(()) | Err(object_store::Error::NotFound { .. }) => removed += 1,
                Err(e) => return Err(BlobError::Unavailable(e)),
            }
        }
        Ok(removed)
    }

    fn list_older(&self, before: SystemTime) -> IdStream<'_> {
        // `list` pages through ListObjectsV2 (1,000 keys a page) as the stream is read. It
        // lists every key under the prefix; only those right under it are blobs (markers are
        // one level down, under `tmp/`).
        let depth = self.prefix.parts().count() + 1;
        Box::pin(
            self.store
                .list(Some(&self.prefix))
                .map_err(BlobError::Unavailable)
                .try_filter_map(move |meta| async move {
                    if meta.location.parts().count() != depth
                        || SystemTime::from(meta.last_modified) > before
                    {
                        return Ok(None);
                    }
                    Ok(meta
                        .location
                        .filename()
                        .and_then(|name| name.parse::<DocumentId>().ok()))
                }),
        )
    }
}
