//! Subcommands, one module each.

pub mod bench;
pub mod demo;
pub mod eval;
pub mod export;
pub mod extract;
pub mod geocode;
pub mod ingest;
pub mod query;
pub mod serve;

use clap::{Parser, Subcommand};
use std::process::ExitCode;

/// Marsad (مرصد) reads news reports of armed conflict, Arabic first, and writes evidence-linked
/// PLOVER event data.
#[derive(Debug, Parser)]
#[command(name = "marsad", version, about, long_about = None, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Extract events from files, directories or standard input and print Marsad JSONL.
    Extract(extract::Args),
    /// Find and resolve the place names in a text (`--explain` shows candidates and scores).
    Geocode(geocode::Args),
    /// Extract documents and feeds into the database (idempotent, resumable), then fuse reports.
    Ingest(ingest::Args),
    /// Export stored events: PLOVER JSON, ACLED CSV, CAMEO TSV, GeoJSON, Parquet or CSV.
    Export(export::Args),
    /// Quick looks at the database: recent events, fused events, ceasefires, full-text search.
    Query(query::Args),
    /// Serve the REST API (OpenAPI at /openapi.json) and the web map over a database.
    Serve(serve::Args),
    /// Ingest the bundled example articles into a fresh database, summarise, start the map.
    Demo(demo::Args),
    /// Measure throughput (articles/s, MB/s), peak memory and start-up, stage by stage.
    Bench(bench::Args),
    /// Score the coder on the dev sets in ../shared and write eval/reports/dev.md.
    Eval(eval::Args),
}

/// Runs the parsed command line. The exit code is 0 on success, 1 when some documents failed (the
/// rest were processed), 2 on a usage or fatal error.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Geocode(args) => geocode::run(args),
        Command::Ingest(args) => ingest::run(args),
        Command::Export(args) => export::run(args),
        Command::Query(args) => query::run(args),
        Command::Serve(args) => serve::run(args),
        Command::Demo(args) => demo::run(args),
        Command::Bench(args) => bench::run(args),
        Command::Eval(args) => eval::run(args),
    }
}
