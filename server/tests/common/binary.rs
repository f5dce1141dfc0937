//! The real `pde-server` binary, started on a free port and killed when dropped.

use std::io::{BufRead, BufReader};
use std::net::SocketAddr;
use std::process::{Child, Command, Stdio};

/// A running server process.
pub struct RunningServer {
    pub child: Child,
    pub addr: SocketAddr,
}

impl RunningServer {
    /// `pde-server serve --listen 127.0.0.1:0` with `args`; waits for its `listening on` line.
    /// Its log goes to `log` when given.
    pub fn start(args: &[&str], log: Option<&std::path::Path>) -> Self {
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
            .stdout(Stdio::piped())
            .stderr(stderr)
            .spawn()
            .expect("the server starts");
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let addr = line
            .trim()
            .strip_prefix("listening on http://")
            .unwrap_or_else(|| panic!("unexpected first line {line:?}"))
            .parse()
            .unwrap();
        Self { child, addr }
    }
}

impl Drop for RunningServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
