//! What every handler shares.

use std::sync::Arc;

use crate::blob::BlobStore;
use crate::clock::Clock;
use crate::config::Config;
use crate::drain::Drain;
use crate::metrics::Metrics;
use crate::secrets::Pepper;
use crate::storage::Storage;

/// Shared state: storage, blob store, clock, pepper and configuration.
#[derive(Clone)]
pub struct AppState {
    /// The metadata store.
    pub storage: Arc<dyn Storage>,
    /// The blob store.
    pub blobs: Arc<dyn BlobStore>,
    /// The clock.
    pub clock: Arc<dyn Clock>,
    /// Keys derived from the pepper.
    pub pepper: Arc<Pepper>,
    /// The configuration.
    pub config: Arc<Config>,
    /// Whether the server is shutting down, and the uploads it lets finish.
    pub drain: Arc<Drain>,
    /// The HTTP metrics (served on the metrics listener, if any).
    pub metrics: Arc<Metrics>,
    /// The WebAuthn relying party of the public URL; `None` (passkeys off) when its host is
    /// not a domain name.
    pub webauthn: Option<Arc<webauthn_rs::Webauthn>>,
}

/// The server could not start.
#[derive(Debug, thiserror::Error)]
pub enum StartError {
    /// The data directory or a file in it could not be prepared.
    #[error("{what}: {source}")]
    Io {
        /// What was being done.
        what: &'static str,
        /// Why it failed.
        source: std::io::Error,
    },
    /// The database could not be opened or migrated.
    #[error("cannot open the database {url}: {source}")]
    Database {
        /// Its URL, password masked.
        url: String,
        /// Why.
        source: crate::storage::StorageError,
    },
    /// The blob store could not be opened.
    #[error(transparent)]
    Blob(#[from] crate::blob::OpenError),
}

fn io(what: &'static str) -> impl FnOnce(std::io::Error) -> StartError {
    move |source| StartError::Io { what, source }
}

impl AppState {
    /// Opens the pepper, the database and the blob store named by `config`, creating any of
    /// them that is missing.
    pub async fn open(config: Config, clock: Arc<dyn Clock>) -> Result<Self, StartError> {
        std::fs::create_dir_all(&config.data_dir).map_err(io("creating the data directory"))?;
        let pepper = Pepper::load_or_create(&config.pepper_file())
            .map_err(io("reading or creating the pepper file"))?;
        let url = config.database_url();
        let storage: Arc<dyn Storage> =
            crate::storage::connect(&url)
                .await
                .map_err(|source| StartError::Database {
                    url: crate::config::mask_url(&url),
                    source,
                })?;
        let blobs = crate::blob::open_store(&config).await?;
        let webauthn = crate::passkey::relying_party(&config.public_url);
        if webauthn.is_none() {
            tracing::warn!(
                public_url = %config.public_url,
                "passkeys are off: the public URL's host is not a domain name"
            );
        }
        Ok(Self {
            webauthn,
            storage,
            blobs,
            clock,
            pepper: Arc::new(pepper),
            config: Arc::new(config),
            drain: Arc::new(Drain::default()),
            metrics: Arc::new(Metrics::new()),
        })
    }
}
