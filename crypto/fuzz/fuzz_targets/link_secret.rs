//! Link secrets from a URL fragment: `LinkSecret::parse`. A fragment that is accepted is the
//! one canonical spelling of its secret.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pde_crypto::share::LinkSecret;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = core::str::from_utf8(data) else {
        return;
    };
    let text = text.strip_prefix("link-fragment: ").unwrap_or(text);
    if let Ok(secret) = LinkSecret::parse(text) {
        assert_eq!(secret.to_fragment().as_str(), text);
    }
});
