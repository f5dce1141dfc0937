//! Document content: `ContentReader` (age payload, then Padmé padding that must be zeros), for
//! the true size the input's `size:` field gives (the `document_content` vector has one) or
//! one drawn from the input, fed in pieces. Accepted content has exactly that size.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pde_crypto::document::ContentReader;
use pde_crypto_fuzz::{Input, file_for};

fuzz_target!(|data: &[u8]| {
    let input = Input::parse(data);
    let identity = input.identity();
    let file = file_for(&input, &identity);
    let size = input
        .field("size")
        .and_then(|text| text.trim().parse::<u64>().ok())
        .unwrap_or_else(|| data.len() as u64 / 2);
    let piece = 1 + data.last().copied().unwrap_or(0) as usize * 5;
    let mut reader = ContentReader::new(&identity, size);
    let mut content = Vec::new();
    for part in file.chunks(piece) {
        match reader.push(part) {
            Ok(out) => content.extend_from_slice(&out),
            Err(_) => return,
        }
    }
    if let Ok(out) = reader.finish() {
        content.extend_from_slice(&out);
        assert_eq!(content.len() as u64, size);
    }
});
