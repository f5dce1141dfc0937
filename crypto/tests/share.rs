//! Sharing: share envelopes, link secrets and notes.

mod common;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use hkdf::Hkdf;
use pde_crypto::document::{self, ContentReader, Metadata};
use pde_crypto::format::{self, DecryptError, EncryptError};
use pde_crypto::identity::{Identity, OpenError, Recipient};
use pde_crypto::padding::note_padded_len;
use pde_crypto::share::{
    self, FRAGMENT_LEN, LinkSecret, LinkSecretError, NOTE_MAX_ENCRYPTED_LEN, Note, NoteError,
};
use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;
use sha2::Sha256;
use x25519_dalek::{PublicKey, StaticSecret};

fn metadata(size: u64) -> Metadata {
    Metadata::from_json(&format!(
        r#"{{"v":1,"title":"Bail","category":"housing","file_name":"bail.pdf","mime":"application/pdf",
            "size":{size},"date":null,"note":null,"added":"2026-11-22T08:00:00Z"}}"#
    ))
    .unwrap()
}

fn note(from: Option<&str>, text: &str) -> Note {
    Note::new(from.map(String::from), text.into()).unwrap()
}

/// HKDF-SHA256 with an empty salt, written from the specification (not the crate's helper).
fn spec_hkdf(secret: &[u8], info: &[u8]) -> [u8; 32] {
    let mut out = [0u8; 32];
    Hkdf::<Sha256>::new(Some(&[]), secret)
        .expand(info, &mut out)
        .unwrap();
    out
}

/// Unpadded Base64url, written independently of the crate's encoder.
fn base64url(data: &[u8]) -> String {
    common::base64(data).replace('+', "-").replace('/', "_")
}

#[test]
fn a_worker_opens_a_shared_document_and_the_holder_cannot_open_the_share_envelope() {
    let mut rng = ChaCha20Rng::from_seed([31; 32]);
    let holder = Identity::generate(&mut rng);
    let worker = Identity::generate(&mut rng);
    let content: Vec<u8> = (0..5_000u32).map(|i| (i % 253) as u8).collect();
    let mut new = document::new_document(&holder.recipient(), &metadata(5_000), &mut rng).unwrap();
    let mut ciphertext = new.content.push(&content).unwrap();
    ciphertext.extend(new.content.finish().unwrap());

    // The holder opens their own envelope and shares D with the worker.
    let d = document::open_envelope(&new.envelope, &holder).unwrap();
    let envelope = share::seal_share_envelope(&d, &worker.recipient(), &mut rng).unwrap();
    assert_eq!(envelope.len(), new.envelope.len());

    let shared = share::open_share_envelope(&envelope, &worker).unwrap();
    assert_eq!(shared.recipient(), new.identity.recipient());
    // A share envelope is an envelope: the owner-envelope function opens it too.
    let same = document::open_envelope(&envelope, &worker).unwrap();
    assert_eq!(same.recipient(), shared.recipient());
    assert_eq!(
        document::decrypt_metadata(&shared, &new.metadata).unwrap(),
        metadata(5_000)
    );
    let mut reader = ContentReader::new(&shared, 5_000);
    let mut plain = reader.push(&ciphertext).unwrap();
    plain.extend(reader.finish().unwrap());
    assert!(plain == content);

    assert_eq!(
        share::open_share_envelope(&envelope, &holder).unwrap_err(),
        OpenError::WrongKey
    );
    let stranger = Identity::generate(&mut rng);
    assert_eq!(
        share::open_share_envelope(&envelope, &stranger).unwrap_err(),
        OpenError::WrongKey
    );
    let mut damaged = envelope.clone();
    let last = damaged.len() - 1;
    damaged[last] ^= 1;
    assert_eq!(
        share::open_share_envelope(&damaged, &worker).unwrap_err(),
        OpenError::Damaged
    );
}

#[test]
fn a_low_order_recipient_is_refused_not_a_panic() {
    let mut rng = ChaCha20Rng::from_seed([32; 32]);
    let d = Identity::generate(&mut rng);
    // The all-zero point parses as a recipient but is low-order.
    let zero = Recipient::from_bytes([0; 32]);
    assert_eq!(Recipient::parse(&zero.to_string()).unwrap(), zero);
    assert_eq!(
        share::seal_share_envelope(&d, &zero, &mut rng).unwrap_err(),
        EncryptError::InvalidRecipient
    );
    assert_eq!(
        share::encrypt_note(&zero, &note(None, "x"), &mut rng).unwrap_err(),
        EncryptError::InvalidRecipient
    );
}

#[test]
fn link_secret_derivation_follows_the_specification() {
    let zeros = "A".repeat(FRAGMENT_LEN);
    let counting: Vec<u8> = (0..32u8).map(|i| i * 8 + 3).collect();
    for (fragment, bytes) in [
        (zeros, vec![0u8; 32]),
        (base64url(&counting), counting.clone()),
        (base64url(&[0xff; 32]), vec![0xff; 32]),
    ] {
        assert_eq!(fragment.len(), FRAGMENT_LEN);
        let link = LinkSecret::parse(&fragment).unwrap();
        assert_eq!(*link.to_fragment(), fragment);
        assert_eq!(*link.access_key(), spec_hkdf(&bytes, b"pde/v1/link/access"));
        let l = StaticSecret::from(spec_hkdf(&bytes, b"pde/v1/link/identity"));
        assert_eq!(
            link.identity().recipient(),
            Recipient::from_bytes(PublicKey::from(&l).to_bytes())
        );
        assert_ne!(*link.access_key(), l.to_bytes());
    }
    // The third fragment is written with the URL-safe alphabet.
    assert_eq!(base64url(&[0xff; 32]), format!("{}8", "_".repeat(42)));
}

#[test]
fn link_secrets_are_random_and_independent() {
    let mut rng = ChaCha20Rng::from_seed([33; 32]);
    let a = LinkSecret::generate(&mut rng);
    let b = LinkSecret::generate(&mut rng);
    assert_ne!(*a.to_fragment(), *b.to_fragment());
    assert_ne!(a.identity().recipient(), b.identity().recipient());
    assert_ne!(*a.access_key(), *b.access_key());
    assert_eq!(format!("{a:?}"), "LinkSecret(<redacted>)");
}

#[test]
fn malformed_fragments_are_refused() {
    let mut rng = ChaCha20Rng::from_seed([34; 32]);
    let fragment = LinkSecret::generate(&mut rng).to_fragment();
    let good = fragment.as_str();
    let replace_at = |at: usize, with: &str| format!("{}{with}{}", &good[..at], &good[at + 1..]);
    for (bad, expected) in [
        (String::new(), LinkSecretError::Length),
        (good[..42].to_string(), LinkSecretError::Length),
        (format!("{good}A"), LinkSecretError::Length),
        (format!("#{good}"), LinkSecretError::Length),
        (format!("{good}="), LinkSecretError::Length),
        (format!(" {}", &good[1..]), LinkSecretError::Encoding),
        (replace_at(5, "+"), LinkSecretError::Encoding),
        (replace_at(5, "/"), LinkSecretError::Encoding),
        (replace_at(5, "="), LinkSecretError::Encoding),
        // Two bytes of UTF-8 for one character: 43 bytes, not Base64url.
        (format!("é{}", &good[2..]), LinkSecretError::Encoding),
    ] {
        assert_eq!(LinkSecret::parse(&bad).unwrap_err(), expected, "{bad:?}");
    }
    // The last character carries 4 bits of the secret and 2 zero bits: setting those bits
    // is another spelling of the same bytes, and is refused.
    let last = good.as_bytes()[42];
    let alphabet = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let index = alphabet.iter().position(|&c| c == last).unwrap();
    for low_bits in 1..4 {
        let other = char::from(alphabet[index | low_bits]).to_string();
        assert_eq!(
            LinkSecret::parse(&replace_at(42, &other)).unwrap_err(),
            LinkSecretError::Encoding
        );
    }
    let error = LinkSecret::parse(&replace_at(5, "+"))
        .unwrap_err()
        .to_string();
    assert!(!error.contains(&good[6..]), "{error}");
}

#[test]
fn a_link_visitor_opens_the_documents_and_the_note_from_the_fragment_alone() {
    let mut rng = ChaCha20Rng::from_seed([35; 32]);
    let d = Identity::generate(&mut rng);
    let link = LinkSecret::generate(&mut rng);
    let to = link.identity().recipient();
    let envelope = share::seal_share_envelope(&d, &to, &mut rng).unwrap();
    let message = note(Some("Marie"), "Les trois documents du dossier.");
    let note_file = share::encrypt_note(&to, &message, &mut rng).unwrap();

    let visitor = LinkSecret::parse(&link.to_fragment()).unwrap();
    assert_eq!(*visitor.access_key(), *link.access_key());
    let opened = share::open_share_envelope(&envelope, &visitor.identity()).unwrap();
    assert_eq!(opened.recipient(), d.recipient());
    assert_eq!(
        share::decrypt_note(&visitor.identity(), &note_file).unwrap(),
        message
    );

    let other = LinkSecret::generate(&mut rng);
    assert_eq!(
        share::open_share_envelope(&envelope, &other.identity()).unwrap_err(),
        OpenError::WrongKey
    );
    assert_eq!(
        share::decrypt_note(&other.identity(), &note_file).unwrap_err(),
        DecryptError::WrongKey
    );
}

#[test]
fn notes_round_trip_and_hide_their_length() {
    let mut rng = ChaCha20Rng::from_seed([36; 32]);
    let worker = Identity::generate(&mut rng);
    let short = note(None, "ok");
    let longer = note(
        Some("Marie Dupont"),
        "Voici mon attestation, à utiliser jusqu'à lundi.",
    );
    let a = share::encrypt_note(&worker.recipient(), &short, &mut rng).unwrap();
    let b = share::encrypt_note(&worker.recipient(), &longer, &mut rng).unwrap();
    assert_eq!(a.len(), b.len());
    assert_eq!(a.len() as u64, format::age_len(256));
    let opened = share::decrypt_note(&worker, &a).unwrap();
    assert_eq!(opened, short);
    assert_eq!(opened.from(), None);
    assert_eq!(opened.text(), "ok");
    let opened = share::decrypt_note(&worker, &b).unwrap();
    assert_eq!(opened.from(), Some("Marie Dupont"));
    assert_eq!(opened, longer);

    // Past 256 bytes the padding is Padmé's.
    let long = note(None, &"x".repeat(1_500));
    let json_len = long.to_json().len() as u64;
    assert!(json_len > 1_500);
    let c = share::encrypt_note(&worker.recipient(), &long, &mut rng).unwrap();
    assert_eq!(c.len() as u64, format::age_len(note_padded_len(json_len)));
    assert_eq!(note_padded_len(json_len), 1_536);
    assert_eq!(share::decrypt_note(&worker, &c).unwrap(), long);
}

#[test]
fn notes_that_do_not_open_are_wrong_key_or_damaged() {
    let mut rng = ChaCha20Rng::from_seed([37; 32]);
    let worker = Identity::generate(&mut rng);
    let stranger = Identity::generate(&mut rng);
    let file = share::encrypt_note(&worker.recipient(), &note(None, "x"), &mut rng).unwrap();
    assert_eq!(
        share::decrypt_note(&stranger, &file).unwrap_err(),
        DecryptError::WrongKey
    );
    let mut damaged = file.clone();
    damaged[200] ^= 1;
    assert_eq!(
        share::decrypt_note(&worker, &damaged).unwrap_err(),
        DecryptError::Damaged
    );
    // Metadata is padded to 512 and is not a note: it does not pass for one.
    let metadata_file = document::encrypt_metadata(&worker, &metadata(1), &mut rng);
    assert_eq!(
        share::decrypt_note(&worker, &metadata_file).unwrap_err(),
        DecryptError::Damaged
    );
    // Nor does a valid note without its padding, or with more padding than Padmé's.
    let json = note(None, "x").to_json();
    for padded_len in [json.len(), 255, 257, 512] {
        let mut padded = json.clone().into_bytes();
        padded.resize(padded_len, b' ');
        let file = format::encrypt(&worker.recipient(), &padded, &mut rng).unwrap();
        assert_eq!(
            share::decrypt_note(&worker, &file).unwrap_err(),
            DecryptError::Damaged,
            "{padded_len}"
        );
        padded.resize(256, b' ');
        let file = format::encrypt(&worker.recipient(), &padded, &mut rng).unwrap();
        assert_eq!(
            share::decrypt_note(&worker, &file).unwrap(),
            note(None, "x")
        );
    }
}

#[test]
fn note_json_validation() {
    assert_eq!(
        note(Some("Marie"), "a \"b\"\n").to_json(),
        r#"{"v":1,"from":"Marie","text":"a \"b\"\n"}"#
    );
    assert_eq!(note(None, "").to_json(), r#"{"v":1,"from":null,"text":""}"#);
    let parsed = Note::from_json(r#"{"text":"t","from":null,"v":1}"#).unwrap();
    assert_eq!(parsed, note(None, "t"));
    assert_eq!(
        Note::from_json("{").unwrap_err(),
        NoteError::Invalid { line: 1, column: 1 }
    );
    for other_version in [
        r#"{"v":2,"from":null,"text":"t"}"#,
        r#"{"v":0,"from":null,"text":"t"}"#,
        r#"{"v":2,"message":{"parts":[]}}"#,
    ] {
        assert_eq!(
            Note::from_json(other_version).unwrap_err(),
            NoteError::UnsupportedVersion,
            "{other_version}"
        );
    }
    for invalid in [
        r#"{"from":null,"text":"t"}"#,
        r#"{"v":1,"from":null}"#,
        r#"{"v":1,"from":null,"text":"t","to":"x"}"#,
        r#"{"v":1,"from":7,"text":"t"}"#,
        r#"{"v":"1","from":null,"text":"t"}"#,
    ] {
        assert!(
            matches!(Note::from_json(invalid), Err(NoteError::Invalid { .. })),
            "{invalid}"
        );
    }
    let error = Note::from_json(r#"{"v":1,"from":null,"text":"secret","to":1}"#).unwrap_err();
    assert!(!error.to_string().contains("secret"), "{error}");
    assert!(!format!("{:?}", note(Some("Marie"), "secret")).contains("secret"));
    assert!(!format!("{:?}", note(Some("Marie"), "secret")).contains("Marie"));
}

#[test]
fn note_limits() {
    let json = |from: &str, text: &str| {
        format!(r#"{{"v":1,"from":{},"text":{}}}"#, quote(from), quote(text))
    };
    // Characters, not bytes: 100 and 2,000 two-byte characters are fine.
    let from = "é".repeat(100);
    let text = "é".repeat(2_000);
    assert!(Note::from_json(&json(&from, &text)).is_ok());
    assert!(Note::new(Some(from.clone()), text.clone()).is_ok());
    assert_eq!(
        Note::from_json(&json(&format!("{from}a"), "t")).unwrap_err(),
        NoteError::FromTooLong
    );
    assert_eq!(
        Note::new(None, format!("{text}a")).unwrap_err(),
        NoteError::TextTooLong
    );
    // Within the character limits but over the server's 8 KiB once encoded and encrypted.
    for text in ["😀".repeat(2_000), "\u{1}".repeat(2_000)] {
        assert_eq!(
            Note::new(None, text.clone()).unwrap_err(),
            NoteError::TooLarge
        );
        assert_eq!(
            Note::from_json(&json("", &text)).unwrap_err(),
            NoteError::TooLarge
        );
    }
    // The largest note that fits gives a ciphertext of at most 8 KiB.
    let mut rng = ChaCha20Rng::from_seed([38; 32]);
    let worker = Identity::generate(&mut rng);
    let mut largest = None;
    for emoji in (1_000..=2_000).rev() {
        if let Ok(note) = Note::new(Some("é".repeat(100)), "😀".repeat(emoji)) {
            largest = Some(note);
            break;
        }
    }
    let largest = largest.unwrap();
    let file = share::encrypt_note(&worker.recipient(), &largest, &mut rng).unwrap();
    assert!(file.len() as u64 <= NOTE_MAX_ENCRYPTED_LEN);
    assert!(file.len() as u64 > NOTE_MAX_ENCRYPTED_LEN - 300);
    assert_eq!(share::decrypt_note(&worker, &file).unwrap(), largest);
}

fn quote(text: &str) -> String {
    if text.is_empty() {
        "null".into()
    } else {
        serde_json::to_string(text).unwrap()
    }
}
