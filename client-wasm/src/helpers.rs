//! Trusted helpers: making a helper set in the holder's browser, a help request's key and the
//! recovery in the recovering browser, and the re-encryption of a share in a worker's.

use pde_crypto::identity::{Identity, Recipient};
use pde_crypto::slot::{self, HelperSet, HelperShare};
use wasm_bindgen::prelude::*;

use crate::error::PdeError;
use crate::keys::SlotKeys;
use crate::rng::os_rng;
use crate::wallet::Wallet;

fn recipient(text: &str) -> Result<Recipient, PdeError> {
    text.trim()
        .parse()
        .map_err(|_| PdeError::invalid("not an age recipient"))
}

/// A new helper set, in WASM memory until `free()`: the server part, the slot keys of the
/// recovery secret and one share per helper.
#[wasm_bindgen]
#[derive(Debug)]
pub struct HelperSetup {
    inner: HelperSet,
}

#[wasm_bindgen]
impl HelperSetup {
    /// Draws a set that needs `threshold` (at least 2) of `helpers` (at most 10) shares.
    pub fn generate(threshold: u8, helpers: u8) -> Result<HelperSetup, PdeError> {
        let inner =
            HelperSet::generate(threshold, helpers, &mut os_rng()).map_err(PdeError::invalid)?;
        Ok(Self { inner })
    }

    /// The 32 bytes the server keeps (`server_part`).
    #[wasm_bindgen(js_name = serverPart)]
    pub fn server_part(&self) -> Vec<u8> {
        self.inner.server_part().to_vec()
    }

    /// The recovery secret's keys: `authKey()` for the server, and the helper slot with
    /// `wallet.sealSlot(keys)`.
    pub fn keys(&self) -> SlotKeys {
        SlotKeys {
            inner: self.inner.keys().clone(),
        }
    }

    /// Share `index` (0-based) encrypted to a worker's recipient.
    #[wasm_bindgen(js_name = sealShareTo)]
    pub fn seal_share_to(&self, index: usize, to: &str) -> Result<Vec<u8>, PdeError> {
        Ok(self.share(index)?.seal_to(&recipient(to)?, &mut os_rng()))
    }

    /// The text of paper card `index` (0-based), to print and to put in its QR code.
    #[wasm_bindgen(js_name = cardText)]
    pub fn card_text(&self, index: usize) -> Result<String, PdeError> {
        Ok(self.share(index)?.to_card_text().to_string())
    }

    /// The 32-byte key the server checks a typed card with (`card_auth`; not the share).
    #[wasm_bindgen(js_name = cardAuthKey)]
    pub fn card_auth_key(&self, index: usize) -> Result<Vec<u8>, PdeError> {
        Ok(self.share(index)?.card_auth_key().to_vec())
    }
}

impl HelperSetup {
    fn share(&self, index: usize) -> Result<&HelperShare, PdeError> {
        self.inner
            .shares()
            .get(index)
            .ok_or_else(|| PdeError::invalid("no such helper"))
    }
}

/// The recovering browser's side of one help request: a fresh key for the request, and the
/// shares and server part gathered for it. Everything stays in WASM memory.
#[wasm_bindgen]
pub struct HelpRecovery {
    key: Identity,
    shares: Vec<HelperShare>,
    server_part: Option<zeroize::Zeroizing<Vec<u8>>>,
}

#[wasm_bindgen]
impl HelpRecovery {
    /// A fresh key for a new request.
    pub fn create() -> HelpRecovery {
        Self {
            key: Identity::generate(&mut os_rng()),
            shares: Vec::new(),
            server_part: None,
        }
    }

    /// The request's recipient, sent with the request.
    pub fn recipient(&self) -> String {
        self.key.recipient().to_string()
    }

    /// The short code to show to the helpers.
    pub fn code(&self) -> String {
        slot::help_request_code(&self.key.recipient())
    }

    /// Reads a typed or scanned paper card and keeps its share; answers the card's auth key
    /// for the release request. A mistyped card is `invalid_input`, with a message saying
    /// whether a character is wrong or missing.
    #[wasm_bindgen(js_name = addCard)]
    pub fn add_card(&mut self, text: &str) -> Result<Vec<u8>, PdeError> {
        let share = HelperShare::parse_card(text).map_err(PdeError::invalid)?;
        let key = share.card_auth_key().to_vec();
        if !self.shares.contains(&share) {
            self.shares.push(share);
        }
        Ok(key)
    }

    /// Opens the release: the server part and the approved workers' shares (each an age file
    /// to this request's key).
    #[wasm_bindgen(js_name = addRelease)]
    pub fn add_release(
        &mut self,
        #[wasm_bindgen(js_name = serverPart)] server_part: &[u8],
        shares: Vec<js_sys::Uint8Array>,
    ) -> Result<(), PdeError> {
        let part = pde_crypto::format::decrypt(&self.key, server_part)
            .map_err(pde_crypto::identity::OpenError::from)?;
        self.server_part = Some(zeroize::Zeroizing::new(part));
        for sealed in shares {
            let share = HelperShare::open(&sealed.to_vec(), &self.key)?;
            if !self.shares.contains(&share) {
                self.shares.push(share);
            }
        }
        Ok(())
    }

    /// Rebuilds the recovery secret's keys and opens the helper slot: `authKey()` of the
    /// answer finishes the request on the server.
    pub fn open(&self, slot: &[u8]) -> Result<HelpOpened, PdeError> {
        let part = self
            .server_part
            .as_ref()
            .ok_or_else(|| PdeError::invalid("the server part is missing"))?;
        let keys = slot::recover_helper_keys(part, &self.shares).map_err(PdeError::invalid)?;
        let wallet = keys.open_slot(slot)?;
        Ok(HelpOpened {
            keys: Some(SlotKeys { inner: keys }),
            wallet: Some(Wallet::from_identity(wallet)),
        })
    }
}

/// The result of a recovery: the keys that finish it and the opened wallet.
#[wasm_bindgen]
pub struct HelpOpened {
    keys: Option<SlotKeys>,
    wallet: Option<Wallet>,
}

#[wasm_bindgen]
impl HelpOpened {
    /// The recovery secret's keys (taken once).
    #[wasm_bindgen(js_name = takeKeys)]
    pub fn take_keys(&mut self) -> Result<SlotKeys, PdeError> {
        self.keys
            .take()
            .ok_or_else(|| PdeError::invalid("already taken"))
    }

    /// The opened wallet (taken once).
    #[wasm_bindgen(js_name = takeWallet)]
    pub fn take_wallet(&mut self) -> Result<Wallet, PdeError> {
        self.wallet
            .take()
            .ok_or_else(|| PdeError::invalid("already taken"))
    }
}

/// The short code of a help request's recipient, for the worker's screen to compare with the
/// one the person shows.
#[wasm_bindgen(js_name = helpRequestCode)]
pub fn help_request_code(recipient_text: &str) -> Result<String, PdeError> {
    Ok(slot::help_request_code(&recipient(recipient_text)?))
}

#[wasm_bindgen]
impl Wallet {
    /// A worker's approval: opens this worker's share (encrypted to their wallet) and
    /// re-encrypts it to the help request's recipient.
    #[wasm_bindgen(js_name = resealHelperShare)]
    pub fn reseal_helper_share(&self, sealed: &[u8], to: &str) -> Result<Vec<u8>, PdeError> {
        let to = recipient(to)?;
        self.with_identity(|w| {
            let share = HelperShare::open(sealed, w)?;
            Ok(share.seal_to(&to, &mut os_rng()))
        })
    }
}
