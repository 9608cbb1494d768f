//! `cargo run -p xtask -- <task>`: Marsad's build tasks.

mod articles;
mod common_words;
mod gate;
mod gazetteer;
mod generated;
mod train;

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
    /// Build `data/geo/gazetteer.idx` from the sources in `data/geo/` and `data/gazetteer-extra.tsv`.
    BuildGazetteer(gazetteer::Args),
    /// Build `data/geo/common-ar.tsv` (Arabic word forms common in news) from the SaudiNewsNet corpus.
    CommonWords(common_words::Args),
    /// Train the sentence classifiers (`data/models/detect-*.bin`) and write `docs/CLASSIFIER.md`.
    TrainClassifier(Box<train::Args>),
}

fn main() -> anyhow::Result<()> {
    match Cli::parse().task {
        Task::List => println!("list"),
        Task::BuildGazetteer(args) => gazetteer::run(args)?,
        Task::TrainClassifier(args) => train::run(*args)?,
        Task::CommonWords(args) => common_words::run(args)?,
    }
    Ok(())
}
