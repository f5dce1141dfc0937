//! Field rules shared by several routes.

use serde::{Deserialize, Serialize};
use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
use utoipa::ToSchema;

use crate::error::AppError;
use crate::storage::KdfParams;

/// Length of an account's Argon2id salt in bytes (real ones and fake ones alike).
pub const SALT_LEN: usize = 16;
/// Length of an auth key in bytes.
pub const AUTH_KEY_LEN: usize = 32;
/// Largest key slot ciphertext.
pub const MAX_SLOT_BYTES: usize = 4 * 1024;
/// Largest owner envelope ciphertext.
pub const MAX_ENVELOPE_BYTES: usize = 4 * 1024;
/// Largest metadata ciphertext.
pub const MAX_METADATA_BYTES: usize = 64 * 1024;
/// Largest JSON body.
pub const MAX_JSON_BYTES: usize = 256 * 1024;
/// Largest share envelope ciphertext.
pub const MAX_SHARE_ENVELOPE_BYTES: usize = 4 * 1024;
/// Largest note ciphertext.
pub const MAX_NOTE_BYTES: usize = 8 * 1024;
/// Largest wallet record (docs/formats.md, "Wallet record").
pub const MAX_RECORD_BYTES: usize = 64 * 1024;
/// Most documents in one share.
pub const MAX_SHARE_DOCUMENTS: usize = 50;
/// Shortest share, in seconds (1 hour).
pub const MIN_SHARE_SECS: u64 = 3600;
/// Longest worker share, in seconds (90 days).
pub const MAX_WORKER_SHARE_SECS: u64 = 7_776_000;
/// Longest link, in seconds (7 days).
pub const MAX_LINK_SECS: u64 = 604_800;
/// Length of a link's access key in bytes.
pub const ACCESS_KEY_LEN: usize = 32;
/// How every age file begins.
pub const AGE_HEADER: &[u8] = b"age-encryption.org/v1\n";
/// Accepted Argon2id memory costs in KiB: the range of `Argon2Params` in `pde-crypto`
/// (64 MiB, the version 1 default, to 256 MiB).
pub const KDF_M_KIB: std::ops::RangeInclusive<u32> = 65_536..=262_144;
/// Accepted Argon2id passes (as `Argon2Params`).
pub const KDF_T: std::ops::RangeInclusive<u32> = 3..=16;
/// Accepted Argon2id lanes (as `Argon2Params`).
pub const KDF_P: std::ops::RangeInclusive<u32> = 1..=4;

/// A pseudonym, trimmed, and the key it is looked up by.
#[derive(Debug, Clone)]
pub struct Pseudonym {
    /// As chosen, surrounding white space removed.
    pub display: String,
    /// Lower-cased: pseudonyms are compared case-insensitively.
    pub key: String,
}

/// Refuses control characters and Unicode format characters (general category Cf: the
/// bidirectional controls U+202A–U+202E, U+2066–U+2069, U+200E, U+200F, U+061C, and invisible
/// ones such as U+200B–U+200D, U+2060, U+FEFF, U+00AD), which could make a name look like
/// another one.
fn visible_text(field: &str, text: &str) -> Result<(), AppError> {
    if text.chars().any(char::is_control) {
        return Err(AppError::field(
            field,
            "must not contain control characters",
        ));
    }
    if let Some(c) = text
        .chars()
        .find(|c| c.general_category() == GeneralCategory::Format)
    {
        return Err(AppError::field(
            field,
            format!(
                "must not contain invisible or text-direction characters (U+{:04X})",
                u32::from(c)
            ),
        ));
    }
    Ok(())
}

/// Checks a pseudonym: 3 to 64 characters after trimming, no control, invisible or
/// text-direction characters.
pub fn pseudonym(raw: &str) -> Result<Pseudonym, AppError> {
    let display = raw.trim();
    let chars = display.chars().count();
    if !(3..=64).contains(&chars) {
        return Err(AppError::field("pseudonym", "must be 3 to 64 characters"));
    }
    visible_text("pseudonym", display)?;
    Ok(Pseudonym {
        display: display.to_owned(),
        key: display.to_lowercase(),
    })
}

/// Checks an age X25519 recipient (`age1` and 58 Bech32 characters).
pub fn recipient(raw: &str) -> Result<String, AppError> {
    const CHARSET: &str = "qpzry9x8gf2tvdw0s3jn54khce6mua7l";
    let ok =
        raw.len() == 62 && raw.starts_with("age1") && raw[4..].chars().all(|c| CHARSET.contains(c));
    if !ok {
        return Err(AppError::field(
            "recipient",
            "must be an age X25519 recipient (age1…)",
        ));
    }
    Ok(raw.to_owned())
}

/// Checks a worker's real name: 2 to 100 characters after trimming, no control, invisible or
/// text-direction characters.
pub fn real_name(raw: &str) -> Result<String, AppError> {
    let name = raw.trim();
    if !(2..=100).contains(&name.chars().count()) {
        return Err(AppError::field("real_name", "must be 2 to 100 characters"));
    }
    visible_text("real_name", name)?;
    Ok(name.to_owned())
}

/// Checks the name a person gives a passkey: 1 to 64 characters after trimming, no control,
/// invisible or text-direction characters.
pub fn passkey_name(raw: &str) -> Result<String, AppError> {
    let name = raw.trim();
    if !(1..=64).contains(&name.chars().count()) {
        return Err(AppError::field("name", "must be 1 to 64 characters"));
    }
    visible_text("name", name)?;
    Ok(name.to_owned())
}

/// Checks an age file of 1 to `max` bytes (it must begin with the age header).
pub fn age_file(field: &str, bytes: Vec<u8>, max: usize) -> Result<Vec<u8>, AppError> {
    if bytes.is_empty() || bytes.len() > max {
        return Err(AppError::field(
            field,
            format!("must be 1 to {max} bytes, not {}", bytes.len()),
        ));
    }
    if !bytes.starts_with(AGE_HEADER) {
        return Err(AppError::field(field, "must be an age file"));
    }
    Ok(bytes)
}

/// Checks a link PIN: exactly 6 ASCII digits.
pub fn pin(raw: &str) -> Result<&str, AppError> {
    if raw.len() == 6 && raw.bytes().all(|b| b.is_ascii_digit()) {
        Ok(raw)
    } else {
        Err(AppError::field("pin", "must be exactly 6 digits"))
    }
}

/// Argon2id parameters as carried in JSON.
#[derive(Debug, Clone, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct KdfJson {
    /// Always `argon2id`.
    #[schema(example = "argon2id")]
    pub alg: String,
    /// Memory in KiB.
    pub m_kib: u32,
    /// Passes.
    pub t: u32,
    /// Lanes.
    pub p: u32,
}

impl From<KdfParams> for KdfJson {
    fn from(k: KdfParams) -> Self {
        Self {
            alg: "argon2id".to_owned(),
            m_kib: k.m_kib,
            t: k.t,
            p: k.p,
        }
    }
}

impl KdfJson {
    /// Checks the parameters are within the range the client accepts (`Argon2Params` in
    /// `pde-crypto`: never cheaper than the version 1 defaults, never more than a cheap phone
    /// can run), so nobody can store parameters that make a passphrase cheap to guess.
    pub fn check(&self) -> Result<KdfParams, AppError> {
        if self.alg != "argon2id" {
            return Err(AppError::field("kdf.alg", "must be \"argon2id\""));
        }
        if !KDF_P.contains(&self.p) {
            return Err(AppError::field("kdf.p", "must be 1 to 4"));
        }
        if !KDF_T.contains(&self.t) {
            return Err(AppError::field("kdf.t", "must be 3 to 16"));
        }
        if !KDF_M_KIB.contains(&self.m_kib) {
            return Err(AppError::field("kdf.m_kib", "must be 65536 to 262144"));
        }
        Ok(KdfParams {
            m_kib: self.m_kib,
            t: self.t,
            p: self.p,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pseudonym_rules() {
        assert_eq!(pseudonym("  Moon Fox ").unwrap().key, "moon fox");
        assert_eq!(pseudonym("Élise").unwrap().key, "élise");
        assert!(pseudonym("ab").is_err());
        assert!(pseudonym("   ab   ").is_err());
        assert!(pseudonym(&"x".repeat(65)).is_err());
        assert!(pseudonym(&"é".repeat(64)).is_ok());
        assert!(pseudonym("bad\u{7}name").is_err());
        assert!(pseudonym("two\nlines").is_err());
    }

    #[test]
    fn real_name_rules() {
        assert_eq!(real_name("  Jo ").unwrap(), "Jo");
        assert!(real_name(" J ").is_err());
        assert!(real_name(&"é".repeat(100)).is_ok());
        assert!(real_name(&"é".repeat(101)).is_err());
        assert!(real_name("Ann\u{0}e").is_err());
    }

    #[test]
    fn age_file_and_pin_rules() {
        let file = |len: usize| {
            let mut v = AGE_HEADER.to_vec();
            v.resize(len, b'x');
            v
        };
        assert!(age_file("envelope", file(4096), 4096).is_ok());
        assert!(age_file("envelope", file(4097), 4096).is_err());
        assert!(age_file("envelope", Vec::new(), 4096).is_err());
        assert!(age_file("envelope", b"age-encryption.org/v2\nx".to_vec(), 4096).is_err());
        assert!(age_file("envelope", AGE_HEADER[..10].to_vec(), 4096).is_err());
        assert_eq!(pin("012345").unwrap(), "012345");
        for bad in ["12345", "1234567", "12345a", "١٢٣٤٥٦", "12 345", ""] {
            assert!(pin(bad).is_err(), "{bad:?}");
        }
    }
}
