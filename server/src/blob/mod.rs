//! The blob store: document content ciphertexts, keyed by document id.
//!
//! A blob appears under its key only once all of it is stored; until then it lives as a
//! temporary object that a sweep removes if the writer died. A blob whose document row is
//! gone (a crash between the two deletions, or after the blob was stored but before its row
//! said so and the row was swept) is an orphan, which the sweep finds by listing the store
//! ([`BlobStore::list_older`]).

mod local;
mod s3;

use std::io;
use std::pin::Pin;
use std::time::SystemTime;

use async_trait::async_trait;
use bytes::Bytes;
use futures_util::Stream;

pub use self::local::LocalBlobStore;
pub use self::s3::{S3BlobStore, S3Location};
use crate::config::Config;
use crate::ids::DocumentId;

/// A stream of body bytes.
pub type ByteStream = Pin<Box<dyn Stream<Item = io::Result<Bytes>> + Send>>;

/// A stream of document ids, read page by page from a store's listing.
pub type IdStream<'a> = Pin<Box<dyn Stream<Item = Result<DocumentId, BlobError>> + Send + 'a>>;

/// A blob store failure.
#[derive(Debug, thiserror::Error)]
pub enum BlobError {
    /// The body ended before the announced length.
    #[error("the body is shorter than announced")]
    TooShort,
    /// The body went past the announced length.
    #[error("the body is longer than announced")]
    TooLong,
    /// No space left on the device (or a file system quota reached).
    #[error("no space left: {0}")]
    StorageFull(#[source] io::Error),
    /// No blob under that key.
    #[error("no such blob")]
    NotFound,
    /// Reading the incoming body failed (the client went away).
    #[error("reading the body failed: {0}")]
    Body(#[source] io::Error),
    /// The store failed.
    #[error("blob store error: {0}")]
    Io(#[source] io::Error),
    /// The remote store (S3) does not answer, or answers with an error.
    #[error("the blob store does not answer: {}", one_line(.0))]
    Unavailable(#[source] object_store::Error),
}

/// An error and its causes on one line (S3 error answers may carry line breaks).
pub(crate) fn one_line(e: &(dyn std::error::Error + 'static)) -> String {
    let mut text = e.to_string();
    let mut source = e.source();
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.contains(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

impl From<io::Error> for BlobError {
    fn from(e: io::Error) -> Self {
        match e.kind() {
            io::ErrorKind::StorageFull | io::ErrorKind::QuotaExceeded => Self::StorageFull(e),
            io::ErrorKind::NotFound => Self::NotFound,
            _ => Self::Io(e),
        }
    }
}

/// A blob opened for reading.
pub struct BlobReader {
    /// Its length in bytes.
    pub len: u64,
    /// Its bytes.
    pub stream: ByteStream,
}

/// Where document content is kept.
#[async_trait]
pub trait BlobStore: Send + Sync + 'static {
    /// Answers when the store does.
    async fn ping(&self) -> io::Result<()>;
    /// Stores `body` under `id`, which must be exactly `len` bytes long; nothing is left
    /// under `id` or as a temporary object if this fails.
    async fn put(&self, id: DocumentId, len: u64, body: ByteStream) -> Result<(), BlobError>;
    /// Opens the blob under `id` for streaming.
    async fn open(&self, id: DocumentId) -> Result<BlobReader, BlobError>;
    /// Deletes the blob under `id`; no error if there is none.
    async fn delete(&self, id: DocumentId) -> Result<(), BlobError>;
    /// Deletes temporary objects last written before `before`; returns how many.
    async fn sweep_temp(&self, before: SystemTime) -> Result<u64, BlobError>;
    /// The ids of the stored blobs last written at or before `before` (never a temporary
    /// object), read lazily from the store's listing: a directory read entry by entry, an S3
    /// listing page by page. Objects that are not named like a blob are not listed.
    fn list_older(&self, before: SystemTime) -> IdStream<'_>;
}

/// The blob store could not be opened at start.
#[derive(Debug, thiserror::Error)]
pub enum OpenError {
    /// The blob directory could not be created.
    #[error("opening the blob directory {}: {source}", .dir.display())]
    Local {
        /// The directory.
        dir: std::path::PathBuf,
        /// Why.
        source: io::Error,
    },
    /// An S3 option is wrong.
    #[error("{0}")]
    Config(String),
    /// The bucket does not answer, or refuses the key.
    #[error("the blob store {location} does not answer: {}", one_line(.source))]
    S3 {
        /// The bucket, prefix and endpoint.
        location: String,
        /// Why.
        source: object_store::Error,
    },
}

/// Opens the blob store `config` names: the S3 bucket of `--blob-url` if set (checking that
/// it answers), else the blob directory (created if missing). The one place the store is
/// chosen.
pub async fn open_store(config: &Config) -> Result<std::sync::Arc<dyn BlobStore>, OpenError> {
    open_store_of(&config.s3, config.blob_dir()).await
}

/// Opens the S3 bucket of `s3` if it names one, else the directory `blob_dir` (what `serve`
/// and the `admin` backup commands both use).
pub async fn open_store_of(
    s3: &crate::config::S3Options,
    blob_dir: std::path::PathBuf,
) -> Result<std::sync::Arc<dyn BlobStore>, OpenError> {
    match &s3.blob_url {
        Some(_) => {
            let store = S3BlobStore::new(&S3Location::from_options(s3)?)?;
            store.check().await?;
            Ok(std::sync::Arc::new(store))
        }
        None => {
            let dir = blob_dir;
            match LocalBlobStore::open(&dir).await {
                Ok(store) => Ok(std::sync::Arc::new(store)),
                Err(source) => Err(OpenError::Local { dir, source }),
            }
        }
    }
}
