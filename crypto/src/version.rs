//! Format versions.
//!
//! Every stored structure carries a version. A new version of any format gets a new number
//! here; readers keep reading every older version.

/// Version of the key slot derivation (HKDF info strings `pde/v1/…`, Argon2id as specified).
pub const SLOT_VERSION: u32 = 1;

/// Version of the document metadata JSON (its `"v"` field).
pub const METADATA_VERSION: u32 = 1;

/// Version of the link secret derivation (HKDF info strings `pde/v1/link/…`).
pub const LINK_VERSION: u32 = 1;

/// Version of the note JSON sent with a share (its `"v"` field).
pub const NOTE_VERSION: u32 = 1;

/// The age format version line every ciphertext starts with.
pub const AGE_VERSION_LINE: &str = "age-encryption.org/v1";
