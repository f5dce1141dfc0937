//! The service's indicators (the Masterplan's): how many wallets, documents, shares,
//! verified workers and organisations there are. Counted by the database
//! ([`crate::storage::StatsStore`]); shown as Prometheus gauges ([`crate::metrics`]) and by
//! `pde-server admin stats`.

use std::fmt::Write as _;

/// Days counted as "recently used".
pub const USED_WITHIN_DAYS: i64 = 30;

/// The indicators at one moment.
#[derive(Clone, Debug, Default, PartialEq, Eq, serde::Serialize)]
pub struct Indicators {
    /// Wallets (holder accounts) that exist.
    pub wallets: u64,
    /// Wallets created or logged into in the last [`USED_WITHIN_DAYS`] days (today included).
    pub wallets_used_30d: u64,
    /// Documents stored (uploads that completed; reservations and uploads under way are not counted).
    pub documents: u64,
    /// Bytes of ciphertext those documents take.
    pub documents_bytes: u64,
    /// Shares made (with a worker or as a link), whatever their state.
    pub shares: u64,
    /// Shares of which a document was opened or downloaded at least once.
    pub shares_opened: u64,
    /// Shares that ended: revoked, expired or (a link) locked after wrong PINs.
    pub shares_ended: u64,
    /// Workers whose identity an operator verified (and not suspended).
    pub workers_verified: u64,
    /// Organisations.
    pub organisations: u64,
}

impl Indicators {
    /// `(name without prefix, help, value)` of each indicator, in a fixed order.
    pub fn rows(&self) -> [(&'static str, &'static str, u64); 9] {
        [
            (
                "wallets",
                "Wallets (holder accounts) that exist",
                self.wallets,
            ),
            (
                "wallets_used_30d",
                "Wallets created or logged into in the last 30 days (UTC days, today included)",
                self.wallets_used_30d,
            ),
            (
                "documents",
                "Documents stored (complete uploads)",
                self.documents,
            ),
            (
                "documents_bytes",
                "Bytes of ciphertext of the documents stored",
                self.documents_bytes,
            ),
            ("shares", "Shares made, whatever their state", self.shares),
            (
                "shares_opened",
                "Shares of which a document was opened or downloaded at least once",
                self.shares_opened,
            ),
            (
                "shares_ended",
                "Shares that ended: revoked, expired or locked",
                self.shares_ended,
            ),
            (
                "workers_verified",
                "Workers verified by an operator and not suspended",
                self.workers_verified,
            ),
            ("organisations", "Organisations", self.organisations),
        ]
    }

    /// Lines for a terminal: `name: value`.
    pub fn human(&self) -> String {
        let mut out = String::new();
        for (name, _, value) in self.rows() {
            let _ = writeln!(out, "{name}: {value}");
        }
        out
    }
}
