//! A throwaway single-node Garage (an S3-compatible object store) on 127.0.0.1, in a
//! directory of the caller's: one bucket and one key allowed on it. Stopped when dropped.
//!
//! Standard library only: `cargo xtask bench` uses it, and the server's tests include this
//! same file (`#[path]`) so that each test starts its own Garage.
#![allow(dead_code)]

use std::io::Read;
use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// The Garage release the tests and benchmarks run.
pub const VERSION: &str = "2.5.0";
/// How to install it.
pub const INSTALL: &str = "cargo install garage --version 2.5.0 --locked";
/// The region Garage answers as.
pub const REGION: &str = "garage";
/// The bucket made at start.
pub const BUCKET: &str = "pde";

/// A running Garage node.
pub struct Garage {
    bin: PathBuf,
    dir: PathBuf,
    config: PathBuf,
    s3_port: u16,
    child: Option<Child>,
    /// The key's id.
    pub key_id: String,
    /// The key's secret.
    pub secret: String,
}

/// The `garage` binary: `PDE_GARAGE_BIN`, else on `PATH`, else in cargo's bin directory.
pub fn find_bin() -> Option<PathBuf> {
    if let Some(bin) = std::env::var_os("PDE_GARAGE_BIN") {
        return Some(PathBuf::from(bin));
    }
    let mut dirs: Vec<PathBuf> = std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect())
        .unwrap_or_default();
    if let Some(home) = std::env::var_os("CARGO_HOME") {
        dirs.push(PathBuf::from(home).join("bin"));
    }
    if let Some(home) = std::env::var_os("HOME") {
        dirs.push(PathBuf::from(home).join(".cargo/bin"));
    }
    dirs.into_iter()
        .map(|d| d.join("garage"))
        .find(|p| p.is_file())
}

/// Whether the installed `garage` is [`VERSION`].
pub fn installed_version_ok() -> bool {
    let Some(bin) = find_bin() else { return false };
    Command::new(bin)
        .arg("--version")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains(VERSION))
}

fn free_port() -> Result<u16, String> {
    let listener = TcpListener::bind("127.0.0.1:0").map_err(|e| format!("free port: {e}"))?;
    Ok(listener.local_addr().map_err(|e| e.to_string())?.port())
}

fn random_hex(bytes: usize) -> Result<String, String> {
    let mut buf = vec![0u8; bytes];
    std::fs::File::open("/dev/urandom")
        .and_then(|mut f| f.read_exact(&mut buf))
        .map_err(|e| format!("/dev/urandom: {e}"))?;
    Ok(buf.iter().map(|b| format!("{b:02x}")).collect())
}

/// The value after `label` on the line that starts with it.
fn field(text: &str, label: &str) -> Option<String> {
    text.lines()
        .map(str::trim)
        .find_map(|l| l.strip_prefix(label))
        .map(|v| v.trim().to_owned())
}

impl Garage {
    /// Starts a node with its data under `dir`, makes [`BUCKET`] and a key allowed to read
    /// and write it. Fails with the install command if `garage` is missing.
    pub fn start(dir: &Path) -> Result<Self, String> {
        let bin = find_bin()
            .ok_or_else(|| format!("garage is not installed; install it with: {INSTALL}"))?;
        let (rpc, s3, admin) = (free_port()?, free_port()?, free_port()?);
        let config = dir.join("garage.toml");
        let text = format!(
            r#"metadata_dir = "{meta}"
data_dir = "{data}"
db_engine = "sqlite"
replication_factor = 1
rpc_bind_addr = "127.0.0.1:{rpc}"
rpc_public_addr = "127.0.0.1:{rpc}"
rpc_secret = "{secret}"

[s3_api]
s3_region = "{REGION}"
api_bind_addr = "127.0.0.1:{s3}"
root_domain = ".s3.garage.localhost"

[admin]
api_bind_addr = "127.0.0.1:{admin}"
admin_token = "{token}"
"#,
            meta = dir.join("meta").display(),
            data = dir.join("data").display(),
            secret = random_hex(32)?,
            token = random_hex(32)?,
        );
        std::fs::write(&config, text).map_err(|e| format!("{}: {e}", config.display()))?;
        let mut garage = Self {
            bin,
            dir: dir.to_owned(),
            config,
            s3_port: s3,
            child: None,
            key_id: String::new(),
            secret: String::new(),
        };
        garage.spawn()?;
        let node = garage.cli(&["node", "id", "-q"])?;
        let node = node.trim().split('@').next().unwrap_or_default().to_owned();
        garage.cli(&["layout", "assign", "-z", "dc1", "-c", "1G", &node])?;
        garage.cli(&["layout", "apply", "--version", "1"])?;
        garage.retry(&["bucket", "create", BUCKET])?;
        let key = garage.cli(&["key", "create", "pde-test"])?;
        garage.key_id = field(&key, "Key ID:").ok_or_else(|| format!("no key id in: {key}"))?;
        garage.secret =
            field(&key, "Secret key:").ok_or_else(|| format!("no secret key in: {key}"))?;
        garage.cli(&[
            "bucket", "allow", "--read", "--write", "--owner", BUCKET, "--key", "pde-test",
        ])?;
        Ok(garage)
    }

    /// The S3 endpoint, `http://127.0.0.1:PORT`.
    pub fn endpoint(&self) -> String {
        format!("http://127.0.0.1:{}", self.s3_port)
    }

    /// Runs `garage -c CONFIG ARGS`; its standard output.
    pub fn cli(&self, args: &[&str]) -> Result<String, String> {
        let out = Command::new(&self.bin)
            .arg("-c")
            .arg(&self.config)
            .args(args)
            .stdin(Stdio::null())
            .output()
            .map_err(|e| format!("garage {}: {e}", args.join(" ")))?;
        if !out.status.success() {
            return Err(format!(
                "garage {} failed: {}{}",
                args.join(" "),
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        Ok(String::from_utf8_lossy(&out.stdout).into_owned())
    }

    /// [`Self::cli`], retried for up to 30 s (the node takes a moment to apply its layout).
    fn retry(&self, args: &[&str]) -> Result<String, String> {
        let start = Instant::now();
        loop {
            match self.cli(args) {
                Ok(out) => return Ok(out),
                Err(e) if start.elapsed() > Duration::from_secs(30) => return Err(e),
                Err(_) => std::thread::sleep(Duration::from_millis(200)),
            }
        }
    }

    fn spawn(&mut self) -> Result<(), String> {
        let log = std::fs::OpenOptions::new()
            .create(true)
            .append(true)
            .open(self.dir.join("garage.log"))
            .map_err(|e| format!("garage.log: {e}"))?;
        let child = Command::new(&self.bin)
            .arg("-c")
            .arg(&self.config)
            .arg("server")
            .stdin(Stdio::null())
            .stdout(log.try_clone().map_err(|e| e.to_string())?)
            .stderr(log)
            .env("RUST_LOG", "garage=warn")
            .spawn()
            .map_err(|e| format!("starting {}: {e}", self.bin.display()))?;
        self.child = Some(child);
        let start = Instant::now();
        while TcpStream::connect(("127.0.0.1", self.s3_port)).is_err() {
            if let Some(child) = &mut self.child
                && let Ok(Some(status)) = child.try_wait()
            {
                return Err(format!(
                    "garage exited at start ({status}); see {}",
                    self.dir.join("garage.log").display()
                ));
            }
            if start.elapsed() > Duration::from_secs(30) {
                return Err("garage did not open its S3 port within 30 s".into());
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        self.retry(&["status"])?;
        Ok(())
    }

    /// Kills the node at once (as a crash or a power cut would).
    pub fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    /// Starts the stopped node again on the same data and ports, and waits until its bucket
    /// answers.
    pub fn restart(&mut self) -> Result<(), String> {
        self.stop();
        self.spawn()?;
        self.retry(&["bucket", "info", BUCKET])?;
        Ok(())
    }

    /// `garage bucket info`: the bucket's objects and unfinished multipart uploads.
    pub fn bucket_counts(&self) -> Result<(u64, u64), String> {
        let info = self.retry(&["bucket", "info", BUCKET])?;
        let number = |label: &str| {
            field(&info, label)
                .and_then(|v| v.split_whitespace().next()?.parse().ok())
                .ok_or_else(|| format!("no `{label}` in: {info}"))
        };
        // Garage prints `Unfinished uploads: N multipart uploads` only when there are some.
        let unfinished = match field(&info, "Unfinished uploads:") {
            Some(_) => number("Unfinished uploads:")?,
            None => 0,
        };
        Ok((number("Objects:")?, unfinished))
    }
}

impl Drop for Garage {
    fn drop(&mut self) {
        self.stop();
    }
}
