//! `cargo xtask gen-api` and the `web-api-types` step of `test`: the web client's API types
//! are generated from the server's OpenAPI document (`pde-server openapi`) by
//! `openapi-typescript`, and both are committed so that a change of the contract shows in
//! review.

use std::fs;
use std::path::Path;

use crate::sh::{Cmd, Result, rel, root, target_dir};
use crate::wasm::{self, WEB_DIR};

/// The document, as the server prints it.
pub const OPENAPI_JSON: &str = "client-wasm/web/src/generated/openapi.json";
/// The TypeScript types generated from it.
pub const API_TS: &str = "client-wasm/web/src/generated/api.ts";
/// The command that regenerates both.
pub const REGENERATE: &str = "cargo xtask gen-api";
/// `openapi-typescript`'s options: arrays of every enum's values (the list of error codes at
/// run time), keys in sorted order.
const GENERATOR_OPTIONS: &[&str] = &["--enum-values", "--alphabetize"];

/// The OpenAPI document the current server code prints.
fn current_document() -> Result<String> {
    Cmd::new("cargo")
        .args(["run", "--quiet", "-p", "pde-server", "--", "openapi"])
        .output()
}

/// Runs `openapi-typescript` (the pinned devDependency of the web app) from `input` to `output`.
fn generate(input: &Path, output: &Path) -> Result<()> {
    if !root()
        .join(WEB_DIR)
        .join("node_modules/.bin/openapi-typescript")
        .exists()
    {
        wasm::npm_ci(WEB_DIR)?;
    }
    Cmd::new("npx")
        .args(["--no", "openapi-typescript"])
        .args([input.as_os_str(), "-o".as_ref(), output.as_os_str()])
        .args(GENERATOR_OPTIONS)
        .dir(WEB_DIR)
        .run()
}

/// `cargo xtask gen-api`: writes the document and the types generated from it.
pub fn regenerate() -> Result<bool> {
    let document = current_document()?;
    let json = root().join(OPENAPI_JSON);
    fs::create_dir_all(json.parent().expect("a file in a directory"))
        .map_err(|e| format!("cannot create the directory of {OPENAPI_JSON}: {e}"))?;
    fs::write(&json, document).map_err(|e| format!("cannot write {OPENAPI_JSON}: {e}"))?;
    generate(&json, &root().join(API_TS))?;
    println!("wrote {OPENAPI_JSON} and {API_TS}");
    Ok(true)
}

/// The `web-api-types` step: the committed files are what the current server code gives.
pub fn check() -> Result<()> {
    let document = current_document()?;
    let stale = |file: &str| {
        format!(
            "{file} is not what the current server generates: run `{REGENERATE}` and commit the result"
        )
    };
    let committed = fs::read_to_string(root().join(OPENAPI_JSON))
        .map_err(|e| format!("cannot read {OPENAPI_JSON} ({e}): run `{REGENERATE}`"))?;
    if committed != document {
        return Err(stale(OPENAPI_JSON));
    }
    let scratch = target_dir().join("api-types");
    fs::create_dir_all(&scratch).map_err(|e| format!("cannot create {}: {e}", rel(&scratch)))?;
    let json = scratch.join("openapi.json");
    let ts = scratch.join("api.ts");
    fs::write(&json, &document).map_err(|e| format!("cannot write {}: {e}", rel(&json)))?;
    generate(&json, &ts)?;
    let fresh = fs::read_to_string(&ts).map_err(|e| format!("cannot read {}: {e}", rel(&ts)))?;
    let committed = fs::read_to_string(root().join(API_TS))
        .map_err(|e| format!("cannot read {API_TS} ({e}): run `{REGENERATE}`"))?;
    if committed != fresh {
        return Err(stale(API_TS));
    }
    println!("{OPENAPI_JSON} and {API_TS} are up to date");
    Ok(())
}
