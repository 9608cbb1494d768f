//! Geocodes the first N articles of a JSONL(.gz) corpus and prints every place found (one line per
//! match), then the time spent in `find_places` alone, to stderr. Used to check that a speed change
//! leaves the output identical: run it before and after, and diff.
//!
//! `cargo run --release -p marsad-geo --example geodump -- CORPUS.jsonl.gz [LIMIT] [ISO3...]`

use marsad_geo::{Gazetteer, GeoContext};
use std::io::BufRead;
use std::time::{Duration, Instant};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let mut args = std::env::args().skip(1);
    let path = args.next().ok_or("usage: geodump CORPUS [LIMIT] [ISO3...]")?;
    let limit: usize = args.next().map(|s| s.parse()).transpose()?.unwrap_or(300);
    let ctx = GeoContext {
        countries: args.map(|c| (c, 1.0)).collect(),
    };
    let file = std::fs::File::open(&path)?;
    let reader: Box<dyn BufRead> = if path.ends_with(".gz") {
        Box::new(std::io::BufReader::new(flate2::read::MultiGzDecoder::new(file)))
    } else {
        Box::new(std::io::BufReader::new(file))
    };
    let g = Gazetteer::global()?;
    let mut texts = Vec::new();
    for line in reader.lines().take(limit) {
        let v: serde_json::Value = serde_json::from_str(&line?)?;
        let t = v["text"].as_str().or(v["content"].as_str()).unwrap_or("");
        texts.push(t.to_string());
    }
    let analyses: Vec<_> = texts.iter().map(|t| marsad_text::analyze(t, None)).collect();
    let mut spent = Duration::ZERO;
    let mut n = 0;
    for (d, a) in analyses.iter().enumerate() {
        let t = Instant::now();
        let found = g.find_places(a, &ctx);
        spent += t.elapsed();
        for m in found {
            n += 1;
            let p = &m.place;
            println!(
                "{d}\t{:?}\t{}\t{:?}\t{:?}\t{:?}\t{:?}\t{:?}\t{}",
                m.bytes, p.text, p.geonameid, p.name, p.country, p.confidence, p.precision, m.why
            );
        }
    }
    let mb = texts.iter().map(String::len).sum::<usize>() as f64 / 1e6;
    eprintln!(
        "{} docs, {mb:.2} MB, {n} places, find_places {:.3} s ({:.2} MB/s)",
        texts.len(),
        spent.as_secs_f64(),
        mb / spent.as_secs_f64()
    );
    Ok(())
}
