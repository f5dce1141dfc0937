//! Documents: a fresh identity D per document, its content and metadata encrypted to D, and
//! the owner envelope (D's text form encrypted to the wallet identity W).

use core::fmt;

use rand_core::CryptoRng;
use serde::{Deserialize, Serialize};
use zeroize::Zeroizing;

use crate::format::{self, DecryptError, Decryptor, EncryptError, Encryptor};
use crate::identity::{Identity, OpenError, Recipient};
use crate::padding::{metadata_padded_len, pad_with_spaces, padme, strip_spaces};
use crate::version::METADATA_VERSION;

/// The document categories of metadata version 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[allow(missing_docs)]
pub enum Category {
    Identity,
    SocialAid,
    Health,
    Housing,
    Income,
    Work,
    Children,
    MyStory,
    Contacts,
    Other,
}

/// Document metadata, version 1. Stored encrypted to D, never in clear.
#[derive(Clone, PartialEq, Serialize, Deserialize)]
pub struct Metadata {
    /// Format version; always [`METADATA_VERSION`].
    pub v: u32,
    /// Title chosen by the holder.
    pub title: String,
    /// Category.
    pub category: Category,
    /// Original file name.
    pub file_name: Option<String>,
    /// MIME type of the content.
    pub mime: String,
    /// True content length in bytes (the content is stored padded).
    pub size: u64,
    /// Date of the document itself (`YYYY-MM-DD`), if known.
    pub date: Option<String>,
    /// Free note.
    pub note: Option<String>,
    /// When the document was added (RFC 3339).
    pub added: String,
    /// Fields this version does not know, kept as they are on rewrite.
    #[serde(flatten)]
    pub unknown: serde_json::Map<String, serde_json::Value>,
}

/// Why a metadata JSON text was refused. The message names a position, never the content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum MetadataError {
    /// Not metadata version 1 JSON (syntax, a missing field or a wrong type).
    Invalid {
        /// Line of the problem (1-based; 0 if unknown).
        line: usize,
        /// Column of the problem (1-based; 0 if unknown).
        column: usize,
    },
    /// The `v` field is not a version this library reads.
    UnsupportedVersion,
}

impl fmt::Display for MetadataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Invalid { line, column } => {
                write!(f, "invalid metadata JSON at line {line} column {column}")
            }
            Self::UnsupportedVersion => f.write_str("unsupported metadata version"),
        }
    }
}

impl core::error::Error for MetadataError {}

impl Metadata {
    /// Parses and checks a metadata JSON text.
    pub fn from_json(json: &str) -> Result<Self, MetadataError> {
        let metadata: Self = serde_json::from_str(json).map_err(|e| MetadataError::Invalid {
            line: e.line(),
            column: e.column(),
        })?;
        if metadata.v != METADATA_VERSION {
            return Err(MetadataError::UnsupportedVersion);
        }
        Ok(metadata)
    }

    /// The compact JSON text (unknown fields included).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("metadata always serialises")
    }
}

impl fmt::Debug for Metadata {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Titles, names and notes are the holder's private data: keep them out of logs.
        f.debug_struct("Metadata")
            .field("v", &self.v)
            .field("category", &self.category)
            .field("size", &self.size)
            .finish_non_exhaustive()
    }
}

/// The length of the stored content ciphertext for `plain_len` bytes of content.
pub fn encrypted_len(plain_len: u64) -> u64 {
    format::age_len(padme(plain_len))
}

/// Encrypts metadata to the document identity, padded with spaces to
/// `padme(max(len, 512))` bytes.
pub fn encrypt_metadata<R: CryptoRng + ?Sized>(
    document: &Identity,
    metadata: &Metadata,
    rng: &mut R,
) -> Vec<u8> {
    let text = pad_with_spaces(metadata.to_json(), metadata_padded_len);
    format::encrypt(&document.recipient(), &text, rng)
        .expect("a recipient derived from a secret key is never low-order")
}

/// Decrypts metadata with the document identity.
pub fn decrypt_metadata(document: &Identity, ciphertext: &[u8]) -> Result<Metadata, DecryptError> {
    let padded = Zeroizing::new(format::decrypt(document, ciphertext)?);
    let json = strip_spaces(&padded, metadata_padded_len).ok_or(DecryptError::Damaged)?;
    Metadata::from_json(json).map_err(|_| DecryptError::Damaged)
}

/// The owner envelope: the document identity sealed to the wallet's recipient.
pub fn seal_envelope<R: CryptoRng + ?Sized>(
    document: &Identity,
    owner: &Recipient,
    rng: &mut R,
) -> Result<Vec<u8>, EncryptError> {
    document.seal_to(owner, rng)
}

/// Opens an owner envelope (or a share envelope, see [`crate::share`]) with the identity it
/// was sealed to.
pub fn open_envelope(envelope: &[u8], wallet: &Identity) -> Result<Identity, OpenError> {
    Identity::open_sealed(envelope, wallet)
}

/// A new document's identity and ciphertexts, with the writer for its content.
#[derive(Debug)]
pub struct NewDocument {
    /// The document identity D.
    pub identity: Identity,
    /// The metadata ciphertext.
    pub metadata: Vec<u8>,
    /// The owner envelope (D sealed to the owner's recipient).
    pub envelope: Vec<u8>,
    /// The content writer, expecting exactly `metadata.size` bytes.
    pub content: ContentWriter,
}

/// Creates a document for `owner`: a fresh D, the metadata ciphertext, the owner envelope
/// and a content writer for `metadata.size` bytes.
pub fn new_document<R: CryptoRng + ?Sized>(
    owner: &Recipient,
    metadata: &Metadata,
    rng: &mut R,
) -> Result<NewDocument, EncryptError> {
    let identity = Identity::generate(rng);
    let metadata_ciphertext = encrypt_metadata(&identity, metadata, rng);
    let envelope = seal_envelope(&identity, owner, rng)?;
    let content = ContentWriter::new(&identity.recipient(), metadata.size, rng);
    Ok(NewDocument {
        identity,
        metadata: metadata_ciphertext,
        envelope,
        content,
    })
}

/// Why content could not be written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum WriteError {
    /// More bytes were pushed than the declared length.
    TooLong,
    /// Fewer bytes were pushed than the declared length.
    TooShort,
}

impl fmt::Display for WriteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::TooLong => "more content than the declared size",
            Self::TooShort => "less content than the declared size",
        })
    }
}

impl core::error::Error for WriteError {}

/// Encrypts content of a declared length, adding the Padmé zero padding at the end.
#[derive(Debug)]
pub struct ContentWriter {
    encryptor: Encryptor,
    declared: u64,
    written: u64,
}

impl ContentWriter {
    /// A writer for `plain_len` bytes encrypted to `document`.
    pub fn new<R: CryptoRng + ?Sized>(document: &Recipient, plain_len: u64, rng: &mut R) -> Self {
        Self {
            encryptor: Encryptor::new(document, rng)
                .expect("a recipient derived from a secret key is never low-order"),
            declared: plain_len,
            written: 0,
        }
    }

    /// The exact length of the whole ciphertext this writer produces.
    pub fn encrypted_len(&self) -> u64 {
        encrypted_len(self.declared)
    }

    /// Adds content; returns the ciphertext ready so far (possibly empty). Nothing is
    /// consumed when the content would exceed the declared length.
    pub fn push(&mut self, chunk: &[u8]) -> Result<Vec<u8>, WriteError> {
        let total = self.written.saturating_add(chunk.len() as u64);
        if total > self.declared {
            return Err(WriteError::TooLong);
        }
        self.written = total;
        Ok(self.encryptor.push(chunk))
    }

    /// Pads, closes the file and returns the rest of the ciphertext.
    pub fn finish(mut self) -> Result<Vec<u8>, WriteError> {
        if self.written != self.declared {
            return Err(WriteError::TooShort);
        }
        let zeros = [0u8; format::CHUNK_SIZE];
        let mut padding = padme(self.declared) - self.declared;
        let mut out = Vec::new();
        while padding > 0 {
            let n = padding.min(zeros.len() as u64) as usize;
            out.extend_from_slice(&self.encryptor.push(&zeros[..n]));
            padding -= n as u64;
        }
        out.extend_from_slice(&self.encryptor.finish());
        Ok(out)
    }
}

/// Decrypts content, returning only the true bytes (never the padding).
#[derive(Debug)]
pub struct ContentReader {
    decryptor: Decryptor,
    padding: PaddingStripper,
}

impl ContentReader {
    /// A reader for content of true length `plain_len`, with the document identity.
    pub fn new(document: &Identity, plain_len: u64) -> Self {
        Self {
            decryptor: Decryptor::new(document),
            padding: PaddingStripper {
                plain_len,
                seen: 0,
                padding_is_zero: true,
            },
        }
    }

    /// Adds ciphertext; returns the content ready so far (possibly empty).
    pub fn push(&mut self, ciphertext: &[u8]) -> Result<Vec<u8>, DecryptError> {
        let plaintext = self.decryptor.push(ciphertext)?;
        self.padding.strip(plaintext)
    }

    /// Checks the file is complete and intact and returns the rest of the content.
    pub fn finish(self) -> Result<Vec<u8>, DecryptError> {
        let Self {
            decryptor,
            mut padding,
        } = self;
        let out = padding.strip(decryptor.finish()?)?;
        let complete = padding.seen == padme(padding.plain_len);
        if !complete || !padding.padding_is_zero {
            return Err(DecryptError::Damaged);
        }
        Ok(out)
    }
}

/// Drops the Padmé padding from the decrypted stream and checks it is zeros of the right length.
#[derive(Debug)]
struct PaddingStripper {
    plain_len: u64,
    /// Plaintext bytes seen so far, padding included.
    seen: u64,
    padding_is_zero: bool,
}

impl PaddingStripper {
    fn strip(&mut self, mut plaintext: Vec<u8>) -> Result<Vec<u8>, DecryptError> {
        let start = self.seen;
        self.seen += plaintext.len() as u64;
        if self.seen > padme(self.plain_len) {
            return Err(DecryptError::Damaged);
        }
        if self.seen > self.plain_len {
            let keep = self.plain_len.saturating_sub(start) as usize;
            self.padding_is_zero &= plaintext[keep..].iter().all(|&b| b == 0);
            plaintext.truncate(keep);
        }
        Ok(plaintext)
    }
}
