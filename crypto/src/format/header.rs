//! The age v1 header: version line, recipient stanzas, MAC.

use chacha20poly1305::aead::AeadInOut;
use chacha20poly1305::{ChaCha20Poly1305, Key, KeyInit, Nonce, Tag};
use rand_core::CryptoRng;
use x25519_dalek::{PublicKey, StaticSecret};
use zeroize::{Zeroize, ZeroizeOnDrop, Zeroizing};

use super::{DecryptError, EncryptError, base64};
use crate::identity::{Identity, Recipient};
use crate::kdf::{hkdf_sha256, hmac_sha256, hmac_sha256_verify};

const VERSION_LINE: &[u8] = b"age-encryption.org/v1";
const X25519_TAG: &[u8] = b"X25519";
const X25519_LABEL: &[u8] = b"age-encryption.org/v1/X25519";
const SCRYPT_TAG: &[u8] = b"scrypt";
const MAC_LABEL: &[u8] = b"header";
const FOOTER_PREFIX: &[u8] = b"\n---";
const COLUMNS: usize = 64;

/// Headers longer than this are refused; ours are [`HEADER_LEN`] bytes.
pub(crate) const MAX_HEADER_LEN: usize = 16 * 1024;

/// Length of a header with exactly one X25519 stanza, as [`write`] produces it.
pub(crate) const HEADER_LEN: usize = 22 + 54 + 44 + 48;

/// The 128-bit key of one age file.
#[derive(Zeroize, ZeroizeOnDrop)]
pub(crate) struct FileKey(pub(crate) [u8; 16]);

impl FileKey {
    pub(crate) fn generate<R: CryptoRng + ?Sized>(rng: &mut R) -> Self {
        let mut key = [0u8; 16];
        rng.fill_bytes(&mut key);
        Self(key)
    }
}

/// Writes a header with one X25519 stanza wrapping `file_key` for `recipient`.
pub(crate) fn write<R: CryptoRng + ?Sized>(
    file_key: &FileKey,
    recipient: &Recipient,
    rng: &mut R,
) -> Result<Vec<u8>, EncryptError> {
    let mut ephemeral_bytes = Zeroizing::new([0u8; 32]);
    rng.fill_bytes(ephemeral_bytes.as_mut());
    let ephemeral = StaticSecret::from(*ephemeral_bytes);
    let ephemeral_share = PublicKey::from(&ephemeral).to_bytes();
    let shared = ephemeral.diffie_hellman(&PublicKey::from(*recipient.as_bytes()));
    if !shared.was_contributory() {
        return Err(EncryptError::InvalidRecipient);
    }
    let wrap_key = x25519_wrap_key(shared.as_bytes(), &ephemeral_share, recipient.as_bytes());
    let mut body = file_key.0.to_vec();
    let tag = cipher(&wrap_key)
        .encrypt_inout_detached(&Nonce::default(), &[], body.as_mut_slice().into())
        .expect("a 16-byte message is within ChaCha20-Poly1305 limits");
    body.extend_from_slice(&tag);

    let mut header = Vec::with_capacity(HEADER_LEN);
    header.extend_from_slice(VERSION_LINE);
    header.extend_from_slice(b"\n-> X25519 ");
    header.extend_from_slice(base64::encode(&ephemeral_share).as_bytes());
    header.push(b'\n');
    write_body(&mut header, &body);
    Ok(finish_header(header, file_key))
}

/// The salt label of age's scrypt recipient (the work factor is the stanza's third argument).
const SCRYPT_SALT_LABEL: &[u8] = b"age-encryption.org/v1/scrypt";
/// Random salt bytes of an scrypt stanza.
const SCRYPT_SALT_LEN: usize = 16;

/// Writes a header with one `scrypt` stanza wrapping `file_key` under `passphrase`, as age's
/// passphrase recipient does: wrap key = scrypt(passphrase, label || salt, N = 2^`log_n`,
/// r = 8, p = 1), file key sealed with ChaCha20-Poly1305 under the zero nonce.
///
/// `log_n` must be accepted by the `scrypt` crate (1..=63 with r = 8); callers pass a constant.
pub(crate) fn write_scrypt<R: CryptoRng + ?Sized>(
    file_key: &FileKey,
    passphrase: &[u8],
    log_n: u8,
    rng: &mut R,
) -> Vec<u8> {
    let mut salt = [0u8; SCRYPT_SALT_LEN];
    rng.fill_bytes(&mut salt);
    let mut labelled_salt = SCRYPT_SALT_LABEL.to_vec();
    labelled_salt.extend_from_slice(&salt);
    let params = scrypt::Params::new(log_n, 8, 1).expect("a valid constant work factor");
    let mut wrap_key = Zeroizing::new([0u8; 32]);
    scrypt::scrypt(passphrase, &labelled_salt, &params, wrap_key.as_mut())
        .expect("32 bytes is a valid scrypt output length");
    let mut body = file_key.0.to_vec();
    let tag = cipher(&wrap_key)
        .encrypt_inout_detached(&Nonce::default(), &[], body.as_mut_slice().into())
        .expect("a 16-byte message is within ChaCha20-Poly1305 limits");
    body.extend_from_slice(&tag);

    let mut header = Vec::new();
    header.extend_from_slice(VERSION_LINE);
    header.extend_from_slice(b"\n-> scrypt ");
    header.extend_from_slice(base64::encode(&salt).as_bytes());
    header.extend_from_slice(format!(" {log_n}\n").as_bytes());
    write_body(&mut header, &body);
    finish_header(header, file_key)
}

/// Appends the footer line with the header MAC.
fn finish_header(mut header: Vec<u8>, file_key: &FileKey) -> Vec<u8> {
    header.extend_from_slice(b"---");
    let mac = hmac_sha256(mac_key(file_key).as_ref(), &header);
    header.push(b' ');
    header.extend_from_slice(base64::encode(&mac).as_bytes());
    header.push(b'\n');
    header
}

/// How far [`read`] has already looked into a header that is still incomplete, so that a
/// header fed in many small pieces is scanned once, not once per piece (which made a 16 KiB
/// header sent byte by byte cost time quadratic in its length).
#[derive(Debug, Default)]
pub(crate) struct Progress {
    /// Bytes searched for the footer `\n---` without finding it.
    footer_scanned: usize,
    /// Where the footer starts, once found.
    footer: Option<usize>,
    /// Bytes after the footer searched for the end of the MAC line without finding it.
    mac_line_scanned: usize,
}

/// Reads a header from the start of `buf`, which only grows between calls that share one
/// `progress`.
///
/// Returns `Ok(None)` while the header is incomplete, and the file key with the header's
/// length once it is complete, well-formed, has a stanza for `identity` and a valid MAC.
pub(crate) fn read(
    buf: &[u8],
    identity: &Identity,
    progress: &mut Progress,
) -> Result<Option<(FileKey, usize)>, DecryptError> {
    let start = &buf[..buf.len().min(VERSION_LINE.len() + 1)];
    if !b"age-encryption.org/v1\n".starts_with(start) {
        return Err(DecryptError::Damaged);
    }
    let footer = match progress.footer {
        Some(footer) => footer,
        None => {
            // The footer may straddle what was searched before and what is new.
            let from = progress
                .footer_scanned
                .saturating_sub(FOOTER_PREFIX.len() - 1);
            let Some(found) = find(&buf[from..], FOOTER_PREFIX) else {
                progress.footer_scanned = buf.len();
                return incomplete(buf);
            };
            progress.footer = Some(from + found);
            from + found
        }
    };
    let mac_start = footer + FOOTER_PREFIX.len();
    let from = progress.mac_line_scanned.max(mac_start);
    let Some(mac_line_rest) = buf[from..].iter().position(|&b| b == b'\n') else {
        progress.mac_line_scanned = buf.len();
        return incomplete(buf);
    };
    let header_len = from + mac_line_rest + 1;
    if header_len > MAX_HEADER_LEN {
        return Err(DecryptError::Damaged);
    }
    let stanzas = parse_stanzas(&buf[VERSION_LINE.len() + 1..footer + 1])?;
    let mac = match buf[mac_start..header_len - 1].strip_prefix(b" ") {
        Some(encoded) if encoded.len() == 43 => {
            base64::decode(encoded).ok_or(DecryptError::Damaged)?
        }
        _ => return Err(DecryptError::Damaged),
    };

    let mut file_key = None;
    for stanza in &stanzas {
        if stanza.args[0] != X25519_TAG {
            continue;
        }
        if let Some(key) = unwrap_x25519(stanza, identity)? {
            file_key = Some(key);
            break;
        }
    }
    let file_key = file_key.ok_or(DecryptError::WrongKey)?;
    if !hmac_sha256_verify(mac_key(&file_key).as_ref(), &buf[..mac_start], &mac) {
        return Err(DecryptError::Damaged);
    }
    Ok(Some((file_key, header_len)))
}

struct Stanza<'a> {
    args: Vec<&'a [u8]>,
    body: Vec<u8>,
}

/// Parses the stanza lines (each ending in `\n`) between the version line and the footer.
fn parse_stanzas(mut text: &[u8]) -> Result<Vec<Stanza<'_>>, DecryptError> {
    let mut stanzas = Vec::new();
    while !text.is_empty() {
        let (line, rest) = split_line(text)?;
        text = rest;
        let args_text = line.strip_prefix(b"-> ").ok_or(DecryptError::Damaged)?;
        let args: Vec<&[u8]> = args_text.split(|&b| b == b' ').collect();
        if args
            .iter()
            .any(|arg| arg.is_empty() || !arg.iter().all(|b| (33..=126).contains(b)))
        {
            return Err(DecryptError::Damaged);
        }
        let mut encoded = Vec::new();
        loop {
            let (line, rest) = split_line(text)?;
            text = rest;
            if line.len() > COLUMNS {
                return Err(DecryptError::Damaged);
            }
            encoded.extend_from_slice(line);
            if line.len() < COLUMNS {
                break;
            }
        }
        let body = base64::decode(&encoded).ok_or(DecryptError::Damaged)?;
        stanzas.push(Stanza { args, body });
    }
    if stanzas.is_empty() {
        return Err(DecryptError::Damaged);
    }
    // The spec: a passphrase (scrypt) stanza must be the only stanza of its header, so that a
    // passphrase-encrypted file cannot also be opened by someone else's key. We never open
    // scrypt stanzas, but a header that breaks the rule is malformed for every reader.
    if stanzas.len() > 1 && stanzas.iter().any(|stanza| stanza.args[0] == SCRYPT_TAG) {
        return Err(DecryptError::Damaged);
    }
    Ok(stanzas)
}

/// Tries to unwrap the file key from an X25519 stanza; `Ok(None)` if it is for someone else.
fn unwrap_x25519(
    stanza: &Stanza<'_>,
    identity: &Identity,
) -> Result<Option<FileKey>, DecryptError> {
    let [_, share] = stanza.args[..] else {
        return Err(DecryptError::Damaged);
    };
    let share: [u8; 32] = match base64::decode(share) {
        Some(bytes) if share.len() == 43 => bytes.try_into().map_err(|_| DecryptError::Damaged)?,
        _ => return Err(DecryptError::Damaged),
    };
    if stanza.body.len() != 32 {
        return Err(DecryptError::Damaged);
    }
    let shared = identity
        .static_secret()
        .diffie_hellman(&PublicKey::from(share));
    if !shared.was_contributory() {
        return Err(DecryptError::Damaged);
    }
    let ours = identity.recipient();
    let wrap_key = x25519_wrap_key(shared.as_bytes(), &share, ours.as_bytes());
    let mut key = FileKey([0; 16]);
    key.0.copy_from_slice(&stanza.body[..16]);
    let tag = Tag::try_from(&stanza.body[16..]).map_err(|_| DecryptError::Damaged)?;
    match cipher(&wrap_key).decrypt_inout_detached(
        &Nonce::default(),
        &[],
        key.0.as_mut_slice().into(),
        &tag,
    ) {
        Ok(()) => Ok(Some(key)),
        Err(_) => Ok(None),
    }
}

fn x25519_wrap_key(
    shared: &[u8; 32],
    share: &[u8; 32],
    recipient: &[u8; 32],
) -> Zeroizing<[u8; 32]> {
    let mut salt = [0u8; 64];
    salt[..32].copy_from_slice(share);
    salt[32..].copy_from_slice(recipient);
    hkdf_sha256(shared, &salt, X25519_LABEL)
}

fn mac_key(file_key: &FileKey) -> Zeroizing<[u8; 32]> {
    hkdf_sha256(&file_key.0, &[], MAC_LABEL)
}

pub(crate) fn cipher(key: &[u8; 32]) -> ChaCha20Poly1305 {
    ChaCha20Poly1305::new(&Key::from(*key))
}

/// Writes a stanza body as Base64 lines of 64 columns; the last line is always shorter
/// (empty when the encoding fills whole lines), which is how a reader finds the end.
fn write_body(out: &mut Vec<u8>, body: &[u8]) {
    let encoded = base64::encode(body);
    for line in encoded.as_bytes().chunks(COLUMNS) {
        out.extend_from_slice(line);
        out.push(b'\n');
    }
    if encoded.len() % COLUMNS == 0 {
        out.push(b'\n');
    }
}

fn split_line(text: &[u8]) -> Result<(&[u8], &[u8]), DecryptError> {
    let end = text
        .iter()
        .position(|&b| b == b'\n')
        .ok_or(DecryptError::Damaged)?;
    Ok((&text[..end], &text[end + 1..]))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

fn incomplete<T>(buf: &[u8]) -> Result<Option<T>, DecryptError> {
    if buf.len() > MAX_HEADER_LEN {
        Err(DecryptError::Damaged)
    } else {
        Ok(None)
    }
}
