//! Marsad's HTTP API and web map. The principal entry points are [`router`] (the axum application:
//! the `/v1` REST API, its OpenAPI document at `/openapi.json`, and the map page at `/`) and [`serve`]
//! (binds an address and runs it until Ctrl-C).
//!
//! The handlers work against the [`Backend`] trait: [`MemoryBackend`] keeps everything in memory;
//! [`StoreBackend`] serves a `marsad-store` database (SQLite), fusing with `marsad-fuse` after writes.
//! Extraction and store calls run on blocking threads. Errors answer `{"error": {"code", "message"}}`
//! with the status of [`ApiError::status`]; internal causes are logged, never sent.

mod api;
mod assets;
pub mod backend;
mod docs;
mod error;
pub mod memory;
mod query;
pub mod store_backend;

pub use api::router;
pub use backend::{
    Backend, BackendError, EventDetail, EventPage, EventQuery, EventRecord, ExportPage, IngestDoc, Stats,
};
pub use docs::content_id;
pub use error::ApiError;
pub use memory::MemoryBackend;
pub use store_backend::StoreBackend;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;

/// The OpenAPI 3.1 description of the API, served at `/openapi.json`.
pub const OPENAPI: &str = include_str!("openapi.json");

/// Default body limit: 10 MiB.
pub const DEFAULT_BODY_LIMIT: usize = 10 * 1024 * 1024;

/// How the server runs.
#[derive(Debug, Clone)]
pub struct ServerConfig {
    /// Bearer token required for writes; `None` disables writes (403).
    pub token: Option<String>,
    /// Largest request body, in bytes.
    pub body_limit: usize,
    /// Longest a request may take before a 408.
    pub timeout: Duration,
}

impl Default for ServerConfig {
    fn default() -> Self {
        ServerConfig {
            token: None,
            body_limit: DEFAULT_BODY_LIMIT,
            timeout: Duration::from_secs(60),
        }
    }
}

impl ServerConfig {
    /// The defaults, with the write token from `MARSAD_TOKEN` (unset or empty: writes disabled).
    pub fn from_env() -> Self {
        ServerConfig {
            token: std::env::var("MARSAD_TOKEN")
                .ok()
                .filter(|t| !t.trim().is_empty()),
            ..ServerConfig::default()
        }
    }
}

/// Why the server could not run.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The address could not be bound.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address asked for.
        addr: SocketAddr,
        /// Why.
        source: std::io::Error,
    },
    /// The server failed while running.
    #[error("server failed: {0}")]
    Io(#[from] std::io::Error),
}

/// Binds `addr` and serves until Ctrl-C. `on_bound` is called with the bound address (useful with
/// port 0) before the first request is accepted.
pub async fn serve(
    backend: Arc<dyn Backend>,
    addr: SocketAddr,
    config: ServerConfig,
    on_bound: impl FnOnce(SocketAddr),
) -> Result<(), ServeError> {
    let listener = tokio::net::TcpListener::bind(addr)
        .await
        .map_err(|source| ServeError::Bind { addr, source })?;
    on_bound(listener.local_addr()?);
    axum::serve(listener, router(backend, config))
        .with_graceful_shutdown(async {
            if tokio::signal::ctrl_c().await.is_err() {
                std::future::pending::<()>().await;
            }
        })
        .await?;
    Ok(())
}

/// [`serve`] on a new multi-threaded tokio runtime, blocking the caller: for synchronous callers
/// such as `marsad serve` and `marsad demo`.
pub fn serve_blocking(
    backend: Arc<dyn Backend>,
    addr: SocketAddr,
    config: ServerConfig,
    on_bound: impl FnOnce(SocketAddr),
) -> Result<(), ServeError> {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()?
        .block_on(serve(backend, addr, config, on_bound))
}
