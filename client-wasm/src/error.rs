//! The one error type JavaScript sees: an `Error` named `PdeError` with a `code` property.

use core::fmt;

use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const PDE_ERROR_TS: &str = r#"
/** Every error thrown by this module. The UI translates by `code`. */
export interface PdeError extends Error {
    name: "PdeError";
    code: "wrong_key" | "damaged" | "invalid_input" | "locked";
}
"#;

/// What went wrong, in a form the UI can translate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorCode {
    /// The key (passphrase, recovery code, slot) does not open this ciphertext.
    WrongKey,
    /// The ciphertext is damaged, truncated or altered.
    Damaged,
    /// An argument is invalid (parameters, JSON, lengths, unknown handle).
    InvalidInput,
    /// The wallet was locked; its keys are gone.
    Locked,
}

impl ErrorCode {
    /// The `code` property JavaScript sees.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::WrongKey => "wrong_key",
            Self::Damaged => "damaged",
            Self::InvalidInput => "invalid_input",
            Self::Locked => "locked",
        }
    }
}

/// An error with a code and a message free of key material and plaintext.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PdeError {
    code: ErrorCode,
    message: String,
}

impl PdeError {
    pub(crate) fn new(code: ErrorCode, message: impl fmt::Display) -> Self {
        Self {
            code,
            message: message.to_string(),
        }
    }

    pub(crate) fn invalid(message: impl fmt::Display) -> Self {
        Self::new(ErrorCode::InvalidInput, message)
    }

    pub(crate) fn locked() -> Self {
        Self::new(ErrorCode::Locked, "the wallet is locked")
    }

    pub(crate) fn damaged() -> Self {
        Self::new(ErrorCode::Damaged, "the data is damaged")
    }

    /// The error's code.
    pub fn code(&self) -> ErrorCode {
        self.code
    }

    /// The error's message (English; the UI translates by code).
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for PdeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.code.as_str(), self.message)
    }
}

impl From<PdeError> for JsValue {
    fn from(error: PdeError) -> Self {
        let js_error = js_sys::Error::new(&error.message);
        js_error.set_name("PdeError");
        js_sys::Reflect::set(&js_error, &"code".into(), &error.code.as_str().into())
            .expect("setting a property on a fresh Error cannot fail");
        js_error.into()
    }
}

impl From<pde_crypto::identity::OpenError> for PdeError {
    fn from(error: pde_crypto::identity::OpenError) -> Self {
        match error {
            pde_crypto::identity::OpenError::WrongKey => Self::new(ErrorCode::WrongKey, error),
            _ => Self::new(ErrorCode::Damaged, error),
        }
    }
}
