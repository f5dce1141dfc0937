//! Passkey slots: the wallet identity encrypted to a slot identity derived from the output of
//! the WebAuthn PRF extension.
//!
//! A passkey logs in with a signature the server checks; it has no auth key. When the
//! authenticator supports PRF, the browser asks it to evaluate its PRF on the credential's salt
//! (stored by the server, the same for every use of that credential), and those 32 bytes are
//! the slot key material. They never leave the browser.

use core::fmt;

use rand_core::CryptoRng;
use zeroize::{Zeroize, ZeroizeOnDrop};

use crate::identity::{Identity, OpenError};
use crate::kdf::hkdf_sha256;

/// Length of a WebAuthn PRF output (`prf.results.first`).
pub const PRF_OUTPUT_LEN: usize = 32;

const PASSKEY_SLOT_INFO: &[u8] = b"pde/v1/passkey/slot";

/// Why a PRF output was refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum PrfError {
    /// The PRF output is not [`PRF_OUTPUT_LEN`] bytes long.
    Length,
}

impl fmt::Display for PrfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Length => "a PRF output must be 32 bytes",
        })
    }
}

impl core::error::Error for PrfError {}

/// The slot key of one passkey: the X25519 secret of its slot identity.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct PasskeySlotKey {
    slot_seed: [u8; 32],
}

impl PasskeySlotKey {
    /// Derives the slot key from the 32-byte PRF output of the credential's salt.
    pub fn from_prf_output(prf_output: &[u8]) -> Result<Self, PrfError> {
        if prf_output.len() != PRF_OUTPUT_LEN {
            return Err(PrfError::Length);
        }
        Ok(Self {
            slot_seed: *hkdf_sha256(prf_output, &[], PASSKEY_SLOT_INFO),
        })
    }

    /// The slot identity (its X25519 secret is the slot seed).
    pub fn slot_identity(&self) -> Identity {
        super::seed_identity(&self.slot_seed)
    }

    /// A key slot holding `wallet`, openable with this key.
    pub fn seal_slot<R: CryptoRng + ?Sized>(&self, wallet: &Identity, rng: &mut R) -> Vec<u8> {
        super::seal_to_seed(&self.slot_seed, wallet, rng)
    }

    /// Opens a passkey slot and returns the wallet identity inside.
    pub fn open_slot(&self, slot: &[u8]) -> Result<Identity, OpenError> {
        Identity::open_sealed(slot, &self.slot_identity())
    }
}

impl fmt::Debug for PasskeySlotKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("PasskeySlotKey(<redacted>)")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_chacha::ChaCha20Rng;
    use rand_core::SeedableRng;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn round_trip_and_another_prf_output_is_the_wrong_key() {
        let mut rng = ChaCha20Rng::from_seed([4; 32]);
        let wallet = Identity::generate(&mut rng);
        let key = PasskeySlotKey::from_prf_output(&[1; 32]).unwrap();
        let slot = key.seal_slot(&wallet, &mut rng);
        assert_eq!(
            key.open_slot(&slot).unwrap().recipient(),
            wallet.recipient()
        );
        let other = PasskeySlotKey::from_prf_output(&[2; 32]).unwrap();
        assert_eq!(other.open_slot(&slot).unwrap_err(), OpenError::WrongKey);
    }

    #[test]
    fn only_a_32_byte_prf_output_is_accepted() {
        for len in [0, 16, 31, 33, 64] {
            assert_eq!(
                PasskeySlotKey::from_prf_output(&vec![7; len]).unwrap_err(),
                PrfError::Length,
                "{len}"
            );
        }
    }

    #[test]
    fn the_slot_seed_is_not_the_prf_output() {
        let key = PasskeySlotKey::from_prf_output(&[9; 32]).unwrap();
        assert_ne!(key.slot_seed, [9; 32]);
    }

    #[test]
    fn debug_is_redacted() {
        let key = PasskeySlotKey::from_prf_output(&[0; 32]).unwrap();
        assert_eq!(format!("{key:?}"), "PasskeySlotKey(<redacted>)");
    }
}
