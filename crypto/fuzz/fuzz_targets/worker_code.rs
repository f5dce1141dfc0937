//! Worker card codes as typed: `WorkerCode::from_str` (Crockford Base32, check character,
//! spaces, dashes, look-alike letters). An accepted code reads back from its display form
//! unchanged, and a refused one is refused for one of the two documented reasons.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pde_crypto::worker_code::WorkerCode;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = core::str::from_utf8(data) else {
        return;
    };
    if let Ok(code) = text.parse::<WorkerCode>() {
        let display = code.to_string();
        assert_eq!(display.len(), 11);
        assert_eq!(display.parse::<WorkerCode>(), Ok(code));
        assert_eq!(WorkerCode::from_value(code.value()), Some(code));
    }
});
