//! Subcommands, one module each.

pub mod extract;
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
    /// Serve the REST API (OpenAPI at /openapi.json) and the web map over a database.
    Serve(serve::Args),
}

/// Runs the parsed command line. The exit code is 0 on success, 1 when some documents failed (the
/// rest were processed), 2 on a usage or fatal error.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    match cli.command {
        Command::Extract(args) => extract::run(args),
        Command::Serve(args) => serve::run(args),
    }
}
