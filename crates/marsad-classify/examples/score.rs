//! Scores sentences read from standard input, one per line, for ASSAULT and PROTEST:
//! `cargo run -p marsad-classify --release --example score < sentences.txt`.
//! Uses `score_all` (one featurisation for both models). Prints `assault<TAB>protest<TAB>sentence`, and the model load time and mean scoring time on stderr.

use marsad_model::Category;
use std::io::{BufRead, Write};
use std::time::Instant;

fn main() -> std::io::Result<()> {
    let start = Instant::now();
    let loaded = [Category::Assault, Category::Protest].map(|c| marsad_classify::model(c).is_some());
    eprintln!("models loaded {loaded:?} in {:?}", start.elapsed());
    let (mut n, mut busy) = (0u32, std::time::Duration::ZERO);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        let t = Instant::now();
        let all = marsad_classify::score_all(&line);
        let get = |c: Category| all.iter().find(|s| s.0 == c).map_or(f32::NAN, |s| s.1);
        let (a, p) = (get(Category::Assault), get(Category::Protest));
        busy += t.elapsed();
        n += 1;
        writeln!(out, "{a:.3}\t{p:.3}\t{line}")?;
    }
    if n > 0 {
        eprintln!("{n} sentences, {:?} per sentence (both models)", busy / n);
    }
    Ok(())
}
