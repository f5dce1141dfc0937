//! Padmé padding: stored sizes leak at most O(log log L) bits of the true length.
//!
//! `padme(L)`: for L ≥ 2, let E = ⌊log2 L⌋, S = ⌊log2 E⌋ + 1, last_bits = E − S and
//! mask = 2^last_bits − 1; the padded length is (L + mask) & ¬mask. The overhead is at most
//! 12 % (less for large L).

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
