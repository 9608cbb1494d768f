//! `marsad ingest`: idempotent reruns, changed documents, and a real `kill -9` midway that a rerun
//! repairs to exactly the content of an uninterrupted run.

use marsad_store::{SqliteStore, Store};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

fn marsad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_marsad"))
}

/// Writes `n` distinct documents (the bundled demo articles, numbered) as JSONL.
fn corpus(dir: &Path, n: usize) -> PathBuf {
    let demo = include_str!("../../../data/demo/snn-2015-conflict.jsonl");
    let lines: Vec<&str> = demo.lines().collect();
    let mut out = String::new();
    for i in 0..n {
        let mut v: serde_json::Value = serde_json::from_str(lines[i % lines.len()]).expect("demo line");
        v["id"] = format!("doc-{i:04}").into();
        if i >= lines.len() {
            let text = v["content"].as_str().unwrap_or_default().to_string();
            v["content"] = format!("{text}\n(نسخة {i})").into();
        }
        out.push_str(&v.to_string());
        out.push('\n');
    }
    let p = dir.join("corpus.jsonl");
    std::fs::write(&p, out).expect("write corpus");
    p
}

fn ingest(db: &Path, input: &Path, extra: &[&str]) -> std::process::Output {
    marsad()
        .arg("ingest")
        .arg("--db")
        .arg(db)
        .arg(input)
        .args(extra)
        .output()
        .expect("run marsad ingest")
}

fn dump(db: &Path) -> String {
    SqliteStore::open(db).expect("open db").dump().expect("dump")
}

#[test]
fn ingest_twice_skips_everything_the_second_time() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = corpus(dir.path(), 30);
    let db = dir.path().join("m.db");
    let first = ingest(&db, &input, &[]);
    assert!(
        first.status.success(),
        "{}",
        String::from_utf8_lossy(&first.stderr)
    );
    let before = dump(&db);
    let second = ingest(&db, &input, &[]);
    assert!(second.status.success());
    let err = String::from_utf8_lossy(&second.stderr);
    assert!(err.contains("0 new") && err.contains("30 unchanged"), "{err}");
    assert_eq!(before, dump(&db));
    let st = SqliteStore::open(&db).expect("open").stats().expect("stats");
    assert_eq!(st.documents, 30);
}

#[test]
fn a_changed_document_is_extracted_again() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = dir.path().join("m.db");
    let a = dir.path().join("a.jsonl");
    std::fs::write(
        &a,
        r#"{"id":"x","text":"قصف الجيش مدينة حلب","published":"2015-07-20"}"#,
    )
    .expect("write");
    assert!(ingest(&db, &a, &["-q"]).status.success());
    std::fs::write(
        &a,
        r#"{"id":"x","text":"اشتباكات في مدينة حلب","published":"2015-07-20"}"#,
    )
    .expect("write");
    let out = ingest(&db, &a, &[]);
    assert!(String::from_utf8_lossy(&out.stderr).contains("1 changed"));
    let doc = SqliteStore::open(&db)
        .expect("open")
        .document("x")
        .expect("read")
        .expect("stored");
    assert!(doc.text.starts_with("اشتباكات"));
}

#[test]
fn kill_9_midway_then_rerun_equals_an_uninterrupted_run() {
    let dir = tempfile::tempdir().expect("temp dir");
    let input = corpus(dir.path(), 300);
    let clean = dir.path().join("clean.db");
    assert!(ingest(&clean, &input, &["-q", "--batch", "10"]).status.success());

    let db = dir.path().join("killed.db");
    let mut child = marsad()
        .args(["ingest", "-q", "--batch", "10", "--threads", "1", "--db"])
        .arg(&db)
        .arg(&input)
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn marsad ingest");
    // Wait until some batches are committed, then kill -9 (SIGKILL).
    let mut stored = 0;
    for _ in 0..2000 {
        if let Ok(Some(_)) = child.try_wait() {
            break;
        }
        if db.exists()
            && let Ok(s) = SqliteStore::open(&db)
            && let Ok(st) = s.stats()
        {
            stored = st.documents;
            if stored >= 20 {
                break;
            }
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    child.kill().ok();
    child.wait().expect("reap the child");
    let after_kill = SqliteStore::open(&db)
        .expect("open after kill")
        .stats()
        .expect("stats")
        .documents;
    eprintln!("killed after {stored} documents were seen, {after_kill} committed");
    assert!(after_kill <= 300);
    let rerun = ingest(&db, &input, &["--batch", "10"]);
    assert!(
        rerun.status.success(),
        "{}",
        String::from_utf8_lossy(&rerun.stderr)
    );
    assert_eq!(
        dump(&clean),
        dump(&db),
        "the repaired database differs from an uninterrupted run"
    );
}

/// The seed article (`tests/fixtures/seed-ar.articles.jsonl`), ingested into a fresh store.
fn seed_db(dir: &Path) -> PathBuf {
    let seed = Path::new(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/seed-ar.articles.jsonl"
    ));
    let db = dir.join("seed.db");
    let out = ingest(&db, seed, &[]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    db
}

#[test]
fn seed_clashes_are_one_contested_fused_event() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = SqliteStore::open(seed_db(dir.path())).expect("open");
    let fused = store.fused_events(&Default::default()).expect("fused");
    let clashes: Vec<_> = fused
        .iter()
        .filter(|f| f.event == marsad_model::Category::Assault)
        .collect();
    assert_eq!(clashes.len(), 1, "{fused:#?}");
    let clash = clashes[0];
    assert!(clash.contested, "{clash:#?}");
    assert!(
        clash.disputes.contains(&marsad_fuse::Dispute::Blame),
        "{clash:#?}"
    );
    assert_eq!(clash.countries, ["ARM", "AZE"]);
    // Both sides' claims, each with its source: Armenia blames Azerbaijan, Azerbaijan blames Armenia.
    let claimants: Vec<&str> = clash
        .claims
        .iter()
        .filter_map(|c| c.claim_by.as_ref()?.country.as_deref())
        .collect();
    assert!(
        claimants.contains(&"ARM") && claimants.contains(&"AZE"),
        "{claimants:?}"
    );
    for c in &clash.claims {
        assert_eq!(c.doc_id, "seed-ar");
        assert!(!c.evidence.is_empty());
        let stored = store.event(&c.event_id).expect("read").expect("member stored");
        assert_eq!(stored.fused_id.as_deref(), Some(clash.id.as_str()));
        assert!(stored.contested);
    }
    // Armenia's toll of 49 is one of the claims.
    assert!(
        clash
            .claims
            .iter()
            .any(|c| c.dead == Some(marsad_model::Count::Number(49))),
        "{clash:#?}"
    );
}

#[test]
fn seed_ceasefire_is_listed_by_query() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = seed_db(dir.path());
    let out = marsad()
        .args(["query", "--ceasefires", "--db"])
        .arg(&db)
        .output()
        .expect("run marsad query");
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success());
    let row = text
        .lines()
        .find(|l| l.contains("ARM/AZE"))
        .unwrap_or_else(|| panic!("no ARM/AZE ceasefire in:\n{text}"));
    assert!(row.starts_with("2022-09-13"), "{row}");
}
