//! `marsad extract`: read documents (see `docs/INPUT.md`), code their events, print Marsad JSONL in input
//! order.

use crate::input::{Document, InputArgs, InputError, read_inputs, report};
use anyhow::Context;
use marsad_extract::{Extractor, Options};
use marsad_model::DocOutput;
use rayon::prelude::*;
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

/// Arguments of `marsad extract`.
#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: InputArgs,
    /// Write to this file instead of standard output.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Pretty-print JSON (one document is then several lines).
    #[arg(long)]
    pretty: bool,
    /// Add to each event the lexicon entries and rules that made it.
    #[arg(long)]
    explain: bool,
    /// Worker threads (0 = one per core). The output keeps the input order whatever the number.
    #[arg(long, value_name = "N", default_value_t = 1)]
    threads: usize,
}

/// Documents coded together by the worker threads, per thread.
const BATCH_PER_THREAD: usize = 16;

/// What happened to one input item.
type Outcome = Result<DocOutput, InputError>;

/// Runs `marsad extract`. Exit status: 0 when every input was read, 1 when some failed (each reported
/// on standard error, the rest processed), 2 on a usage or fatal error (returned as `Err`).
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let read_opts = args.input.read_options()?;
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads)
        .build()
        .context("cannot start worker threads")?;
    let batch_size = if pool.current_num_threads() <= 1 {
        1
    } else {
        pool.current_num_threads() * BATCH_PER_THREAD
    };
    let mut writer = Writer::open(args.output.as_ref(), args.pretty)?;
    let extractor = Extractor::new();
    let opts = Options {
        explain: args.explain,
    };
    let mut failed = 0usize;
    let mut batch = Vec::with_capacity(batch_size);
    let mut inputs = read_inputs(&args.input.paths, &read_opts).peekable();
    while let Some(item) = inputs.next() {
        batch.push(item);
        if batch.len() < batch_size && inputs.peek().is_some() {
            continue;
        }
        let outcomes: Vec<Outcome> = pool.install(|| {
            std::mem::take(&mut batch)
                .into_par_iter()
                .map(|item| item.map(|doc| code(&extractor, doc, opts)))
                .collect()
        });
        for outcome in outcomes {
            match outcome {
                Ok(out) => {
                    if !writer.write(&out)? {
                        return Ok(exit_code(failed));
                    }
                }
                Err(e) => {
                    failed += 1;
                    report(&e);
                }
            }
        }
    }
    writer.finish()?;
    Ok(exit_code(failed))
}

fn exit_code(failed: usize) -> ExitCode {
    if failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// Codes one document, adding the reader's warnings and a note when the language is unknown or
/// unsupported. A panic inside the coder becomes a warning on that document: it never stops the batch.
fn code(extractor: &Extractor, doc: Document, opts: Options) -> DocOutput {
    let coded = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| extractor.extract(&doc.doc, opts)));
    let mut out = match coded {
        Ok(out) => out,
        Err(_) => {
            let mut out = DocOutput::new(doc.doc.id.clone().unwrap_or_default());
            out.title.clone_from(&doc.doc.title);
            out.url.clone_from(&doc.doc.url);
            out.warnings
                .push("internal error while coding this document: no events (please report it)".into());
            out
        }
    };
    let mut warnings = doc.warnings;
    if let Some(given) = doc.doc.lang.as_deref()
        && marsad_text::Lang::from_code(given).is_none()
    {
        warnings.push(format!(
            "unsupported language {given:?}: the language was identified from the text"
        ));
    }
    if out.lang.as_deref().is_none_or(|l| l == "und")
        && !doc.doc.text.trim().is_empty()
        && !out.warnings.iter().any(|w| w.contains("language"))
    {
        warnings.push("language not identified (und): events may be missed".to_string());
    }
    warnings.append(&mut out.warnings);
    out.warnings = warnings;
    out
}

/// The JSONL output: standard output or a file.
struct Writer {
    out: Box<dyn Write>,
    pretty: bool,
}

impl Writer {
    fn open(path: Option<&PathBuf>, pretty: bool) -> anyhow::Result<Self> {
        let out: Box<dyn Write> = match path {
            Some(p) => Box::new(std::io::BufWriter::new(
                std::fs::File::create(p).with_context(|| format!("cannot create {}", p.display()))?,
            )),
            None => Box::new(std::io::BufWriter::new(std::io::stdout().lock())),
        };
        Ok(Writer { out, pretty })
    }

    /// Writes one document; `Ok(false)` when the reader closed the pipe (stop quietly).
    fn write(&mut self, doc: &DocOutput) -> anyhow::Result<bool> {
        let res = if self.pretty {
            serde_json::to_writer_pretty(&mut self.out, doc)
        } else {
            serde_json::to_writer(&mut self.out, doc)
        };
        let res = res
            .map_err(std::io::Error::from)
            .and_then(|()| writeln!(self.out));
        match res {
            Ok(()) => Ok(true),
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(false),
            Err(e) => Err(e).context("cannot write the output"),
        }
    }

    fn finish(mut self) -> anyhow::Result<()> {
        match self.out.flush() {
            Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(e).context("cannot write the output"),
            _ => Ok(()),
        }
    }
}
