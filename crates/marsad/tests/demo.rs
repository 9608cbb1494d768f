//! `marsad demo --no-serve` on the bundled articles: works without ../shared.

use std::process::Command;

#[test]
fn demo_ingests_the_bundled_articles() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("demo.db");
    let out = Command::new(env!("CARGO_BIN_EXE_marsad"))
        .current_dir(dir.path())
        .args(["demo", "--no-serve", "--db"])
        .arg(&db)
        .output()
        .expect("run marsad demo");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success(),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(stdout.contains("51 articles ingested"), "{stdout}");
    assert!(stdout.contains("events by category"));
    assert!(stdout.contains("ceasefires:"));
    // Running it again starts from a fresh database.
    let again = Command::new(env!("CARGO_BIN_EXE_marsad"))
        .args(["demo", "--no-serve", "--db"])
        .arg(&db)
        .output()
        .expect("run marsad demo");
    assert!(String::from_utf8_lossy(&again.stdout).contains("51 articles ingested"));
}
