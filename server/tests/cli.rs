//! `pde-server --help` documents every option with its environment variable.

use std::process::Command;

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
    ] {
        assert!(help.contains(&format!("--{name}")), "--{name} missing");
        let env = format!("PDE_{}", name.replace('-', "_").to_uppercase());
        assert!(help.contains(&env), "{env} missing");
    }
    assert!(help.contains("serve"));
}
