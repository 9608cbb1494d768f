//! `marsad extract` end to end: the seed article, SaudiNewsNet, every input kind, and the span contract
//! (every `span` slices the original text, in code points, to the `text` beside it).

use serde_json::Value;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

/// The repository root.
pub(crate) fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

/// `../shared`, when present.
pub(crate) fn shared() -> Option<PathBuf> {
    let p = Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared")).to_path_buf();
    if p.is_dir() {
        Some(p)
    } else {
        eprintln!("skipping: ../shared not found");
        None
    }
}

pub(crate) fn marsad() -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_marsad"));
    c.env("MARSAD_LOG", "error");
    c
}

/// Runs `marsad extract ARGS` with `stdin` as standard input.
pub(crate) fn extract(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut cmd = marsad();
    cmd.arg("extract").args(args);
    cmd.stdin(if stdin.is_some() {
        Stdio::piped()
    } else {
        Stdio::null()
    });
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("run marsad");
    // Written from another thread: marsad's output pipe may fill before it has read all its input.
    let writer = stdin.map(|input| {
        let input = input.to_vec();
        let mut pipe = child.stdin.take().expect("stdin pipe");
        std::thread::spawn(move || {
            use std::io::Write;
            // marsad may stop reading early (a usage error): a broken pipe is fine.
            let _ = pipe.write_all(&input);
        })
    });
    let out = child.wait_with_output().expect("wait for marsad");
    if let Some(w) = writer {
        w.join().expect("stdin writer");
    }
    out
}

/// The JSON documents of a compact JSONL output.
pub(crate) fn docs(out: &Output) -> Vec<Value> {
    String::from_utf8(out.stdout.clone())
        .expect("output is UTF-8")
        .lines()
        .map(|l| serde_json::from_str(l).unwrap_or_else(|e| panic!("invalid JSON line {e}: {l}")))
        .collect()
}

pub(crate) fn stderr(out: &Output) -> String {
    String::from_utf8_lossy(&out.stderr).into_owned()
}

/// Checks every `{"text", "span"}` pair anywhere in `v` against `original`; returns how many.
pub(crate) fn check_spans(v: &Value, original: &str) -> usize {
    let chars: Vec<char> = original.chars().collect();
    let mut n = 0;
    walk(v, &chars, &mut n);
    n
}

fn walk(v: &Value, chars: &[char], n: &mut usize) {
    match v {
        Value::Object(map) => {
            if let (Some(Value::Array(span)), Some(Value::String(text))) = (map.get("span"), map.get("text"))
            {
                let s = span[0].as_u64().expect("span start") as usize;
                let e = span[1].as_u64().expect("span end") as usize;
                assert!(
                    s <= e && e <= chars.len(),
                    "span {s}..{e} outside text of {}",
                    chars.len()
                );
                let got: String = chars[s..e].iter().collect();
                assert_eq!(&got, text, "span {s}..{e}");
                *n += 1;
            }
            map.values().for_each(|x| walk(x, chars, n));
        }
        Value::Array(items) => items.iter().for_each(|x| walk(x, chars, n)),
        _ => {}
    }
}

fn fixture(name: &str) -> String {
    repo().join("tests/fixtures").join(name).display().to_string()
}

fn seed_text() -> String {
    let line = std::fs::read_to_string(fixture("seed-ar.articles.jsonl")).expect("seed fixture");
    let v: Value = serde_json::from_str(line.trim()).expect("seed JSON");
    v["text"].as_str().expect("seed text").to_string()
}

#[test]
fn seed_article_gives_one_valid_document_with_exact_spans() {
    let out = extract(&[&fixture("seed-ar.articles.jsonl")], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let docs = docs(&out);
    assert_eq!(docs.len(), 1);
    let d = &docs[0];
    assert_eq!(d["doc_id"], "seed-ar");
    assert_eq!(d["lang"], "ar");
    assert_eq!(d["published"], "2022-09-13");
    let n = check_spans(d, &seed_text());
    assert!(n > 0, "no spans in the seed output");
}

#[test]
fn pretty_and_output_file() {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("out.jsonl");
    let seed = fixture("seed-ar.articles.jsonl");
    let out = extract(
        &[&seed, "--pretty", "-o", path.to_str().expect("utf-8 path")],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(out.stdout.is_empty());
    let written = std::fs::read_to_string(&path).expect("output file");
    assert!(written.lines().count() > 1, "pretty output spans several lines");
    let v: Value = serde_json::from_str(&written).expect("one pretty JSON document");
    assert_eq!(v["doc_id"], "seed-ar");
    check_spans(&v, &seed_text());
}

#[test]
fn stdin_jsonl_with_default_ids() {
    let input = "{\"text\": \"قصفت القوات الأذربيجانية مدينة غوريس.\"}\n\n{\"id\": \"x\", \"text\": \"Goris was shelled.\"}\n";
    for args in [&[][..], &["-"][..]] {
        let out = extract(args, Some(input.as_bytes()));
        assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
        let docs = docs(&out);
        assert_eq!(docs.len(), 2);
        assert_eq!(docs[0]["doc_id"], "stdin:1");
        assert_eq!(docs[1]["doc_id"], "x");
    }
}

#[test]
fn directory_is_walked_in_sorted_order() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    std::fs::create_dir_all(root.join("b/c")).expect("mkdir");
    std::fs::write(root.join("b/c/z.txt"), "قصف مدفعي على غوريس").expect("write");
    std::fs::write(root.join("a.txt"), "Shelling in Goris").expect("write");
    std::fs::write(
        root.join("b/list.jsonl"),
        "{\"text\": \"one\"}\n{\"text\": \"two\"}\n",
    )
    .expect("write");
    std::fs::write(root.join(".hidden.txt"), "hidden").expect("write");
    std::fs::write(root.join("notes.pdf"), "not read").expect("write");
    let out = extract(
        &[root.to_str().expect("utf-8 path"), "--published", "2022-09-13"],
        None,
    );
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let ids: Vec<String> = docs(&out)
        .iter()
        .map(|d| d["doc_id"].as_str().unwrap_or("").to_string())
        .collect();
    assert_eq!(ids, ["a", "b/c/z", "b/list:1", "b/list:2"]);
    assert!(docs(&out).iter().all(|d| d["published"] == "2022-09-13"));
}

#[test]
fn html_page_gives_main_text_title_and_date() {
    let out = extract(&[&fixture("rtl-article.html")], None);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let docs = docs(&out);
    assert_eq!(docs.len(), 1);
    let d = &docs[0];
    assert_eq!(d["doc_id"], "rtl-article");
    assert_eq!(d["title"], "اشتباكات على الحدود الأرمينية الأذربيجانية");
    assert_eq!(d["published"], "2022-09-13");
    assert_eq!(d["lang"], "ar");
    assert_eq!(d["url"], "https://example.invalid/news/2022/09/13/border");
}

#[test]
fn threads_keep_input_order() {
    let lines: String = (0..100)
        .map(|i| format!("{{\"id\": \"d{i}\", \"text\": \"قصفت القوات مدينة غوريس {i}\"}}\n"))
        .collect();
    let out = extract(&["--threads", "2"], Some(lines.as_bytes()));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let ids: Vec<String> = docs(&out)
        .iter()
        .map(|d| d["doc_id"].as_str().unwrap_or("").to_string())
        .collect();
    let want: Vec<String> = (0..100).map(|i| format!("d{i}")).collect();
    assert_eq!(ids, want);
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["--published", "13/09/2022"][..],
        &["--lang", "xx"][..],
        &["--threads", "x"][..],
    ] {
        let out = extract(args, Some(b""));
        assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    }
}

#[test]
fn saudinewsnet_first_thousand_spans() {
    let Some(shared) = shared() else { return };
    let corpus = shared.join("data/corpus/saudinewsnet-2015.jsonl.gz");
    if !corpus.is_file() {
        eprintln!("skipping: {} not found", corpus.display());
        return;
    }
    let file = std::fs::File::open(&corpus).expect("open corpus");
    let reader = std::io::BufReader::new(flate2_reader(file));
    use std::io::BufRead;
    let lines: Vec<String> = reader
        .lines()
        .take(1000)
        .map(|l| l.expect("corpus line"))
        .collect();
    let input = lines.join("\n") + "\n";
    let out = extract(&["--threads", "2"], Some(input.as_bytes()));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let docs = docs(&out);
    assert_eq!(docs.len(), 1000);
    let mut spans = 0;
    for (line, doc) in lines.iter().zip(&docs) {
        let v: Value = serde_json::from_str(line).expect("corpus JSON");
        spans += check_spans(doc, v["content"].as_str().expect("content"));
    }
    assert!(spans > 1000, "only {spans} spans in 1,000 articles");
    assert_no_internal_errors(&docs);
}

/// A panic inside the coder becomes a warning on its document; tests (debug builds, overflow
/// checks on) must see none.
fn assert_no_internal_errors(docs: &[Value]) {
    for d in docs {
        let warnings = d["warnings"].as_array().into_iter().flatten();
        for w in warnings.filter_map(Value::as_str) {
            assert!(!w.contains("internal error"), "{}: {w}", d["doc_id"]);
        }
    }
}

#[test]
fn snn_dev_articles_code_without_internal_errors() {
    let Some(shared) = shared() else { return };
    let articles = shared.join("data/gold/snn-dev.articles.jsonl");
    let input = std::fs::read(&articles).expect("snn-dev articles");
    let out = extract(&[], Some(&input));
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let docs = docs(&out);
    assert_eq!(docs.len(), 16);
    assert_no_internal_errors(&docs);
}

fn flate2_reader(file: std::fs::File) -> impl std::io::Read {
    flate2::read::MultiGzDecoder::new(file)
}
