//! Recovery codes as typed: `RecoveryCode::parse` (Crockford Base32, check character, spaces,
//! dashes, look-alike letters). An accepted code reads back from its display form unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pde_crypto::slot::RecoveryCode;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = core::str::from_utf8(data) else {
        return;
    };
    let text = text.strip_prefix("recovery-code: ").unwrap_or(text);
    if let Ok(code) = RecoveryCode::parse(text) {
        let display = code.to_display_string();
        assert_eq!(display.len(), 33);
        let again = RecoveryCode::parse(&display).expect("the display form parses");
        assert_eq!(again.to_display_string(), display);
        assert_eq!(
            again.derive_keys().auth_key(),
            code.derive_keys().auth_key()
        );
    }
});
