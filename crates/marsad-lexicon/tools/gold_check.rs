//! Measures how well the actor and agent lexicons cover the entities of a gold file: for each gold
//! `{country, sector, text}`, whether some actor match in the text gives the gold country, and whether
//! an actor or agent match gives the gold sector.
//!
//! `cargo run -p marsad-lexicon --example gold_check -- ../shared/data/gold/snn-dev.gold.jsonl`

use std::error::Error;

fn main() -> Result<(), Box<dyn Error>> {
    let path = std::env::args().nth(1).ok_or("usage: gold_check GOLD.jsonl")?;
    let text = std::fs::read_to_string(&path)?;
    let (mut n, mut with_country, mut country_ok, mut with_sector, mut sector_ok) = (0, 0, 0, 0, 0);
    let mut misses = Vec::new();
    for line in text.lines().filter(|l| !l.trim().is_empty()) {
        let doc: serde_json::Value = serde_json::from_str(line)?;
        for ev in doc["events"].as_array().into_iter().flatten() {
            let mut ents: Vec<&serde_json::Value> = Vec::new();
            for side in ["actor", "recipient"] {
                ents.extend(ev[side].as_array().into_iter().flatten());
            }
            if ev["claim_by"].is_object() {
                ents.push(&ev["claim_by"]);
            }
            for e in ents {
                let Some(t) = e["text"].as_str() else { continue };
                n += 1;
                let a = marsad_text::analyze(t, None);
                let actors = marsad_lexicon::actors().find(&a);
                let agents = marsad_lexicon::agents().find(&a);
                if let Some(c) = e["country"].as_str().filter(|c| *c != "UNK") {
                    with_country += 1;
                    if actors.iter().any(|m| m.entry.country.as_deref() == Some(c)) {
                        country_ok += 1;
                    } else {
                        misses.push(format!("country {c}\t{t}"));
                    }
                }
                if let Some(s) = e["sector"].as_str() {
                    with_sector += 1;
                    let hit = actors
                        .iter()
                        .any(|m| m.entry.sector.is_some_and(|x| x.as_str() == s))
                        || agents.iter().any(|m| m.entry.sector.as_str() == s);
                    if hit {
                        sector_ok += 1;
                    } else {
                        misses.push(format!("sector {s}\t{t}"));
                    }
                }
            }
        }
    }
    for m in &misses {
        println!("miss\t{m}");
    }
    println!(
        "entities {n}; country found {country_ok}/{with_country}; sector found {sector_ok}/{with_sector}"
    );
    Ok(())
}
