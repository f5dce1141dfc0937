//! Paper helper cards as typed or scanned: `HelperShare::parse_card` (Bech32 with the
//! `pdehelper` prefix, spaces, dashes, any case), and the binary share inside
//! (`HelperShare::from_bytes`). An accepted card reads back from its printed form unchanged.
#![no_main]

use libfuzzer_sys::fuzz_target;
use pde_crypto::slot::HelperShare;

fuzz_target!(|data: &[u8]| {
    if let Ok(share) = HelperShare::from_bytes(data) {
        assert_eq!(&share.to_bytes()[..], data);
    }
    let Ok(text) = core::str::from_utf8(data) else {
        return;
    };
    if let Ok(share) = HelperShare::parse_card(text) {
        let printed = share.to_card_text();
        let again = HelperShare::parse_card(&printed).expect("the printed form parses");
        assert_eq!(again, share);
        assert_eq!(*again.card_auth_key(), *share.card_auth_key());
    }
});
