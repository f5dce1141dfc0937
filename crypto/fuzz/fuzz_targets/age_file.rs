//! The age reader on arbitrary files: header, stanzas, MAC, payload nonce and STREAM chunks.
//! Reading whole and in pieces (of a size drawn from the input) must give the same result.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pde_crypto_fuzz::{Input, decrypt_both_ways, file_for};

fuzz_target!(|data: &[u8]| {
    let input = Input::parse(data);
    let identity = input.identity();
    let file = file_for(&input, &identity);
    let piece = 1 + data.first().copied().unwrap_or(0) as usize * 7;
    decrypt_both_ways(&identity, &file, piece);
});
