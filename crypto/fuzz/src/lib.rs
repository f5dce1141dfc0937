//! Shared input handling for the fuzz targets.
//!
//! Most targets read their input in the format of the project's test vectors
//! (`crypto/tests/vectors/*.test`) and of the community age kit: `key: value` lines, a blank
//! line, then the file. That way the vectors themselves are the seed corpus: the fuzzer starts
//! from files that really open with the identity their header names, and goes deeper than
//! random bytes would. An input without such a header is taken whole as the file, with a
//! fixed identity.
//!
//! An input that starts with `plaintext:\n` instead gives the plaintext itself: the target
//! encrypts it (with a fixed RNG) and then opens it, which reaches the parsers behind the
//! encryption (identity text, note and metadata JSON, padding).

use pde_crypto::format;
use pde_crypto::identity::Identity;
use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;

/// The prefix of inputs that give a plaintext to encrypt first.
pub const PLAINTEXT_PREFIX: &[u8] = b"plaintext:\n";

/// An input split into its header fields and its file.
pub struct Input<'a> {
    fields: Vec<(&'a str, &'a str)>,
    /// The age file (or, after [`PLAINTEXT_PREFIX`], the plaintext).
    pub file: &'a [u8],
    /// Whether `file` is a plaintext to encrypt first.
    pub plaintext: bool,
}

impl<'a> Input<'a> {
    pub fn parse(data: &'a [u8]) -> Self {
        if let Some(rest) = data.strip_prefix(PLAINTEXT_PREFIX) {
            return Self {
                fields: Vec::new(),
                file: rest,
                plaintext: true,
            };
        }
        if data.starts_with(b"age-encryption.org/") {
            return Self {
                fields: Vec::new(),
                file: data,
                plaintext: false,
            };
        }
        let Some(split) = data.windows(2).position(|w| w == b"\n\n") else {
            return Self {
                fields: Vec::new(),
                file: data,
                plaintext: false,
            };
        };
        let fields = core::str::from_utf8(&data[..split])
            .map(|text| {
                text.lines()
                    .filter_map(|line| line.split_once(": "))
                    .collect()
            })
            .unwrap_or_default();
        Self {
            fields,
            file: &data[split + 2..],
            plaintext: false,
        }
    }

    /// The value of a header field.
    pub fn field(&self, key: &str) -> Option<&'a str> {
        self.fields.iter().find(|(k, _)| *k == key).map(|(_, v)| *v)
    }

    /// The identity the header names, or the fixed one.
    pub fn identity(&self) -> Identity {
        self.field("identity")
            .and_then(|text| Identity::parse(text.trim()).ok())
            .unwrap_or_else(fixed_identity)
    }
}

/// The identity used when the input names none.
pub fn fixed_identity() -> Identity {
    Identity::from_seed(&mut [0x5a; 32])
}

/// A deterministic RNG, so that a crash reproduces from its input alone.
pub fn rng() -> ChaCha20Rng {
    ChaCha20Rng::from_seed([0x17; 32])
}

/// The file to open: the input's file, or its plaintext encrypted to `identity`.
pub fn file_for(input: &Input<'_>, identity: &Identity) -> Vec<u8> {
    if input.plaintext {
        format::encrypt(&identity.recipient(), input.file, &mut rng())
            .expect("a recipient from a secret key is valid")
    } else {
        input.file.to_vec()
    }
}

/// How a decryption ended, to compare two ways of reading the same file.
#[derive(Debug, PartialEq, Eq)]
pub enum Outcome {
    Plaintext(Vec<u8>),
    Failed(format::DecryptError),
}

/// Reads `file` whole, then fed in pieces of `piece` bytes; both must end alike.
pub fn decrypt_both_ways(identity: &Identity, file: &[u8], piece: usize) -> Outcome {
    let whole = match format::decrypt(identity, file) {
        Ok(plaintext) => Outcome::Plaintext(plaintext),
        Err(error) => Outcome::Failed(error),
    };
    let mut decryptor = format::Decryptor::new(identity);
    let mut plaintext = Vec::new();
    let mut pieces = Outcome::Failed(format::DecryptError::Damaged);
    let mut failed = false;
    for part in file.chunks(piece.max(1)) {
        match decryptor.push(part) {
            Ok(out) => plaintext.extend_from_slice(&out),
            Err(error) => {
                pieces = Outcome::Failed(error);
                failed = true;
                break;
            }
        }
    }
    if !failed {
        pieces = match decryptor.finish() {
            Ok(out) => {
                plaintext.extend_from_slice(&out);
                Outcome::Plaintext(plaintext)
            }
            Err(error) => Outcome::Failed(error),
        };
    }
    // Reading in pieces must change nothing: not the plaintext, not the kind of error.
    assert_eq!(whole, pieces, "whole and in pieces of {piece} bytes differ");
    whole
}
