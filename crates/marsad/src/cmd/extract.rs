//! `marsad extract`.

use anyhow::Context;
use marsad_extract::{Extractor, Options};
use marsad_model::InputDoc;
use std::io::{BufRead, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `marsad extract`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files (.txt, .jsonl, .html) or directories; `-` or nothing reads JSONL from standard input.
    paths: Vec<PathBuf>,
    /// Publication date (YYYY-MM-DD) for plain-text inputs.
    #[arg(long)]
    published: Option<String>,
    /// Write to this file instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Pretty-print JSON (one document is then several lines).
    #[arg(long)]
    pretty: bool,
    /// Add to each event the lexicon entries and rules that made it.
    #[arg(long)]
    explain: bool,
}

/// Runs `marsad extract`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let extractor = Extractor::new();
    let opts = Options {
        explain: args.explain,
    };
    let mut out: Box<dyn Write> = match &args.output {
        Some(p) => Box::new(std::io::BufWriter::new(
            std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
        )),
        None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
    };
    let mut failed = 0usize;
    for path in &args.paths {
        let file = std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
        for (i, line) in std::io::BufReader::new(file).lines().enumerate() {
            let line = line?;
            if line.trim().is_empty() {
                continue;
            }
            match serde_json::from_str::<InputDoc>(&line) {
                Ok(mut doc) => {
                    doc.id
                        .get_or_insert_with(|| format!("{}:{}", path.display(), i + 1));
                    if doc.published.is_none() {
                        doc.published.clone_from(&args.published);
                    }
                    let res = extractor.extract(&doc, opts);
                    if args.pretty {
                        serde_json::to_writer_pretty(&mut out, &res)?;
                    } else {
                        serde_json::to_writer(&mut out, &res)?;
                    }
                    writeln!(out)?;
                }
                Err(e) => {
                    failed += 1;
                    eprintln!("marsad: {}:{}: bad JSON line: {e}", path.display(), i + 1);
                }
            }
        }
    }
    out.flush()?;
    Ok(if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}
