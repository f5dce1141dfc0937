//! Property tests (native only: proptest does not run under wasm-bindgen-test).
#![cfg(not(target_arch = "wasm32"))]

use pde_crypto::document;
use pde_crypto::format::{self, Decryptor, Encryptor};
use pde_crypto::identity::Identity;
use pde_crypto::padding::{metadata_padded_len, note_padded_len, padme};
use pde_crypto::share::{self, LinkSecret, Note, NoteError};
use pde_crypto::slot::RecoveryCode;
use proptest::prelude::*;
use rand_chacha::ChaCha20Rng;
use rand_core::SeedableRng;

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn format_round_trips_in_any_slicing(
        seed in any::<[u8; 32]>(),
        plaintext in proptest::collection::vec(any::<u8>(), 0..200_000),
        write_slice in 1usize..100_000,
        read_slice in 1usize..100_000,
    ) {
        let mut rng = ChaCha20Rng::from_seed(seed);
        let identity = Identity::generate(&mut rng);
        let mut encryptor = Encryptor::new(&identity.recipient(), &mut rng).unwrap();
        let mut ciphertext = Vec::new();
        for piece in plaintext.chunks(write_slice) {
            ciphertext.extend(encryptor.push(piece));
        }
        ciphertext.extend(encryptor.finish());
        prop_assert_eq!(ciphertext.len() as u64, format::age_len(plaintext.len() as u64));
        let mut decryptor = Decryptor::new(&identity);
        let mut decrypted = Vec::new();
        for piece in ciphertext.chunks(read_slice) {
            decrypted.extend(decryptor.push(piece).unwrap());
        }
        decrypted.extend(decryptor.finish().unwrap());
        prop_assert!(decrypted == plaintext);
    }

    #[test]
    fn any_single_bit_flip_is_rejected(seed in any::<[u8; 32]>(), len in 0usize..70_000, at in any::<prop::sample::Index>(), bit in 0u8..8) {
        let mut rng = ChaCha20Rng::from_seed(seed);
        let identity = Identity::generate(&mut rng);
        let mut ciphertext = format::encrypt(&identity.recipient(), &vec![7; len], &mut rng).unwrap();
        let at = at.index(ciphertext.len());
        ciphertext[at] ^= 1 << bit;
        prop_assert!(format::decrypt(&identity, &ciphertext).is_err());
    }

    #[test]
    fn padme_properties(len in 0u64..(1 << 40)) {
        let padded = padme(len);
        prop_assert!(padded >= len);
        // At most 12 % overhead.
        prop_assert!((padded - len) * 100 <= len * 12);
        prop_assert_eq!(padme(padded), padded);
        prop_assert!(padme(len + 1) >= padded);
        prop_assert!(metadata_padded_len(len) >= len.max(512));
    }

    #[test]
    fn encrypted_len_is_the_padded_age_length(len in 0u64..(1 << 36)) {
        let padded = padme(len);
        let chunks = padded.div_ceil(65_536).max(1);
        prop_assert_eq!(document::encrypted_len(len), 168 + 16 + padded + 16 * chunks);
    }

    #[test]
    fn recovery_codes_round_trip(seed in any::<[u8; 32]>()) {
        let code = RecoveryCode::generate(&mut ChaCha20Rng::from_seed(seed));
        let text = code.to_display_string();
        let again = RecoveryCode::parse(&text.to_lowercase()).unwrap();
        prop_assert_eq!(again.to_display_string(), text);
    }

    #[test]
    fn link_secrets_round_trip_through_their_fragment(seed in any::<[u8; 32]>()) {
        let link = LinkSecret::generate(&mut ChaCha20Rng::from_seed(seed));
        let fragment = link.to_fragment();
        prop_assert_eq!(fragment.len(), 43);
        prop_assert!(fragment.bytes().all(|c| c.is_ascii_alphanumeric() || c == b'-' || c == b'_'));
        let parsed = LinkSecret::parse(&fragment).unwrap();
        prop_assert_eq!(parsed.to_fragment(), fragment);
        prop_assert_eq!(parsed.identity().recipient(), link.identity().recipient());
        prop_assert_eq!(parsed.access_key(), link.access_key());
    }

    #[test]
    fn any_accepted_fragment_is_canonical(fragment in "[A-Za-z0-9_-]{43}") {
        // Either refused (non-zero trailing bits) or read back to exactly the same text.
        if let Ok(link) = LinkSecret::parse(&fragment) {
            prop_assert_eq!(&*link.to_fragment(), &fragment);
        }
        let canonical = format!("{}A", &fragment[..42]);
        prop_assert!(LinkSecret::parse(&canonical).is_ok());
    }

    #[test]
    fn notes_round_trip(
        seed in any::<[u8; 32]>(),
        from in proptest::option::of("\\PC{0,100}"),
        text in "(\\PC|\\n|\\t|\\x00|\\x1f){0,2000}",
    ) {
        let mut rng = ChaCha20Rng::from_seed(seed);
        let worker = Identity::generate(&mut rng);
        match Note::new(from.clone(), text.clone()) {
            Ok(note) => {
                prop_assert_eq!(note.from(), from.as_deref());
                prop_assert_eq!(note.text(), text.as_str());
                prop_assert_eq!(&Note::from_json(&note.to_json()).unwrap(), &note);
                let file = share::encrypt_note(&worker.recipient(), &note, &mut rng).unwrap();
                let json_len = note.to_json().len() as u64;
                prop_assert_eq!(file.len() as u64, format::age_len(note_padded_len(json_len)));
                prop_assert!(file.len() as u64 <= share::NOTE_MAX_ENCRYPTED_LEN);
                prop_assert_eq!(share::decrypt_note(&worker, &file).unwrap(), note);
            }
            // Only notes whose encoding is too large for 8 KiB are refused here.
            Err(error) => {
                prop_assert_eq!(error, NoteError::TooLarge);
                let json_len = serde_json::to_string(&text).unwrap().len()
                    + from.as_deref().map_or(4, |f| serde_json::to_string(f).unwrap().len());
                prop_assert!(json_len > 7_900);
            }
        }
    }

    #[test]
    fn identities_round_trip_through_text(seed in any::<[u8; 32]>()) {
        let identity = Identity::generate(&mut ChaCha20Rng::from_seed(seed));
        let parsed = Identity::parse(&identity.to_secret_string()).unwrap();
        prop_assert_eq!(parsed.recipient(), identity.recipient());
    }
}

#[test]
fn padme_small_values_by_hand() {
    let expected = [
        (0, 0),
        (1, 1),
        (2, 2),
        (3, 3),
        (4, 4),
        (9, 10),
        (17, 18),
        (100, 104),
        (1000, 1024),
    ];
    for (len, padded) in expected {
        assert_eq!(padme(len), padded, "padme({len})");
    }
}

/// Every subset of `0..n` of size `size`, as index lists.
fn subsets(n: usize, size: usize) -> Vec<Vec<usize>> {
    (0u32..(1 << n))
        .filter(|mask| mask.count_ones() as usize == size)
        .map(|mask| (0..n).filter(|i| mask & (1 << i) != 0).collect())
        .collect()
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(24))]

    /// Any k shares with the server part open the helper slot; every k−1 shares with the
    /// server part and a guess for the missing share, and every k shares with another server
    /// part, open nothing; shares of a replaced set open nothing.
    #[test]
    fn helper_slots_open_with_exactly_k_shares_and_the_server_part(
        seed in any::<[u8; 32]>(),
        (k, n) in (2u8..=5).prop_flat_map(|k| (Just(k), k..=6)),
        guess in any::<[u8; 32]>(),
    ) {
        use pde_crypto::slot::{HelperSet, HelperShare, recover_helper_keys};
        let mut rng = ChaCha20Rng::from_seed(seed);
        let wallet = Identity::generate(&mut rng);
        let replaced = HelperSet::generate(k, n, &mut rng).unwrap();
        let set = HelperSet::generate(k, n, &mut rng).unwrap();
        let slot = set.keys().seal_slot(&wallet, &mut rng);
        let pick = |set: &HelperSet, idx: &[usize]| -> Vec<HelperShare> {
            idx.iter().map(|&i| set.shares()[i].clone()).collect()
        };
        for idx in subsets(usize::from(n), usize::from(k)) {
            let keys = recover_helper_keys(set.server_part(), &pick(&set, &idx)).unwrap();
            prop_assert_eq!(keys.open_slot(&slot).unwrap().recipient(), wallet.recipient());
            let other_part = recover_helper_keys(&guess, &pick(&set, &idx)).unwrap();
            prop_assert!(other_part.open_slot(&slot).is_err());
            let old = recover_helper_keys(set.server_part(), &pick(&replaced, &idx)).unwrap();
            prop_assert!(old.open_slot(&slot).is_err());
        }
        for idx in subsets(usize::from(n), usize::from(k) - 1) {
            let mut shares = pick(&set, &idx);
            prop_assert!(recover_helper_keys(set.server_part(), &shares).is_err());
            // The missing share guessed: a share of the right set and index, other y bytes.
            let missing = (0..usize::from(n)).find(|i| !idx.contains(i)).unwrap();
            let mut bytes = set.shares()[missing].to_bytes().to_vec();
            if bytes[11..] == guess[..] {
                continue;
            }
            bytes[11..].copy_from_slice(&guess);
            shares.push(HelperShare::from_bytes(&bytes).unwrap());
            let keys = recover_helper_keys(set.server_part(), &shares).unwrap();
            prop_assert!(keys.open_slot(&slot).is_err());
        }
    }
}
