//! `marsad bench`: throughput, memory and start-up of the extraction pipeline, stage by stage, beside
//! a plain Aho-Corasick pass over the same bytes.

use anyhow::Context;
use marsad_extract::{Extractor, Options};
use marsad_geo::{Gazetteer, GeoContext};
use marsad_model::InputDoc;
use rayon::prelude::*;
use std::io::BufRead;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::{Duration, Instant};

/// Arguments of `marsad bench`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// JSONL corpus (optionally .gz) with `text` or `content` fields. Default: the SaudiNewsNet corpus in
    /// ../shared when present, else the bundled demo articles.
    #[arg(long)]
    corpus: Option<PathBuf>,
    /// Read at most this many articles (0 = all).
    #[arg(long, default_value_t = 5000)]
    limit: usize,
    /// Worker threads (default: 1, so figures are per core).
    #[arg(long, default_value_t = 1)]
    threads: usize,
    /// Run only these stages (comma-separated: baseline, text, lexicons, geo, extract). Default: all.
    #[arg(long, value_delimiter = ',')]
    stages: Vec<String>,
}

const SHARED_CORPUS: &str = "../shared/data/corpus/saudinewsnet-2015.jsonl.gz";
const DEMO_CORPUS: &str = "data/demo/snn-2015-conflict.jsonl";

/// One measured pass over the corpus.
struct Pass {
    name: &'static str,
    what: &'static str,
    elapsed: Duration,
    /// CPU time of the process (all threads, user + system) during the pass, when known: on a loaded
    /// machine it moves much less than the wall clock.
    cpu: Option<f64>,
    count: usize,
}

/// Runs `marsad bench`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let path = corpus_path(args.corpus.as_deref())?;
    let docs = load(&path, args.limit)?;
    anyhow::ensure!(!docs.is_empty(), "no articles in {}", path.display());
    let bytes: usize = docs.iter().map(|d| d.text.len()).sum();
    let pool = rayon::ThreadPoolBuilder::new()
        .num_threads(args.threads.max(1))
        .build()
        .context("cannot start the thread pool")?;

    let t0 = Instant::now();
    let extractor = Extractor::new();
    let gazetteer = Gazetteer::global().ok();
    let warm = InputDoc {
        id: Some("warm".into()),
        text: "قصف الجيش مدينة حلب".into(),
        ..Default::default()
    };
    let _ = extractor.extract(&warm, Options::default());
    let startup = t0.elapsed();

    let baseline = Baseline::new()?;
    let wanted = |name: &str| args.stages.is_empty() || args.stages.iter().any(|s| s == name);
    let stages: [Stage<'_>; 5] = [
        (
            "baseline",
            "Aho-Corasick over raw bytes (lexicon phrases)",
            Box::new(|d: &InputDoc| baseline.count(&d.text)),
        ),
        (
            "text",
            "language, normalisation, tokens, sentences, numbers",
            Box::new(|d: &InputDoc| marsad_text::analyze(&d.text, None).tokens.len()),
        ),
        (
            "lexicons",
            "text + actor/agent/reporting/cue/time matching",
            Box::new(|d: &InputDoc| lexicon_matches(&d.text)),
        ),
        (
            "geo",
            "text + gazetteer place matching and resolution",
            Box::new(|d: &InputDoc| geo_matches(gazetteer, &d.text)),
        ),
        (
            "extract",
            "the whole pipeline (events with all fields)",
            Box::new(|d: &InputDoc| extractor.extract(d, Options::default()).events.len()),
        ),
    ];
    let passes: Vec<Pass> = pool.install(|| {
        stages
            .iter()
            .filter(|(name, _, _)| wanted(name))
            .map(|(name, what, f)| time(name, what, || docs.par_iter().map(f).sum()))
            .collect()
    });
    report(&path, &docs, bytes, args.threads.max(1), startup, &passes);
    Ok(ExitCode::SUCCESS)
}

fn corpus_path(given: Option<&Path>) -> anyhow::Result<PathBuf> {
    if let Some(p) = given {
        return Ok(p.to_path_buf());
    }
    [SHARED_CORPUS, DEMO_CORPUS]
        .iter()
        .map(PathBuf::from)
        .find(|p| p.exists())
        .context(
            "no corpus given and neither ../shared's corpus nor data/demo/snn-2015-conflict.jsonl exists",
        )
}

/// Reads up to `limit` documents (0 = all) from JSONL, gzip-compressed or not; bad lines are skipped.
fn load(path: &Path, limit: usize) -> anyhow::Result<Vec<InputDoc>> {
    let file = std::fs::File::open(path).with_context(|| format!("cannot open {}", path.display()))?;
    let reader: Box<dyn BufRead> = if path.extension().is_some_and(|e| e == "gz") {
        Box::new(std::io::BufReader::new(flate2::read::MultiGzDecoder::new(file)))
    } else {
        Box::new(std::io::BufReader::new(file))
    };
    let limit = if limit == 0 { usize::MAX } else { limit };
    let mut docs = Vec::new();
    for (i, line) in reader.lines().enumerate() {
        if docs.len() >= limit {
            break;
        }
        let line = line.with_context(|| format!("{}: line {}", path.display(), i + 1))?;
        if let Ok(mut d) = serde_json::from_str::<InputDoc>(&line) {
            d.id.get_or_insert_with(|| format!("bench:{}", i + 1));
            docs.push(d);
        }
    }
    Ok(docs)
}

/// A stage: name, description, and the work done on one document (returning a count to check).
type Stage<'a> = (
    &'static str,
    &'static str,
    Box<dyn Fn(&InputDoc) -> usize + Sync + 'a>,
);

fn time(name: &'static str, what: &'static str, f: impl FnOnce() -> usize) -> Pass {
    let cpu0 = cpu_seconds();
    let t = Instant::now();
    let count = f();
    let elapsed = t.elapsed();
    Pass {
        name,
        what,
        elapsed,
        cpu: cpu_seconds().zip(cpu0).map(|(b, a)| b - a),
        count,
    }
}

/// User + system CPU time of this process so far (Linux: `/proc/self/stat`, in clock ticks of 1/100 s).
fn cpu_seconds() -> Option<f64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // Fields after the command name (which may hold spaces): state is field 3, utime 14, stime 15.
    let rest = stat.get(stat.rfind(')')? + 1..)?;
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| fields.get(i).and_then(|f| f.parse::<f64>().ok());
    Some((ticks(11)? + ticks(12)?) / 100.0)
}

/// Every shipped lexicon over one analysis; the joined token keys are built once and shared.
fn lexicon_matches(text: &str) -> usize {
    let a = marsad_text::analyze(text, None);
    let keys = marsad_lexicon::DocKeys::new(&a, 0..a.tokens.len());
    marsad_lexicon::actors().find_keyed(&a, &keys).len()
        + marsad_lexicon::agents().find_keyed(&a, &keys).len()
        + marsad_lexicon::reporting().find_keyed(&a, &keys).len()
        + marsad_lexicon::cues().find_keyed(&a, &keys).len()
        + marsad_lexicon::time_words().find_keyed(&a, &keys).len()
}

fn geo_matches(g: Option<&Gazetteer>, text: &str) -> usize {
    let Some(g) = g else { return 0 };
    let a = marsad_text::analyze(text, None);
    g.find_places(&a, &GeoContext::default()).len()
}

/// The floor: one Aho-Corasick automaton over every lexicon phrase, run over the raw text.
struct Baseline(aho_corasick::AhoCorasick);

impl Baseline {
    fn new() -> anyhow::Result<Self> {
        let mut phrases: Vec<String> = Vec::new();
        phrases.extend(marsad_lexicon::actors().entries().map(|(k, _)| k.to_string()));
        phrases.extend(marsad_lexicon::agents().entries().map(|(k, _)| k.to_string()));
        phrases.extend(marsad_lexicon::reporting().entries().map(|(k, _)| k.to_string()));
        phrases.extend(marsad_lexicon::cues().entries().map(|(k, _)| k.to_string()));
        phrases.extend(marsad_lexicon::time_words().entries().map(|(k, _)| k.to_string()));
        let ac = aho_corasick::AhoCorasick::builder()
            .match_kind(aho_corasick::MatchKind::LeftmostLongest)
            .build(&phrases)
            .context("cannot build the baseline automaton")?;
        Ok(Baseline(ac))
    }

    fn count(&self, text: &str) -> usize {
        self.0.find_iter(text).count()
    }
}

fn peak_rss_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}

fn report(path: &Path, docs: &[InputDoc], bytes: usize, threads: usize, startup: Duration, passes: &[Pass]) {
    let mb = bytes as f64 / 1e6;
    println!("marsad bench — marsad {}", env!("CARGO_PKG_VERSION"));
    println!(
        "corpus   {} ({} articles, {:.1} MB of text)",
        path.display(),
        docs.len(),
        mb
    );
    println!("threads  {threads}");
    println!(
        "start-up {:.0} ms (coder, lexicons, gazetteer)",
        startup.as_secs_f64() * 1e3
    );
    println!();
    println!(
        "{:<10} {:>9} {:>11} {:>8} {:>8} {:>10}  what",
        "stage", "seconds", "articles/s", "MB/s", "cpu ms/MB", "count"
    );
    let base = passes
        .iter()
        .find(|p| p.name == "baseline")
        .map(|p| p.elapsed.as_secs_f64());
    for p in passes {
        let s = p.elapsed.as_secs_f64().max(1e-9);
        let cpu = p
            .cpu
            .map_or_else(|| "-".to_string(), |c| format!("{:.0}", c * 1e3 / mb.max(1e-9)));
        println!(
            "{:<10} {:>9.3} {:>11.0} {:>8.2} {:>9} {:>10}  {}",
            p.name,
            s,
            docs.len() as f64 / s,
            mb / s,
            cpu,
            p.count,
            p.what
        );
    }
    if let (Some(full), Some(base)) = (passes.iter().find(|p| p.name == "extract"), base) {
        let ratio = full.elapsed.as_secs_f64() / base.max(1e-9);
        println!();
        println!(
            "end to end: {:.2} MB/s, {:.1}× the Aho-Corasick floor",
            mb / full.elapsed.as_secs_f64().max(1e-9),
            ratio
        );
    }
    match peak_rss_mb() {
        Some(rss) => println!("peak RSS {rss:.0} MB (corpus held in memory: {mb:.0} MB)"),
        None => println!("peak RSS unavailable on this platform"),
    }
}
