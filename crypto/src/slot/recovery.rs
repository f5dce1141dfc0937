//! Recovery codes: 128 random bits written as 26 Crockford Base32 characters and a check
//! character, grouped by 4 (`XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXC`).

use core::fmt;

use rand_core::CryptoRng;
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use super::SlotKeys;

const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const CHECK_ALPHABET: &[u8; 37] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U";
const DATA_CHARS: usize = 26;
const RECOVERY_AUTH_INFO: &[u8] = b"pde/v1/recovery/auth";
const RECOVERY_SLOT_INFO: &[u8] = b"pde/v1/recovery/slot";

/// A recovery code: 128 random bits.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct RecoveryCode {
    bytes: [u8; 16],
}

/// Why a typed recovery code was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum RecoveryCodeError {
    /// Not 27 characters once spaces and dashes are removed.
    Length,
    /// A character that cannot appear in a recovery code.
    Character,
    /// Well-formed, but the check character does not match: a character was mistyped.
    CheckCharacter,
}

impl fmt::Display for RecoveryCodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Length => "a recovery code has 27 characters",
            Self::Character => "the recovery code contains a character that cannot appear in it",
            Self::CheckCharacter => "the check character does not match: a character is mistyped",
        })
    }
}

impl core::error::Error for RecoveryCodeError {}

impl RecoveryCode {
    /// A new random code.
    pub fn generate<R: CryptoRng + ?Sized>(rng: &mut R) -> Self {
        let mut bytes = [0u8; 16];
        rng.fill_bytes(&mut bytes);
        Self { bytes }
    }

    /// The display form, in memory that is zeroized on drop.
    pub fn to_display_string(&self) -> Zeroizing<String> {
        let value = Zeroizing::new(u128::from_be_bytes(self.bytes));
        let mut symbols = Zeroizing::new([0u8; DATA_CHARS + 1]);
        for (i, symbol) in symbols.iter_mut().take(DATA_CHARS - 1).enumerate() {
            *symbol = ALPHABET[((*value >> (123 - 5 * i)) & 31) as usize];
        }
        // The last data character holds the low 3 bits followed by two zero bits.
        symbols[DATA_CHARS - 1] = ALPHABET[((*value & 0b111) << 2) as usize];
        symbols[DATA_CHARS] = CHECK_ALPHABET[(*value % 37) as usize];
        let mut out = Zeroizing::new(String::with_capacity(34));
        for (i, &symbol) in symbols.iter().enumerate() {
            if i > 0 && i % 4 == 0 {
                out.push('-');
            }
            out.push(char::from(symbol));
        }
        out
    }

    /// Parses a typed code: case-insensitive, spaces and dashes ignored, `I`/`L` read as `1`
    /// and `O` as `0`.
    pub fn parse(text: &str) -> Result<Self, RecoveryCodeError> {
        let mut symbols = Zeroizing::new(Vec::with_capacity(DATA_CHARS + 1));
        for c in text.chars() {
            if c == '-' || c.is_whitespace() {
                continue;
            }
            if symbols.len() > DATA_CHARS || !c.is_ascii() {
                return Err(if c.is_ascii() {
                    RecoveryCodeError::Length
                } else {
                    RecoveryCodeError::Character
                });
            }
            symbols.push(match c.to_ascii_uppercase() as u8 {
                b'I' | b'L' => b'1',
                b'O' => b'0',
                other => other,
            });
        }
        if symbols.len() != DATA_CHARS + 1 {
            return Err(RecoveryCodeError::Length);
        }
        let mut value = Zeroizing::new(0u128);
        for &symbol in &symbols[..DATA_CHARS - 1] {
            *value = (*value << 5) | u128::from(index_of(ALPHABET, symbol)?);
        }
        let last = index_of(ALPHABET, symbols[DATA_CHARS - 1])?;
        if last & 0b11 != 0 {
            return Err(RecoveryCodeError::Character);
        }
        *value = (*value << 3) | u128::from(last >> 2);
        let check = index_of(CHECK_ALPHABET, symbols[DATA_CHARS])?;
        if u128::from(check) != *value % 37 {
            return Err(RecoveryCodeError::CheckCharacter);
        }
        Ok(Self {
            bytes: value.to_be_bytes(),
        })
    }

    /// The slot keys of this code.
    pub fn derive_keys(&self) -> SlotKeys {
        SlotKeys::from_material(&self.bytes, RECOVERY_AUTH_INFO, RECOVERY_SLOT_INFO)
    }
}

impl fmt::Debug for RecoveryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("RecoveryCode(<redacted>)")
    }
}

fn index_of<const N: usize>(alphabet: &[u8; N], symbol: u8) -> Result<u8, RecoveryCodeError> {
    alphabet
        .iter()
        .position(|&c| c == symbol)
        .map(|i| i as u8)
        .ok_or(RecoveryCodeError::Character)
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_chacha::ChaCha20Rng;
    use rand_core::SeedableRng;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn known_values() {
        let zero = RecoveryCode { bytes: [0; 16] };
        assert_eq!(
            *zero.to_display_string(),
            "0000-0000-0000-0000-0000-0000-000"
        );
        let max = RecoveryCode { bytes: [0xff; 16] };
        // 2^128 - 1 ≡ 2^20 - 1 ≡ 32 (mod 37), since 2^36 ≡ 1; check symbol 32 is '*'.
        assert_eq!(
            *max.to_display_string(),
            "ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZZZZ-ZW*"
        );
    }

    #[test]
    fn round_trip_and_lenient_input() {
        let mut rng = ChaCha20Rng::from_seed([4; 32]);
        for _ in 0..200 {
            let code = RecoveryCode::generate(&mut rng);
            let text = code.to_display_string();
            assert_eq!(text.len(), 33);
            let parsed = RecoveryCode::parse(&text).unwrap();
            assert_eq!(parsed.bytes, code.bytes);
            let sloppy: String = text
                .chars()
                .filter(|&c| c != '-')
                .map(|c| match c {
                    '1' => 'l',
                    '0' => 'o',
                    c => c.to_ascii_lowercase(),
                })
                .collect();
            let sloppy = format!(" {} {} ", &sloppy[..13], &sloppy[13..]);
            assert_eq!(RecoveryCode::parse(&sloppy).unwrap().bytes, code.bytes);
        }
    }

    #[test]
    fn every_single_character_substitution_is_caught() {
        let code = RecoveryCode::generate(&mut ChaCha20Rng::from_seed([5; 32]));
        let text: Vec<u8> = code
            .to_display_string()
            .bytes()
            .filter(|&c| c != b'-')
            .collect();
        for position in 0..text.len() {
            for &replacement in ALPHABET {
                if replacement == text[position] {
                    continue;
                }
                let mut typo = text.clone();
                typo[position] = replacement;
                let typo = String::from_utf8(typo).unwrap();
                assert!(
                    RecoveryCode::parse(&typo).is_err(),
                    "{position} {replacement}"
                );
            }
        }
    }

    #[test]
    fn errors_say_what_is_wrong() {
        let code = RecoveryCode { bytes: [0x5a; 16] };
        let text = code.to_display_string();
        assert_eq!(
            RecoveryCode::parse(&text[..30]).unwrap_err(),
            RecoveryCodeError::Length
        );
        assert_eq!(
            RecoveryCode::parse(&format!("{}0", &*text)).unwrap_err(),
            RecoveryCodeError::Length
        );
        let bad_char = text.replacen(&text[..1], "U", 1);
        assert_eq!(
            RecoveryCode::parse(&bad_char).unwrap_err(),
            RecoveryCodeError::Character
        );
        let mut chars: Vec<char> = text.chars().collect();
        let last = chars.len() - 1;
        chars[last] = if chars[last] == '0' { '1' } else { '0' };
        let wrong_check: String = chars.into_iter().collect();
        assert_eq!(
            RecoveryCode::parse(&wrong_check).unwrap_err(),
            RecoveryCodeError::CheckCharacter
        );
    }

    #[test]
    fn recovery_keys_differ_from_each_other_and_between_codes() {
        let a = RecoveryCode { bytes: [1; 16] }.derive_keys();
        let b = RecoveryCode { bytes: [2; 16] }.derive_keys();
        assert_ne!(a.auth_key(), b.auth_key());
        assert_ne!(a.auth_key, a.slot_seed);
    }
}
