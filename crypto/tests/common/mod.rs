//! Test helpers: an independent, minimal age writer that can also write invalid files.
#![allow(dead_code)]

use chacha20poly1305::aead::AeadInOut;
use chacha20poly1305::{ChaCha20Poly1305, Key, KeyInit, Nonce};
use hkdf::Hkdf;
use hmac::{Hmac, Mac};
use sha2::Sha256;
use x25519_dalek::{PublicKey, StaticSecret};

pub const CHUNK: usize = 64 * 1024;

pub fn base64(data: &[u8]) -> String {
    const ALPHABET: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut bits = 0u32;
    let mut nbits = 0;
    let mut out = String::new();
    for &byte in data {
        bits = (bits << 8) | u32::from(byte);
        nbits += 8;
        while nbits >= 6 {
            nbits -= 6;
            out.push(ALPHABET[((bits >> nbits) & 63) as usize] as char);
        }
    }
    if nbits > 0 {
        out.push(ALPHABET[((bits << (6 - nbits)) & 63) as usize] as char);
    }
    out
}

fn hkdf(ikm: &[u8], salt: &[u8], info: &[u8]) -> [u8; 32] {
    let mut out = [0u8; 32];
    Hkdf::<Sha256>::new(Some(salt), ikm)
        .expand(info, &mut out)
        .unwrap();
    out
}

fn seal(key: &[u8; 32], nonce: [u8; 12], plaintext: &[u8]) -> Vec<u8> {
    let mut buf = plaintext.to_vec();
    let tag = ChaCha20Poly1305::new(&Key::from(*key))
        .encrypt_inout_detached(&Nonce::from(nonce), &[], buf.as_mut_slice().into())
        .unwrap();
    buf.extend_from_slice(&tag);
    buf
}

/// The stanza lines (without the version line and MAC) of an X25519 stanza.
pub fn x25519_stanza(file_key: &[u8; 16], ephemeral: [u8; 32], recipient: [u8; 32]) -> String {
    let secret = StaticSecret::from(ephemeral);
    let share = PublicKey::from(&secret).to_bytes();
    let shared = secret.diffie_hellman(&PublicKey::from(recipient));
    x25519_stanza_raw(file_key, share, *shared.as_bytes(), recipient)
}

/// An X25519 stanza with a given share and shared secret (to build invalid ones).
pub fn x25519_stanza_raw(
    file_key: &[u8; 16],
    share: [u8; 32],
    shared: [u8; 32],
    recipient: [u8; 32],
) -> String {
    let mut salt = share.to_vec();
    salt.extend_from_slice(&recipient);
    let wrap_key = hkdf(&shared, &salt, b"age-encryption.org/v1/X25519");
    let body = seal(&wrap_key, [0; 12], file_key);
    format!("-> X25519 {}\n{}\n", base64(&share), base64(&body))
}

/// A full header around `stanzas`, with a correct MAC.
pub fn header(file_key: &[u8; 16], stanzas: &str) -> Vec<u8> {
    let mut text = format!("age-encryption.org/v1\n{stanzas}---").into_bytes();
    let mac_key = hkdf(file_key, &[], b"header");
    let mut mac = Hmac::<Sha256>::new_from_slice(&mac_key).unwrap();
    mac.update(&text);
    let tag = mac.finalize().into_bytes();
    text.extend_from_slice(format!(" {}\n", base64(&tag)).as_bytes());
    text
}

/// The payload nonce followed by the given chunks, each sealed with its `last` flag.
pub fn payload(file_key: &[u8; 16], nonce: [u8; 16], chunks: &[(&[u8], bool)]) -> Vec<u8> {
    let key = hkdf(file_key, &nonce, b"payload");
    let mut out = nonce.to_vec();
    for (counter, (chunk, last)) in chunks.iter().enumerate() {
        let mut chunk_nonce = [0u8; 12];
        chunk_nonce[3..11].copy_from_slice(&(counter as u64).to_be_bytes());
        chunk_nonce[11] = u8::from(*last);
        out.extend(seal(&key, chunk_nonce, chunk));
    }
    out
}

/// Splits `plaintext` into STREAM chunks as the spec requires (last one flagged).
pub fn chunks(plaintext: &[u8]) -> Vec<(&[u8], bool)> {
    if plaintext.is_empty() {
        return vec![(plaintext, true)];
    }
    let pieces: Vec<&[u8]> = plaintext.chunks(CHUNK).collect();
    let n = pieces.len();
    pieces
        .into_iter()
        .enumerate()
        .map(|(i, piece)| (piece, i + 1 == n))
        .collect()
}

pub fn hex(data: &[u8]) -> String {
    data.iter().map(|b| format!("{b:02x}")).collect()
}

pub fn unhex(text: &str) -> Vec<u8> {
    (0..text.len())
        .step_by(2)
        .map(|i| u8::from_str_radix(&text[i..i + 2], 16).unwrap())
        .collect()
}
