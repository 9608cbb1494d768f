//! `marsad serve`: the REST API and the web map over a database.

use anyhow::Context;
use marsad_fuse::FusionConfig;
use marsad_server::{Backend, MemoryBackend, ServerConfig, StoreBackend};
use marsad_store::SqliteStore;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

/// Arguments of `marsad serve`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// SQLite database to serve (created when missing).
    #[arg(long, default_value = marsad_store::DEFAULT_DB)]
    db: PathBuf,
    /// Keep documents and events in memory instead of a database (lost at exit).
    #[arg(long)]
    memory: bool,
    /// Address to listen on; port 0 picks a free port (the URL is printed).
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: SocketAddr,
    /// Fusion thresholds (TOML or JSON) used after writes.
    #[arg(long)]
    fusion_config: Option<PathBuf>,
    /// Largest request body, in MiB.
    #[arg(long, default_value_t = 10)]
    max_body_mib: usize,
    /// Longest a request may take, in seconds.
    #[arg(long, default_value_t = 60)]
    timeout_secs: u64,
}

/// Runs `marsad serve`. Writes (`POST /v1/documents`) need `MARSAD_TOKEN` in the environment.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let fusion = match &args.fusion_config {
        Some(p) => FusionConfig::from_path(p).with_context(|| format!("cannot read {}", p.display()))?,
        None => FusionConfig::default(),
    };
    let backend: Arc<dyn Backend> = if args.memory {
        Arc::new(MemoryBackend::new())
    } else {
        Arc::new(open_db(&args.db, fusion)?)
    };
    let config = ServerConfig {
        body_limit: args.max_body_mib.saturating_mul(1024 * 1024),
        timeout: Duration::from_secs(args.timeout_secs),
        ..ServerConfig::from_env()
    };
    let what = if args.memory {
        "memory".to_string()
    } else {
        args.db.display().to_string()
    };
    serve(backend, args.addr, config, &what)
}

/// Serves the database at `db` on `addr` until Ctrl-C, with the write token from `MARSAD_TOKEN`:
/// the entry point for `marsad demo`.
pub fn serve_db(db: &Path, addr: SocketAddr) -> anyhow::Result<ExitCode> {
    let backend = Arc::new(open_db(db, FusionConfig::default())?);
    serve(backend, addr, ServerConfig::from_env(), &db.display().to_string())
}

fn open_db(db: &Path, fusion: FusionConfig) -> anyhow::Result<StoreBackend> {
    let store = SqliteStore::open(db).with_context(|| format!("cannot open database {}", db.display()))?;
    Ok(StoreBackend::new(Box::new(store), fusion))
}

fn serve(
    backend: Arc<dyn Backend>,
    addr: SocketAddr,
    config: ServerConfig,
    what: &str,
) -> anyhow::Result<ExitCode> {
    let writes = if config.token.is_some() {
        "writes enabled (bearer token from MARSAD_TOKEN)"
    } else {
        "read-only: set MARSAD_TOKEN to enable POST /v1/documents"
    };
    marsad_server::serve_blocking(backend, addr, config, |bound| {
        eprintln!(
            "marsad: serving {what} on http://{bound}/ ({writes}); API description at http://{bound}/openapi.json"
        );
    })?;
    Ok(ExitCode::SUCCESS)
}
