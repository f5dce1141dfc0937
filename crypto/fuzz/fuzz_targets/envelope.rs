//! Owner envelopes and share envelopes (`open_envelope`, `open_share_envelope`): an age file
//! that must hold one identity in text form. With `plaintext:` the text is given and sealed
//! first, which reaches the identity parser.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pde_crypto::{document, share};
use pde_crypto_fuzz::{Input, file_for};

fuzz_target!(|data: &[u8]| {
    let input = Input::parse(data);
    let identity = input.identity();
    let envelope = file_for(&input, &identity);
    let owner = document::open_envelope(&envelope, &identity);
    let shared = share::open_share_envelope(&envelope, &identity);
    match (&owner, &shared) {
        (Ok(a), Ok(b)) => {
            assert_eq!(a.recipient(), b.recipient());
            let plaintext = pde_crypto::format::decrypt(&identity, &envelope).unwrap();
            assert_eq!(plaintext, a.to_secret_string().as_bytes());
        }
        (Err(a), Err(b)) => assert_eq!(a, b),
        _ => panic!("a share envelope is read as an owner envelope"),
    }
});
