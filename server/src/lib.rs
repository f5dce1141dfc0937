//! PDE server: a careful ciphertext store with access rules, and the static web app.
//!
//! [`app`] builds the router for a prepared [`AppState`]; [`launch`] runs the whole server on
//! a listener until a shutdown future completes, so tests can bind port 0.

#![forbid(unsafe_code)]

pub mod admin;
pub mod backup;
pub mod blob;
pub mod client;
pub mod clock;
pub mod config;
pub mod config_file;
pub mod device;
pub mod drain;
pub mod error;
pub mod extract;
pub mod ids;
pub mod indicators;
pub mod invitation;
pub mod layers;
pub mod metrics;
pub mod passkey;
pub mod recode;
pub mod roles;
pub mod routes;
pub mod secrets;
pub mod session;
pub mod state;
pub mod storage;
pub mod sweeper;
pub mod validate;
pub mod web;
pub use pde_crypto::worker_code;

use std::future::Future;
use std::sync::Arc;

pub use crate::config::Config;
pub use crate::error::AppError;
pub use crate::routes::app;
pub use crate::state::{AppState, StartError};

/// Opens everything `config` names and runs the start-up sweep.
pub async fn prepare(config: Config, clock: Arc<dyn clock::Clock>) -> Result<AppState, StartError> {
    let state = AppState::open(config, clock).await?;
    if let Err(e) = recode::derive_worker_codes(&state).await {
        tracing::error!(error = %e, "cannot derive the workers' card codes from their keys");
    }
    sweeper::log(sweeper::sweep(&state).await);
    Ok(state)
}

/// The HTTP parser's own limit on a request head, above [`layers::MAX_URI_BYTES`] plus
/// [`layers::MAX_HEADER_BYTES`], so that the documented limits answer first, in JSON.
const PARSER_MAX_BUF_BYTES: usize = 64 * 1024;
/// The HTTP parser's own limit on header fields, above [`layers::MAX_HEADERS`].
const PARSER_MAX_HEADERS: usize = 128;

/// Serves `state` on `listener` until `shutdown` completes, sweeping periodically.
///
/// Each connection is served by hyper's HTTP/1 connection builder with a header-read timeout;
/// at most `max_connections` are open at once (further ones wait in the listen queue). When
/// `shutdown` completes the server drains ([`drain`]): running uploads get
/// `shutdown_grace_secs` to finish while everything else is still served; then no new
/// connection is accepted and the open ones finish their requests within what is left of the
/// grace time.
pub async fn serve(
    state: AppState,
    listener: tokio::net::TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    use hyper_util::rt::{TokioIo, TokioTimer};
    use std::time::Duration;
    use tower_service::Service;

    let sweeper = tokio::spawn(sweeper::run_periodically(state.clone()));
    let config = state.config.clone();
    let grace = Duration::from_secs(config.shutdown_grace_secs);
    let drain = state.drain.clone();
    let deadline = Arc::new(std::sync::OnceLock::new());
    let shutdown = {
        let deadline = deadline.clone();
        async move {
            shutdown.await;
            let until = tokio::time::Instant::now() + grace;
            let _ = deadline.set(until);
            tracing::info!(
                uploads = drain.uploads(),
                "draining: running uploads may finish"
            );
            if tokio::time::timeout_at(until, drain.drain()).await.is_err() {
                tracing::warn!(
                    uploads = drain.uploads(),
                    "stopping with uploads still running"
                );
            }
        }
    };
    let router = app(state);
    let slots = Arc::new(tokio::sync::Semaphore::new(config.max_connections.max(1)));
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(Duration::from_secs(config.header_timeout_secs.max(1)))
        .max_buf_size(PARSER_MAX_BUF_BYTES)
        .max_headers(PARSER_MAX_HEADERS);
    let mut shutdown = std::pin::pin!(shutdown);
    loop {
        let slot = tokio::select! {
            slot = slots.clone().acquire_owned() => slot.expect("the semaphore is never closed"),
            () = &mut shutdown => break,
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of file descriptors and the like: wait a little, do not spin.
                    tracing::warn!(error = %e, "accepting a connection failed");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let router = router.clone();
        let service = hyper::service::service_fn(move |mut req: hyper::Request<_>| {
            req.extensions_mut()
                .insert(axum::extract::ConnectInfo::<std::net::SocketAddr>(peer));
            router.clone().call(req)
        });
        let connection = graceful.watch(http.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            // A client that goes away or stalls ends its own connection; nothing to report.
            if let Err(e) = connection.await {
                tracing::debug!(error = %e, "connection ended with an error");
            }
            drop(slot);
        });
    }
    drop(listener);
    let until = deadline
        .get()
        .copied()
        .unwrap_or_else(|| tokio::time::Instant::now() + grace);
    // Open connections get what is left of the grace time (at least a second) to finish.
    let until = until.max(tokio::time::Instant::now() + Duration::from_secs(1));
    if tokio::time::timeout_at(until, graceful.shutdown())
        .await
        .is_err()
    {
        tracing::warn!("stopping with connections still open");
    }
    sweeper.abort();
    Ok(())
}

/// Prepares the server described by `config` (system clock) and serves it on `listener`
/// until `shutdown` completes.
pub async fn launch(
    config: Config,
    listener: tokio::net::TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> Result<(), LaunchError> {
    let state = prepare(config, Arc::new(clock::SystemClock)).await?;
    serve(state, listener, shutdown).await?;
    Ok(())
}

/// The server stopped with an error.
#[derive(Debug, thiserror::Error)]
pub enum LaunchError {
    /// It could not start.
    #[error(transparent)]
    Start(#[from] StartError),
    /// Serving failed.
    #[error("serving: {0}")]
    Serve(#[from] std::io::Error),
}
