//! The age header parser past the MAC: the input's header is given a correct MAC for the file
//! key its `file key:` field names (the community kit's vectors have one), so edits of the
//! stanza lines reach the stanza parser and the X25519 unwrapping instead of failing at the
//! MAC. A file that opens must hold the plaintext the same file key and payload give.
#![no_main]

use hkdf::Hkdf;
use hmac::{Hmac, KeyInit, Mac};
use libfuzzer_sys::fuzz_target;
use pde_crypto_fuzz::{Input, Outcome, decrypt_both_ways};
use sha2::Sha256;

fn unhex(text: &str) -> Option<Vec<u8>> {
    (text.len() % 2 == 0).then_some(())?;
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(text.get(i..i + 2)?, 16).ok())
        .collect()
}

fn base64(data: &[u8]) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let (mut bits, mut n, mut out) = (0u32, 0, String::new());
    for &byte in data {
        bits = (bits << 8) | u32::from(byte);
        n += 8;
        while n >= 6 {
            n -= 6;
            out.push(ALPHABET[((bits >> n) & 63) as usize] as char);
        }
    }
    if n > 0 {
        out.push(ALPHABET[((bits << (6 - n)) & 63) as usize] as char);
    }
    out
}

fuzz_target!(|data: &[u8]| {
    let input = Input::parse(data);
    let file_key = input
        .field("file key")
        .and_then(|text| unhex(text.trim()))
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
    fixed.extend_from_slice(format!(" {}\n", base64(&mac.finalize().into_bytes())).as_bytes());
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
