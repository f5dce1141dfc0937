//! A throwaway PostgreSQL cluster for the tests: Debian's server binaries, a temporary
//! directory, a free 127.0.0.1 port, trust authentication for 127.0.0.1 only. [`Cluster`]
//! stops it and removes the directory when dropped; a small watchdog process does the same
//! if xtask dies without dropping it (Ctrl-C, a kill), so nothing is left running.

use crate::sh::{Cmd, Result, header};
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

/// The variable the tests read the cluster's URL from.
pub const URL_VAR: &str = "PDE_TEST_POSTGRES_URL";
/// Where Debian puts each PostgreSQL version's server binaries (`<version>/bin/initdb`).
const DEBIAN_PG_DIR: &str = "/usr/lib/postgresql";
/// The superuser role the tests connect as.
const ROLE: &str = "pde";
/// The system user the Debian package creates; initdb refuses to run as root.
const SYSTEM_USER: &str = "postgres";

/// The server binaries of the newest PostgreSQL installed the Debian way, if any.
pub fn bin_dir() -> Option<PathBuf> {
    let names: Vec<String> = std::fs::read_dir(DEBIAN_PG_DIR)
        .ok()?
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .collect();
    newest_version(&names)
        .map(|v| Path::new(DEBIAN_PG_DIR).join(v).join("bin"))
        .filter(|bin| bin.join("initdb").exists() && bin.join("pg_ctl").exists())
}

/// The highest numeric version among directory names (`13`, `15`, `9.6`).
fn newest_version(names: &[String]) -> Option<&str> {
    names
        .iter()
        .filter_map(|n| {
            let key: Option<Vec<u32>> = n.split('.').map(|p| p.parse().ok()).collect();
            key.map(|k| (k, n.as_str()))
        })
        .max()
        .map(|(_, n)| n)
}

/// `(version, name)` of every cluster `pg_lsclusters --no-header` reports as online.
pub fn online_clusters(lsclusters: &str) -> Vec<(String, String)> {
    lsclusters
        .lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            (f.len() >= 4 && f[3].starts_with("online")).then(|| (f[0].into(), f[1].into()))
        })
        .collect()
}

/// Stops every cluster of the Debian package's own (its service may start `main` on
/// install): the tests use their own, and nothing should be left running.
pub fn stop_package_clusters() -> Result<()> {
    let listed = Cmd::new("pg_lsclusters")
        .args(["--no-header"])
        .read()
        .unwrap_or_default();
    for (version, name) in online_clusters(&listed) {
        println!("stopping the package's own cluster {version}/{name}");
        Cmd::new("pg_ctlcluster")
            .args([version.as_str(), name.as_str(), "stop"])
            .run()?;
    }
    Ok(())
}

/// A free TCP port on 127.0.0.1 (free when asked; the start retries if it was taken since).
fn free_port() -> Result<u16> {
    let listener =
        TcpListener::bind("127.0.0.1:0").map_err(|e| format!("no free local port: {e}"))?;
    listener
        .local_addr()
        .map(|a| a.port())
        .map_err(|e| format!("no free local port: {e}"))
}

/// `pg_hba.conf`: the socket in the cluster's own directory and 127.0.0.1, nothing else.
const HBA: &str = "\
local all all trust
host all all 127.0.0.1/32 trust
";

/// Settings appended to `postgresql.conf`.
fn settings(port: u16, socket_dir: &Path) -> String {
    format!(
        "\n# throwaway test cluster\n\
         listen_addresses = '127.0.0.1'\n\
         port = {port}\n\
         unix_socket_directories = '{}'\n\
         max_connections = 200\n\
         fsync = off\n\
         synchronous_commit = off\n\
         full_page_writes = off\n",
        socket_dir.display()
    )
}

/// A running throwaway cluster. Dropping it stops the server and removes its directory.
pub struct Cluster {
    dir: PathBuf,
    bin: PathBuf,
    port: u16,
    /// Run the server binaries as this user (xtask runs as root).
    user: Option<&'static str>,
    watchdog: Option<Child>,
}

impl Cluster {
    /// Creates and starts a cluster; prints one line with how long that took.
    pub fn start() -> Result<Cluster> {
        header("throwaway PostgreSQL cluster");
        let started = Instant::now();
        let bin = bin_dir().ok_or_else(|| {
            format!(
                "no PostgreSQL server under {DEBIAN_PG_DIR}/<version>/bin: install `postgresql`"
            )
        })?;
        let user = crate::prereq::is_root().then_some(SYSTEM_USER);
        let stamp = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |d| d.as_nanos());
        let dir = std::env::temp_dir().join(format!("pde-pg-{}-{stamp}", std::process::id()));
        std::fs::create_dir(&dir).map_err(|e| format!("cannot create {}: {e}", dir.display()))?;
        let mut cluster = Cluster {
            dir,
            bin,
            port: 0,
            user,
            watchdog: None,
        };
        cluster.init()?;
        cluster.watchdog = cluster.spawn_watchdog().ok();
        let mut last_error = String::new();
        for _ in 0..3 {
            cluster.port = free_port()?;
            cluster.configure()?;
            match cluster.pg_ctl(&["start", "-w", "-t", "60", "-l"], true) {
                Ok(()) => {
                    cluster.check()?;
                    println!(
                        "PostgreSQL ready on 127.0.0.1:{} in {:.1}s",
                        cluster.port,
                        started.elapsed().as_secs_f64()
                    );
                    return Ok(cluster);
                }
                Err(e) => {
                    let log = std::fs::read_to_string(cluster.dir.join("log")).unwrap_or_default();
                    last_error = format!("{e}\n{log}");
                }
            }
        }
        Err(format!(
            "the PostgreSQL cluster did not start: {last_error}"
        ))
    }

    /// The URL of the superuser role's connection to the `postgres` database.
    pub fn url(&self) -> String {
        format!("postgres://{ROLE}@127.0.0.1:{}/postgres", self.port)
    }

    fn data(&self) -> PathBuf {
        self.dir.join("data")
    }

    /// A server binary, run as the unprivileged user when xtask is root.
    fn bin_cmd(&self, program: &str) -> Cmd {
        let path = self.bin.join(program);
        match self.user {
            Some(user) => Cmd::new("runuser").args(["-u", user, "--"]).args([path]),
            None => Cmd::new(path),
        }
    }

    fn init(&self) -> Result<()> {
        if let Some(user) = self.user {
            let id = |flag: &str| -> Result<u32> {
                Cmd::new("id")
                    .args([flag, user])
                    .read()
                    .and_then(|s| s.trim().parse().ok())
                    .ok_or_else(|| {
                        format!(
                            "initdb refuses to run as root and there is no `{user}` user to run \
                             it as (the Debian package `postgresql` creates it)"
                        )
                    })
            };
            std::os::unix::fs::chown(&self.dir, Some(id("-u")?), Some(id("-g")?))
                .map_err(|e| format!("cannot hand {} to {user}: {e}", self.dir.display()))?;
        }
        let quiet = self
            .bin_cmd("initdb")
            .args(["--pgdata"])
            .args([self.data()])
            .args([
                "--username",
                ROLE,
                "--auth",
                "trust",
                "--encoding",
                "UTF8",
                "--no-locale",
                "--no-sync",
            ]);
        let (shown, mut cmd) = quiet.into_parts();
        println!("$ {shown}");
        let out = cmd
            .stdin(Stdio::null())
            .output()
            .map_err(|e| format!("cannot start initdb: {e}"))?;
        if !out.status.success() {
            return Err(format!(
                "initdb failed ({}): {}{}",
                out.status,
                String::from_utf8_lossy(&out.stdout),
                String::from_utf8_lossy(&out.stderr)
            ));
        }
        std::fs::create_dir(self.dir.join("socket"))
            .and_then(|()| self.hand_over(&self.dir.join("socket")))
            .map_err(|e| format!("cannot create the socket directory: {e}"))?;
        std::fs::write(self.data().join("pg_hba.conf"), HBA)
            .map_err(|e| format!("cannot write pg_hba.conf: {e}"))
    }

    /// Gives `path` (created by xtask) to the cluster's user.
    fn hand_over(&self, path: &Path) -> std::io::Result<()> {
        if self.user.is_none() {
            return Ok(());
        }
        let meta = std::fs::metadata(&self.dir)?;
        use std::os::unix::fs::MetadataExt;
        std::os::unix::fs::chown(path, Some(meta.uid()), Some(meta.gid()))
    }

    /// Writes this start's settings (the port changes between attempts) to `pde.conf`, which
    /// `postgresql.conf` includes.
    fn configure(&self) -> Result<()> {
        let conf = self.data().join("postgresql.conf");
        let main = std::fs::read_to_string(&conf)
            .map_err(|e| format!("cannot read postgresql.conf: {e}"))?;
        if !main.contains("include = 'pde.conf'") {
            std::fs::write(&conf, format!("{main}\ninclude = 'pde.conf'\n"))
                .map_err(|e| format!("cannot write postgresql.conf: {e}"))?;
        }
        std::fs::write(
            self.data().join("pde.conf"),
            settings(self.port, &self.dir.join("socket")),
        )
        .map_err(|e| format!("cannot write pde.conf: {e}"))
    }

    /// `pg_ctl -D data ARGS` (with the log file after `args` when `log` is set).
    fn pg_ctl(&self, args: &[&str], log: bool) -> Result<()> {
        let mut cmd = self
            .bin_cmd("pg_ctl")
            .args(["-D"])
            .args([self.data()])
            .args(args);
        if log {
            cmd = cmd.args([self.dir.join("log")]);
        }
        let (shown, mut cmd) = cmd.into_parts();
        println!("$ {shown}");
        let status = cmd
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .status()
            .map_err(|e| format!("cannot start pg_ctl: {e}"))?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("pg_ctl {} failed ({status})", args[0]))
        }
    }

    /// The URL answers: `psql` connects over TCP as the tests will, and can create a database.
    fn check(&self) -> Result<()> {
        let psql = self.bin.join("psql");
        let psql = if psql.exists() {
            psql
        } else {
            PathBuf::from("psql")
        };
        let out = Cmd::new(psql)
            .args([
                self.url().as_str(),
                "-v",
                "ON_ERROR_STOP=1",
                "-Atc",
                "CREATE DATABASE pde_check",
                "-c",
                "DROP DATABASE pde_check",
            ])
            .read();
        match out {
            Some(_) => Ok(()),
            None => Err(format!(
                "the cluster started but `psql {}` could not create a database",
                self.url()
            )),
        }
    }

    /// A process in its own process group (Ctrl-C does not reach it) that waits for xtask to
    /// exit, then stops the cluster and removes its directory. After a normal [`Drop`] there
    /// is nothing left for it to do and it is killed.
    fn spawn_watchdog(&self) -> std::io::Result<Child> {
        let (_, stop) = self
            .bin_cmd("pg_ctl")
            .args(["-D"])
            .args([self.data()])
            .args(["stop", "-m", "fast"])
            .into_parts();
        let stop: Vec<String> = std::iter::once(stop.get_program())
            .chain(stop.get_args())
            .map(|a| shell_quote(&a.to_string_lossy()))
            .collect();
        let script = format!(
            "while kill -0 {pid} 2>/dev/null; do sleep 1; done; {stop} >/dev/null 2>&1; rm -rf {dir}",
            pid = std::process::id(),
            stop = stop.join(" "),
            dir = shell_quote(&self.dir.to_string_lossy()),
        );
        Command::new("sh")
            .args(["-c", &script])
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .process_group(0)
            .spawn()
    }
}

/// `s` as one shell word.
fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}

impl Drop for Cluster {
    fn drop(&mut self) {
        if self.data().join("postmaster.pid").exists()
            && let Err(e) = self.pg_ctl(&["stop", "-m", "fast", "-w"], false)
        {
            println!("stopping the PostgreSQL cluster: {e}");
        }
        if let Err(e) = std::fs::remove_dir_all(&self.dir) {
            println!("cannot remove {}: {e}", self.dir.display());
        }
        if let Some(mut w) = self.watchdog.take() {
            let _ = w.kill();
            let _ = w.wait();
        }
    }
}

/// `cargo xtask postgres [-- COMMAND…]`: runs COMMAND with [`URL_VAR`] set to a fresh
/// cluster; without a command, prints the URL and keeps the cluster until Ctrl-C.
pub fn main(command: &[String]) -> Result<bool> {
    crate::prereq::ensure(crate::plan::Needs::POSTGRES)?;
    let cluster = Cluster::start()?;
    let url = cluster.url();
    let Some((program, args)) = command.split_first() else {
        println!("\n{URL_VAR}={url}\nCtrl-C stops it and removes its directory.");
        loop {
            std::thread::sleep(Duration::from_secs(3600));
        }
    };
    let result = Cmd::new(program).args(args).env(URL_VAR, &url).run();
    drop(cluster);
    result.map(|()| true)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn newest_numeric_version_wins() {
        let names: Vec<String> = ["9.6", "15", "13", "README", "16beta"]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(newest_version(&names), Some("15"));
        assert_eq!(newest_version(&[]), None);
    }

    #[test]
    fn only_online_clusters_are_stopped() {
        let listed = "15  main    5432 online postgres /var/lib/postgresql/15/main /var/log/x.log\n\
                      15  other   5433 down   postgres /var/lib/postgresql/15/other /var/log/y.log\n\
                      16  main    5434 online,recovery postgres /d /l\n";
        assert_eq!(
            online_clusters(listed),
            vec![
                ("15".to_string(), "main".to_string()),
                ("16".to_string(), "main".to_string())
            ]
        );
        assert!(online_clusters("").is_empty());
    }

    #[test]
    fn settings_listen_on_loopback_only() {
        let s = settings(5999, Path::new("cluster/socket"));
        assert!(s.contains("listen_addresses = '127.0.0.1'"));
        assert!(s.contains("port = 5999"));
        assert!(s.contains("unix_socket_directories = 'cluster/socket'"));
        assert!(!HBA.contains("0.0.0.0") && !HBA.contains("::"));
    }

    #[test]
    fn shell_words_survive_quotes() {
        assert_eq!(shell_quote("a b"), "'a b'");
        assert_eq!(shell_quote("it's"), r"'it'\''s'");
    }
}
