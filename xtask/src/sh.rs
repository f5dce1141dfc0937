//! Running commands.

use std::ffi::OsStr;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

pub type Result<T> = std::result::Result<T, String>;

/// The repository root (the parent of this crate's directory).
pub fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .expect("xtask lives in a subdirectory of the repository")
        .to_path_buf()
}

/// Cargo's target directory.
pub fn target_dir() -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(d) => root().join(d),
        None => root().join("target"),
    }
}

/// `path` relative to the repository root, for messages.
pub fn rel(path: &Path) -> String {
    let root = root();
    path.strip_prefix(&root)
        .unwrap_or(path)
        .display()
        .to_string()
}

/// A command run from the repository root with inherited stdio.
pub struct Cmd {
    cmd: Command,
    /// The program and arguments, echoed before it runs.
    shown: String,
    /// `KEY=value ` prefixes of the echo.
    env_shown: String,
    /// Working directory relative to the root, if not the root.
    dir: Option<String>,
    /// Program and first argument, for error messages.
    short: String,
}

impl Cmd {
    pub fn new(program: impl AsRef<OsStr>) -> Cmd {
        let shown = program.as_ref().to_string_lossy().into_owned();
        let mut cmd = Command::new(program);
        cmd.current_dir(root());
        Cmd {
            cmd,
            short: shown.clone(),
            shown,
            env_shown: String::new(),
            dir: None,
        }
    }

    pub fn args<I, S>(mut self, args: I) -> Cmd
    where
        I: IntoIterator<Item = S>,
        S: AsRef<OsStr>,
    {
        for a in args {
            let a = a.as_ref();
            let s = a.to_string_lossy();
            if !self.short.contains(' ') {
                self.short.push_str(&format!(" {s}"));
            }
            if s.contains(' ') {
                self.shown.push_str(&format!(" '{s}'"));
            } else {
                self.shown.push_str(&format!(" {s}"));
            }
            self.cmd.arg(a);
        }
        self
    }

    pub fn env(mut self, key: &str, value: impl AsRef<OsStr>) -> Cmd {
        let v = value.as_ref().to_string_lossy();
        if v.contains(' ') {
            self.env_shown.push_str(&format!("{key}='{v}' "));
        } else {
            self.env_shown.push_str(&format!("{key}={v} "));
        }
        self.cmd.env(key, value);
        self
    }

    /// [`Cmd::env`] for a secret: the command line shows `KEY=…`.
    pub fn env_secret(mut self, key: &str, value: impl AsRef<OsStr>) -> Cmd {
        self.env_shown.push_str(&format!("{key}=… "));
        self.cmd.env(key, value);
        self
    }

    /// Runs in `dir` (relative to the repository root).
    pub fn dir(mut self, dir: &str) -> Cmd {
        self.cmd.current_dir(root().join(dir));
        self.dir = Some(dir.to_string()).filter(|d| d != ".");
        self
    }

    /// The command line as a shell would take it.
    pub fn display(&self) -> String {
        let line = format!("{}{}", self.env_shown, self.shown);
        match &self.dir {
            Some(d) => format!("(cd {d} && {line})"),
            None => line,
        }
    }

    /// Runs to completion, echoing the command line first.
    pub fn run(mut self) -> Result<()> {
        println!("$ {}", self.display());
        let status = self
            .cmd
            .status()
            .map_err(|e| format!("cannot start `{}`: {e}", self.short))?;
        if status.success() {
            Ok(())
        } else {
            Err(format!("`{}` failed ({status})", self.short))
        }
    }

    /// Runs quietly and returns stdout, or `None` if it cannot start or fails.
    pub fn read(mut self) -> Option<String> {
        let out = self.cmd.stderr(Stdio::null()).output().ok()?;
        out.status
            .success()
            .then(|| String::from_utf8_lossy(&out.stdout).into_owned())
    }

    /// Runs to completion, echoing the command line first, and returns its stdout (stderr
    /// is inherited).
    pub fn output(mut self) -> Result<String> {
        println!("$ {}", self.display());
        let out = self
            .cmd
            .stderr(Stdio::inherit())
            .output()
            .map_err(|e| format!("cannot start `{}`: {e}", self.short))?;
        if !out.status.success() {
            return Err(format!("`{}` failed ({})", self.short, out.status));
        }
        String::from_utf8(out.stdout)
            .map_err(|e| format!("`{}` printed non-UTF-8: {e}", self.short))
    }

    /// The echoed command line and the command, for callers that spawn it themselves.
    pub fn into_parts(self) -> (String, Command) {
        (self.display(), self.cmd)
    }
}

/// Prints a step header.
pub fn header(title: &str) {
    println!("\n==> {title}");
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn echo_reads_like_a_shell_line() {
        let c = Cmd::new("npm")
            .args(["ci", "--no-audit"])
            .env("A", "b c")
            .env("B", "d")
            .dir("bench")
            .args(["x y"]);
        assert_eq!(
            c.display(),
            "(cd bench && A='b c' B=d npm ci --no-audit 'x y')"
        );
        assert_eq!(c.short, "npm ci");
        assert_eq!(Cmd::new("cargo").dir(".").display(), "cargo");
    }
}
