//! Locating and mapping the index file.
//!
//! Search order: the `MARSAD_GAZETTEER` environment variable; `data/geo/gazetteer.idx` of the source
//! tree this crate was compiled from (baked in with `env!("CARGO_MANIFEST_DIR")`, so `cargo run` and
//! tests work from a fresh clone); `gazetteer.idx` next to the executable (for installed binaries).
#![allow(unsafe_code)]

use crate::GeoError;
use crate::index::Bytes;
use std::path::PathBuf;
use std::sync::Arc;

/// File name of the index.
pub const FILE_NAME: &str = "gazetteer.idx";

/// The candidate paths, in search order.
pub fn candidate_paths() -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Some(p) = std::env::var_os("MARSAD_GAZETTEER") {
        out.push(PathBuf::from(p));
    }
    out.push(PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../data/geo/gazetteer.idx"
    )));
    if let Some(dir) = std::env::current_exe()
        .ok()
        .and_then(|e| e.parent().map(PathBuf::from))
    {
        out.push(dir.join(FILE_NAME));
    }
    out
}

/// Maps the first existing candidate.
pub fn map_default() -> Result<(Bytes, PathBuf), GeoError> {
    let paths = candidate_paths();
    for p in &paths {
        if p.is_file() {
            return map(p).map(|b| (b, p.clone()));
        }
    }
    Err(GeoError::Io {
        path: paths
            .iter()
            .map(|p| p.display().to_string())
            .collect::<Vec<_>>()
            .join(", "),
        message: "no gazetteer index found (run `cargo run -p xtask -- build-gazetteer`)".into(),
    })
}

/// Memory-maps `path` read-only.
pub fn map(path: &std::path::Path) -> Result<Bytes, GeoError> {
    let io = |e: std::io::Error| GeoError::Io {
        path: path.display().to_string(),
        message: e.to_string(),
    };
    let file = std::fs::File::open(path).map_err(io)?;
    // SAFETY: the map is read-only and the index file is never written in place: the builder writes
    // a new file and renames it over the old one, so a mapped file's bytes do not change under us.
    // Every read through the map is bounds-checked by `Index`.
    let mmap = unsafe { memmap2::Mmap::map(&file) }.map_err(io)?;
    Ok(Bytes::Mapped(Arc::new(mmap)))
}
