//! age v1 files with one X25519 recipient stanza, as <https://age-encryption.org/v1> specifies.
//!
//! The writer always produces one X25519 stanza; the reader accepts any well-formed header
//! and uses the first X25519 stanza that the identity opens. Decryption errors are
//! deliberately vague: either the key is wrong or the file is damaged.
//!
//! Why this is our own code and not the `age` or `age-core` crates: `age` reads and writes
//! through `std::io` streams and draws its own randomness, while we need push-style calls on
//! byte slices (streaming through JavaScript) and an RNG passed in (reproducible vectors, one
//! randomness source chosen by the browser build). `age-core` has a stanza parser on slices
//! that would fit, but it depends on `rand` 0.8, whose `getrandom` 0.2 does not build for
//! `wasm32-unknown-unknown` without its `js` feature, and on older versions of the primitives
//! we use (`chacha20poly1305` 0.10, `hkdf` 0.12, `sha2` 0.10, plus `hpke`), which would all
//! ship a second time in the size-sensitive wasm module. So the primitives come from
//! RustCrypto and Base64 from the `base64` crate; what is ours is the framing (header lines,
//! STREAM chunking), checked against the community age test kit, differentially against the
//! `age` crate (`crypto/tests/`), and fuzzed (`crypto/fuzz/`).

pub(crate) mod base64;
mod header;
mod stream;

use core::fmt;

use rand_core::CryptoRng;

pub use stream::{Decryptor, Encryptor};

use crate::identity::{Identity, Recipient};

/// Plaintext bytes per STREAM chunk.
pub const CHUNK_SIZE: usize = 64 * 1024;
const TAG_LEN: usize = 16;
const PAYLOAD_NONCE_LEN: usize = 16;

/// Why a file could not be encrypted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum EncryptError {
    /// The recipient is a low-order point: the shared secret would be all zeros.
    InvalidRecipient,
}

impl fmt::Display for EncryptError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the recipient is not a valid X25519 public key")
    }
}

impl core::error::Error for EncryptError {}

/// Why a file could not be decrypted. Deliberately vague.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum DecryptError {
    /// No recipient stanza in the header opens with this identity.
    WrongKey,
    /// The file is malformed, altered, truncated or has data appended.
    Damaged,
}

impl fmt::Display for DecryptError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::WrongKey => "the key does not open this file",
            Self::Damaged => "the file is damaged",
        })
    }
}

impl core::error::Error for DecryptError {}

/// The length of the age file holding `plain_len` bytes, with one X25519 stanza.
pub fn age_len(plain_len: u64) -> u64 {
    let chunks = plain_len.div_ceil(CHUNK_SIZE as u64).max(1);
    header::HEADER_LEN as u64 + PAYLOAD_NONCE_LEN as u64 + plain_len + chunks * TAG_LEN as u64
}

/// Encrypts `plaintext` to `recipient` in one call.
pub fn encrypt<R: CryptoRng + ?Sized>(
    recipient: &Recipient,
    plaintext: &[u8],
    rng: &mut R,
) -> Result<Vec<u8>, EncryptError> {
    let mut encryptor = Encryptor::new(recipient, rng)?;
    let mut out = encryptor.push(plaintext);
    out.extend_from_slice(&encryptor.finish());
    Ok(out)
}

/// Decrypts a whole age file with `identity` in one call.
pub fn decrypt(identity: &Identity, ciphertext: &[u8]) -> Result<Vec<u8>, DecryptError> {
    let mut decryptor = Decryptor::new(identity);
    let mut out = decryptor.push(ciphertext)?;
    out.extend_from_slice(&decryptor.finish()?);
    Ok(out)
}
