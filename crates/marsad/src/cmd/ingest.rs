//! `marsad ingest`: read documents and feeds, extract their events in parallel, store them (one writer,
//! one transaction per batch), then bring fusion and ceasefires up to date (incrementally).
//!
//! Idempotent and resumable: a document stored with the same content hash is skipped before extraction;
//! a changed document with the same id is extracted again and replaced. A run stopped at any point (Ctrl-C,
//! `kill -9`) keeps every committed batch, and the next run continues where it stopped.

mod feed;

use anyhow::Context;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use marsad_extract::{Extractor, Options};
use marsad_fuse::FusionConfig;
use marsad_ingest::{Document, InputError, ReadOptions, read_inputs};
use marsad_model::DocOutput;
use marsad_store::fusion::FusionCounts;
use marsad_store::{BatchReport, DocKey, DocState, SqliteStore, Store, StoredDoc, content_hash};
use rayon::prelude::*;
use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::mpsc;
use std::time::Instant;

/// Arguments of `marsad ingest`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files (.txt, .json, .jsonl, .gz, .html), RSS/Atom feeds (.rss, .atom, .xml) or directories; `-`
    /// or nothing reads JSONL from standard input.
    paths: Vec<PathBuf>,
    /// Publication date (YYYY-MM-DD) for documents that give none.
    #[arg(long, value_name = "YYYY-MM-DD")]
    published: Option<String>,
    /// Replace invalid UTF-8 with U+FFFD instead of skipping the document.
    #[arg(long)]
    lossy: bool,
    /// The database (created when absent).
    #[arg(long, default_value = marsad_store::DEFAULT_DB)]
    db: PathBuf,
    /// Worker threads for extraction (0 = one per core).
    #[arg(long, value_name = "N", default_value_t = 0)]
    threads: usize,
    /// Documents per write transaction.
    #[arg(long, value_name = "N", default_value_t = 256)]
    batch: usize,
    #[command(flatten)]
    fusion: FusionArgs,
    /// No progress bar and no summary.
    #[arg(short, long)]
    quiet: bool,
}

/// Fusion flags shared by `ingest` and `demo`.
#[derive(Debug, Clone, Default, clap::Args)]
pub struct FusionArgs {
    /// Fusion thresholds from a TOML or JSON file (see docs/FUSION.md).
    #[arg(long, value_name = "FILE")]
    pub fusion_config: Option<PathBuf>,
    /// Override the config's max_distance_km.
    #[arg(long, value_name = "KM")]
    pub fuse_distance_km: Option<f64>,
    /// Override the config's date_window_days.
    #[arg(long, value_name = "DAYS")]
    pub fuse_days: Option<i64>,
    /// Skip fusion (fused events and ceasefires are left as they were; the new documents stay queued
    /// for the next fusion).
    #[arg(long)]
    pub no_fuse: bool,
    /// Recompute fusion over every stored event (after changing thresholds) instead of only the
    /// clusters the new documents touch.
    #[arg(long)]
    pub fuse_all: bool,
}

impl FusionArgs {
    /// The validated fusion configuration.
    pub fn config(&self) -> anyhow::Result<FusionConfig> {
        let mut cfg = match &self.fusion_config {
            Some(p) => FusionConfig::from_path(p)?,
            None => FusionConfig::default(),
        };
        if let Some(km) = self.fuse_distance_km {
            cfg.max_distance_km = km;
        }
        if let Some(d) = self.fuse_days {
            cfg.date_window_days = d;
        }
        Ok(cfg.validate()?)
    }
}

/// What an ingest run did.
#[derive(Debug, Default, Clone, Copy)]
pub struct Summary {
    /// Documents read.
    pub read: usize,
    /// Inputs that could not be read.
    pub errors: usize,
    /// What the writer did.
    pub written: BatchReport,
    /// Documents skipped before extraction (already stored, or duplicates).
    pub skipped: usize,
    /// Seconds spent.
    pub seconds: f64,
}

/// Runs `marsad ingest`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let fusion = args.fusion.config()?;
    if let Some(p) = &args.published
        && p.parse::<jiff::civil::Date>().is_err()
    {
        anyhow::bail!("--published {p:?}: expected a date as YYYY-MM-DD");
    }
    let read_opts = ReadOptions {
        lossy: args.lossy,
        published: args.published.clone(),
        ..ReadOptions::default()
    };
    let store = open_store(&args.db)?;
    let (feeds, paths): (Vec<PathBuf>, Vec<PathBuf>) =
        args.paths.iter().cloned().partition(|p| feed::is_feed(p));
    let mut feed_docs: Vec<Result<Document, InputError>> = Vec::new();
    let mut feed_errors = 0;
    for f in &feeds {
        match feed::read_feed(f) {
            Ok(docs) => feed_docs.extend(docs.into_iter().map(|doc| {
                Ok(Document {
                    doc,
                    warnings: Vec::new(),
                    path: f.clone(),
                    line: None,
                })
            })),
            Err(e) => {
                feed_errors += 1;
                eprintln!("marsad: {e:#}");
            }
        }
    }
    let from_files: Box<dyn Iterator<Item = Result<Document, InputError>>> =
        if paths.is_empty() && !feeds.is_empty() {
            Box::new(std::iter::empty())
        } else {
            Box::new(read_inputs(&paths, &read_opts))
        };
    let inputs = feed_docs.into_iter().chain(from_files);
    let opts = IngestOptions {
        threads: args.threads,
        batch: args.batch.max(1),
        progress: !args.quiet,
    };
    let mut summary = ingest(&store, inputs, &opts)?;
    summary.errors += feed_errors;
    let fused = if args.fusion.no_fuse {
        None
    } else {
        Some(refuse(&store, &fusion, args.fusion.fuse_all)?)
    };
    if !args.quiet {
        print_summary(&summary, fused, &store)?;
    }
    Ok(if summary.errors > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Opens (creating) the SQLite store at `path`.
pub fn open_store(path: &Path) -> anyhow::Result<SqliteStore> {
    SqliteStore::open(path).with_context(|| format!("cannot open the database {}", path.display()))
}

/// How [`ingest`] runs.
#[derive(Debug, Clone, Copy)]
pub struct IngestOptions {
    /// Extraction threads (0 = one per core).
    pub threads: usize,
    /// Documents per transaction.
    pub batch: usize,
    /// Show a progress bar on a terminal.
    pub progress: bool,
}

fn progress_bar(show: bool) -> ProgressBar {
    if !show || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    let style = ProgressStyle::with_template("{spinner} {elapsed_precise} {pos} docs ({per_sec}) {msg}")
        .unwrap_or_else(|_| ProgressStyle::default_spinner());
    bar.set_style(style);
    bar.enable_steady_tick(std::time::Duration::from_millis(200));
    bar
}

/// Extracts and stores every input: the reading thread batches and filters, rayon extracts, one writer
/// thread commits each batch in input order.
pub fn ingest(
    store: &dyn Store,
    inputs: impl Iterator<Item = Result<Document, InputError>>,
    opts: &IngestOptions,
) -> anyhow::Result<Summary> {
    let start = Instant::now();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(opts.threads)
        .build()
        .context("cannot start worker threads")?;
    let extractor = Extractor::new();
    let bar = progress_bar(opts.progress);
    let mut summary = Summary::default();
    let (tx, rx) = mpsc::sync_channel::<Vec<StoredDoc>>(2);
    let written = std::thread::scope(|scope| -> anyhow::Result<BatchReport> {
        let writer_bar = bar.clone();
        let writer = scope.spawn(move || -> anyhow::Result<BatchReport> {
            let mut total = BatchReport::default();
            for batch in rx {
                total += store.write_batch(&batch).context("cannot write a batch")?;
                writer_bar.set_message(format!("{} events, {} new docs", total.events, total.inserted));
            }
            Ok(total)
        });
        let mut batch: Vec<Document> = Vec::with_capacity(opts.batch);
        let mut inputs = inputs.peekable();
        while let Some(item) = inputs.next() {
            match item {
                Ok(doc) => batch.push(doc),
                Err(e) => {
                    summary.errors += 1;
                    eprintln!("marsad: {e}");
                }
            }
            if batch.len() < opts.batch && inputs.peek().is_some() {
                continue;
            }
            summary.read += batch.len();
            bar.inc(batch.len() as u64);
            let todo = fresh(store, std::mem::take(&mut batch), &mut summary)?;
            let coded: Vec<StoredDoc> =
                pool.install(|| todo.into_par_iter().map(|d| code(&extractor, d)).collect());
            if tx.send(coded).is_err() {
                break; // the writer failed: its error is reported below
            }
        }
        drop(tx);
        writer
            .join()
            .map_err(|_| anyhow::anyhow!("the writer thread panicked"))?
    })?;
    bar.finish_and_clear();
    summary.written = written;
    summary.seconds = start.elapsed().as_secs_f64();
    Ok(summary)
}

/// Keeps the documents the store does not hold yet (or holds with other content).
fn fresh(store: &dyn Store, docs: Vec<Document>, summary: &mut Summary) -> anyhow::Result<Vec<Document>> {
    let keys: Vec<DocKey> = docs
        .iter()
        .map(|d| DocKey {
            id: d.doc.id.clone().unwrap_or_default(),
            hash: content_hash(&d.doc),
        })
        .collect();
    let states = store.doc_states(&keys).context("cannot read the database")?;
    let mut out = Vec::with_capacity(docs.len());
    for (doc, state) in docs.into_iter().zip(states) {
        match state {
            DocState::New | DocState::Changed => out.push(doc),
            DocState::Unchanged | DocState::Duplicate(_) => summary.skipped += 1,
        }
    }
    Ok(out)
}

/// Extracts one document; a panic in the coder becomes a warning on a document without events.
fn code(extractor: &Extractor, d: Document) -> StoredDoc {
    let coded = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
        extractor.extract(&d.doc, Options::default())
    }));
    let mut out = coded.unwrap_or_else(|_| {
        let mut out = DocOutput::new(d.doc.id.clone().unwrap_or_default());
        out.warnings
            .push("internal error while coding this document: no events".into());
        out
    });
    let mut warnings = d.warnings;
    warnings.append(&mut out.warnings);
    out.warnings = warnings;
    StoredDoc::new(&d.doc, out)
}

/// Brings fusion up to date: incrementally (only what the queued documents touch), or over every stored
/// event with `all`.
pub fn refuse(store: &dyn Store, cfg: &FusionConfig, all: bool) -> anyhow::Result<FusionCounts> {
    let counts = if all {
        marsad_store::fusion::recompute(store, cfg)
    } else {
        marsad_store::fusion::update(store, cfg)
    };
    counts.context("cannot update fusion")
}

fn print_summary(s: &Summary, fused: Option<FusionCounts>, store: &dyn Store) -> anyhow::Result<()> {
    let w = &s.written;
    let rate = if s.seconds > 0.0 {
        s.read as f64 / s.seconds
    } else {
        0.0
    };
    eprintln!(
        "ingested {} documents in {:.1}s ({rate:.0} docs/s): {} new, {} changed, {} unchanged, {} duplicates, {} errors; {} events written",
        s.read,
        s.seconds,
        w.inserted,
        w.replaced,
        s.skipped + w.unchanged,
        w.duplicates,
        s.errors,
        w.events,
    );
    if let Some(f) = fused {
        eprintln!(
            "fusion: {} documents, {} events looked at: {} fused events written ({} contested); {} ceasefires",
            f.documents, f.events, f.fused, f.contested, f.ceasefires
        );
    }
    let st = store.stats()?;
    eprintln!("database: {} documents, {} events", st.documents, st.events);
    Ok(())
}
