//! `cargo xtask fuzz` and the `fuzz` step of `cargo xtask test`: the libFuzzer targets of
//! `crypto/fuzz/` (one per parser of untrusted bytes in `pde-crypto`), built by `cargo fuzz`
//! with AddressSanitizer.
//!
//! Each target runs on a working corpus under the target directory, seeded read-only from
//! the project's vectors (`crypto/tests/vectors/`), the community age kit where it helps (read
//! from the `age` crate's package) and the target's committed corpus
//! (`crypto/fuzz/corpus/<target>/`: small seeds of our own and every crash found, so a fixed
//! crash is re-run on every test).

use crate::parse;
use crate::sh::{Cmd, Result, header, rel, root, target_dir};
use std::io::{BufRead, BufReader};
use std::path::PathBuf;
use std::process::Stdio;
use std::time::{Duration, Instant};

/// The fuzz crate, relative to the repository root.
pub const FUZZ_DIR: &str = "crypto/fuzz";

/// A fuzz target and what it is fed.
struct Target {
    name: &'static str,
    /// Seeded from the project's vectors.
    vectors: bool,
    /// Seeded from the community age kit.
    kit: bool,
    /// libFuzzer's `-max_len`: large enough for the STREAM chunk boundary where it matters.
    max_len: usize,
}

const TARGETS: &[Target] = &[
    Target {
        name: "age_file",
        vectors: true,
        kit: true,
        max_len: 70_000,
    },
    Target {
        name: "age_header",
        vectors: true,
        kit: true,
        max_len: 4096,
    },
    Target {
        name: "key_slot",
        vectors: true,
        kit: false,
        max_len: 4096,
    },
    Target {
        name: "envelope",
        vectors: true,
        kit: false,
        max_len: 4096,
    },
    Target {
        name: "note",
        vectors: true,
        kit: false,
        max_len: 16_384,
    },
    Target {
        name: "metadata",
        vectors: true,
        kit: false,
        max_len: 16_384,
    },
    Target {
        name: "content",
        vectors: true,
        kit: false,
        max_len: 70_000,
    },
    Target {
        name: "link_secret",
        vectors: false,
        kit: false,
        max_len: 256,
    },
    Target {
        name: "recovery_code",
        vectors: false,
        kit: false,
        max_len: 256,
    },
    Target {
        name: "helper_card",
        vectors: false,
        kit: false,
        max_len: 256,
    },
    Target {
        name: "identity_text",
        vectors: true,
        kit: false,
        max_len: 512,
    },
    Target {
        name: "wallet_record",
        vectors: true,
        kit: false,
        max_len: 70_000,
    },
    Target {
        name: "worker_code",
        vectors: false,
        kit: false,
        max_len: 256,
    },
];

/// How one target's run ended.
struct RunReport {
    name: &'static str,
    runs: Option<u64>,
    took: Duration,
    result: Result<()>,
}

/// Builds every target, then runs each for `per_target`; fails if any target finds a crash.
pub fn run_all(per_target: Duration) -> Result<()> {
    build()?;
    let kit = kit_dir();
    if let Err(why) = &kit {
        println!("the community age kit is not used as seeds: {why}");
    }
    let mut reports = Vec::new();
    for target in TARGETS {
        header(&format!(
            "fuzz {} for {}s",
            target.name,
            per_target.as_secs()
        ));
        reports.push(run_one(target, per_target, kit.as_ref().ok()));
    }
    println!("\n{:14}  {:>10}  {:>7}  result", "target", "runs", "time");
    let mut failed = Vec::new();
    for r in &reports {
        let runs = r.runs.map_or("?".to_string(), |n| n.to_string());
        let result = match &r.result {
            Ok(()) => "ok".to_string(),
            Err(e) => {
                failed.push(r.name);
                e.clone()
            }
        };
        println!(
            "{:14}  {runs:>10}  {:>6.1}s  {result}",
            r.name,
            r.took.as_secs_f64()
        );
    }
    let total: u64 = reports.iter().filter_map(|r| r.runs).sum();
    println!("{total} executions in all");
    if failed.is_empty() {
        Ok(())
    } else {
        Err(format!(
            "fuzz target(s) failed: {} (the input is under {FUZZ_DIR}/artifacts/; add it to \
             {FUZZ_DIR}/corpus/<target>/ with the fix)",
            failed.join(", ")
        ))
    }
}

fn build() -> Result<()> {
    // cargo-fuzz asks for nightly-only flags (-Zsanitizer, sanitizer coverage);
    // RUSTC_BOOTSTRAP lets the stable toolchain accept them.
    Cmd::new("cargo")
        .args(["fuzz", "build", "--fuzz-dir", FUZZ_DIR, "--target-dir"])
        .args([fuzz_target_dir()])
        .env("RUSTC_BOOTSTRAP", "1")
        .run()
}

fn fuzz_target_dir() -> PathBuf {
    target_dir().join("fuzz")
}

fn binary(name: &str) -> PathBuf {
    // cargo-fuzz builds for the host with an explicit --target, in release.
    let host = Cmd::new("rustc")
        .args(["-vV"])
        .read()
        .and_then(|out| parse::rustc_host(&out))
        .unwrap_or_else(|| "x86_64-unknown-linux-gnu".into());
    fuzz_target_dir().join(host).join("release").join(name)
}

fn run_one(target: &Target, time: Duration, kit: Option<&PathBuf>) -> RunReport {
    let start = Instant::now();
    let mut report = RunReport {
        name: target.name,
        runs: None,
        took: Duration::ZERO,
        result: Ok(()),
    };
    let work = target_dir().join("fuzz-corpus").join(target.name);
    let artifacts = root().join(FUZZ_DIR).join("artifacts").join(target.name);
    for dir in [&work, &artifacts] {
        if let Err(e) = std::fs::create_dir_all(dir) {
            report.result = Err(format!("cannot create {}: {e}", dir.display()));
            return report;
        }
    }
    let committed = root().join(FUZZ_DIR).join("corpus").join(target.name);
    let mut corpora = vec![work.clone()];
    if committed.is_dir() {
        corpora.push(committed);
    }
    if target.vectors {
        corpora.push(root().join("crypto/tests/vectors"));
    }
    if let (true, Some(kit)) = (target.kit, kit) {
        corpora.push(kit.clone());
    }
    let (shown, mut cmd) = Cmd::new(binary(target.name))
        .args(corpora.iter().map(|p| p.as_os_str()))
        .args([
            format!("-max_total_time={}", time.as_secs().max(1)),
            format!("-max_len={}", target.max_len),
            format!("-artifact_prefix={}/", artifacts.display()),
            "-timeout=20".to_string(),
            "-print_final_stats=1".to_string(),
        ])
        .into_parts();
    println!("$ {shown}");
    let child = cmd.stderr(Stdio::piped()).spawn();
    let mut child = match child {
        Ok(child) => child,
        Err(e) => {
            report.result = Err(format!("cannot start {}: {e}", rel(&binary(target.name))));
            return report;
        }
    };
    // Echo libFuzzer's output, keeping the execution count it ends with.
    let stderr = child.stderr.take().expect("stderr is piped");
    for line in BufReader::new(stderr)
        .lines()
        .map_while(std::result::Result::ok)
    {
        if let Some(runs) = parse::libfuzzer_runs(&line) {
            report.runs = Some(runs);
        }
        println!("{line}");
    }
    report.result = match child.wait() {
        Ok(status) if status.success() => Ok(()),
        Ok(status) => Err(format!("crash or failure ({status})")),
        Err(e) => Err(format!("cannot wait for the fuzzer: {e}")),
    };
    report.took = start.elapsed();
    report
}

/// The community age kit inside the `age` package that Cargo resolved for `pde-crypto`.
fn kit_dir() -> Result<PathBuf> {
    let host = Cmd::new("rustc")
        .args(["-vV"])
        .read()
        .and_then(|out| parse::rustc_host(&out))
        .ok_or("cannot read the host triple from `rustc -vV`")?;
    let metadata = Cmd::new("cargo")
        .args([
            "metadata",
            "--format-version",
            "1",
            "--locked",
            "--filter-platform",
            &host,
        ])
        .read()
        .ok_or("`cargo metadata` failed")?;
    let manifest =
        parse::package_manifest(&metadata, "age").ok_or("no `age` package in `cargo metadata`")?;
    let dir = PathBuf::from(manifest)
        .parent()
        .map(|p| p.join("tests/testdata/testkit"))
        .ok_or("odd manifest path")?;
    if dir.is_dir() {
        Ok(dir)
    } else {
        Err(format!("the age package has no kit at {}", dir.display()))
    }
}

/// `cargo xtask fuzz --minutes N`.
pub fn main(opts: &crate::args::FuzzOpts) -> Result<bool> {
    crate::prereq::ensure(crate::plan::Needs::FUZZ)?;
    let per_target =
        Duration::from_secs(opts.minutes * 60 / TARGETS.len() as u64).max(Duration::from_secs(1));
    println!(
        "{} targets, {}s each ({} minutes in all)",
        TARGETS.len(),
        per_target.as_secs(),
        opts.minutes
    );
    run_all(per_target).map(|()| true)
}
