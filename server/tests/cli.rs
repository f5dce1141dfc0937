//! `pde-server --help` documents every option with its environment variable; the operator's
//! `admin` commands work on the real binary, next to a running server.

mod common;

use std::process::{Command, Output};

use axum::http::StatusCode;
use common::sharing::join_body;
use common::{Holder, TestApp};
use pde_server::clock::{Clock, SystemClock};

#[test]
fn help_documents_every_flag_and_its_environment_variable() {
    let out = Command::new(env!("CARGO_BIN_EXE_pde-server"))
        .arg("--help")
        .output()
        .unwrap();
    assert!(out.status.success());
    let help = String::from_utf8(out.stdout).unwrap();
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
    ] {
        assert!(help.contains(&format!("--{name}")), "--{name} missing");
        let env = format!("PDE_{}", name.replace('-', "_").to_uppercase());
        assert!(help.contains(&env), "{env} missing");
    }
    assert!(help.contains("serve"));
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

/// The standard output of a command that must succeed.
fn ok(out: Output) -> String {
    assert!(
        out.status.success(),
        "failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
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
