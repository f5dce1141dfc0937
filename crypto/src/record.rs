//! The wallet record: a small JSON document the holder's browser keeps on the server for
//! itself, encrypted to the wallet's own recipient W, so that the server stores it but cannot
//! read it (docs/formats.md, "Wallet record"). Its first content is the workers the holder
//! shared with and the key each had, for the browser to notice a key that changes.
//!
//! This crate owns the envelope: an age file to W holding a compact JSON object with a
//! version field `v`, padded with spaces to [`record_padded_len`] so that its size tells
//! little about how many entries it holds. What the entries mean is the web client's
//! (`wallet-record.ts`), which also merges two versions of it.

use core::fmt;

use rand_core::CryptoRng;
use zeroize::Zeroizing;

use crate::format::{self, DecryptError};
use crate::identity::{Identity, Recipient};
use crate::padding::{pad_with_spaces, padme, strip_spaces};

/// The longest record JSON text, in bytes: once padded and encrypted it stays within the
/// server's 64 KiB limit (`padme(60 KiB)` is 60 KiB; the age header and tag add under 300
/// bytes).
pub const MAX_RECORD_TEXT: usize = 60 * 1024;

/// The padded length of a record JSON text of `len` bytes: `padme(max(len, 1024))`.
pub fn record_padded_len(len: u64) -> u64 {
    padme(len.max(1024))
}

/// Why a record could not be sealed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum RecordError {
    /// Not a compact JSON object with an integer `v`, or ending in a space.
    Invalid,
    /// Longer than [`MAX_RECORD_TEXT`].
    TooLarge,
    /// The recipient is a low-order point, which no real key is.
    Recipient,
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Invalid => "the record is not a JSON object with a version",
            Self::TooLarge => "the record is larger than 60 KiB",
            Self::Recipient => "the recipient cannot be encrypted to",
        })
    }
}

impl core::error::Error for RecordError {}

/// Whether `json` is a JSON object whose `v` is a non-negative integer, without trailing
/// spaces (the padding would eat them).
fn is_record(json: &str) -> bool {
    if json.ends_with(' ') {
        return false;
    }
    serde_json::from_str::<serde_json::Value>(json)
        .ok()
        .and_then(|v| v.get("v").and_then(serde_json::Value::as_u64))
        .is_some()
}

/// Encrypts a record JSON text to `wallet` (the wallet's own recipient), padded with spaces.
pub fn seal_record<R: CryptoRng + ?Sized>(
    wallet: &Recipient,
    json: &str,
    rng: &mut R,
) -> Result<Vec<u8>, RecordError> {
    if json.len() > MAX_RECORD_TEXT {
        return Err(RecordError::TooLarge);
    }
    if !is_record(json) {
        return Err(RecordError::Invalid);
    }
    let padded = pad_with_spaces(json.to_owned(), record_padded_len);
    format::encrypt(wallet, &padded, rng).map_err(|_| RecordError::Recipient)
}

/// Decrypts a record with the wallet identity; returns its JSON text. A file that opens but is
/// not a correctly padded record is [`DecryptError::Damaged`].
pub fn open_record(
    wallet: &Identity,
    ciphertext: &[u8],
) -> Result<Zeroizing<String>, DecryptError> {
    let padded = Zeroizing::new(format::decrypt(wallet, ciphertext)?);
    let json = strip_spaces(&padded, record_padded_len).ok_or(DecryptError::Damaged)?;
    if !is_record(json) {
        return Err(DecryptError::Damaged);
    }
    Ok(Zeroizing::new(json.to_owned()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_chacha::ChaCha20Rng;
    use rand_core::SeedableRng;

    #[test]
    fn a_record_opens_with_its_wallet_only_and_its_size_hides_small_differences() {
        let mut rng = ChaCha20Rng::from_seed([3; 32]);
        let w = Identity::generate(&mut rng);
        let other = Identity::generate(&mut rng);
        let json = r#"{"v":1,"workers":[]}"#;
        let file = seal_record(&w.recipient(), json, &mut rng).unwrap();
        assert_eq!(open_record(&w, &file).unwrap().as_str(), json);
        assert_eq!(open_record(&other, &file), Err(DecryptError::WrongKey));
        let longer = r#"{"v":1,"workers":[{"id":"00112233445566778899aabbccddeeff"}]}"#;
        let file2 = seal_record(&w.recipient(), longer, &mut rng).unwrap();
        assert_eq!(file.len(), file2.len());
    }

    #[test]
    fn not_a_record_is_refused_both_ways() {
        let mut rng = ChaCha20Rng::from_seed([4; 32]);
        let w = Identity::generate(&mut rng);
        for bad in ["[]", "{}", r#"{"v":"1"}"#, r#"{"v":1} "#, "not json"] {
            assert_eq!(
                seal_record(&w.recipient(), bad, &mut rng),
                Err(RecordError::Invalid),
                "{bad}"
            );
        }
        let big = format!(r#"{{"v":1,"x":"{}"}}"#, "a".repeat(MAX_RECORD_TEXT));
        assert_eq!(
            seal_record(&w.recipient(), &big, &mut rng),
            Err(RecordError::TooLarge)
        );
        let at_limit = format!(r#"{{"v":1,"x":"{}"}}"#, "a".repeat(MAX_RECORD_TEXT - 14));
        assert_eq!(at_limit.len(), MAX_RECORD_TEXT);
        let file = seal_record(&w.recipient(), &at_limit, &mut rng).unwrap();
        assert!(file.len() <= 64 * 1024, "{}", file.len());
        // An age file to W that holds something else (a note, unpadded text) is damaged.
        let plain = format::encrypt(&w.recipient(), br#"{"v":1}"#, &mut rng).unwrap();
        assert_eq!(open_record(&w, &plain), Err(DecryptError::Damaged));
        let mut padded = br#"["not an object"]"#.to_vec();
        padded.resize(1024, b' ');
        let file = format::encrypt(&w.recipient(), &padded, &mut rng).unwrap();
        assert_eq!(open_record(&w, &file), Err(DecryptError::Damaged));
    }
}
