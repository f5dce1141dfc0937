//! Configuration, declared once: defaults, overridden by `PDE_*` environment variables,
//! overridden by command-line flags.

use std::fmt;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand};

use crate::secrets::SecretString;

/// The command line of `pde-server`.
#[derive(Debug, Parser)]
#[command(
    name = "pde-server",
    version,
    about = "PDE server: an end-to-end-encrypted document wallet's ciphertext store and web app",
    args_conflicts_with_subcommands = true
)]
pub struct Cli {
    /// What to do; `serve` when none is given.
    #[command(subcommand)]
    pub command: Option<Command>,
    /// Options of `serve`, also accepted without the subcommand.
    #[command(flatten)]
    pub serve: Config,
}

/// Subcommands.
// Parsed once at start; boxing `Config` would buy nothing.
#[allow(clippy::large_enum_variant)]
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Run the HTTP server (the default).
    Serve(Config),
    /// Operator commands: organisations and workers. They work on the database directly, so
    /// they can run while the server runs.
    Admin(AdminArgs),
    /// Print the OpenAPI document of the HTTP API (the one served at `/api/openapi.json`) as
    /// indented JSON, and exit. Needs no configuration, database or network.
    Openapi,
}

/// `pde-server admin`: the storage options of `serve` and one command.
#[derive(Debug, Args)]
pub struct AdminArgs {
    /// Where the server's data is.
    #[command(flatten)]
    pub storage: AdminStorage,
    /// What to do.
    #[command(subcommand)]
    pub command: AdminCommand,
}

/// The options of `serve` that name the database and the public URL.
#[derive(Clone, Args)]
pub struct AdminStorage {
    /// A TOML file of options named like the flags (`data_dir = "/var/lib/pde"`); flags and
    /// `PDE_*` variables override it.
    #[arg(long, global = true, env = "PDE_CONFIG")]
    pub config: Option<PathBuf>,

    /// Directory for the database and the pepper, unless set separately.
    /// Where the blobs are when they are in an S3-compatible bucket (`backup` reads them,
    /// `restore` writes them); give these before the command's name, or in the environment
    /// or the configuration file.
    #[command(flatten)]
    pub s3: S3Options,

    #[arg(long, global = true, env = "PDE_DATA_DIR", default_value = "./data")]
    pub data_dir: PathBuf,

    /// Database URL [default: sqlite file `pde.sqlite` in the data directory].
    #[arg(long, global = true, env = "PDE_DATABASE_URL")]
    pub database_url: Option<String>,

    /// File holding the server pepper [default: `pepper` in the data directory]; `backup`
    /// copies it and `restore` writes it.
    #[arg(long, global = true, env = "PDE_PEPPER_FILE")]
    pub pepper_file: Option<PathBuf>,

    /// Directory of the document blobs [default: `blobs` in the data directory]; `backup`
    /// reads it and `restore` writes it.
    #[arg(long, global = true, env = "PDE_BLOB_DIR")]
    pub blob_dir: Option<PathBuf>,

    /// Public URL of the service, the start of invitation links.
    #[arg(
        long,
        global = true,
        env = "PDE_PUBLIC_URL",
        default_value = "http://127.0.0.1:8080"
    )]
    pub public_url: String,
}

impl AdminStorage {
    /// The database URL, defaulting to the SQLite file `serve` uses.
    pub fn database_url(&self) -> String {
        self.database_url
            .clone()
            .unwrap_or_else(|| default_database_url(&self.data_dir))
    }

    /// The pepper file, as `serve` uses it.
    pub fn pepper_file(&self) -> PathBuf {
        self.pepper_file
            .clone()
            .unwrap_or_else(|| self.data_dir.join("pepper"))
    }

    /// The blob directory, as `serve` uses it.
    pub fn blob_dir(&self) -> PathBuf {
        self.blob_dir
            .clone()
            .unwrap_or_else(|| self.data_dir.join("blobs"))
    }
}

impl fmt::Debug for AdminStorage {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("AdminStorage")
            .field("data_dir", &self.data_dir)
            .field("database_url", &mask_url(&self.database_url()))
            .field("pepper_file", &self.pepper_file)
            .field("blob_dir", &self.blob_dir)
            .field("public_url", &self.public_url)
            .finish()
    }
}

/// An operator command.
#[derive(Debug, Subcommand)]
pub enum AdminCommand {
    /// Organisations: `add NAME`, `list`.
    #[command(subcommand)]
    Org(OrgCommand),
    /// Workers: `invite`, `list`, `verify CODE`, `suspend CODE`.
    #[command(subcommand)]
    Worker(WorkerCommand),
    /// The service's indicators (the numbers of `/metrics`): `name: value` lines, or one
    /// JSON object with `--json`.
    Stats {
        /// Print one JSON object instead.
        #[arg(long)]
        json: bool,
    },
    /// Back up the database, the pepper and the blob of every complete document into DIR
    /// (new or empty), while the server runs; see docs/operations.md.
    Backup {
        /// The backup directory to create.
        dir: PathBuf,
    },
    /// Check a backup: every file against the manifest (size, SHA-256), and the database's
    /// documents against the blobs.
    VerifyBackup {
        /// The backup directory.
        dir: PathBuf,
    },
    /// Check a backup, then restore it into the configured database, pepper file and blob
    /// directory, which must be empty.
    Restore {
        /// The backup directory.
        dir: PathBuf,
    },
}

/// `admin org …`
#[derive(Debug, Subcommand)]
pub enum OrgCommand {
    /// Create an organisation; prints `organisation: <id>`.
    Add {
        /// Its name (unique).
        name: String,
    },
    /// List organisations with their number of workers by state (tab-separated, with a
    /// header line).
    List,
}

/// `admin worker …`
#[derive(Debug, Subcommand)]
pub enum WorkerCommand {
    /// Make a one-time invitation; prints `link: <public-url>/join#<token>` and
    /// `expires_at: <unix seconds> (<UTC date and time>)`.
    Invite {
        /// The organisation the worker joins: its id or exact name.
        #[arg(long)]
        org: String,
        /// Hours the invitation stays valid (1 to 720).
        #[arg(long, default_value_t = 72, value_parser = clap::value_parser!(u32).range(1..=720))]
        valid_hours: u32,
    },
    /// List workers: card code, real name, organisation, state, day joined (tab-separated,
    /// with a header line).
    List {
        /// Only the workers of this organisation (id or exact name).
        #[arg(long)]
        org: Option<String>,
    },
    /// Mark a worker verified (also lifts a suspension); prints `verified: <code> <name>`.
    Verify {
        /// The worker's card code.
        code: String,
    },
    /// Suspend a worker and end their sessions at once; prints `suspended: <code> <name>`.
    Suspend {
        /// The worker's card code.
        code: String,
    },
}

impl Cli {
    /// The command to run, `serve` with its options when none was named.
    pub fn into_command(self) -> Command {
        self.command.unwrap_or(Command::Serve(self.serve))
    }
}

/// Server configuration.
#[derive(Clone, Args)]
pub struct Config {
    /// A TOML file of options named like the flags (`quota_bytes = 524288000`); flags and
    /// `PDE_*` variables override it.
    #[arg(long, env = "PDE_CONFIG")]
    pub config: Option<PathBuf>,

    /// Print the configuration in effect (secrets masked) as a configuration file, and exit.
    #[arg(long)]
    pub print_config: bool,

    /// Address and port to listen on (port 0 picks a free one).
    #[arg(long, env = "PDE_LISTEN", default_value = "127.0.0.1:8080")]
    pub listen: SocketAddr,

    /// Directory for the database, the pepper and the blobs, unless set separately.
    #[arg(long, env = "PDE_DATA_DIR", default_value = "./data")]
    pub data_dir: PathBuf,

    /// Database URL [default: sqlite file `pde.sqlite` in the data directory, created if missing].
    #[arg(long, env = "PDE_DATABASE_URL")]
    pub database_url: Option<String>,

    /// Directory of the document blobs [default: `blobs` in the data directory].
    #[arg(long, env = "PDE_BLOB_DIR")]
    pub blob_dir: Option<PathBuf>,

    /// File holding the 32-byte server pepper, created with mode 0600 if missing
    /// [default: `pepper` in the data directory].
    #[arg(long, env = "PDE_PEPPER_FILE")]
    pub pepper_file: Option<PathBuf>,

    /// Directory of the built web app [default: the app compiled into this binary (release
    /// builds made by `cargo xtask`), else `client-wasm/web/dist`].
    #[arg(long, env = "PDE_WEB_DIR")]
    pub web_dir: Option<PathBuf>,

    /// Public URL of the service; invitation links are built from it, and an `https://` URL
    /// turns on `Strict-Transport-Security`.
    #[arg(long, env = "PDE_PUBLIC_URL", default_value = "http://127.0.0.1:8080")]
    pub public_url: String,

    /// Bytes one account may store, pending documents included.
    #[arg(long, env = "PDE_QUOTA_BYTES", default_value_t = 500 * 1024 * 1024)]
    pub quota_bytes: u64,

    /// Largest stored ciphertext of one document, in bytes.
    #[arg(long, env = "PDE_MAX_DOCUMENT_BYTES", default_value_t = 50 * 1024 * 1024)]
    pub max_document_bytes: u64,

    /// A session unused this many seconds ends.
    #[arg(long, env = "PDE_SESSION_IDLE_SECS", default_value_t = 1800)]
    pub session_idle_secs: u64,

    /// A session ends this many seconds after log-in, used or not.
    #[arg(long, env = "PDE_SESSION_ABSOLUTE_SECS", default_value_t = 43_200)]
    pub session_absolute_secs: u64,

    /// A reserved document whose content has not arrived after this many seconds is deleted.
    #[arg(long, env = "PDE_PENDING_TTL_SECS", default_value_t = 3600)]
    pub pending_ttl_secs: u64,

    /// An upload whose server has shown no sign of it for this many seconds is taken to have
    /// died with its server, and the document may be uploaded again (the server refreshes it
    /// every third of this while the body arrives). Blobs that no document names are deleted
    /// by the sweep once this old.
    #[arg(long, env = "PDE_UPLOAD_LEASE_SECS", default_value_t = 60,
          value_parser = clap::value_parser!(u64).range(3..=3600))]
    pub upload_lease_secs: u64,

    /// Seconds between two sweeps of stale pending documents, temp files and blobs that no
    /// document names.
    #[arg(long, env = "PDE_SWEEP_INTERVAL_SECS", default_value_t = 300)]
    pub sweep_interval_secs: u64,

    /// Sign-ups (holders and worker joins) one client address may make per hour.
    #[arg(long, env = "PDE_SIGNUPS_PER_CLIENT_PER_HOUR", default_value_t = 10)]
    pub signups_per_client_per_hour: u32,

    /// Sign-ups (holders and worker joins) the whole service accepts per hour.
    #[arg(long, env = "PDE_SIGNUPS_PER_HOUR", default_value_t = 300)]
    pub signups_per_hour: u32,

    /// Hours a help request waits (while any session of the holder can cancel it) before the
    /// server hands out its part of the recovery secret.
    #[arg(long, env = "PDE_HELPER_WAIT_HOURS", default_value_t = 72,
          value_parser = clap::value_parser!(u32).range(1..=720))]
    pub helper_wait_hours: u32,

    /// The TCP peer is a reverse proxy: take the client address from the first
    /// `X-Forwarded-For` hop instead.
    #[arg(long, env = "PDE_TRUSTED_PROXY", default_value_t = false)]
    pub trusted_proxy: bool,

    /// A connection that has not sent a whole request head within this many seconds is
    /// closed.
    #[arg(long, env = "PDE_HEADER_TIMEOUT_SECS", default_value_t = 10)]
    pub header_timeout_secs: u64,

    /// A request body that sends nothing for this many seconds fails (uploads included).
    #[arg(long, env = "PDE_BODY_IDLE_TIMEOUT_SECS", default_value_t = 30)]
    pub body_idle_timeout_secs: u64,

    /// A request (other than a document upload) not answered within this many seconds,
    /// body included, answers `408 request_timeout`.
    #[arg(long, env = "PDE_REQUEST_TIMEOUT_SECS", default_value_t = 30)]
    pub request_timeout_secs: u64,

    /// On shutdown (SIGTERM, Ctrl-C), uploads already running get this many seconds to finish
    /// while new ones are refused; then the server stops.
    #[arg(long, env = "PDE_SHUTDOWN_GRACE_SECS", default_value_t = 30)]
    pub shutdown_grace_secs: u64,

    /// Open connections served at once; further ones wait until one closes.
    #[arg(long, env = "PDE_MAX_CONNECTIONS", default_value_t = 512)]
    pub max_connections: usize,

    /// Address and port of a second listener serving Prometheus metrics at `GET /metrics`
    /// (and nothing else) [default: off]. Keep it off the public network.
    #[arg(long, env = "PDE_METRICS_LISTEN")]
    pub metrics_listen: Option<SocketAddr>,

    /// The S3-compatible blob store, used instead of the blob directory when `--blob-url`
    /// is set.
    #[command(flatten)]
    pub s3: S3Options,
}

impl Default for Config {
    /// The declared defaults, with any `PDE_*` environment variables applied.
    fn default() -> Self {
        Cli::parse_from(["pde-server"]).serve
    }
}

impl Config {
    /// The defaults with every path under `data_dir`.
    pub fn with_data_dir(data_dir: impl Into<PathBuf>) -> Self {
        Self {
            data_dir: data_dir.into(),
            database_url: None,
            blob_dir: None,
            pepper_file: None,
            ..Self::default()
        }
    }

    /// The database URL, defaulting to a SQLite file in the data directory.
    pub fn database_url(&self) -> String {
        self.database_url
            .clone()
            .unwrap_or_else(|| default_database_url(&self.data_dir))
    }

    /// The blob directory.
    pub fn blob_dir(&self) -> PathBuf {
        self.blob_dir
            .clone()
            .unwrap_or_else(|| self.data_dir.join("blobs"))
    }

    /// The pepper file.
    pub fn pepper_file(&self) -> PathBuf {
        self.pepper_file
            .clone()
            .unwrap_or_else(|| self.data_dir.join("pepper"))
    }

    /// Whether the public URL is `https://` (then responses carry
    /// `Strict-Transport-Security`).
    pub fn https(&self) -> bool {
        self.public_url
            .get(..8)
            .is_some_and(|scheme| scheme.eq_ignore_ascii_case("https://"))
    }
}

/// The SQLite file `pde.sqlite` in `data_dir`, created if missing.
fn default_database_url(data_dir: &Path) -> String {
    format!(
        "sqlite://{}?mode=rwc",
        data_dir.join("pde.sqlite").display()
    )
}

/// Hides a password in a URL such as `postgres://user:password@host/db`.
pub(crate) fn mask_url(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    match rest.split_once('@') {
        Some((userinfo, host)) => {
            let user = userinfo.split(':').next().unwrap_or("");
            format!("{scheme}://{user}:<redacted>@{host}")
        }
        None => url.to_owned(),
    }
}

impl fmt::Debug for Config {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Config")
            .field("listen", &self.listen)
            .field("data_dir", &self.data_dir)
            .field("database_url", &mask_url(&self.database_url()))
            .field("blob_dir", &self.blob_dir())
            .field("s3", &self.s3)
            .field("pepper_file", &self.pepper_file())
            .field("web", &crate::web::WebSource::choose(self.web_dir.as_ref()))
            .field("public_url", &self.public_url)
            .field("quota_bytes", &self.quota_bytes)
            .field("max_document_bytes", &self.max_document_bytes)
            .field("session_idle_secs", &self.session_idle_secs)
            .field("session_absolute_secs", &self.session_absolute_secs)
            .field("pending_ttl_secs", &self.pending_ttl_secs)
            .field("upload_lease_secs", &self.upload_lease_secs)
            .field("shutdown_grace_secs", &self.shutdown_grace_secs)
            .field("sweep_interval_secs", &self.sweep_interval_secs)
            .field(
                "signups_per_client_per_hour",
                &self.signups_per_client_per_hour,
            )
            .field("signups_per_hour", &self.signups_per_hour)
            .field("helper_wait_hours", &self.helper_wait_hours)
            .field("trusted_proxy", &self.trusted_proxy)
            .field("header_timeout_secs", &self.header_timeout_secs)
            .field("body_idle_timeout_secs", &self.body_idle_timeout_secs)
            .field("request_timeout_secs", &self.request_timeout_secs)
            .field("max_connections", &self.max_connections)
            .field("metrics_listen", &self.metrics_listen)
            .finish()
    }
}

/// Where the blobs go when they are kept in an S3-compatible bucket.
#[derive(Clone, Debug, Args)]
pub struct S3Options {
    /// Keep document blobs in an S3-compatible bucket, `s3://BUCKET` or
    /// `s3://BUCKET/PREFIX`, instead of the blob directory [default: the blob directory].
    #[arg(long, env = "PDE_BLOB_URL")]
    pub blob_url: Option<String>,

    /// URL of the S3 service, e.g. `https://s3.example.net` [default: AWS S3 of the region].
    #[arg(long, env = "PDE_S3_ENDPOINT")]
    pub s3_endpoint: Option<String>,

    /// Region of the bucket (Garage's default is `garage`).
    #[arg(long, env = "PDE_S3_REGION", default_value = "us-east-1")]
    pub s3_region: String,

    /// Access key id of the bucket's key.
    #[arg(long, env = "PDE_S3_ACCESS_KEY_ID")]
    pub s3_access_key_id: Option<String>,

    /// Secret access key of the bucket's key; prefer the environment variable to the flag,
    /// which other local users can see in the process list.
    #[arg(long, env = "PDE_S3_SECRET_ACCESS_KEY", hide_env_values = true)]
    pub s3_secret_access_key: Option<SecretString>,

    /// Address the bucket as `https://BUCKET.ENDPOINT/KEY` instead of the path style
    /// `https://ENDPOINT/BUCKET/KEY`.
    #[arg(long, env = "PDE_S3_VIRTUAL_HOSTED_STYLE", default_value_t = false)]
    pub s3_virtual_hosted_style: bool,

    /// Accept an `http://` endpoint; only for an endpoint on the loopback interface
    /// (127.0.0.1, ::1 or localhost).
    #[arg(long, env = "PDE_S3_ALLOW_HTTP", default_value_t = false)]
    pub s3_allow_http: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn debug_masks_database_password() {
        let mut c = Config::with_data_dir("d");
        c.database_url = Some("postgres://pde:hunter2@db/pde".into());
        let dump = format!("{c:?}");
        assert!(!dump.contains("hunter2"));
        assert!(dump.contains("postgres://pde:<redacted>@db/pde"));
    }

    #[test]
    fn debug_and_help_hide_the_s3_secret() {
        let cli = Cli::try_parse_from([
            "pde-server",
            "--blob-url",
            "s3://pde/blobs",
            "--s3-access-key-id",
            "GK0123",
            "--s3-secret-access-key",
            "hunter2-s3-secret",
        ])
        .unwrap();
        let Command::Serve(c) = cli.into_command() else {
            panic!("not serve")
        };
        let dump = format!("{c:?}");
        assert!(!dump.contains("hunter2"), "{dump}");
        assert!(
            dump.contains("GK0123") && dump.contains("s3://pde/blobs"),
            "{dump}"
        );
        assert_eq!(
            c.s3.s3_secret_access_key.unwrap().expose(),
            "hunter2-s3-secret"
        );
    }

    #[test]
    fn cli_parses_flags_with_and_without_subcommand() {
        let cli = Cli::try_parse_from(["pde-server", "--listen", "127.0.0.1:0"]).unwrap();
        let Command::Serve(c) = cli.into_command() else {
            panic!("not serve")
        };
        assert_eq!(c.listen.port(), 0);
        let cli = Cli::try_parse_from(["pde-server", "serve", "--pending-ttl-secs", "5"]).unwrap();
        let Command::Serve(c) = cli.into_command() else {
            panic!("not serve")
        };
        assert_eq!(c.pending_ttl_secs, 5);
    }

    #[test]
    fn admin_takes_storage_options_before_or_after_its_command() {
        for args in [
            &[
                "pde-server",
                "admin",
                "--data-dir",
                "x",
                "worker",
                "verify",
                "C",
            ][..],
            &[
                "pde-server",
                "admin",
                "worker",
                "verify",
                "C",
                "--data-dir",
                "x",
            ][..],
        ] {
            let cli = Cli::try_parse_from(args).unwrap();
            let Command::Admin(a) = cli.into_command() else {
                panic!("not admin")
            };
            assert_eq!(a.storage.data_dir, PathBuf::from("x"));
            assert!(matches!(
                a.command,
                AdminCommand::Worker(WorkerCommand::Verify { ref code }) if code == "C"
            ));
        }
        let cli = Cli::try_parse_from(["pde-server", "admin", "worker", "invite", "--org", "o"]);
        let Command::Admin(a) = cli.unwrap().into_command() else {
            panic!("not admin")
        };
        assert!(matches!(
            a.command,
            AdminCommand::Worker(WorkerCommand::Invite {
                valid_hours: 72,
                ..
            })
        ));
        for hours in ["0", "721", "x"] {
            let args = [
                "pde-server",
                "admin",
                "worker",
                "invite",
                "--org",
                "o",
                "--valid-hours",
                hours,
            ];
            assert!(Cli::try_parse_from(args).is_err(), "{hours}");
        }
    }
}
