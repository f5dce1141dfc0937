//! Interoperability with the standard `age` command-line tool, both ways.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use pde_crypto::document::{self, Category, Metadata};
use pde_crypto::format;
use pde_crypto::identity::Identity;
use rand_chacha::ChaCha20Rng;
use rand_core::{Rng, SeedableRng};

const SIZES: [usize; 6] = [0, 1, 65_535, 65_536, 65_537, 200_000];

fn age() -> Command {
    let found = std::env::var_os("PATH")
        .is_some_and(|paths| std::env::split_paths(&paths).any(|dir| dir.join("age").is_file()));
    assert!(
        found,
        "the `age` command-line tool is not installed; install it with `apt-get install age`"
    );
    Command::new("age")
}

struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> Self {
        let path = std::env::temp_dir().join(format!("pde-crypto-{name}-{}", std::process::id()));
        std::fs::create_dir_all(&path).unwrap();
        Self(path)
    }
    fn file(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn run(command: &mut Command) -> Vec<u8> {
    let output = command.stdin(Stdio::null()).output().expect("age runs");
    assert!(
        output.status.success(),
        "age failed: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    output.stdout
}

fn write_identity(path: &Path, identity: &Identity) {
    std::fs::write(path, identity.to_secret_string().as_bytes()).unwrap();
}

fn random_bytes(rng: &mut ChaCha20Rng, len: usize) -> Vec<u8> {
    let mut data = vec![0u8; len];
    rng.fill_bytes(&mut data);
    data
}

#[test]
fn age_decrypts_our_files() {
    let dir = TempDir::new("ours");
    let mut rng = ChaCha20Rng::from_seed([11; 32]);
    let identity = Identity::generate(&mut rng);
    write_identity(&dir.file("key.txt"), &identity);
    for size in SIZES {
        let plaintext = random_bytes(&mut rng, size);
        let ciphertext = format::encrypt(&identity.recipient(), &plaintext, &mut rng).unwrap();
        assert_eq!(ciphertext.len() as u64, format::age_len(size as u64));
        std::fs::write(dir.file("file.age"), &ciphertext).unwrap();
        let decrypted = run(age()
            .arg("-d")
            .arg("-i")
            .arg(dir.file("key.txt"))
            .arg(dir.file("file.age")));
        assert_eq!(decrypted, plaintext, "size {size}");
    }
}

#[test]
fn we_decrypt_age_files() {
    let dir = TempDir::new("theirs");
    let mut rng = ChaCha20Rng::from_seed([12; 32]);
    let identity = Identity::generate(&mut rng);
    for size in SIZES {
        let plaintext = random_bytes(&mut rng, size);
        std::fs::write(dir.file("plain"), &plaintext).unwrap();
        run(age()
            .arg("-r")
            .arg(identity.recipient().to_string())
            .arg("-o")
            .arg(dir.file("file.age"))
            .arg(dir.file("plain")));
        let ciphertext = std::fs::read(dir.file("file.age")).unwrap();
        assert_eq!(
            format::decrypt(&identity, &ciphertext).unwrap(),
            plaintext,
            "size {size}"
        );
    }
}

#[test]
fn we_read_keys_from_age_keygen() {
    let output = run(&mut Command::new("age-keygen"));
    let text = String::from_utf8(output).unwrap();
    let secret = text
        .lines()
        .find(|line| line.starts_with("AGE-SECRET-KEY-1"))
        .unwrap();
    let public = text
        .lines()
        .find_map(|line| line.strip_prefix("# public key: "))
        .unwrap();
    let identity = Identity::parse(secret).unwrap();
    assert_eq!(identity.recipient().to_string(), public);
    assert_eq!(*identity.to_secret_string(), secret);
}

#[test]
fn a_holder_recovers_a_document_with_age_alone() {
    let dir = TempDir::new("export");
    let mut rng = ChaCha20Rng::from_seed([13; 32]);
    let wallet = Identity::generate(&mut rng);
    write_identity(&dir.file("W.txt"), &wallet);
    let content = random_bytes(&mut rng, 100_000);
    let metadata = Metadata {
        v: 1,
        title: "Carte d'identité".into(),
        category: Category::Identity,
        file_name: Some("scan.jpg".into()),
        mime: "image/jpeg".into(),
        size: content.len() as u64,
        date: None,
        note: None,
        added: "2026-11-22T08:00:00Z".into(),
        unknown: Default::default(),
    };
    let mut new = document::new_document(&wallet.recipient(), &metadata, &mut rng).unwrap();
    let mut ciphertext = new.content.push(&content).unwrap();
    ciphertext.extend(new.content.finish().unwrap());
    std::fs::write(dir.file("envelope.age"), &new.envelope).unwrap();
    std::fs::write(dir.file("content.age"), &ciphertext).unwrap();
    std::fs::write(dir.file("metadata.age"), &new.metadata).unwrap();

    let d = run(age()
        .args(["-d", "-i"])
        .arg(dir.file("W.txt"))
        .arg(dir.file("envelope.age")));
    std::fs::write(dir.file("D.txt"), &d).unwrap();
    let padded = run(age()
        .args(["-d", "-i"])
        .arg(dir.file("D.txt"))
        .arg(dir.file("content.age")));
    assert_eq!(
        padded.len() as u64,
        pde_crypto::padding::padme(content.len() as u64)
    );
    assert_eq!(&padded[..content.len()], content);
    let metadata_text = run(age()
        .args(["-d", "-i"])
        .arg(dir.file("D.txt"))
        .arg(dir.file("metadata.age")));
    let parsed = Metadata::from_json(String::from_utf8(metadata_text).unwrap().trim_end()).unwrap();
    assert_eq!(parsed, metadata);
}
