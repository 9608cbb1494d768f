//! Fusion on hand-written fixtures (`tests/fixtures/*.json`: `DocOutput`s written by hand).

use super::*;
use marsad_model::DocOutput;

fn load(json: &str) -> Vec<DocOutput> {
    match serde_json::from_str::<Vec<DocOutput>>(json) {
        Ok(v) => v,
        Err(_) => vec![serde_json::from_str::<DocOutput>(json).expect("fixture is a DocOutput or a list")],
    }
}

fn run(docs: &[DocOutput], cfg: &FusionConfig) -> Fusion {
    let reports: Vec<Report<'_>> = docs
        .iter()
        .flat_map(|d| {
            d.events.iter().map(|e| Report {
                doc_id: &d.doc_id,
                published: d.published.as_deref(),
                event: e,
            })
        })
        .collect();
    fuse(&reports, cfg)
}

fn members(f: &FusedEvent) -> Vec<&str> {
    f.claims.iter().map(|c| c.event_id.as_str()).collect()
}

#[test]
fn mirror_claims_in_one_article_are_one_contested_event() {
    let docs = load(include_str!("../tests/fixtures/mirror-claims.json"));
    let f = run(&docs, &FusionConfig::default());
    assert_eq!(f.fused.len(), 1, "{:#?}", f.fused);
    let clash = &f.fused[0];
    assert_eq!(members(clash), ["seed-like:e1", "seed-like:e2"]);
    assert!(clash.contested);
    assert_eq!(clash.disputes, [Dispute::Dead, Dispute::Blame]);
    assert_eq!(clash.id, "fused:seed-like:e1");
    assert_eq!(clash.dead, Some(49));
    // Each claim keeps its source: 49 per Armenia, "unknown" per Azerbaijan.
    let by = |i: usize| clash.claims[i].claim_by.as_ref().and_then(|c| c.country.clone());
    assert_eq!(by(0).as_deref(), Some("ARM"));
    assert_eq!(clash.claims[0].dead, Some(marsad_model::Count::Number(49)));
    assert_eq!(by(1).as_deref(), Some("AZE"));
    assert_eq!(clash.claims[1].dead, Some(marsad_model::Count::UNKNOWN));
    assert_eq!(clash.countries, ["ARM", "AZE"]);
}

#[test]
fn mirror_claims_can_be_switched_off() {
    let docs = load(include_str!("../tests/fixtures/mirror-claims.json"));
    let cfg = FusionConfig {
        link_mirror_claims: false,
        ..Default::default()
    };
    assert!(run(&docs, &cfg).fused.is_empty());
}

#[test]
fn seed_ceasefire_is_one_window_with_the_clock_time() {
    let docs = load(include_str!("../tests/fixtures/mirror-claims.json"));
    let f = run(&docs, &FusionConfig::default());
    assert_eq!(f.ceasefires.len(), 1, "{:#?}", f.ceasefires);
    let c = &f.ceasefires[0];
    assert_eq!(c.event_id, "seed-like:e5");
    assert_eq!(c.parties, ["ARM", "AZE"]);
    assert_eq!(c.start_utc.as_deref(), Some("2022-09-13T06:00:00Z"));
    // The morning shelling of the 13th has no clock time: only a possible violation.
    assert_eq!(
        c.violations,
        [Violation {
            event_id: "seed-like:e3".into(),
            certainty: Certainty::Possible
        }]
    );
}

#[test]
fn reports_across_documents_link_by_place_day_and_sides() {
    let docs = load(include_str!("../tests/fixtures/cross-doc.json"));
    let f = run(&docs, &FusionConfig::default());
    assert_eq!(f.fused.len(), 1, "{:#?}", f.fused);
    let g = &f.fused[0];
    assert_eq!(members(g), ["a:e1", "b:e1", "d:e1"]);
    assert_eq!(g.disputes, [Dispute::Dead, Dispute::Status]);
    assert_eq!(g.dead, Some(10));
    assert_eq!(g.date.as_deref(), Some("2015-07-20"));
    assert_eq!(g.places.len(), 2);
}

#[test]
fn thresholds_come_from_the_config() {
    let docs = load(include_str!("../tests/fixtures/cross-doc.json"));
    let tight = FusionConfig {
        date_window_days: 0,
        ..Default::default()
    };
    assert_eq!(members(&run(&docs, &tight).fused[0]), ["a:e1", "d:e1"]);
    let wide = FusionConfig {
        max_distance_km: 400.0,
        ..Default::default()
    };
    assert_eq!(
        members(&run(&docs, &wide).fused[0]),
        ["a:e1", "b:e1", "c:e1", "d:e1"]
    );
    let none = FusionConfig {
        max_distance_km: 1.0,
        date_window_days: 0,
        ..Default::default()
    };
    assert_eq!(members(&run(&docs, &none).fused[0]), ["a:e1", "d:e1"]);
}

#[test]
fn ceasefire_with_clock_time_links_later_attacks_only() {
    let docs = load(include_str!("../tests/fixtures/ceasefire.json"));
    let f = run(&docs, &FusionConfig::default());
    assert_eq!(f.ceasefires.len(), 1);
    let v: Vec<(&str, Certainty)> = f.ceasefires[0]
        .violations
        .iter()
        .map(|v| (v.event_id.as_str(), v.certainty))
        .collect();
    assert_eq!(
        v,
        [
            ("after:e1", Certainty::Certain),
            ("nextday:e1", Certainty::Certain),
            ("sameday:e1", Certainty::Possible),
        ]
    );
}

#[test]
fn fusion_is_deterministic_under_input_order() {
    let mut docs = load(include_str!("../tests/fixtures/cross-doc.json"));
    let a = run(&docs, &FusionConfig::default());
    docs.reverse();
    assert_eq!(a, run(&docs, &FusionConfig::default()));
}
