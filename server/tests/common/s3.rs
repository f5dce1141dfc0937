//! A real S3 service for the tests: a single-node Garage of their own, stopped when dropped.
//! A test that needs it fails (never skips) when `garage` is not installed.

use pde_server::Config;
use pde_server::blob::{S3BlobStore, S3Location};
use tempfile::TempDir;

use super::TestApp;
use super::garage::{self, Garage};

/// A Garage node and the directory it keeps its data in.
pub struct S3 {
    pub garage: Garage,
    pub dir: TempDir,
}

impl S3 {
    /// Starts Garage with a bucket and a key; panics with the install command if it is
    /// missing.
    pub fn start() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let garage = Garage::start(dir.path())
            .unwrap_or_else(|e| panic!("this test needs Garage {}: {e}", garage::VERSION));
        Self { garage, dir }
    }

    /// Points `config` at the bucket, under `prefix`.
    pub fn configure(&self, config: &mut Config, prefix: &str) {
        config.s3.blob_url = Some(format!("s3://{}/{prefix}", garage::BUCKET));
        config.s3.s3_endpoint = Some(self.garage.endpoint());
        config.s3.s3_region = garage::REGION.into();
        config.s3.s3_access_key_id = Some(self.garage.key_id.clone());
        config.s3.s3_secret_access_key = Some(self.garage.secret.parse().unwrap());
        config.s3.s3_allow_http = true;
    }

    /// The `pde-server serve` flags that put its blobs in the bucket under `prefix`; the
    /// secret goes in the environment ([`Self::secret_env`]).
    pub fn server_args(&self, prefix: &str) -> Vec<String> {
        bucket_args(
            garage::BUCKET,
            prefix,
            &self.garage.endpoint(),
            &self.garage.key_id,
        )
    }

    /// The environment variable that gives the server the key's secret.
    pub fn secret_env(&self) -> (&'static str, &str) {
        ("PDE_S3_SECRET_ACCESS_KEY", &self.garage.secret)
    }

    /// A blob store on the bucket under `prefix`.
    pub async fn store(&self, prefix: &str) -> S3BlobStore {
        let mut config = Config::with_data_dir(self.dir.path());
        self.configure(&mut config, prefix);
        let store = S3BlobStore::new(&S3Location::from_options(&config.s3).unwrap()).unwrap();
        store.check().await.unwrap();
        store
    }

    /// Every key in the bucket (what a `ListObjects` shows, so no unfinished upload).
    pub async fn keys(&self) -> Vec<String> {
        use futures_util::TryStreamExt;
        use object_store::ObjectStore;
        let _ = rustls::crypto::ring::default_provider().install_default();
        let store = object_store::aws::AmazonS3Builder::new()
            .with_bucket_name(garage::BUCKET)
            .with_region(garage::REGION)
            .with_endpoint(self.garage.endpoint())
            .with_access_key_id(&self.garage.key_id)
            .with_secret_access_key(&self.garage.secret)
            .with_allow_http(true)
            .build()
            .unwrap();
        let listed: Vec<_> = store.list(None).try_collect().await.unwrap();
        listed.into_iter().map(|m| m.location.to_string()).collect()
    }
}

/// The `pde-server` flags naming `bucket`, under `prefix`, at `endpoint`, with key `key_id`.
pub fn bucket_args(bucket: &str, prefix: &str, endpoint: &str, key_id: &str) -> Vec<String> {
    [
        "--blob-url",
        &format!("s3://{bucket}/{prefix}"),
        "--s3-endpoint",
        endpoint,
        "--s3-region",
        garage::REGION,
        "--s3-access-key-id",
        key_id,
        "--s3-allow-http",
    ]
    .map(str::to_owned)
    .to_vec()
}

impl TestApp {
    /// The test app with its blobs in the bucket of `s3`.
    pub async fn with_s3(s3: &S3, adjust: impl FnOnce(&mut Config)) -> Self {
        Self::with_config(|config| {
            s3.configure(config, "blobs");
            adjust(config);
        })
        .await
    }
}
