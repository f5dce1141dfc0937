//! Worker card codes: the first 40 bits of the fingerprint of the worker's wallet recipient,
//! written as 8 Crockford Base32 characters and one check character (the value mod 37), shown
//! as `XXXX-XXXX-C` (docs/sharing.md, "Worker card code"). A holder's browser recomputes the
//! fingerprint of the recipient the server answers for a code and refuses a mismatch, so the
//! server cannot swap a worker's key without finding a key with the same 40 bits.

use std::fmt;
use std::str::FromStr;

use sha2::{Digest, Sha256};

/// Crockford's Base32 alphabet, big-endian digits.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// Crockford's check alphabet: the 32 digits and 5 more symbols, indexed by value mod 37.
const CHECK_ALPHABET: &[u8; 37] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ*~$=U";
/// Number of value characters.
const DIGITS: usize = 8;
/// Largest value plus one.
const LIMIT: u64 = 1 << 40;

/// A worker's card code: a value below 2^40.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct WorkerCode(u64);

/// Why a typed code was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkerCodeError {
    /// Not 8 code characters and a check character.
    Malformed,
    /// Well formed, but the check character does not match: a typing mistake.
    Mistyped,
}

impl fmt::Display for WorkerCodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Malformed => {
                "a worker code is 8 characters and a check character, e.g. 0000-0001-1"
            }
            Self::Mistyped => {
                "the check character of the worker code does not match; it was probably mistyped"
            }
        })
    }
}

impl std::error::Error for WorkerCodeError {}

/// The fingerprint of a wallet recipient: SHA-256 of its text form (`age1…`, as stored).
pub fn recipient_fingerprint(recipient: &str) -> [u8; 32] {
    let mut out = [0u8; 32];
    out.copy_from_slice(&Sha256::digest(recipient.as_bytes()));
    out
}

impl WorkerCode {
    /// The code of a wallet recipient: the first 40 bits of its fingerprint, big-endian.
    pub fn of_recipient(recipient: &str) -> Self {
        let fp = recipient_fingerprint(recipient);
        let mut first = [0u8; 8];
        first[3..].copy_from_slice(&fp[..5]);
        Self(u64::from_be_bytes(first))
    }

    /// The code of `value`, if it is below 2^40.
    pub fn from_value(value: u64) -> Option<Self> {
        (value < LIMIT).then_some(Self(value))
    }

    /// The 40-bit value.
    pub fn value(self) -> u64 {
        self.0
    }

    fn check_char(self) -> u8 {
        CHECK_ALPHABET[(self.0 % 37) as usize]
    }
}

impl fmt::Display for WorkerCode {
    /// The display form `XXXX-XXXX-C`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut out = String::with_capacity(11);
        for i in 0..DIGITS {
            if i == 4 {
                out.push('-');
            }
            let shift = 5 * (DIGITS - 1 - i);
            out.push(ALPHABET[((self.0 >> shift) & 31) as usize] as char);
        }
        out.push('-');
        out.push(self.check_char() as char);
        f.write_str(&out)
    }
}

impl fmt::Debug for WorkerCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "WorkerCode({self})")
    }
}

/// One typed character in canonical form: upper case, `I`/`L` read as `1`, `O` as `0`.
fn canonical(c: char) -> char {
    match c.to_ascii_uppercase() {
        'I' | 'L' => '1',
        'O' => '0',
        other => other,
    }
}

impl FromStr for WorkerCode {
    type Err = WorkerCodeError;

    /// Reads a typed code: case-insensitive, spaces and `-` ignored, `I`/`L` read as `1` and
    /// `O` as `0`.
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let chars: Vec<char> = s
            .chars()
            .filter(|c| *c != '-' && !c.is_whitespace())
            .map(canonical)
            .collect();
        if chars.len() != DIGITS + 1 {
            return Err(WorkerCodeError::Malformed);
        }
        let mut value = 0u64;
        for c in &chars[..DIGITS] {
            let digit = ALPHABET
                .iter()
                .position(|a| char::from(*a) == *c)
                .ok_or(WorkerCodeError::Malformed)?;
            value = (value << 5) | digit as u64;
        }
        let check = chars[DIGITS];
        if !CHECK_ALPHABET.iter().any(|a| char::from(*a) == check) {
            return Err(WorkerCodeError::Malformed);
        }
        let code = Self(value);
        if char::from(code.check_char()) != check {
            return Err(WorkerCodeError::Mistyped);
        }
        Ok(code)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The examples of docs/sharing.md.
    const EXAMPLES: &[(u64, &str)] = &[
        (0, "0000-0000-0"),
        (1, "0000-0001-1"),
        (123_456_789, "003N-QK8N-U"),
        (387_564_052_263, "B8Y9-W7S7-8"),
        ((1 << 40) - 1, "ZZZZ-ZZZZ-F"),
    ];

    #[test]
    fn the_documented_examples_format_and_parse() {
        for &(value, text) in EXAMPLES {
            let code = WorkerCode::from_value(value).unwrap();
            assert_eq!(code.to_string(), text, "{value}");
            assert_eq!(text.parse::<WorkerCode>(), Ok(code), "{text}");
        }
        assert_eq!(WorkerCode::from_value(1 << 40), None);
    }

    #[test]
    fn input_is_forgiving_about_case_separators_and_look_alikes() {
        let code = WorkerCode::from_value(387_564_052_263).unwrap();
        for typed in [
            "b8y9w7s78",
            " b8y9 - w7s7 - 8 ",
            "B8Y9W7S7-8",
            "b8y9-w7s7-8",
        ] {
            assert_eq!(typed.parse::<WorkerCode>(), Ok(code), "{typed:?}");
        }
        let one = WorkerCode::from_value(1).unwrap();
        for typed in ["OOOO-OOOI-1", "oooo-oool-l", "0000 000i i"] {
            assert_eq!(typed.parse::<WorkerCode>(), Ok(one), "{typed:?}");
        }
        // The check symbols beyond the digits, and `U` in check position.
        assert_eq!(
            "003n-qk8n-u".parse::<WorkerCode>().unwrap().value(),
            123_456_789
        );
    }

    #[test]
    fn wrong_shapes_are_malformed_and_wrong_checks_mistyped() {
        for bad in [
            "",
            "0000-0000",
            "0000-0000-00",
            "0000-000U-0",
            "0000-0000-#",
            "0000-0000-é",
            "ZZZZ-ZZZZ-ZZ",
        ] {
            assert_eq!(
                bad.parse::<WorkerCode>(),
                Err(WorkerCodeError::Malformed),
                "{bad:?}"
            );
        }
        for bad in ["0000-0000-1", "0000-0001-0", "B8Y9-W7S7-9", "003N-QK8N-$"] {
            assert_eq!(
                bad.parse::<WorkerCode>(),
                Err(WorkerCodeError::Mistyped),
                "{bad:?}"
            );
        }
    }

    /// The example of docs/sharing.md: SHA-256 of this recipient is `a2c2fb04b2…`.
    const RECIPIENT: &str = "age15kf8u3lzgwmnu3dm9mf8knsleayaplyp574fvld3r9cgzqep2euqsydhnq";
    const DOC_FINGERPRINT: &str =
        "a2c2fb04b2cbf641c1ba89e8c0c9249973a02fc145ede40c1125e6d1368293d5";
    const DOC_CODE: &str = "MB1F-P15J-Q";

    #[test]
    fn a_code_is_the_first_40_bits_of_the_recipient_fingerprint() {
        let fp = recipient_fingerprint(RECIPIENT);
        let hex: String = fp.iter().map(|b| format!("{b:02x}")).collect();
        assert_eq!(hex, DOC_FINGERPRINT);
        let expected = fp[..5].iter().fold(0u64, |v, b| (v << 8) | u64::from(*b));
        let code = WorkerCode::of_recipient(RECIPIENT);
        assert_eq!(code.value(), expected);
        assert_eq!(code.to_string(), DOC_CODE);
        assert_eq!(code.to_string().parse::<WorkerCode>(), Ok(code));
        // One character more or less in the recipient gives another code.
        assert_ne!(
            WorkerCode::of_recipient(&RECIPIENT[..RECIPIENT.len() - 1]),
            code
        );
    }
}
