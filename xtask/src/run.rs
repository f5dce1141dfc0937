//! `cargo xtask run`: build everything and start the server.

use crate::args::RunOpts;
use crate::plan::Needs;
use crate::prereq;
use crate::sh::{Cmd, Result, header, root, target_dir};
use crate::wasm::{self, WEB_DIR, WEB_DIST};

pub fn main(opts: &RunOpts) -> Result<bool> {
    prereq::ensure(Needs::WASM_NODE)?;
    header("wasm module and bindings");
    wasm::build_wasm()?;
    header("web app");
    wasm::npm_ci(WEB_DIR)?;
    wasm::npm_run(WEB_DIR, "build")?;
    header("server");
    let profile = if opts.release { "release" } else { "debug" };
    // A release server carries the web app; a debug one serves the files just built, so a
    // rebuilt web app needs no server rebuild.
    let mut build = vec!["build", "-p", "pde-server"];
    if opts.release {
        build.extend(["--release", "--features", "embedded-web"]);
    }
    Cmd::new("cargo").args(&build).run()?;
    let data = root().join("data");
    std::fs::create_dir_all(&data).map_err(|e| format!("cannot create ./data: {e}"))?;
    let server = target_dir().join(profile).join("pde-server");
    println!(
        "\nPDE on http://{} (data in ./data); Ctrl-C stops it\n",
        opts.listen
    );
    // Ctrl-C reaches the server too (same process group); it shuts down by itself.
    Cmd::new(&server)
        .args(["serve", "--listen", &opts.listen, "--data-dir", "data"])
        .args(if opts.release {
            vec![]
        } else {
            vec!["--web-dir", WEB_DIST]
        })
        .args(["--public-url", &format!("http://{}", opts.listen)])
        .run()?;
    Ok(true)
}
