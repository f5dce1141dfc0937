//! The blob store: document content ciphertexts, keyed by document id.
//!
//! A blob appears under its key only once all of it is stored; until then it lives as a
//! temporary object that a sweep removes if the writer died.

mod local;

use std::io;
use std::pin::Pin;
use std::time::SystemTime;

use async_trait::async_trait;
use bytes::Bytes;
use futures_util::Stream;

pub use self::local::LocalBlobStore;
use crate::ids::DocumentId;

/// A stream of body bytes.
pub type ByteStream = Pin<Box<dyn Stream<Item = io::Result<Bytes>> + Send>>;

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
    async fn delete(&self, id: DocumentId) -> io::Result<()>;
    /// Deletes temporary objects last written before `before`; returns how many.
    async fn sweep_temp(&self, before: SystemTime) -> io::Result<u64>;
}
