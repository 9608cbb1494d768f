//! Marsad's fuzz targets, as plain functions of a byte string so that both cargo-fuzz (nightly,
//! `fuzz_targets/`) and the stable runner (`src/bin/fuzz-stable.rs`) drive the same code. Each target
//! checks invariants as well as "no panic": spans inside the text, on character boundaries.

use marsad_extract::{Extractor, Options};
use marsad_ingest::{JsonLines, decode, parse_html};
use marsad_model::InputDoc;
use std::sync::OnceLock;

/// Every target, by name.
pub const TARGETS: &[(&str, fn(&[u8]))] = &[
    ("text", text),
    ("html", html),
    ("jsonl", jsonl),
    ("extract", extract),
];

/// Bytes as text the way the readers see it: lossy UTF-8.
fn as_text(data: &[u8]) -> String {
    String::from_utf8_lossy(data).into_owned()
}

/// The text layer: `marsad_text::analyze`, with both given and identified languages.
pub fn text(data: &[u8]) {
    let s = as_text(data);
    let n = s.chars().count();
    for lang in [None, Some(marsad_text::Lang::Ar), Some(marsad_text::Lang::En)] {
        let a = marsad_text::analyze(&s, lang);
        for num in &a.numbers {
            assert!(num.span.end <= n, "number span past the end");
            assert!(
                s.get(num.bytes.clone()).is_some(),
                "number bytes off a char boundary"
            );
        }
    }
}

/// HTML extraction, and the decoders the file readers use first.
pub fn html(data: &[u8]) {
    let _ = decode::decode(data.to_vec(), true, false);
    let _ = decode::decode(data.to_vec(), false, true);
    let page = parse_html(&as_text(data));
    assert!(
        !page.text.starts_with(char::is_whitespace),
        "main text is trimmed"
    );
}

/// JSONL parsing: every line either parses to a document or yields an error naming its line.
pub fn jsonl(data: &[u8]) {
    for lossy in [false, true] {
        let lines = JsonLines::new(std::io::Cursor::new(data), "fuzz.jsonl", lossy, 4096);
        let mut last = 0;
        for item in lines {
            let number = match item {
                Ok(line) => line.number,
                Err(e) => match e.location {
                    marsad_ingest::Location::Line(l) | marsad_ingest::Location::LineByte(l, _) => l,
                    _ => last + 1,
                },
            };
            assert!(number > last, "line numbers must increase");
            last = number;
        }
    }
}

fn extractor() -> &'static Extractor {
    static EXTRACTOR: OnceLock<Extractor> = OnceLock::new();
    EXTRACTOR.get_or_init(Extractor::new)
}

/// The whole extract path: a document through `Extractor::extract`; every span must slice the text.
pub fn extract(data: &[u8]) {
    let text = as_text(data);
    let doc = InputDoc {
        id: Some("fuzz".into()),
        text,
        published: Some("2022-09-13".into()),
        ..InputDoc::default()
    };
    let out = extractor().extract(&doc, Options::default());
    let value = serde_json_value(&out);
    let chars: Vec<char> = doc.text.chars().collect();
    check_spans(&value, &chars);
}

fn serde_json_value(out: &marsad_model::DocOutput) -> serde_json::Value {
    serde_json::to_value(out).unwrap_or(serde_json::Value::Null)
}

fn check_spans(v: &serde_json::Value, chars: &[char]) {
    use serde_json::Value;
    match v {
        Value::Object(map) => {
            if let (Some(Value::Array(span)), Some(Value::String(text))) = (map.get("span"), map.get("text"))
            {
                let s = span.first().and_then(Value::as_u64).unwrap_or(0) as usize;
                let e = span.get(1).and_then(Value::as_u64).unwrap_or(0) as usize;
                assert!(
                    s <= e && e <= chars.len(),
                    "span {s}..{e} outside {} chars",
                    chars.len()
                );
                let got: String = chars[s..e].iter().collect();
                assert_eq!(&got, text, "span {s}..{e} does not slice to its text");
            }
            map.values().for_each(|x| check_spans(x, chars));
        }
        Value::Array(items) => items.iter().for_each(|x| check_spans(x, chars)),
        _ => {}
    }
}
