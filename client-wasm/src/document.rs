//! Streaming content encryption and decryption, locked together with their wallet.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use pde_crypto::document::{self, ContentWriter};
use pde_crypto::export;
use wasm_bindgen::prelude::*;

use crate::error::PdeError;

/// A writer or reader whose keys the wallet drops on lock.
pub(crate) trait Stream {
    fn lock(&self);
}

enum State<T> {
    Open(T),
    Finished,
    /// A decryption failed; the stream stays unusable.
    Failed,
    Locked,
}

impl<T> State<T> {
    fn open(&mut self) -> Result<&mut T, PdeError> {
        match self {
            State::Open(inner) => Ok(inner),
            State::Finished => Err(PdeError::invalid("already finished")),
            State::Failed => Err(PdeError::damaged()),
            State::Locked => Err(PdeError::locked()),
        }
    }

    fn take(&mut self) -> Result<T, PdeError> {
        self.open()?;
        match core::mem::replace(self, State::Finished) {
            State::Open(inner) => Ok(inner),
            _ => unreachable!("checked above"),
        }
    }
}

/// Feeds a decrypting stream a slice; a failed decryption leaves it failed for good.
fn push_or_fail<T, E>(
    state: &RefCell<State<T>>,
    push: impl FnOnce(&mut T) -> Result<Vec<u8>, E>,
) -> Result<Vec<u8>, PdeError> {
    let mut state = state.borrow_mut();
    let result = push(state.open()?).map_err(|_| PdeError::damaged());
    if result.is_err() {
        *state = State::Failed;
    }
    result
}

/// Ends a decrypting stream; a failed check leaves it failed, not finished.
fn finish_or_fail<T, E>(
    state: &RefCell<State<T>>,
    finish: impl FnOnce(T) -> Result<Vec<u8>, E>,
) -> Result<Vec<u8>, PdeError> {
    let inner = state.borrow_mut().take()?;
    let result = finish(inner).map_err(|_| PdeError::damaged());
    if result.is_err() {
        *state.borrow_mut() = State::Failed;
    }
    result
}

impl<T> Stream for RefCell<State<T>> {
    fn lock(&self) {
        // Dropping the writer or reader zeroizes its payload key.
        *self.borrow_mut() = State::Locked;
    }
}

/// A new document: its metadata ciphertext, owner envelope and streaming content encryption.
#[wasm_bindgen]
pub struct DocumentWriter {
    handle: u32,
    metadata: Vec<u8>,
    envelope: Vec<u8>,
    encrypted_len: u64,
    state: Rc<RefCell<State<ContentWriter>>>,
}

impl DocumentWriter {
    pub(crate) fn new(
        handle: u32,
        metadata: Vec<u8>,
        envelope: Vec<u8>,
        content: ContentWriter,
    ) -> Self {
        Self {
            handle,
            metadata,
            envelope,
            encrypted_len: content.encrypted_len(),
            state: Rc::new(RefCell::new(State::Open(content))),
        }
    }

    pub(crate) fn stream(&self) -> Weak<dyn Stream> {
        crate::wallet::weak(&self.state)
    }

    fn check_unlocked(&self) -> Result<(), PdeError> {
        match *self.state.borrow() {
            State::Locked => Err(PdeError::locked()),
            _ => Ok(()),
        }
    }
}

#[wasm_bindgen]
impl DocumentWriter {
    /// The metadata ciphertext.
    pub fn metadata(&self) -> Result<Vec<u8>, PdeError> {
        self.check_unlocked()?;
        Ok(self.metadata.clone())
    }

    /// The owner envelope (D encrypted to W).
    pub fn envelope(&self) -> Result<Vec<u8>, PdeError> {
        self.check_unlocked()?;
        Ok(self.envelope.clone())
    }

    /// The exact length of the whole content ciphertext.
    #[wasm_bindgen(js_name = encryptedLength)]
    pub fn encrypted_length(&self) -> Result<f64, PdeError> {
        self.check_unlocked()?;
        Ok(self.encrypted_len as f64)
    }

    /// The handle of D in the wallet that made this writer.
    #[wasm_bindgen(js_name = documentHandle)]
    pub fn document_handle(&self) -> Result<u32, PdeError> {
        self.check_unlocked()?;
        Ok(self.handle)
    }

    /// Encrypts a slice of content; returns the ciphertext ready so far (may be empty).
    pub fn push(&self, chunk: &[u8]) -> Result<Vec<u8>, PdeError> {
        let mut state = self.state.borrow_mut();
        state.open()?.push(chunk).map_err(PdeError::invalid)
    }

    /// Pads, closes the file and returns the rest of the ciphertext.
    pub fn finish(&self) -> Result<Vec<u8>, PdeError> {
        let writer = self.state.borrow_mut().take()?;
        writer.finish().map_err(PdeError::invalid)
    }
}

/// Streaming decryption of a document's content; padding is never returned.
#[wasm_bindgen]
pub struct ContentReader {
    state: Rc<RefCell<State<document::ContentReader>>>,
}

impl ContentReader {
    pub(crate) fn new(reader: document::ContentReader) -> Self {
        Self {
            state: Rc::new(RefCell::new(State::Open(reader))),
        }
    }

    pub(crate) fn stream(&self) -> Weak<dyn Stream> {
        crate::wallet::weak(&self.state)
    }
}

#[wasm_bindgen]
impl ContentReader {
    /// Decrypts a slice of ciphertext; returns the content ready so far (may be empty).
    pub fn push(&self, chunk: &[u8]) -> Result<Vec<u8>, PdeError> {
        push_or_fail(&self.state, |inner| inner.push(chunk))
    }

    /// Checks the file is complete and intact; returns the rest of the content.
    pub fn finish(&self) -> Result<Vec<u8>, PdeError> {
        finish_or_fail(&self.state, |inner| inner.finish())
    }
}

/// Re-encrypts a stored document's content to the wallet recipient for an export: stored
/// ciphertext in, an age file of the true content (no padding) out. The plaintext never
/// leaves WASM memory.
#[wasm_bindgen]
pub struct ContentExporter {
    state: Rc<RefCell<State<export::ContentExporter>>>,
}

impl ContentExporter {
    pub(crate) fn new(exporter: export::ContentExporter) -> Self {
        Self {
            state: Rc::new(RefCell::new(State::Open(exporter))),
        }
    }

    pub(crate) fn stream(&self) -> Weak<dyn Stream> {
        crate::wallet::weak(&self.state)
    }
}

#[wasm_bindgen]
impl ContentExporter {
    /// Adds stored ciphertext; returns the export file bytes ready so far (may be empty).
    pub fn push(&self, chunk: &[u8]) -> Result<Vec<u8>, PdeError> {
        push_or_fail(&self.state, |inner| inner.push(chunk))
    }

    /// Checks the stored file was complete and intact; returns the rest of the export file.
    /// The caller throws away what `push` returned when this fails.
    pub fn finish(&self) -> Result<Vec<u8>, PdeError> {
        finish_or_fail(&self.state, |inner| inner.finish())
    }
}
