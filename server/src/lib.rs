//! PDE server: a careful ciphertext store with access rules, and the static web app.
//!
//! [`app`] builds the router for a prepared [`AppState`]; [`launch`] runs the whole server on
//! a listener until a shutdown future completes, so tests can bind port 0.

#![forbid(unsafe_code)]

pub mod admin;
pub mod blob;
pub mod client;
pub mod clock;
pub mod config;
pub mod error;
pub mod extract;
pub mod ids;
pub mod invitation;
pub mod layers;
pub mod roles;
pub mod routes;
pub mod secrets;
pub mod session;
pub mod state;
pub mod storage;
pub mod sweeper;
pub mod validate;
pub mod web;
pub mod worker_code;

use std::future::Future;
use std::sync::Arc;

pub use crate::config::Config;
pub use crate::error::AppError;
pub use crate::routes::app;
pub use crate::state::{AppState, StartError};

/// Opens everything `config` names and runs the start-up sweep.
pub async fn prepare(config: Config, clock: Arc<dyn clock::Clock>) -> Result<AppState, StartError> {
    let state = AppState::open(config, clock).await?;
    sweeper::log(sweeper::sweep(&state, sweeper::TempFiles::All).await);
    Ok(state)
}

/// Serves `state` on `listener` until `shutdown` completes, sweeping periodically.
pub async fn serve(
    state: AppState,
    listener: tokio::net::TcpListener,
    shutdown: impl Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    let sweeper = tokio::spawn(sweeper::run_periodically(state.clone()));
    let result = axum::serve(
        listener,
        app(state).into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await;
    sweeper.abort();
    result
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
