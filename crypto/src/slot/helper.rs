//! Helper slots: the wallet identity W encrypted to an identity derived from a recovery
//! secret R that only the server and enough trusted helpers can rebuild together.
//!
//! R is never stored. Choosing helpers draws two random 32-byte parts:
//!
//! - the **server part** `S`, given to the server, which hands it out only after a waiting
//!   period nobody cancelled;
//! - the **helpers' secret** `H`, split k-of-n with Shamir's scheme over GF(256) into one
//!   [`HelperShare`] per helper, then forgotten.
//!
//! and `R = HKDF-SHA256(ikm = S ‖ H, salt = set id, info = "pde/v1/helper/secret")`. `S` and `H`
//! are independent and uniform, and fewer than k shares are independent of `H` (Shamir's
//! scheme is perfectly hiding), so neither the server part alone, nor fewer than k shares, nor
//! the server part with fewer than k shares, says anything about R; k shares without the server
//! part leave `S`'s 256 unknown bits. `R` then gives slot keys like a recovery code: an auth key
//! (the server keeps its HMAC; it proves a finished recovery) and a slot seed (the helper slot).
//!
//! The Shamir arithmetic is `vsss-rs`'s `Gf256`: its multiplication is a branch-free
//! shift-and-add and its inversion a fixed chain of multiplications, with no log/exp tables
//! (table look-ups indexed by secret bytes leak through the cache, as in `sharks` and
//! `blahaj`); it builds for wasm32 without a platform RNG (ours is passed in).
//!
//! A share is 43 bytes ([`HelperShare::to_bytes`]): version `1`, the 8-byte set id, the
//! threshold k, the share's x coordinate (1..=n) and its 32 y bytes. A worker's share is an age
//! file of those bytes to the worker's recipient; a paper helper card writes them in Bech32
//! ([`HelperShare::to_card_text`]), whose 6-character checksum catches any typo of up to four
//! characters.

use core::fmt;

use bech32::primitives::decode::CheckedHrpstring;
use bech32::{Bech32, Hrp};
use rand_core::CryptoRng;
use sha2::{Digest, Sha256};
use vsss_rs::Gf256;
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use super::SlotKeys;
use crate::format;
use crate::identity::{Identity, OpenError, Recipient};
use crate::kdf::hkdf_sha256;

/// The fewest helpers a set may need (one helper alone could open the wallet after the wait).
pub const MIN_THRESHOLD: u8 = 2;
/// The most helpers a set may have.
pub const MAX_HELPERS: u8 = 10;
/// Length of the server part.
pub const SERVER_PART_LEN: usize = 32;
/// Length of a share in bytes ([`HelperShare::to_bytes`]).
pub const SHARE_LEN: usize = 1 + SET_ID_LEN + 1 + 1 + SECRET_LEN;

const SHARE_VERSION: u8 = 1;
const SET_ID_LEN: usize = 8;
const SECRET_LEN: usize = 32;
const SECRET_INFO: &[u8] = b"pde/v1/helper/secret";
const HELPER_AUTH_INFO: &[u8] = b"pde/v1/helper/auth";
const HELPER_SLOT_INFO: &[u8] = b"pde/v1/helper/slot";
const CARD_AUTH_INFO: &[u8] = b"pde/v1/helper/card-auth";
const CARD_HRP: &str = "pdehelper";
const CODE_ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const CODE_DOMAIN: &[u8] = b"pde/v1/help-request-code\n";

/// Why a helper set could not be made or a share could not be read or used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum HelperError {
    /// k must be at least [`MIN_THRESHOLD`], n at most [`MAX_HELPERS`], and k at most n.
    Threshold,
    /// Not a share of a known version, or not [`SHARE_LEN`] bytes, or its fields are invalid.
    Damaged,
    /// A helper card with a character that cannot appear in one, or of the wrong length.
    CardCharacters,
    /// A helper card whose checksum does not match: a character was mistyped.
    CardChecksum,
    /// The shares come from different helper sets (one of them was replaced).
    MixedSets,
    /// Two shares are the same helper's.
    DuplicateShare,
    /// Fewer shares than the set needs.
    NotEnoughShares,
    /// The server part is not [`SERVER_PART_LEN`] bytes.
    ServerPartLength,
}

impl fmt::Display for HelperError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Self::Threshold => "a helper set needs 2 to 10 helpers, and at most as many as it has",
            Self::Damaged => "this is not a valid helper share",
            Self::CardCharacters => {
                "this helper card is not valid: a character is missing or wrong"
            }
            Self::CardChecksum => "this helper card is not valid: a character is mistyped",
            Self::MixedSets => "the shares come from different helper sets",
            Self::DuplicateShare => "the same helper's share is given twice",
            Self::NotEnoughShares => "not enough helper shares",
            Self::ServerPartLength => "the server part must be 32 bytes",
        })
    }
}

impl core::error::Error for HelperError {}

impl From<OpenError> for HelperError {
    fn from(_: OpenError) -> Self {
        Self::Damaged
    }
}

/// One helper's share of the helpers' secret.
#[derive(Clone, Zeroize, ZeroizeOnDrop, PartialEq, Eq)]
pub struct HelperShare {
    set_id: [u8; SET_ID_LEN],
    threshold: u8,
    index: u8,
    value: [u8; SECRET_LEN],
}

impl HelperShare {
    /// The binary form (see the module documentation), in memory zeroized on drop.
    pub fn to_bytes(&self) -> Zeroizing<Vec<u8>> {
        let mut out = Zeroizing::new(Vec::with_capacity(SHARE_LEN));
        out.push(SHARE_VERSION);
        out.extend_from_slice(&self.set_id);
        out.push(self.threshold);
        out.push(self.index);
        out.extend_from_slice(&self.value);
        out
    }

    /// Reads the binary form.
    pub fn from_bytes(bytes: &[u8]) -> Result<Self, HelperError> {
        if bytes.len() != SHARE_LEN || bytes[0] != SHARE_VERSION {
            return Err(HelperError::Damaged);
        }
        let threshold = bytes[1 + SET_ID_LEN];
        let index = bytes[2 + SET_ID_LEN];
        if !(MIN_THRESHOLD..=MAX_HELPERS).contains(&threshold) || index == 0 || index > MAX_HELPERS
        {
            return Err(HelperError::Damaged);
        }
        let mut set_id = [0u8; SET_ID_LEN];
        set_id.copy_from_slice(&bytes[1..1 + SET_ID_LEN]);
        let mut value = [0u8; SECRET_LEN];
        value.copy_from_slice(&bytes[3 + SET_ID_LEN..]);
        Ok(Self {
            set_id,
            threshold,
            index,
            value,
        })
    }

    /// How many shares the set needs.
    pub fn threshold(&self) -> u8 {
        self.threshold
    }

    /// Which helper of the set (1..=n).
    pub fn index(&self) -> u8 {
        self.index
    }

    /// The helper set, as 16 lowercase hex digits (the same on every share of one set).
    pub fn set_id_hex(&self) -> String {
        self.set_id.iter().map(|b| format!("{b:02x}")).collect()
    }

    /// This share as an age file to `to` (a worker's recipient, or the recovering browser's
    /// key for the request).
    pub fn seal_to<R: CryptoRng + ?Sized>(&self, to: &Recipient, rng: &mut R) -> Vec<u8> {
        format::encrypt(to, &self.to_bytes(), rng)
            .expect("a share always fits in an age file and recipients are checked on parse")
    }

    /// Opens an age file made by [`HelperShare::seal_to`].
    pub fn open(ciphertext: &[u8], with: &Identity) -> Result<Self, OpenError> {
        let bytes = Zeroizing::new(format::decrypt(with, ciphertext)?);
        Self::from_bytes(&bytes).map_err(|_| OpenError::Damaged)
    }

    /// The key that proves to the server that this paper card was typed on the recovering
    /// screen, without showing it the share: HKDF-SHA256 of the share's bytes. The server
    /// keeps HMAC(pepper, key) per card.
    pub fn card_auth_key(&self) -> Zeroizing<[u8; 32]> {
        hkdf_sha256(&self.to_bytes(), &[], CARD_AUTH_INFO)
    }

    /// The text of a paper helper card: Bech32 with the human-readable part `pdehelper`, in
    /// upper case (the QR code's alphanumeric mode), in groups of five.
    pub fn to_card_text(&self) -> Zeroizing<String> {
        let hrp = Hrp::parse(CARD_HRP).expect("constant HRP is valid");
        let lower = Zeroizing::new(
            bech32::encode::<Bech32>(hrp, &self.to_bytes()).expect("43 bytes fit in Bech32"),
        );
        let mut out = Zeroizing::new(String::with_capacity(lower.len() + lower.len() / 5));
        for (i, c) in lower.chars().enumerate() {
            if i > 0 && i % 5 == 0 {
                out.push(' ');
            }
            out.push(c.to_ascii_uppercase());
        }
        out
    }

    /// Reads a typed or scanned helper card: case-insensitive, spaces and dashes ignored.
    pub fn parse_card(text: &str) -> Result<Self, HelperError> {
        if text.len() > 200 {
            return Err(HelperError::CardCharacters);
        }
        let compact: Zeroizing<String> = Zeroizing::new(
            text.chars()
                .filter(|&c| c != '-' && !c.is_whitespace())
                .map(|c| c.to_ascii_lowercase())
                .collect(),
        );
        let checked = CheckedHrpstring::new::<Bech32>(&compact).map_err(|e| {
            use bech32::primitives::decode::{CheckedHrpstringError, ChecksumError};
            match e {
                CheckedHrpstringError::Checksum(ChecksumError::InvalidResidue) => {
                    HelperError::CardChecksum
                }
                _ => HelperError::CardCharacters,
            }
        })?;
        if checked.hrp().as_str() != CARD_HRP {
            return Err(HelperError::CardCharacters);
        }
        let bytes: Zeroizing<Vec<u8>> = Zeroizing::new(checked.byte_iter().collect());
        Self::from_bytes(&bytes)
    }
}

impl fmt::Debug for HelperShare {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "HelperShare(set {}, {} of k={}, <redacted>)",
            self.set_id_hex(),
            self.index,
            self.threshold
        )
    }
}

/// A new helper set: the server part, the slot keys of R, and one share per helper.
#[derive(Zeroize, ZeroizeOnDrop)]
pub struct HelperSet {
    server_part: [u8; SERVER_PART_LEN],
    keys: SlotKeys,
    shares: Vec<HelperShare>,
}

impl HelperSet {
    /// Draws a new set that needs `threshold` of `helpers` shares.
    pub fn generate<R: CryptoRng + ?Sized>(
        threshold: u8,
        helpers: u8,
        rng: &mut R,
    ) -> Result<Self, HelperError> {
        if threshold < MIN_THRESHOLD || helpers > MAX_HELPERS || threshold > helpers {
            return Err(HelperError::Threshold);
        }
        let mut set_id = [0u8; SET_ID_LEN];
        rng.fill_bytes(&mut set_id);
        let mut server_part = [0u8; SERVER_PART_LEN];
        rng.fill_bytes(&mut server_part);
        let mut secret = Zeroizing::new([0u8; SECRET_LEN]);
        rng.fill_bytes(secret.as_mut());
        let raw = Gf256::split_bytes(
            usize::from(threshold),
            usize::from(helpers),
            secret.as_ref(),
            RngRef(rng),
        )
        .map_err(|_| HelperError::Threshold)?;
        let mut shares = Vec::with_capacity(raw.len());
        for mut share in raw {
            // [x, y_0 … y_31], x = 1..=n in order.
            let mut value = [0u8; SECRET_LEN];
            value.copy_from_slice(&share[1..]);
            shares.push(HelperShare {
                set_id,
                threshold,
                index: share[0],
                value,
            });
            share.zeroize();
        }
        let keys = derive_keys(&server_part, &secret, &set_id);
        Ok(Self {
            server_part,
            keys,
            shares,
        })
    }

    /// The part the server keeps and releases after the waiting period.
    pub fn server_part(&self) -> &[u8; SERVER_PART_LEN] {
        &self.server_part
    }

    /// The slot keys of R: the auth key the server keeps an HMAC of, and the helper slot.
    pub fn keys(&self) -> &SlotKeys {
        &self.keys
    }

    /// The helpers' shares, in order (x = 1..=n).
    pub fn shares(&self) -> &[HelperShare] {
        &self.shares
    }
}

impl fmt::Debug for HelperSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("HelperSet(<redacted>)")
    }
}

/// Rebuilds the slot keys of R from the server part and at least k shares of one set.
///
/// Wrong shares (a forged or mistyped value that still parses) give other keys, which open no
/// slot: the caller learns it from [`SlotKeys::open_slot`] answering `WrongKey`.
pub fn recover(server_part: &[u8], shares: &[HelperShare]) -> Result<SlotKeys, HelperError> {
    let server_part: &[u8; SERVER_PART_LEN] = server_part
        .try_into()
        .map_err(|_| HelperError::ServerPartLength)?;
    let first = shares.first().ok_or(HelperError::NotEnoughShares)?;
    for (i, share) in shares.iter().enumerate() {
        if share.set_id != first.set_id || share.threshold != first.threshold {
            return Err(HelperError::MixedSets);
        }
        if shares[..i].iter().any(|s| s.index == share.index) {
            return Err(HelperError::DuplicateShare);
        }
    }
    let k = usize::from(first.threshold);
    if shares.len() < k {
        return Err(HelperError::NotEnoughShares);
    }
    let mut raw: Vec<Vec<u8>> = shares[..k]
        .iter()
        .map(|s| {
            let mut bytes = Vec::with_capacity(1 + SECRET_LEN);
            bytes.push(s.index);
            bytes.extend_from_slice(&s.value);
            bytes
        })
        .collect();
    let combined = Gf256::combine_bytes(&raw).map_err(|_| HelperError::Damaged);
    raw.iter_mut().for_each(|r| r.zeroize());
    let combined = Zeroizing::new(combined?);
    let secret: &[u8; SECRET_LEN] = combined
        .as_slice()
        .try_into()
        .map_err(|_| HelperError::Damaged)?;
    Ok(derive_keys(server_part, secret, &first.set_id))
}

fn derive_keys(
    server_part: &[u8; SERVER_PART_LEN],
    secret: &[u8; SECRET_LEN],
    set_id: &[u8; SET_ID_LEN],
) -> SlotKeys {
    let mut ikm = Zeroizing::new([0u8; SERVER_PART_LEN + SECRET_LEN]);
    ikm[..SERVER_PART_LEN].copy_from_slice(server_part);
    ikm[SERVER_PART_LEN..].copy_from_slice(secret);
    let r = hkdf_sha256(ikm.as_ref(), set_id, SECRET_INFO);
    SlotKeys::from_material(r.as_ref(), HELPER_AUTH_INFO, HELPER_SLOT_INFO)
}

/// The short code of a help request, `XXXX-XXXX` (40 bits of SHA-256 of the recovering
/// browser's request recipient, Crockford Base32). The recovering screen shows it; the
/// helper's browser computes it from the recipient the server hands out and the helper
/// compares it with the person, so a server that swapped the key is caught.
pub fn help_request_code(recipient: &Recipient) -> String {
    let mut hash = Sha256::new();
    hash.update(CODE_DOMAIN);
    hash.update(recipient.to_string().as_bytes());
    let digest = hash.finalize();
    let mut bits = 0u64;
    for &b in &digest[..5] {
        bits = (bits << 8) | u64::from(b);
    }
    let mut out = String::with_capacity(9);
    for i in 0..8 {
        if i == 4 {
            out.push('-');
        }
        out.push(char::from(
            CODE_ALPHABET[((bits >> (35 - 5 * i)) & 31) as usize],
        ));
    }
    out
}

/// vsss-rs takes its RNG by value; this lends it ours.
struct RngRef<'a, R: CryptoRng + ?Sized>(&'a mut R);

impl<R: CryptoRng + ?Sized> rand_core::TryRng for RngRef<'_, R> {
    type Error = core::convert::Infallible;
    fn try_next_u32(&mut self) -> Result<u32, Self::Error> {
        Ok(self.0.next_u32())
    }
    fn try_next_u64(&mut self) -> Result<u64, Self::Error> {
        Ok(self.0.next_u64())
    }
    fn try_fill_bytes(&mut self, dst: &mut [u8]) -> Result<(), Self::Error> {
        self.0.fill_bytes(dst);
        Ok(())
    }
}

impl<R: CryptoRng + ?Sized> rand_core::TryCryptoRng for RngRef<'_, R> {}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_chacha::ChaCha20Rng;
    use rand_core::SeedableRng;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    fn rng(seed: u8) -> ChaCha20Rng {
        ChaCha20Rng::from_seed([seed; 32])
    }

    #[test]
    fn any_k_shares_and_the_server_part_open_the_slot() {
        let mut rng = rng(1);
        let wallet = Identity::generate(&mut rng);
        let set = HelperSet::generate(2, 3, &mut rng).unwrap();
        let slot = set.keys().seal_slot(&wallet, &mut rng);
        let s = set.shares();
        for pair in [[0, 1], [0, 2], [1, 2], [2, 0]] {
            let shares = [s[pair[0]].clone(), s[pair[1]].clone()];
            let keys = recover(set.server_part(), &shares).unwrap();
            assert_eq!(keys.auth_key(), set.keys().auth_key());
            assert_eq!(
                keys.open_slot(&slot).unwrap().recipient(),
                wallet.recipient()
            );
        }
        // All three work too.
        let keys = recover(set.server_part(), s).unwrap();
        keys.open_slot(&slot).unwrap();
    }

    #[test]
    fn k_minus_one_shares_or_no_server_part_open_nothing() {
        let mut rng = rng(2);
        let wallet = Identity::generate(&mut rng);
        let set = HelperSet::generate(3, 5, &mut rng).unwrap();
        let slot = set.keys().seal_slot(&wallet, &mut rng);
        let s = set.shares();
        assert_eq!(
            recover(set.server_part(), &s[..2]).unwrap_err(),
            HelperError::NotEnoughShares
        );
        // k-1 true shares and a guess for the missing one: other keys.
        let mut guess = s[2].clone();
        guess.value = [0x42; 32];
        let keys = recover(set.server_part(), &[s[0].clone(), s[1].clone(), guess]).unwrap();
        assert_eq!(keys.open_slot(&slot).unwrap_err(), OpenError::WrongKey);
        // k true shares and a guessed server part: other keys.
        let keys = recover(&[0; 32], &s[..3]).unwrap();
        assert_eq!(keys.open_slot(&slot).unwrap_err(), OpenError::WrongKey);
    }

    #[test]
    fn shares_of_a_replaced_set_open_nothing() {
        let mut rng = rng(3);
        let wallet = Identity::generate(&mut rng);
        let old = HelperSet::generate(2, 3, &mut rng).unwrap();
        let new = HelperSet::generate(2, 3, &mut rng).unwrap();
        let slot = new.keys().seal_slot(&wallet, &mut rng);
        let keys = recover(new.server_part(), &old.shares()[..2]).unwrap();
        assert_eq!(keys.open_slot(&slot).unwrap_err(), OpenError::WrongKey);
        assert_eq!(
            recover(
                new.server_part(),
                &[old.shares()[0].clone(), new.shares()[1].clone()]
            )
            .unwrap_err(),
            HelperError::MixedSets
        );
    }

    #[test]
    fn thresholds_out_of_range_are_refused() {
        let mut rng = rng(4);
        for (k, n) in [(1, 3), (0, 0), (4, 3), (2, 11)] {
            assert_eq!(
                HelperSet::generate(k, n, &mut rng).unwrap_err(),
                HelperError::Threshold,
                "{k} of {n}"
            );
        }
        assert!(HelperSet::generate(10, 10, &mut rng).is_ok());
    }

    #[test]
    fn duplicate_shares_are_refused() {
        let set = HelperSet::generate(2, 3, &mut rng(5)).unwrap();
        let s = &set.shares()[0];
        assert_eq!(
            recover(set.server_part(), &[s.clone(), s.clone()]).unwrap_err(),
            HelperError::DuplicateShare
        );
    }

    #[test]
    fn card_text_round_trips_and_catches_typos() {
        let set = HelperSet::generate(2, 3, &mut rng(6)).unwrap();
        let share = &set.shares()[1];
        let text = share.to_card_text();
        assert!(text.starts_with("PDEHE LPER1"), "{}", *text);
        assert!(text.replace(' ', "").len() <= 90);
        assert_eq!(&HelperShare::parse_card(&text).unwrap(), share);
        let sloppy = text.to_lowercase().replace(' ', "-");
        assert_eq!(&HelperShare::parse_card(&sloppy).unwrap(), share);
        let compact: Vec<char> = text.chars().filter(|c| *c != ' ').collect();
        for position in CARD_HRP.len() + 1..compact.len() {
            for replacement in "QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L".chars() {
                if replacement == compact[position] {
                    continue;
                }
                let mut typo = compact.clone();
                typo[position] = replacement;
                let typo: String = typo.into_iter().collect();
                assert_eq!(
                    HelperShare::parse_card(&typo).unwrap_err(),
                    HelperError::CardChecksum,
                    "{position}"
                );
            }
        }
        assert_eq!(
            HelperShare::parse_card(&text[..text.len() - 3]).unwrap_err(),
            HelperError::CardChecksum
        );
        assert_eq!(
            HelperShare::parse_card("hello").unwrap_err(),
            HelperError::CardCharacters
        );
    }

    #[test]
    fn sealed_share_round_trip() {
        let mut rng = rng(7);
        let worker = Identity::generate(&mut rng);
        let set = HelperSet::generate(2, 2, &mut rng).unwrap();
        let sealed = set.shares()[0].seal_to(&worker.recipient(), &mut rng);
        assert_eq!(
            HelperShare::open(&sealed, &worker).unwrap(),
            set.shares()[0]
        );
        let other = Identity::generate(&mut rng);
        assert_eq!(
            HelperShare::open(&sealed, &other).unwrap_err(),
            OpenError::WrongKey
        );
    }

    #[test]
    fn binary_form_is_checked() {
        let set = HelperSet::generate(2, 3, &mut rng(8)).unwrap();
        let bytes = set.shares()[2].to_bytes();
        assert_eq!(bytes.len(), SHARE_LEN);
        assert_eq!(bytes[10], 3, "x of the third helper");
        let mut wrong_version = bytes.to_vec();
        wrong_version[0] = 2;
        let mut zero_index = bytes.to_vec();
        zero_index[10] = 0;
        for bad in [&bytes[..42], &wrong_version[..], &zero_index[..]] {
            assert_eq!(
                HelperShare::from_bytes(bad).unwrap_err(),
                HelperError::Damaged
            );
        }
    }

    #[test]
    fn request_code_depends_on_the_key_and_has_eight_characters() {
        let mut rng = rng(9);
        let a = Identity::generate(&mut rng).recipient();
        let b = Identity::generate(&mut rng).recipient();
        let code = help_request_code(&a);
        assert_eq!(code.len(), 9);
        assert_eq!(code.as_bytes()[4], b'-');
        assert_eq!(code, help_request_code(&a));
        assert_ne!(code, help_request_code(&b));
    }

    #[test]
    fn debug_is_redacted() {
        let set = HelperSet::generate(2, 3, &mut rng(10)).unwrap();
        assert_eq!(format!("{set:?}"), "HelperSet(<redacted>)");
        let share = format!("{:?}", set.shares()[0]);
        assert!(share.contains("<redacted>"));
        let value_hex: String = set.shares()[0].value[..4]
            .iter()
            .map(|b| format!("{b:02x}"))
            .collect();
        assert!(!share.contains(&value_hex));
    }
}
