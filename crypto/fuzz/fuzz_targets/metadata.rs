//! Document metadata: `decrypt_metadata` (age file, space padding, metadata JSON) and
//! `Metadata::from_json`. Accepted metadata must survive a rewrite unchanged (unknown fields
//! are kept).
#![no_main]

use libfuzzer_sys::fuzz_target;
use pde_crypto::document::{self, Metadata};
use pde_crypto_fuzz::{Input, file_for};

fn check(metadata: &Metadata) {
    let json = metadata.to_json();
    let again = Metadata::from_json(&json).expect("metadata's own JSON is metadata");
    assert!(again == *metadata, "metadata changed on rewrite");
    assert_eq!(again.to_json(), json);
}

fuzz_target!(|data: &[u8]| {
    let input = Input::parse(data);
    if input.plaintext {
        if let Ok(json) = core::str::from_utf8(input.file) {
            if let Ok(metadata) = Metadata::from_json(json) {
                check(&metadata);
            }
        }
    }
    let identity = input.identity();
    let file = file_for(&input, &identity);
    if let Ok(metadata) = document::decrypt_metadata(&identity, &file) {
        check(&metadata);
    }
});
