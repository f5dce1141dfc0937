//! Canonical, unpadded Base64 through the `base64` crate: the standard alphabet as age uses it
//! (RFC 4648 §4 without `=`), and the URL-safe alphabet of link secrets (RFC 4648 §5 without
//! `=`).
//!
//! The crate's `*_NO_PAD` engines refuse padding, characters outside the alphabet and
//! non-zero trailing bits, so every byte string has exactly one accepted encoding, as age
//! requires. These wrappers only fix the engine for each use and turn errors into `None`
//! (callers map them to their own vague error).

use base64::Engine;
use base64::engine::general_purpose::{STANDARD_NO_PAD, URL_SAFE_NO_PAD};

/// Encodes without padding.
pub(crate) fn encode(data: &[u8]) -> String {
    STANDARD_NO_PAD.encode(data)
}

/// Decodes unpadded Base64, refusing padding, other characters and non-zero trailing bits.
pub(crate) fn decode(text: &[u8]) -> Option<Vec<u8>> {
    STANDARD_NO_PAD.decode(text).ok()
}

/// Encodes with the URL-safe alphabet, without padding.
pub(crate) fn encode_url(data: &[u8]) -> String {
    URL_SAFE_NO_PAD.encode(data)
}

/// Decodes unpadded URL-safe Base64, as strictly as [`decode`].
pub(crate) fn decode_url(text: &[u8]) -> Option<Vec<u8>> {
    URL_SAFE_NO_PAD.decode(text).ok()
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn rfc4648_vectors_without_padding() {
        for (plain, encoded) in [
            ("", ""),
            ("f", "Zg"),
            ("fo", "Zm8"),
            ("foo", "Zm9v"),
            ("foob", "Zm9vYg"),
            ("fooba", "Zm9vYmE"),
            ("foobar", "Zm9vYmFy"),
        ] {
            assert_eq!(encode(plain.as_bytes()), encoded);
            assert_eq!(decode(encoded.as_bytes()).unwrap(), plain.as_bytes());
        }
    }

    #[test]
    fn url_safe_alphabet() {
        let data = [0xfb, 0xff, 0xbf];
        assert_eq!(encode(&data), "+/+/");
        assert_eq!(encode_url(&data), "-_-_");
        assert_eq!(decode_url(b"-_-_").unwrap(), data);
        assert!(decode_url(b"+/+/").is_none());
        assert!(decode(b"-_-_").is_none());
        assert!(decode_url(b"Zm9vYmE=").is_none());
        assert_eq!(decode_url(b"Zm9vYmE").unwrap(), b"fooba");
    }

    #[test]
    fn refuses_non_canonical_forms() {
        assert!(decode(b"Zg==").is_none());
        assert!(decode(b"Zh").is_none());
        assert!(decode(b"Zm9").is_none());
        assert!(decode(b"Z").is_none());
        assert!(decode(b"Zm9v\n").is_none());
        assert!(decode(b"Zm-v").is_none());
        assert!(decode(b"Zm9v Yg").is_none());
        assert!(decode_url(b"_-8").is_some());
        assert!(decode_url(b"_-9").is_none());
    }
}
