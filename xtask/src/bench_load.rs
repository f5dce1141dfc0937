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
/// Where Debian installs each PostgreSQL version's server binaries.
const DEBIAN_PG_DIR: &str = "/usr/lib/postgresql";

pub const LOAD: Step = Step {
    name: "load",
    deps: &["server-build"],
    needs: Needs::NODE,
    about: "200 clients for 60 s (log in, list, download, upload, log out), SQLite vs PostgreSQL",
};

pub const LIST_SCALE: Step = Step {
    name: "list-scale",
    deps: &["server-build"],
    needs: Needs::NODE,
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

/// Debian's `postgresql` (server binaries for the throwaway cluster) and `sqlite3` (seeding).
fn tools() -> Result<()> {
    let has_pg = std::fs::read_dir(DEBIAN_PG_DIR).is_ok_and(|dir| {
        dir.filter_map(|e| e.ok())
            .any(|e| e.path().join("bin").join("initdb").exists())
    });
    let mut missing = Vec::new();
    if !has_pg {
        missing.push("postgresql");
    }
    if Cmd::new("sqlite3").args(["--version"]).read().is_none() {
        missing.push("sqlite3");
    }
    prereq::debian_packages(&missing)?;
    if !has_pg {
        // The package's service starts a cluster of its own; the drivers use their own.
        let listed = Cmd::new("pg_lsclusters")
            .args(["--no-header"])
            .read()
            .unwrap_or_default();
        for (version, name) in online_clusters(&listed) {
            Cmd::new("pg_ctlcluster")
                .args([version, name, "stop"])
                .run()?;
        }
    }
    Ok(())
}

/// `(version, name)` of the clusters `pg_lsclusters --no-header` reports online.
fn online_clusters(listed: &str) -> Vec<(&str, &str)> {
    listed
        .lines()
        .filter_map(|l| {
            let f: Vec<&str> = l.split_whitespace().collect();
            (f.len() >= 4 && f[3].starts_with("online")).then(|| (f[0], f[1]))
        })
        .collect()
}

/// Runs a driver, echoing its output, and returns its rows.
fn driver(script: &str) -> Result<Vec<Row>> {
    let bin = crate::sh::target_dir().join("release").join("pde-server");
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

    #[test]
    fn only_online_package_clusters_are_stopped() {
        let listed = "15  main 5432 online postgres /var/lib/postgresql/15/main log\n\
                      15  old  5433 down   postgres /var/lib/postgresql/15/old  log\n";
        assert_eq!(online_clusters(listed), vec![("15", "main")]);
    }
}
