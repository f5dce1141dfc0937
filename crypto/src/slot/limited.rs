//! The limited view: a second wallet identity V, opened by a second passphrase, that holds
//! envelopes of the documents its holder chose.
//!
//! V's key slot is an ordinary passphrase slot: the second passphrase goes through
//! [`derive_passphrase_keys`](super::derive_passphrase_keys) with the account's own salt and
//! Argon2id parameters (the log-in page cannot know which passphrase will be typed), and the
//! slot is V's text form encrypted to the derived slot identity, exactly as the main slot holds
//! W. A client that opens it therefore holds "a wallet identity" like any other.
//!
//! The full view keeps V too, so it can add and remove V envelopes: V's text form encrypted to
//! W ([`wrap_view`]), stored with the view.

use core::fmt;

use rand_core::CryptoRng;
use zeroize::Zeroizing;

use super::RecoveryCode;
use crate::identity::{Identity, OpenError, Recipient};

/// Why a second passphrase was refused before anything was derived from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum SecondPassphraseError {
    /// The passphrase is empty once surrounding white space is trimmed.
    Empty,
    /// The passphrase is a well-formed recovery code: typed at the log-in page it would open
    /// the limited view, typed as a recovery code the full one, and the holder could not tell
    /// which code does what.
    LooksLikeRecoveryCode,
}

impl fmt::Display for SecondPassphraseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Empty => "the second passphrase is empty",
            Self::LooksLikeRecoveryCode => "the second passphrase is a recovery code",
        })
    }
}

impl core::error::Error for SecondPassphraseError {}

/// Checks a second passphrase before its keys are derived. That it differs from the first
/// passphrase is checked by the server, which compares the two auth keys.
pub fn check_second_passphrase(passphrase: &str) -> Result<(), SecondPassphraseError> {
    let trimmed = Zeroizing::new(passphrase.trim().to_owned());
    if trimmed.is_empty() {
        return Err(SecondPassphraseError::Empty);
    }
    if RecoveryCode::parse(&trimmed).is_ok() {
        return Err(SecondPassphraseError::LooksLikeRecoveryCode);
    }
    Ok(())
}

/// A new limited-view identity V.
pub fn new_view<R: CryptoRng + ?Sized>(rng: &mut R) -> Identity {
    Identity::generate(rng)
}

/// V's text form encrypted to the wallet recipient W: what the full view opens to manage the
/// limited view.
pub fn wrap_view<R: CryptoRng + ?Sized>(
    view: &Identity,
    wallet: &Recipient,
    rng: &mut R,
) -> Vec<u8> {
    view.seal_to(wallet, rng)
        .expect("a wallet recipient that parsed is never low-order")
}

/// Opens V wrapped to W with W.
pub fn unwrap_view(wrapped: &[u8], wallet: &Identity) -> Result<Identity, OpenError> {
    Identity::open_sealed(wrapped, wallet)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::slot::{Argon2Params, derive_passphrase_keys};
    use rand_chacha::ChaCha20Rng;
    use rand_core::SeedableRng;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    const TEST_PARAMS: Argon2Params = Argon2Params {
        m_kib: 64,
        t: 1,
        p: 1,
    };

    #[test]
    fn second_passphrase_opens_v_and_first_opens_w_with_one_salt() {
        let mut rng = ChaCha20Rng::from_seed([11; 32]);
        let wallet = Identity::generate(&mut rng);
        let view = new_view(&mut rng);
        let salt = [6u8; 16];
        let first = derive_passphrase_keys("first words", &salt, TEST_PARAMS).unwrap();
        let second = derive_passphrase_keys("second words", &salt, TEST_PARAMS).unwrap();
        let main_slot = first.seal_slot(&wallet, &mut rng);
        let view_slot = second.seal_slot(&view, &mut rng);
        assert_ne!(first.auth_key(), second.auth_key());
        assert_eq!(
            second.open_slot(&view_slot).unwrap().recipient(),
            view.recipient()
        );
        assert_eq!(
            second.open_slot(&main_slot).unwrap_err(),
            OpenError::WrongKey
        );
        assert_eq!(
            first.open_slot(&view_slot).unwrap_err(),
            OpenError::WrongKey
        );
    }

    #[test]
    fn wrapped_view_opens_only_with_w() {
        let mut rng = ChaCha20Rng::from_seed([12; 32]);
        let wallet = Identity::generate(&mut rng);
        let view = new_view(&mut rng);
        let wrapped = wrap_view(&view, &wallet.recipient(), &mut rng);
        assert_eq!(
            unwrap_view(&wrapped, &wallet).unwrap().recipient(),
            view.recipient()
        );
        assert_eq!(
            unwrap_view(&wrapped, &view).unwrap_err(),
            OpenError::WrongKey
        );
        let mut damaged = wrapped.clone();
        let last = damaged.len() - 1;
        damaged[last] ^= 1;
        assert_eq!(
            unwrap_view(&damaged, &wallet).unwrap_err(),
            OpenError::Damaged
        );
    }

    #[test]
    fn recovery_codes_and_blank_text_are_refused_as_second_passphrase() {
        let code = RecoveryCode::generate(&mut ChaCha20Rng::from_seed([13; 32]));
        let text = code.to_display_string();
        assert_eq!(
            check_second_passphrase(&text),
            Err(SecondPassphraseError::LooksLikeRecoveryCode)
        );
        assert_eq!(
            check_second_passphrase(&text.to_lowercase().replace('-', " ")),
            Err(SecondPassphraseError::LooksLikeRecoveryCode)
        );
        assert_eq!(
            check_second_passphrase(" \n"),
            Err(SecondPassphraseError::Empty)
        );
        assert_eq!(check_second_passphrase("blue kettle on the stairs"), Ok(()));
    }
}
