//! Measures language identification: accuracy and speed on SaudiNewsNet articles (Arabic) and on the
//! English gold snippets in `../shared/data/gold`, as reported in `LANGID.md`.
//!
//! `cargo run --release -p marsad-text --example langid_eval [ARTICLES]` (default 2,000 articles).

use flate2::read::GzDecoder;
use marsad_text::{Lang, detect_lang};
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader};

const SHARED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/data");

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let n: usize = std::env::args().nth(1).map_or(Ok(2000), |a| a.parse())?;
    let arabic = saudinewsnet(n)?;
    let english = english_gold()?;
    println!("| set | texts | mean bytes | correct | accuracy | CPU µs per text | other answers |");
    println!("|---|---|---|---|---|---|---|");
    report("SaudiNewsNet 2015 `content` (ar)", &arabic, Lang::Ar);
    report("English gold snippets (en)", &english, Lang::En);
    let short: Vec<String> = arabic.iter().filter_map(|t| first_words(t, 5)).collect();
    report("SaudiNewsNet, first 5 words (ar)", &short, Lang::Ar);
    let short: Vec<String> = english.iter().filter_map(|t| first_words(t, 5)).collect();
    report("English gold, first 5 words (en)", &short, Lang::En);
    Ok(())
}

fn first_words(text: &str, n: usize) -> Option<String> {
    let words: Vec<&str> = text.split_whitespace().take(n).collect();
    (words.len() == n).then(|| words.join(" "))
}

fn report(name: &str, texts: &[String], want: Lang) {
    let bytes: usize = texts.iter().map(String::len).sum();
    let got: Vec<Lang> = texts.iter().map(|t| detect_lang(t)).collect();
    // Repeat until a measurable amount of CPU time has passed.
    let (start, mut rounds) = (cpu_seconds(), 0);
    while rounds == 0 || cpu_seconds() - start < 0.5 {
        for t in texts {
            std::hint::black_box(detect_lang(t));
        }
        rounds += 1;
    }
    let micros = (cpu_seconds() - start) * 1e6 / (rounds * texts.len().max(1)) as f64;
    let correct = got.iter().filter(|&&l| l == want).count();
    let mut other: BTreeMap<&str, usize> = BTreeMap::new();
    for l in got.iter().filter(|&&l| l != want) {
        *other.entry(l.code()).or_default() += 1;
    }
    println!(
        "| {name} | {} | {:.0} | {correct} | {:.2}% | {micros:.1} | {other:?} |",
        texts.len(),
        bytes as f64 / texts.len().max(1) as f64,
        100.0 * correct as f64 / texts.len().max(1) as f64,
    );
}

fn saudinewsnet(n: usize) -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let file = std::fs::File::open(format!("{SHARED}/corpus/saudinewsnet-2015.jsonl.gz"))?;
    let mut out = Vec::with_capacity(n);
    for line in BufReader::new(GzDecoder::new(file)).lines().take(n) {
        let v: serde_json::Value = serde_json::from_str(&line?)?;
        let text = v["content"].as_str().unwrap_or_default();
        // Empty articles (42 of the first 2,000) carry no language to find.
        if !text.trim().is_empty() {
            out.push(text.to_owned());
        }
    }
    Ok(out)
}

fn english_gold() -> Result<Vec<String>, Box<dyn std::error::Error>> {
    let mut out = Vec::new();
    for line in std::fs::read_to_string(format!("{SHARED}/gold/en_petr2_gsr.dev.jsonl"))?.lines() {
        let v: serde_json::Value = serde_json::from_str(line)?;
        out.push(v["text"].as_str().unwrap_or_default().to_owned());
    }
    let tsv = std::fs::read_to_string(format!("{SHARED}/gold/en_case2021_subtypes.dev.tsv"))?;
    out.extend(
        tsv.lines()
            .skip(1)
            .filter_map(|l| l.split('\t').nth(1))
            .map(str::to_owned),
    );
    Ok(out)
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
