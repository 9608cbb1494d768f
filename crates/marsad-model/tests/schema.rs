//! The JSON Schema in `schema/` and the Rust types describe the same contract.

use marsad_model::*;

fn schema() -> jsonschema::Validator {
    let text = include_str!("../../../schema/marsad-output.v1.schema.json");
    let value: serde_json::Value = serde_json::from_str(text).expect("schema is JSON");
    jsonschema::validator_for(&value).expect("schema compiles")
}

fn full_doc() -> DocOutput {
    let mut doc = DocOutput::new("seed-ar");
    doc.lang = Some("ar".into());
    doc.published = Some("2022-09-13".into());
    let mut e = Event::new("seed-ar:e1", Category::Assault);
    e.modes = vec![Mode::Drone, Mode::HeavyWeapons];
    e.actor.push(Entity {
        text: "الجيش الأذربيجاني".into(),
        span: Some(Span::new(10, 27)),
        country: Some("AZE".into()),
        sector: Some(Sector::Mil),
        name: Some("Azerbaijani Armed Forces".into()),
        wikidata: None,
    });
    e.places.push(Place {
        text: "غوريس".into(),
        span: Some(Span::new(40, 45)),
        name: Some("Goris".into()),
        geonameid: Some(616599),
        lat: Some(39.5075),
        lon: Some(46.3386),
        country: Some("ARM".into()),
        admin1: Some("Syunik".into()),
        feature: Some("PPLA".into()),
        precision: Some(Precision::Town),
        confidence: Some(0.9),
    });
    e.date = Some("2022-09-13".into());
    e.date_precision = Some(DatePrecision::Day);
    e.time = Some("09:00".into());
    e.tz = Some("Europe/Moscow".into());
    e.dead = Some(Count::UNKNOWN);
    e.injured = Some(Count::Number(3));
    e.injured_qualifier = Some(Qualifier::AtLeast);
    e.claim_by = e.actor.first().cloned();
    e.claim_verb = Some(TextSpan {
        text: "وبحسب".into(),
        span: Span::new(0, 5),
    });
    e.trigger = Some(TextSpan {
        text: "قصف".into(),
        span: Span::new(6, 9),
    });
    e.sentence = Some(Span::new(0, 60));
    e.evidence = "…".into();
    e.confidence = 0.8;
    e.acled = Some(Acled {
        event_type: "Explosions/Remote violence".into(),
        sub_event_type: "Shelling/artillery/missile attack".into(),
    });
    e.cameo = Some("195".into());
    e.why = vec!["trigger قصف".into()];
    doc.events.push(e);
    doc.entities.push(Mention::Number(NumberMention {
        text: "49".into(),
        span: Span::new(70, 72),
        value: 49.0,
        qualifier: Qualifier::AtLeast,
        ordinal: false,
    }));
    doc.entities.push(Mention::Date(DateMention {
        text: "اليوم".into(),
        span: Span::new(80, 85),
        value: Some("2022-09-13".into()),
        time: None,
        tz: None,
        precision: Some(DatePrecision::Day),
    }));
    doc
}

#[test]
fn full_document_validates() {
    let v = serde_json::to_value(full_doc()).expect("serialise");
    let errors: Vec<String> = schema().iter_errors(&v).map(|e| e.to_string()).collect();
    assert!(errors.is_empty(), "{errors:#?}");
}

#[test]
fn empty_document_validates_and_round_trips() {
    let doc = DocOutput::new("x");
    let v = serde_json::to_value(&doc).expect("serialise");
    assert!(schema().is_valid(&v));
    let back: DocOutput = serde_json::from_value(v).expect("deserialise");
    assert_eq!(back, doc);
}

#[test]
fn schema_rejects_a_wrong_category() {
    let mut v = serde_json::to_value(full_doc()).expect("serialise");
    v["events"][0]["event"] = "FIGHT".into();
    assert!(!schema().is_valid(&v));
}

#[test]
fn every_mode_matches_the_schema_pattern() {
    for m in Mode::ALL {
        assert!(
            m.as_str().chars().all(|c| c.is_ascii_lowercase() || c == '-'),
            "{m}"
        );
    }
}
