//! `build-gazetteer`: writes the geocoder's binary index from the sources shipped in the repository.

use anyhow::Context;
use std::path::PathBuf;

/// Options of `build-gazetteer`.
#[derive(Debug, clap::Args)]
pub struct Args {
    /// Output file (default: `data/geo/gazetteer.idx` of the workspace).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Check that the committed index equals a fresh build instead of writing it.
    #[arg(long)]
    check: bool,
}

/// Builds the index; writes it atomically (temporary file, then rename) so mapped readers never see
/// a half-written file.
pub fn run(args: Args) -> anyhow::Result<()> {
    let root = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/.."));
    let started = std::time::Instant::now();
    let bytes = marsad_geo::build::build_index(&root).context("building the gazetteer index")?;
    let out = args.out.unwrap_or_else(|| root.join("data/geo/gazetteer.idx"));
    if args.check {
        let old = std::fs::read(&out).with_context(|| format!("reading {}", out.display()))?;
        anyhow::ensure!(
            old == bytes,
            "{} is stale: run `cargo run -p xtask -- build-gazetteer`",
            out.display()
        );
        println!("{} is up to date ({} bytes)", out.display(), bytes.len());
        return Ok(());
    }
    let tmp = out.with_extension("idx.tmp");
    std::fs::write(&tmp, &bytes).with_context(|| format!("writing {}", tmp.display()))?;
    std::fs::rename(&tmp, &out).with_context(|| format!("renaming to {}", out.display()))?;
    println!(
        "wrote {} ({} bytes) in {:.1} s",
        out.display(),
        bytes.len(),
        started.elapsed().as_secs_f32()
    );
    Ok(())
}
