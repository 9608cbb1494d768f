//! Real `marsad extract` output validates against the committed JSON Schema (schema version 1).

use std::process::Command;

#[test]
fn extract_output_validates_against_the_schema() {
    let root = concat!(env!("CARGO_MANIFEST_DIR"), "/../..");
    let schema_text = std::fs::read_to_string(format!("{root}/schema/marsad-output.v1.schema.json"))
        .expect("read the schema");
    let schema: serde_json::Value = serde_json::from_str(&schema_text).expect("schema is JSON");
    let validator = jsonschema::validator_for(&schema).expect("schema compiles");
    let out = Command::new(env!("CARGO_BIN_EXE_marsad"))
        .args([
            "extract",
            &format!("{root}/tests/fixtures/seed-ar.articles.jsonl"),
        ])
        .output()
        .expect("run marsad extract");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8(out.stdout).expect("UTF-8 output");
    let mut docs = 0;
    for line in stdout.lines().filter(|l| !l.trim().is_empty()) {
        let doc: serde_json::Value = serde_json::from_str(line).expect("each line is JSON");
        let errors: Vec<String> = validator
            .iter_errors(&doc)
            .map(|e| format!("{e} at {}", e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "schema violations: {errors:#?}");
        assert!(
            doc["events"].as_array().is_some_and(|e| !e.is_empty()),
            "the seed has events"
        );
        docs += 1;
    }
    assert_eq!(docs, 1);
}
