//! Criterion benches, one per pipeline stage, on the reference article. Each bench first asserts what the
//! stage finds (a count), so a fast but wrong engine fails instead of looking good.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use marsad_extract::{Extractor, Options};
use marsad_geo::{Gazetteer, GeoContext};
use marsad_model::InputDoc;
use std::hint::black_box;

const SEED: &str = include_str!("../../marsad-text/tests/fixtures/seed-ar.txt");

fn seed_doc() -> InputDoc {
    InputDoc {
        id: Some("seed-ar".into()),
        text: SEED.to_string(),
        published: Some("2022-09-13".into()),
        lang: Some("ar".into()),
        ..Default::default()
    }
}

fn stages(c: &mut Criterion) {
    let mut g = c.benchmark_group("seed-ar");
    g.throughput(Throughput::Bytes(SEED.len() as u64));

    let key = marsad_text::normalize_key(SEED);
    assert!(key.contains("اذربيجان"), "normalisation must fold hamza on alef");
    g.bench_function("normalise", |b| {
        b.iter(|| marsad_text::normalize_key(black_box(SEED)).len())
    });

    let a = marsad_text::analyze(SEED, None);
    assert!(a.tokens.len() > 500, "tokens: {}", a.tokens.len());
    assert!(a.sentences.len() >= 20, "sentences: {}", a.sentences.len());
    g.bench_function("tokenise+sentences", |b| {
        b.iter(|| marsad_text::analyze(black_box(SEED), None).sentences.len())
    });

    let values: Vec<f64> = a.numbers.iter().map(|n| n.value).collect();
    for v in [49.0, 50.0, 2020.0] {
        assert!(values.contains(&v), "number {v} not found in {values:?}");
    }
    g.bench_function("numbers", |b| {
        b.iter(|| {
            let a = marsad_text::analyze(black_box(SEED), None);
            a.numbers.len()
        })
    });

    let actors = marsad_lexicon::actors().find(&a);
    assert!(actors.iter().any(|m| m.entry.country.as_deref() == Some("AZE")));
    assert!(actors.iter().any(|m| m.entry.country.as_deref() == Some("ARM")));
    g.bench_function("lexicon-actors", |b| {
        b.iter(|| marsad_lexicon::actors().find(black_box(&a)).len())
    });

    if let Ok(gaz) = Gazetteer::global() {
        let ctx = GeoContext {
            countries: vec![("ARM".into(), 1.0), ("AZE".into(), 1.0)],
        };
        let places = gaz.find_places(&a, &ctx);
        assert!(places.len() >= 5, "places: {}", places.len());
        g.bench_function("gazetteer", |b| {
            b.iter(|| gaz.find_places(black_box(&a), &ctx).len())
        });
    }

    let extractor = Extractor::new();
    let doc = seed_doc();
    let out = extractor.extract(&doc, Options::default());
    assert!(out.events.len() >= 10, "events: {}", out.events.len());
    g.bench_function("extract", |b| {
        b.iter(|| {
            extractor
                .extract(black_box(&doc), Options::default())
                .events
                .len()
        })
    });
    g.finish();
}

criterion_group!(benches, stages);
criterion_main!(benches);
