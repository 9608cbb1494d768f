//! The committed bad-input corpus (`tests/bad-inputs/`) and generated pathological inputs: one test per
//! case, asserting the behaviour `docs/INPUT.md` documents (exit status, the one stderr line naming the
//! file, the documents printed). Nothing may panic.

use crate::extract::{check_spans, docs, extract, repo, stderr};
use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::Output;

fn bad(name: &str) -> String {
    repo().join("tests/bad-inputs").join(name).display().to_string()
}

/// Runs extract on one corpus file (plus `extra` flags).
fn run(name: &str, extra: &[&str]) -> Output {
    let path = bad(name);
    let mut args = vec![path.as_str()];
    args.extend_from_slice(extra);
    extract(&args, None)
}

/// Asserts the exit code and the number of stderr lines, each naming `name`.
fn expect(out: &Output, code: i32, errors: usize, name: &str) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(code), "stderr: {err}");
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), errors, "stderr: {err}");
    for l in lines {
        assert!(l.starts_with("marsad: ") && l.contains(name), "{l}");
    }
    assert!(!err.contains("panicked"), "{err}");
}

fn warnings(doc: &Value) -> Vec<String> {
    doc["warnings"]
        .as_array()
        .map(|w| w.iter().filter_map(|x| x.as_str().map(String::from)).collect())
        .unwrap_or_default()
}

fn has_warning(doc: &Value, needle: &str) -> bool {
    warnings(doc).iter().any(|w| w.contains(needle))
}

/// One clean document whose spans slice `text`.
fn one_doc(out: &Output, text: &str) -> Value {
    let docs = docs(out);
    assert_eq!(docs.len(), 1);
    check_spans(&docs[0], text);
    docs.into_iter().next().expect("one document")
}

fn read(name: &str) -> String {
    std::fs::read_to_string(bad(name)).expect("read corpus file")
}

#[test]
fn binary_file_is_skipped() {
    let out = run("binary.txt", &[]);
    expect(&out, 1, 1, "binary.txt");
    assert!(stderr(&out).contains("binary file, skipped"));
    assert!(docs(&out).is_empty());
}

#[test]
fn nul_bytes_are_binary() {
    let out = run("nul-bytes.txt", &[]);
    expect(&out, 1, 1, "nul-bytes.txt");
    assert!(stderr(&out).contains("binary file, skipped"));
}

#[test]
fn truncated_utf8_names_the_byte_or_is_replaced() {
    let out = run("truncated-utf8.txt", &[]);
    expect(&out, 1, 1, "truncated-utf8.txt");
    assert!(
        stderr(&out).contains("truncated-utf8.txt: byte 19: invalid UTF-8"),
        "{}",
        stderr(&out)
    );
    assert!(docs(&out).is_empty());
    let out = run("truncated-utf8.txt", &["--lossy"]);
    expect(&out, 0, 0, "");
    let bytes = std::fs::read(bad("truncated-utf8.txt")).expect("read");
    let d = one_doc(&out, &String::from_utf8_lossy(&bytes));
    assert!(has_warning(
        &d,
        "invalid UTF-8 replaced with U+FFFD (first bad sequence at byte 19)"
    ));
}

#[test]
fn file_ending_inside_a_character() {
    let out = run("truncated-end.txt", &[]);
    expect(&out, 1, 1, "truncated-end.txt");
    assert!(
        stderr(&out).contains("byte 148: invalid UTF-8"),
        "{}",
        stderr(&out)
    );
}

#[test]
fn utf8_bom_is_stripped() {
    let out = run("bom.txt", &[]);
    expect(&out, 0, 0, "");
    let text = read("bom.txt");
    let d = one_doc(&out, text.trim_start_matches('\u{feff}'));
    assert_eq!(d["doc_id"], "bom");
    assert_eq!(d["lang"], "ar");
}

#[test]
fn utf16_with_bom_is_decoded() {
    for (name, order) in [("utf16le.txt", "LE"), ("utf16be.txt", "BE")] {
        let out = run(name, &[]);
        expect(&out, 0, 0, "");
        let bytes = std::fs::read(bad(name)).expect("read");
        let units: Vec<u16> = bytes[2..]
            .chunks_exact(2)
            .map(|p| {
                if order == "LE" {
                    u16::from_le_bytes([p[0], p[1]])
                } else {
                    u16::from_be_bytes([p[0], p[1]])
                }
            })
            .collect();
        let d = one_doc(&out, &String::from_utf16(&units).expect("utf-16"));
        assert!(has_warning(&d, &format!("decoded from UTF-16{order}")));
        assert_eq!(d["lang"], "ar");
    }
}

#[test]
fn mixed_directions_keep_exact_spans() {
    let out = run("mixed-directions.txt", &[]);
    expect(&out, 0, 0, "");
    one_doc(&out, &read("mixed-directions.txt"));
}

#[test]
fn zero_width_characters_everywhere() {
    let out = run("zero-width.txt", &[]);
    expect(&out, 0, 0, "");
    let d = one_doc(&out, &read("zero-width.txt"));
    assert_eq!(d["lang"], "ar");
}

#[test]
fn full_tashkeel() {
    let out = run("tashkeel.txt", &[]);
    expect(&out, 0, 0, "");
    let d = one_doc(&out, &read("tashkeel.txt"));
    assert_eq!(d["lang"], "ar");
}

#[test]
fn crlf_line_endings_count_as_characters() {
    let out = run("crlf.txt", &[]);
    expect(&out, 0, 0, "");
    one_doc(&out, &read("crlf.txt"));
}

#[test]
fn empty_and_whitespace_files_warn_without_failing() {
    for name in ["empty.txt", "whitespace.txt"] {
        let out = run(name, &[]);
        expect(&out, 0, 0, "");
        let d = one_doc(&out, &read(name));
        assert!(has_warning(&d, "empty text: no events"), "{name}");
        assert_eq!(d["events"].as_array().map(Vec::len), Some(0));
    }
}

#[test]
fn empty_texts_in_jsonl_warn_without_failing() {
    let out = run("empty-text.jsonl", &[]);
    expect(&out, 0, 0, "");
    let docs = docs(&out);
    assert_eq!(docs.len(), 2);
    assert!(docs.iter().all(|d| has_warning(d, "empty text")));
}

#[test]
fn unknown_language_warns() {
    let out = run("unknown-lang.txt", &[]);
    expect(&out, 0, 0, "");
    let d = one_doc(&out, &read("unknown-lang.txt"));
    assert_ne!(d["lang"], "ar");
    if d["lang"] == "und" {
        let w = warnings(&d);
        assert!(w.iter().any(|w| w.contains("language")), "{w:?}");
    }
}

#[test]
fn json_with_wrong_types() {
    let out = run("wrong-types.jsonl", &[]);
    expect(&out, 1, 7, "wrong-types.jsonl");
    let err = stderr(&out);
    for (line, msg) in [
        (2, "field `text` must be a string, found a number"),
        (3, "field `id` must be a string or an integer, found an object"),
        (4, "field `title` must be a string, found an array"),
        (5, "expected a JSON object, found an array"),
        (6, "field `text` is null"),
        (7, "missing field `text`"),
        (8, "expected a JSON object, found a string"),
    ] {
        assert!(
            err.contains(&format!("wrong-types.jsonl:{line}: bad document: {msg}")),
            "{line}: {err}"
        );
    }
    let ids: Vec<Value> = docs(&out).iter().map(|d| d["doc_id"].clone()).collect();
    assert_eq!(ids, ["ok-1", "7"]);
}

#[test]
fn single_json_with_wrong_type() {
    let out = run("wrong-type.json", &[]);
    expect(&out, 1, 1, "wrong-type.json");
    assert!(stderr(&out).contains("bad document: field `text` must be a string, found an array"));
}

#[test]
fn broken_json_lines_are_skipped_one_message_each() {
    let out = run("broken.jsonl", &[]);
    expect(&out, 1, 3, "broken.jsonl");
    let err = stderr(&out);
    for line in [2, 3, 6] {
        assert!(err.contains(&format!("broken.jsonl:{line}: bad JSON: ")), "{err}");
    }
    let ids: Vec<Value> = docs(&out).iter().map(|d| d["doc_id"].clone()).collect();
    assert_eq!(ids, ["a", "e"]);
}

#[test]
fn invalid_utf8_in_a_jsonl_line() {
    let out = run("invalid-utf8.jsonl", &[]);
    expect(&out, 1, 1, "invalid-utf8.jsonl");
    assert!(
        stderr(&out).contains("invalid-utf8.jsonl:2: byte 47: invalid UTF-8"),
        "{}",
        stderr(&out)
    );
    assert_eq!(docs(&out).len(), 2);
    let out = run("invalid-utf8.jsonl", &["--lossy"]);
    expect(&out, 0, 0, "");
    let docs = docs(&out);
    assert_eq!(docs.len(), 3);
    assert!(has_warning(&docs[1], "byte 47"));
}

#[test]
fn escaped_nul_in_json_text_is_text() {
    let out = run("nul-in-json.jsonl", &[]);
    expect(&out, 0, 0, "");
    let line = read("nul-in-json.jsonl");
    let v: Value = serde_json::from_str(line.trim()).expect("json");
    one_doc(&out, v["text"].as_str().expect("text"));
}

#[test]
fn corrupt_gzip_keeps_what_was_read() {
    let out = run("corrupt.jsonl.gz", &[]);
    expect(&out, 1, 1, "corrupt.jsonl.gz");
    assert!(stderr(&out).contains("corrupt gzip stream"), "{}", stderr(&out));
    let n = docs(&out).len();
    assert!(n > 0 && n < 200, "{n} documents");
    let out = run("not-gzip.jsonl.gz", &[]);
    expect(&out, 1, 1, "not-gzip.jsonl.gz");
    assert!(stderr(&out).contains("corrupt gzip stream"), "{}", stderr(&out));
}

#[test]
fn unsupported_file_named_explicitly() {
    let out = run("image.png", &[]);
    expect(&out, 1, 1, "image.png");
    assert!(stderr(&out).contains("unsupported file type"));
}

#[test]
fn broken_html_still_reads() {
    let out = run("broken.html", &[]);
    expect(&out, 0, 0, "");
    assert_eq!(docs(&out).len(), 1);
}

#[test]
fn whole_corpus_directory_goes_on_after_each_failure() {
    let out = extract(&[&bad("")], None);
    let err = stderr(&out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(!err.contains("panicked"), "{err}");
    // binary 2, invalid UTF-8 2, gzip 2, .json 1, bad JSONL lines 7 + 3 + 1: 18 lines.
    assert_eq!(err.lines().count(), 18, "{err}");
    assert!(
        !err.contains("image.png"),
        "unsupported files in a directory are skipped silently"
    );
    let again = extract(&[&bad("")], None);
    assert_eq!(out.stdout, again.stdout, "deterministic");
}

fn tmp() -> tempfile::TempDir {
    tempfile::tempdir().expect("tempdir")
}

fn path_str(p: &Path) -> &str {
    p.to_str().expect("utf-8 temp path")
}

#[test]
fn huge_single_line_text_is_capped() {
    let dir = tmp();
    let path = dir.path().join("huge.txt");
    let unit = "قصفت القوات الأذربيجانية مدينة غوريس. ";
    let text = unit.repeat(6 * 1024 * 1024 / unit.len() + 1);
    std::fs::write(&path, &text).expect("write");
    let out = extract(&[path_str(&path), "--max-text-bytes", "100000"], None);
    expect(&out, 0, 0, "");
    let d = &docs(&out)[0];
    assert!(has_warning(d, "text truncated to its first"), "{:?}", warnings(d));
}

#[test]
fn five_megabyte_jsonl_line_is_read() {
    let dir = tmp();
    let path = dir.path().join("big.jsonl");
    let text = "Goris was shelled. ".repeat(5 * 1024 * 1024 / 19 + 1);
    let line = serde_json::json!({"id": "big", "text": text}).to_string();
    std::fs::write(&path, format!("{line}\n{{\"text\": \"after\"}}\n")).expect("write");
    let out = extract(&[path_str(&path), "--max-text-bytes", "100000"], None);
    expect(&out, 0, 0, "");
    let docs = docs(&out);
    assert_eq!(docs.len(), 2);
    assert!(has_warning(&docs[0], "limit 100000"));
    assert_eq!(docs[1]["doc_id"], "big:2");
}

#[test]
fn deeply_nested_html() {
    let dir = tmp();
    let path = dir.path().join("deep.html");
    let depth = 50_000;
    let html = format!(
        "<html><body>{}<p>قصفت القوات الأذربيجانية مدينة غوريس.</p>{}</body></html>",
        "<div>".repeat(depth),
        "</div>".repeat(depth)
    );
    std::fs::write(&path, html).expect("write");
    let out = extract(&[path_str(&path)], None);
    expect(&out, 0, 0, "");
    assert_eq!(docs(&out).len(), 1);
}

#[cfg(unix)]
#[test]
fn fifo_is_not_read() {
    let dir = tmp();
    let fifo: PathBuf = dir.path().join("pipe.txt");
    let made = std::process::Command::new("mkfifo").arg(&fifo).status();
    if !made.is_ok_and(|s| s.success()) {
        eprintln!("skipping: mkfifo unavailable");
        return;
    }
    let out = extract(&[path_str(&fifo)], None);
    expect(&out, 1, 1, "pipe.txt");
    assert!(stderr(&out).contains("not a regular file or directory, skipped"));
    // Inside a directory a FIFO is skipped silently.
    std::fs::write(dir.path().join("ok.txt"), "Goris").expect("write");
    let out = extract(&[path_str(dir.path())], None);
    expect(&out, 0, 0, "");
    assert_eq!(docs(&out).len(), 1);
}

#[cfg(unix)]
#[test]
fn dangling_symlink_is_reported_and_the_batch_goes_on() {
    let dir = tmp();
    let link = dir.path().join("gone.txt");
    std::os::unix::fs::symlink(dir.path().join("missing.txt"), &link).expect("symlink");
    std::fs::write(dir.path().join("ok.txt"), "Goris").expect("write");
    let out = extract(&[path_str(&link), path_str(&dir.path().join("ok.txt"))], None);
    expect(&out, 1, 1, "gone.txt");
    assert!(stderr(&out).contains("cannot read"));
    assert_eq!(docs(&out).len(), 1);
    let out = extract(&[path_str(dir.path())], None);
    expect(&out, 1, 1, "gone.txt");
    assert_eq!(docs(&out).len(), 1);
}

#[test]
fn missing_file_and_directory_named_like_a_file() {
    let dir = tmp();
    let sub = dir.path().join("looks-like.txt");
    std::fs::create_dir(&sub).expect("mkdir");
    std::fs::write(sub.join("inner.txt"), "Goris").expect("write");
    let missing = dir.path().join("missing.jsonl");
    let out = extract(&[path_str(&missing), path_str(&sub)], None);
    expect(&out, 1, 1, "missing.jsonl");
    let docs = docs(&out);
    assert_eq!(docs.len(), 1);
    assert_eq!(docs[0]["doc_id"], "inner");
}
