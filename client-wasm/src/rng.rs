//! Randomness from the platform (`crypto.getRandomValues` in the browser).

use rand_core::UnwrapErr;

/// The platform's cryptographic random source, as the RNG pde-crypto expects.
pub(crate) fn os_rng() -> UnwrapErr<getrandom::SysRng> {
    UnwrapErr(getrandom::SysRng)
}
