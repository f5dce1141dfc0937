//! The real `pde-server` binary, started on a free port and killed when dropped.

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::{Child, ChildStdout, Command, Stdio};

/// The standard output of a command (such as `pde-server admin …`) that must succeed.
#[track_caller]
pub fn ok(out: std::process::Output) -> String {
    assert!(
        out.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

/// A running server process.
pub struct RunningServer {
    pub child: Child,
    pub addr: SocketAddr,
    /// The rest of its standard output, after the `listening on` line.
    pub stdout: BufReader<ChildStdout>,
}

impl RunningServer {
    /// `pde-server serve --listen 127.0.0.1:0` with `args`; waits for its `listening on` line.
    /// Its log goes to `log` when given.
    pub fn start(args: &[&str], log: Option<&std::path::Path>) -> Self {
        Self::start_with_env(args, &[], log)
    }

    /// [`Self::start`] with environment variables `env` set (for secrets, which never go on
    /// a command line).
    pub fn start_with_env(
        args: &[&str],
        env: &[(&str, &str)],
        log: Option<&std::path::Path>,
    ) -> Self {
        let stderr = match log {
            Some(path) => Stdio::from(std::fs::File::create(path).unwrap()),
            None => Stdio::null(),
        };
        let mut child = Command::new(env!("CARGO_BIN_EXE_pde-server"))
            .args([
                "serve",
                "--listen",
                "127.0.0.1:0",
                "--web-dir",
                "does-not-exist",
            ])
            .args(args)
            .env_remove("PDE_CONFIG")
            .envs(env.iter().copied())
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .expect("the server starts");
        let mut stdout = BufReader::new(child.stdout.take().unwrap());
        let mut line = String::new();
        stdout.read_line(&mut line).unwrap();
        let addr = line
            .trim()
            .strip_prefix("listening on http://")
            .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
            .parse()
            .unwrap();
        Self {
            child,
            addr,
            stdout,
        }
    }
}

impl RunningServer {
    /// Kills the process with SIGKILL, as a power cut or the OOM killer would, and reaps it.
    pub fn kill(&mut self) {
        self.child.kill().unwrap();
        self.child.wait().unwrap();
    }
}

impl Drop for RunningServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
