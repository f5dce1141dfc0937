//! `pde-server`: `serve` (the default) runs the HTTP server; `admin …` runs one operator
//! command.

use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::sync::Arc;

use pde_server::admin;
use pde_server::clock::{Clock, SystemClock};
use pde_server::config::{Command, Config};
use pde_server::config_file::{self, Parsed};
use tracing::Level;
use tracing_subscriber::filter::Targets;
use tracing_subscriber::prelude::*;

fn main() -> ExitCode {
    let (cli, matches) = match config_file::parse(std::env::args_os().collect()) {
        Parsed::Cli(cli, matches) => (*cli, matches),
        Parsed::Clap(e) => e.exit(),
        Parsed::File(e) => {
            eprintln!("error: {e}");
            return ExitCode::from(2);
        }
    };
    // PostgreSQL's notices ("relation … already exists, skipping" at every migration check)
    // are not the operator's business; its warnings are.
    let levels = Targets::new()
        .with_default(Level::INFO)
        .with_target("sqlx::postgres::notice", Level::WARN);
    tracing_subscriber::registry()
        .with(
            tracing_subscriber::fmt::layer()
                .with_writer(std::io::stderr)
                .with_ansi(std::io::stderr().is_terminal()),
        )
        .with(levels)
        .init();
    let runtime = match tokio::runtime::Runtime::new() {
        Ok(rt) => rt,
        Err(e) => {
            tracing::error!(error = %e, "cannot start the async runtime");
            return ExitCode::FAILURE;
        }
    };
    let result = match cli.into_command() {
        Command::Openapi => {
            let mut stdout = std::io::stdout().lock();
            return match stdout.write_all(pde_server::routes::openapi_pretty().as_bytes()) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: {e}");
                    ExitCode::FAILURE
                }
            };
        }
        Command::Serve(config) if config.print_config => {
            print!("{}", config_file::print_config(&matches));
            return ExitCode::SUCCESS;
        }
        Command::Serve(config) => runtime.block_on(serve(config)),
        Command::Admin(args) => {
            let mut stdout = std::io::stdout().lock();
            return match runtime.block_on(admin::run(args, &SystemClock, &mut stdout)) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    // One line for the operator, without log decoration.
                    eprintln!("error: {e}");
                    ExitCode::FAILURE
                }
            };
        }
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            tracing::error!("{e}");
            ExitCode::FAILURE
        }
    }
}

/// The system clock; in a test build (`test-clock` feature), the clock file named by
/// `PDE_TEST_CLOCK_FILE` when it is set.
fn clock() -> Arc<dyn Clock> {
    #[cfg(feature = "test-clock")]
    if let Some(path) = std::env::var_os("PDE_TEST_CLOCK_FILE") {
        tracing::warn!(?path, "test build: the server's clock is read from a file");
        return Arc::new(pde_server::clock::FileClock(path.into()));
    }
    Arc::new(SystemClock)
}

async fn serve(config: Config) -> Result<(), Box<dyn std::error::Error>> {
    tracing::info!(?config, "starting");
    let listen = config.listen;
    let config_metrics_listen = config.metrics_listen;
    let state = pde_server::prepare(config, clock()).await?;
    let listener = tokio::net::TcpListener::bind(listen)
        .await
        .map_err(|e| format!("cannot listen on {listen}: {e}"))?;
    let addr = listener.local_addr()?;
    let metrics =
        match config_metrics_listen {
            Some(at) => Some(tokio::net::TcpListener::bind(at).await.map_err(|e| {
                format!("cannot listen on {at} for metrics (--metrics-listen): {e}")
            })?),
            None => None,
        };
    // The first line on stdout: tests read the port from it; the metrics address follows
    // when there is a metrics listener.
    let mut stdout = std::io::stdout().lock();
    writeln!(stdout, "listening on http://{addr}")?;
    if let Some(m) = &metrics {
        writeln!(stdout, "metrics on http://{}/metrics", m.local_addr()?)?;
    }
    stdout.flush()?;
    drop(stdout);
    let metrics = metrics.map(|listener| {
        let state = state.clone();
        tokio::spawn(async move {
            if let Err(e) =
                pde_server::metrics::serve(&state, listener, std::future::pending()).await
            {
                tracing::error!(error = %e, "the metrics listener failed");
            }
        })
    });
    pde_server::serve(state, listener, shutdown_signal()).await?;
    if let Some(task) = metrics {
        task.abort();
    }
    tracing::info!("stopped");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = term => {},
    }
}
