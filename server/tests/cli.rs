//! `pde-server --help` documents every option with its environment variable; the operator's
//! `admin` commands work on the real binary, next to a running server.

use std::path::Path;
use std::process::{Command, Output};

use crate::common::binary::ok;
use crate::common::sharing::join_body;
use crate::common::{Holder, TestApp};
use axum::http::StatusCode;
use pde_server::clock::{Clock, SystemClock};

#[test]
fn help_documents_every_flag_and_its_environment_variable() {
    let out = Command::new(env!("CARGO_BIN_EXE_pde-server"))
        .arg("--help")
        .env("PDE_S3_SECRET_ACCESS_KEY", "hunter2-in-the-environment")
        .output()
        .unwrap();
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
    assert!(!help.contains("hunter2"), "--help shows the S3 secret");
    for name in [
        "listen",
        "data-dir",
        "database-url",
        "blob-dir",
        "pepper-file",
        "web-dir",
        "public-url",
        "quota-bytes",
        "max-document-bytes",
        "session-idle-secs",
        "session-absolute-secs",
        "pending-ttl-secs",
        "sweep-interval-secs",
        "signups-per-client-per-hour",
        "signups-per-hour",
        "trusted-proxy",
        "header-timeout-secs",
        "body-idle-timeout-secs",
        "request-timeout-secs",
        "max-connections",
        "metrics-listen",
        "blob-url",
        "s3-endpoint",
        "s3-region",
        "s3-access-key-id",
        "s3-secret-access-key",
        "s3-virtual-hosted-style",
        "s3-allow-http",
    ] {
        assert!(help.contains(&format!("--{name}")), "--{name} missing");
        let env = format!("PDE_{}", name.replace('-', "_").to_uppercase());
        assert!(help.contains(&env), "{env} missing");
    }
    assert!(help.contains("serve"));
}

#[test]
fn openapi_prints_the_served_document_without_touching_any_data() {
    let dir = tempfile::tempdir().unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_pde-server"))
        .arg("openapi")
        .current_dir(dir.path())
        .output()
        .unwrap();
    let printed = ok(out);
    assert_eq!(printed, pde_server::routes::openapi_pretty());
    let served: serde_json::Value =
        serde_json::from_str(pde_server::routes::openapi_document()).unwrap();
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&printed).unwrap(),
        served
    );
    // No database, pepper or blob directory was made.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 0);
}

/// Runs `pde-server admin <args>` on the database in `data`.
/// Runs `pde-server admin` on the data directory and database of `config`.
fn admin(config: &pde_server::Config, args: &[&str]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_pde-server"));
    command
        .arg("admin")
        .args(args)
        .env_remove("PDE_DATABASE_URL")
        .env("PDE_DATA_DIR", &config.data_dir)
        .env("PDE_PUBLIC_URL", "https://pde.example/");
    if let Some(url) = &config.database_url {
        command.env("PDE_DATABASE_URL", url);
    }
    command.output().unwrap()
}

/// The one-line error of a command that must fail.
fn fails(out: Output) -> String {
    assert!(
        !out.status.success(),
        "succeeded: {}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert!(out.stdout.is_empty());
    let err = String::from_utf8(out.stderr).unwrap();
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with("error: "), "{err}");
    err
}

/// The value of the line `key: value`.
fn field<'a>(out: &'a str, key: &str) -> &'a str {
    out.lines()
        .find_map(|l| l.strip_prefix(&format!("{key}: ")))
        .unwrap_or_else(|| panic!("no {key} in {out:?}"))
}

#[test]
fn admin_help_documents_every_command() {
    let help = |args: &[&str]| {
        let out = Command::new(env!("CARGO_BIN_EXE_pde-server"))
            .args(args)
            .arg("--help")
            .output()
            .unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    assert!(help(&[]).contains("admin"));
    let admin = help(&["admin"]);
    for word in [
        "org",
        "worker",
        "--data-dir",
        "--database-url",
        "--pepper-file",
        "--public-url",
        "PDE_DATA_DIR",
        "PDE_PUBLIC_URL",
        "stats",
    ] {
        assert!(admin.contains(word), "{word} missing from admin --help");
    }
    assert!(help(&["admin", "org"]).contains("add"));
    let worker = help(&["admin", "worker"]);
    for command in ["invite", "list", "verify", "suspend"] {
        assert!(worker.contains(command), "{command} missing");
    }
    let invite = help(&["admin", "worker", "invite"]);
    assert!(invite.contains("--org") && invite.contains("--valid-hours"));
}

#[tokio::test]
async fn admin_commands_manage_organisations_and_workers_next_to_a_running_server() {
    // The server runs on the same data directory all along.
    let t = TestApp::with_config(|c| c.session_idle_secs = 86_400).await;
    t.clock.set(SystemClock.now());
    let data = t.state.config.clone();

    let id = field(
        &ok(admin(&data, &["org", "add", "Samu Social"])),
        "organisation",
    )
    .to_owned();
    assert_eq!(id.len(), 32);
    ok(admin(&data, &["org", "add", "Restos"]));
    let err = fails(admin(&data, &["org", "add", "Samu Social"]));
    assert!(err.contains("already exists"), "{err}");

    // Invitation by name, and by id; the link alone on its line.
    let out = ok(admin(
        &data,
        &[
            "worker",
            "invite",
            "--org",
            "Samu Social",
            "--valid-hours",
            "2",
        ],
    ));
    let link = field(&out, "link");
    let token = link
        .strip_prefix("https://pde.example/join#")
        .unwrap_or_else(|| panic!("{link}"));
    assert_eq!(token.len(), 32);
    let expires: i64 = field(&out, "expires_at")
        .split(' ')
        .next()
        .unwrap()
        .parse()
        .unwrap();
    assert!((expires - SystemClock.now() - 2 * 3600).abs() < 60, "{out}");
    assert_eq!(field(&out, "organisation"), "Samu Social");
    ok(admin(&data, &["worker", "invite", "--org", &id]));
    for bad in [
        &["worker", "invite", "--org", "Nobody"][..],
        &["worker", "list", "--org", "samu social"][..],
    ] {
        let err = fails(admin(&data, bad));
        assert!(err.contains("unknown organisation"), "{err}");
    }
    let out = admin(
        &data,
        &[
            "worker",
            "invite",
            "--org",
            "Restos",
            "--valid-hours",
            "721",
        ],
    );
    assert!(!out.status.success());

    // The link works for joining through the API of the running server.
    let secrets = Holder::new("ann.worker");
    let r = t.join_raw(join_body(&secrets, token, "Ann Worker")).await;
    assert_eq!(
        r.status,
        StatusCode::CREATED,
        "{}",
        String::from_utf8_lossy(&r.body)
    );
    let session = r.session_token();
    let code = r.json()["account"]["worker"]["code"]
        .as_str()
        .unwrap()
        .to_owned();
    t.join_raw(join_body(&Holder::new("again"), token, "Ann Again"))
        .await
        .assert_error(StatusCode::GONE, "invitation_invalid");

    let list = ok(admin(&data, &["worker", "list"]));
    let mut lines = list.lines();
    assert_eq!(
        lines.next(),
        Some("code\treal_name\torganisation\tstate\tjoined")
    );
    let row: Vec<&str> = lines.next().unwrap().split('\t').collect();
    assert_eq!(
        &row[..4],
        &[code.as_str(), "Ann Worker", "Samu Social", "unverified"]
    );
    assert_eq!(row[4].len(), 10, "YYYY-MM-DD");
    assert!(lines.next().is_none());
    assert_eq!(
        ok(admin(&data, &["worker", "list", "--org", "Restos"]))
            .lines()
            .count(),
        1
    );

    // Verify, typed loosely.
    let loose = code.to_lowercase().replace('-', " ");
    let out = ok(admin(&data, &["worker", "verify", &loose]));
    assert_eq!(out, format!("verified: {code} Ann Worker\n"));
    assert_eq!(
        t.get("/api/v1/account", Some(&session)).await.json()["worker"]["state"],
        "verified"
    );
    let orgs = ok(admin(&data, &["org", "list"]));
    assert_eq!(
        orgs.lines().next(),
        Some("id\tname\tunverified\tverified\tsuspended")
    );
    assert!(
        orgs.contains(&format!("{id}\tSamu Social\t0\t1\t0")),
        "{orgs}"
    );
    assert!(
        orgs.lines().any(|l| l.ends_with("\tRestos\t0\t0\t0")),
        "{orgs}"
    );

    // Suspend: the open session ends at once, and says why.
    let out = ok(admin(&data, &["worker", "suspend", &code]));
    assert_eq!(field(&out, "suspended"), format!("{code} Ann Worker"));
    assert_eq!(field(&out, "sessions_ended"), "1");
    t.get("/api/v1/account", Some(&session))
        .await
        .assert_error(StatusCode::FORBIDDEN, "worker_suspended");
    t.login("ann.worker", "passphrase", &secrets.passphrase_auth)
        .await
        .assert_error(StatusCode::FORBIDDEN, "worker_suspended");
    assert!(ok(admin(&data, &["org", "list"])).contains("\tSamu Social\t0\t0\t1"));

    // Unknown, mistyped and malformed codes: a clear message and a non-zero exit.
    let unknown = if code == "0000-0000-0" {
        "0000-0001-1"
    } else {
        "0000-0000-0"
    };
    for command in ["verify", "suspend"] {
        let err = fails(admin(&data, &["worker", command, unknown]));
        assert_eq!(
            err,
            format!("error: no worker has the card code {unknown}\n")
        );
        let err = fails(admin(&data, &["worker", command, "0000-0000-1"]));
        assert!(err.contains("mistyped"), "{err}");
        let err = fails(admin(&data, &["worker", command, "12"]));
        assert!(err.contains("invalid worker code"), "{err}");
    }
}

/// `pde-server serve --print-config` with `args`, the environment cleared of `PDE_*` but for
/// `env`.
fn print_config(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Output {
    let mut command = Command::new(env!("CARGO_BIN_EXE_pde-server"));
    command
        .current_dir(dir)
        .arg("serve")
        .args(args)
        .arg("--print-config");
    for (key, _) in std::env::vars() {
        if key.starts_with("PDE_") {
            command.env_remove(key);
        }
    }
    command.envs(env.iter().copied());
    command.output().unwrap()
}

#[test]
fn a_configuration_file_sits_under_environment_variables_and_flags() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(
        dir.path().join("pde.toml"),
        "quota_bytes = 1000\nsession_idle_secs = 600\nmax_connections = 64\n\
         trusted_proxy = true\ndatabase_url = \"postgres://pde:hunter2@db.internal/pde\"\n",
    )
    .unwrap();
    let out = ok(print_config(
        dir.path(),
        &["--config", "pde.toml", "--max-connections", "32"],
        &[("PDE_SESSION_IDLE_SECS", "900")],
    ));
    let value = |key: &str| {
        out.lines()
            .find_map(|l| l.strip_prefix(&format!("{key} = ")))
            .unwrap_or_else(|| panic!("no {key} in {out}"))
            .to_owned()
    };
    assert_eq!(value("quota_bytes"), "1000", "the file over the default");
    assert_eq!(
        value("session_idle_secs"),
        "900",
        "the environment over the file"
    );
    assert_eq!(value("max_connections"), "32", "a flag over the file");
    assert_eq!(value("trusted_proxy"), "true");
    assert_eq!(value("session_absolute_secs"), "43200", "the default");
    // Secrets are masked, and the printed file reads back to the same configuration.
    assert!(!out.contains("hunter2"), "{out}");
    assert_eq!(
        value("database_url"),
        "\"postgres://pde:<redacted>@db.internal/pde\""
    );
    assert!(out.contains("# blob_dir is not set"), "{out}");
    let printed: String = out
        .lines()
        .filter(|l| !l.contains("database_url"))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(dir.path().join("printed.toml"), printed).unwrap();
    let again = ok(print_config(dir.path(), &["--config", "printed.toml"], &[]));
    assert_eq!(
        again
            .lines()
            .filter(|l| !l.contains("database_url"))
            .collect::<Vec<_>>(),
        out.lines()
            .filter(|l| !l.contains("database_url"))
            .collect::<Vec<_>>()
    );
}

#[test]
fn a_wrong_configuration_file_names_what_is_wrong_in_one_line() {
    let dir = tempfile::tempdir().unwrap();
    for (text, expected) in [
        (
            "quota = 1\n",
            "sets `quota`, which is not an option; the options are: ",
        ),
        (
            "quota_bytes = \"lots\"\n",
            "invalid value 'lots' for '--quota-bytes",
        ),
        (
            "listen = \"nowhere\"\n",
            "invalid value 'nowhere' for '--listen",
        ),
        ("upload_lease_secs = 1\n", "'--upload-lease-secs"),
        ("quota_bytes = [1]\n", "to a table or a list"),
        ("quota_bytes = \n", "is not valid TOML: line 1"),
    ] {
        std::fs::write(dir.path().join("bad.toml"), text).unwrap();
        let out = print_config(dir.path(), &["--config", "bad.toml"], &[]);
        assert_eq!(out.status.code(), Some(2), "{text}");
        let err = String::from_utf8(out.stderr).unwrap();
        assert_eq!(err.lines().count(), 1, "{text}: {err}");
        assert!(err.contains("bad.toml"), "{text}: {err}");
        assert!(err.contains(expected), "{text}: {err}");
    }
    let out = print_config(dir.path(), &["--config", "missing.toml"], &[]);
    let err = String::from_utf8(out.stderr).unwrap();
    assert!(
        err.contains("cannot read the configuration file missing.toml"),
        "{err}"
    );
}

#[test]
fn admin_reads_the_same_configuration_file_and_skips_what_only_serve_uses() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("from-the-file");
    std::fs::write(
        dir.path().join("pde.toml"),
        format!(
            "data_dir = {:?}\nlisten = \"127.0.0.1:9\"\nquota_bytes = 5\n",
            data.display().to_string()
        ),
    )
    .unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_pde-server"))
        .current_dir(dir.path())
        .env_remove("PDE_DATA_DIR")
        .env_remove("PDE_DATABASE_URL")
        .args(["admin", "--config", "pde.toml", "org", "add", "Samu Social"])
        .output()
        .unwrap();
    ok(out);
    assert!(
        data.join("pde.sqlite").exists(),
        "admin used the file's data_dir"
    );
}

#[tokio::test]
async fn admin_stats_prints_the_indicators_for_people_and_for_scripts() {
    let t = TestApp::new().await;
    t.clock.set(SystemClock.now());
    let data = t.state.config.clone();
    let empty = ok(admin(&data, &["stats"]));
    assert_eq!(field(&empty, "wallets"), "0");
    assert_eq!(field(&empty, "documents"), "0");

    let holder = t.signup("stats-holder").await;
    let content = b"age-encryption.org/v1\nsome ciphertext";
    t.store(&holder.session, content).await;
    t.store(&holder.session, content).await;
    ok(admin(&data, &["org", "add", "Stats Org"]));

    let human = ok(admin(&data, &["stats"]));
    let database = if data.database_url().starts_with("postgres") {
        "postgres"
    } else {
        "sqlite"
    };
    assert_eq!(field(&human, "database"), database);
    assert_eq!(field(&human, "wallets"), "1");
    assert_eq!(field(&human, "wallets_used_30d"), "1");
    assert_eq!(field(&human, "documents"), "2");
    let bytes = (2 * content.len()).to_string();
    assert_eq!(field(&human, "documents_bytes"), bytes);
    assert_eq!(field(&human, "shares"), "0");
    assert_eq!(field(&human, "organisations"), "1");
    assert!(!human.contains("stats-holder"), "{human}");

    let json: serde_json::Value =
        serde_json::from_str(&ok(admin(&data, &["stats", "--json"]))).unwrap();
    assert_eq!(json["database"], database);
    assert_eq!(json["wallets"], 1);
    assert_eq!(json["documents"], 2);
    assert_eq!(json["documents_bytes"], 2 * content.len());
    assert_eq!(json["workers_verified"], 0);
    assert_eq!(json["organisations"], 1);
}
