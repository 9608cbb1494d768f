//! Prints what every shipped lexicon matches in a JSONL file of articles (one object per line with a
//! `text` field), most frequent surfaces first: a quick way to spot noisy entries.
//!
//! `cargo run -p marsad-lexicon --example scan -- ../shared/data/gold/snn-dev.articles.jsonl [top]`

use std::collections::HashMap;
use std::error::Error;
use std::time::Instant;

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: scan FILE.jsonl [top]")?;
    let top: usize = args.next().map(|s| s.parse()).transpose()?.unwrap_or(40);
    let t = Instant::now();
    let lexicons = (
        marsad_lexicon::actors(),
        marsad_lexicon::agents(),
        marsad_lexicon::reporting(),
        marsad_lexicon::cues(),
        marsad_lexicon::time_words(),
    );
    eprintln!("loaded all lexicons in {:?}", t.elapsed());
    let mut counts: [HashMap<String, usize>; 5] = Default::default();
    let text = std::fs::read_to_string(&path)?;
    let t = Instant::now();
    let mut docs = 0;
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line)?;
        let Some(body) = v["text"].as_str() else { continue };
        docs += 1;
        let a = marsad_text::analyze(body, None);
        let mut note = |i: usize, r: std::ops::Range<usize>, label: String| {
            *counts[i].entry(format!("{}\t{label}", &body[r])).or_default() += 1;
        };
        for m in lexicons.0.find(&a) {
            let e = m.entry;
            let label = format!(
                "{} {:?} {}",
                e.country.as_deref().unwrap_or("-"),
                e.sector,
                e.kind.as_str()
            );
            note(0, m.bytes, label);
        }
        for m in lexicons.1.find(&a) {
            note(1, m.bytes, m.entry.sector.to_string());
        }
        for m in lexicons.2.find(&a) {
            note(2, m.bytes, m.entry.stance.as_str().to_owned());
        }
        for m in lexicons.3.find(&a) {
            note(3, m.bytes, m.entry.kind.as_str().to_owned());
        }
        for m in lexicons.4.find(&a) {
            note(4, m.bytes, m.entry.kind.as_str().to_owned());
        }
    }
    eprintln!("matched {docs} documents in {:?}", t.elapsed());
    for (name, c) in ["actors", "agents", "reporting", "cues", "time"]
        .iter()
        .zip(&counts)
    {
        let mut v: Vec<(&String, &usize)> = c.iter().collect();
        v.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
        println!("== {name}: {} distinct", v.len());
        for (k, n) in v.into_iter().take(top) {
            println!("{n}\t{k}");
        }
    }
    Ok(())
}
