//! Sharing: a document's identity D sealed to a worker or a link, link secrets, and notes.
//!
//! Sharing never re-encrypts a document: its content and metadata stay encrypted to D. A
//! holder shares a document by sealing D to someone else:
//!
//! - a **share envelope** has exactly the format of the owner envelope (D's text form
//!   encrypted to a recipient): to a worker's wallet recipient, or to the recipient of a link
//!   identity L. It opens with [`open_share_envelope`] (the same as
//!   [`document::open_envelope`]).
//! - a **link secret** ([`LinkSecret`]) is 32 random bytes written in the URL fragment of a
//!   share link as 43 unpadded Base64url characters. It derives the link identity L (to open
//!   the link's envelopes and note) and the access key the server checks.
//! - a **note** ([`Note`]) is a short message to the worker or link visitor, encrypted to the
//!   same recipient as the envelopes and padded like metadata so its length says little.
//!
//! ```
//! use pde_crypto::identity::Identity;
//! use pde_crypto::share::{self, LinkSecret, Note};
//! # use rand_core::SeedableRng;
//! # let mut rng = rand_chacha::ChaCha20Rng::from_seed([1; 32]);
//! let document = Identity::generate(&mut rng);
//! let link = LinkSecret::generate(&mut rng);
//! let envelope = share::seal_share_envelope(&document, &link.identity().recipient(), &mut rng)
//!     .unwrap();
//! let note = Note::new(Some("Marie".into()), "Pour le dossier".into()).unwrap();
//! let note_file = share::encrypt_note(&link.identity().recipient(), &note, &mut rng).unwrap();
//!
//! // The visitor only has the fragment.
//! let visitor = LinkSecret::parse(&link.to_fragment()).unwrap();
//! let opened = share::open_share_envelope(&envelope, &visitor.identity()).unwrap();
//! assert_eq!(opened.recipient(), document.recipient());
//! assert_eq!(share::decrypt_note(&visitor.identity(), &note_file).unwrap(), note);
//! ```

use core::fmt;

use rand_core::CryptoRng;
use serde::{Deserialize, Serialize};
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use crate::document;
use crate::format::{self, DecryptError, EncryptError, base64};
use crate::identity::{Identity, OpenError, Recipient};
use crate::kdf::hkdf_sha256;
use crate::padding::{note_padded_len, pad_with_spaces, strip_spaces};
use crate::version::NOTE_VERSION;

/// Length of a link secret in bytes.
pub const LINK_SECRET_LEN: usize = 32;

/// Length of a link secret's fragment: 32 bytes in unpadded Base64url.
pub const FRAGMENT_LEN: usize = 43;

/// The most characters (Unicode scalar values) a note's `text` may have.
pub const NOTE_MAX_TEXT_CHARS: usize = 2_000;

/// The most characters (Unicode scalar values) a note's `from` may have.
pub const NOTE_MAX_FROM_CHARS: usize = 100;

/// The largest note ciphertext the server stores (8 KiB). A note whose ciphertext would be
/// longer is refused, even within the character limits (2,000 four-byte characters are).
pub const NOTE_MAX_ENCRYPTED_LEN: u64 = 8 * 1024;

const LINK_IDENTITY_INFO: &[u8] = b"pde/v1/link/identity";
const LINK_ACCESS_INFO: &[u8] = b"pde/v1/link/access";

/// A share envelope: the document identity D sealed to `to` (a worker's wallet recipient or
/// a link recipient). The format is that of the owner envelope.
///
/// Fails only if `to` is a low-order point, which no real key is.
pub fn seal_share_envelope<R: CryptoRng + ?Sized>(
    document: &Identity,
    to: &Recipient,
    rng: &mut R,
) -> Result<Vec<u8>, EncryptError> {
    document::seal_envelope(document, to, rng)
}

/// Opens a share envelope with the identity it was sealed to (a worker's wallet identity or
/// a link identity L). This is [`document::open_envelope`]: the two envelopes do not differ.
pub fn open_share_envelope(envelope: &[u8], with: &Identity) -> Result<Identity, OpenError> {
    document::open_envelope(envelope, with)
}

/// The secret of a share link: 32 random bytes, written in the URL fragment.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct LinkSecret {
    bytes: [u8; LINK_SECRET_LEN],
}

/// Why a link fragment was refused. The message never repeats the fragment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum LinkSecretError {
    /// Not [`FRAGMENT_LEN`] characters long.
    Length,
    /// A character outside the Base64url alphabet, or a last character that is not the
    /// canonical encoding of 32 bytes.
    Encoding,
}

impl fmt::Display for LinkSecretError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Length => "a link secret has 43 characters",
            Self::Encoding => "the link secret is not valid Base64url",
        })
    }
}

impl core::error::Error for LinkSecretError {}

impl LinkSecret {
    /// A new random link secret.
    pub fn generate<R: CryptoRng + ?Sized>(rng: &mut R) -> Self {
        let mut bytes = [0u8; LINK_SECRET_LEN];
        rng.fill_bytes(&mut bytes);
        Self { bytes }
    }

    /// Parses a fragment: exactly 43 unpadded Base64url characters (no `#`, no padding, no
    /// white space), in their one canonical form.
    pub fn parse(fragment: &str) -> Result<Self, LinkSecretError> {
        if fragment.len() != FRAGMENT_LEN {
            return Err(LinkSecretError::Length);
        }
        let decoded = Zeroizing::new(
            base64::decode_url(fragment.as_bytes()).ok_or(LinkSecretError::Encoding)?,
        );
        let mut bytes = [0u8; LINK_SECRET_LEN];
        bytes.copy_from_slice(&decoded);
        Ok(Self { bytes })
    }

    /// The fragment form (43 Base64url characters), in memory that is zeroized on drop.
    pub fn to_fragment(&self) -> Zeroizing<String> {
        Zeroizing::new(base64::encode_url(&self.bytes))
    }

    /// The link identity L: its X25519 secret is
    /// `HKDF-SHA256(secret, salt = empty, info = "pde/v1/link/identity", 32 bytes)`.
    pub fn identity(&self) -> Identity {
        let mut seed = hkdf_sha256(&self.bytes, &[], LINK_IDENTITY_INFO);
        Identity::from_seed(&mut seed)
    }

    /// The access key sent to the server with every link request:
    /// `HKDF-SHA256(secret, salt = empty, info = "pde/v1/link/access", 32 bytes)`.
    pub fn access_key(&self) -> Zeroizing<[u8; 32]> {
        hkdf_sha256(&self.bytes, &[], LINK_ACCESS_INFO)
    }
}

impl fmt::Debug for LinkSecret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("LinkSecret(<redacted>)")
    }
}

/// A note to the worker or link visitor, version 1. Stored encrypted, never in clear.
///
/// Its JSON form is `{"v":1,"from":"Marie"|null,"text":"…"}`. A `Note` always satisfies the
/// limits: `from` at most [`NOTE_MAX_FROM_CHARS`] characters, `text` at most
/// [`NOTE_MAX_TEXT_CHARS`], and a ciphertext of at most [`NOTE_MAX_ENCRYPTED_LEN`] bytes.
#[derive(Clone, PartialEq, Eq)]
pub struct Note {
    from: Option<String>,
    text: String,
}

/// Why a note was refused. The message never repeats the note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum NoteError {
    /// Not note version 1 JSON (syntax, a missing or unknown field, or a wrong type).
    Invalid {
        /// Line of the problem (1-based; 0 if unknown).
        line: usize,
        /// Column of the problem (1-based; 0 if unknown).
        column: usize,
    },
    /// The `v` field is not a version this library reads.
    UnsupportedVersion,
    /// `from` has more than [`NOTE_MAX_FROM_CHARS`] characters.
    FromTooLong,
    /// `text` has more than [`NOTE_MAX_TEXT_CHARS`] characters.
    TextTooLong,
    /// The note's ciphertext would exceed [`NOTE_MAX_ENCRYPTED_LEN`] bytes.
    TooLarge,
}

impl fmt::Display for NoteError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Invalid { line, column } => {
                write!(f, "invalid note JSON at line {line} column {column}")
            }
            Self::UnsupportedVersion => f.write_str("unsupported note version"),
            Self::FromTooLong => f.write_str("the sender's name has more than 100 characters"),
            Self::TextTooLong => f.write_str("the note has more than 2000 characters"),
            Self::TooLarge => f.write_str("the note is too large once encoded"),
        }
    }
}

impl core::error::Error for NoteError {}

/// The JSON written: fields in this order.
#[derive(Serialize)]
struct NoteJsonOut<'a> {
    v: u32,
    from: Option<&'a str>,
    text: &'a str,
}

/// The JSON read.
#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NoteJsonIn {
    v: u32,
    from: Option<String>,
    text: String,
}

/// Just the version, to tell a note of another version from a malformed one.
#[derive(Deserialize)]
struct NoteVersion {
    v: u32,
}

impl Note {
    /// A note from `from` (the name the holder chooses to give, or `None`) with `text`.
    pub fn new(from: Option<String>, text: String) -> Result<Self, NoteError> {
        if from
            .as_deref()
            .is_some_and(|from| from.chars().count() > NOTE_MAX_FROM_CHARS)
        {
            return Err(NoteError::FromTooLong);
        }
        if text.chars().count() > NOTE_MAX_TEXT_CHARS {
            return Err(NoteError::TextTooLong);
        }
        let note = Self { from, text };
        let json_len = note.to_json().len() as u64;
        if format::age_len(note_padded_len(json_len)) > NOTE_MAX_ENCRYPTED_LEN {
            return Err(NoteError::TooLarge);
        }
        Ok(note)
    }

    /// Parses and checks a note JSON text.
    pub fn from_json(json: &str) -> Result<Self, NoteError> {
        let note: NoteJsonIn = match serde_json::from_str(json) {
            Ok(note) => note,
            Err(e) => {
                // A note of another version may have other fields: say so, not "invalid".
                if let Ok(NoteVersion { v }) = serde_json::from_str(json) {
                    if v != NOTE_VERSION {
                        return Err(NoteError::UnsupportedVersion);
                    }
                }
                return Err(NoteError::Invalid {
                    line: e.line(),
                    column: e.column(),
                });
            }
        };
        if note.v != NOTE_VERSION {
            return Err(NoteError::UnsupportedVersion);
        }
        Self::new(note.from, note.text)
    }

    /// The compact JSON text, `{"v":1,"from":…,"text":…}`.
    pub fn to_json(&self) -> String {
        serde_json::to_string(&NoteJsonOut {
            v: NOTE_VERSION,
            from: self.from.as_deref(),
            text: &self.text,
        })
        .expect("a note always serialises")
    }

    /// The name the holder chose to give, if any (else the reader shows the pseudonym).
    pub fn from(&self) -> Option<&str> {
        self.from.as_deref()
    }

    /// The note's text.
    pub fn text(&self) -> &str {
        &self.text
    }
}

impl fmt::Debug for Note {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The note is the holder's private message: keep it out of logs.
        f.debug_struct("Note").finish_non_exhaustive()
    }
}

/// Encrypts a note to `to`, padded with spaces to `padme(max(len, 256))` bytes.
///
/// Fails only if `to` is a low-order point, which no real key is.
pub fn encrypt_note<R: CryptoRng + ?Sized>(
    to: &Recipient,
    note: &Note,
    rng: &mut R,
) -> Result<Vec<u8>, EncryptError> {
    let text = pad_with_spaces(note.to_json(), note_padded_len);
    format::encrypt(to, &text, rng)
}

/// Decrypts a note with the identity it was encrypted to. Deliberately vague: a note that
/// opens but is not a valid, correctly padded note version 1 is [`DecryptError::Damaged`].
pub fn decrypt_note(identity: &Identity, ciphertext: &[u8]) -> Result<Note, DecryptError> {
    let padded = Zeroizing::new(format::decrypt(identity, ciphertext)?);
    let json = strip_spaces(&padded, note_padded_len).ok_or(DecryptError::Damaged)?;
    Note::from_json(json).map_err(|_| DecryptError::Damaged)
}
