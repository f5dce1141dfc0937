//! Sharing: link secrets and notes. Share envelopes and note decryption are on [`Wallet`].

use pde_crypto::identity::Recipient;
use pde_crypto::share::{self, Note};
use wasm_bindgen::prelude::*;

use crate::error::PdeError;
use crate::rng::os_rng;
use crate::wallet::Wallet;

/// The secret of a share link. Its fragment is the one secret that leaves WASM (it goes into
/// the link); the link identity L derived from it stays inside, behind [`LinkSecret::open_wallet`].
#[wasm_bindgen]
#[derive(Debug)]
pub struct LinkSecret {
    inner: share::LinkSecret,
}

#[wasm_bindgen]
impl LinkSecret {
    /// A new random link secret.
    pub fn generate() -> LinkSecret {
        Self {
            inner: share::LinkSecret::generate(&mut os_rng()),
        }
    }

    /// Reads the secret from a link's fragment (43 Base64url characters, without `#`).
    pub fn parse(fragment: &str) -> Result<LinkSecret, PdeError> {
        Ok(Self {
            inner: share::LinkSecret::parse(fragment).map_err(PdeError::invalid)?,
        })
    }

    /// The fragment to put after `#` in the link.
    pub fn fragment(&self) -> String {
        self.inner.to_fragment().to_string()
    }

    /// The link recipient (`age1…`) to seal share envelopes and the note to.
    pub fn recipient(&self) -> String {
        self.inner.identity().recipient().to_string()
    }

    /// The 32-byte access key sent to the server with every link request.
    #[wasm_bindgen(js_name = accessKey)]
    pub fn access_key(&self) -> Vec<u8> {
        self.inner.access_key().to_vec()
    }

    /// A wallet whose identity is the link identity L: it opens the link's share envelopes
    /// (`openDocument`), then metadata, content and the note. `lock()` zeroizes it.
    #[wasm_bindgen(js_name = openWallet)]
    pub fn open_wallet(&self) -> Wallet {
        Wallet::new(self.inner.identity())
    }
}

/// Encrypts a note (note JSON version 1) to `recipient` (`age1…`).
#[wasm_bindgen(js_name = encryptNote)]
pub fn encrypt_note(
    recipient: &str,
    #[wasm_bindgen(js_name = noteJson)] note_json: &str,
) -> Result<Vec<u8>, PdeError> {
    let recipient = parse_recipient(recipient)?;
    let note = Note::from_json(note_json).map_err(PdeError::invalid)?;
    share::encrypt_note(&recipient, &note, &mut os_rng()).map_err(PdeError::invalid)
}

/// A recipient typed or received from the server; `invalid_input` if it is not one.
pub(crate) fn parse_recipient(text: &str) -> Result<Recipient, PdeError> {
    Recipient::parse(text).map_err(|e| PdeError::invalid(format_args!("recipient: {e}")))
}
