//! Key text forms: `Identity::parse` (`AGE-SECRET-KEY-1…`) and `Recipient::parse` (`age1…`),
//! Bech32 underneath. An accepted key is written back in the same canonical form.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pde_crypto::identity::{Identity, Recipient};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = core::str::from_utf8(data) else {
        return;
    };
    let text = text.split_once(": ").map_or(text, |(_, value)| value);
    if let Ok(identity) = Identity::parse(text) {
        assert_eq!(identity.to_secret_string().as_str(), text);
    }
    if let Ok(recipient) = Recipient::parse(text) {
        assert_eq!(Recipient::parse(&recipient.to_string()).unwrap(), recipient);
    }
});
