//! A PostgreSQL cluster of a test's own, for tests that stop and restart the database (the
//! shared test cluster must stay up for the others). Debian's server binaries, a temporary
//! directory, a free 127.0.0.1 port, trust authentication; stopped when dropped.

use std::path::{Path, PathBuf};
use std::process::Command;

/// A running (or stopped) cluster of one test.
pub struct OwnCluster {
    bin: PathBuf,
    data: PathBuf,
    port: u16,
    _dir: tempfile::TempDir,
}

/// The newest `/usr/lib/postgresql/<version>/bin` (Debian's layout).
fn bin_dir() -> PathBuf {
    let root = Path::new("/usr/lib/postgresql");
    let mut versions: Vec<(u32, PathBuf)> = std::fs::read_dir(root)
        .unwrap_or_else(|e| {
            panic!(
                "no PostgreSQL under {}: {e}; `cargo xtask test` installs it",
                root.display()
            )
        })
        .filter_map(|e| {
            let e = e.ok()?;
            let v = e.file_name().to_str()?.split('.').next()?.parse().ok()?;
            Some((v, e.path().join("bin")))
        })
        .collect();
    versions.sort();
    versions.pop().expect("a PostgreSQL version is installed").1
}

/// Whether the tests run as root (`id -u` is 0).
fn is_root() -> bool {
    Command::new("id")
        .arg("-u")
        .output()
        .is_ok_and(|o| o.stdout.starts_with(b"0\n"))
}

/// Runs a server binary as the `postgres` system user when root (initdb refuses root).
fn as_server_user(bin: &Path, args: &[&str]) -> Command {
    if is_root() {
        let mut c = Command::new("runuser");
        c.args(["-u", "postgres", "--"]).arg(bin).args(args);
        c
    } else {
        let mut c = Command::new(bin);
        c.args(args);
        c
    }
}

fn run(mut command: Command, what: &str) {
    let out = command.output().unwrap_or_else(|e| panic!("{what}: {e}"));
    assert!(
        out.status.success(),
        "{what} failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
}

impl OwnCluster {
    /// initdb and start.
    pub fn start() -> Self {
        let bin = bin_dir();
        let dir = tempfile::tempdir().unwrap();
        let data = dir.path().join("data");
        if is_root() {
            run(
                {
                    let mut c = Command::new("chown");
                    c.args(["postgres"]).arg(dir.path());
                    c
                },
                "chown",
            );
        }
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .unwrap()
            .local_addr()
            .unwrap()
            .port();
        let data_arg = data.to_str().unwrap().to_owned();
        run(
            as_server_user(
                &bin.join("initdb"),
                &["-D", &data_arg, "-A", "trust", "-U", "pde", "--no-sync"],
            ),
            "initdb",
        );
        let cluster = Self {
            bin,
            data,
            port,
            _dir: dir,
        };
        cluster.start_again();
        cluster
    }

    /// The URL of its `postgres` database.
    pub fn url(&self) -> String {
        format!("postgres://pde@127.0.0.1:{}/postgres", self.port)
    }

    /// Starts the stopped cluster (same port).
    pub fn start_again(&self) {
        let options = format!(
            "-p {} -k {} -c listen_addresses=127.0.0.1 -c fsync=off",
            self.port,
            self.data.parent().unwrap().display()
        );
        run(
            as_server_user(
                &self.bin.join("pg_ctl"),
                &[
                    "-D",
                    self.data.to_str().unwrap(),
                    "-o",
                    &options,
                    "-w",
                    "-l",
                    "/dev/null",
                    "start",
                ],
            ),
            "pg_ctl start",
        );
    }

    /// Stops it (fast: open sessions are ended).
    pub fn stop(&self) {
        run(
            as_server_user(
                &self.bin.join("pg_ctl"),
                &[
                    "-D",
                    self.data.to_str().unwrap(),
                    "-m",
                    "fast",
                    "-w",
                    "stop",
                ],
            ),
            "pg_ctl stop",
        );
    }
}

impl Drop for OwnCluster {
    fn drop(&mut self) {
        let _ = as_server_user(
            &self.bin.join("pg_ctl"),
            &[
                "-D",
                self.data.to_str().unwrap(),
                "-m",
                "immediate",
                "-w",
                "stop",
            ],
        )
        .output();
    }
}
