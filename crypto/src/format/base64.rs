//! Canonical, unpadded Base64: the standard alphabet as age uses it (RFC 4648 §4 without `=`),
//! and the URL-safe alphabet of link secrets (RFC 4648 §5 without `=`).

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const URL_ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Encodes without padding.
pub(crate) fn encode(data: &[u8]) -> String {
    encode_with(ALPHABET, data)
}

/// Decodes unpadded Base64, refusing padding, other characters and non-zero trailing bits
/// (so every byte string has exactly one accepted encoding).
pub(crate) fn decode(text: &[u8]) -> Option<Vec<u8>> {
    decode_with(ALPHABET, text)
}

/// Encodes with the URL-safe alphabet, without padding.
pub(crate) fn encode_url(data: &[u8]) -> String {
    encode_with(URL_ALPHABET, data)
}

/// Decodes unpadded URL-safe Base64, as strictly as [`decode`].
pub(crate) fn decode_url(text: &[u8]) -> Option<Vec<u8>> {
    decode_with(URL_ALPHABET, text)
}

fn encode_with(alphabet: &[u8; 64], data: &[u8]) -> String {
    let mut out = String::with_capacity(data.len().div_ceil(3) * 4);
    for chunk in data.chunks(3) {
        let b = [
            chunk[0],
            *chunk.get(1).unwrap_or(&0),
            *chunk.get(2).unwrap_or(&0),
        ];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let chars = chunk.len() + 1;
        for i in 0..chars {
            let index = (n >> (18 - 6 * i)) & 0x3f;
            out.push(char::from(alphabet[index as usize]));
        }
    }
    out
}

fn value(alphabet: &[u8; 64], c: u8) -> Option<u32> {
    Some(u32::from(match c {
        b'A'..=b'Z' => c - b'A',
        b'a'..=b'z' => c - b'a' + 26,
        b'0'..=b'9' => c - b'0' + 52,
        _ if c == alphabet[62] => 62,
        _ if c == alphabet[63] => 63,
        _ => return None,
    }))
}

fn decode_with(alphabet: &[u8; 64], text: &[u8]) -> Option<Vec<u8>> {
    if text.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(text.len() * 3 / 4);
    for chunk in text.chunks(4) {
        let mut n = 0u32;
        for (i, &c) in chunk.iter().enumerate() {
            n |= value(alphabet, c)? << (18 - 6 * i);
        }
        let bytes = [(n >> 16) as u8, (n >> 8) as u8, n as u8];
        let keep = chunk.len() - 1;
        // The bits after the last whole byte must be zero.
        if keep < 3 && bytes[keep] != 0 {
            return None;
        }
        out.extend_from_slice(&bytes[..keep]);
    }
    Some(out)
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
    }
}
