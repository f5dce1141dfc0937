//! Frozen test vectors: generated from a fixed seed, committed under `tests/vectors/`, checked
//! byte for byte, and run by one data-driven test (`fail_*` vectors must be rejected).
//!
//! To regenerate after an intended format change (which needs a new format version):
//! `PDE_REGENERATE_VECTORS=1 cargo test -p pde-crypto --test vectors`.

mod common;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use pde_crypto::document::{self, Category, Metadata};
use pde_crypto::format::{self, DecryptError};
use pde_crypto::identity::Identity;
use pde_crypto::padding::note_padded_len;
use pde_crypto::share::{self, LinkSecret, Note};
use pde_crypto::slot::{self, Argon2Params, RecoveryCode};
use rand_chacha::ChaCha20Rng;
use rand_core::{Rng, SeedableRng};
use sha2::{Digest, Sha256};

macro_rules! committed {
    ($($name:literal),* $(,)?) => {
        &[$(($name, include_bytes!(concat!("vectors/", $name, ".test")) as &[u8])),*]
    };
}

/// Every committed vector, in generation order.
const COMMITTED: &[(&str, &[u8])] = committed![
    "x25519_empty",
    "x25519_hello",
    "x25519_one_full_chunk",
    "x25519_two_chunks",
    "x25519_three_chunks",
    "document_envelope",
    "document_metadata",
    "document_content",
    "slot_passphrase",
    "slot_recovery",
    "fail_wrong_key",
    "fail_version_line",
    "fail_no_stanza",
    "fail_stanza_body_altered",
    "fail_stanza_share_altered",
    "fail_stanza_extra_argument",
    "fail_stanza_share_not_canonical",
    "fail_stanza_body_too_long",
    "fail_stanza_body_line_too_long",
    "fail_low_order_share",
    "fail_mac_altered",
    "fail_mac_line_malformed",
    "fail_header_truncated",
    "fail_header_only",
    "fail_nonce_altered",
    "fail_nonce_truncated",
    "fail_first_chunk_altered",
    "fail_last_chunk_altered",
    "fail_last_chunk_missing",
    "fail_last_chunk_truncated",
    "fail_trailing_data",
    "fail_empty_last_chunk",
    "fail_last_flag_missing",
    "fail_last_flag_on_first_chunk",
    "fail_short_chunk_not_last",
    "fail_chunks_swapped",
    "share_envelope",
    "link_secret",
    "note",
    "note_link",
    "fail_share_envelope_wrong_key",
    "fail_note_altered",
    "fail_note_version",
    "fail_note_padding",
    "fail_note_text_too_long",
    "fail_note_unknown_field",
    "slot_passkey",
    "fail_passkey_wrong_prf",
    "slot_helper",
    "fail_helper_share_of_replaced_set",
    "slot_limited",
    "fail_limited_slot_first_passphrase",
    "limited_view_wrapped",
    "fail_limited_view_wrapped_to_view",
];

struct Vector {
    name: &'static str,
    headers: Vec<(&'static str, String)>,
    file: Vec<u8>,
}

impl Vector {
    fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::new();
        for (key, value) in &self.headers {
            out.extend_from_slice(format!("{key}: {value}\n").as_bytes());
        }
        out.push(b'\n');
        out.extend_from_slice(&self.file);
        out
    }
}

fn sha256_hex(data: &[u8]) -> String {
    common::hex(&Sha256::digest(data))
}

fn random_bytes(rng: &mut ChaCha20Rng, len: usize) -> Vec<u8> {
    let mut data = vec![0u8; len];
    rng.fill_bytes(&mut data);
    data
}

fn success(name: &'static str, identity: &Identity, plaintext: &[u8], file: Vec<u8>) -> Vector {
    Vector {
        name,
        headers: vec![
            ("expect", "success".into()),
            ("identity", identity.to_secret_string().to_string()),
            ("plaintext-sha256", sha256_hex(plaintext)),
        ],
        file,
    }
}

fn failure(name: &'static str, expect: &str, identity: &Identity, file: Vec<u8>) -> Vector {
    Vector {
        name,
        headers: vec![
            ("expect", expect.into()),
            ("identity", identity.to_secret_string().to_string()),
        ],
        file,
    }
}

/// Builds every vector from the seed `[7; 32]`. Changing anything here changes the bytes.
fn generate() -> Vec<Vector> {
    let mut rng = ChaCha20Rng::from_seed([7; 32]);
    let mut vectors = Vec::new();
    let key = Identity::generate(&mut rng);
    let recipient = key.recipient();

    for (name, plaintext) in [
        ("x25519_empty", Vec::new()),
        ("x25519_hello", b"hello, PDE\n".to_vec()),
        ("x25519_one_full_chunk", random_bytes(&mut rng, 65_536)),
        ("x25519_two_chunks", random_bytes(&mut rng, 65_537)),
        ("x25519_three_chunks", random_bytes(&mut rng, 150_000)),
    ] {
        let file = format::encrypt(&recipient, &plaintext, &mut rng).unwrap();
        vectors.push(success(name, &key, &plaintext, file));
    }

    let wallet = Identity::generate(&mut rng);
    let content = random_bytes(&mut rng, 1000);
    let metadata = Metadata::from_json(
        r#"{"v":1,"title":"Attestation CPAS","category":"social_aid","file_name":"attestation.pdf",
            "mime":"application/pdf","size":1000,"date":"2026-11-02","note":null,
            "added":"2026-11-22T08:00:00Z","future_field":{"kept":true}}"#,
    )
    .unwrap();
    assert_eq!(metadata.category, Category::SocialAid);
    let mut new = document::new_document(&wallet.recipient(), &metadata, &mut rng).unwrap();
    let mut content_file = new.content.push(&content).unwrap();
    content_file.extend(new.content.finish().unwrap());
    let d_text = new.identity.to_secret_string();
    vectors.push(success(
        "document_envelope",
        &wallet,
        d_text.as_bytes(),
        new.envelope,
    ));
    let mut metadata_text = metadata.to_json().into_bytes();
    metadata_text.resize(
        pde_crypto::padding::metadata_padded_len(metadata_text.len() as u64) as usize,
        b' ',
    );
    let mut doc = success(
        "document_metadata",
        &new.identity,
        &metadata_text,
        new.metadata,
    );
    doc.headers.push(("metadata", metadata.to_json()));
    vectors.push(doc);
    let mut padded = content.clone();
    padded.resize(pde_crypto::padding::padme(1000) as usize, 0);
    let mut doc = success("document_content", &new.identity, &padded, content_file);
    doc.headers.push(("content-sha256", sha256_hex(&content)));
    doc.headers.push(("size", "1000".into()));
    vectors.push(doc);

    let passphrase = "correct horse battery staple";
    let salt = slot::random_salt(&mut rng);
    let passphrase_salt = salt;
    let keys = slot::derive_passphrase_keys(passphrase, &salt, Argon2Params::V1).unwrap();
    let slot_file = keys.seal_slot(&wallet, &mut rng);
    let mut v = success(
        "slot_passphrase",
        &keys.slot_identity(),
        wallet.to_secret_string().as_bytes(),
        slot_file,
    );
    v.headers.push(("passphrase", passphrase.into()));
    v.headers.push(("salt", common::hex(&salt)));
    v.headers.push(("argon2id", "65536 3 1".into()));
    v.headers.push(("auth-key", common::hex(keys.auth_key())));
    vectors.push(v);

    let code = RecoveryCode::generate(&mut rng);
    let keys = code.derive_keys();
    let slot_file = keys.seal_slot(&wallet, &mut rng);
    let mut v = success(
        "slot_recovery",
        &keys.slot_identity(),
        wallet.to_secret_string().as_bytes(),
        slot_file,
    );
    v.headers
        .push(("recovery-code", code.to_display_string().to_string()));
    v.headers.push(("auth-key", common::hex(keys.auth_key())));
    vectors.push(v);

    // Failures. `hello` is a one-chunk file, `two` a two-chunk file.
    let hello = vectors[1].file.clone();
    let two = vectors[3].file.clone();
    let header_len = 168;
    const BASE64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let other = Identity::generate(&mut rng);
    vectors.push(failure(
        "fail_wrong_key",
        "wrong_key",
        &other,
        hello.clone(),
    ));
    let altered = |file: &[u8], at: usize| {
        let mut file = file.to_vec();
        file[at] ^= 0x01;
        file
    };
    // Changes one Base64 character of the header into another valid one.
    let altered_base64 = |file: &[u8], at: usize| {
        let mut file = file.to_vec();
        let index = BASE64.iter().position(|&c| c == file[at]).unwrap();
        file[at] = BASE64[index ^ 0x20];
        file
    };
    let replaced = |file: &[u8], from: &str, to: &str| {
        let text = String::from_utf8_lossy(&file[..header_len]).replacen(from, to, 1);
        let mut out = text.into_bytes();
        out.extend_from_slice(&file[header_len..]);
        out
    };
    vectors.push(failure(
        "fail_version_line",
        "damaged",
        &key,
        replaced(&hello, "org/v1\n", "org/v2\n"),
    ));

    // Raw files from the independent writer, with keys drawn from the seed.
    let mut file_key = [0u8; 16];
    rng.fill_bytes(&mut file_key);
    let mut ephemeral = [0u8; 32];
    rng.fill_bytes(&mut ephemeral);
    let mut nonce = [0u8; 16];
    rng.fill_bytes(&mut nonce);
    let stanza = common::x25519_stanza(&file_key, ephemeral, *recipient.as_bytes());
    let raw = |stanzas: &str, chunks: &[(&[u8], bool)]| {
        let mut file = common::header(&file_key, stanzas);
        file.extend(common::payload(&file_key, nonce, chunks));
        file
    };
    let ok_payload: &[(&[u8], bool)] = &[(b"x", true)];
    vectors.push(failure(
        "fail_no_stanza",
        "damaged",
        &key,
        raw("", ok_payload),
    ));
    vectors.push(failure(
        "fail_stanza_body_altered",
        "wrong_key",
        &key,
        altered_base64(&hello, 22 + 54 + 5),
    ));
    vectors.push(failure(
        "fail_stanza_share_altered",
        "wrong_key",
        &key,
        altered_base64(&hello, 22 + 15),
    ));
    let extra_arg = stanza.replacen('\n', " extra\n", 1);
    vectors.push(failure(
        "fail_stanza_extra_argument",
        "damaged",
        &key,
        raw(&extra_arg, ok_payload),
    ));
    // The share's last character carries 2 padding bits; setting one is a non-canonical encoding.
    let share_end = stanza.find('\n').unwrap() - 1;
    let mut non_canonical = stanza.clone().into_bytes();
    let last = BASE64
        .iter()
        .position(|&c| c == non_canonical[share_end])
        .unwrap();
    non_canonical[share_end] = BASE64[last ^ 1];
    let non_canonical = String::from_utf8(non_canonical).unwrap();
    vectors.push(failure(
        "fail_stanza_share_not_canonical",
        "damaged",
        &key,
        raw(&non_canonical, ok_payload),
    ));
    let share_line = &stanza[..stanza.find('\n').unwrap() + 1];
    let long_body = format!("{share_line}{}\n", common::base64(&[1; 33]));
    vectors.push(failure(
        "fail_stanza_body_too_long",
        "damaged",
        &key,
        raw(&long_body, ok_payload),
    ));
    let long_line = format!("-> grease\n{}\n{stanza}", common::base64(&[1; 49]));
    vectors.push(failure(
        "fail_stanza_body_line_too_long",
        "damaged",
        &key,
        raw(&long_line, ok_payload),
    ));
    let low_order = common::x25519_stanza_raw(&file_key, [0; 32], [0; 32], *recipient.as_bytes());
    vectors.push(failure(
        "fail_low_order_share",
        "damaged",
        &key,
        raw(&low_order, ok_payload),
    ));
    vectors.push(failure(
        "fail_mac_altered",
        "damaged",
        &key,
        altered(&hello, header_len - 10),
    ));
    vectors.push(failure(
        "fail_mac_line_malformed",
        "damaged",
        &key,
        replaced(&hello, "--- ", "---  "),
    ));
    vectors.push(failure(
        "fail_header_truncated",
        "damaged",
        &key,
        hello[..header_len - 1].to_vec(),
    ));
    vectors.push(failure(
        "fail_header_only",
        "damaged",
        &key,
        hello[..header_len].to_vec(),
    ));
    vectors.push(failure(
        "fail_nonce_altered",
        "damaged",
        &key,
        altered(&hello, header_len + 3),
    ));
    vectors.push(failure(
        "fail_nonce_truncated",
        "damaged",
        &key,
        hello[..header_len + 15].to_vec(),
    ));
    vectors.push(failure(
        "fail_first_chunk_altered",
        "damaged",
        &key,
        altered(&two, 200),
    ));
    vectors.push(failure(
        "fail_last_chunk_altered",
        "damaged",
        &key,
        altered(&two, two.len() - 17),
    ));
    let first_chunk_end = header_len + 16 + 65_536 + 16;
    vectors.push(failure(
        "fail_last_chunk_missing",
        "damaged",
        &key,
        two[..first_chunk_end].to_vec(),
    ));
    vectors.push(failure(
        "fail_last_chunk_truncated",
        "damaged",
        &key,
        two[..two.len() - 1].to_vec(),
    ));
    let mut trailing = hello.clone();
    trailing.extend_from_slice(&[0; 17]);
    vectors.push(failure("fail_trailing_data", "damaged", &key, trailing));
    let full = vec![0x55u8; 65_536];
    vectors.push(failure(
        "fail_empty_last_chunk",
        "damaged",
        &key,
        raw(&stanza, &[(&full, false), (b"", true)]),
    ));
    vectors.push(failure(
        "fail_last_flag_missing",
        "damaged",
        &key,
        raw(&stanza, &[(&full, false), (b"tail", false)]),
    ));
    vectors.push(failure(
        "fail_last_flag_on_first_chunk",
        "damaged",
        &key,
        raw(&stanza, &[(&full, true), (b"tail", true)]),
    ));
    vectors.push(failure(
        "fail_short_chunk_not_last",
        "damaged",
        &key,
        raw(&stanza, &[(b"short", false), (b"tail", true)]),
    ));
    let three = &vectors[4].file;
    let chunk = 65_536 + 16;
    let start = header_len + 16;
    let mut swapped = three[..start].to_vec();
    swapped.extend_from_slice(&three[start + chunk..start + 2 * chunk]);
    swapped.extend_from_slice(&three[start..start + chunk]);
    swapped.extend_from_slice(&three[start + 2 * chunk..]);
    vectors.push(failure("fail_chunks_swapped", "damaged", &key, swapped));

    // Sharing, drawn after everything above so that the earlier vectors stay as they are.
    // The document shared is the one of `document_*`; the holder is `wallet`.
    let worker = Identity::generate(&mut rng);
    let share_envelope =
        share::seal_share_envelope(&new.identity, &worker.recipient(), &mut rng).unwrap();
    let mut v = success(
        "share_envelope",
        &worker,
        d_text.as_bytes(),
        share_envelope.clone(),
    );
    v.headers
        .push(("document-recipient", new.identity.recipient().to_string()));
    vectors.push(v);

    let link = LinkSecret::generate(&mut rng);
    let link_identity = link.identity();
    let link_envelope =
        share::seal_share_envelope(&new.identity, &link_identity.recipient(), &mut rng).unwrap();
    let mut v = success(
        "link_secret",
        &link_identity,
        d_text.as_bytes(),
        link_envelope,
    );
    v.headers
        .push(("link-fragment", link.to_fragment().to_string()));
    v.headers
        .push(("recipient", link_identity.recipient().to_string()));
    v.headers
        .push(("access-key", common::hex(&*link.access_key())));
    v.headers
        .push(("document-recipient", new.identity.recipient().to_string()));
    vectors.push(v);

    let padded_note = |json: &str, len: usize| {
        let mut text = json.as_bytes().to_vec();
        text.resize(len, b' ');
        text
    };
    let padded_len = |json: &str| note_padded_len(json.len() as u64) as usize;
    for (name, to, from, text) in [
        (
            "note",
            &worker,
            Some("Marie"),
            "Bonjour, voici l'attestation du CPAS pour le rendez-vous de jeudi.\nÀ bientôt !",
        ),
        (
            "note_link",
            &link_identity,
            None,
            "Pour le dossier \"logement\" 🏠",
        ),
    ] {
        let note = Note::new(from.map(String::from), text.into()).unwrap();
        let json = note.to_json();
        let file = share::encrypt_note(&to.recipient(), &note, &mut rng).unwrap();
        let mut v = success(name, to, &padded_note(&json, padded_len(&json)), file);
        v.headers.push(("note", json));
        vectors.push(v);
    }

    vectors.push(failure(
        "fail_share_envelope_wrong_key",
        "wrong_key",
        &wallet,
        share_envelope,
    ));
    let note_file = vectors
        .iter()
        .find(|v| v.name == "note")
        .unwrap()
        .file
        .clone();
    vectors.push(failure(
        "fail_note_altered",
        "damaged",
        &worker,
        altered(&note_file, header_len + 16 + 20),
    ));
    // Age files that open, holding something that is not a valid, correctly padded note.
    let version_2 = r#"{"v":2,"from":null,"text":"version 2"}"#;
    let short = r#"{"v":1,"from":null,"text":"one space short"}"#;
    let too_long = format!(r#"{{"v":1,"from":null,"text":"{}"}}"#, "a".repeat(2_001));
    let unknown_field = r#"{"v":1,"from":null,"text":"x","to":"y"}"#;
    for (name, json, len) in [
        ("fail_note_version", version_2, padded_len(version_2)),
        ("fail_note_padding", short, padded_len(short) - 1),
        ("fail_note_text_too_long", &too_long, padded_len(&too_long)),
        (
            "fail_note_unknown_field",
            unknown_field,
            padded_len(unknown_field),
        ),
    ] {
        let file = format::encrypt(&worker.recipient(), &padded_note(json, len), &mut rng).unwrap();
        vectors.push(failure(name, "note_damaged", &worker, file));
    }

    // Generated last, so that adding them left every earlier vector as it was.
    let prf_output = random_bytes(&mut rng, slot::PRF_OUTPUT_LEN);
    let key = slot::PasskeySlotKey::from_prf_output(&prf_output).unwrap();
    let slot_file = key.seal_slot(&wallet, &mut rng);
    let mut v = success(
        "slot_passkey",
        &key.slot_identity(),
        wallet.to_secret_string().as_bytes(),
        slot_file.clone(),
    );
    v.headers.push(("prf-output", common::hex(&prf_output)));
    vectors.push(v);
    // The same slot, with the identity of another PRF output (another credential, or the same
    // credential evaluated on another salt).
    let other_prf = random_bytes(&mut rng, slot::PRF_OUTPUT_LEN);
    let other = slot::PasskeySlotKey::from_prf_output(&other_prf).unwrap();
    let mut v = failure(
        "fail_passkey_wrong_prf",
        "wrong_key",
        &other.slot_identity(),
        slot_file,
    );
    v.headers.push(("prf-output", common::hex(&other_prf)));
    vectors.push(v);

    // A 2-of-3 helper slot, with the server part and the first and third shares; then the
    // same slot with two shares of a set it replaced.
    let replaced = slot::HelperSet::generate(2, 3, &mut rng).unwrap();
    let set = slot::HelperSet::generate(2, 3, &mut rng).unwrap();
    let slot_file = set.keys().seal_slot(&wallet, &mut rng);
    let shares = |set: &slot::HelperSet| {
        [&set.shares()[0], &set.shares()[2]]
            .map(|s| common::hex(&s.to_bytes()))
            .join(" ")
    };
    let mut v = success(
        "slot_helper",
        &set.keys().slot_identity(),
        wallet.to_secret_string().as_bytes(),
        slot_file.clone(),
    );
    v.headers
        .push(("helper-server-part", common::hex(set.server_part())));
    v.headers.push(("helper-shares", shares(&set)));
    v.headers
        .push(("auth-key", common::hex(set.keys().auth_key())));
    vectors.push(v);
    let old_shares = [replaced.shares()[0].clone(), replaced.shares()[2].clone()];
    let wrong = slot::recover_helper_keys(set.server_part(), &old_shares).unwrap();
    let mut v = failure(
        "fail_helper_share_of_replaced_set",
        "wrong_key",
        &wrong.slot_identity(),
        slot_file,
    );
    v.headers
        .push(("helper-server-part", common::hex(set.server_part())));
    v.headers.push(("helper-shares", shares(&replaced)));
    vectors.push(v);

    // The limited view: V in a slot of a second passphrase with the account's own salt and
    // parameters, the same slot tried with the first passphrase, and V wrapped to W.
    let view = slot::new_view(&mut rng);
    let second = "blue kettle on the stairs";
    let keys = slot::derive_passphrase_keys(second, &passphrase_salt, Argon2Params::V1).unwrap();
    let slot_file = keys.seal_slot(&view, &mut rng);
    let mut v = success(
        "slot_limited",
        &keys.slot_identity(),
        view.to_secret_string().as_bytes(),
        slot_file.clone(),
    );
    v.headers.push(("passphrase", second.into()));
    v.headers.push(("salt", common::hex(&passphrase_salt)));
    v.headers.push(("argon2id", "65536 3 1".into()));
    v.headers.push(("auth-key", common::hex(keys.auth_key())));
    v.headers
        .push(("view-recipient", view.recipient().to_string()));
    vectors.push(v);
    let first =
        slot::derive_passphrase_keys(passphrase, &passphrase_salt, Argon2Params::V1).unwrap();
    let mut v = failure(
        "fail_limited_slot_first_passphrase",
        "wrong_key",
        &first.slot_identity(),
        slot_file,
    );
    v.headers.push(("passphrase", passphrase.into()));
    v.headers.push(("salt", common::hex(&passphrase_salt)));
    v.headers.push(("argon2id", "65536 3 1".into()));
    v.headers.push(("auth-key", common::hex(first.auth_key())));
    vectors.push(v);
    let wrapped = slot::wrap_view(&view, &wallet.recipient(), &mut rng);
    let mut v = success(
        "limited_view_wrapped",
        &wallet,
        view.to_secret_string().as_bytes(),
        wrapped.clone(),
    );
    v.headers
        .push(("view-recipient", view.recipient().to_string()));
    vectors.push(v);
    let mut v = failure(
        "fail_limited_view_wrapped_to_view",
        "wrong_key",
        &view,
        wrapped,
    );
    v.headers
        .push(("view-recipient", view.recipient().to_string()));
    vectors.push(v);
    vectors
}

fn parse(bytes: &[u8]) -> (Vec<(String, String)>, &[u8]) {
    let split = bytes
        .windows(2)
        .position(|w| w == b"\n\n")
        .expect("a blank line ends the headers");
    let headers = core::str::from_utf8(&bytes[..split])
        .unwrap()
        .lines()
        .map(|line| {
            let (key, value) = line.split_once(": ").unwrap();
            (key.to_string(), value.to_string())
        })
        .collect();
    (headers, &bytes[split + 2..])
}

#[test]
fn vectors_are_reproduced_byte_for_byte() {
    let generated = generate();
    #[cfg(not(target_arch = "wasm32"))]
    if std::env::var_os("PDE_REGENERATE_VECTORS").is_some() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors");
        for vector in &generated {
            std::fs::write(dir.join(format!("{}.test", vector.name)), vector.to_bytes()).unwrap();
        }
        return;
    }
    let names: Vec<&str> = generated.iter().map(|v| v.name).collect();
    let committed: Vec<&str> = COMMITTED.iter().map(|(name, _)| *name).collect();
    assert_eq!(names, committed);
    for (vector, (_, bytes)) in generated.iter().zip(COMMITTED) {
        assert!(
            vector.to_bytes() == *bytes,
            "{} differs from the committed vector",
            vector.name
        );
    }
}

#[cfg(not(target_arch = "wasm32"))]
#[test]
fn every_file_in_the_vectors_directory_is_run() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors");
    let mut on_disk: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    on_disk.sort();
    let mut listed: Vec<String> = COMMITTED.iter().map(|(n, _)| format!("{n}.test")).collect();
    listed.sort();
    assert_eq!(on_disk, listed);
}

#[test]
fn committed_vectors_decrypt_as_expected() {
    for (name, bytes) in COMMITTED {
        let (headers, file) = parse(bytes);
        let header = |key: &str| {
            headers
                .iter()
                .find(|(k, _)| k == key)
                .map(|(_, v)| v.as_str())
        };
        let identity = Identity::parse(header("identity").unwrap()).unwrap();
        let result = format::decrypt(&identity, file);
        match header("expect").unwrap() {
            "success" => {
                let plaintext = result.unwrap_or_else(|e| panic!("{name}: {e}"));
                assert_eq!(
                    sha256_hex(&plaintext),
                    header("plaintext-sha256").unwrap(),
                    "{name}"
                );
            }
            "wrong_key" => assert_eq!(result.unwrap_err(), DecryptError::WrongKey, "{name}"),
            "damaged" => assert_eq!(result.unwrap_err(), DecryptError::Damaged, "{name}"),
            // The age file is intact; what it holds is not a valid, correctly padded note.
            "note_damaged" => {
                result.unwrap_or_else(|e| panic!("{name}: {e}"));
                assert_eq!(
                    share::decrypt_note(&identity, file).unwrap_err(),
                    DecryptError::Damaged,
                    "{name}"
                );
            }
            other => panic!("{name}: unknown expectation {other}"),
        }
        assert_eq!(
            name.starts_with("fail_"),
            header("expect") != Some("success"),
            "{name}"
        );

        if let Some(passphrase) = header("passphrase") {
            let salt = common::unhex(header("salt").unwrap());
            let params: Vec<u32> = header("argon2id")
                .unwrap()
                .split(' ')
                .map(|n| n.parse().unwrap())
                .collect();
            let params = Argon2Params::new(params[0], params[1], params[2]).unwrap();
            let keys = slot::derive_passphrase_keys(passphrase, &salt, params).unwrap();
            assert_eq!(common::hex(keys.auth_key()), header("auth-key").unwrap());
            assert_eq!(keys.slot_identity().recipient(), identity.recipient());
            match header("expect").unwrap() {
                "success" => {
                    keys.open_slot(file).unwrap();
                }
                _ => assert!(keys.open_slot(file).is_err(), "{name}"),
            }
        }
        if let Some(view) = header("view-recipient") {
            match header("expect").unwrap() {
                "success" => assert_eq!(
                    Identity::open_sealed(file, &identity)
                        .unwrap()
                        .recipient()
                        .to_string(),
                    view,
                    "{name}"
                ),
                _ => assert!(slot::unwrap_view(file, &identity).is_err(), "{name}"),
            }
        }
        if let Some(prf) = header("prf-output") {
            let key = slot::PasskeySlotKey::from_prf_output(&common::unhex(prf)).unwrap();
            assert_eq!(key.slot_identity().recipient(), identity.recipient());
            match header("expect").unwrap() {
                "success" => {
                    key.open_slot(file).unwrap();
                }
                _ => assert!(key.open_slot(file).is_err(), "{name}"),
            }
        }
        if let Some(part) = header("helper-server-part") {
            let shares: Vec<slot::HelperShare> = header("helper-shares")
                .unwrap()
                .split(' ')
                .map(|s| slot::HelperShare::from_bytes(&common::unhex(s)).unwrap())
                .collect();
            let keys = slot::recover_helper_keys(&common::unhex(part), &shares).unwrap();
            assert_eq!(keys.slot_identity().recipient(), identity.recipient());
            match header("expect").unwrap() {
                "success" => {
                    assert_eq!(common::hex(keys.auth_key()), header("auth-key").unwrap());
                    keys.open_slot(file).unwrap();
                }
                _ => assert!(keys.open_slot(file).is_err(), "{name}"),
            }
        }
        if let Some(code) = header("recovery-code") {
            let keys = RecoveryCode::parse(code).unwrap().derive_keys();
            assert_eq!(common::hex(keys.auth_key()), header("auth-key").unwrap());
            assert_eq!(keys.slot_identity().recipient(), identity.recipient());
        }
        if let Some(json) = header("metadata") {
            let metadata = document::decrypt_metadata(&identity, file).unwrap();
            assert_eq!(metadata.to_json(), json);
            assert!(metadata.unknown.contains_key("future_field"));
        }
        if let Some(document) = header("document-recipient") {
            let d = share::open_share_envelope(file, &identity).unwrap();
            assert_eq!(d.recipient().to_string(), document, "{name}");
        }
        if let Some(fragment) = header("link-fragment") {
            let link = LinkSecret::parse(fragment).unwrap();
            assert_eq!(*link.to_fragment(), fragment);
            let recipient = link.identity().recipient();
            assert_eq!(recipient, identity.recipient());
            assert_eq!(recipient.to_string(), header("recipient").unwrap());
            assert_eq!(
                common::hex(&*link.access_key()),
                header("access-key").unwrap()
            );
        }
        if let Some(json) = header("note") {
            let note = share::decrypt_note(&identity, file).unwrap();
            assert_eq!(note.to_json(), json);
            assert_eq!(Note::from_json(json).unwrap(), note);
            assert_eq!(
                file.len() as u64,
                format::age_len(note_padded_len(json.len() as u64))
            );
        }
        if let Some(size) = header("size") {
            let size: u64 = size.parse().unwrap();
            let mut reader = document::ContentReader::new(&identity, size);
            let mut content = reader.push(file).unwrap();
            content.extend(reader.finish().unwrap());
            assert_eq!(sha256_hex(&content), header("content-sha256").unwrap());
            assert_eq!(file.len() as u64, document::encrypted_len(size));
        }
    }
}
