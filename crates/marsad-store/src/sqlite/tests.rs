//! The SQLite store against the fusion fixtures (hand-written `DocOutput`s).

use crate::{DocKey, DocState, EventFilter, SqliteStore, Store, StoredDoc};
use marsad_model::{DocOutput, InputDoc};

fn fixture() -> Vec<DocOutput> {
    serde_json::from_str(include_str!("../../../marsad-fuse/tests/fixtures/cross-doc.json"))
        .expect("fixture parses")
}

fn stored(out: &DocOutput, text: &str) -> StoredDoc {
    let input = InputDoc {
        id: Some(out.doc_id.clone()),
        text: text.to_string(),
        published: out.published.clone(),
        ..Default::default()
    };
    StoredDoc::new(&input, out.clone())
}

fn filled() -> (tempfile::TempDir, SqliteStore) {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = SqliteStore::open(dir.path().join("t.db")).expect("open");
    let docs: Vec<StoredDoc> = fixture()
        .iter()
        .map(|d| stored(d, &format!("نص الخبر {} عن غارات صنعاء", d.doc_id)))
        .collect();
    let r = store.write_batch(&docs).expect("write");
    assert_eq!((r.inserted, r.events), (5, 5));
    (dir, store)
}

#[test]
fn writes_are_idempotent_and_changes_replace() {
    let (_dir, store) = filled();
    let docs: Vec<StoredDoc> = fixture()
        .iter()
        .map(|d| stored(d, &format!("نص الخبر {} عن غارات صنعاء", d.doc_id)))
        .collect();
    let again = store.write_batch(&docs).expect("rewrite");
    assert_eq!((again.inserted, again.unchanged), (0, 5));
    let mut changed = docs[0].clone();
    changed.doc = stored(&changed.output, "نص آخر").doc;
    let key = DocKey {
        id: changed.doc.id.clone(),
        hash: changed.doc.content_hash.clone(),
    };
    assert_eq!(
        store.doc_states(std::slice::from_ref(&key)).expect("states"),
        [DocState::Changed]
    );
    assert_eq!(store.write_batch(&[changed]).expect("replace").replaced, 1);
    assert_eq!(store.stats().expect("stats").events, 5);
    // The same content under another id is a duplicate.
    let mut dup = docs[1].clone();
    dup.doc.id = "copy-of-b".into();
    dup.output.doc_id = "copy-of-b".into();
    let key = DocKey {
        id: dup.doc.id.clone(),
        hash: dup.doc.content_hash.clone(),
    };
    assert_eq!(
        store.doc_states(&[key]).expect("states"),
        [DocState::Duplicate("b".into())]
    );
    assert_eq!(store.write_batch(&[dup]).expect("dup").duplicates, 1);
    assert_eq!(store.stats().expect("stats").aliases, 1);
}

#[test]
fn filters_by_date_country_bbox_and_category() {
    let (_dir, store) = filled();
    let all = store.events(&EventFilter::default()).expect("all");
    assert_eq!(all.len(), 5);
    assert_eq!(all[0].event.id, "e:e1", "newest first");
    let since = EventFilter {
        since: Some("2015-07-21".into()),
        ..Default::default()
    };
    assert_eq!(store.events(&since).expect("since").len(), 2);
    let yem = EventFilter {
        country: Some("yem".into()),
        ..Default::default()
    };
    assert_eq!(store.events(&yem).expect("country").len(), 5);
    let sau = EventFilter {
        country: Some("ARM".into()),
        ..Default::default()
    };
    assert!(store.events(&sau).expect("country").is_empty());
    let aden = EventFilter {
        bbox: "44.5,12,45.5,13".parse().ok(),
        ..Default::default()
    };
    let hits = store.events(&aden).expect("bbox");
    assert_eq!(
        hits.iter().map(|e| e.event.id.as_str()).collect::<Vec<_>>(),
        ["c:e1"]
    );
    let agree = EventFilter {
        category: Some(marsad_model::Category::Agree),
        ..Default::default()
    };
    assert!(store.events(&agree).expect("category").is_empty());
    assert!(store.event("a:e1").expect("one").is_some());
    assert_eq!(
        store.document("a").expect("doc").map(|d| d.published),
        Some(Some("2015-07-20".into()))
    );
}

#[test]
fn fusion_round_trips_and_dump_is_canonical() {
    let (_dir, store) = filled();
    let events = store.events(&EventFilter::default()).expect("events");
    let reports: Vec<marsad_fuse::Report<'_>> = events
        .iter()
        .map(|s| marsad_fuse::Report {
            doc_id: &s.doc_id,
            published: s.published.as_deref(),
            event: &s.event,
        })
        .collect();
    let fusion = marsad_fuse::fuse(&reports, &marsad_fuse::FusionConfig::default());
    store.replace_fusion(&fusion).expect("replace");
    store.replace_fusion(&fusion).expect("replace twice");
    let fused = store.fused_events(&EventFilter::default()).expect("fused");
    assert_eq!(fused, fusion.fused);
    assert_eq!(store.stats().expect("stats").contested, 1);
    let linked = store.event("b:e1").expect("event").and_then(|e| e.fused_id);
    assert_eq!(linked.as_deref(), Some("fused:a:e1"));
    // A second store with the same content, written in another order, dumps the same.
    let (_d2, other) = {
        let dir = tempfile::tempdir().expect("temp dir");
        let s = SqliteStore::open(dir.path().join("u.db")).expect("open");
        let mut docs: Vec<StoredDoc> = fixture()
            .iter()
            .map(|d| stored(d, &format!("نص الخبر {} عن غارات صنعاء", d.doc_id)))
            .collect();
        docs.reverse();
        for d in docs {
            s.write_batch(&[d]).expect("write");
        }
        s.replace_fusion(&fusion).expect("fusion");
        (dir, s)
    };
    assert_eq!(store.dump().expect("dump"), other.dump().expect("dump"));
}

#[test]
fn full_text_search_finds_arabic() {
    let (_dir, store) = filled();
    let hits = store.search("صنعاء", 10).expect("search");
    assert_eq!(hits.len(), 5);
    assert!(hits[0].snippet.contains("[صنعاء]"));
}

#[test]
fn reopening_keeps_schema_and_data() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("r.db");
    {
        let s = SqliteStore::open(&path).expect("open");
        s.write_batch(&[stored(&fixture()[0], "نص")]).expect("write");
    }
    let s = SqliteStore::open(&path).expect("reopen");
    assert_eq!(s.stats().expect("stats").documents, 1);
    assert_eq!(SqliteStore::schema_version(), 1);
}
