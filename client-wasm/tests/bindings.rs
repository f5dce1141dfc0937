//! The bindings as JavaScript sees them (run with wasm-bindgen-test in Node).
#![cfg(target_arch = "wasm32")]

use js_sys::Reflect;
use pde_client_wasm::{
    ContentReader, LinkSecret, PdeError, Wallet, derive_passkey_key, derive_passphrase_keys,
    derive_recovery_keys, encrypt_note, encrypted_length, generate_recovery_code, random_salt,
};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::wasm_bindgen_test as test;

/// The thrown JS value's `code`, after checking it is an `Error` named `PdeError`.
fn js_code<T>(result: Result<T, PdeError>) -> String {
    let Err(error) = result else {
        panic!("expected an error");
    };
    let value = JsValue::from(error);
    let js_error: &js_sys::Error = value.dyn_ref().expect("an Error instance");
    assert_eq!(String::from(js_error.name()), "PdeError");
    assert!(!String::from(js_error.message()).is_empty());
    Reflect::get(&value, &"code".into())
        .unwrap()
        .as_string()
        .expect("a string code")
}

fn js_message<T>(result: Result<T, PdeError>) -> String {
    let Err(error) = result else {
        panic!("expected an error");
    };
    let value = JsValue::from(error);
    String::from(value.dyn_ref::<js_sys::Error>().unwrap().message())
}

fn metadata_json(size: usize) -> String {
    format!(
        r#"{{"v":1,"title":"Attestation","category":"housing","file_name":"a.pdf","mime":"application/pdf","size":{size},"date":null,"note":null,"added":"2026-11-22T08:00:00Z","later":7}}"#
    )
}

fn content(size: usize) -> Vec<u8> {
    (0..size).map(|i| (i * 7 % 256) as u8).collect()
}

fn read_all(reader: &ContentReader, ciphertext: &[u8], slice: usize) -> Vec<u8> {
    let mut out = Vec::new();
    for piece in ciphertext.chunks(slice) {
        out.extend(reader.push(piece).unwrap());
    }
    out.extend(reader.finish().unwrap());
    out
}

#[test]
fn recovery_code_slot_round_trip_and_wrong_key() {
    let code = generate_recovery_code();
    assert_eq!(code.len(), 33);
    let keys = derive_recovery_keys(&code.to_lowercase().replace('-', " ")).unwrap();
    assert_eq!(keys.auth_key().len(), 32);
    let wallet = Wallet::create();
    let slot = wallet.seal_slot(&keys).unwrap();
    let reopened = Wallet::open(&slot, &keys).unwrap();
    assert_eq!(reopened.recipient().unwrap(), wallet.recipient().unwrap());
    assert!(wallet.recipient().unwrap().starts_with("age1"));

    let other = derive_recovery_keys(&generate_recovery_code()).unwrap();
    assert_eq!(js_code(Wallet::open(&slot, &other)), "wrong_key");
    let mut damaged = slot.clone();
    let last = damaged.len() - 1;
    damaged[last] ^= 1;
    assert_eq!(js_code(Wallet::open(&damaged, &keys)), "damaged");
}

#[test]
fn passkey_slot_round_trip_wrong_prf_and_bad_length() {
    let wallet = Wallet::create();
    let key = derive_passkey_key(&[3; 32]).unwrap();
    let slot = wallet.seal_passkey_slot(&key).unwrap();
    let reopened = Wallet::open_with_passkey(&slot, &key).unwrap();
    assert_eq!(reopened.recipient().unwrap(), wallet.recipient().unwrap());
    let other = derive_passkey_key(&[4; 32]).unwrap();
    assert_eq!(
        js_code(Wallet::open_with_passkey(&slot, &other)),
        "wrong_key"
    );
    assert_eq!(js_code(derive_passkey_key(&[3; 31])), "invalid_input");
    wallet.lock();
    assert_eq!(js_code(wallet.seal_passkey_slot(&key)), "locked");
}

#[test]
fn recovery_code_errors_say_whether_the_check_failed() {
    let code = generate_recovery_code();
    let last = code.chars().last().unwrap();
    let typo = format!(
        "{}{}",
        &code[..code.len() - 1],
        if last == '0' { '1' } else { '0' }
    );
    assert_eq!(js_code(derive_recovery_keys(&typo)), "invalid_input");
    assert!(js_message(derive_recovery_keys(&typo)).contains("check character"));
    assert!(!js_message(derive_recovery_keys("ABC")).contains("check character"));
}

#[test]
fn passphrase_keys_at_real_parameters() {
    let salt = random_salt();
    assert_eq!(salt.len(), 16);
    assert_ne!(salt, random_salt());
    let keys = derive_passphrase_keys(" mot de passe ", &salt, 65_536, 3, 1).unwrap();
    let again = derive_passphrase_keys("mot de passe", &salt, 65_536, 3, 1).unwrap();
    assert_eq!(keys.auth_key(), again.auth_key());
    let wallet = Wallet::create();
    let slot = wallet.seal_slot(&keys).unwrap();
    assert_eq!(
        Wallet::open(&slot, &again).unwrap().recipient().unwrap(),
        wallet.recipient().unwrap()
    );
}

#[test]
fn weak_or_invalid_kdf_input_is_refused() {
    let salt = [0u8; 16];
    assert_eq!(
        js_code(derive_passphrase_keys("x", &salt, 1024, 3, 1)),
        "invalid_input"
    );
    assert_eq!(
        js_code(derive_passphrase_keys("x", &salt, 65_536, 1, 1)),
        "invalid_input"
    );
    assert_eq!(
        js_code(derive_passphrase_keys("x", &[0; 8], 65_536, 3, 1)),
        "invalid_input"
    );
    assert_eq!(
        js_code(derive_passphrase_keys("  ", &salt, 65_536, 3, 1)),
        "invalid_input"
    );
}

#[test]
fn document_round_trip_in_slices() {
    let wallet = Wallet::create();
    for size in [0usize, 5, 200_000] {
        let plain = content(size);
        let writer = wallet.new_document(&metadata_json(size)).unwrap();
        let mut ciphertext = Vec::new();
        for piece in plain.chunks(65_000) {
            ciphertext.extend(writer.push(piece).unwrap());
        }
        ciphertext.extend(writer.finish().unwrap());
        assert_eq!(ciphertext.len() as f64, writer.encrypted_length().unwrap());
        assert_eq!(
            ciphertext.len() as f64,
            encrypted_length(size as f64).unwrap()
        );

        let doc = wallet.open_document(&writer.envelope().unwrap()).unwrap();
        assert_ne!(doc, writer.document_handle().unwrap());
        let json = wallet
            .decrypt_metadata(doc, &writer.metadata().unwrap())
            .unwrap();
        assert!(json.contains("\"title\":\"Attestation\""));
        assert!(json.contains("\"later\":7"));
        let reader = wallet.content_reader(doc, size as f64).unwrap();
        assert!(read_all(&reader, &ciphertext, 100_000) == plain);

        let renamed = json.replace("Attestation", "Bail");
        let metadata = wallet
            .encrypt_metadata(writer.document_handle().unwrap(), &renamed)
            .unwrap();
        assert_eq!(wallet.decrypt_metadata(doc, &metadata).unwrap(), renamed);
    }
}

#[test]
fn writer_refuses_a_size_other_than_declared() {
    let wallet = Wallet::create();
    let writer = wallet.new_document(&metadata_json(10)).unwrap();
    assert_eq!(js_code(writer.push(&[0; 11])), "invalid_input");
    writer.push(&[0; 9]).unwrap();
    assert_eq!(js_code(writer.finish()), "invalid_input");
    assert_eq!(js_code(writer.finish()), "invalid_input");
    assert_eq!(js_code(wallet.new_document("{\"v\":1}")), "invalid_input");
    assert_eq!(js_code(wallet.new_document("not json")), "invalid_input");
}

#[test]
fn damaged_inputs_are_reported_as_damaged() {
    let wallet = Wallet::create();
    assert_eq!(js_code(wallet.open_document(b"not an age file")), "damaged");
    let writer = wallet.new_document(&metadata_json(1000)).unwrap();
    let mut ciphertext = writer.push(&content(1000)).unwrap();
    ciphertext.extend(writer.finish().unwrap());
    let doc = writer.document_handle().unwrap();
    let mut metadata = writer.metadata().unwrap();
    metadata[300] ^= 1;
    assert_eq!(js_code(wallet.decrypt_metadata(doc, &metadata)), "damaged");

    let reader = wallet.content_reader(doc, 1000.0).unwrap();
    reader.push(&ciphertext[..ciphertext.len() - 1]).unwrap();
    assert_eq!(js_code(reader.finish()), "damaged");
    let mut altered = ciphertext.clone();
    altered[500] ^= 1;
    let reader = wallet.content_reader(doc, 1000.0).unwrap();
    assert!(reader.push(&altered).and_then(|_| reader.finish()).is_err());
    assert_eq!(js_code(reader.finish()), "damaged");
    // Another wallet's envelope does not open either.
    let stranger = Wallet::create();
    assert_eq!(
        js_code(stranger.open_document(&writer.envelope().unwrap())),
        "damaged"
    );
}

#[test]
fn lock_forgets_everything() {
    let wallet = Wallet::create();
    let writer = wallet.new_document(&metadata_json(100)).unwrap();
    let doc = writer.document_handle().unwrap();
    let reader = wallet.content_reader(doc, 100.0).unwrap();
    let keys = derive_recovery_keys(&generate_recovery_code()).unwrap();
    wallet.lock();
    assert_eq!(js_code(wallet.recipient()), "locked");
    assert_eq!(js_code(wallet.seal_slot(&keys)), "locked");
    assert_eq!(js_code(wallet.new_document(&metadata_json(1))), "locked");
    assert_eq!(js_code(wallet.open_document(b"x")), "locked");
    assert_eq!(js_code(wallet.decrypt_metadata(doc, b"x")), "locked");
    assert_eq!(
        js_code(wallet.encrypt_metadata(doc, &metadata_json(1))),
        "locked"
    );
    assert_eq!(js_code(wallet.content_reader(doc, 1.0)), "locked");
    assert_eq!(js_code(wallet.forget_document(doc)), "locked");
    assert_eq!(js_code(writer.push(&[1])), "locked");
    assert_eq!(js_code(writer.finish()), "locked");
    assert_eq!(js_code(writer.envelope()), "locked");
    assert_eq!(js_code(reader.push(&[1])), "locked");
    assert_eq!(js_code(reader.finish()), "locked");
    wallet.lock();
}

#[test]
fn forgotten_and_unknown_handles_are_invalid() {
    let wallet = Wallet::create();
    let writer = wallet.new_document(&metadata_json(1)).unwrap();
    let doc = writer.document_handle().unwrap();
    wallet.forget_document(doc).unwrap();
    assert_eq!(
        js_code(wallet.decrypt_metadata(doc, &writer.metadata().unwrap())),
        "invalid_input"
    );
    assert_eq!(js_code(wallet.forget_document(doc)), "invalid_input");
    assert_eq!(js_code(wallet.content_reader(999, 1.0)), "invalid_input");
}

#[test]
fn lengths_must_be_safe_integers() {
    assert_eq!(encrypted_length(0.0).unwrap(), 200.0);
    for bad in [-1.0, 1.5, f64::NAN, f64::INFINITY, 2f64.powi(53)] {
        assert_eq!(js_code(encrypted_length(bad)), "invalid_input", "{bad}");
    }
    let wallet = Wallet::create();
    let doc = wallet
        .new_document(&metadata_json(1))
        .unwrap()
        .document_handle()
        .unwrap();
    assert_eq!(js_code(wallet.content_reader(doc, -5.0)), "invalid_input");
}

/// A holder's wallet with one document; returns the wallet, the handle of D, the metadata
/// ciphertext, the content and its ciphertext.
fn holder_with_document(size: usize) -> (Wallet, u32, Vec<u8>, Vec<u8>, Vec<u8>) {
    let holder = Wallet::create();
    let plain = content(size);
    let writer = holder.new_document(&metadata_json(size)).unwrap();
    let mut ciphertext = writer.push(&plain).unwrap();
    ciphertext.extend(writer.finish().unwrap());
    let doc = holder.open_document(&writer.envelope().unwrap()).unwrap();
    (holder, doc, writer.metadata().unwrap(), plain, ciphertext)
}

#[test]
fn a_worker_opens_a_document_shared_with_them() {
    let (holder, doc, metadata, plain, ciphertext) = holder_with_document(70_000);
    let worker = Wallet::create();
    let envelope = holder
        .share_envelope(doc, &worker.recipient().unwrap())
        .unwrap();

    let shared = worker.open_document(&envelope).unwrap();
    let json = worker.decrypt_metadata(shared, &metadata).unwrap();
    assert!(json.contains("\"title\":\"Attestation\""));
    let reader = worker.content_reader(shared, plain.len() as f64).unwrap();
    assert!(read_all(&reader, &ciphertext, 30_000) == plain);

    // The envelope is the worker's: neither the holder nor anyone else opens it.
    assert_eq!(js_code(holder.open_document(&envelope)), "damaged");
    assert_eq!(
        js_code(Wallet::create().open_document(&envelope)),
        "damaged"
    );
}

#[test]
fn a_link_secret_round_trips_and_its_wallet_opens_what_was_shared_to_it() {
    let secret = LinkSecret::generate();
    let fragment = secret.fragment();
    assert_eq!(fragment.len(), 43);
    assert!(
        fragment
            .bytes()
            .all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_')
    );
    assert_ne!(LinkSecret::generate().fragment(), fragment);
    let visitor = LinkSecret::parse(&fragment).unwrap();
    assert_eq!(visitor.fragment(), fragment);
    assert_eq!(visitor.recipient(), secret.recipient());
    assert!(secret.recipient().starts_with("age1"));
    assert_eq!(visitor.access_key().len(), 32);
    assert_eq!(visitor.access_key(), secret.access_key());
    assert_ne!(LinkSecret::generate().access_key(), secret.access_key());

    let (holder, doc, metadata, plain, ciphertext) = holder_with_document(1_000);
    let envelope = holder.share_envelope(doc, &secret.recipient()).unwrap();
    let note_json = r#"{"v":1,"from":null,"text":"Pour le dossier"}"#;
    let note = encrypt_note(&secret.recipient(), note_json).unwrap();

    let wallet = visitor.open_wallet();
    assert_eq!(wallet.recipient().unwrap(), secret.recipient());
    let shared = wallet.open_document(&envelope).unwrap();
    let json = wallet.decrypt_metadata(shared, &metadata).unwrap();
    assert!(json.contains("\"size\":1000"));
    let reader = wallet.content_reader(shared, 1_000.0).unwrap();
    assert!(read_all(&reader, &ciphertext, 512) == plain);
    assert_eq!(wallet.decrypt_note(&note).unwrap(), note_json);

    // Another link's wallet opens none of it.
    let other = LinkSecret::generate().open_wallet();
    assert_eq!(js_code(other.open_document(&envelope)), "damaged");
    assert_eq!(js_code(other.decrypt_note(&note)), "damaged");
}

#[test]
fn notes_round_trip() {
    let worker = Wallet::create();
    for note_json in [
        r#"{"v":1,"from":"Marie","text":"Bonjour,\nvoici l'attestation. À jeudi !"}"#,
        r#"{"v":1,"from":null,"text":""}"#,
    ] {
        let note = encrypt_note(&worker.recipient().unwrap(), note_json).unwrap();
        assert_eq!(note.len(), 200 + 256);
        assert_eq!(worker.decrypt_note(&note).unwrap(), note_json);
    }
    // Compact and in the order v, from, text, whatever the order given.
    let note = encrypt_note(
        &worker.recipient().unwrap(),
        r#"{ "text": "t", "from": "M", "v": 1 }"#,
    )
    .unwrap();
    assert_eq!(
        worker.decrypt_note(&note).unwrap(),
        r#"{"v":1,"from":"M","text":"t"}"#
    );
}

#[test]
fn bad_recipients_fragments_and_notes_give_the_right_codes() {
    let (holder, doc, metadata, _, _) = holder_with_document(1);
    let worker = Wallet::create();
    let recipient = worker.recipient().unwrap();
    let low_order = pde_crypto::identity::Recipient::from_bytes([0; 32]).to_string();
    let secret_key = pde_crypto::identity::Identity::from_seed(&mut [7; 32]).to_secret_string();
    for bad in [
        "",
        "age1",
        &recipient[..recipient.len() - 1],
        &recipient.to_uppercase(),
        &secret_key,
        &secret_key.to_lowercase(),
        &low_order,
    ] {
        assert_eq!(
            js_code(holder.share_envelope(doc, bad)),
            "invalid_input",
            "{bad}"
        );
        assert_eq!(
            js_code(encrypt_note(bad, r#"{"v":1,"from":null,"text":"t"}"#)),
            "invalid_input",
            "{bad}"
        );
    }
    assert_eq!(
        js_code(holder.share_envelope(999, &recipient)),
        "invalid_input"
    );

    let fragment = LinkSecret::generate().fragment();
    for bad in [
        fragment[..42].to_string(),
        format!("#{fragment}"),
        format!("{fragment}="),
        format!("+{}", &fragment[1..]),
        format!("/{}", &fragment[1..]),
        String::new(),
    ] {
        assert_eq!(js_code(LinkSecret::parse(&bad)), "invalid_input", "{bad}");
    }

    for bad in [
        "not json",
        r#"{"v":2,"from":null,"text":"t"}"#,
        r#"{"v":1,"from":null,"text":"t","to":"x"}"#,
        r#"{"v":1,"text":"t","from":7}"#,
    ] {
        assert_eq!(
            js_code(encrypt_note(&recipient, bad)),
            "invalid_input",
            "{bad}"
        );
    }
    let too_long = format!(r#"{{"v":1,"from":null,"text":"{}"}}"#, "a".repeat(2_001));
    assert_eq!(
        js_code(encrypt_note(&recipient, &too_long)),
        "invalid_input"
    );
    let too_large = format!(r#"{{"v":1,"from":null,"text":"{}"}}"#, "😀".repeat(2_000));
    assert_eq!(
        js_code(encrypt_note(&recipient, &too_large)),
        "invalid_input"
    );

    let note = encrypt_note(&recipient, r#"{"v":1,"from":null,"text":"t"}"#).unwrap();
    let mut damaged = note.clone();
    damaged[250] ^= 1;
    assert_eq!(js_code(worker.decrypt_note(&damaged)), "damaged");
    assert_eq!(
        js_code(worker.decrypt_note(&note[..note.len() - 1])),
        "damaged"
    );
    assert_eq!(js_code(worker.decrypt_note(b"not a note")), "damaged");
    assert_eq!(js_code(holder.decrypt_note(&note)), "damaged");
    assert_eq!(js_code(holder.decrypt_note(&metadata)), "damaged");
}

#[test]
fn lock_on_a_link_wallet_forgets_l() {
    let secret = LinkSecret::generate();
    let (holder, doc, _, _, _) = holder_with_document(10);
    let envelope = holder.share_envelope(doc, &secret.recipient()).unwrap();
    let note = encrypt_note(&secret.recipient(), r#"{"v":1,"from":null,"text":"t"}"#).unwrap();
    let wallet = secret.open_wallet();
    let shared = wallet.open_document(&envelope).unwrap();
    let reader = wallet.content_reader(shared, 10.0).unwrap();
    wallet.lock();
    assert_eq!(js_code(wallet.recipient()), "locked");
    assert_eq!(js_code(wallet.open_document(&envelope)), "locked");
    assert_eq!(js_code(wallet.decrypt_note(&note)), "locked");
    assert_eq!(js_code(wallet.decrypt_metadata(shared, b"x")), "locked");
    assert_eq!(js_code(wallet.content_reader(shared, 10.0)), "locked");
    assert_eq!(
        js_code(wallet.share_envelope(shared, &secret.recipient())),
        "locked"
    );
    assert_eq!(js_code(reader.push(&[1])), "locked");
    // The secret itself is another object: it opens a fresh wallet until it is freed.
    assert_eq!(
        secret.open_wallet().decrypt_note(&note).unwrap(),
        r#"{"v":1,"from":null,"text":"t"}"#
    );
    // Locking the holder's wallet does the same for share envelopes.
    holder.lock();
    assert_eq!(
        js_code(holder.share_envelope(doc, &secret.recipient())),
        "locked"
    );
}

#[test]
fn an_export_re_encrypts_without_padding_and_dies_with_the_lock() {
    let size = 70_000;
    let (holder, doc, _, _, stored) = holder_with_document(size);
    assert!(
        stored.len() as u64 > pde_crypto::format::age_len(size as u64),
        "stored padded"
    );
    let exporter = holder.content_exporter(doc, size as f64).unwrap();
    let mut file = Vec::new();
    for piece in stored.chunks(40_000) {
        file.extend(exporter.push(piece).unwrap());
    }
    file.extend(exporter.finish().unwrap());
    assert_eq!(file.len() as u64, pde_crypto::format::age_len(size as u64));
    assert!(file.starts_with(b"age-encryption.org/v1\n-> X25519 "));

    // A truncated stored file does not export.
    let exporter = holder.content_exporter(doc, size as f64).unwrap();
    exporter.push(&stored[..stored.len() - 1]).unwrap();
    assert_eq!(js_code(exporter.finish()), "damaged");

    let identity = holder
        .export_identity("maison jardin soleil pomme velo")
        .unwrap();
    assert!(identity.starts_with(b"age-encryption.org/v1\n-> scrypt "));
    assert_eq!(js_code(holder.export_identity("   ")), "invalid_input");
    let metadata = holder.export_metadata(doc, &metadata_json(size)).unwrap();
    assert!(metadata.starts_with(b"age-encryption.org/v1\n-> X25519 "));
    assert_eq!(
        js_code(holder.export_metadata(999, &metadata_json(size))),
        "invalid_input"
    );

    let exporter = holder.content_exporter(doc, size as f64).unwrap();
    holder.lock();
    assert_eq!(js_code(exporter.push(&stored)), "locked");
    assert_eq!(js_code(holder.export_identity("x")), "locked");
    assert_eq!(js_code(holder.content_exporter(doc, 1.0)), "locked");
}
