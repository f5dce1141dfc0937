//! The age header parser past the MAC: the input's header is given a correct MAC for the file
//! key its `file key:` field names (the community kit's vectors have one), so edits of the
//! stanza lines reach the stanza parser and the X25519 unwrapping instead of failing at the
//! MAC. A file must read alike whole and in pieces, and can only open with a 16-byte file
//! key (the only length a stanza may wrap).
#![no_main]

use base64::Engine;
use base64::engine::general_purpose::STANDARD_NO_PAD;
use hkdf::Hkdf;
use hmac::{Hmac, KeyInit, Mac};
use libfuzzer_sys::fuzz_target;
use pde_crypto_fuzz::{Input, Outcome, decrypt_both_ways};
use sha2::Sha256;

fuzz_target!(|data: &[u8]| {
    let input = Input::parse(data);
    let file_key = input
        .field("file key")
        .and_then(|text| hex::decode(text.trim()).ok())
        .unwrap_or_else(|| vec![0x42; 16]);
    let file = input.file;
    let Some(footer) = file.windows(4).position(|w| w == b"\n---") else {
        return;
    };
    let mac_input = &file[..footer + 4];
    let Some(line_end) = file[footer + 4..].iter().position(|&b| b == b'\n') else {
        return;
    };
    let payload = &file[footer + 4 + line_end + 1..];
    let mut mac_key = [0u8; 32];
    Hkdf::<Sha256>::new(Some(&[]), &file_key)
        .expand(b"header", &mut mac_key)
        .unwrap();
    let mut mac = <Hmac<Sha256> as KeyInit>::new_from_slice(&mac_key).unwrap();
    mac.update(mac_input);
    let mut fixed = mac_input.to_vec();
    fixed.extend_from_slice(
        format!(" {}\n", STANDARD_NO_PAD.encode(mac.finalize().into_bytes())).as_bytes(),
    );
    fixed.extend_from_slice(payload);

    let identity = input.identity();
    let piece = 1 + payload.first().copied().unwrap_or(0) as usize * 3;
    if let Outcome::Plaintext(_) = decrypt_both_ways(&identity, &fixed, piece) {
        // Only a 16-byte file key can have been unwrapped and checked by the MAC.
        assert_eq!(
            file_key.len(),
            16,
            "a file opened with a file key of another length"
        );
    }
});
