//! The server's integration tests, in one test binary: each file of this directory is one
//! module. One binary compiles the shared helpers of `common/` once and links once, instead of
//! once per file (`autotests = false` in `Cargo.toml`). `cargo nextest run -p pde-server
//! --test integration auth::` runs one file's tests.

mod common;

mod appointments;
mod auth;
mod backup;
mod blob_story;
mod cli;
mod concurrency;
mod crash;
mod deletion;
mod documents;
mod edges;
mod faults;
mod helpers;
mod helpers_authz;
mod hiding;
mod http;
mod limited_view;
mod metrics;
mod openapi;
mod orphans;
mod passkeys;
mod passphrase;
mod records;
mod replicas;
mod s3;
mod share_authz;
mod sharing;
mod shutdown;
mod signups;
mod storage_story;
mod throttles;
mod timeouts;

/// A file added to this directory but not declared above would never run: `autotests` is off.
#[test]
fn every_test_file_is_a_module_of_this_binary() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let this = include_str!("main.rs");
    let mut missing = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("the tests directory") {
        let path = entry.expect("a directory entry").path();
        let Some(stem) = path.file_stem().and_then(|s| s.to_str()) else {
            continue;
        };
        if path.extension().is_some_and(|e| e == "rs")
            && stem != "main"
            && !this.contains(&format!("\nmod {stem};\n"))
        {
            missing.push(stem.to_owned());
        }
    }
    assert!(
        missing.is_empty(),
        "add `mod <name>;` to server/tests/main.rs for: {missing:?}"
    );
}
