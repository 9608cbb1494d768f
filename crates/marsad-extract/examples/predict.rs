//! Writes Marsad JSONL for a JSONL input file (`{"id"|"doc_id", "text", "published"?}` per line):
//! a quick way to score the coder without building the whole binary.
//!
//! `cargo run -p marsad-extract --example predict -- IN.jsonl [--gate GATE.tsv | --no-gate] > OUT.jsonl`
//! (`--gate` tries other thresholds than the shipped `data/models/gate.tsv`).

use marsad_extract::{Extractor, Options};
use marsad_model::InputDoc;
use std::io::{BufRead, Write};

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let path = std::env::args().nth(1).ok_or("usage: predict IN.jsonl")?;
    let rest: Vec<String> = std::env::args().skip(2).collect();
    let mut gate = marsad_extract::gate::Gate::shipped();
    match rest.iter().map(String::as_str).collect::<Vec<_>>()[..] {
        ["--gate", file] => gate.set_thresholds_tsv(&std::fs::read_to_string(file)?),
        ["--no-gate"] => gate = marsad_extract::gate::Gate::off(),
        [] => {}
        _ => return Err("usage: predict IN.jsonl [--gate GATE.tsv | --no-gate]".into()),
    }
    let ex = Extractor::new().with_gate(gate);
    let out = std::io::stdout();
    let mut out = out.lock();
    for line in std::io::BufReader::new(std::fs::File::open(path)?).lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        let doc: InputDoc = serde_json::from_str(&line)?;
        serde_json::to_writer(&mut out, &ex.extract(&doc, Options { explain: true }))?;
        writeln!(out)?;
    }
    Ok(())
}
