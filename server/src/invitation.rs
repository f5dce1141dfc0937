//! Invitation tokens: 128 random bits written as 32 hex characters, carried in the URL
//! fragment of `/join#<token>`. The server stores only their SHA-256.

use std::fmt;

use crate::secrets;

/// A fresh invitation token. Its `Debug` hides it.
pub struct InvitationToken(String);

impl InvitationToken {
    /// 128 bits from the system's secure random generator.
    pub fn random() -> Self {
        Self(secrets::hex(&secrets::random_bytes::<16>()))
    }

    /// The token itself, to be given to the invited worker only.
    pub fn expose(&self) -> &str {
        &self.0
    }

    /// What the server stores.
    pub fn hash(&self) -> String {
        secrets::sha256_hex(self.0.as_bytes())
    }
}

impl fmt::Debug for InvitationToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("InvitationToken(<redacted>)")
    }
}

/// The stored hash of a token as typed or pasted (hex, either case), or `None` if the text
/// cannot be a token.
pub fn hash_of(raw: &str) -> Option<String> {
    let token = raw.trim().to_ascii_lowercase();
    let ok = token.len() == 32 && token.bytes().all(|b| b.is_ascii_hexdigit());
    ok.then(|| secrets::sha256_hex(token.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_hash_the_same_however_typed() {
        let token = InvitationToken::random();
        assert_eq!(token.expose().len(), 32);
        assert_eq!(hash_of(token.expose()), Some(token.hash()));
        assert_eq!(
            hash_of(&format!(" {} ", token.expose().to_uppercase())),
            Some(token.hash())
        );
        assert_eq!(hash_of(&token.expose()[1..]), None);
        assert_eq!(hash_of(&"g".repeat(32)), None);
        assert!(!format!("{token:?}").contains(token.expose()));
    }
}
