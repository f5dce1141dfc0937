//! Command-line parsing (pure, unit-tested).

/// What the user asked for.
#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    Run(RunOpts),
    Test(Selection),
    Bench(Selection),
    Fuzz(FuzzOpts),
    /// A throwaway PostgreSQL cluster around a command (the arguments after `--`).
    Postgres(Vec<String>),
    /// Regenerate the web client's API types from the server's OpenAPI document.
    GenApi,
    Help,
}

/// Options of `fuzz`.
#[derive(Debug, PartialEq, Eq)]
pub struct FuzzOpts {
    /// Total fuzzing time, shared evenly by the targets.
    pub minutes: u64,
}

impl Default for FuzzOpts {
    fn default() -> Self {
        FuzzOpts { minutes: 10 }
    }
}

#[derive(Debug, PartialEq, Eq)]
pub struct RunOpts {
    /// Build the server with the release profile (slower build, faster server).
    pub release: bool,
    /// Address the server listens on.
    pub listen: String,
}

impl Default for RunOpts {
    fn default() -> Self {
        RunOpts {
            release: false,
            listen: "127.0.0.1:8080".to_string(),
        }
    }
}

/// Which steps of `test` (or measurements of `bench`) to run.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Selection {
    pub only: Vec<String>,
    pub skip: Vec<String>,
    /// Print the steps and exit.
    pub list: bool,
}

pub const USAGE: &str = "\
usage: cargo xtask <command> [options]

commands:
  run     install prerequisites, build the wasm module and the web app, then start
          pde-server on http://127.0.0.1:8080 (data in ./data); Ctrl-C stops it
            --release          build the server with the release profile
            --listen ADDR      listen address (default 127.0.0.1:8080)
  test    formatting, lints, native, wasm, web and end-to-end tests, then a summary
  bench   benchmarks; prints measured ratios next to their goals (never fails on timings)
  fuzz    build the fuzz targets of crypto/fuzz (cargo fuzz, libFuzzer, AddressSanitizer)
          and run them all, one after the other; fails on a crash
            --minutes N        total time, shared evenly by the targets (default 10)
  postgres [-- COMMAND...]
          start a throwaway PostgreSQL cluster (as the native and e2e tests get), run
          COMMAND with PDE_TEST_POSTGRES_URL set to it, then stop it and remove its files;
          without a command, print the URL and keep it until Ctrl-C
  gen-api write the server's OpenAPI document (pde-server openapi) to
          client-wasm/web/src/generated/openapi.json and the TypeScript types generated
          from it (openapi-typescript) to client-wasm/web/src/generated/api.ts; the
          web-api-types step of test fails while they are stale

options of test and bench:
  --only STEP[,STEP]   run only these steps (and the build steps they need)
  --skip STEP[,STEP]   leave these steps out
  --list               print the steps and exit
  A STEP may also be a group prefix: `web` means every `web-*` step.
";

/// Parses the arguments after `cargo xtask`.
pub fn parse(args: &[String]) -> Result<Command, String> {
    let Some((cmd, rest)) = args.split_first() else {
        return Ok(Command::Help);
    };
    match cmd.as_str() {
        "run" => parse_run(rest).map(Command::Run),
        "test" => parse_selection(rest).map(Command::Test),
        "bench" => parse_selection(rest).map(Command::Bench),
        "fuzz" => parse_fuzz(rest).map(Command::Fuzz),
        "postgres" => parse_postgres(rest).map(Command::Postgres),
        "gen-api" => match rest.first() {
            None => Ok(Command::GenApi),
            Some(other) => Err(format!("unknown option `{other}` for gen-api")),
        },
        "help" | "-h" | "--help" => Ok(Command::Help),
        other => Err(format!("unknown command `{other}`")),
    }
}

/// Splits `--name=value` or `--name value`; returns the value and advances `i`.
fn value_of(args: &[String], i: &mut usize, name: &str) -> Result<Option<String>, String> {
    let arg = &args[*i];
    if let Some(v) = arg.strip_prefix(&format!("{name}=")) {
        return Ok(Some(v.to_string()));
    }
    if arg == name {
        *i += 1;
        return match args.get(*i) {
            Some(v) if !v.starts_with("--") => Ok(Some(v.clone())),
            _ => Err(format!("`{name}` needs a value")),
        };
    }
    Ok(None)
}

fn parse_run(args: &[String]) -> Result<RunOpts, String> {
    let mut opts = RunOpts::default();
    let mut i = 0;
    while i < args.len() {
        if args[i] == "--release" {
            opts.release = true;
        } else if let Some(v) = value_of(args, &mut i, "--listen")? {
            opts.listen = v;
        } else {
            return Err(format!("unknown option `{}` for run", args[i]));
        }
        i += 1;
    }
    Ok(opts)
}

fn parse_fuzz(args: &[String]) -> Result<FuzzOpts, String> {
    let mut opts = FuzzOpts::default();
    let mut i = 0;
    while i < args.len() {
        if let Some(v) = value_of(args, &mut i, "--minutes")? {
            opts.minutes =
                v.parse().ok().filter(|&m| m > 0).ok_or_else(|| {
                    format!("`--minutes` needs a whole number of minutes, not `{v}`")
                })?;
        } else {
            return Err(format!("unknown option `{}` for fuzz", args[i]));
        }
        i += 1;
    }
    Ok(opts)
}

fn parse_postgres(args: &[String]) -> Result<Vec<String>, String> {
    match args.split_first() {
        None => Ok(Vec::new()),
        Some((dash, command)) if dash == "--" => Ok(command.to_vec()),
        Some((other, _)) => Err(format!(
            "unknown option `{other}` for postgres (the command goes after `--`)"
        )),
    }
}

fn split_list(v: &str) -> impl Iterator<Item = String> + '_ {
    v.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
}

fn parse_selection(args: &[String]) -> Result<Selection, String> {
    let mut sel = Selection::default();
    let mut i = 0;
    while i < args.len() {
        if args[i] == "--list" {
            sel.list = true;
        } else if let Some(v) = value_of(args, &mut i, "--only")? {
            sel.only.extend(split_list(&v));
        } else if let Some(v) = value_of(args, &mut i, "--skip")? {
            sel.skip.extend(split_list(&v));
        } else {
            return Err(format!("unknown option `{}`", args[i]));
        }
        i += 1;
    }
    Ok(sel)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<Command, String> {
        let v: Vec<String> = args.iter().map(|s| s.to_string()).collect();
        parse(&v)
    }

    #[test]
    fn no_arguments_is_help() {
        assert_eq!(p(&[]), Ok(Command::Help));
        assert_eq!(p(&["--help"]), Ok(Command::Help));
    }

    #[test]
    fn run_defaults_and_options() {
        assert_eq!(p(&["run"]), Ok(Command::Run(RunOpts::default())));
        assert_eq!(
            p(&["run", "--release", "--listen", "127.0.0.1:9000"]),
            Ok(Command::Run(RunOpts {
                release: true,
                listen: "127.0.0.1:9000".into()
            }))
        );
        assert_eq!(
            p(&["run", "--listen=0.0.0.0:1"]),
            Ok(Command::Run(RunOpts {
                release: false,
                listen: "0.0.0.0:1".into()
            }))
        );
    }

    #[test]
    fn only_and_skip_accept_lists_and_repeats() {
        let got = p(&[
            "test",
            "--only",
            "fmt,clippy",
            "--only=e2e",
            "--skip",
            "web",
        ]);
        assert_eq!(
            got,
            Ok(Command::Test(Selection {
                only: vec!["fmt".into(), "clippy".into(), "e2e".into()],
                skip: vec!["web".into()],
                list: false,
            }))
        );
        assert_eq!(
            p(&["bench", "--list"]),
            Ok(Command::Bench(Selection {
                list: true,
                ..Selection::default()
            }))
        );
    }

    #[test]
    fn fuzz_takes_minutes() {
        assert_eq!(p(&["fuzz"]), Ok(Command::Fuzz(FuzzOpts { minutes: 10 })));
        assert_eq!(
            p(&["fuzz", "--minutes", "3"]),
            Ok(Command::Fuzz(FuzzOpts { minutes: 3 }))
        );
        assert!(p(&["fuzz", "--minutes", "0"]).is_err());
        assert!(p(&["fuzz", "--minutes", "x"]).is_err());
        assert!(p(&["fuzz", "--hours", "1"]).is_err());
    }

    #[test]
    fn postgres_takes_a_command_after_dashes() {
        assert_eq!(p(&["postgres"]), Ok(Command::Postgres(vec![])));
        assert_eq!(
            p(&["postgres", "--", "cargo", "nextest", "run", "--test", "x"]),
            Ok(Command::Postgres(
                ["cargo", "nextest", "run", "--test", "x"]
                    .iter()
                    .map(|s| s.to_string())
                    .collect()
            ))
        );
        assert!(p(&["postgres", "cargo"]).is_err());
        assert_eq!(p(&["gen-api"]), Ok(Command::GenApi));
        assert!(p(&["gen-api", "--check"]).is_err());
    }

    #[test]
    fn errors_are_reported() {
        assert!(p(&["deploy"]).is_err());
        assert!(p(&["test", "--only"]).is_err());
        assert!(p(&["test", "--only", "--skip"]).is_err());
        assert!(p(&["test", "--frobnicate"]).is_err());
        assert!(p(&["run", "--listen"]).is_err());
    }
}
