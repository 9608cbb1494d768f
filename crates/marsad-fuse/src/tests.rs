//! Fusion on hand-written fixtures: `DocOutput`s written by hand as JSON (`tests/fixtures/*.json`) or
//! built here with small helpers.

use super::*;
use marsad_model::{Category, DocOutput, Entity, Event, Place, Precision, Status};

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

fn all_members(f: &Fusion) -> Vec<Vec<&str>> {
    f.fused.iter().map(members).collect()
}

fn side(country: &str) -> Entity {
    Entity {
        text: country.into(),
        country: Some(country.into()),
        ..Entity::default()
    }
}

/// An asserted ASSAULT of one document (`doc:e1`) between the given sides on `date`.
fn attack(doc: &str, date: Option<&str>, actor: &[&str], recipient: &[&str]) -> Event {
    let mut e = Event::new(format!("{doc}:e1"), Category::Assault);
    e.date = date.map(str::to_string);
    e.actor = actor.iter().map(|c| side(c)).collect();
    e.recipient = recipient.iter().map(|c| side(c)).collect();
    e.status = Status::Asserted;
    e.confidence = 0.8;
    e
}

fn at(mut e: Event, name: &str, lat: f64, lon: f64, country: &str, precision: Precision) -> Event {
    e.places.push(Place {
        text: name.into(),
        name: Some(name.into()),
        lat: Some(lat),
        lon: Some(lon),
        country: Some(country.into()),
        precision: Some(precision),
        ..Place::default()
    });
    e
}

fn claimed(mut e: Event, country: &str) -> Event {
    e.claim_by = Some(side(country));
    e
}

fn doc(id: &str, published: &str, events: Vec<Event>) -> DocOutput {
    let mut d = DocOutput::new(id);
    d.published = Some(published.into());
    d.events = events;
    d
}

/// A coalition air strike reported by document `id` on `date` at a town `km_east` kilometres east of
/// Sanaa (along the parallel; 1° of longitude is about 107 km there).
fn strike(id: &str, date: &str, km_east: f64) -> DocOutput {
    let e = attack(id, Some(date), &["SAU"], &["YEM"]);
    let e = at(e, "town", 15.35, 44.21 + km_east / 107.3, "YEM", Precision::Town);
    doc(id, date, vec![e])
}

#[test]
fn reports_link_with_a_near_place_the_same_or_next_day_and_compatible_sides() {
    let docs = [strike("a", "2015-07-20", 0.0), strike("b", "2015-07-21", 20.0)];
    assert_eq!(
        all_members(&run(&docs, &FusionConfig::default())),
        [["a:e1", "b:e1"]]
    );
}

#[test]
fn no_link_for_a_far_place_another_day_or_other_actors() {
    let cfg = FusionConfig::default();
    let far = [strike("a", "2015-07-20", 0.0), strike("b", "2015-07-20", 200.0)];
    assert!(run(&far, &cfg).fused.is_empty());
    let later = [strike("a", "2015-07-20", 0.0), strike("b", "2015-07-23", 0.0)];
    assert!(run(&later, &cfg).fused.is_empty());
    let mut other = strike("b", "2015-07-20", 5.0);
    other.events[0].actor = vec![side("IRN")];
    other.events[0].recipient = vec![side("USA")];
    assert!(
        run(&[strike("a", "2015-07-20", 0.0), other], &cfg)
            .fused
            .is_empty()
    );
    // An undated report never links across documents.
    let mut undated = strike("b", "2015-07-20", 0.0);
    undated.events[0].date = None;
    assert!(
        run(&[strike("a", "2015-07-20", 0.0), undated], &cfg)
            .fused
            .is_empty()
    );
}

#[test]
fn a_country_level_place_does_not_link_by_itself() {
    let country = |id: &str| {
        let e = attack(id, Some("2015-07-20"), &["SAU"], &["YEM"]);
        doc(
            id,
            "2015-07-20",
            vec![at(e, "Yemen", 15.5, 47.5, "YEM", Precision::Country)],
        )
    };
    let docs = [country("a"), country("b")];
    assert!(run(&docs, &FusionConfig::default()).fused.is_empty());
    // Opted in, both ends known and shared and a shared place country are enough.
    let loose = FusionConfig {
        link_without_coordinates: true,
        ..Default::default()
    };
    assert_eq!(all_members(&run(&docs, &loose)), [["a:e1", "b:e1"]]);
    let mut one_sided = country("c");
    one_sided.events[0].recipient.clear();
    assert!(run(&[country("a"), one_sided], &loose).fused.is_empty());
}

#[test]
fn mirror_claims_across_documents_are_one_contested_event() {
    let arm = claimed(attack("am", Some("2022-09-13"), &["AZE"], &["ARM"]), "ARM");
    let arm = at(arm, "Jermuk", 39.84, 45.67, "ARM", Precision::Town);
    let aze = claimed(attack("az", Some("2022-09-13"), &["ARM"], &["AZE"]), "AZE");
    let aze = at(aze, "Kalbajar", 40.10, 46.04, "AZE", Precision::Town);
    let f = run(
        &[
            doc("am", "2022-09-13", vec![arm]),
            doc("az", "2022-09-13", vec![aze]),
        ],
        &FusionConfig::default(),
    );
    assert_eq!(all_members(&f), [["am:e1", "az:e1"]]);
    assert!(f.fused[0].contested);
    assert_eq!(f.fused[0].disputes, [Dispute::Blame]);
}

#[test]
fn a_cluster_does_not_chain() {
    // a–b 35 km, b–c 40 km, a–c 75 km: with 50 km, c may join b but not a, so it stays out.
    let docs = [
        strike("a", "2015-07-20", 0.0),
        strike("b", "2015-07-20", 35.0),
        strike("c", "2015-07-20", 75.0),
    ];
    assert_eq!(
        all_members(&run(&docs, &FusionConfig::default())),
        [["a:e1", "b:e1"]]
    );
    // Eight reports 10 km apart in a row, one per day: days chain too, but a group spans one window.
    let row: Vec<DocOutput> = (0..8)
        .map(|i| {
            strike(
                &format!("r{i}"),
                &format!("2015-07-{:02}", 10 + i),
                10.0 * f64::from(i),
            )
        })
        .collect();
    let f = run(&row, &FusionConfig::default());
    assert!(
        f.fused.iter().all(|g| g.claims.len() == 2),
        "{:?}",
        all_members(&f)
    );
}

#[test]
fn the_group_size_is_capped() {
    let docs: Vec<DocOutput> = (0..6)
        .map(|i| strike(&format!("s{i}"), "2015-07-20", 1.0))
        .collect();
    let cfg = FusionConfig {
        max_group_size: 4,
        ..Default::default()
    };
    let f = run(&docs, &cfg);
    assert_eq!(f.fused.iter().map(|g| g.claims.len()).collect::<Vec<_>>(), [4, 2]);
}

#[test]
fn inside_one_document_explicit_days_apart_are_two_events_and_undated_takes_the_publication_day() {
    let e1 = attack("d", Some("2022-09-12"), &["AZE"], &["ARM"]);
    let mut e2 = claimed(attack("d", Some("2022-09-13"), &["ARM"], &["AZE"]), "AZE");
    e2.id = "d:e2".into();
    assert!(
        run(
            &[doc("d", "2022-09-13", vec![e1.clone(), e2.clone()])],
            &FusionConfig::default()
        )
        .fused
        .is_empty()
    );
    // Undated: the article's day, a day after e1's, is within the window.
    e2.date = None;
    let f = run(&[doc("d", "2022-09-13", vec![e1, e2])], &FusionConfig::default());
    assert_eq!(all_members(&f), [["d:e1", "d:e2"]]);
    assert_eq!(f.fused[0].disputes, [Dispute::Blame]);
}

#[test]
fn a_self_directed_report_links_as_one_sided() {
    // The coder gave ARM → ARM (the recipient is unknown in fact): it still fits AZE → ARM mirrored.
    let e1 = claimed(attack("d", Some("2022-09-12"), &["AZE"], &["ARM"]), "ARM");
    let mut e2 = claimed(attack("d", None, &["ARM"], &["ARM"]), "AZE");
    e2.id = "d:e2".into();
    let f = run(&[doc("d", "2022-09-12", vec![e1, e2])], &FusionConfig::default());
    assert_eq!(all_members(&f), [["d:e1", "d:e2"]]);
    assert!(f.fused[0].contested);
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
fn inside_one_document_reports_in_the_same_voice_are_two_events() {
    // Two attacks the coder kept apart, told by the same claimant (or both by the article): not one event.
    let e1 = attack("d", Some("2015-08-10"), &["YEM"], &["YEM"]);
    let mut e2 = attack("d", Some("2015-08-10"), &["YEM"], &["YEM"]);
    e2.id = "d:e2".into();
    let f = run(
        &[doc("d", "2015-08-10", vec![e1.clone(), e2.clone()])],
        &FusionConfig::default(),
    );
    assert!(f.fused.is_empty(), "{:#?}", f.fused);
    let f = run(
        &[doc(
            "d",
            "2015-08-10",
            vec![claimed(e1, "YEM"), claimed(e2, "YEM")],
        )],
        &FusionConfig::default(),
    );
    assert!(f.fused.is_empty(), "{:#?}", f.fused);
}

#[test]
fn linking_inside_a_document_can_be_switched_off() {
    let docs = load(include_str!("../tests/fixtures/mirror-claims.json"));
    let cfg = FusionConfig {
        link_within_document: false,
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
    // 08:00 Moscow is 05:00Z, before the 06:00Z start: no link. 07:30Z is after it: certain.
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
    docs.extend((0..6).map(|i| strike(&format!("s{i}"), "2015-07-20", 12.0 * f64::from(i))));
    let a = run(&docs, &FusionConfig::default());
    docs.reverse();
    assert_eq!(a, run(&docs, &FusionConfig::default()));
}
