//! Key slots: the wallet identity W encrypted under one unlock method each.
//!
//! A passphrase or a recovery code yields [`SlotKeys`]: an auth key the server sees (it logs
//! the holder in) and a slot seed that never leaves the client. The slot seed is the X25519
//! secret of the slot identity, and the slot is W's text form encrypted to that identity.
//! A passkey yields only a slot key ([`PasskeySlotKey`], from its PRF output): it logs in with
//! a signature instead of an auth key.

mod helper;
mod limited;
mod passkey;
mod recovery;

use core::fmt;

use argon2::{Algorithm, Argon2, Block, Params, Version};
use rand_core::CryptoRng;
use unicode_normalization::UnicodeNormalization;
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

pub use helper::{
    HelperError, HelperSet, HelperShare, MAX_HELPERS, MIN_THRESHOLD, SERVER_PART_LEN, SHARE_LEN,
    help_request_code, recover as recover_helper_keys,
};
pub use limited::{
    SecondPassphraseError, check_second_passphrase, new_view, unwrap_view, wrap_view,
};
pub use passkey::{PRF_OUTPUT_LEN, PasskeySlotKey, PrfError};
pub use recovery::{RecoveryCode, RecoveryCodeError};

use crate::identity::{Identity, OpenError};
use crate::kdf::hkdf_sha256;

/// Length of the per-account passphrase salt.
pub const SALT_LEN: usize = 16;

const PASSPHRASE_AUTH_INFO: &[u8] = b"pde/v1/passphrase/auth";
const PASSPHRASE_SLOT_INFO: &[u8] = b"pde/v1/passphrase/slot";

/// Argon2id cost parameters, stored per account in clear so they can be raised.
///
/// The accepted range starts at the version 1 defaults ([`Argon2Params::V1`]): the client
/// never derives a passphrase key more cheaply than that, whatever the server says.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Argon2Params {
    m_kib: u32,
    t: u32,
    p: u32,
}

impl Argon2Params {
    /// The version 1 defaults: 64 MiB, 3 passes, 1 lane.
    pub const V1: Self = Self {
        m_kib: 65_536,
        t: 3,
        p: 1,
    };
    /// The largest accepted memory cost in KiB (256 MiB: more fails on cheap phones).
    pub const MAX_M_KIB: u32 = 262_144;
    /// The largest accepted number of passes.
    pub const MAX_T: u32 = 16;
    /// The largest accepted number of lanes.
    pub const MAX_P: u32 = 4;

    /// Checks that the parameters are within the accepted range.
    pub fn new(m_kib: u32, t: u32, p: u32) -> Result<Self, KdfError> {
        let in_range = (Self::V1.m_kib..=Self::MAX_M_KIB).contains(&m_kib)
            && (Self::V1.t..=Self::MAX_T).contains(&t)
            && (Self::V1.p..=Self::MAX_P).contains(&p);
        if in_range {
            Ok(Self { m_kib, t, p })
        } else {
            Err(KdfError::Params)
        }
    }

    /// Memory cost in KiB.
    pub fn m_kib(&self) -> u32 {
        self.m_kib
    }

    /// Number of passes.
    pub fn t(&self) -> u32 {
        self.t
    }

    /// Number of lanes.
    pub fn p(&self) -> u32 {
        self.p
    }
}

/// Why passphrase keys could not be derived.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum KdfError {
    /// The passphrase is empty once surrounding white space is trimmed.
    EmptyPassphrase,
    /// The salt is not [`SALT_LEN`] bytes long.
    SaltLength,
    /// The Argon2id parameters are outside the accepted range.
    Params,
    /// The memory Argon2id needs could not be allocated.
    OutOfMemory,
}

impl fmt::Display for KdfError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::EmptyPassphrase => "the passphrase is empty",
            Self::SaltLength => "the salt must be 16 bytes",
            Self::Params => "the Argon2id parameters are outside the accepted range",
            Self::OutOfMemory => "not enough memory for Argon2id",
        })
    }
}

impl core::error::Error for KdfError {}

/// The keys one unlock method yields.
#[derive(Clone, Zeroize, ZeroizeOnDrop)]
pub struct SlotKeys {
    auth_key: [u8; 32],
    slot_seed: [u8; 32],
}

impl SlotKeys {
    fn from_material(material: &[u8], auth_info: &[u8], slot_info: &[u8]) -> Self {
        Self {
            auth_key: *hkdf_sha256(material, &[], auth_info),
            slot_seed: *hkdf_sha256(material, &[], slot_info),
        }
    }

    /// The key the client sends to the server to log in.
    pub fn auth_key(&self) -> &[u8; 32] {
        &self.auth_key
    }

    /// The slot identity (its X25519 secret is the slot seed).
    pub fn slot_identity(&self) -> Identity {
        seed_identity(&self.slot_seed)
    }

    /// A key slot holding `wallet`, openable with these keys.
    pub fn seal_slot<R: CryptoRng + ?Sized>(&self, wallet: &Identity, rng: &mut R) -> Vec<u8> {
        seal_to_seed(&self.slot_seed, wallet, rng)
    }

    /// Opens a key slot and returns the wallet identity inside.
    pub fn open_slot(&self, slot: &[u8]) -> Result<Identity, OpenError> {
        Identity::open_sealed(slot, &self.slot_identity())
    }
}

/// The identity whose X25519 secret is a slot seed: what every kind of slot is encrypted to.
pub(crate) fn seed_identity(slot_seed: &[u8; 32]) -> Identity {
    let mut seed = *slot_seed;
    Identity::from_seed(&mut seed)
}

/// A key slot holding `wallet`: the wallet identity encrypted to [`seed_identity`].
pub(crate) fn seal_to_seed<R: CryptoRng + ?Sized>(
    slot_seed: &[u8; 32],
    wallet: &Identity,
    rng: &mut R,
) -> Vec<u8> {
    wallet
        .seal_to(&seed_identity(slot_seed).recipient(), rng)
        .expect("a recipient derived from a secret key is never low-order")
}

impl fmt::Debug for SlotKeys {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SlotKeys(<redacted>)")
    }
}

/// The working memory of Argon2id (64 MiB with the version 1 parameters), kept between
/// derivations so that a derivation does not start by allocating it.
///
/// The blocks are zero whenever no derivation runs: [`derive_passphrase_keys_in`] zeroizes
/// the blocks it used before it returns, whether it succeeded or not. Keeping the allocation
/// itself keeps nothing secret.
pub struct KdfMemory {
    blocks: Vec<Block>,
}

impl KdfMemory {
    /// No memory yet: the first derivation allocates it.
    pub const fn new() -> Self {
        Self { blocks: Vec::new() }
    }

    /// Allocates what a derivation with `params` needs, ahead of it (nothing when it is there).
    pub fn reserve(&mut self, params: Argon2Params) -> Result<(), KdfError> {
        let count = argon2_params(params)?.block_count();
        if self.blocks.len() < count {
            let more = count - self.blocks.len();
            self.blocks
                .try_reserve_exact(more)
                .map_err(|_| KdfError::OutOfMemory)?;
            self.blocks.resize(count, Block::new());
        }
        Ok(())
    }

    /// How many bytes are allocated.
    pub fn allocated_bytes(&self) -> usize {
        self.blocks.len() * Block::SIZE
    }
}

impl Default for KdfMemory {
    fn default() -> Self {
        Self::new()
    }
}

impl fmt::Debug for KdfMemory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "KdfMemory({} blocks)", self.blocks.len())
    }
}

fn argon2_params(params: Argon2Params) -> Result<Params, KdfError> {
    Params::new(params.m_kib, params.t, params.p, Some(32)).map_err(|_| KdfError::Params)
}

/// Derives the slot keys of a passphrase slot.
///
/// The passphrase is trimmed of surrounding white space and normalised to NFC first, so the
/// same words typed on another device give the same keys.
pub fn derive_passphrase_keys(
    passphrase: &str,
    salt: &[u8],
    params: Argon2Params,
) -> Result<SlotKeys, KdfError> {
    derive_passphrase_keys_in(passphrase, salt, params, &mut KdfMemory::new())
}

/// [`derive_passphrase_keys`] in `memory`, which is allocated (or grown) if it is too small
/// and zeroized before this returns.
pub fn derive_passphrase_keys_in(
    passphrase: &str,
    salt: &[u8],
    params: Argon2Params,
    memory: &mut KdfMemory,
) -> Result<SlotKeys, KdfError> {
    let normalized: Zeroizing<String> = Zeroizing::new(passphrase.trim().nfc().collect());
    if normalized.is_empty() {
        return Err(KdfError::EmptyPassphrase);
    }
    if salt.len() != SALT_LEN {
        return Err(KdfError::SaltLength);
    }
    let argon_params = argon2_params(params)?;
    let count = argon_params.block_count();
    memory.reserve(params)?;
    let blocks = &mut memory.blocks[..count];
    let argon = Argon2::new(Algorithm::Argon2id, Version::V0x13, argon_params);
    let mut km = Zeroizing::new([0u8; 32]);
    let hashed = argon.hash_password_into_with_memory(
        normalized.as_bytes(),
        salt,
        km.as_mut(),
        &mut *blocks,
    );
    // The blocks hold values from which the output can be recomputed.
    for block in blocks.iter_mut() {
        block.zeroize();
    }
    hashed.map_err(|_| KdfError::Params)?;
    Ok(SlotKeys::from_material(
        km.as_ref(),
        PASSPHRASE_AUTH_INFO,
        PASSPHRASE_SLOT_INFO,
    ))
}

/// A fresh random passphrase salt.
pub fn random_salt<R: CryptoRng + ?Sized>(rng: &mut R) -> [u8; SALT_LEN] {
    let mut salt = [0u8; SALT_LEN];
    rng.fill_bytes(&mut salt);
    salt
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_chacha::ChaCha20Rng;
    use rand_core::SeedableRng;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    /// Cheap parameters for tests of everything but the cost itself.
    const TEST_PARAMS: Argon2Params = Argon2Params {
        m_kib: 64,
        t: 1,
        p: 1,
    };

    #[test]
    fn passphrase_is_trimmed_and_normalised() {
        let salt = [3u8; SALT_LEN];
        let composed = derive_passphrase_keys("caf\u{e9} noir", &salt, TEST_PARAMS).unwrap();
        let decomposed =
            derive_passphrase_keys("  cafe\u{301} noir\n", &salt, TEST_PARAMS).unwrap();
        assert_eq!(composed.auth_key(), decomposed.auth_key());
        let other = derive_passphrase_keys("cafe noir", &salt, TEST_PARAMS).unwrap();
        assert_ne!(composed.auth_key(), other.auth_key());
    }

    #[test]
    fn auth_key_and_slot_seed_differ_and_depend_on_salt() {
        let a = derive_passphrase_keys("words", &[1; 16], TEST_PARAMS).unwrap();
        let b = derive_passphrase_keys("words", &[2; 16], TEST_PARAMS).unwrap();
        assert_ne!(a.auth_key, a.slot_seed);
        assert_ne!(a.auth_key, b.auth_key);
    }

    #[test]
    fn refuses_empty_passphrase_and_bad_salt() {
        assert_eq!(
            derive_passphrase_keys("  ", &[0; 16], TEST_PARAMS).unwrap_err(),
            KdfError::EmptyPassphrase
        );
        assert_eq!(
            derive_passphrase_keys("x", &[0; 15], TEST_PARAMS).unwrap_err(),
            KdfError::SaltLength
        );
    }

    #[test]
    fn params_below_v1_or_above_maximum_are_refused() {
        assert!(Argon2Params::new(65_536, 3, 1).is_ok());
        assert!(Argon2Params::new(131_072, 4, 2).is_ok());
        assert_eq!(Argon2Params::new(65_535, 3, 1), Err(KdfError::Params));
        assert_eq!(Argon2Params::new(65_536, 2, 1), Err(KdfError::Params));
        assert_eq!(Argon2Params::new(65_536, 3, 0), Err(KdfError::Params));
        assert_eq!(Argon2Params::new(262_145, 3, 1), Err(KdfError::Params));
        assert_eq!(Argon2Params::new(65_536, 17, 1), Err(KdfError::Params));
        assert_eq!(Argon2Params::new(65_536, 3, 5), Err(KdfError::Params));
    }

    #[test]
    fn slot_round_trip_and_wrong_keys() {
        let mut rng = ChaCha20Rng::from_seed([9; 32]);
        let wallet = Identity::generate(&mut rng);
        let keys = derive_passphrase_keys("right", &[5; 16], TEST_PARAMS).unwrap();
        let slot = keys.seal_slot(&wallet, &mut rng);
        let opened = keys.open_slot(&slot).unwrap();
        assert_eq!(opened.recipient(), wallet.recipient());
        let wrong = derive_passphrase_keys("wrong", &[5; 16], TEST_PARAMS).unwrap();
        assert_eq!(wrong.open_slot(&slot).unwrap_err(), OpenError::WrongKey);
    }

    #[test]
    fn kept_memory_gives_the_same_keys_and_is_zero_afterwards() {
        let salt = [7u8; SALT_LEN];
        let fresh = derive_passphrase_keys("some words", &salt, TEST_PARAMS).unwrap();
        let mut memory = KdfMemory::new();
        for _ in 0..2 {
            let kept =
                derive_passphrase_keys_in("some words", &salt, TEST_PARAMS, &mut memory).unwrap();
            assert_eq!(kept.auth_key(), fresh.auth_key());
            assert_eq!(kept.slot_seed, fresh.slot_seed);
            assert_eq!(memory.allocated_bytes(), 64 * 1024);
            assert!(
                memory
                    .blocks
                    .iter()
                    .all(|b| b.as_ref().iter().all(|w| *w == 0)),
                "the blocks are zeroized after a derivation"
            );
        }
        let other = derive_passphrase_keys_in("other words", &salt, TEST_PARAMS, &mut memory);
        assert_ne!(other.unwrap().auth_key(), fresh.auth_key());
    }

    #[test]
    fn reserve_allocates_ahead_and_grows_for_larger_params() {
        let mut memory = KdfMemory::new();
        assert_eq!(memory.allocated_bytes(), 0);
        memory.reserve(TEST_PARAMS).unwrap();
        assert_eq!(memory.allocated_bytes(), 64 * 1024);
        let larger = Argon2Params {
            m_kib: 128,
            ..TEST_PARAMS
        };
        derive_passphrase_keys_in("words", &[1; SALT_LEN], larger, &mut memory).unwrap();
        assert_eq!(memory.allocated_bytes(), 128 * 1024);
        // A smaller derivation uses the front of what is there.
        let small =
            derive_passphrase_keys_in("words", &[1; SALT_LEN], TEST_PARAMS, &mut memory).unwrap();
        assert_eq!(
            small.auth_key(),
            derive_passphrase_keys("words", &[1; SALT_LEN], TEST_PARAMS)
                .unwrap()
                .auth_key()
        );
        assert_eq!(memory.allocated_bytes(), 128 * 1024);
    }

    #[test]
    fn debug_is_redacted() {
        let keys = derive_passphrase_keys("x", &[0; 16], TEST_PARAMS).unwrap();
        assert_eq!(format!("{keys:?}"), "SlotKeys(<redacted>)");
    }
}
