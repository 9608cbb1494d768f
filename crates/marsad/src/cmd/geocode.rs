//! `marsad geocode`: find and resolve the place names in a text, with optional country context.

use anyhow::Context;
use marsad_geo::{Gazetteer, GeoContext};
use std::io::Read;
use std::process::ExitCode;

/// Arguments of `marsad geocode`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The text to geocode; `-` or nothing reads standard input.
    text: Option<String>,
    /// Show every mention's scored candidates and the reason for the choice.
    #[arg(long)]
    explain: bool,
    /// Country context: ISO3 codes of the story's actors (repeatable), e.g. `--country ARM --country AZE`.
    #[arg(long = "country", value_name = "ISO3")]
    countries: Vec<String>,
}

/// Prints one JSON line per place found (with `--explain`, candidates and reasons too).
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let text = match args.text.as_deref() {
        None | Some("-") => {
            let mut s = String::new();
            std::io::stdin()
                .read_to_string(&mut s)
                .context("reading standard input")?;
            s
        }
        Some(t) => t.to_string(),
    };
    let gazetteer = Gazetteer::global().context("loading the gazetteer")?;
    let ctx = GeoContext {
        countries: args
            .countries
            .iter()
            .map(|c| (c.to_ascii_uppercase(), 1.0))
            .collect(),
    };
    let analysis = marsad_text::analyze(&text, None);
    for (m, candidates) in gazetteer.explain_places(&analysis, &ctx) {
        let mut line = serde_json::to_value(&m.place).context("serialising a place")?;
        if args.explain {
            line["why"] = m.why.into();
            line["candidates"] = candidates
                .iter()
                .map(|(p, score)| {
                    serde_json::json!({
                        "name": p.name, "country": p.country, "admin1": p.admin1, "lat": p.lat,
                        "lon": p.lon, "feature": p.feature, "score": (score * 100.0).round() / 100.0,
                    })
                })
                .collect();
        }
        println!("{line}");
    }
    Ok(ExitCode::SUCCESS)
}
