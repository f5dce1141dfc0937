//! Key slots: `SlotKeys::open_slot` on arbitrary slots, for the recovery code the input's
//! `recovery-code:` field names (the `slot_recovery` vector has one) or a fixed one; with
//! `plaintext:` the slot's content is given and sealed first, which reaches the parser of W's
//! text form. Recovery codes are cheap to derive; passphrase slots differ only by Argon2id.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pde_crypto::slot::RecoveryCode;
use pde_crypto_fuzz::{Input, file_for};

fuzz_target!(|data: &[u8]| {
    let input = Input::parse(data);
    let code = input
        .field("recovery-code")
        .and_then(|text| RecoveryCode::parse(text).ok())
        .unwrap_or_else(|| RecoveryCode::parse("0000-0000-0000-0000-0000-0000-000").unwrap());
    let keys = code.derive_keys();
    let slot = file_for(&input, &keys.slot_identity());
    if let Ok(wallet) = keys.open_slot(&slot) {
        // A slot that opens holds exactly W's canonical text form.
        let plaintext = pde_crypto::format::decrypt(&keys.slot_identity(), &slot).unwrap();
        assert_eq!(plaintext, wallet.to_secret_string().as_bytes());
    }
});
