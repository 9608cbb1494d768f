//! Golden test: pins the coder's output on the reference article. Rewrite the pinned file with
//! `MARSAD_BLESS=1 cargo test -p marsad-extract --test golden` after an intended change.

use marsad_extract::{Extractor, Options};
use marsad_model::InputDoc;

const SEED: &str = include_str!("golden/seed-ar.input.jsonl");
const GOLDEN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/golden/seed-ar.json");

#[test]
fn seed_output_is_pinned() {
    let doc: InputDoc = serde_json::from_str(SEED.trim()).expect("the fixture is valid JSON");
    let out = Extractor::new().extract(&doc, Options::default());
    let got = serde_json::to_string_pretty(&out).expect("output serialises");
    if std::env::var_os("MARSAD_BLESS").is_some() {
        std::fs::write(GOLDEN, format!("{got}\n")).expect("golden file is writable");
        return;
    }
    let want = std::fs::read_to_string(GOLDEN).expect("golden file exists (run with MARSAD_BLESS=1)");
    assert_eq!(
        got.trim(),
        want.trim(),
        "seed output changed; rerun with MARSAD_BLESS=1 if intended"
    );
}

#[test]
fn spans_point_into_the_original() {
    let doc: InputDoc = serde_json::from_str(SEED.trim()).expect("the fixture is valid JSON");
    let out = Extractor::new().extract(&doc, Options::default());
    let chars: Vec<char> = doc.text.chars().collect();
    let at = |s: marsad_model::Span| chars[s.start..s.end].iter().collect::<String>();
    for e in &out.events {
        let t = e.trigger.as_ref().expect("every event has a trigger");
        assert_eq!(at(t.span), t.text);
        for x in e.actor.iter().chain(&e.recipient) {
            if let Some(s) = x.span {
                assert_eq!(at(s), x.text);
            }
        }
        let s = &e.spans;
        for w in [&e.claim_verb, &s.date, &s.time, &s.dead, &s.injured, &s.status]
            .into_iter()
            .flatten()
        {
            assert_eq!(at(w.span), w.text);
        }
        // A field with a value from the text has its words.
        assert_eq!(e.dead.is_some(), s.dead.is_some(), "{}", e.id);
        assert_eq!(e.time.is_some(), s.time.is_some(), "{}", e.id);
    }
    let dead: Vec<&str> = out
        .events
        .iter()
        .filter_map(|e| e.spans.dead.as_ref().map(|w| w.text.as_str()))
        .collect();
    // The figure with its qualifier: the evidence for `dead` and `dead_qualifier`.
    assert!(dead.contains(&"ما لا يقل عن 49"), "{dead:?}");
    let clock = out.events.iter().find_map(|e| e.spans.time.as_ref());
    assert!(clock.is_some_and(|w| w.text.contains("التاسعة")), "{clock:?}");
}
