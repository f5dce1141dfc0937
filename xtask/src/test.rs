//! `cargo xtask test`: every check, one summary.

use crate::api_types;
use crate::args::Selection;
use crate::fuzz;
use crate::plan::{self, Needs, Outcome, Step};
use crate::postgres;
use crate::prereq;
use crate::sh::{Cmd, Result, header, target_dir};
use crate::wasm::{self, WEB_DIR};
use std::time::{Duration, Instant};

const E2E_DIR: &str = "tests/e2e";
/// Seconds per fuzz target in `test`: enough to replay the corpus (vectors, committed crash
/// inputs) and try some mutations, while the step stays short.
const FUZZ_SECONDS_PER_TARGET: u64 = 4;

pub const STEPS: &[Step] = &[
    Step {
        name: "fmt",
        deps: &[],
        needs: Needs::NONE,
        about: "cargo fmt --all --check",
    },
    Step {
        name: "clippy",
        deps: &[],
        needs: Needs::NONE,
        about: "cargo clippy --workspace --all-targets -- -D warnings",
    },
    Step {
        name: "clippy-wasm",
        deps: &[],
        needs: Needs::WASM,
        about: "cargo clippy -p pde-client-wasm --target wasm32-unknown-unknown --all-targets -- -D warnings",
    },
    Step {
        name: "native",
        deps: &[],
        needs: Needs::AGE.union(Needs::POSTGRES).union(Needs::GARAGE),
        about: "native tests: cargo nextest run --workspace (cargo test --workspace without nextest), then pde-server's on PostgreSQL",
    },
    Step {
        name: "fuzz",
        deps: &[],
        needs: Needs::FUZZ,
        about: "every fuzz target of crypto/fuzz on its corpus for a few seconds (cargo fuzz)",
    },
    Step {
        name: "wasm-crypto",
        deps: &[],
        needs: Needs::WASM_NODE,
        about: "pde-crypto's tests on wasm32 under Node (wasm-bindgen-test-runner)",
    },
    Step {
        name: "wasm-client",
        deps: &[],
        needs: Needs::WASM_NODE,
        about: "pde-client-wasm's tests on wasm32 under Node (wasm-bindgen-test-runner)",
    },
    Step {
        name: "wasm-build",
        deps: &[],
        needs: Needs::WASM_NODE,
        about: "release wasm build + wasm-bindgen into client-wasm/web/src/pkg",
    },
    Step {
        name: "web-install",
        deps: &[],
        needs: Needs::NODE,
        about: "npm ci in client-wasm/web",
    },
    Step {
        name: "web-api-types",
        deps: &["web-install"],
        needs: Needs::NODE,
        about: "the committed web API types match the server's OpenAPI document (cargo xtask gen-api regenerates them)",
    },
    Step {
        name: "web-typecheck",
        deps: &["wasm-build", "web-install"],
        needs: Needs::NODE,
        about: "npm run typecheck in client-wasm/web",
    },
    Step {
        name: "web-test",
        deps: &["wasm-build", "web-install"],
        needs: Needs::NODE,
        about: "npm test (vitest) in client-wasm/web, the session tests over the built WASM module in the crypto worker included",
    },
    Step {
        name: "web-build",
        deps: &["wasm-build", "web-install"],
        needs: Needs::NODE,
        about: "npm run build in client-wasm/web",
    },
    Step {
        name: "server-build",
        deps: &["web-build"],
        needs: Needs::NONE,
        about: "cargo build -p pde-server --features embedded-web,test-clock (the e2e tests' server)",
    },
    Step {
        name: "e2e-install",
        deps: &[],
        needs: Needs::NODE,
        about: "npm ci in tests/e2e",
    },
    Step {
        name: "e2e",
        deps: &["server-build", "web-build", "e2e-install"],
        needs: Needs::BROWSER.union(Needs::POSTGRES),
        about: "npm test in tests/e2e (Chromium via playwright-core)",
    },
];

fn run_step(name: &str) -> Result<()> {
    match name {
        "fmt" => Cmd::new("cargo").args(["fmt", "--all", "--check"]).run(),
        "clippy" => Cmd::new("cargo")
            .args([
                "clippy",
                "--workspace",
                "--all-targets",
                "--",
                "-D",
                "warnings",
            ])
            .run(),
        "clippy-wasm" => wasm::cargo_wasm(&["clippy", "-p", "pde-client-wasm", "--all-targets"])
            .args(["--", "-D", "warnings"])
            .run(),
        "native" => native_tests(),
        "fuzz" => fuzz::run_all(Duration::from_secs(FUZZ_SECONDS_PER_TARGET)),
        "wasm-crypto" => wasm_tests("pde-crypto"),
        "wasm-client" => wasm_tests("pde-client-wasm"),
        "wasm-build" => wasm::build_wasm(),
        "web-install" => wasm::npm_ci(WEB_DIR),
        "web-api-types" => api_types::check(),
        "web-typecheck" => wasm::npm_run(WEB_DIR, "typecheck"),
        "web-test" => Cmd::new("npm").args(["test"]).dir(WEB_DIR).run(),
        "web-build" => wasm::npm_run(WEB_DIR, "build"),
        "server-build" => Cmd::new("cargo")
            .args(["build", "-p", "pde-server"])
            .args(["--features", "embedded-web,test-clock"])
            .run(),
        "e2e-install" => wasm::npm_ci(E2E_DIR),
        "e2e" => {
            let server = target_dir().join("debug").join("pde-server");
            let pg = postgres::Cluster::start()?;
            Cmd::new("npm")
                .args(["test"])
                .env("PDE_SERVER_BIN", &server)
                .env(postgres::URL_VAR, pg.url())
                .dir(E2E_DIR)
                .run()
        }
        other => Err(format!("no runner for step `{other}`")),
    }
}

fn native_tests() -> Result<()> {
    let pg = postgres::Cluster::start()?;
    let url = pg.url();
    let nextest = Cmd::new("cargo")
        .args(["nextest", "--version"])
        .read()
        .is_some();
    // Two cores: the default of one test thread per core is right; argon2 tests each use
    // 64 MiB, so this also bounds memory.
    let workspace = if nextest {
        Cmd::new("cargo")
            .args([
                "nextest",
                "run",
                "--workspace",
                "--no-fail-fast",
                "--no-tests=warn",
            ])
            .env(postgres::URL_VAR, &url)
            .run()
            // nextest does not run doctests.
            .and_then(|()| {
                Cmd::new("cargo")
                    .args(["test", "--workspace", "--doc"])
                    .run()
            })
    } else {
        Cmd::new("cargo")
            .args(["test", "--workspace", "--no-fail-fast"])
            .env(postgres::URL_VAR, &url)
            .run()
    };
    // The server's integration suite once more, every app on its own PostgreSQL database.
    header("the server's tests on PostgreSQL");
    let on_postgres = if nextest {
        Cmd::new("cargo").args(["nextest", "run", "-p", "pde-server", "--no-fail-fast"])
    } else {
        Cmd::new("cargo").args(["test", "-p", "pde-server", "--no-fail-fast"])
    }
    .env(postgres::URL_VAR, &url)
    .env("PDE_TEST_DATABASE", "postgres")
    .run();
    match (workspace, on_postgres) {
        (Ok(()), Ok(())) => Ok(()),
        (Err(e), Ok(())) => Err(e),
        (Ok(()), Err(e)) => Err(format!("on PostgreSQL: {e}")),
        (Err(a), Err(b)) => Err(format!("{a}; on PostgreSQL: {b}")),
    }
}

fn wasm_tests(package: &str) -> Result<()> {
    wasm::cargo_wasm(&["test", "-p", package])
        .env(
            "CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER",
            "wasm-bindgen-test-runner",
        )
        .run()
}

pub fn main(sel: &Selection) -> Result<bool> {
    let names = plan::select(STEPS, sel)?;
    let steps: Vec<&Step> = STEPS.iter().filter(|s| names.contains(&s.name)).collect();
    if sel.list {
        for s in STEPS {
            let mark = if names.contains(&s.name) { "*" } else { " " };
            println!("{mark} {:14} {}", s.name, s.about);
        }
        return Ok(true);
    }
    let needs = steps.iter().fold(Needs::NONE, |n, s| n.union(s.needs));
    prereq::ensure(needs)?;

    let mut done: Vec<(&'static str, Outcome, Duration)> = Vec::new();
    let total = steps.len();
    for (i, step) in steps.iter().enumerate() {
        header(&format!(
            "[{}/{total}] {}: {}",
            i + 1,
            step.name,
            step.about
        ));
        if let Some(dep) = plan::blocked_by(step, &done) {
            println!("not run: it needs `{dep}`, which failed");
            done.push((step.name, Outcome::NotRun(dep), Duration::ZERO));
            continue;
        }
        let start = Instant::now();
        let outcome = match run_step(step.name) {
            Ok(()) => Outcome::Passed,
            Err(e) => {
                println!("step {} FAILED: {e}", step.name);
                Outcome::Failed(e)
            }
        };
        done.push((step.name, outcome, start.elapsed()));
    }
    print!("{}", plan::summary(&done));
    Ok(done.iter().all(|(_, o, _)| *o == Outcome::Passed))
}
