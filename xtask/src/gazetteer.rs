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
    let root = crate::generated::workspace_root();
    let started = std::time::Instant::now();
    let bytes = marsad_geo::build::build_index(&root).context("building the gazetteer index")?;
    let out = args.out.unwrap_or_else(|| root.join("data/geo/gazetteer.idx"));
    let summary = format!(
        "{} bytes, built in {:.1} s",
        bytes.len(),
        started.elapsed().as_secs_f32()
    );
    crate::generated::check_or_write(&out, &bytes, args.check, "build-gazetteer", &summary)
}
