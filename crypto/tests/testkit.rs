//! `pde_crypto::format` judged by the community age test kit (C2SP CCTV age vectors), which
//! the `age` crate's package carries (see `kit/mod.rs`).
//!
//! Every binary X25519 vector must give what the kit expects: the right plaintext (compared by
//! its SHA-256), or the right failure, with exactly the plaintext the kit allows to be
//! released before a damaged chunk. Every vector of a kind we do not read (passphrase files,
//! ASCII armor) must be refused.
#![cfg(not(target_arch = "wasm32"))]

mod kit;

use kit::{Expect, Vector};
use pde_crypto::format::{DecryptError, Decryptor};
use pde_crypto::identity::Identity;
use sha2::{Digest, Sha256};

/// Feeds the file in pieces of `piece` bytes and collects the plaintext released by every
/// successful call, so that a failure shows what had been handed out before it.
fn decrypt_in_pieces(
    identity: &Identity,
    file: &[u8],
    piece: usize,
) -> (Vec<u8>, Result<(), DecryptError>) {
    let mut decryptor = Decryptor::new(identity);
    let mut released = Vec::new();
    for part in file.chunks(piece) {
        match decryptor.push(part) {
            Ok(plain) => released.extend_from_slice(&plain),
            Err(error) => return (released, Err(error)),
        }
    }
    match decryptor.finish() {
        Ok(plain) => {
            released.extend_from_slice(&plain);
            (released, Ok(()))
        }
        Err(error) => (released, Err(error)),
    }
}

/// Our reader opens a file with one identity; the kit's X25519 vectors give one each.
fn identity(vector: &Vector) -> Identity {
    assert_eq!(vector.identities.len(), 1, "{}: one identity", vector.name);
    Identity::parse(&vector.identities[0]).unwrap()
}

/// What went wrong with one vector, or `None` if we judged it as the kit expects.
fn judge(vector: &Vector, piece: usize) -> Option<String> {
    if vector.unsupported() {
        // A passphrase or armored file: whatever identity we try, it must not open.
        let identity = match vector.identities.first() {
            Some(text) => Identity::parse(text).unwrap(),
            None => Identity::from_seed(&mut [7; 32]),
        };
        let (released, result) = decrypt_in_pieces(&identity, &vector.file, piece);
        return match result {
            Err(_) if released.is_empty() => None,
            Err(_) => Some(format!(
                "refused, but released {} bytes first",
                released.len()
            )),
            Ok(()) => Some("an unsupported file was accepted".into()),
        };
    }
    let (released, result) = decrypt_in_pieces(&identity(vector), &vector.file, piece);
    let hash: [u8; 32] = Sha256::digest(&released).into();
    let got = match &result {
        Ok(()) => format!("success with payload {}", hex::encode(hash)),
        Err(error) => format!("{error:?} after releasing payload {}", hex::encode(hash)),
    };
    let ok = match (&vector.expect, result) {
        (Expect::Success { payload_sha256 }, Ok(())) => hash == *payload_sha256,
        (Expect::PayloadFailure { payload_sha256 }, Err(DecryptError::Damaged)) => {
            hash == *payload_sha256 || released_less_than_allowed(vector, payload_sha256, &released)
        }
        (Expect::HeaderFailure | Expect::HmacFailure, Err(DecryptError::Damaged)) => {
            released.is_empty()
        }
        (Expect::NoMatch, Err(DecryptError::WrongKey)) => released.is_empty(),
        _ => false,
    };
    (!ok).then(|| format!("expected {:?}, got {got}", vector.expect))
}

/// The kit's payload for a damaged stream is what a streaming reader may have released before
/// the failure. Ours may release less: it holds a full chunk until more ciphertext shows it
/// is not the last one, and a push that fails returns nothing of what it opened. Releasing
/// less is allowed as long as it is a prefix of what the kit allows, so we compare with the
/// `age` crate's output, whose hash must itself be the kit's.
fn released_less_than_allowed(vector: &Vector, allowed_sha256: &[u8; 32], released: &[u8]) -> bool {
    let kit::Reference::Refused {
        released: allowed, ..
    } = kit::reference(&vector.identities[0], &vector.file)
    else {
        return false;
    };
    let allowed_hash: [u8; 32] = Sha256::digest(&allowed).into();
    allowed_hash == *allowed_sha256
        && released.len() < allowed.len()
        && released.len() % pde_crypto::format::CHUNK_SIZE == 0
        && allowed.starts_with(released)
}

fn check_all(piece: usize) {
    let vectors = kit::vectors();
    let x25519 = vectors.iter().filter(|v| !v.unsupported()).count();
    let unsupported = vectors.len() - x25519;
    // The kit of age 0.12 has 67 binary X25519 vectors and 56 others; a kit that shrank would test less than it says.
    assert!(
        x25519 >= 67 && unsupported >= 56,
        "{x25519} X25519 and {unsupported} other vectors"
    );
    let failures: Vec<String> = vectors
        .iter()
        .filter_map(|vector| {
            judge(vector, piece).map(|why| {
                let comment = vector.comment.as_deref().unwrap_or("");
                format!("{} ({comment}): {why}", vector.name)
            })
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} of {} kit vectors judged wrongly (pieces of {piece} bytes):\n{}",
        failures.len(),
        vectors.len(),
        failures.join("\n")
    );
}

#[test]
fn every_kit_vector_is_judged_as_the_kit_expects_when_read_whole() {
    check_all(usize::MAX);
}

#[test]
fn every_kit_vector_is_judged_as_the_kit_expects_when_fed_in_small_pieces() {
    check_all(1000);
}
