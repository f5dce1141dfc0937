//! Server-side secrets: the pepper, keyed hashes, randomness, constant-time compare (ring).

use std::fmt;
use std::io::{self, Read, Write};
use std::path::Path;

use ring::rand::{SecureRandom, SystemRandom};
use ring::{digest, hmac};

/// Length of the pepper file in bytes.
pub const PEPPER_LEN: usize = 32;

/// `N` bytes from the system's secure random generator.
pub fn random_bytes<const N: usize>() -> [u8; N] {
    let mut out = [0u8; N];
    SystemRandom::new()
        .fill(&mut out)
        .expect("the system random generator failed");
    out
}

/// Lower-case hex.
pub fn hex(bytes: &[u8]) -> String {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(DIGITS[usize::from(b >> 4)] as char);
        out.push(DIGITS[usize::from(b & 0xf)] as char);
    }
    out
}

/// SHA-256 of `data`, in lower-case hex.
pub fn sha256_hex(data: &[u8]) -> String {
    hex(digest::digest(&digest::SHA256, data).as_ref())
}

/// A secret given in the configuration (such as the S3 secret key): wiped from memory when
/// dropped, and never shown by `Debug`.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretString(zeroize::Zeroizing<String>);

impl SecretString {
    /// The secret itself, for the one library call that needs it.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl std::str::FromStr for SecretString {
    type Err = std::convert::Infallible;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Ok(Self(zeroize::Zeroizing::new(s.to_owned())))
    }
}

impl fmt::Debug for SecretString {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("<redacted>")
    }
}

/// Keys derived from the server pepper, one per use, so no output of one use can stand for
/// another.
pub struct Pepper {
    auth_key: hmac::Key,
    fake_salt: hmac::Key,
    login_limit: hmac::Key,
    client_limit: hmac::Key,
    link_access: hmac::Key,
    link_pin: hmac::Key,
}

impl fmt::Debug for Pepper {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Pepper(<redacted>)")
    }
}

impl Pepper {
    /// Keys derived from the raw pepper bytes.
    pub fn from_bytes(pepper: &[u8]) -> Self {
        let root = hmac::Key::new(hmac::HMAC_SHA256, pepper);
        let derive = |label: &str| {
            hmac::Key::new(
                hmac::HMAC_SHA256,
                hmac::sign(&root, label.as_bytes()).as_ref(),
            )
        };
        Self {
            auth_key: derive("pde/v1/server/auth-key"),
            fake_salt: derive("pde/v1/server/fake-salt"),
            login_limit: derive("pde/v1/server/login-limit"),
            client_limit: derive("pde/v1/server/client-limit"),
            link_access: derive("pde/v1/server/link-access"),
            link_pin: derive("pde/v1/server/link-pin"),
        }
    }

    /// Reads the pepper file, creating it (32 random bytes, mode 0600) if it does not exist.
    pub fn load_or_create(path: &Path) -> io::Result<Self> {
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
        match options.open(path) {
            Ok(mut file) => {
                let pepper: [u8; PEPPER_LEN] = random_bytes();
                file.write_all(&pepper)?;
                file.sync_all()?;
                tracing::info!("created a new pepper file");
                return Ok(Self::from_bytes(&pepper));
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => {}
            Err(e) => return Err(e),
        }
        let mut bytes = Vec::new();
        std::fs::File::open(path)?.read_to_end(&mut bytes)?;
        if bytes.len() != PEPPER_LEN {
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!("the pepper file must hold exactly {PEPPER_LEN} bytes"),
            ));
        }
        Ok(Self::from_bytes(&bytes))
    }

    /// What the server stores in place of an auth key.
    pub fn auth_key_hmac(&self, auth_key: &[u8]) -> Vec<u8> {
        hmac::sign(&self.auth_key, auth_key).as_ref().to_vec()
    }

    /// Whether `auth_key` is the one whose HMAC is `stored` (compared in constant time).
    pub fn verify_auth_key(&self, auth_key: &[u8], stored: &[u8]) -> bool {
        hmac::verify(&self.auth_key, auth_key, stored).is_ok()
    }

    /// The stable fake salt answered for a pseudonym that has no account.
    pub fn fake_salt(&self, pseudonym_key: &str, len: usize) -> Vec<u8> {
        let tag = hmac::sign(&self.fake_salt, pseudonym_key.as_bytes());
        tag.as_ref()[..len].to_vec()
    }

    /// The key under which failed log-ins of a pseudonym are counted (the pseudonym itself is
    /// not stored for unknown ones).
    pub fn login_limit_key(&self, pseudonym_key: &str) -> String {
        hex(hmac::sign(&self.login_limit, pseudonym_key.as_bytes()).as_ref())
    }

    /// The key a client address is counted under by the sign-up limit: the address itself
    /// is never stored.
    pub fn client_limit_key(&self, client: &str) -> String {
        hex(hmac::sign(&self.client_limit, client.as_bytes()).as_ref())
    }

    /// What the server stores in place of a link's access key.
    pub fn link_access_hmac(&self, access_key: &[u8]) -> Vec<u8> {
        hmac::sign(&self.link_access, access_key).as_ref().to_vec()
    }

    /// Whether `access_key` is the one whose HMAC is `stored` (compared in constant time).
    pub fn verify_link_access(&self, access_key: &[u8], stored: &[u8]) -> bool {
        hmac::verify(&self.link_access, access_key, stored).is_ok()
    }

    /// What the server stores in place of a link's PIN: HMAC(share id ‖ PIN), so one PIN
    /// gives a different value on every link.
    pub fn link_pin_hmac(&self, share_id: &str, pin: &str) -> Vec<u8> {
        hmac::sign(&self.link_pin, &pin_message(share_id, pin))
            .as_ref()
            .to_vec()
    }

    /// Whether `pin` is the PIN of `share_id` whose HMAC is `stored` (constant time).
    pub fn verify_link_pin(&self, share_id: &str, pin: &str, stored: &[u8]) -> bool {
        hmac::verify(&self.link_pin, &pin_message(share_id, pin), stored).is_ok()
    }
}

/// The share id (fixed length, 32 hex characters) followed by the PIN.
fn pin_message(share_id: &str, pin: &str) -> Vec<u8> {
    [share_id.as_bytes(), pin.as_bytes()].concat()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pepper_file_is_created_once_with_mode_0600() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/pepper");
        let a = Pepper::load_or_create(&path).unwrap();
        let b = Pepper::load_or_create(&path).unwrap();
        assert_eq!(std::fs::read(&path).unwrap().len(), PEPPER_LEN);
        assert_eq!(a.fake_salt("x", 16), b.fake_salt("x", 16));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt;
            let mode = std::fs::metadata(&path).unwrap().permissions().mode();
            assert_eq!(mode & 0o777, 0o600);
        }
    }

    #[test]
    fn derived_keys_differ_per_use() {
        let p = Pepper::from_bytes(&[7; 32]);
        assert_ne!(p.fake_salt("abc", 32), p.auth_key_hmac(b"abc"));
        assert_ne!(hex(&p.fake_salt("abc", 32)), p.login_limit_key("abc"));
        let stored = p.auth_key_hmac(b"key");
        assert!(p.verify_auth_key(b"key", &stored));
        assert!(!p.verify_auth_key(b"kez", &stored));
    }

    #[test]
    fn link_secrets_have_their_own_keys() {
        let p = Pepper::from_bytes(&[7; 32]);
        let access = p.link_access_hmac(b"key");
        assert_ne!(access, p.auth_key_hmac(b"key"));
        assert!(p.verify_link_access(b"key", &access));
        assert!(!p.verify_link_access(b"kez", &access));
        assert!(!p.verify_auth_key(b"key", &access));

        let id = "0123456789abcdef0123456789abcdef";
        let other = "fedcba9876543210fedcba9876543210";
        let pin = p.link_pin_hmac(id, "123456");
        assert!(p.verify_link_pin(id, "123456", &pin));
        assert!(!p.verify_link_pin(id, "123457", &pin));
        assert!(!p.verify_link_pin(other, "123456", &pin));
        assert_ne!(pin, p.link_pin_hmac(other, "123456"));
        assert_ne!(pin, p.link_access_hmac(format!("{id}123456").as_bytes()));
    }
}
