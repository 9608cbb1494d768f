//! Times each stage of the text layer separately on SaudiNewsNet articles (a profiling aid).
//!
//! `cargo run --release -p marsad-text --example stages [ARTICLES]`

use flate2::read::GzDecoder;
use marsad_text::{CharIndex, detect_lang, find_numbers, normalize_key, split_sentences, tokenize};
use std::io::{BufRead, BufReader};

const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/corpus/saudinewsnet-2015.jsonl.gz"
);

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let n: usize = std::env::args().nth(1).map_or(Ok(500), |a| a.parse())?;
    let mut texts = Vec::with_capacity(n);
    for line in BufReader::new(GzDecoder::new(std::fs::File::open(CORPUS)?))
        .lines()
        .take(n)
    {
        let v: serde_json::Value = serde_json::from_str(&line?)?;
        texts.push(v["content"].as_str().unwrap_or_default().to_owned());
    }
    let mb = texts.iter().map(String::len).sum::<usize>() as f64 / 1e6;
    let time = |name: &str, f: &mut dyn FnMut(&str) -> usize| {
        let start = cpu_seconds();
        let count: usize = texts.iter().map(|t| f(t)).sum();
        let s = cpu_seconds() - start;
        println!("{name:>12}: {:>7.1} MB/s ({count})", mb / s);
    };
    time("lang", &mut |t| detect_lang(t) as usize);
    time("index", &mut |t| CharIndex::new(t).char_len());
    time("key", &mut |t| normalize_key(t).len());
    time("tokenize", &mut |t| tokenize(t, &CharIndex::new(t)).len());
    time("analyses", &mut |t| {
        tokenize(t, &CharIndex::new(t))
            .iter()
            .map(|t| t.analyses.len())
            .sum()
    });
    let tokens: Vec<_> = texts.iter().map(|t| tokenize(t, &CharIndex::new(t))).collect();
    let start = cpu_seconds();
    let mut c = 0;
    for (t, toks) in texts.iter().zip(&tokens) {
        c += split_sentences(t, toks, &CharIndex::new(t)).len();
    }
    println!(
        "{:>12}: {:>7.1} MB/s ({c})",
        "sentences",
        mb / (cpu_seconds() - start)
    );
    let start = cpu_seconds();
    let mut c = 0;
    for (t, toks) in texts.iter().zip(&tokens) {
        c += find_numbers(t, toks, &CharIndex::new(t)).len();
    }
    println!(
        "{:>12}: {:>7.1} MB/s ({c})",
        "numbers",
        mb / (cpu_seconds() - start)
    );
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
