//! The configuration file: `--config FILE` (or `PDE_CONFIG`), a TOML file of `option = value`
//! lines named like the flags (`quota_bytes = 524288000` for `--quota-bytes`).
//!
//! Precedence: flags, then `PDE_*` environment variables, then the file, then the defaults.
//! clap knows the first two and the defaults; the file is layered in by parsing once, then
//! adding `--option=value` for every file entry whose option clap took from its default, and
//! parsing again, so clap checks the file's values exactly as it checks flags.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use clap::parser::ValueSource;
use clap::{ArgMatches, CommandFactory, FromArgMatches};

use crate::config::Cli;

/// The configuration could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ConfigFileError {
    /// The file could not be read.
    #[error("cannot read the configuration file {path}: {source}")]
    Read {
        /// The file.
        path: PathBuf,
        /// Why.
        source: std::io::Error,
    },
    /// The file is not TOML.
    #[error("the configuration file {path} is not valid TOML: {message}")]
    Syntax {
        /// The file.
        path: PathBuf,
        /// The parser's message.
        message: String,
    },
    /// An entry names no option.
    #[error(
        "the configuration file {path} sets `{key}`, which is not an option; the options are: {accepted}"
    )]
    UnknownOption {
        /// The file.
        path: PathBuf,
        /// The entry.
        key: String,
        /// The option names accepted.
        accepted: String,
    },
    /// An entry's value is not a string, a number or a boolean.
    #[error(
        "the configuration file {path} sets `{key}` to a table or a list; give a string, a number or true/false"
    )]
    NotAScalar {
        /// The file.
        path: PathBuf,
        /// The entry.
        key: String,
    },
    /// A value of the file was refused (clap's message names the option and what it accepts).
    #[error("in the configuration file {path}: {message}")]
    Value {
        /// The file.
        path: PathBuf,
        /// clap's message.
        message: String,
    },
}

/// What parsing the command line came to.
pub enum Parsed {
    /// The command line with the file applied, and clap's matches of it (for
    /// `--print-config`).
    Cli(Box<Cli>, Box<ArgMatches>),
    /// clap answered by itself (`--help`, `--version`, or a bad flag): print it and exit.
    Clap(clap::Error),
    /// The file was wrong.
    File(ConfigFileError),
}

/// Parses `args` (the program name first) with the configuration file they or `PDE_CONFIG`
/// name applied.
pub fn parse(args: Vec<OsString>) -> Parsed {
    let matches = match Cli::command().try_get_matches_from(&args) {
        Ok(m) => m,
        Err(e) => return Parsed::Clap(e),
    };
    let Some(path) = config_path(&matches) else {
        return from_matches(&matches);
    };
    match with_file(args, &matches, &path) {
        Ok(args) => match Cli::command().try_get_matches_from(&args) {
            Ok(m) => from_matches(&m),
            Err(e) => Parsed::File(ConfigFileError::Value {
                path,
                message: first_line(&e.to_string()),
            }),
        },
        Err(e) => Parsed::File(e),
    }
}

fn from_matches(matches: &ArgMatches) -> Parsed {
    match Cli::from_arg_matches(matches) {
        Ok(cli) => Parsed::Cli(Box::new(cli), Box::new(matches.clone())),
        Err(e) => Parsed::Clap(e),
    }
}

fn first_line(message: &str) -> String {
    message
        .lines()
        .next()
        .unwrap_or_default()
        .trim_start_matches("error: ")
        .to_owned()
}

/// The matches of the command that runs: `serve` (named or not) or `admin`, with the
/// innermost subcommand's matches last (admin options are global).
fn command_matches(matches: &ArgMatches) -> Vec<&ArgMatches> {
    let mut out = vec![matches];
    let mut current = matches;
    while let Some((_, sub)) = current.subcommand() {
        out.push(sub);
        current = sub;
    }
    out
}

fn config_path(matches: &ArgMatches) -> Option<PathBuf> {
    command_matches(matches)
        .into_iter()
        .rev()
        .find_map(|m| m.try_get_one::<PathBuf>("config").ok().flatten().cloned())
}

/// `args` with `--option=value` added for every entry of the file whose option is not given by
/// a flag or an environment variable.
fn with_file(
    mut args: Vec<OsString>,
    matches: &ArgMatches,
    path: &Path,
) -> Result<Vec<OsString>, ConfigFileError> {
    let text = std::fs::read_to_string(path).map_err(|source| ConfigFileError::Read {
        path: path.to_owned(),
        source,
    })?;
    let table: toml::Table = text.parse().map_err(|e: toml::de::Error| {
        let line = e
            .span()
            .map(|span| 1 + text[..span.start].matches('\n').count());
        ConfigFileError::Syntax {
            path: path.to_owned(),
            message: match line {
                Some(line) => format!("line {line}: {}", e.message()),
                None => e.message().to_owned(),
            },
        }
    })?;
    let levels = command_matches(matches);
    // The flags go right after the name of the command that runs (`serve`, `admin`), where
    // both its own options and its global ones are taken, or at the end without one.
    let mut at = match matches.subcommand_name() {
        Some(name) => args
            .iter()
            .position(|a| a.to_str() == Some(name))
            .map_or(args.len(), |i| i + 1),
        None => args.len(),
    };
    let options = file_options(matches);
    // One file serves `serve` and `admin`: `admin` skips the options only `serve` has.
    let serve_options = file_options(&Cli::command().get_matches_from(["pde-server"]));
    for (key, value) in &table {
        if !options.contains(key) {
            if serve_options.contains(key) {
                continue;
            }
            let mut accepted = options.clone();
            accepted.extend(serve_options.iter().cloned());
            accepted.sort();
            accepted.dedup();
            return Err(ConfigFileError::UnknownOption {
                path: path.to_owned(),
                key: key.clone(),
                accepted: accepted.join(", "),
            });
        }
        let explicit = levels.iter().any(|m| {
            matches!(
                m.try_contains_id(key)
                    .ok()
                    .and_then(|_| m.value_source(key)),
                Some(ValueSource::CommandLine | ValueSource::EnvVariable)
            )
        });
        if explicit {
            continue;
        }
        let flag = format!("--{}", key.replace('_', "-"));
        let added: OsString = match value {
            toml::Value::Boolean(true) => flag.into(),
            toml::Value::Boolean(false) => continue,
            toml::Value::String(s) => format!("{flag}={s}").into(),
            toml::Value::Integer(n) => format!("{flag}={n}").into(),
            toml::Value::Float(x) => format!("{flag}={x}").into(),
            _ => {
                return Err(ConfigFileError::NotAScalar {
                    path: path.to_owned(),
                    key: key.clone(),
                });
            }
        };
        args.insert(at, added);
        at += 1;
    }
    Ok(args)
}

/// The options a file may set for the command that runs: those of its flags that take a
/// value or are switches, without `--config` itself, `--print-config`, help and version.
fn file_options(matches: &ArgMatches) -> Vec<String> {
    let mut command = Cli::command();
    let mut names: Vec<String> = Vec::new();
    let mut current = matches;
    let mut cmd = &mut command;
    // With a subcommand, the top level's own options (those of `serve` without its name)
    // do not apply.
    let mut top = true;
    loop {
        let skip = top && current.subcommand().is_some();
        top = false;
        for arg in cmd.get_arguments().filter(|_| !skip) {
            if arg.get_long().is_some()
                && !matches!(
                    arg.get_id().as_str(),
                    "config" | "print_config" | "help" | "version"
                )
            {
                names.push(arg.get_id().to_string());
            }
        }
        let Some((name, sub)) = current.subcommand() else {
            break;
        };
        let Some(next) = cmd.find_subcommand_mut(name) else {
            break;
        };
        cmd = next;
        current = sub;
    }
    names.sort();
    names.dedup();
    names
}

/// The configuration `serve` runs with, as a configuration file: one `option = value` line
/// per option, secrets masked, unset options as comments.
pub fn print_config(matches: &ArgMatches) -> String {
    let serve = match matches.subcommand() {
        Some(("serve", sub)) => sub,
        _ => matches,
    };
    let mut command = Cli::command();
    let arguments: Vec<clap::Arg> = match matches.subcommand() {
        Some(("serve", _)) => command
            .find_subcommand_mut("serve")
            .map(|c| c.get_arguments().cloned().collect())
            .unwrap_or_default(),
        _ => command.get_arguments().cloned().collect(),
    };
    let mut out =
        String::from("# pde-server serve: the configuration in effect (secrets masked)\n");
    for arg in arguments {
        let id = arg.get_id().as_str();
        if arg.get_long().is_none() || matches!(id, "config" | "print_config" | "help" | "version")
        {
            continue;
        }
        let raw: Option<String> = serve
            .get_raw(id)
            .and_then(|mut values| values.next())
            .map(|v| v.to_string_lossy().into_owned());
        match raw {
            None => out.push_str(&format!("# {id} is not set\n")),
            Some(value) => {
                let shown = if is_secret(id) {
                    "********".to_owned()
                } else {
                    crate::config::mask_url(&value)
                };
                out.push_str(&format!("{id} = {}\n", toml_value(&shown)));
            }
        }
    }
    out
}

/// Options whose value is a secret, never printed.
fn is_secret(id: &str) -> bool {
    id.contains("secret") || id.contains("password") || id.ends_with("token")
}

/// A value as TOML: numbers and booleans bare, everything else a quoted string.
fn toml_value(value: &str) -> String {
    if value.parse::<i64>().is_ok() || value == "true" || value == "false" {
        value.to_owned()
    } else {
        // A JSON string is a valid TOML basic string.
        serde_json::Value::String(value.to_owned()).to_string()
    }
}
