//! Files the xtasks generate and the repository commits: written atomically, or checked byte for
//! byte against a fresh build (`--check`, run by `.ci/run`).

use anyhow::Context;
use std::path::{Path, PathBuf};

/// The workspace root (the xtask crate's parent).
pub fn workspace_root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// With `check`, fails unless `path` holds exactly `fresh` (the error names `task`, the xtask that
/// regenerates it); otherwise writes `fresh` through a temporary file and a rename, so readers (a
/// memory-mapped index) never see a half-written file. `summary` describes the content.
pub fn check_or_write(
    path: &Path,
    fresh: &[u8],
    check: bool,
    task: &str,
    summary: &str,
) -> anyhow::Result<()> {
    if check {
        let old = std::fs::read(path).with_context(|| format!("reading {}", path.display()))?;
        anyhow::ensure!(
            old == fresh,
            "{} is stale: run `cargo run -p xtask -- {task}`",
            path.display()
        );
        println!("{} is up to date ({summary})", path.display());
        return Ok(());
    }
    let mut tmp = path.as_os_str().to_owned();
    tmp.push(".tmp");
    let tmp = PathBuf::from(tmp);
    std::fs::write(&tmp, fresh).with_context(|| format!("writing {}", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| format!("renaming to {}", path.display()))?;
    println!("wrote {} ({summary})", path.display());
    Ok(())
}
