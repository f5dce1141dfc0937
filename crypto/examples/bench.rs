//! Native side of `cargo xtask bench`: age encryption and decryption of a 16 MiB document and
//! one Argon2id derivation at the v1 parameters, measured the way the browser does them (the
//! same API shape: 1 MiB slices through the streaming writer and reader).
//!
//! Run with `cargo run --release -p pde-crypto --example bench`. Prints `key=value` lines
//! (medians of several runs), which xtask sets beside the WASM figures from `bench/`.

use std::time::Instant;

use pde_crypto::document::{ContentReader, Metadata, new_document, open_envelope};
use pde_crypto::identity::Identity;
use pde_crypto::slot::{Argon2Params, derive_passphrase_keys};
use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;

const SIZE: usize = 16 * 1024 * 1024;
const SLICE: usize = 1024 * 1024;
const RUNS: usize = 5;
const ARGON2_RUNS: usize = 3;

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn main() {
    let mut rng = ChaCha20Rng::from_seed([7; 32]);
    let wallet = Identity::generate(&mut rng);
    let plain: Vec<u8> = (0..SIZE).map(|i| (i * 31 % 251) as u8).collect();
    let metadata = Metadata::from_json(&format!(
        r#"{{"v":1,"title":"bench","category":"other","file_name":null,"mime":"application/octet-stream","size":{SIZE},"date":null,"note":null,"added":"2026-01-01T00:00:00Z"}}"#
    ))
    .expect("valid metadata");
    let mib = SIZE as f64 / (1024.0 * 1024.0);

    let (mut enc, mut dec) = (Vec::new(), Vec::new());
    for _ in 0..RUNS {
        let start = Instant::now();
        let mut doc = new_document(&wallet.recipient(), &metadata, &mut rng).expect("encrypt");
        let mut ciphertext = Vec::with_capacity(doc.content.encrypted_len() as usize);
        for slice in plain.chunks(SLICE) {
            ciphertext.extend(doc.content.push(slice).expect("push"));
        }
        ciphertext.extend(doc.content.finish().expect("finish"));
        enc.push(mib / start.elapsed().as_secs_f64());

        let start = Instant::now();
        let identity = open_envelope(&doc.envelope, &wallet).expect("envelope");
        let mut reader = ContentReader::new(&identity, SIZE as u64);
        let mut out = Vec::with_capacity(SIZE);
        for slice in ciphertext.chunks(SLICE) {
            out.extend(reader.push(slice).expect("decrypt"));
        }
        out.extend(reader.finish().expect("finish"));
        dec.push(mib / start.elapsed().as_secs_f64());
        assert!(out == plain, "round trip");
    }

    let mut argon = Vec::new();
    for _ in 0..ARGON2_RUNS {
        let start = Instant::now();
        let keys = derive_passphrase_keys(
            "correct horse battery staple",
            &[9; 16],
            Argon2Params::new(65_536, 3, 1).expect("params"),
        )
        .expect("argon2");
        argon.push(start.elapsed().as_secs_f64() * 1000.0);
        std::hint::black_box(keys.auth_key());
    }

    println!("encrypt_mib_s={:.1}", median(enc));
    println!("decrypt_mib_s={:.1}", median(dec));
    println!("argon2_ms={:.1}", median(argon));
}
