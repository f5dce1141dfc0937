//! The community age test kit (C2SP CCTV age vectors), read from the `age` crate's package.
//!
//! The kit ships inside the `age` crate on crates.io (`tests/testdata/testkit/`), which is a
//! native dev-dependency of this crate; `cargo metadata` tells where Cargo unpacked it, so the
//! vectors are read at test time and never copied into this repository.
#![allow(dead_code)]

use std::io::Read;
use std::path::PathBuf;
use std::process::Command;

/// What the kit says a reader must do with a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Expect {
    /// Decrypts to a payload with this SHA-256.
    Success { payload_sha256: [u8; 32] },
    /// The ASCII armor is invalid.
    ArmorFailure,
    /// The header is malformed.
    HeaderFailure,
    /// The header MAC is wrong.
    HmacFailure,
    /// No stanza opens with the given identities.
    NoMatch,
    /// The payload is damaged; the plaintext released before the failure has this SHA-256.
    PayloadFailure { payload_sha256: [u8; 32] },
}

/// One kit vector.
#[derive(Debug, Clone)]
pub struct Vector {
    pub name: String,
    pub expect: Expect,
    pub identities: Vec<String>,
    pub passphrases: Vec<String>,
    pub armored: bool,
    pub comment: Option<String>,
    /// The file key the vector's header wraps (16 bytes, or another length where the vector
    /// tests that).
    pub file_key: Vec<u8>,
    pub file: Vec<u8>,
}

impl Vector {
    /// Whether the vector is of a kind `pde_crypto::format` does not read: passphrase-only
    /// (scrypt) files and ASCII-armored files. A binary file with an X25519 identity is
    /// supported, whatever other stanzas it has (unknown ones are skipped; an `scrypt` one
    /// beside others makes the header invalid, as `scrypt_and_x25519` checks).
    pub fn unsupported(&self) -> bool {
        self.armored || self.identities.len() != 1
    }
}

/// The host's target triple, as `rustc -vV` prints it.
fn host() -> String {
    let rustc = std::env::var_os("RUSTC").unwrap_or_else(|| "rustc".into());
    let output = Command::new(rustc).arg("-vV").output().expect("rustc runs");
    let text = String::from_utf8(output.stdout).unwrap();
    text.lines()
        .find_map(|line| line.strip_prefix("host: "))
        .expect("rustc -vV names the host")
        .to_owned()
}

/// The kit's directory inside the `age` package that Cargo resolved for this crate.
///
/// `cargo metadata` is limited to the host platform and first run offline: the build that
/// made this test has unpacked the `age` package. It describes the whole workspace, though,
/// so when other members' packages have not been fetched yet (a fresh clone where only this
/// crate was built), it is run again and allowed to fetch them.
pub fn dir() -> PathBuf {
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let host = host();
    let metadata = |offline: bool| {
        Command::new(&cargo)
            .args(["metadata", "--format-version", "1", "--locked"])
            .args(["--filter-platform", &host])
            .args(offline.then_some("--offline"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .output()
            .expect("cargo metadata runs")
    };
    let mut output = metadata(true);
    if !output.status.success() {
        output = metadata(false);
    }
    assert!(
        output.status.success(),
        "cargo metadata failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    let metadata: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    let packages = metadata["packages"].as_array().unwrap();
    let age: Vec<_> = packages
        .iter()
        .filter(|package| package["name"] == "age")
        .collect();
    assert_eq!(
        age.len(),
        1,
        "exactly one `age` package in the dependency graph"
    );
    let manifest = PathBuf::from(age[0]["manifest_path"].as_str().unwrap());
    let dir = manifest.parent().unwrap().join("tests/testdata/testkit");
    assert!(
        dir.is_dir(),
        "the age package carries no test kit at {}",
        dir.display()
    );
    dir
}

/// Every vector of the kit, sorted by name.
pub fn vectors() -> Vec<Vector> {
    let dir = dir();
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
        .into_iter()
        .map(|name| parse(&name, &std::fs::read(dir.join(&name)).unwrap()))
        .collect()
}

fn hash(value: &str) -> [u8; 32] {
    hex::decode(value).unwrap().try_into().unwrap()
}

/// Parses the kit's format: `key: value` lines, a blank line, then the age file (zlib
/// compressed when `compressed: zlib`).
pub fn parse(name: &str, bytes: &[u8]) -> Vector {
    let mut rest = bytes;
    let mut fields = Vec::new();
    loop {
        let end = rest.iter().position(|&b| b == b'\n').unwrap();
        let line = std::str::from_utf8(&rest[..end]).unwrap();
        rest = &rest[end + 1..];
        if line.is_empty() {
            break;
        }
        let (key, value) = line.split_once(": ").unwrap();
        fields.push((key.to_owned(), value.trim().to_owned()));
    }
    let get = |key: &str| {
        fields
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    };
    let expect = match get("expect").unwrap() {
        "success" => Expect::Success {
            payload_sha256: hash(get("payload").unwrap()),
        },
        "payload failure" => Expect::PayloadFailure {
            payload_sha256: hash(get("payload").unwrap()),
        },
        "armor failure" => Expect::ArmorFailure,
        "header failure" => Expect::HeaderFailure,
        "HMAC failure" => Expect::HmacFailure,
        "no match" => Expect::NoMatch,
        other => panic!("{name}: unknown expectation {other:?}"),
    };
    let all = |key: &str| -> Vec<String> {
        fields
            .iter()
            .filter(|(k, _)| k == key)
            .map(|(_, v)| v.clone())
            .collect()
    };
    for (key, _) in &fields {
        assert!(
            [
                "expect",
                "payload",
                "file key",
                "identity",
                "passphrase",
                "armored",
                "compressed",
                "comment"
            ]
            .contains(&key.as_str()),
            "{name}: unknown field {key:?}"
        );
    }
    let file = match get("compressed") {
        None => rest.to_vec(),
        Some("zlib") => {
            let mut out = Vec::new();
            flate2::read::ZlibDecoder::new(rest)
                .read_to_end(&mut out)
                .unwrap();
            out
        }
        Some(other) => panic!("{name}: unknown compression {other:?}"),
    };
    Vector {
        name: name.to_owned(),
        expect,
        identities: all("identity"),
        passphrases: all("passphrase"),
        armored: get("armored") == Some("yes"),
        comment: get("comment").map(str::to_owned),
        file_key: hex::decode(get("file key").unwrap()).unwrap(),
        file,
    }
}

/// How the reference implementation (the `age` crate) reads a file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Reference {
    /// It decrypts to this plaintext.
    Plaintext(Vec<u8>),
    /// No stanza opens with the identity.
    NoMatch,
    /// The file is refused; `released` is what its reader had returned before the error.
    Refused { released: Vec<u8>, why: String },
}

/// Decrypts `file` with the `age` crate and an X25519 identity in its text form.
pub fn reference(identity: &str, file: &[u8]) -> Reference {
    use std::str::FromStr;
    let identity = age::x25519::Identity::from_str(identity).unwrap();
    let decryptor = match age::Decryptor::new(file) {
        Ok(decryptor) => decryptor,
        Err(error) => return refused(Vec::new(), error),
    };
    if decryptor.is_scrypt() {
        return Reference::NoMatch;
    }
    let mut reader = match decryptor.decrypt(std::iter::once(&identity as &dyn age::Identity)) {
        Ok(reader) => reader,
        Err(age::DecryptError::NoMatchingKeys) => return Reference::NoMatch,
        Err(error) => return refused(Vec::new(), error),
    };
    let mut released = Vec::new();
    let mut buf = vec![0u8; 4096];
    loop {
        match reader.read(&mut buf) {
            Ok(0) => return Reference::Plaintext(released),
            Ok(n) => released.extend_from_slice(&buf[..n]),
            Err(error) => return refused(released, error),
        }
    }
}

fn refused(released: Vec<u8>, why: impl std::fmt::Display) -> Reference {
    Reference::Refused {
        released,
        why: why.to_string(),
    }
}
