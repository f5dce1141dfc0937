//! X25519 identities (secret keys) and recipients (public keys) with age's text forms.
//!
//! An identity prints as `AGE-SECRET-KEY-1…` (Bech32, upper case) and a recipient as `age1…`.
//! Secret types zeroize themselves on drop and never print their secret in `Debug`.

use core::fmt;
use core::str::FromStr;

use bech32::primitives::decode::CheckedHrpstring;
use bech32::{Bech32, Hrp};
use rand_core::CryptoRng;
use x25519_dalek::{PublicKey, StaticSecret};
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use crate::format::{self, DecryptError};

const SECRET_KEY_HRP: &str = "age-secret-key-";
const RECIPIENT_HRP: &str = "age";

/// An X25519 secret key: the wallet identity W, a document identity D, or a slot identity.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct Identity {
    secret: [u8; 32],
    /// The public key, computed once: every X25519 unwrap needs it, and a scalar
    /// multiplication per unwrap was a quarter of the cost of opening a long document list.
    public: [u8; 32],
}

/// An X25519 public key: what a ciphertext is encrypted to.
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub struct Recipient {
    public: [u8; 32],
}

/// Why a key string was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ParseKeyError {
    /// Not valid Bech32 (bad characters, mixed case, bad checksum).
    Encoding,
    /// Valid Bech32, but not the expected kind of key (wrong prefix).
    WrongKind,
    /// The key is not 32 bytes long.
    Length,
}

impl fmt::Display for ParseKeyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Encoding => "the key is not valid Bech32",
            Self::WrongKind => "the key has the wrong prefix",
            Self::Length => "the key has the wrong length",
        })
    }
}

impl core::error::Error for ParseKeyError {}

/// Why a sealed identity (a key slot or an envelope) could not be opened.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum OpenError {
    /// The ciphertext is not encrypted to the identity used to open it.
    WrongKey,
    /// The ciphertext is damaged, truncated or does not hold an identity.
    Damaged,
}

impl fmt::Display for OpenError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::WrongKey => "the key does not open this ciphertext",
            Self::Damaged => "the ciphertext is damaged",
        })
    }
}

impl core::error::Error for OpenError {}

impl From<DecryptError> for OpenError {
    fn from(e: DecryptError) -> Self {
        match e {
            DecryptError::WrongKey => Self::WrongKey,
            _ => Self::Damaged,
        }
    }
}

impl Identity {
    /// A new random identity.
    pub fn generate<R: CryptoRng + ?Sized>(rng: &mut R) -> Self {
        let mut secret = [0u8; 32];
        rng.fill_bytes(&mut secret);
        let identity = Self::from_secret(&secret);
        secret.zeroize();
        identity
    }

    /// The identity whose X25519 secret is `seed` (a slot seed). The array is zeroized.
    pub fn from_seed(seed: &mut [u8; 32]) -> Self {
        let identity = Self::from_secret(seed);
        seed.zeroize();
        identity
    }

    fn from_secret(secret: &[u8; 32]) -> Self {
        let public = PublicKey::from(&StaticSecret::from(*secret)).to_bytes();
        Self {
            secret: *secret,
            public,
        }
    }

    /// This identity's public recipient.
    pub fn recipient(&self) -> Recipient {
        Recipient {
            public: self.public,
        }
    }

    /// The text form `AGE-SECRET-KEY-1…`, in memory that is zeroized on drop.
    pub fn to_secret_string(&self) -> Zeroizing<String> {
        let hrp = Hrp::parse(SECRET_KEY_HRP).expect("constant HRP is valid");
        let lower = Zeroizing::new(
            bech32::encode::<Bech32>(hrp, &self.secret).expect("32 bytes fit in Bech32"),
        );
        Zeroizing::new(lower.to_ascii_uppercase())
    }

    /// Parses the text form `AGE-SECRET-KEY-1…` (upper case, as age writes it).
    pub fn parse(text: &str) -> Result<Self, ParseKeyError> {
        if text.bytes().any(|b| b.is_ascii_lowercase()) {
            // age writes and accepts secret keys in upper case only.
            return Err(ParseKeyError::Encoding);
        }
        let data = decode_bech32(text, SECRET_KEY_HRP)?;
        Ok(Self::from_secret(&data))
    }

    /// Encrypts this identity's text form to `to`: a key slot or a document envelope.
    pub fn seal_to<R: CryptoRng + ?Sized>(
        &self,
        to: &Recipient,
        rng: &mut R,
    ) -> Result<Vec<u8>, format::EncryptError> {
        format::encrypt(to, self.to_secret_string().as_bytes(), rng)
    }

    /// Opens a ciphertext made by [`Identity::seal_to`] with the identity it was sealed to.
    pub fn open_sealed(ciphertext: &[u8], with: &Identity) -> Result<Self, OpenError> {
        let plaintext = Zeroizing::new(format::decrypt(with, ciphertext)?);
        let text = core::str::from_utf8(&plaintext).map_err(|_| OpenError::Damaged)?;
        Self::parse(text).map_err(|_| OpenError::Damaged)
    }

    pub(crate) fn static_secret(&self) -> StaticSecret {
        StaticSecret::from(self.secret)
    }
}

impl fmt::Debug for Identity {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Identity(<redacted>)")
    }
}

impl FromStr for Identity {
    type Err = ParseKeyError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

impl Recipient {
    /// The recipient with these public key bytes.
    pub fn from_bytes(public: [u8; 32]) -> Self {
        Self { public }
    }

    /// The 32 public key bytes.
    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.public
    }

    /// Parses the text form `age1…` (lower case, as age writes it).
    pub fn parse(text: &str) -> Result<Self, ParseKeyError> {
        if text.bytes().any(|b| b.is_ascii_uppercase()) {
            return Err(ParseKeyError::Encoding);
        }
        let data = decode_bech32(text, RECIPIENT_HRP)?;
        Ok(Self { public: *data })
    }
}

impl fmt::Display for Recipient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let hrp = Hrp::parse(RECIPIENT_HRP).expect("constant HRP is valid");
        let text = bech32::encode::<Bech32>(hrp, &self.public).expect("32 bytes fit in Bech32");
        f.write_str(&text)
    }
}

impl fmt::Debug for Recipient {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "Recipient({self})")
    }
}

impl FromStr for Recipient {
    type Err = ParseKeyError;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Self::parse(s)
    }
}

/// Decodes Bech32 (not Bech32m) with the expected human-readable part into 32 bytes.
fn decode_bech32(text: &str, expected_hrp: &str) -> Result<Zeroizing<[u8; 32]>, ParseKeyError> {
    let checked = CheckedHrpstring::new::<Bech32>(text).map_err(|_| ParseKeyError::Encoding)?;
    if checked.hrp().to_lowercase() != expected_hrp {
        return Err(ParseKeyError::WrongKind);
    }
    checked
        .validate_segwit_padding()
        .map_err(|_| ParseKeyError::Encoding)?;
    let mut out = Zeroizing::new([0u8; 32]);
    let mut len = 0usize;
    for byte in checked.byte_iter() {
        if len == 32 {
            return Err(ParseKeyError::Length);
        }
        out[len] = byte;
        len += 1;
    }
    if len != 32 {
        return Err(ParseKeyError::Length);
    }
    Ok(out)
}
