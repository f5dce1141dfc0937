//! PDE's key hierarchy and stored formats.
//!
//! Every ciphertext PDE stores is an [age v1](https://age-encryption.org/v1) file with one
//! X25519 recipient. This crate writes and reads those files ([`format`]), holds the secret
//! key types ([`identity`]), derives key slots from passphrases and recovery codes ([`slot`]),
//! seals documents ([`document`]) and pads them ([`padding`]), and shares them with workers
//! and links: share envelopes, link secrets and notes ([`share`]), exports them as files
//! the standard `age` tool opens ([`export`]), and keeps the wallet's own record of the
//! workers it shared with ([`record`]). It also reads and writes worker card codes
//! ([`worker_code`]), which the server and the fuzzer share with it.
//!
//! The crate is pure: no I/O, no clock, and randomness only through an RNG the caller passes,
//! so that it runs in the browser (wasm32) and its test vectors are reproducible.
//!
//! ```
//! use pde_crypto::{format, identity::Identity};
//! # let mut rng = rand_chacha::ChaCha20Rng::from_seed([1; 32]);
//! # use rand_core::SeedableRng;
//! let alice = Identity::generate(&mut rng);
//! let file = format::encrypt(&alice.recipient(), b"hello", &mut rng).unwrap();
//! assert_eq!(format::decrypt(&alice, &file).unwrap(), b"hello");
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

pub mod document;
pub mod export;
pub mod format;
pub mod identity;
pub mod padding;
pub mod record;
pub mod share;
pub mod slot;
pub mod version;
pub mod worker_code;

mod kdf;
