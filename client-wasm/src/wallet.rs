//! The unlocked wallet: W and the document identities opened through it, behind handles.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::{Rc, Weak};

use pde_crypto::document::{self, Metadata};
use pde_crypto::export;
use pde_crypto::identity::Identity;
use pde_crypto::record;
use pde_crypto::share;
use pde_crypto::slot;
use wasm_bindgen::prelude::*;

use crate::document::{ContentExporter, ContentReader, DocumentWriter, Stream};
use crate::error::PdeError;
use crate::keys::{PasskeyKey, SlotKeys, length_from_js};
use crate::rng::os_rng;
use crate::share::parse_recipient;

/// Everything the wallet must forget on lock.
struct Keys {
    wallet: Identity,
    /// The limited-view identity V, once the full view made or opened it.
    view: Option<Identity>,
    documents: HashMap<u32, Identity>,
    next_handle: u32,
    /// Content writers and readers created through this wallet; their keys go on lock too.
    streams: Vec<Weak<dyn Stream>>,
}

impl Keys {
    fn add_document(&mut self, identity: Identity) -> u32 {
        let handle = self.next_handle;
        self.next_handle += 1;
        self.documents.insert(handle, identity);
        handle
    }

    fn document(&self, handle: u32) -> Result<&Identity, PdeError> {
        self.documents
            .get(&handle)
            .ok_or_else(|| PdeError::invalid("unknown document handle"))
    }

    fn track(&mut self, stream: Weak<dyn Stream>) {
        self.streams.retain(|s| s.strong_count() > 0);
        self.streams.push(stream);
    }
}

impl Drop for Keys {
    fn drop(&mut self) {
        // Identities zeroize themselves on drop; streams hold their own keys.
        for stream in self.streams.drain(..) {
            if let Some(stream) = stream.upgrade() {
                stream.lock();
            }
        }
    }
}

/// An unlocked wallet. Keys live here, in WASM memory, until [`Wallet::lock`] or `free()`.
#[wasm_bindgen]
pub struct Wallet {
    keys: RefCell<Option<Keys>>,
}

impl Wallet {
    /// An unlocked wallet around `wallet` (W, or a link identity L).
    pub(crate) fn new(wallet: Identity) -> Self {
        Self {
            keys: RefCell::new(Some(Keys {
                wallet,
                view: None,
                documents: HashMap::new(),
                next_handle: 1,
                streams: Vec::new(),
            })),
        }
    }

    /// An unlocked wallet around a recovered W.
    pub(crate) fn from_identity(wallet: Identity) -> Self {
        Self::new(wallet)
    }

    /// Runs `f` with W.
    pub(crate) fn with_identity<T>(
        &self,
        f: impl FnOnce(&Identity) -> Result<T, PdeError>,
    ) -> Result<T, PdeError> {
        self.with_keys(|keys| f(&keys.wallet))
    }

    fn with_keys<T>(
        &self,
        f: impl FnOnce(&mut Keys) -> Result<T, PdeError>,
    ) -> Result<T, PdeError> {
        match self.keys.borrow_mut().as_mut() {
            Some(keys) => f(keys),
            None => Err(PdeError::locked()),
        }
    }
}

#[wasm_bindgen]
impl Wallet {
    /// A new wallet identity W.
    pub fn create() -> Wallet {
        Self::new(Identity::generate(&mut os_rng()))
    }

    /// Decrypts a key slot with the keys of its unlock method.
    pub fn open(slot: &[u8], keys: &SlotKeys) -> Result<Wallet, PdeError> {
        Ok(Self::new(keys.inner.open_slot(slot)?))
    }

    /// Decrypts a passkey slot with the key derived from the passkey's PRF output.
    #[wasm_bindgen(js_name = openWithPasskey)]
    pub fn open_with_passkey(slot: &[u8], key: &PasskeyKey) -> Result<Wallet, PdeError> {
        Ok(Self::new(key.inner.open_slot(slot)?))
    }

    /// The wallet's public recipient, `age1…`.
    pub fn recipient(&self) -> Result<String, PdeError> {
        self.with_keys(|keys| Ok(keys.wallet.recipient().to_string()))
    }

    /// A key slot holding W, openable with `keys`.
    #[wasm_bindgen(js_name = sealSlot)]
    pub fn seal_slot(&self, keys: &SlotKeys) -> Result<Vec<u8>, PdeError> {
        self.with_keys(|k| Ok(keys.inner.seal_slot(&k.wallet, &mut os_rng())))
    }

    /// A passkey slot holding W, openable with `key`.
    #[wasm_bindgen(js_name = sealPasskeySlot)]
    pub fn seal_passkey_slot(&self, key: &PasskeyKey) -> Result<Vec<u8>, PdeError> {
        self.with_keys(|k| Ok(key.inner.seal_slot(&k.wallet, &mut os_rng())))
    }

    /// Zeroizes W, every document identity and every writer or reader made by this wallet.
    pub fn lock(&self) {
        // Dropping the keys zeroizes them (and locks the streams, see `Keys::drop`).
        drop(self.keys.borrow_mut().take());
    }

    /// Starts a new document: a fresh D, its metadata ciphertext and owner envelope, and a
    /// writer for exactly `size` content bytes.
    #[wasm_bindgen(js_name = newDocument)]
    pub fn new_document(
        &self,
        #[wasm_bindgen(js_name = metadataJson)] metadata_json: &str,
    ) -> Result<DocumentWriter, PdeError> {
        let metadata = Metadata::from_json(metadata_json).map_err(PdeError::invalid)?;
        self.with_keys(|keys| {
            let new = document::new_document(&keys.wallet.recipient(), &metadata, &mut os_rng())
                .map_err(PdeError::invalid)?;
            let handle = keys.add_document(new.identity);
            let writer = DocumentWriter::new(handle, new.metadata, new.envelope, new.content);
            keys.track(writer.stream());
            Ok(writer)
        })
    }

    /// Opens an owner envelope; returns a handle to the document identity D.
    #[wasm_bindgen(js_name = openDocument)]
    pub fn open_document(&self, envelope: &[u8]) -> Result<u32, PdeError> {
        self.with_keys(|keys| {
            let identity =
                document::open_envelope(envelope, &keys.wallet).map_err(|_| PdeError::damaged())?;
            Ok(keys.add_document(identity))
        })
    }

    /// Decrypts a metadata ciphertext; returns the metadata JSON.
    #[wasm_bindgen(js_name = decryptMetadata)]
    pub fn decrypt_metadata(&self, doc: u32, ciphertext: &[u8]) -> Result<String, PdeError> {
        self.with_keys(|keys| {
            let metadata = document::decrypt_metadata(keys.document(doc)?, ciphertext)
                .map_err(|_| PdeError::damaged())?;
            Ok(metadata.to_json())
        })
    }

    /// Encrypts new metadata for an open document (unknown JSON fields are kept).
    #[wasm_bindgen(js_name = encryptMetadata)]
    pub fn encrypt_metadata(
        &self,
        doc: u32,
        #[wasm_bindgen(js_name = metadataJson)] metadata_json: &str,
    ) -> Result<Vec<u8>, PdeError> {
        let metadata = Metadata::from_json(metadata_json).map_err(PdeError::invalid)?;
        self.with_keys(|keys| {
            Ok(document::encrypt_metadata(
                keys.document(doc)?,
                &metadata,
                &mut os_rng(),
            ))
        })
    }

    /// A streaming reader for a document's content of true length `plainLength`.
    #[wasm_bindgen(js_name = contentReader)]
    pub fn content_reader(
        &self,
        doc: u32,
        #[wasm_bindgen(js_name = plainLength)] plain_length: f64,
    ) -> Result<ContentReader, PdeError> {
        let plain_length = length_from_js(plain_length)?;
        self.with_keys(|keys| {
            let reader = ContentReader::new(document::ContentReader::new(
                keys.document(doc)?,
                plain_length,
            ));
            keys.track(reader.stream());
            Ok(reader)
        })
    }

    /// The identity file of an export: W encrypted with `passphrase` through age's scrypt
    /// recipient (`docs/formats.md`, "Export").
    #[wasm_bindgen(js_name = exportIdentity)]
    pub fn export_identity(&self, passphrase: &str) -> Result<Vec<u8>, PdeError> {
        self.with_keys(|keys| {
            export::seal_identity(&keys.wallet, passphrase, &mut os_rng())
                .map_err(PdeError::invalid)
        })
    }

    /// The metadata file of an export: the metadata JSON of `doc` (without its thumbnail)
    /// encrypted to W. `doc` must be open: only documents of this wallet are exported.
    #[wasm_bindgen(js_name = exportMetadata)]
    pub fn export_metadata(
        &self,
        doc: u32,
        #[wasm_bindgen(js_name = metadataJson)] metadata_json: &str,
    ) -> Result<Vec<u8>, PdeError> {
        let metadata = Metadata::from_json(metadata_json).map_err(PdeError::invalid)?;
        self.with_keys(|keys| {
            keys.document(doc)?;
            export::encrypt_metadata(&metadata, &keys.wallet.recipient(), &mut os_rng())
                .map_err(PdeError::invalid)
        })
    }

    /// A streaming re-encryption of `doc`'s stored content (true length `plainLength`) to W,
    /// for an export.
    #[wasm_bindgen(js_name = contentExporter)]
    pub fn content_exporter(
        &self,
        doc: u32,
        #[wasm_bindgen(js_name = plainLength)] plain_length: f64,
    ) -> Result<ContentExporter, PdeError> {
        let plain_length = length_from_js(plain_length)?;
        self.with_keys(|keys| {
            let exporter = export::ContentExporter::new(
                keys.document(doc)?,
                plain_length,
                &keys.wallet.recipient(),
                &mut os_rng(),
            )
            .map_err(PdeError::invalid)?;
            let exporter = ContentExporter::new(exporter);
            keys.track(exporter.stream());
            Ok(exporter)
        })
    }

    /// A share envelope: the document identity of `doc` sealed to `recipient` (`age1…`, a
    /// worker's wallet recipient or a link recipient).
    #[wasm_bindgen(js_name = shareEnvelope)]
    pub fn share_envelope(&self, doc: u32, recipient: &str) -> Result<Vec<u8>, PdeError> {
        let recipient = parse_recipient(recipient)?;
        self.with_keys(|keys| {
            share::seal_share_envelope(keys.document(doc)?, &recipient, &mut os_rng())
                .map_err(|e| PdeError::invalid(format_args!("recipient: {e}")))
        })
    }

    /// Decrypts a note encrypted to this wallet's identity; returns the note JSON.
    #[wasm_bindgen(js_name = decryptNote)]
    pub fn decrypt_note(&self, ciphertext: &[u8]) -> Result<String, PdeError> {
        self.with_keys(|keys| {
            let note =
                share::decrypt_note(&keys.wallet, ciphertext).map_err(|_| PdeError::damaged())?;
            Ok(note.to_json())
        })
    }

    /// Makes a new limited-view identity V (replacing one made or opened before); returns
    /// its recipient. See `docs/formats.md`, "Limited view".
    #[wasm_bindgen(js_name = newLimitedView)]
    pub fn new_limited_view(&self) -> Result<String, PdeError> {
        self.with_keys(|keys| {
            let view = slot::new_view(&mut os_rng());
            let recipient = view.recipient().to_string();
            keys.view = Some(view);
            Ok(recipient)
        })
    }

    /// Opens V wrapped to W (as stored with the limited view); returns V's recipient.
    #[wasm_bindgen(js_name = openLimitedView)]
    pub fn open_limited_view(&self, wrapped: &[u8]) -> Result<String, PdeError> {
        self.with_keys(|keys| {
            let view = slot::unwrap_view(wrapped, &keys.wallet)?;
            let recipient = view.recipient().to_string();
            keys.view = Some(view);
            Ok(recipient)
        })
    }

    /// V wrapped to W, to store with the limited view.
    #[wasm_bindgen(js_name = wrapLimitedView)]
    pub fn wrap_limited_view(&self) -> Result<Vec<u8>, PdeError> {
        self.with_keys(|keys| {
            let view = keys.view.as_ref().ok_or_else(no_view)?;
            Ok(slot::wrap_view(
                view,
                &keys.wallet.recipient(),
                &mut os_rng(),
            ))
        })
    }

    /// The limited view's key slot: V sealed under the keys of the second passphrase
    /// (derived with the account's salt and parameters).
    #[wasm_bindgen(js_name = sealLimitedViewSlot)]
    pub fn seal_limited_view_slot(&self, keys: &SlotKeys) -> Result<Vec<u8>, PdeError> {
        self.with_keys(|k| {
            let view = k.view.as_ref().ok_or_else(no_view)?;
            Ok(keys.inner.seal_slot(view, &mut os_rng()))
        })
    }

    /// A limited-view envelope: the document identity of `doc` sealed to V.
    #[wasm_bindgen(js_name = limitedViewEnvelope)]
    pub fn limited_view_envelope(&self, doc: u32) -> Result<Vec<u8>, PdeError> {
        self.with_keys(|keys| {
            let view = keys.view.as_ref().ok_or_else(no_view)?;
            document::seal_envelope(keys.document(doc)?, &view.recipient(), &mut os_rng())
                .map_err(PdeError::invalid)
        })
    }

    /// Opens a limited-view envelope with V (a document added from the limited view has no
    /// owner envelope yet); returns a handle to the document identity D.
    #[wasm_bindgen(js_name = openLimitedViewDocument)]
    pub fn open_limited_view_document(&self, envelope: &[u8]) -> Result<u32, PdeError> {
        self.with_keys(|keys| {
            let view = keys.view.as_ref().ok_or_else(no_view)?;
            let identity =
                document::open_envelope(envelope, view).map_err(|_| PdeError::damaged())?;
            Ok(keys.add_document(identity))
        })
    }

    /// An owner envelope for an open document: its identity sealed to W.
    #[wasm_bindgen(js_name = ownerEnvelope)]
    pub fn owner_envelope(&self, doc: u32) -> Result<Vec<u8>, PdeError> {
        self.with_keys(|keys| {
            document::seal_envelope(keys.document(doc)?, &keys.wallet.recipient(), &mut os_rng())
                .map_err(PdeError::invalid)
        })
    }

    /// The wallet record (docs/formats.md, "Wallet record"): `json`, a JSON object with a
    /// version `v`, encrypted to this wallet's own recipient.
    #[wasm_bindgen(js_name = sealRecord)]
    pub fn seal_record(&self, json: &str) -> Result<Vec<u8>, PdeError> {
        self.with_keys(|keys| {
            record::seal_record(&keys.wallet.recipient(), json, &mut os_rng())
                .map_err(PdeError::invalid)
        })
    }

    /// Opens a wallet record encrypted to this wallet; returns its JSON text.
    #[wasm_bindgen(js_name = openRecord)]
    pub fn open_record(&self, ciphertext: &[u8]) -> Result<String, PdeError> {
        self.with_keys(|keys| {
            let json =
                record::open_record(&keys.wallet, ciphertext).map_err(|_| PdeError::damaged())?;
            Ok(json.as_str().to_owned())
        })
    }

    /// Zeroizes one document identity; its handle becomes unknown.
    #[wasm_bindgen(js_name = forgetDocument)]
    pub fn forget_document(&self, doc: u32) -> Result<(), PdeError> {
        self.with_keys(|keys| {
            keys.documents
                .remove(&doc)
                .map(drop)
                .ok_or_else(|| PdeError::invalid("unknown document handle"))
        })
    }
}

fn no_view() -> PdeError {
    PdeError::invalid("no limited view is open")
}

/// Tracked streams share their state with the wallet through a weak reference.
pub(crate) fn weak<S: Stream + 'static>(stream: &Rc<S>) -> Weak<dyn Stream> {
    let weak: Weak<S> = Rc::downgrade(stream);
    weak
}
