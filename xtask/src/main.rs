//! `cargo run -p xtask -- <task>`: Marsad's build tasks.

use clap::{Parser, Subcommand};

#[derive(Debug, Parser)]
#[command(about = "Marsad's build tasks")]
struct Cli {
    #[command(subcommand)]
    task: Task,
}

#[derive(Debug, Subcommand)]
enum Task {
    /// Print the tasks this xtask knows.
    List,
}

fn main() -> anyhow::Result<()> {
    match Cli::parse().task {
        Task::List => println!("list"),
    }
    Ok(())
}
