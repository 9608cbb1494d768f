//! `marsad export`: every format against a golden file, and read back by a real consumer (Python's csv
//! and json modules, the parquet crate's reader). Regenerate the golden files with `UPDATE_GOLDEN=1`.

use marsad_model::{DocOutput, InputDoc};
use marsad_store::{SqliteStore, Store, StoredDoc};
use std::path::{Path, PathBuf};
use std::process::Command;

fn marsad() -> Command {
    Command::new(env!("CARGO_BIN_EXE_marsad"))
}

/// A database holding the hand-written fixture documents, fused.
fn fixture_db(dir: &Path) -> PathBuf {
    let docs: Vec<DocOutput> =
        serde_json::from_str(include_str!("fixtures/export-docs.json")).expect("fixture parses");
    let db = dir.join("x.db");
    let store = SqliteStore::open(&db).expect("open");
    let stored: Vec<StoredDoc> = docs
        .iter()
        .map(|d| {
            let text: Vec<&str> = d.events.iter().map(|e| e.evidence.as_str()).collect();
            let input = InputDoc {
                id: Some(d.doc_id.clone()),
                text: text.join("\n"),
                published: d.published.clone(),
                url: d.url.clone(),
                source: d.source.clone(),
                ..Default::default()
            };
            StoredDoc::new(&input, d.clone())
        })
        .collect();
    store.write_batch(&stored).expect("write");
    marsad_store::fusion::recompute(&store, &Default::default()).expect("fusion");
    db
}

fn export(db: &Path, args: &[&str]) -> String {
    let out = marsad()
        .arg("export")
        .arg("--db")
        .arg(db)
        .args(args)
        .output()
        .expect("run export");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).expect("utf-8 output")
}

fn golden(name: &str, actual: &str) {
    let path = PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden")).join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some() {
        std::fs::write(&path, actual).expect("write golden");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        expected == actual,
        "{name} differs from its golden file (UPDATE_GOLDEN=1 to accept):\n{actual}"
    );
}

/// Runs a Python snippet on `file`; returns its standard output.
fn python(code: &str, file: &Path) -> Option<String> {
    let out = Command::new("python3")
        .arg("-c")
        .arg(code)
        .arg(file)
        .output()
        .ok()?;
    assert!(
        out.status.success(),
        "python failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

fn save(dir: &Path, name: &str, text: &str) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, text).expect("write export");
    p
}

#[test]
fn acled_csv_has_acled_header_and_one_row_per_location() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = fixture_db(dir.path());
    let csv = export(&db, &["--format", "acled"]);
    golden("acled.csv", &csv);
    let file = save(dir.path(), "a.csv", &csv);
    let code = "import csv,sys\nr=list(csv.DictReader(open(sys.argv[1],encoding='utf-8')))\nprint(','.join(r[0].keys()));print(len(r));print(sum(int(x['fatalities']) for x in r))";
    if let Some(out) = python(code, &file) {
        let lines: Vec<&str> = out.lines().collect();
        assert!(
            lines[0].starts_with("event_id_cnty,event_date,year,time_precision,disorder_type,event_type")
        );
        assert!(lines[0].ends_with("notes,fatalities,tags,timestamp"));
        // 7 ASSAULT events: seed e2 has 2 places, e1 none, e3 one; a, b, c, d and e one each.
        assert_eq!(lines[1], "9");
        assert_eq!(lines[2], "74", "49 + 10 + 12 + 3, each toll counted once");
    }
}

#[test]
fn plover_and_geojson_are_valid_json() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = fixture_db(dir.path());
    let plover = export(&db, &["--format", "plover"]);
    golden("plover.json", &plover);
    let v: serde_json::Value = serde_json::from_str(&plover).expect("plover is JSON");
    assert_eq!(v.as_array().map(Vec::len), Some(11));
    let geo = export(&db, &["--format", "geojson", "--country", "ARM"]);
    golden("armenia.geojson", &geo);
    let file = save(dir.path(), "g.geojson", &geo);
    let code = "import json,sys\nd=json.load(open(sys.argv[1],encoding='utf-8'))\nprint(d['type'], len(d['features']), d['features'][0]['geometry']['type'])";
    if let Some(out) = python(code, &file) {
        assert_eq!(out, "FeatureCollection 3 Point");
    }
    let file = save(dir.path(), "p.json", &plover);
    let code = "import json,sys\nd=json.load(open(sys.argv[1],encoding='utf-8'))\nprint(sorted({e['event'] for e in d}))";
    if let Some(out) = python(code, &file) {
        assert_eq!(out, "['ACCUSE', 'AGREE', 'ASSAULT', 'RETREAT']");
    }
}

#[test]
fn cameo_tsv_has_gdelt_columns() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = fixture_db(dir.path());
    let tsv = export(&db, &["--format", "cameo", "--since", "2022-01-01"]);
    golden("cameo.tsv", &tsv);
    let file = save(dir.path(), "c.tsv", &tsv);
    let code = "import csv,sys\nr=list(csv.reader(open(sys.argv[1],encoding='utf-8'),delimiter='\\t'))\nprint(len(r), {len(x) for x in r})";
    if let Some(out) = python(code, &file) {
        assert_eq!(out, "6 {61}");
    }
}

#[test]
fn flat_csv_with_bbox_and_parquet_read_back() {
    let dir = tempfile::tempdir().expect("temp dir");
    let db = fixture_db(dir.path());
    let csv = export(&db, &["--format", "csv", "--bbox", "44,15,45,16"]);
    golden("sanaa.csv", &csv);
    let file = save(dir.path(), "f.csv", &csv);
    let code = "import csv,sys\nr=list(csv.DictReader(open(sys.argv[1],encoding='utf-8')))\nprint(' '.join(sorted(x['id'] for x in r)))";
    if let Some(out) = python(code, &file) {
        assert_eq!(out, "a:e1 b:e1 d:e1 e:e1");
    }
    let pq = dir.path().join("all.parquet");
    let out = marsad()
        .arg("export")
        .arg("--db")
        .arg(&db)
        .args(["--format", "parquet", "-o"])
        .arg(&pq)
        .output();
    assert!(out.expect("run export").status.success());
    let reader = parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder::try_new(
        std::fs::File::open(&pq).expect("open parquet"),
    )
    .expect("parquet metadata")
    .build()
    .expect("parquet reader");
    let mut rows = 0;
    for batch in reader {
        let batch = batch.expect("batch");
        rows += batch.num_rows();
        assert_eq!(batch.schema().field(0).name(), "id");
        assert_eq!(
            batch.schema().field(18).data_type(),
            &arrow::datatypes::DataType::Float64
        );
    }
    assert_eq!(rows, 11);
    let no_output = marsad()
        .arg("export")
        .arg("--db")
        .arg(&db)
        .args(["--format", "parquet"])
        .output();
    assert!(!no_output.expect("run export").status.success());
}
