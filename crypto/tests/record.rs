//! The wallet record (docs/formats.md, "Wallet record"): a frozen vector generated from a
//! fixed seed and checked byte for byte, opened by this crate and by the `age` crate (the
//! reference implementation), which sees the JSON text and its space padding.
//!
//! To regenerate after an intended format change:
//! `PDE_REGENERATE_VECTORS=1 cargo test -p pde-crypto --test record`.
#![cfg(not(target_arch = "wasm32"))]

use std::io::Read;
use std::str::FromStr;

use pde_crypto::format::DecryptError;
use pde_crypto::identity::Identity;
use pde_crypto::record::{self, record_padded_len};
use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;

/// One worker entry, as the web client writes it (client-wasm/web/src/wallet-record.ts).
const RECORD: &str = r#"{"v":1,"workers":[{"id":"9f2c4e1a7b3d5f60818293a4b5c6d7e8","code":"K7QM-2XHB-4","fingerprint":"3p7Fv1_2JrB5wq9z0c4a8Xk6mNd1eY3hL5oS7tU9wA0","name":"Karim Benali","organisation":"Samusocial","first_used":1795000000,"last_used":1795600000}]}"#;

const COMMITTED: &[u8] = include_bytes!("record_vectors/record.age");

fn generate() -> (Identity, Vec<u8>) {
    let mut rng = ChaCha20Rng::from_seed([13; 32]);
    let wallet = Identity::generate(&mut rng);
    let file = record::seal_record(&wallet.recipient(), RECORD, &mut rng).unwrap();
    (wallet, file)
}

#[test]
fn the_vector_is_reproduced_byte_for_byte_and_opens() {
    let (wallet, file) = generate();
    if std::env::var_os("PDE_REGENERATE_VECTORS").is_some() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/record_vectors");
        std::fs::write(dir.join("record.age"), &file).unwrap();
        return;
    }
    assert!(
        file == COMMITTED,
        "record.age differs from the committed vector"
    );
    assert_eq!(
        record::open_record(&wallet, COMMITTED).unwrap().as_str(),
        RECORD
    );
    let other = Identity::generate(&mut ChaCha20Rng::from_seed([14; 32]));
    assert_eq!(
        record::open_record(&other, COMMITTED),
        Err(DecryptError::WrongKey)
    );
    let mut altered = COMMITTED.to_vec();
    let last = altered.len() - 1;
    altered[last] ^= 1;
    assert_eq!(
        record::open_record(&wallet, &altered),
        Err(DecryptError::Damaged)
    );
}

#[test]
fn the_age_crate_opens_the_vector_and_finds_the_padded_json() {
    let (wallet, _) = generate();
    let identity = age::x25519::Identity::from_str(&wallet.to_secret_string()).unwrap();
    let decryptor = age::Decryptor::new(COMMITTED).unwrap();
    let mut reader = decryptor
        .decrypt(std::iter::once(&identity as &dyn age::Identity))
        .unwrap();
    let mut plain = Vec::new();
    reader.read_to_end(&mut plain).unwrap();
    assert_eq!(plain.len() as u64, record_padded_len(RECORD.len() as u64));
    assert_eq!(plain.len(), 1024);
    let text = String::from_utf8(plain).unwrap();
    assert_eq!(text.trim_end_matches(' '), RECORD);
}
