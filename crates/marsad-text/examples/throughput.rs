//! Measures the text layer's speed (`analyze`: language, tokens with clitics, sentences, numbers) on
//! SaudiNewsNet articles, and checks the answer so a fast wrong layer fails.
//!
//! `cargo run --release -p marsad-text --example throughput [ARTICLES]` (default 2,000 articles).

use flate2::read::GzDecoder;
use marsad_text::analyze;
use std::io::{BufRead, BufReader};

const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/corpus/saudinewsnet-2015.jsonl.gz"
);

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let n: usize = std::env::args().nth(1).map_or(Ok(2000), |a| a.parse())?;
    let mut texts = Vec::with_capacity(n);
    for line in BufReader::new(GzDecoder::new(std::fs::File::open(CORPUS)?))
        .lines()
        .take(n)
    {
        let v: serde_json::Value = serde_json::from_str(&line?)?;
        texts.push(v["content"].as_str().unwrap_or_default().to_owned());
    }
    let bytes: usize = texts.iter().map(String::len).sum();
    let mut best = f64::INFINITY;
    let mut counts = (0, 0, 0);
    for _ in 0..3 {
        let start = cpu_seconds();
        counts = (0, 0, 0);
        for t in &texts {
            let a = analyze(t, None);
            counts.0 += a.tokens.len();
            counts.1 += a.sentences.len();
            counts.2 += a.numbers.len();
        }
        best = best.min(cpu_seconds() - start);
    }
    let mb = bytes as f64 / 1e6;
    println!(
        "{} articles, {mb:.2} MB: {} tokens, {} sentences, {} numbers; best of 3: {:.0} ms = {:.1} MB/s",
        texts.len(),
        counts.0,
        counts.1,
        counts.2,
        best * 1000.0,
        mb / best
    );
    // Arabic news runs about one token per 10 bytes; a layer that finds far fewer is broken.
    assert!(counts.0 * 16 > bytes, "too few tokens: {}", counts.0);
    assert!(counts.2 > 0 && counts.1 > 0);
    Ok(())
}

/// CPU time this thread has run, in seconds (`/proc/self/schedstat`, Linux): unlike wall time it does
/// not count the time other processes hold the cores. Elsewhere, wall time since the first call.
fn cpu_seconds() -> f64 {
    static START: std::sync::OnceLock<std::time::Instant> = std::sync::OnceLock::new();
    let ns = std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next().and_then(|n| n.parse::<f64>().ok()));
    ns.map_or_else(
        || START.get_or_init(std::time::Instant::now).elapsed().as_secs_f64(),
        |ns| ns / 1e9,
    )
}
