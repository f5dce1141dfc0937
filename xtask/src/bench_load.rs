//! The load benchmarks of `cargo xtask bench`: 200 concurrent clients on SQLite and on
//! PostgreSQL (`load`), and list latency with 5,000 and 50,000 wallets of 100 documents
//! (`list-scale`). The drivers (`bench/load.mjs`, `bench/list-scale.mjs`) start the release
//! server and a throwaway PostgreSQL cluster themselves and stop them before they exit; they
//! print `row=what|goal|measured|verdict` lines, which become rows of the results table.
//!
//! `PDE_BENCH_SECONDS` shortens the load run (default 60 s); `PDE_BENCH_LIST_SCALES` chooses
//! the wallet counts of `list-scale` (default `5000,50000`).

use crate::bench::Row;
use crate::plan::{Needs, Step};
use crate::prereq;
use crate::sh::{Cmd, Result};
use std::path::Path;
use std::process::Stdio;

const BENCH_DIR: &str = "bench";

pub const LOAD: Step = Step {
    name: "load",
    deps: &["server-build"],
    needs: Needs::NODE.union(Needs::POSTGRES),
    about: "200 clients for 60 s (log in, list, download, upload, log out), SQLite vs PostgreSQL",
};

pub const LIST_SCALE: Step = Step {
    name: "list-scale",
    deps: &["server-build"],
    needs: Needs::NODE.union(Needs::POSTGRES),
    about: "GET /api/v1/documents p50/p99 with 5,000 and 50,000 wallets x 100 documents",
};

pub fn load() -> Result<Vec<Row>> {
    tools()?;
    driver("load.mjs")
}

pub fn list_scale() -> Result<Vec<Row>> {
    tools()?;
    driver("list-scale.mjs")
}

/// `sqlite3` seeds the SQLite database (Debian's `postgresql` comes with `Needs::POSTGRES`).
fn tools() -> Result<()> {
    if Cmd::new("sqlite3").args(["--version"]).read().is_none() {
        prereq::debian_packages(&["sqlite3"])?;
    }
    Ok(())
}

/// Runs a driver, echoing its output, and returns its rows.
fn driver(script: &str) -> Result<Vec<Row>> {
    let bin = crate::bench::server_bin();
    let (shown, mut cmd) = Cmd::new("node")
        .args([script])
        .env("PDE_SERVER_BIN", Path::new(&bin))
        .dir(BENCH_DIR)
        .into_parts();
    println!("$ {shown}");
    let out = cmd
        .stderr(Stdio::inherit())
        .output()
        .map_err(|e| format!("cannot start `{shown}`: {e}"))?;
    let text = String::from_utf8_lossy(&out.stdout);
    for line in text.lines().filter(|l| !l.starts_with("row=")) {
        println!("{line}");
    }
    if !out.status.success() {
        return Err(format!("`{shown}` failed ({})", out.status));
    }
    let rows = rows_of(&text);
    if rows.is_empty() {
        return Err(format!("`{shown}` printed no results"));
    }
    Ok(rows)
}

/// The `row=what|goal|measured|verdict` lines of a driver's output; verdict `yes`, `no` or
/// `-` (no goal).
pub fn rows_of(output: &str) -> Vec<Row> {
    output
        .lines()
        .filter_map(|l| l.strip_prefix("row="))
        .filter_map(|l| {
            let f: Vec<&str> = l.splitn(4, '|').collect();
            let [what, goal, measured, verdict] = f[..] else {
                return None;
            };
            Some(Row {
                what: what.to_string(),
                goal: goal.to_string(),
                measured: measured.to_string(),
                met: match verdict {
                    "yes" => Some(true),
                    "no" => Some(false),
                    _ => None,
                },
            })
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rows_are_read_from_row_lines_only() {
        let out = "seeded 200 accounts\n\
                   row=load sqlite: errors|0|3|no\n\
                   row=  POST /api/v1/auth/login → 429 too_many_attempts||3x|-\n\
                   row=list p99|< 20 ms|4.1 ms (p50 2.0)|yes\n\
                   row=broken line\n";
        let rows = rows_of(out);
        assert_eq!(rows.len(), 3);
        assert_eq!(rows[0].met, Some(false));
        assert_eq!(rows[0].measured, "3");
        assert_eq!(
            rows[1].what,
            "  POST /api/v1/auth/login → 429 too_many_attempts"
        );
        assert_eq!(rows[1].goal, "");
        assert_eq!(rows[1].met, None);
        assert_eq!(rows[2].met, Some(true));
    }
}
