//! Typed ids: 128 random bits written as 32 lower-case hex characters, validated at parse.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::secrets;

/// The text given is not a valid id.
#[derive(Debug, Clone, Copy, PartialEq, Eq, thiserror::Error)]
#[error("an id is 32 lower-case hex characters")]
pub struct InvalidIdError;

macro_rules! typed_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, PartialEq, Eq, Hash)]
        pub struct $name([u8; 16]);

        impl $name {
            /// A fresh id from the system's secure random generator.
            pub fn random() -> Self {
                Self(secrets::random_bytes())
            }

            /// The 16 bytes.
            pub fn as_bytes(&self) -> &[u8; 16] {
                &self.0
            }

            /// The id of these 16 bytes.
            pub fn from_bytes(bytes: [u8; 16]) -> Self {
                Self(bytes)
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&secrets::hex(&self.0))
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                write!(f, "{}({self})", stringify!($name))
            }
        }

        impl FromStr for $name {
            type Err = InvalidIdError;
            fn from_str(s: &str) -> Result<Self, Self::Err> {
                parse_hex_16(s).map(Self).ok_or(InvalidIdError)
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.collect_str(self)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                let s = <std::borrow::Cow<'de, str>>::deserialize(d)?;
                s.parse().map_err(serde::de::Error::custom)
            }
        }
    };
}

typed_id!(
    /// An account id (a holder or a worker; a worker is known by its account id).
    AccountId
);
typed_id!(
    /// A document id; also the key of its content in the blob store.
    DocumentId
);
typed_id!(
    /// A share id (a worker share or a link); public, it opens nothing by itself.
    ShareId
);
typed_id!(
    /// An organisation id.
    OrganisationId
);
typed_id!(
    /// A passkey's id (not its WebAuthn credential id), as the Settings API names it.
    PasskeyId
);
typed_id!(
    /// A passkey ceremony under way (its start answered it; its finish names it).
    CeremonyId
);

typed_id!(
    /// One helper of a holder's helper set.
    HelperId
);
typed_id!(
    /// A help request (public: the recovering browser proves itself with the request token).
    HelpRequestId
);

fn parse_hex_16(s: &str) -> Option<[u8; 16]> {
    let bytes = s.as_bytes();
    if bytes.len() != 32 {
        return None;
    }
    let mut out = [0u8; 16];
    for (i, pair) in bytes.chunks_exact(2).enumerate() {
        out[i] = (nibble(pair[0])? << 4) | nibble(pair[1])?;
    }
    Some(out)
}

fn nibble(c: u8) -> Option<u8> {
    match c {
        b'0'..=b'9' => Some(c - b'0'),
        b'a'..=b'f' => Some(c - b'a' + 10),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_and_rejects() {
        let id = DocumentId::random();
        let text = id.to_string();
        assert_eq!(text.len(), 32);
        assert_eq!(text.parse::<DocumentId>().unwrap(), id);
        assert!(
            text.to_uppercase().parse::<DocumentId>().is_err()
                || text.chars().all(|c| c.is_ascii_digit())
        );
        assert!("0123".parse::<DocumentId>().is_err());
        assert!("g".repeat(32).parse::<DocumentId>().is_err());
        assert!(format!("{text}0").parse::<DocumentId>().is_err());
    }
}
