//! Wallet records: `open_record` (age file, space padding, record JSON), on files the server
//! answers. A record that opens must seal again to a record that opens to the same text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pde_crypto::record;
use pde_crypto_fuzz::{Input, file_for, rng};

fuzz_target!(|data: &[u8]| {
    let input = Input::parse(data);
    let identity = input.identity();
    let file = file_for(&input, &identity);
    if let Ok(json) = record::open_record(&identity, &file) {
        if json.len() <= record::MAX_RECORD_TEXT {
            let again = record::seal_record(&identity.recipient(), &json, &mut rng())
                .expect("an opened record seals again");
            assert_eq!(
                record::open_record(&identity, &again)
                    .expect("and opens")
                    .as_str(),
                json.as_str()
            );
        }
    }
});
