//! Differential checks: `pde_crypto::format` and the `age` crate (the reference
//! implementation, a native dev-dependency) read the same files and must agree on accept or
//! refuse and, when both accept, on the plaintext.
//!
//! The files are the project's vectors (`tests/vectors/`), the community kit's binary X25519
//! vectors and a few files written by the independent writer of `common`, then random and
//! mutated versions of them: byte flips, insertions, deletions, truncations and extensions of
//! whole files, and edits of the header's stanza lines followed by a correct MAC (the file
//! key is known for the kit and for our own files), which is what reaches the parsers past the
//! MAC. Everything is drawn from a fixed seed, so a failure is reproducible; the number of
//! files is fixed (a few seconds of work), not a time budget.
//!
//! Known, deliberate differences (the second test shows each one):
//! - A stanza body whose last line is a full 64 columns and that is not followed by a short
//!   (possibly empty) line: the `age` crate still reads this legacy form, the spec and the kit
//!   (`stanza_missing_body`, `stanza_missing_final_line`) say to refuse it, and we refuse it.
//! - Headers longer than 16 KiB: we refuse them so that a reader never buffers an unbounded
//!   header; ours never exceed 168 bytes. The `age` crate has no such limit.
#![cfg(not(target_arch = "wasm32"))]

mod common;
mod kit;

use pde_crypto::format::{self, DecryptError};
use pde_crypto::identity::Identity;
use rand_chacha::ChaCha20Rng;
use rand_core::{Rng, SeedableRng};

/// A file to mutate, with the identity to read it and its file key when known.
struct Seed {
    name: String,
    identity: String,
    file_key: Option<[u8; 16]>,
    file: Vec<u8>,
}

/// Seeds larger than this are read as they are but not mutated (they would only slow the test).
const MAX_MUTATED_LEN: usize = 200 * 1024;

fn project_seeds() -> Vec<Seed> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/vectors");
    let mut names: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|entry| entry.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    names
        .into_iter()
        .filter_map(|name| {
            let bytes = std::fs::read(dir.join(&name)).unwrap();
            let split = bytes.windows(2).position(|w| w == b"\n\n").unwrap();
            let headers = std::str::from_utf8(&bytes[..split]).unwrap();
            let identity = headers
                .lines()
                .find_map(|line| line.strip_prefix("identity: "))?;
            Some(Seed {
                name,
                identity: identity.to_owned(),
                file_key: None,
                file: bytes[split + 2..].to_vec(),
            })
        })
        .collect()
}

fn kit_seeds() -> Vec<Seed> {
    kit::vectors()
        .into_iter()
        .filter(|vector| !vector.unsupported())
        .map(|vector| Seed {
            identity: vector.identities[0].clone(),
            file_key: vector.file_key.clone().try_into().ok(),
            name: format!("kit/{}", vector.name),
            file: vector.file,
        })
        .collect()
}

/// Files with one or two X25519 stanzas and an unknown one, from the independent writer.
fn written_seeds(rng: &mut ChaCha20Rng) -> Vec<Seed> {
    let mut seeds = Vec::new();
    for (i, len) in [0usize, 1, 100, common::CHUNK, common::CHUNK + 1]
        .into_iter()
        .enumerate()
    {
        let identity = Identity::generate(rng);
        let other = Identity::generate(rng);
        let mut file_key = [0u8; 16];
        rng.fill_bytes(&mut file_key);
        let mut plaintext = vec![0u8; len];
        rng.fill_bytes(&mut plaintext);
        let mut stanzas = String::new();
        if i % 2 == 1 {
            stanzas += &format!("-> grease {i}\n{}\n", common::base64(&[i as u8; 20]));
            stanzas +=
                &common::x25519_stanza(&file_key, [i as u8 + 1; 32], *other.recipient().as_bytes());
        }
        stanzas += &common::x25519_stanza(
            &file_key,
            [i as u8 + 9; 32],
            *identity.recipient().as_bytes(),
        );
        let mut file = common::header(&file_key, &stanzas);
        let mut nonce = [0u8; 16];
        rng.fill_bytes(&mut nonce);
        file.extend(common::payload(
            &file_key,
            nonce,
            &common::chunks(&plaintext),
        ));
        seeds.push(Seed {
            name: format!("written/{len}"),
            identity: identity.to_secret_string().to_string(),
            file_key: Some(file_key),
            file,
        });
    }
    seeds
}

/// How one reader judged a file.
#[derive(Debug, PartialEq, Eq)]
enum Outcome {
    Plaintext(Vec<u8>),
    Refused,
}

fn ours(identity: &str, file: &[u8]) -> Outcome {
    match format::decrypt(&Identity::parse(identity).unwrap(), file) {
        Ok(plaintext) => Outcome::Plaintext(plaintext),
        Err(DecryptError::WrongKey | DecryptError::Damaged) => Outcome::Refused,
        Err(other) => panic!("unexpected error {other:?}"),
    }
}

fn theirs(identity: &str, file: &[u8]) -> Outcome {
    match kit::reference(identity, file) {
        kit::Reference::Plaintext(plaintext) => Outcome::Plaintext(plaintext),
        kit::Reference::NoMatch | kit::Reference::Refused { .. } => Outcome::Refused,
    }
}

/// Splits a file into its header's stanza text (between the version line and `---`) and the
/// payload after the MAC line.
fn split_header(file: &[u8]) -> Option<(&[u8], &[u8])> {
    let body = file.strip_prefix(b"age-encryption.org/v1\n")?;
    let footer = body.windows(4).position(|w| w == b"\n---")? + 1;
    let mac_end = footer + body[footer..].iter().position(|&b| b == b'\n')? + 1;
    Some((&body[..footer], &body[mac_end..]))
}

/// The ways a header's stanza text is edited before it is given a correct MAC.
fn mutate_stanzas(rng: &mut ChaCha20Rng, text: &[u8]) -> Vec<u8> {
    let mut text = text.to_vec();
    let interesting: &[&[u8]] = &[
        b" ",
        b"\n",
        b"\r",
        b"-> ",
        b"=",
        b"A",
        b"\n\n",
        b"-> scrypt AAAA 10\nAAAA\n",
        b"-> X25519\n\n",
        b"---",
        b"+",
        b"\x00",
        b"\xff",
    ];
    let stanzas: &[&[u8]] = &[
        b"-> scrypt AAAAAAAAAAAAAAAAAAAAAA 10\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n",
        b"-> grease\n\n",
        b"-> grease a b c\nAAAA\n",
        b"-> X25519 AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\nAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA\n",
    ];
    for _ in 0..1 + rng.next_u32() % 3 {
        let at = rng.next_u32() as usize % (text.len() + 1);
        match rng.next_u32() % 7 {
            6 => {
                // A whole stanza at a stanza boundary (the start, or before a `-> ` line).
                let boundaries: Vec<usize> = (0..=text.len())
                    .filter(|&i| {
                        i == 0
                            || i == text.len()
                            || text[i..].starts_with(b"-> ") && text[i - 1] == b'\n'
                    })
                    .collect();
                let at = boundaries[rng.next_u32() as usize % boundaries.len()];
                let stanza = stanzas[rng.next_u32() as usize % stanzas.len()];
                text.splice(at..at, stanza.iter().copied());
            }
            0 if !text.is_empty() => {
                let at = at.min(text.len() - 1);
                text[at] = (rng.next_u32() % 256) as u8;
            }
            1 if !text.is_empty() => {
                let at = at.min(text.len() - 1);
                let len = 1 + rng.next_u32() as usize % 8;
                text.drain(at..(at + len).min(text.len()));
            }
            2 => {
                let piece = interesting[rng.next_u32() as usize % interesting.len()];
                text.splice(at..at, piece.iter().copied());
            }
            3 => {
                // Duplicate a line (e.g. a whole stanza argument line or body line).
                let start = text[..at]
                    .iter()
                    .rposition(|&b| b == b'\n')
                    .map_or(0, |p| p + 1);
                let end = text[at..]
                    .iter()
                    .position(|&b| b == b'\n')
                    .map_or(text.len(), |p| at + p + 1);
                let line = text[start..end].to_vec();
                text.splice(start..start, line);
            }
            4 if !text.is_empty() => {
                // Flip one bit of a Base64 character into another character.
                let at = at.min(text.len() - 1);
                text[at] ^= 1 << (rng.next_u32() % 7);
            }
            _ => {
                let start = text[..at]
                    .iter()
                    .rposition(|&b| b == b'\n')
                    .map_or(0, |p| p + 1);
                text.truncate(start);
            }
        }
    }
    text
}

/// Mutations of the whole file, with no care for the MAC.
fn mutate_file(rng: &mut ChaCha20Rng, file: &[u8]) -> Vec<u8> {
    let mut file = file.to_vec();
    let at = rng.next_u32() as usize % (file.len() + 1);
    match rng.next_u32() % 5 {
        0 if !file.is_empty() => {
            let at = at.min(file.len() - 1);
            file[at] ^= 1 << (rng.next_u32() % 8);
        }
        1 => file.truncate(at),
        2 => {
            let mut extra = vec![0u8; 1 + rng.next_u32() as usize % 40];
            rng.fill_bytes(&mut extra);
            file.splice(at..at, extra);
        }
        3 => {
            let len = 1 + rng.next_u32() as usize % 40;
            file.drain(at..(at + len).min(file.len()));
        }
        _ => {
            // Cut at or around a chunk boundary of the payload, or append a copy of a tail.
            let tail = file[at..].to_vec();
            file.extend_from_slice(&tail[..tail.len().min(17)]);
        }
    }
    file
}

/// Whether a disagreement is one of the deliberate differences of the module comment.
fn deliberate(file: &[u8], ours: &Outcome, theirs: &Outcome) -> Option<&'static str> {
    if *ours != Outcome::Refused || matches!(theirs, Outcome::Refused) {
        return None;
    }
    let (stanzas, _) = split_header(file)?;
    if stanzas.len() + 200 > 16 * 1024 {
        return Some("header over 16 KiB");
    }
    // Legacy stanza bodies: a stanza line directly followed by the next stanza or by `---`
    // (no body at all), or a 64-column body line directly followed by them.
    let mut lines: Vec<&[u8]> = stanzas.split(|&b| b == b'\n').collect();
    lines.pop(); // the text ends with `\n`
    lines.push(b"---");
    let legacy = lines.windows(2).any(|pair| {
        let next_starts_stanza = pair[1].starts_with(b"-> ") || pair[1] == b"---";
        next_starts_stanza && (pair[0].starts_with(b"-> ") || pair[0].len() == 64)
    });
    legacy.then_some("stanza body without a short final line")
}

#[test]
fn ours_and_the_age_crate_agree_on_original_random_and_mutated_files() {
    let mut rng = ChaCha20Rng::from_seed([42; 32]);
    let mut seeds = project_seeds();
    let project = seeds.len();
    // The kit's 16 MiB streams are judged by tests/testkit.rs; here they would only add time.
    seeds.extend(
        kit_seeds()
            .into_iter()
            .filter(|seed| seed.file.len() <= MAX_MUTATED_LEN),
    );
    seeds.extend(written_seeds(&mut rng));
    assert!(project >= 30, "the project's vectors are read ({project})");

    let mut checked = 0usize;
    let mut accepted = 0usize;
    let mut differences: Vec<String> = Vec::new();
    let mut deliberate_seen = std::collections::BTreeMap::<&str, usize>::new();
    let mut check = |what: String, identity: &str, file: &[u8]| {
        let (a, b) = (ours(identity, file), theirs(identity, file));
        checked += 1;
        if a == b {
            accepted += usize::from(matches!(a, Outcome::Plaintext(_)));
        } else if let Some(reason) = deliberate(file, &a, &b) {
            *deliberate_seen.entry(reason).or_default() += 1;
        } else {
            let show = |o: &Outcome| match o {
                Outcome::Plaintext(p) => format!("plaintext of {} bytes", p.len()),
                Outcome::Refused => "refused".into(),
            };
            differences.push(format!(
                "{what}: ours {}, age crate {}\n{}",
                show(&a),
                show(&b),
                String::from_utf8_lossy(&file[..file.len().min(300)])
            ));
        }
    };

    for seed in &seeds {
        check(seed.name.clone(), &seed.identity, &seed.file);
        if seed.file.len() > MAX_MUTATED_LEN {
            continue;
        }
        for i in 0..30 {
            let file = mutate_file(&mut rng, &seed.file);
            check(
                format!("{} file mutation {i}", seed.name),
                &seed.identity,
                &file,
            );
        }
        if let (Some(file_key), Some((stanzas, payload))) =
            (seed.file_key, split_header(&seed.file))
        {
            for i in 0..60 {
                let edited = mutate_stanzas(&mut rng, stanzas);
                let Ok(edited) = String::from_utf8(edited) else {
                    // Non-UTF-8 bytes in the header: build it by hand with the same MAC.
                    continue;
                };
                let mut file = common::header(&file_key, &edited);
                file.extend_from_slice(payload);
                check(
                    format!("{} stanza edit {i}", seed.name),
                    &seed.identity,
                    &file,
                );
            }
        }
    }
    // Random files: random bytes, and random bytes behind a valid version line.
    for i in 0..300 {
        let mut file = if i % 2 == 0 {
            b"age-encryption.org/v1\n".to_vec()
        } else {
            Vec::new()
        };
        let mut tail = vec![0u8; rng.next_u32() as usize % 300];
        rng.fill_bytes(&mut tail);
        file.extend(tail);
        check(format!("random {i}"), &seeds[0].identity, &file);
    }

    assert!(
        differences.is_empty(),
        "{} of {checked} files judged differently:\n{}",
        differences.len(),
        differences.join("\n---\n")
    );
    // The mutations must reach past the MAC often enough to be worth something.
    assert!(
        accepted >= 50,
        "only {accepted} of {checked} files were accepted by both"
    );
    eprintln!(
        "{checked} files, {accepted} accepted by both, deliberate differences: {deliberate_seen:?}"
    );
}

#[test]
fn the_deliberate_differences_are_the_listed_ones() {
    let mut rng = ChaCha20Rng::from_seed([43; 32]);
    let identity = Identity::generate(&mut rng);
    let text = identity.to_secret_string().to_string();
    let file_key = [8u8; 16];
    let ours_stanza = common::x25519_stanza(&file_key, [5; 32], *identity.recipient().as_bytes());
    let payload = common::payload(&file_key, [6; 16], &[(b"hi", true)]);
    let hi = Outcome::Plaintext(b"hi".to_vec());

    // A legacy stanza with no body line at all before the next stanza.
    let mut legacy = common::header(&file_key, &format!("-> grease\n{ours_stanza}"));
    legacy.extend_from_slice(&payload);
    assert_eq!(theirs(&text, &legacy), hi);
    assert_eq!(ours(&text, &legacy), Outcome::Refused);
    assert!(deliberate(&legacy, &Outcome::Refused, &hi).is_some());

    // A header of more than 16 KiB (a long unknown stanza before ours).
    let body = common::base64(&[0; 13_000]); // 17,334 characters: the last line is short
    let body_lines: Vec<&str> = body
        .as_bytes()
        .chunks(64)
        .map(|line| std::str::from_utf8(line).unwrap())
        .collect();
    let long = format!("-> grease\n{}", body_lines.join("\n"));
    let mut big = common::header(&file_key, &format!("{long}\n{ours_stanza}"));
    big.extend_from_slice(&payload);
    assert_eq!(theirs(&text, &big), hi);
    assert_eq!(ours(&text, &big), Outcome::Refused);
    assert!(deliberate(&big, &Outcome::Refused, &hi).is_some());

    // Without those, the same files are read alike.
    let mut plain = common::header(&file_key, &format!("-> grease\n\n{ours_stanza}"));
    plain.extend_from_slice(&payload);
    assert_eq!(theirs(&text, &plain), hi);
    assert_eq!(ours(&text, &plain), hi);
}
