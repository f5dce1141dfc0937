//! "Download everything": the holder's papers as files the standard `age` tool opens.
//!
//! An export holds, per document, its content and its metadata re-encrypted to the wallet
//! identity W (ordinary X25519 age files), and W itself in a passphrase-encrypted age file
//! (age's `scrypt` recipient). With the passphrase and the `age` tool the holder opens all of
//! it without PDE. See `docs/formats.md` ("Export").
//!
//! The stored content cannot simply get a new header: it is padded (Padmé zero bytes after
//! the true content, inside the age payload), so the payload of the stored file is not the
//! file the holder added. [`ContentExporter`] decrypts it chunk by chunk, drops the padding,
//! and encrypts the true bytes again under a fresh file key; the plaintext never leaves this
//! crate's buffers (zeroized) on the way.

use core::fmt;

use rand_core::CryptoRng;
use unicode_normalization::UnicodeNormalization;
use zeroize::Zeroizing;

use crate::document::{ContentReader, Metadata};
use crate::format::{self, DecryptError, EncryptError, Encryptor};
use crate::identity::{Identity, Recipient};

/// The scrypt work factor (log2 N, with r = 8 and p = 1) of the identity file: 2^16 × 1 KiB
/// = 64 MiB of memory, the same memory as the wallet's Argon2id, which a cheap phone runs in
/// WASM. age's own default (18, 256 MiB) would not fit in a phone browser tab; `age -d`
/// accepts any work factor up to 22. Why this value and what it costs: `docs/formats.md`.
pub const SCRYPT_LOG_N: u8 = 16;

/// Why an export file could not be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ExportError {
    /// The passphrase is empty once surrounding white space is removed.
    EmptyPassphrase,
}

impl fmt::Display for ExportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::EmptyPassphrase => "the passphrase is empty",
        })
    }
}

impl core::error::Error for ExportError {}

/// The identity file: `wallet` in text form (`AGE-SECRET-KEY-1…` and a newline) in an age
/// file encrypted with `passphrase` through age's scrypt recipient, work factor
/// [`SCRYPT_LOG_N`].
///
/// The passphrase is trimmed of surrounding white space and normalised to NFC (as the wallet's
/// passphrase is), so it is what the holder types at `age -d`'s prompt.
pub fn seal_identity<R: CryptoRng + ?Sized>(
    wallet: &Identity,
    passphrase: &str,
    rng: &mut R,
) -> Result<Vec<u8>, ExportError> {
    seal_identity_with_work_factor(wallet, passphrase, SCRYPT_LOG_N, rng)
}

/// [`seal_identity`] with another work factor; for tests and measurements only.
#[doc(hidden)]
pub fn seal_identity_with_work_factor<R: CryptoRng + ?Sized>(
    wallet: &Identity,
    passphrase: &str,
    log_n: u8,
    rng: &mut R,
) -> Result<Vec<u8>, ExportError> {
    let normalized: Zeroizing<String> = Zeroizing::new(passphrase.trim().nfc().collect());
    if normalized.is_empty() {
        return Err(ExportError::EmptyPassphrase);
    }
    let mut text = Zeroizing::new(wallet.to_secret_string().as_bytes().to_vec());
    text.push(b'\n');
    let mut encryptor = Encryptor::with_passphrase(normalized.as_bytes(), log_n, rng);
    let mut out = encryptor.push(&text);
    out.extend_from_slice(&encryptor.finish());
    Ok(out)
}

/// The metadata JSON of an export: the stored metadata (`docs/formats.md`) without the
/// thumbnail, pretty-printed for a person to read. The thumbnail is left out because it is
/// only a small copy of a photo the export holds in full, and a Base64 blob of 10 KB would
/// bury the fields the holder opens this file to read.
pub fn metadata_json(metadata: &Metadata) -> Zeroizing<String> {
    let mut metadata = metadata.clone();
    metadata.unknown.remove("thumb");
    Zeroizing::new(serde_json::to_string_pretty(&metadata).expect("metadata always serialises"))
}

/// The metadata file of an export: [`metadata_json`] (unpadded) encrypted to `to`.
pub fn encrypt_metadata<R: CryptoRng + ?Sized>(
    metadata: &Metadata,
    to: &Recipient,
    rng: &mut R,
) -> Result<Vec<u8>, EncryptError> {
    format::encrypt(to, metadata_json(metadata).as_bytes(), rng)
}

/// Turns a stored content ciphertext (encrypted to D, padded) into an export file: the true
/// content encrypted to `to`, fed the stored ciphertext in slices of any size.
///
/// Output is released chunk by chunk, each from authenticated plaintext; only
/// [`ContentExporter::finish`] knows that the stored file was complete, so a caller must
/// throw away what it got when `finish` (or a `push`) fails.
pub struct ContentExporter {
    reader: ContentReader,
    writer: Encryptor,
}

impl ContentExporter {
    /// An exporter for content of true length `plain_len`, stored encrypted to `document`.
    pub fn new<R: CryptoRng + ?Sized>(
        document: &Identity,
        plain_len: u64,
        to: &Recipient,
        rng: &mut R,
    ) -> Result<Self, EncryptError> {
        Ok(Self {
            reader: ContentReader::new(document, plain_len),
            writer: Encryptor::new(to, rng)?,
        })
    }

    /// Adds stored ciphertext; returns the export bytes ready so far (possibly empty).
    pub fn push(&mut self, stored: &[u8]) -> Result<Vec<u8>, DecryptError> {
        let plaintext = Zeroizing::new(self.reader.push(stored)?);
        Ok(self.writer.push(&plaintext))
    }

    /// Checks the stored file was complete and intact; returns the rest of the export file.
    pub fn finish(self) -> Result<Vec<u8>, DecryptError> {
        let Self { reader, mut writer } = self;
        let plaintext = Zeroizing::new(reader.finish()?);
        let mut out = writer.push(&plaintext);
        out.extend_from_slice(&writer.finish());
        Ok(out)
    }
}

impl fmt::Debug for ContentExporter {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ContentExporter(<redacted>)")
    }
}
