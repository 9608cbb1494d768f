//! Spans over 1,000 SaudiNewsNet articles (skipped when `../shared` is absent): every token, sentence
//! and number slices back to its text through its code-point span.

use flate2::read::GzDecoder;
use marsad_text::analyze;
use std::io::{BufRead, BufReader};

const CORPUS: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/data/corpus/saudinewsnet-2015.jsonl.gz"
);

/// Python-style slice by code points.
fn slice(chars: &[char], start: usize, end: usize) -> String {
    chars[start..end].iter().collect()
}

#[test]
fn saudinewsnet_spans_slice_back() {
    let Ok(file) = std::fs::File::open(CORPUS) else {
        eprintln!("skipping: ../shared not found");
        return;
    };
    let reader = BufReader::new(GzDecoder::new(file));
    let (mut docs, mut numbers) = (0, 0);
    for line in reader.lines().take(1000) {
        let line = line.expect("readable corpus");
        let doc: serde_json::Value = serde_json::from_str(&line).expect("JSON line");
        let text = doc["content"].as_str().unwrap_or_default();
        let chars: Vec<char> = text.chars().collect();
        let a = analyze(text, None);
        for t in &a.tokens {
            assert_eq!(slice(&chars, t.span.start, t.span.end), &text[t.bytes.clone()]);
        }
        for s in &a.sentences {
            assert_eq!(slice(&chars, s.span.start, s.span.end), &text[s.bytes.clone()]);
        }
        for m in &a.numbers {
            assert_eq!(slice(&chars, m.span.start, m.span.end), &text[m.bytes.clone()]);
        }
        numbers += a.numbers.len();
        docs += 1;
    }
    assert_eq!(docs, 1000);
    assert!(numbers > 1000, "only {numbers} numbers in 1,000 articles");
}
