//! `marsad demo`: ingest the bundled example articles (the seed article and 50 SaudiNewsNet articles,
//! compiled into the binary from `data/demo/`) into a fresh database, print a summary, then start the map.
//!
//! Works on a fresh clone: nothing is read from `../shared`.

use super::ingest::{FusionArgs, IngestOptions, ingest, open_store, refuse};
use anyhow::Context;
use marsad_ingest::{ReadOptions, read_inputs};
use marsad_store::{EventFilter, Store};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The bundled articles: file name and content.
const ARTICLES: &[(&str, &str)] = &[
    (
        "seed-ar.jsonl",
        include_str!("../../../../data/demo/seed-ar.jsonl"),
    ),
    (
        "snn-2015-conflict.jsonl",
        include_str!("../../../../data/demo/snn-2015-conflict.jsonl"),
    ),
];

/// Default database of the demo (replaced on every run).
pub const DEMO_DB: &str = "marsad-demo.db";

/// Arguments of `marsad demo`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// The demo database; any existing file there is replaced.
    #[arg(long, default_value = DEMO_DB)]
    db: PathBuf,
    /// Stop after the summary instead of starting the map.
    #[arg(long)]
    no_serve: bool,
    /// Address for the map server.
    #[arg(long, default_value = "127.0.0.1:8080")]
    addr: std::net::SocketAddr,
    #[command(flatten)]
    fusion: FusionArgs,
}

/// Runs `marsad demo`.
pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    let cfg = args.fusion.config()?;
    for suffix in ["", "-wal", "-shm"] {
        let p = PathBuf::from(format!("{}{suffix}", args.db.display()));
        if p.exists() {
            std::fs::remove_file(&p)
                .with_context(|| format!("cannot remove the old demo database {}", p.display()))?;
        }
    }
    let dir = tempfile_dir()?;
    let mut paths = Vec::new();
    for (name, text) in ARTICLES {
        let p = dir.join(name);
        std::fs::write(&p, text).with_context(|| format!("cannot write {}", p.display()))?;
        paths.push(p);
    }
    let store = open_store(&args.db)?;
    let opts = IngestOptions {
        threads: 0,
        batch: 64,
        progress: true,
    };
    let summary = ingest(&store, read_inputs(&paths, &ReadOptions::default()), &opts)?;
    let _ = std::fs::remove_dir_all(&dir);
    let fused = refuse(&store, &cfg, args.fusion.fuse_all)?;
    println!(
        "marsad demo: {} articles ingested into {} in {:.1}s; {} events, {} fused events ({} contested), {} ceasefires",
        summary.read,
        args.db.display(),
        summary.seconds,
        summary.written.events,
        fused.fused,
        fused.contested,
        fused.ceasefires
    );
    print_summary(&store)?;
    if args.no_serve {
        return Ok(ExitCode::SUCCESS);
    }
    start_map(&args.db, args.addr)
}

/// A private scratch directory under the system temp dir.
fn tempfile_dir() -> anyhow::Result<PathBuf> {
    let dir = std::env::temp_dir().join(format!("marsad-demo-{}", std::process::id()));
    std::fs::create_dir_all(&dir).with_context(|| format!("cannot create {}", dir.display()))?;
    Ok(dir)
}

/// Prints events by category and country, the contested events and the ceasefires.
pub fn print_summary(store: &dyn Store) -> anyhow::Result<()> {
    let st = store.stats()?;
    let line = |v: &[(String, u64)]| {
        v.iter()
            .map(|(k, n)| format!("{k} {n}"))
            .collect::<Vec<_>>()
            .join(", ")
    };
    println!("\nevents by category: {}", line(&st.by_category));
    println!(
        "events by country (place): {}",
        line(&st.by_country[..st.by_country.len().min(12)])
    );
    println!("\ncontested events:");
    let fused = store.fused_events(&EventFilter::default())?;
    for f in fused.iter().filter(|f| f.contested) {
        println!(
            "  {} {} {} ({} reports)",
            f.date.as_deref().unwrap_or("-"),
            f.event,
            f.countries.join("/"),
            f.claims.len()
        );
        for c in &f.claims {
            let by = c
                .claim_by
                .as_ref()
                .map(|b| b.text.clone())
                .unwrap_or_else(|| "the article".into());
            let dead = match c.dead {
                Some(marsad_model::Count::Number(n)) => format!("{n} dead"),
                Some(_) => "casualties, no figures".into(),
                None => "no toll".into(),
            };
            let sides = |l: &[marsad_model::Entity]| {
                l.iter()
                    .filter_map(|x| x.country.clone())
                    .collect::<Vec<_>>()
                    .join("+")
            };
            println!(
                "    per {by}: {} → {}, {dead}",
                sides(&c.actor),
                sides(&c.recipient)
            );
        }
    }
    println!("\nceasefires:");
    for c in store.ceasefires()? {
        let start = match (&c.time, &c.tz) {
            (Some(t), Some(z)) => format!(" {t} {z}"),
            _ => String::new(),
        };
        println!(
            "  {}{start} between {}: {} violations reported",
            c.date,
            c.parties.join(" and "),
            c.violations.len()
        );
    }
    Ok(())
}

/// Starts the map on the demo database (`marsad serve`) and prints its URL; runs until Ctrl-C.
fn start_map(db: &Path, addr: std::net::SocketAddr) -> anyhow::Result<ExitCode> {
    println!("\nstarting the map on http://{addr}/ (Ctrl-C to stop; --no-serve skips this)");
    super::serve::serve_db(db, addr)
}
