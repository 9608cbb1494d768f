//! The articles check of `train-classifier`: the seed and snn-dev articles coded with the gate off and
//! explained, so each gated event's `why` carries its score under the newly trained model and its
//! evidence level. `eval/gate_articles.py` replays threshold choices on these files with `score.py
//! events`, to see which thresholds would drop the articles' real attacks.

use anyhow::{Context, Result};
use marsad_classify::Model;
use marsad_extract::gate::Gate;
use marsad_extract::{Extractor, Options};
use marsad_model::InputDoc;
use std::io::BufRead;
use std::path::Path;

/// The article sets (input file under `data/gold`, output stem).
const SETS: [(&str, &str); 2] = [
    ("seed-ar.articles.jsonl", "seed"),
    ("snn-dev.articles.jsonl", "snn-dev"),
];

/// Codes the article sets with `models` scoring (gate off) and writes `<out>/<stem>.jsonl`.
pub fn write(gold_dir: &Path, models: &[Model], out: &Path) -> Result<()> {
    std::fs::create_dir_all(out).with_context(|| format!("creating {}", out.display()))?;
    let mut gate = Gate::off();
    for m in models {
        gate.set_model(m.clone());
    }
    let coder = Extractor::new().with_gate(gate);
    for (input, stem) in SETS {
        let path = gold_dir.join(input);
        let file = std::fs::File::open(&path).with_context(|| format!("opening {}", path.display()))?;
        let mut text = String::new();
        for line in std::io::BufReader::new(file).lines() {
            let line = line?;
            if line.trim().is_empty() {
                continue;
            }
            let doc: InputDoc =
                serde_json::from_str(&line).with_context(|| format!("bad line in {}", path.display()))?;
            let coded = coder.extract(&doc, Options { explain: true });
            text.push_str(&serde_json::to_string(&coded)?);
            text.push('\n');
        }
        let dest = out.join(format!("{stem}.jsonl"));
        std::fs::write(&dest, text).with_context(|| format!("writing {}", dest.display()))?;
    }
    Ok(())
}
