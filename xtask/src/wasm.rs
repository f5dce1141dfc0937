//! Builds shared by `run`, `test` and `bench`: the wasm module and its JS bindings, the web app.

use crate::prereq::WASM_TARGET;
use crate::sh::{Cmd, Result, rel, target_dir};
use std::path::PathBuf;

/// Extra code-generation flags for the wasm module. SIMD128 is supported by every browser
/// released since 2021 (Chrome 91, Firefox 89, Safari 16.4) and speeds up the ciphers.
pub const WASM_RUSTFLAGS: &str = "-C target-feature=+simd128";
/// Where wasm-bindgen writes the JS bindings the web app imports.
pub const PKG_DIR: &str = "client-wasm/web/src/pkg";
pub const WEB_DIR: &str = "client-wasm/web";
pub const WEB_DIST: &str = "client-wasm/web/dist";

/// `cargo <args>` for the wasm32 target, with the wasm code-generation flags. The flags are set
/// for the wasm target only, so host build scripts and native builds keep their cache.
pub fn cargo_wasm(args: &[&str]) -> Cmd {
    Cmd::new("cargo")
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS",
            WASM_RUSTFLAGS,
        )
        .args(args)
        .args(["--target", WASM_TARGET])
}

pub fn release_wasm() -> PathBuf {
    target_dir()
        .join(WASM_TARGET)
        .join("release")
        .join("pde_client_wasm.wasm")
}

/// Release build of pde-client-wasm, then wasm-bindgen into the web app's `src/pkg`.
pub fn build_wasm() -> Result<()> {
    cargo_wasm(&["build", "--release", "-p", "pde-client-wasm"]).run()?;
    let wasm = release_wasm();
    Cmd::new("wasm-bindgen")
        .args(["--target", "web", "--out-dir", PKG_DIR])
        .args([rel(&wasm)])
        .run()
}

pub fn npm_ci(dir: &str) -> Result<()> {
    Cmd::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .dir(dir)
        .run()
}

pub fn npm_run(dir: &str, script: &str) -> Result<()> {
    Cmd::new("npm").args(["run", script]).dir(dir).run()
}
