//! Padmé padding: stored sizes leak at most O(log log L) bits of the true length.
//!
//! `padme(L)`: for L ≥ 2, let E = ⌊log2 L⌋, S = ⌊log2 E⌋ + 1, last_bits = E − S and
//! mask = 2^last_bits − 1; the padded length is (L + mask) & ¬mask. The overhead is at most
//! 12 % (less for large L).

use zeroize::Zeroizing;

/// The Padmé length of `len`.
///
/// ```
/// use pde_crypto::padding::padme;
/// assert_eq!(padme(0), 0);
/// assert_eq!(padme(1000), 1024);
/// assert_eq!(padme(1_000_000), 1_015_808);
/// ```
pub fn padme(len: u64) -> u64 {
    if len < 2 {
        return len;
    }
    let e = u64::from(len.ilog2());
    let s = u64::from(e.ilog2()) + 1;
    let last_bits = e - s;
    let mask = (1u64 << last_bits) - 1;
    // (len + mask) cannot overflow the intended result except for lengths near u64::MAX,
    // which no caller can hold in memory; saturate rather than wrap.
    len.saturating_add(mask) & !mask
}

/// The padded length of a metadata JSON text of `len` bytes: `padme(max(len, 512))`.
pub fn metadata_padded_len(len: u64) -> u64 {
    padme(len.max(512))
}

/// The padded length of a note JSON text of `len` bytes: `padme(max(len, 256))`.
pub fn note_padded_len(len: u64) -> u64 {
    padme(len.max(256))
}

/// `text` followed by spaces up to `padded_len(text.len())` bytes, in memory that is zeroized
/// on drop. `text` is a compact JSON text (metadata or a note), which never ends in a space.
pub(crate) fn pad_with_spaces(text: String, padded_len: fn(u64) -> u64) -> Zeroizing<Vec<u8>> {
    let mut padded = Zeroizing::new(text.into_bytes());
    let len = padded_len(padded.len() as u64) as usize;
    padded.resize(len, b' ');
    padded
}

/// The text before the space padding, if `padded` is UTF-8 and its padding has exactly the
/// length `padded_len` gives for that text.
pub(crate) fn strip_spaces(padded: &[u8], padded_len: fn(u64) -> u64) -> Option<&str> {
    let text = core::str::from_utf8(padded).ok()?;
    let json = text.trim_end_matches(' ');
    (padded_len(json.len() as u64) == padded.len() as u64).then_some(json)
}
