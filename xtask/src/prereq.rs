//! Checks and installs what the build and tests need, so a fresh machine needs nothing by hand.

use crate::parse;
use crate::plan::Needs;
use crate::postgres;
use crate::sh::{Cmd, Result, header, root};
use std::path::Path;

pub const WASM_TARGET: &str = "wasm32-unknown-unknown";
/// Debian's Chromium, driven by playwright-core in the end-to-end tests and benchmarks.
pub const CHROMIUM: &str = "/usr/bin/chromium";

/// Installs or checks everything in `needs`. Returns an error that says what to do when
/// something cannot be installed from here.
pub fn ensure(needs: Needs) -> Result<()> {
    header("prerequisites");
    rust_components()?;
    if needs.wasm_target {
        wasm_target()?;
    }
    if needs.node {
        node()?;
    }
    if needs.bindgen {
        wasm_bindgen()?;
    }
    let mut debs = Vec::new();
    if needs.chromium && !Path::new(CHROMIUM).exists() {
        debs.push("chromium");
    }
    // The end-to-end tests read what Chromium saved in a profile (its History database).
    if needs.chromium && Cmd::new("sqlite3").arg_version().read().is_none() {
        debs.push("sqlite3");
    }
    // The export test unzips a download and types a passphrase at `age` through a
    // pseudo-terminal (Python's `pty` module).
    if needs.chromium && Cmd::new("unzip").args(["-v"]).read().is_none() {
        debs.push("unzip");
    }
    if needs.chromium && Cmd::new("python3").arg_version().read().is_none() {
        debs.push("python3");
    }
    if needs.age && Cmd::new("age").arg_version().read().is_none() {
        debs.push("age");
    }
    if needs.fuzz && Cmd::new("c++").arg_version().read().is_none() {
        debs.push("g++");
    }
    let install_postgres = needs.postgres && postgres::bin_dir().is_none();
    if install_postgres {
        debs.push("postgresql");
    }
    debian_packages(&debs)?;
    if install_postgres {
        postgres::stop_package_clusters()?;
    }
    if needs.fuzz {
        cargo_fuzz()?;
    }
    if needs.garage {
        garage()?;
    }
    println!("prerequisites ok");
    Ok(())
}

impl Cmd {
    fn arg_version(self) -> Cmd {
        self.args(["--version"])
    }
}

fn rust_components() -> Result<()> {
    for (tool, component) in [("fmt", "rustfmt"), ("clippy", "clippy")] {
        if Cmd::new("cargo").args([tool, "--version"]).read().is_none() {
            Cmd::new("rustup")
                .args(["component", "add", component])
                .run()?;
        }
    }
    Ok(())
}

fn cargo_fuzz() -> Result<()> {
    if let Some(version) = Cmd::new("cargo").args(["fuzz", "--version"]).read() {
        println!("{}: installed", version.trim());
        return Ok(());
    }
    println!("cargo-fuzz needed; installing it (a few minutes, once)");
    Cmd::new("cargo")
        .args(["install", "cargo-fuzz", "--locked"])
        .run()
}

/// Garage, which the S3 tests and benchmarks start themselves.
fn garage() -> Result<()> {
    if crate::garage::installed_version_ok() {
        println!("garage {}: installed", crate::garage::VERSION);
        return Ok(());
    }
    println!(
        "garage {} needed; installing it (about 10 minutes, once)",
        crate::garage::VERSION
    );
    Cmd::new("cargo")
        .args(["install", "garage", "--version", crate::garage::VERSION])
        .args(["--locked"])
        .run()?;
    if !crate::garage::installed_version_ok() {
        return Err(format!(
            "garage {} was installed but is not found: put cargo's bin directory (usually \
             ~/.cargo/bin) on PATH, or set PDE_GARAGE_BIN",
            crate::garage::VERSION
        ));
    }
    Ok(())
}

fn wasm_target() -> Result<()> {
    let installed = Cmd::new("rustup")
        .args(["target", "list", "--installed"])
        .read()
        .unwrap_or_default();
    if installed.lines().any(|l| l.trim() == WASM_TARGET) {
        println!("rust target {WASM_TARGET}: installed");
        return Ok(());
    }
    Cmd::new("rustup")
        .args(["target", "add", WASM_TARGET])
        .run()
}

fn node() -> Result<()> {
    let node = Cmd::new("node").arg_version().read();
    let npm = Cmd::new("npm").arg_version().read();
    match (node.as_deref().and_then(parse::node_major), npm) {
        (Some(major), Some(npm)) if major >= 18 => {
            println!("node v{major}, npm {}: ok", npm.trim());
            Ok(())
        }
        _ => Err(
            "Node.js 18 or later and npm are needed (the web UI, its tests and the \
             end-to-end tests): install Node.js 20 with npm, e.g. `apt-get install -y nodejs npm` \
             on Debian 13, or from https://nodejs.org/"
                .to_string(),
        ),
    }
}

/// The wasm-bindgen version the bindings are locked to; creates Cargo.lock if it is missing.
pub fn locked_bindgen_version() -> Result<String> {
    let lock_path = root().join("Cargo.lock");
    if !lock_path.exists() {
        Cmd::new("cargo").args(["generate-lockfile"]).run()?;
    }
    let lock =
        std::fs::read_to_string(&lock_path).map_err(|e| format!("cannot read Cargo.lock: {e}"))?;
    parse::locked_version(&lock, "wasm-bindgen")
        .ok_or_else(|| "Cargo.lock has no wasm-bindgen package".to_string())
}

fn wasm_bindgen() -> Result<()> {
    let want = locked_bindgen_version()?;
    let have_bindgen = Cmd::new("wasm-bindgen")
        .arg_version()
        .read()
        .and_then(|o| parse::tool_version(&o));
    let have_runner = Cmd::new("wasm-bindgen-test-runner")
        .arg_version()
        .read()
        .and_then(|o| parse::tool_version(&o));
    if have_bindgen.as_deref() == Some(want.as_str())
        && have_runner.as_deref() == Some(want.as_str())
    {
        println!("wasm-bindgen {want}: installed");
        return Ok(());
    }
    println!(
        "wasm-bindgen-cli {want} needed (found {}); installing it (a few minutes, once)",
        have_bindgen.as_deref().unwrap_or("none")
    );
    let install = |locked: bool| {
        Cmd::new("cargo")
            .args(["install", "wasm-bindgen-cli", "--version", &want, "--force"])
            .args(if locked { &["--locked"][..] } else { &[][..] })
            .run()
    };
    // The crate's own lock file first; a registry that lacks one of the versions it pins
    // (a mirror, a yanked crate) makes that fail, and then the newest compatible versions do.
    if let Err(e) = install(true) {
        println!(
            "`cargo install --locked` failed ({e}); trying again with the newest compatible \
             dependencies"
        );
        install(false)?;
    }
    // Make sure the installed one is the one on PATH.
    let now = Cmd::new("wasm-bindgen")
        .arg_version()
        .read()
        .and_then(|o| parse::tool_version(&o));
    if now.as_deref() != Some(want.as_str()) {
        return Err(format!(
            "wasm-bindgen {want} was installed but `wasm-bindgen --version` says {}: put cargo's \
             bin directory (usually ~/.cargo/bin) first on PATH",
            now.as_deref().unwrap_or("nothing")
        ));
    }
    Ok(())
}

pub fn is_root() -> bool {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| parse::effective_uid(&s))
        == Some(0)
}

pub(crate) fn debian_packages(missing: &[&str]) -> Result<()> {
    if missing.is_empty() {
        return Ok(());
    }
    let list = missing.join(" ");
    let has_apt = Cmd::new("apt-get").arg_version().read().is_some();
    if !is_root() || !has_apt {
        return Err(format!(
            "missing Debian package(s): {list}. Install them with \
             `sudo apt-get update && sudo apt-get install -y {list}` and run again"
        ));
    }
    println!("installing Debian package(s): {list}");
    Cmd::new("apt-get")
        .args(["update"])
        .env("DEBIAN_FRONTEND", "noninteractive")
        .run()?;
    Cmd::new("apt-get")
        .args(["install", "-y"])
        .args(missing)
        .env("DEBIAN_FRONTEND", "noninteractive")
        .run()
}
