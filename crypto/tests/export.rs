//! The export ("Download everything"): frozen vectors of its three kinds of file, generated
//! from a fixed seed and checked byte for byte, and the `age` crate (the reference
//! implementation) opening all three as the holder would with the `age` tool: the identity
//! file with the passphrase, then the document and its metadata with that identity.
//!
//! To regenerate after an intended format change:
//! `PDE_REGENERATE_VECTORS=1 cargo test -p pde-crypto --test export`.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Read;
use std::str::FromStr;

use pde_crypto::document::{self, Metadata};
use pde_crypto::export::{self, ContentExporter, ExportError, SCRYPT_LOG_N};
use pde_crypto::format::DecryptError;
use pde_crypto::identity::Identity;
use rand_chacha::ChaCha20Rng;
use rand_core::{Rng, SeedableRng};

const PASSPHRASE: &str = "maison jardin soleil pomme vélo";
/// Two STREAM chunks and a bit, so the re-encryption crosses chunk boundaries.
const CONTENT_LEN: usize = 140_000;
const METADATA: &str = r#"{"v":1,"title":"Carte d'identité","category":"identity",
    "file_name":"carte.jpg","mime":"image/jpeg","size":140000,"date":"2031-05-01",
    "note":"Renouveler à la commune","added":"2026-11-22T08:00:00Z",
    "thumb":{"mime":"image/webp","data":"UklGRgAAAABXRUJQ"}}"#;

const COMMITTED: &[(&str, &[u8])] = &[
    (
        "identity.age",
        include_bytes!("export_vectors/identity.age"),
    ),
    ("documents/1.age", include_bytes!("export_vectors/1.age")),
    (
        "documents/1.json.age",
        include_bytes!("export_vectors/1.json.age"),
    ),
];

struct Export {
    wallet: Identity,
    content: Vec<u8>,
    stored_content: Vec<u8>,
    document: Identity,
    files: Vec<Vec<u8>>,
}

/// The wallet, one stored document as the server keeps it, and the three export files.
fn generate() -> Export {
    let mut rng = ChaCha20Rng::from_seed([12; 32]);
    let wallet = Identity::generate(&mut rng);
    let mut content = vec![0u8; CONTENT_LEN];
    rng.fill_bytes(&mut content);
    let metadata = Metadata::from_json(METADATA).unwrap();
    let mut new = document::new_document(&wallet.recipient(), &metadata, &mut rng).unwrap();
    let mut stored_content = new.content.push(&content).unwrap();
    stored_content.extend(new.content.finish().unwrap());

    // The browser's path: open the owner envelope with W, then re-encrypt to W.
    let document = document::open_envelope(&new.envelope, &wallet).unwrap();
    let stored_metadata = document::decrypt_metadata(&document, &new.metadata).unwrap();
    let mut exporter = ContentExporter::new(
        &document,
        stored_metadata.size,
        &wallet.recipient(),
        &mut rng,
    )
    .unwrap();
    let mut exported = Vec::new();
    // Slices that do not line up with chunks, as the network delivers them.
    for slice in stored_content.chunks(50_001) {
        exported.extend(exporter.push(slice).unwrap());
    }
    exported.extend(exporter.finish().unwrap());
    let metadata_file =
        export::encrypt_metadata(&stored_metadata, &wallet.recipient(), &mut rng).unwrap();
    let identity_file = export::seal_identity(&wallet, PASSPHRASE, &mut rng).unwrap();
    Export {
        wallet,
        content,
        stored_content,
        document,
        files: vec![identity_file, exported, metadata_file],
    }
}

fn age_decrypt(identity: &dyn age::Identity, file: &[u8]) -> Result<Vec<u8>, String> {
    let decryptor = age::Decryptor::new(file).map_err(|e| e.to_string())?;
    let mut reader = decryptor
        .decrypt(std::iter::once(identity))
        .map_err(|e| e.to_string())?;
    let mut out = Vec::new();
    reader.read_to_end(&mut out).map_err(|e| e.to_string())?;
    Ok(out)
}

fn passphrase_identity(passphrase: &str) -> age::scrypt::Identity {
    let mut identity = age::scrypt::Identity::new(passphrase.to_owned().into());
    // What the `age` tool accepts; the crate's own default depends on this machine's speed.
    identity.set_max_work_factor(22);
    identity
}

#[test]
fn vectors_are_reproduced_byte_for_byte() {
    let export = generate();
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/export_vectors");
    if std::env::var_os("PDE_REGENERATE_VECTORS").is_some() {
        for ((name, _), file) in COMMITTED.iter().zip(&export.files) {
            let file_name = name.rsplit('/').next().unwrap();
            std::fs::write(dir.join(file_name), file).unwrap();
        }
        return;
    }
    for ((name, committed), file) in COMMITTED.iter().zip(&export.files) {
        assert!(
            file == committed,
            "{name} differs from the committed vector"
        );
    }
}

#[test]
fn the_age_crate_opens_the_committed_export_with_the_passphrase() {
    let [(_, identity_file), (_, content_file), (_, metadata_file)] = COMMITTED else {
        unreachable!()
    };
    let stanza = identity_file.split(|&b| b == b'\n').nth(1).unwrap();
    let stanza = std::str::from_utf8(stanza).unwrap();
    assert!(
        stanza.starts_with("-> scrypt ") && stanza.ends_with(&format!(" {SCRYPT_LOG_N}")),
        "one scrypt stanza with the work factor: {stanza}"
    );

    let identity_text = age_decrypt(&passphrase_identity(PASSPHRASE), identity_file).unwrap();
    let identity_text = String::from_utf8(identity_text).unwrap();
    assert!(identity_text.starts_with("AGE-SECRET-KEY-1") && identity_text.ends_with('\n'));
    let identity = age::x25519::Identity::from_str(identity_text.trim_end()).unwrap();

    let export = generate();
    assert_eq!(
        identity.to_public().to_string(),
        export.wallet.recipient().to_string()
    );
    let content = age_decrypt(&identity, content_file).unwrap();
    assert!(
        content == export.content,
        "every byte of the document, no padding"
    );

    let json = age_decrypt(&identity, metadata_file).unwrap();
    let json: serde_json::Value = serde_json::from_slice(&json).unwrap();
    assert_eq!(json["title"], "Carte d'identité");
    assert_eq!(json["category"], "identity");
    assert_eq!(json["note"], "Renouveler à la commune");
    assert_eq!(json["date"], "2031-05-01");
    assert_eq!(json["file_name"], "carte.jpg");
    assert_eq!(json["size"], CONTENT_LEN);
    assert!(json.get("thumb").is_none(), "the thumbnail is left out");
}

#[test]
fn a_wrong_passphrase_or_a_damaged_file_is_refused_by_the_age_crate() {
    let [(_, identity_file), (_, content_file), _] = COMMITTED else {
        unreachable!()
    };
    assert!(
        age_decrypt(
            &passphrase_identity("maison jardin soleil pomme velo"),
            identity_file
        )
        .is_err()
    );
    let export = generate();
    let identity =
        age::x25519::Identity::from_str(export.wallet.to_secret_string().as_str()).unwrap();
    let mut damaged = content_file.to_vec();
    let at = damaged.len() / 2;
    damaged[at] ^= 0x40;
    assert!(age_decrypt(&identity, &damaged).is_err());
}

#[test]
fn the_passphrase_is_trimmed_and_normalised_as_the_wallet_passphrase_is() {
    let mut rng = ChaCha20Rng::from_seed([13; 32]);
    let wallet = Identity::generate(&mut rng);
    // "e" + combining acute accent, with spaces around: the NFC form is what a terminal sends.
    let file =
        export::seal_identity_with_work_factor(&wallet, "  cle\u{301} secrète \n", 10, &mut rng)
            .unwrap();
    let text = age_decrypt(&passphrase_identity("clé secrète"), &file).unwrap();
    assert_eq!(
        text,
        format!("{}\n", wallet.to_secret_string().as_str()).into_bytes()
    );
    assert_eq!(
        export::seal_identity(&wallet, " \t ", &mut rng).unwrap_err(),
        ExportError::EmptyPassphrase
    );
}

#[test]
fn a_truncated_or_altered_stored_document_does_not_export() {
    let export = generate();
    let mut rng = ChaCha20Rng::from_seed([14; 32]);
    let exporter = |stored: &[u8]| {
        let mut exporter = ContentExporter::new(
            &export.document,
            CONTENT_LEN as u64,
            &export.wallet.recipient(),
            &mut ChaCha20Rng::from_seed([15; 32]),
        )
        .unwrap();
        exporter.push(stored)?;
        exporter.finish()
    };
    let stored = &export.stored_content;
    assert_eq!(
        exporter(&stored[..stored.len() - 1]).unwrap_err(),
        DecryptError::Damaged
    );
    let mut altered = stored.clone();
    altered[300] ^= 1;
    assert_eq!(exporter(&altered).unwrap_err(), DecryptError::Damaged);
    // Another document's key opens nothing.
    let other = Identity::generate(&mut rng);
    let mut wrong = ContentExporter::new(
        &other,
        CONTENT_LEN as u64,
        &export.wallet.recipient(),
        &mut rng,
    )
    .unwrap();
    assert_eq!(wrong.push(stored).unwrap_err(), DecryptError::WrongKey);
}

#[test]
fn secrets_stay_out_of_debug_output() {
    let export = generate();
    let exporter = ContentExporter::new(
        &export.document,
        1,
        &export.wallet.recipient(),
        &mut ChaCha20Rng::from_seed([16; 32]),
    )
    .unwrap();
    assert_eq!(format!("{exporter:?}"), "ContentExporter(<redacted>)");
}
