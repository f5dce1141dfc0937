//! Notes: `decrypt_note` (age file, padding, note JSON) and `Note::from_json`. A note that is
//! accepted must write back to the same JSON and fit its limits.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pde_crypto::share::{self, Note};
use pde_crypto_fuzz::{Input, file_for};

fn check(note: &Note) {
    assert!(note.text().chars().count() <= 2000);
    assert!(note.from().is_none_or(|from| from.chars().count() <= 100));
    let again = Note::from_json(&note.to_json()).expect("a note's own JSON is a note");
    assert_eq!(again.to_json(), note.to_json());
}

fuzz_target!(|data: &[u8]| {
    let input = Input::parse(data);
    if input.plaintext {
        if let Ok(json) = core::str::from_utf8(input.file) {
            if let Ok(note) = Note::from_json(json) {
                check(&note);
            }
        }
    }
    let identity = input.identity();
    let file = file_for(&input, &identity);
    if let Ok(note) = share::decrypt_note(&identity, &file) {
        check(&note);
    }
});
