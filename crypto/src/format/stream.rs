//! The age payload: a 16-byte nonce, then STREAM chunks of 64 KiB sealed with ChaCha20-Poly1305.
//!
//! Both directions are push-based: the caller feeds slices of any size and gets back what is
//! ready, so a large file never has to sit in memory whole.

use chacha20poly1305::aead::AeadInOut;
use chacha20poly1305::{Nonce, Tag};
use rand_core::CryptoRng;
use zeroize::Zeroizing;

use super::header::{self, FileKey};
use super::{CHUNK_SIZE, DecryptError, EncryptError, PAYLOAD_NONCE_LEN, TAG_LEN};
use crate::identity::{Identity, Recipient};
use crate::kdf::hkdf_sha256;

const SEALED_CHUNK_LEN: usize = CHUNK_SIZE + TAG_LEN;

fn payload_key(file_key: &FileKey, nonce: &[u8]) -> Zeroizing<[u8; 32]> {
    hkdf_sha256(&file_key.0, nonce, b"payload")
}

/// STREAM nonce: 11-byte big-endian chunk counter, then 1 for the last chunk, else 0.
fn chunk_nonce(counter: u64, last: bool) -> Nonce {
    let mut nonce = [0u8; 12];
    nonce[3..11].copy_from_slice(&counter.to_be_bytes());
    nonce[11] = u8::from(last);
    Nonce::from(nonce)
}

/// Encrypts one age file to one recipient, fed plaintext by [`Encryptor::push`].
pub struct Encryptor {
    key: Zeroizing<[u8; 32]>,
    counter: u64,
    /// Plaintext of the chunk being filled; it is sealed once we know whether it is the last.
    pending: Zeroizing<Vec<u8>>,
    /// Header and payload nonce, handed out with the first output.
    prefix: Vec<u8>,
}

impl Encryptor {
    /// Starts a file for `recipient`: draws the file key, the header's ephemeral key and
    /// the payload nonce from `rng`, in that order.
    pub fn new<R: CryptoRng + ?Sized>(
        recipient: &Recipient,
        rng: &mut R,
    ) -> Result<Self, EncryptError> {
        let file_key = FileKey::generate(rng);
        let header = header::write(&file_key, recipient, rng)?;
        Ok(Self::after_header(&file_key, header, rng))
    }

    /// Starts a passphrase-encrypted file (one `scrypt` stanza, work factor 2^`log_n`): draws
    /// the file key, the scrypt salt and the payload nonce from `rng`, in that order.
    pub(crate) fn with_passphrase<R: CryptoRng + ?Sized>(
        passphrase: &[u8],
        log_n: u8,
        rng: &mut R,
    ) -> Self {
        let file_key = FileKey::generate(rng);
        let header = header::write_scrypt(&file_key, passphrase, log_n, rng);
        Self::after_header(&file_key, header, rng)
    }

    fn after_header<R: CryptoRng + ?Sized>(
        file_key: &FileKey,
        mut prefix: Vec<u8>,
        rng: &mut R,
    ) -> Self {
        let mut nonce = [0u8; PAYLOAD_NONCE_LEN];
        rng.fill_bytes(&mut nonce);
        prefix.extend_from_slice(&nonce);
        Self {
            key: payload_key(file_key, &nonce),
            counter: 0,
            pending: Zeroizing::new(Vec::with_capacity(SEALED_CHUNK_LEN)),
            prefix,
        }
    }

    /// Adds plaintext; returns the ciphertext that is ready (possibly empty).
    pub fn push(&mut self, mut plaintext: &[u8]) -> Vec<u8> {
        let mut out = core::mem::take(&mut self.prefix);
        out.reserve(plaintext.len() + plaintext.len() / CHUNK_SIZE * TAG_LEN + TAG_LEN);
        while !plaintext.is_empty() {
            if self.pending.len() == CHUNK_SIZE {
                // More plaintext follows, so the full chunk is not the last one.
                self.seal_pending(false, &mut out);
            }
            let take = (CHUNK_SIZE - self.pending.len()).min(plaintext.len());
            self.pending.extend_from_slice(&plaintext[..take]);
            plaintext = &plaintext[take..];
        }
        out
    }

    /// Seals the last chunk and returns the rest of the file.
    pub fn finish(mut self) -> Vec<u8> {
        let mut out = core::mem::take(&mut self.prefix);
        self.seal_pending(true, &mut out);
        out
    }

    fn seal_pending(&mut self, last: bool, out: &mut Vec<u8>) {
        let tag = header::cipher(&self.key)
            .encrypt_inout_detached(
                &chunk_nonce(self.counter, last),
                &[],
                self.pending.as_mut_slice().into(),
            )
            .expect("a 64 KiB chunk is within ChaCha20-Poly1305 limits");
        out.extend_from_slice(&self.pending);
        out.extend_from_slice(&tag);
        self.pending.clear();
        self.counter += 1;
    }
}

impl core::fmt::Debug for Encryptor {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("Encryptor(<redacted>)")
    }
}

enum DecryptorState {
    /// Collecting the header.
    Header {
        buf: Vec<u8>,
        progress: header::Progress,
    },
    /// The header is read; collecting the payload nonce.
    Nonce { file_key: FileKey, nonce: Vec<u8> },
    /// Decrypting chunks.
    Payload {
        key: Zeroizing<[u8; 32]>,
        counter: u64,
        /// Sealed chunk being filled; opened once we know whether it is the last.
        pending: Zeroizing<Vec<u8>>,
    },
    /// A previous call failed; every later call fails too.
    Failed,
}

/// Decrypts one age file with one identity, fed ciphertext by [`Decryptor::push`].
///
/// Plaintext is only returned after its chunk's tag has been checked; the file as a whole is
/// only known to be intact (not truncated, nothing appended) when [`Decryptor::finish`]
/// succeeds.
pub struct Decryptor {
    identity: Identity,
    state: DecryptorState,
}

impl Decryptor {
    /// Starts decrypting with `identity`.
    pub fn new(identity: &Identity) -> Self {
        Self {
            identity: identity.clone(),
            state: DecryptorState::Header {
                buf: Vec::new(),
                progress: header::Progress::default(),
            },
        }
    }

    /// Adds ciphertext; returns the plaintext that is ready (possibly empty).
    pub fn push(&mut self, ciphertext: &[u8]) -> Result<Vec<u8>, DecryptError> {
        let result = self.push_inner(ciphertext);
        if result.is_err() {
            self.state = DecryptorState::Failed;
        }
        result
    }

    fn push_inner(&mut self, ciphertext: &[u8]) -> Result<Vec<u8>, DecryptError> {
        let mut out = Vec::new();
        match &mut self.state {
            DecryptorState::Failed => return Err(DecryptError::Damaged),
            DecryptorState::Header { buf, progress } => {
                buf.extend_from_slice(ciphertext);
                let Some((file_key, header_len)) = header::read(buf, &self.identity, progress)?
                else {
                    return Ok(out);
                };
                // The header is read once: what follows goes to the nonce and the chunks.
                let rest = buf.split_off(header_len);
                self.state = DecryptorState::Nonce {
                    file_key,
                    nonce: Vec::with_capacity(PAYLOAD_NONCE_LEN),
                };
                return self.push_inner(&rest);
            }
            DecryptorState::Nonce { file_key, nonce } => {
                let take = (PAYLOAD_NONCE_LEN - nonce.len()).min(ciphertext.len());
                nonce.extend_from_slice(&ciphertext[..take]);
                if nonce.len() < PAYLOAD_NONCE_LEN {
                    return Ok(out);
                }
                let key = payload_key(file_key, nonce);
                self.state = DecryptorState::Payload {
                    key,
                    counter: 0,
                    pending: Zeroizing::new(Vec::with_capacity(SEALED_CHUNK_LEN)),
                };
                self.open_chunks(&ciphertext[take..], &mut out)?;
            }
            DecryptorState::Payload { .. } => self.open_chunks(ciphertext, &mut out)?,
        }
        Ok(out)
    }

    fn open_chunks(&mut self, mut input: &[u8], out: &mut Vec<u8>) -> Result<(), DecryptError> {
        let DecryptorState::Payload {
            key,
            counter,
            pending,
        } = &mut self.state
        else {
            unreachable!("only called in the payload state");
        };
        out.reserve(input.len());
        while !input.is_empty() {
            if pending.len() == SEALED_CHUNK_LEN {
                // More ciphertext follows, so the full chunk is not the last one.
                open_chunk(key, counter, pending, false, out)?;
            }
            let take = (SEALED_CHUNK_LEN - pending.len()).min(input.len());
            pending.extend_from_slice(&input[..take]);
            input = &input[take..];
        }
        Ok(())
    }

    /// Checks that the file ended properly and returns the last plaintext.
    pub fn finish(mut self) -> Result<Vec<u8>, DecryptError> {
        let DecryptorState::Payload {
            key,
            counter,
            pending,
        } = &mut self.state
        else {
            return Err(DecryptError::Damaged);
        };
        // An empty last chunk is only valid as the single chunk of an empty payload.
        if pending.len() < TAG_LEN || (pending.len() == TAG_LEN && *counter > 0) {
            return Err(DecryptError::Damaged);
        }
        let mut out = Vec::with_capacity(pending.len());
        open_chunk(key, counter, pending, true, &mut out)?;
        Ok(out)
    }
}

fn open_chunk(
    key: &[u8; 32],
    counter: &mut u64,
    pending: &mut Vec<u8>,
    last: bool,
    out: &mut Vec<u8>,
) -> Result<(), DecryptError> {
    let split = pending.len() - TAG_LEN;
    let (body, tag) = pending.split_at_mut(split);
    let tag = Tag::try_from(&*tag).map_err(|_| DecryptError::Damaged)?;
    header::cipher(key)
        .decrypt_inout_detached(&chunk_nonce(*counter, last), &[], body.into(), &tag)
        .map_err(|_| DecryptError::Damaged)?;
    out.extend_from_slice(body);
    pending.clear();
    *counter += 1;
    Ok(())
}

impl core::fmt::Debug for Decryptor {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        f.write_str("Decryptor(<redacted>)")
    }
}
