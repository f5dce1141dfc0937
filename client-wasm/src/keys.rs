//! Key derivation for unlock methods, and the pure helpers.

use std::cell::RefCell;

use pde_crypto::slot::{self, Argon2Params, KdfMemory, RecoveryCode};
use wasm_bindgen::prelude::*;

use crate::error::PdeError;
use crate::rng::os_rng;

/// The keys of one unlock method: the auth key JavaScript may read, and the slot seed that
/// never leaves WASM memory.
#[wasm_bindgen]
#[derive(Debug)]
pub struct SlotKeys {
    pub(crate) inner: slot::SlotKeys,
}

#[wasm_bindgen]
impl SlotKeys {
    /// The 32-byte key sent to the server to log in.
    #[wasm_bindgen(js_name = authKey)]
    pub fn auth_key(&self) -> Vec<u8> {
        self.inner.auth_key().to_vec()
    }
}

/// The slot key of one passkey, derived from its PRF output; it never leaves WASM memory.
#[wasm_bindgen]
#[derive(Debug)]
pub struct PasskeyKey {
    pub(crate) inner: slot::PasskeySlotKey,
}

/// The slot key of a passkey from the 32 bytes its authenticator's PRF gave for the
/// credential's salt (`prf.results.first`). The caller should overwrite its copy afterwards.
#[wasm_bindgen(js_name = derivePasskeyKey)]
pub fn derive_passkey_key(
    #[wasm_bindgen(js_name = prfOutput)] prf_output: &[u8],
) -> Result<PasskeyKey, PdeError> {
    let inner = slot::PasskeySlotKey::from_prf_output(prf_output).map_err(PdeError::invalid)?;
    Ok(PasskeyKey { inner })
}

/// 16 random bytes for a new passphrase slot.
#[wasm_bindgen(js_name = randomSalt)]
pub fn random_salt() -> Vec<u8> {
    slot::random_salt(&mut os_rng()).to_vec()
}

thread_local! {
    /// Argon2id's working memory, kept by this module instance between derivations: allocating
    /// 64 MiB was a fifth of a derivation on a slow phone, and `reserveKdfMemory` does it
    /// before the person has finished typing. Keeping it is safe: the blocks are zeroized
    /// after every derivation (`derive_passphrase_keys_in`), and the whole memory of the
    /// module goes when the crypto worker running it is terminated (lock, Quit, quick exit).
    static KDF_MEMORY: RefCell<KdfMemory> = const { RefCell::new(KdfMemory::new()) };
}

/// Allocates the memory of an Argon2id derivation with these parameters ahead of it, so the
/// derivation does not start by allocating. Nothing secret is involved.
#[wasm_bindgen(js_name = reserveKdfMemory)]
pub fn reserve_kdf_memory(
    #[wasm_bindgen(js_name = mKib)] m_kib: u32,
    t: u32,
    p: u32,
) -> Result<(), PdeError> {
    let params = Argon2Params::new(m_kib, t, p).map_err(PdeError::invalid)?;
    KDF_MEMORY.with_borrow_mut(|memory| memory.reserve(params).map_err(PdeError::invalid))
}

/// Runs Argon2id on a passphrase and splits the result into slot keys. The working memory
/// is kept for the next derivation (see `reserveKdfMemory`), zeroized.
#[wasm_bindgen(js_name = derivePassphraseKeys)]
pub fn derive_passphrase_keys(
    passphrase: &str,
    salt: &[u8],
    #[wasm_bindgen(js_name = mKib)] m_kib: u32,
    t: u32,
    p: u32,
) -> Result<SlotKeys, PdeError> {
    let params = Argon2Params::new(m_kib, t, p).map_err(PdeError::invalid)?;
    let inner = KDF_MEMORY.with_borrow_mut(|memory| {
        slot::derive_passphrase_keys_in(passphrase, salt, params, memory)
    });
    Ok(SlotKeys {
        inner: inner.map_err(PdeError::invalid)?,
    })
}

/// Refuses a second passphrase (for the limited view) that is blank or a well-formed
/// recovery code. The server refuses one equal to the first passphrase.
#[wasm_bindgen(js_name = checkSecondPassphrase)]
pub fn check_second_passphrase(passphrase: &str) -> Result<(), PdeError> {
    slot::check_second_passphrase(passphrase).map_err(PdeError::invalid)
}

/// A new recovery code in display form (`XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXC`).
#[wasm_bindgen(js_name = generateRecoveryCode)]
pub fn generate_recovery_code() -> String {
    RecoveryCode::generate(&mut os_rng())
        .to_display_string()
        .to_string()
}

/// The slot keys of a typed recovery code (any case and spacing).
#[wasm_bindgen(js_name = deriveRecoveryKeys)]
pub fn derive_recovery_keys(code: &str) -> Result<SlotKeys, PdeError> {
    let code = RecoveryCode::parse(code).map_err(PdeError::invalid)?;
    Ok(SlotKeys {
        inner: code.derive_keys(),
    })
}

/// The exact length of the content ciphertext for `plainLength` bytes.
#[wasm_bindgen(js_name = encryptedLength)]
pub fn encrypted_length(
    #[wasm_bindgen(js_name = plainLength)] plain_length: f64,
) -> Result<f64, PdeError> {
    let length = length_from_js(plain_length)?;
    Ok(pde_crypto::document::encrypted_len(length) as f64)
}

/// Largest integer a JavaScript number holds exactly.
const MAX_SAFE_INTEGER: f64 = 9_007_199_254_740_991.0;

/// A byte length from a JavaScript number: a non-negative safe integer.
pub(crate) fn length_from_js(value: f64) -> Result<u64, PdeError> {
    if value.fract() == 0.0 && (0.0..=MAX_SAFE_INTEGER).contains(&value) {
        Ok(value as u64)
    } else {
        Err(PdeError::invalid("a length must be a non-negative integer"))
    }
}
