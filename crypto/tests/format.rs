//! The age format: round trips, streaming, and rejection of every kind of damage.

mod common;

#[cfg(target_arch = "wasm32")]
use wasm_bindgen_test::wasm_bindgen_test as test;

use pde_crypto::format::{self, DecryptError, Decryptor, EncryptError, Encryptor};
use pde_crypto::identity::{Identity, Recipient};
use rand_chacha::ChaCha20Rng;
use rand_core::{Rng, SeedableRng};

const SIZES: [usize; 8] = [0, 1, 100, 65_535, 65_536, 65_537, 131_072, 150_000];

fn rng(seed: u8) -> ChaCha20Rng {
    ChaCha20Rng::from_seed([seed; 32])
}

fn random_bytes(rng: &mut ChaCha20Rng, len: usize) -> Vec<u8> {
    let mut data = vec![0u8; len];
    rng.fill_bytes(&mut data);
    data
}

#[test]
fn round_trip_at_chunk_boundaries() {
    let mut rng = rng(1);
    let identity = Identity::generate(&mut rng);
    for size in SIZES {
        let plaintext = random_bytes(&mut rng, size);
        let ciphertext = format::encrypt(&identity.recipient(), &plaintext, &mut rng).unwrap();
        assert_eq!(
            ciphertext.len() as u64,
            format::age_len(size as u64),
            "size {size}"
        );
        assert_eq!(format::decrypt(&identity, &ciphertext).unwrap(), plaintext);
    }
}

#[test]
fn writer_matches_an_independent_implementation() {
    for size in SIZES {
        let mut ours = rng(2);
        let recipient = Identity::generate(&mut ours).recipient();
        let mut theirs = ours.clone();
        let plaintext = vec![0x42; size];
        let ciphertext = format::encrypt(&recipient, &plaintext, &mut ours).unwrap();

        let mut file_key = [0u8; 16];
        let mut ephemeral = [0u8; 32];
        let mut nonce = [0u8; 16];
        theirs.fill_bytes(&mut file_key);
        theirs.fill_bytes(&mut ephemeral);
        theirs.fill_bytes(&mut nonce);
        let stanza = common::x25519_stanza(&file_key, ephemeral, *recipient.as_bytes());
        let mut expected = common::header(&file_key, &stanza);
        expected.extend(common::payload(
            &file_key,
            nonce,
            &common::chunks(&plaintext),
        ));
        assert!(ciphertext == expected, "size {size}");
    }
}

#[test]
fn streaming_in_odd_slices_gives_the_same_bytes() {
    let mut rng = rng(3);
    let identity = Identity::generate(&mut rng);
    let plaintext = random_bytes(&mut rng, 200_001);
    let reference = format::encrypt(&identity.recipient(), &plaintext, &mut rng.clone()).unwrap();
    for slice in [7usize, 1000, 65_536, 65_537, 1 << 20] {
        let mut encryptor = Encryptor::new(&identity.recipient(), &mut rng.clone()).unwrap();
        let mut ciphertext = Vec::new();
        for piece in plaintext.chunks(slice) {
            ciphertext.extend(encryptor.push(piece));
        }
        ciphertext.extend(encryptor.finish());
        assert!(ciphertext == reference, "encrypt slice {slice}");

        let mut decryptor = Decryptor::new(&identity);
        let mut decrypted = Vec::new();
        for piece in reference.chunks(slice) {
            decrypted.extend(decryptor.push(piece).unwrap());
        }
        decrypted.extend(decryptor.finish().unwrap());
        assert!(decrypted == plaintext, "decrypt slice {slice}");
    }
}

#[test]
fn byte_by_byte_streaming() {
    let mut rng = rng(4);
    let identity = Identity::generate(&mut rng);
    let plaintext = random_bytes(&mut rng, 70_000);
    let mut encryptor = Encryptor::new(&identity.recipient(), &mut rng).unwrap();
    let mut ciphertext = Vec::new();
    for byte in &plaintext {
        ciphertext.extend(encryptor.push(core::slice::from_ref(byte)));
    }
    ciphertext.extend(encryptor.finish());
    let mut decryptor = Decryptor::new(&identity);
    let mut decrypted = Vec::new();
    for byte in &ciphertext {
        decrypted.extend(decryptor.push(core::slice::from_ref(byte)).unwrap());
    }
    decrypted.extend(decryptor.finish().unwrap());
    assert!(decrypted == plaintext);
}

#[test]
fn plaintext_is_released_chunk_by_chunk() {
    let mut rng = rng(5);
    let identity = Identity::generate(&mut rng);
    let plaintext = random_bytes(&mut rng, 3 * 65_536 + 10);
    let ciphertext = format::encrypt(&identity.recipient(), &plaintext, &mut rng).unwrap();
    let mut decryptor = Decryptor::new(&identity);
    // Header, nonce and two whole chunks plus one byte: the two chunks are known not to be last.
    let cut = 168 + 16 + 2 * (65_536 + 16) + 1;
    assert_eq!(
        decryptor.push(&ciphertext[..cut]).unwrap().len(),
        2 * 65_536
    );
    assert_eq!(decryptor.push(&ciphertext[cut..]).unwrap().len(), 65_536);
    assert_eq!(decryptor.finish().unwrap().len(), 10);
}

#[test]
fn wrong_key_is_reported_as_such() {
    let mut rng = rng(6);
    let alice = Identity::generate(&mut rng);
    let bob = Identity::generate(&mut rng);
    let ciphertext = format::encrypt(&alice.recipient(), b"for alice", &mut rng).unwrap();
    assert_eq!(
        format::decrypt(&bob, &ciphertext).unwrap_err(),
        DecryptError::WrongKey
    );
}

#[test]
fn every_altered_byte_is_rejected() {
    let mut rng = rng(7);
    let identity = Identity::generate(&mut rng);
    let plaintext = random_bytes(&mut rng, 2 * 65_536 + 500);
    let ciphertext = format::encrypt(&identity.recipient(), &plaintext, &mut rng).unwrap();
    let header_and_nonce = 168 + 16;
    let mut positions: Vec<usize> = (0..header_and_nonce).collect();
    // In the payload: each chunk's first and last body byte and every tag byte.
    let mut start = header_and_nonce;
    while start < ciphertext.len() {
        let end = (start + 65_536 + 16).min(ciphertext.len());
        positions.extend([start, start + 1000.min(end - start - 17), end - 17]);
        positions.extend(end - 16..end);
        start = end;
    }
    for position in positions {
        for flip in [0x01u8, 0x80] {
            let mut altered = ciphertext.clone();
            altered[position] ^= flip;
            assert!(
                format::decrypt(&identity, &altered).is_err(),
                "byte {position} ^ {flip:#x} accepted"
            );
        }
    }
}

#[test]
fn every_truncation_and_extension_is_rejected() {
    let mut rng = rng(8);
    let identity = Identity::generate(&mut rng);
    for size in [0usize, 10, 65_536, 65_600] {
        let plaintext = random_bytes(&mut rng, size);
        let ciphertext = format::encrypt(&identity.recipient(), &plaintext, &mut rng).unwrap();
        let mut cuts: Vec<usize> = (0..200).collect();
        cuts.extend([
            ciphertext.len() - 17,
            ciphertext.len() - 16,
            ciphertext.len() - 1,
        ]);
        if size > 65_536 {
            cuts.extend([184 + 65_552 - 1, 184 + 65_552, 184 + 65_552 + 1]);
        }
        for cut in cuts.into_iter().filter(|&c| c < ciphertext.len()) {
            assert_eq!(
                format::decrypt(&identity, &ciphertext[..cut]).unwrap_err(),
                DecryptError::Damaged,
                "size {size} cut at {cut}"
            );
        }
        for extra in [&[0u8][..], &[0; 16], &[0; 17], &vec![0; 65_552]] {
            let mut extended = ciphertext.clone();
            extended.extend_from_slice(extra);
            assert_eq!(
                format::decrypt(&identity, &extended).unwrap_err(),
                DecryptError::Damaged,
                "size {size} + {} bytes",
                extra.len()
            );
        }
    }
}

#[test]
fn a_failed_decryptor_stays_failed() {
    let mut rng = rng(9);
    let identity = Identity::generate(&mut rng);
    let mut ciphertext = format::encrypt(&identity.recipient(), &[1; 200_000], &mut rng).unwrap();
    ciphertext[300] ^= 1;
    let mut decryptor = Decryptor::new(&identity);
    assert!(decryptor.push(&ciphertext[..70_000]).is_err());
    assert_eq!(
        decryptor.push(&ciphertext[70_000..]).unwrap_err(),
        DecryptError::Damaged
    );
    assert_eq!(decryptor.finish().unwrap_err(), DecryptError::Damaged);
}

#[test]
fn low_order_recipients_are_refused() {
    // The all-zero point and the point of order 8 used in small-subgroup attacks.
    for public in [[0u8; 32], {
        let mut p = [0u8; 32];
        p[0] = 1;
        p
    }] {
        let recipient = Recipient::from_bytes(public);
        assert_eq!(
            format::encrypt(&recipient, b"x", &mut rng(10)).unwrap_err(),
            EncryptError::InvalidRecipient
        );
    }
}

#[test]
fn files_with_other_stanzas_first_are_read() {
    let mut rng = rng(11);
    let identity = Identity::generate(&mut rng);
    let other = Identity::generate(&mut rng);
    let file_key = [5u8; 16];
    // An unknown stanza whose body fills a whole line (so an empty line ends it), then an
    // X25519 stanza for someone else, then ours.
    let stanzas = format!("-> some-grease arg1 !\"#\n{}\n\n", common::base64(&[9; 48]))
        + &common::x25519_stanza(&file_key, [1; 32], *other.recipient().as_bytes())
        + &common::x25519_stanza(&file_key, [2; 32], *identity.recipient().as_bytes());
    let mut file = common::header(&file_key, &stanzas);
    file.extend(common::payload(&file_key, [3; 16], &[(b"hi", true)]));
    assert_eq!(format::decrypt(&identity, &file).unwrap(), b"hi");
}

#[test]
fn an_scrypt_stanza_beside_another_makes_the_header_invalid() {
    let mut rng = rng(12);
    let identity = Identity::generate(&mut rng);
    let file_key = [6u8; 16];
    let ours = common::x25519_stanza(&file_key, [4; 32], *identity.recipient().as_bytes());
    let scrypt = format!(
        "-> scrypt {} 10\n{}\n",
        common::base64(&[1; 16]),
        common::base64(&[2; 32])
    );
    for stanzas in [ours.clone() + &scrypt, scrypt.clone() + &ours] {
        let mut file = common::header(&file_key, &stanzas);
        file.extend(common::payload(&file_key, [3; 16], &[(b"hi", true)]));
        assert_eq!(
            format::decrypt(&identity, &file).unwrap_err(),
            DecryptError::Damaged
        );
    }
    // Alone, an scrypt stanza is a well-formed header that our identity simply does not open.
    let mut file = common::header(&file_key, &scrypt);
    file.extend(common::payload(&file_key, [3; 16], &[(b"hi", true)]));
    assert_eq!(
        format::decrypt(&identity, &file).unwrap_err(),
        DecryptError::WrongKey
    );
}
