//! The browser's crypto API: thin wasm-bindgen bindings over `pde-crypto`.
//!
//! Secret keys stay in WASM memory: the wallet identity and document identities sit behind a
//! [`Wallet`] and numeric document handles, and [`Wallet::lock`] zeroizes them. JavaScript
//! only ever sees what it must: auth keys, recovery codes to display, ciphertexts, and the
//! decrypted content and metadata it asked for, and the fragment of a share link it must put
//! in the link. See `docs/wasm-api.md`.
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod document;
mod error;
mod helpers;
mod keys;
mod rng;
mod share;
mod wallet;

pub use document::{ContentExporter, ContentReader, DocumentWriter};
pub use error::{ErrorCode, PdeError};
pub use helpers::{HelpOpened, HelpRecovery, HelperSetup, help_request_code};
pub use keys::{
    PasskeyKey, SlotKeys, derive_passkey_key, derive_passphrase_keys, derive_recovery_keys,
    encrypted_length, generate_recovery_code, random_salt, reserve_kdf_memory,
};
pub use share::{LinkSecret, encrypt_note};
pub use wallet::Wallet;
