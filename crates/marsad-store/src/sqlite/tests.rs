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
        countries: vec!["yem".into()],
        ..Default::default()
    };
    assert_eq!(store.events(&yem).expect("country").len(), 5);
    let sau = EventFilter {
        countries: vec!["ARM".into()],
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
        categories: vec![marsad_model::Category::Agree],
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
    let fusion = marsad_fuse::fuse(
        &crate::fusion::reports(&events),
        &marsad_fuse::FusionConfig::default(),
    );
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
    assert_eq!(SqliteStore::schema_version(), 2);
}

#[test]
fn pages_counts_and_the_contested_flag_come_from_sql() {
    let (_dir, store) = filled();
    crate::fusion::recompute(&store, &marsad_fuse::FusionConfig::default()).expect("fusion");
    let ids = |f: &EventFilter| -> Vec<String> {
        store
            .events(f)
            .expect("events")
            .into_iter()
            .map(|e| e.event.id)
            .collect()
    };
    let all = ids(&EventFilter::default());
    let page = EventFilter {
        limit: Some(2),
        offset: 1,
        ..Default::default()
    };
    assert_eq!(ids(&page), all[1..3]);
    assert_eq!(store.count_events(&page).expect("count"), 5);
    let contested = EventFilter {
        contested: Some(true),
        ..Default::default()
    };
    assert_eq!(ids(&contested), ["b:e1", "a:e1", "d:e1"], "newest first");
    assert_eq!(store.count_events(&contested).expect("count"), 3);
    let month = EventFilter {
        since: Some("2015-07".into()),
        until: Some("2015-07".into()),
        ..Default::default()
    };
    assert_eq!(store.count_events(&month).expect("count"), 5);
    let fused = store.event("d:e1").expect("event").expect("stored");
    assert!(fused.contested);
    assert_eq!(fused.fused_id.as_deref(), Some("fused:a:e1"));
    assert!(store.fused_event("fused:a:e1").expect("fused").is_some());
}

#[test]
fn incremental_fusion_equals_a_full_recompute_and_follows_changes() {
    let cfg = marsad_fuse::FusionConfig::default();
    let (_dir, store) = filled();
    assert_eq!(store.pending_fusion().expect("pending").len(), 5);
    let counts = crate::fusion::update(&store, &cfg).expect("update");
    assert_eq!((counts.documents, counts.fused, counts.contested), (5, 1, 1));
    assert!(store.pending_fusion().expect("pending").is_empty());
    let incremental = store.dump().expect("dump");
    crate::fusion::recompute(&store, &cfg).expect("recompute");
    assert_eq!(incremental, store.dump().expect("dump"));
    // Document d changes (its event goes): the fused event loses it and is built again.
    let mut changed = stored(&fixture()[3], "نص آخر");
    changed.output.events.clear();
    store.write_batch(&[changed]).expect("replace");
    assert!(
        store
            .event("a:e1")
            .expect("event")
            .and_then(|e| e.fused_id)
            .is_none()
    );
    crate::fusion::update(&store, &cfg).expect("update");
    let f = store
        .fused_event("fused:a:e1")
        .expect("read")
        .expect("fused again");
    let members: Vec<&str> = f.claims.iter().map(|c| c.event_id.as_str()).collect();
    assert_eq!(members, ["a:e1", "b:e1"]);
}

#[test]
fn version_1_databases_are_migrated() {
    let dir = tempfile::tempdir().expect("temp dir");
    let path = dir.path().join("v1.db");
    {
        let c = rusqlite::Connection::open(&path).expect("open");
        c.execute_batch(include_str!("../../migrations/0001_init.sql"))
            .expect("v1 schema");
        c.execute_batch(
            r#"PRAGMA user_version = 1;
            INSERT INTO documents (id, content_hash, text, marsad_version) VALUES ('d', 'h', 'نص', '0');
            INSERT INTO events (id, doc_id, seq, category, status, confidence, json)
              VALUES ('d:e1', 'd', 0, 'ASSAULT', 'asserted', 1.0, '{}');
            INSERT INTO fused (id, category, contested, json) VALUES ('fused:d:e1', 'ASSAULT', 1, '{}');
            INSERT INTO fused_members (event_id, fused_id) VALUES ('d:e1', 'fused:d:e1');
            INSERT INTO mentions (doc_id, idx, kind, start, end, text, json)
              VALUES ('d', 0, 'actor', 0, 2, 'نص', '{"kind":"actor","text":"نص","country":"ARM","sector":"GOV"}');"#,
        )
        .expect("v1 rows");
    }
    let s = SqliteStore::open(&path).expect("migrate");
    let dump = s.dump().expect("dump");
    assert!(dump.contains(r#""fused:d:e1",1,"{}"]"#), "{dump}");
    assert!(dump.contains(r#""ARM/GOV"]"#), "{dump}");
}
