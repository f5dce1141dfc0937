//! Documents, envelopes, metadata and identities.

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use pde_crypto::document::{self, ContentReader, Metadata, MetadataError, WriteError};
use pde_crypto::format::DecryptError;
use pde_crypto::identity::{Identity, OpenError, ParseKeyError, Recipient};
use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;

fn metadata(size: u64) -> Metadata {
    Metadata::from_json(&format!(
        r#"{{"v":1,"title":"Titre","category":"health","file_name":null,"mime":"image/png",
            "size":{size},"date":null,"note":"à garder","added":"2026-11-22T08:00:00Z","x-later":[1,2]}}"#
    ))
    .unwrap()
}

struct Sealed {
    wallet: Identity,
    identity: Identity,
    envelope: Vec<u8>,
    metadata: Vec<u8>,
    content: Vec<u8>,
    ciphertext: Vec<u8>,
}

/// Seals a document of `size` non-zero bytes, pushing the content in 100 kB slices.
fn seal(size: usize, rng: &mut ChaCha20Rng) -> Sealed {
    let wallet = Identity::generate(rng);
    let content: Vec<u8> = (0..size).map(|i| (i % 251) as u8 + 1).collect();
    let mut new = document::new_document(&wallet.recipient(), &metadata(size as u64), rng).unwrap();
    let mut ciphertext = Vec::new();
    for piece in content.chunks(100_000) {
        ciphertext.extend(new.content.push(piece).unwrap());
    }
    ciphertext.extend(new.content.finish().unwrap());
    Sealed {
        wallet,
        identity: new.identity,
        envelope: new.envelope,
        metadata: new.metadata,
        content,
        ciphertext,
    }
}

#[test]
fn a_document_round_trips_through_its_envelope() {
    let mut rng = ChaCha20Rng::from_seed([21; 32]);
    for size in [0usize, 1, 1000, 65_536, 300_000] {
        let Sealed {
            wallet,
            identity,
            envelope,
            metadata: metadata_ciphertext,
            content,
            ciphertext,
        } = seal(size, &mut rng);
        assert_eq!(
            ciphertext.len() as u64,
            document::encrypted_len(size as u64)
        );
        let d = document::open_envelope(&envelope, &wallet).unwrap();
        assert_eq!(d.recipient(), identity.recipient());
        let opened = document::decrypt_metadata(&d, &metadata_ciphertext).unwrap();
        assert_eq!(opened, metadata(size as u64));
        assert_eq!(opened.unknown["x-later"], serde_json::json!([1, 2]));
        let mut reader = ContentReader::new(&d, size as u64);
        let mut plain = Vec::new();
        for piece in ciphertext.chunks(77_777) {
            plain.extend(reader.push(piece).unwrap());
        }
        plain.extend(reader.finish().unwrap());
        assert!(plain == content, "size {size}");
    }
}

#[test]
fn metadata_ciphertext_hides_its_length() {
    let mut rng = ChaCha20Rng::from_seed([22; 32]);
    let d = Identity::generate(&mut rng);
    let short = document::encrypt_metadata(&d, &metadata(1), &mut rng);
    let mut longer = metadata(1);
    longer.title = "A somewhat longer title".into();
    let long = document::encrypt_metadata(&d, &longer, &mut rng);
    assert_eq!(short.len(), long.len());
    assert_eq!(document::decrypt_metadata(&d, &long).unwrap(), longer);
}

#[test]
fn content_writer_enforces_the_declared_size() {
    let mut rng = ChaCha20Rng::from_seed([23; 32]);
    let wallet = Identity::generate(&mut rng);
    let mut new = document::new_document(&wallet.recipient(), &metadata(10), &mut rng).unwrap();
    assert_eq!(new.content.push(&[1; 11]).unwrap_err(), WriteError::TooLong);
    new.content.push(&[1; 9]).unwrap();
    assert_eq!(new.content.push(&[1; 2]).unwrap_err(), WriteError::TooLong);
    assert_eq!(new.content.finish().unwrap_err(), WriteError::TooShort);
}

#[test]
fn content_reader_refuses_a_wrong_length_or_damage() {
    let mut rng = ChaCha20Rng::from_seed([24; 32]);
    let sealed = seal(70_000, &mut rng);
    let (identity, ciphertext) = (&sealed.identity, &sealed.ciphertext);
    // 69_999 has the same padded length: the reader then sees a non-zero "padding" byte.
    for wrong_size in [69_999u64, 0, 65_536, 100_000] {
        let mut reader = ContentReader::new(identity, wrong_size);
        let result = reader.push(ciphertext).and_then(|_| reader.finish());
        assert_eq!(
            result.unwrap_err(),
            DecryptError::Damaged,
            "size {wrong_size}"
        );
    }
    let mut damaged = ciphertext.clone();
    damaged[1000] ^= 1;
    let mut reader = ContentReader::new(identity, 70_000);
    assert!(reader.push(&damaged).and_then(|_| reader.finish()).is_err());
    let mut reader = ContentReader::new(identity, 70_000);
    reader.push(&ciphertext[..ciphertext.len() - 1]).unwrap();
    assert_eq!(reader.finish().unwrap_err(), DecryptError::Damaged);
}

#[test]
fn envelopes_open_only_with_the_owner() {
    let mut rng = ChaCha20Rng::from_seed([25; 32]);
    let sealed = seal(1, &mut rng);
    let stranger = Identity::generate(&mut rng);
    assert_eq!(
        document::open_envelope(&sealed.envelope, &stranger).unwrap_err(),
        OpenError::WrongKey
    );
    let mut damaged = sealed.envelope.clone();
    let last = damaged.len() - 1;
    damaged[last] ^= 1;
    assert_eq!(
        document::open_envelope(&damaged, &sealed.wallet).unwrap_err(),
        OpenError::Damaged
    );
}

#[test]
fn metadata_validation() {
    assert_eq!(
        Metadata::from_json("{").unwrap_err(),
        MetadataError::Invalid { line: 1, column: 1 }
    );
    let wrong_version = metadata(1).to_json().replace("\"v\":1", "\"v\":2");
    assert_eq!(
        Metadata::from_json(&wrong_version).unwrap_err(),
        MetadataError::UnsupportedVersion
    );
    let bad_category = metadata(1).to_json().replace("health", "secret");
    let error = Metadata::from_json(&bad_category).unwrap_err();
    assert!(!error.to_string().contains("secret"), "{error}");
    let missing_title = metadata(1).to_json().replace("\"title\":\"Titre\",", "");
    assert!(Metadata::from_json(&missing_title).is_err());
    assert!(!format!("{:?}", metadata(1)).contains("Titre"));
}

#[test]
fn key_text_forms() {
    let mut rng = ChaCha20Rng::from_seed([26; 32]);
    let identity = Identity::generate(&mut rng);
    let text = identity.to_secret_string();
    assert!(text.starts_with("AGE-SECRET-KEY-1"));
    assert_eq!(
        Identity::parse(&text).unwrap().recipient(),
        identity.recipient()
    );
    let recipient = identity.recipient().to_string();
    assert!(recipient.starts_with("age1"));
    assert_eq!(Recipient::parse(&recipient).unwrap(), identity.recipient());

    assert_eq!(
        Identity::parse(&text.to_lowercase()).unwrap_err(),
        ParseKeyError::Encoding
    );
    assert_eq!(
        Identity::parse(&recipient.to_uppercase()).unwrap_err(),
        ParseKeyError::WrongKind
    );
    assert_eq!(
        Recipient::parse(&text.to_lowercase()).unwrap_err(),
        ParseKeyError::WrongKind
    );
    let mut typo = text.to_string().into_bytes();
    typo[20] = if typo[20] == b'Q' { b'P' } else { b'Q' };
    assert!(Identity::parse(core::str::from_utf8(&typo).unwrap()).is_err());
    // A valid Bech32 string of the wrong length.
    assert!(Recipient::parse("age1qyqszqgpqyqszqgpqyqszqgpqyqszqgp3kfkxa").is_err());
}

#[test]
fn secrets_are_not_printed() {
    let mut rng = ChaCha20Rng::from_seed([27; 32]);
    let identity = Identity::generate(&mut rng);
    let printed = format!("{identity:?}");
    assert_eq!(printed, "Identity(<redacted>)");
    let code = pde_crypto::slot::RecoveryCode::generate(&mut rng);
    assert_eq!(format!("{code:?}"), "RecoveryCode(<redacted>)");
}
