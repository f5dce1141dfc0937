//! Step selection and the summary (pure, unit-tested).

use crate::args::Selection;
use std::time::Duration;

/// What a step needs installed before it can run.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Needs {
    /// The `wasm32-unknown-unknown` Rust target.
    pub wasm_target: bool,
    /// `wasm-bindgen` / `wasm-bindgen-test-runner` at the version in Cargo.lock.
    pub bindgen: bool,
    /// Node.js and npm.
    pub node: bool,
    /// Debian's `chromium`.
    pub chromium: bool,
    /// The `age` command (crypto interop test; the export end-to-end test).
    pub age: bool,
    /// `cargo fuzz` and a C++ compiler (libFuzzer is built from source).
    pub fuzz: bool,
    /// Debian's `postgresql` (a throwaway cluster for the tests).
    pub postgres: bool,
    /// Garage, the S3-compatible object store the S3 blob store is tested against.
    pub garage: bool,
}

impl Needs {
    pub const NONE: Needs = Needs {
        wasm_target: false,
        bindgen: false,
        node: false,
        chromium: false,
        age: false,
        fuzz: false,
        postgres: false,
        garage: false,
    };
    pub const WASM: Needs = Needs {
        wasm_target: true,
        ..Needs::NONE
    };
    pub const WASM_NODE: Needs = Needs {
        wasm_target: true,
        bindgen: true,
        node: true,
        ..Needs::NONE
    };
    pub const NODE: Needs = Needs {
        node: true,
        ..Needs::NONE
    };
    pub const AGE: Needs = Needs {
        age: true,
        ..Needs::NONE
    };
    pub const FUZZ: Needs = Needs {
        fuzz: true,
        ..Needs::NONE
    };
    pub const BROWSER: Needs = Needs {
        node: true,
        chromium: true,
        // The export test opens a real export with `age`.
        age: true,
        ..Needs::NONE
    };
    pub const POSTGRES: Needs = Needs {
        postgres: true,
        ..Needs::NONE
    };
    pub const GARAGE: Needs = Needs {
        garage: true,
        ..Needs::NONE
    };

    pub const fn union(self, o: Needs) -> Needs {
        Needs {
            wasm_target: self.wasm_target || o.wasm_target,
            bindgen: self.bindgen || o.bindgen,
            node: self.node || o.node,
            chromium: self.chromium || o.chromium,
            age: self.age || o.age,
            fuzz: self.fuzz || o.fuzz,
            postgres: self.postgres || o.postgres,
            garage: self.garage || o.garage,
        }
    }
}

/// A step of `test` or a measurement of `bench`.
#[derive(Debug)]
pub struct Step {
    pub name: &'static str,
    /// Steps whose output this one consumes: if one of them ran and failed, this one is not run.
    pub deps: &'static [&'static str],
    pub needs: Needs,
    pub about: &'static str,
}

/// Whether `pattern` (a step name or a group prefix such as `web`) names `step`.
pub fn matches(pattern: &str, step: &str) -> bool {
    step == pattern
        || step
            .strip_prefix(pattern)
            .is_some_and(|rest| rest.starts_with('-'))
}

/// The names of the steps to run, in declaration order: with `--only`, the named steps and
/// (transitively) the steps they depend on; minus the `--skip`ped ones.
pub fn select(steps: &[Step], sel: &Selection) -> Result<Vec<&'static str>, String> {
    for pat in sel.only.iter().chain(&sel.skip) {
        if !steps.iter().any(|s| matches(pat, s.name)) {
            let names: Vec<&str> = steps.iter().map(|s| s.name).collect();
            return Err(format!(
                "no step is called `{pat}`; steps: {}",
                names.join(", ")
            ));
        }
    }
    let skipped = |name: &str| sel.skip.iter().any(|p| matches(p, name));
    let mut wanted: Vec<&'static str> = if sel.only.is_empty() {
        steps.iter().map(|s| s.name).collect()
    } else {
        steps
            .iter()
            .filter(|s| sel.only.iter().any(|p| matches(p, s.name)))
            .map(|s| s.name)
            .collect()
    };
    // Pull in dependencies until nothing changes (the graph is tiny).
    loop {
        let mut added = false;
        for s in steps {
            if wanted.contains(&s.name) {
                for d in s.deps {
                    if !wanted.contains(d) && !skipped(d) {
                        wanted.push(d);
                        added = true;
                    }
                }
            }
        }
        if !added {
            break;
        }
    }
    Ok(steps
        .iter()
        .map(|s| s.name)
        .filter(|n| wanted.contains(n) && !skipped(n))
        .collect())
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    Passed,
    Failed(String),
    /// Not run because a step it depends on failed.
    NotRun(&'static str),
}

/// If one of `step`'s dependencies ran and did not pass, its name.
pub fn blocked_by(step: &Step, done: &[(&'static str, Outcome, Duration)]) -> Option<&'static str> {
    step.deps.iter().copied().find(|d| {
        done.iter()
            .any(|(n, o, _)| n == d && !matches!(o, Outcome::Passed))
    })
}

/// The summary table and the closing `N passed, N failed` line. A step that could not run
/// because its inputs failed to build counts as failed.
pub fn summary(done: &[(&'static str, Outcome, Duration)]) -> String {
    let width = done
        .iter()
        .map(|(n, _, _)| n.len())
        .max()
        .unwrap_or(4)
        .max(4);
    let mut out = format!("\n{:width$}  {:8}  {:>8}  note\n", "step", "result", "time");
    out.push_str(&format!("{}\n", "-".repeat(width + 30)));
    let (mut passed, mut failed) = (0, 0);
    for (name, outcome, took) in done {
        let (result, note) = match outcome {
            Outcome::Passed => {
                passed += 1;
                ("ok", String::new())
            }
            Outcome::Failed(why) => {
                failed += 1;
                let mut why = why.clone();
                if why.len() > 80 {
                    let mut cut = 77;
                    while !why.is_char_boundary(cut) {
                        cut -= 1;
                    }
                    why.truncate(cut);
                    why.push_str("...");
                }
                ("FAILED", why)
            }
            Outcome::NotRun(dep) => {
                failed += 1;
                ("not run", format!("needs `{dep}`, which failed"))
            }
        };
        let line = format!(
            "{name:width$}  {result:8}  {:>7.1}s  {note}",
            took.as_secs_f64()
        );
        out.push_str(line.trim_end());
        out.push('\n');
    }
    out.push_str(&format!("\n{passed} passed, {failed} failed\n"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const STEPS: &[Step] = &[
        Step {
            name: "fmt",
            deps: &[],
            needs: Needs::NONE,
            about: "",
        },
        Step {
            name: "wasm-build",
            deps: &[],
            needs: Needs::WASM,
            about: "",
        },
        Step {
            name: "web-install",
            deps: &[],
            needs: Needs::NODE,
            about: "",
        },
        Step {
            name: "web-test",
            deps: &["wasm-build", "web-install"],
            needs: Needs::NODE,
            about: "",
        },
        Step {
            name: "web-build",
            deps: &["wasm-build", "web-install"],
            needs: Needs::NODE,
            about: "",
        },
        Step {
            name: "e2e",
            deps: &["web-build"],
            needs: Needs::BROWSER,
            about: "",
        },
    ];

    fn sel(only: &[&str], skip: &[&str]) -> Selection {
        Selection {
            only: only.iter().map(|s| s.to_string()).collect(),
            skip: skip.iter().map(|s| s.to_string()).collect(),
            list: false,
        }
    }

    #[test]
    fn group_prefix_matches_whole_words_only() {
        assert!(matches("web", "web-test"));
        assert!(matches("web-test", "web-test"));
        assert!(!matches("we", "web-test"));
        assert!(!matches("web-t", "web-test"));
        assert!(matches("e2e", "e2e"));
    }

    #[test]
    fn everything_by_default() {
        let all = select(STEPS, &sel(&[], &[])).unwrap();
        assert_eq!(all.len(), STEPS.len());
    }

    #[test]
    fn only_pulls_in_dependencies_in_order() {
        assert_eq!(
            select(STEPS, &sel(&["e2e"], &[])).unwrap(),
            vec!["wasm-build", "web-install", "web-build", "e2e"]
        );
        assert_eq!(select(STEPS, &sel(&["fmt"], &[])).unwrap(), vec!["fmt"]);
    }

    #[test]
    fn skip_wins_over_dependencies() {
        assert_eq!(
            select(STEPS, &sel(&["web-test"], &["wasm-build"])).unwrap(),
            vec!["web-install", "web-test"]
        );
        assert_eq!(
            select(STEPS, &sel(&[], &["web"])).unwrap(),
            vec!["fmt", "wasm-build", "e2e"]
        );
    }

    #[test]
    fn unknown_step_is_an_error() {
        assert!(select(STEPS, &sel(&["lint"], &[])).is_err());
        assert!(select(STEPS, &sel(&[], &["w"])).is_err());
    }

    #[test]
    fn failed_dependency_blocks_and_counts_as_failed() {
        let d = Duration::from_millis(1500);
        let done = vec![
            ("wasm-build", Outcome::Failed("exit status 101".into()), d),
            ("web-install", Outcome::Passed, d),
        ];
        assert_eq!(blocked_by(&STEPS[3], &done), Some("wasm-build"));
        assert_eq!(blocked_by(&STEPS[0], &done), None);
        let mut done = done;
        done.push(("web-test", Outcome::NotRun("wasm-build"), Duration::ZERO));
        let s = summary(&done);
        assert!(s.ends_with("\n1 passed, 2 failed\n"), "{s}");
        assert!(s.contains("web-test"));
        assert!(s.contains("1.5s"));
    }
}
