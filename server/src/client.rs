//! The client address of a request, and the sign-up limits counted under it.
//!
//! The address is the TCP peer, or, when `--trusted-proxy` says the peer is a reverse proxy,
//! the first `X-Forwarded-For` hop. It is only ever stored as a peppered HMAC next to the
//! count of its current window, and deleted when the window is over.

use std::net::{IpAddr, SocketAddr};

use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::request::Parts;

use crate::error::AppError;
use crate::state::AppState;

/// Length of a sign-up window, in seconds.
pub const SIGNUP_WINDOW_SECS: i64 = 3600;

/// The key under which all sign-ups of the service are counted.
const GLOBAL_KEY: &str = "*";

/// The client address of a request, when it is known.
#[derive(Debug, Clone, Copy)]
pub struct ClientAddr(pub Option<IpAddr>);

impl FromRequestParts<AppState> for ClientAddr {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, AppError> {
        let peer = parts
            .extensions
            .get::<ConnectInfo<SocketAddr>>()
            .map(|info| info.0.ip());
        let forwarded = if state.config.trusted_proxy {
            first_forwarded_hop(parts)
        } else {
            None
        };
        Ok(Self(forwarded.or(peer)))
    }
}

/// The first address of the first `X-Forwarded-For` header, if it parses.
fn first_forwarded_hop(parts: &Parts) -> Option<IpAddr> {
    let value = parts.headers.get("x-forwarded-for")?.to_str().ok()?;
    value.split(',').next()?.trim().parse().ok()
}

/// What a client is counted as: an IPv4 address, or the /64 network of an IPv6 address (one
/// household or phone usually gets a whole /64).
fn bucket(ip: IpAddr) -> String {
    match ip {
        IpAddr::V4(v4) => v4.to_string(),
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => v4.to_string(),
            None => {
                let s = v6.segments();
                format!("{:x}:{:x}:{:x}:{:x}::/64", s[0], s[1], s[2], s[3])
            }
        },
    }
}

/// Counts one sign-up of `client`, or answers `429 too_many_attempts` when the client or the
/// whole service has used up its sign-ups of the current hour.
pub async fn take_signup(state: &AppState, client: ClientAddr) -> Result<(), AppError> {
    let now = state.clock.now();
    let mut limits = vec![(GLOBAL_KEY.to_owned(), state.config.signups_per_hour)];
    if let Some(ip) = client.0 {
        limits.insert(
            0,
            (
                state.pepper.client_limit_key(&bucket(ip)),
                state.config.signups_per_client_per_hour,
            ),
        );
    }
    for (key, limit) in limits {
        if let Some(window_end) = state
            .storage
            .take_signup(&key, now, SIGNUP_WINDOW_SECS, limit)
            .await?
        {
            return Err(AppError::TooManyAttempts {
                retry_after: u64::try_from(window_end - now).unwrap_or(1).max(1),
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ipv6_clients_are_counted_by_their_64_network() {
        let a: IpAddr = "2001:db8:1:2:aaaa::1".parse().unwrap();
        let b: IpAddr = "2001:db8:1:2:bbbb::2".parse().unwrap();
        let c: IpAddr = "2001:db8:1:3::1".parse().unwrap();
        assert_eq!(bucket(a), bucket(b));
        assert_ne!(bucket(a), bucket(c));
        let mapped: IpAddr = "::ffff:192.0.2.7".parse().unwrap();
        assert_eq!(bucket(mapped), "192.0.2.7");
    }
}
