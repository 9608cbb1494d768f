//! The API over the real store: SQLite through [`StoreBackend`], fused by `marsad-fuse`.

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use marsad_fuse::FusionConfig;
use marsad_server::{ServerConfig, StoreBackend, router};
use marsad_store::{SqliteStore, Store};
use serde_json::Value;
use std::sync::Arc;
use tower::ServiceExt;

mod common;
use common::{get, send};

const TOKEN: &str = "t0ken";
const FIXTURE: &str = include_str!("../../../web/tests/fixtures/seed-ar.ingest.jsonl");

/// A server over a fresh SQLite file holding the seed fixture.
async fn seeded(dir: &std::path::Path) -> Router {
    let store = SqliteStore::open(dir.join("t.db")).expect("open store");
    let backend = StoreBackend::new(Box::new(store), FusionConfig::default());
    let config = ServerConfig {
        token: Some(TOKEN.into()),
        ..ServerConfig::default()
    };
    let app = router(Arc::new(backend), config);
    let ingest = Request::post("/v1/documents")
        .header(header::CONTENT_TYPE, "application/x-ndjson")
        .header(header::AUTHORIZATION, format!("Bearer {TOKEN}"))
        .body(Body::from(FIXTURE))
        .expect("request");
    let (s, v) = send(&app, ingest).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    assert_eq!(v["summary"]["stored"], 1);
    assert_eq!(v["summary"]["events"], 19);
    app
}

/// Status, headers and body of a GET.
async fn raw(app: &Router, uri: &str) -> (StatusCode, axum::http::HeaderMap, Vec<u8>) {
    let resp = app.clone().oneshot(get(uri)).await.expect("infallible service");
    let (parts, body) = resp.into_parts();
    let bytes = body.collect().await.expect("body").to_bytes().to_vec();
    (parts.status, parts.headers, bytes)
}

#[tokio::test]
async fn every_export_format_is_served_by_the_exporters() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = seeded(dir.path()).await;
    // The same store, read directly and written by marsad-export: the API must give the same bytes.
    let store = SqliteStore::open(dir.path().join("t.db")).expect("open store");
    let filter = marsad_store::EventFilter {
        limit: Some(100),
        ..Default::default()
    };
    let events = store.events(&filter).expect("events");
    let fused = store.fused_events(&Default::default()).expect("fused");
    let rows = marsad_export::rows(&events, &fused);
    for f in marsad_export::Format::ALL {
        let (s, h, body) = raw(&app, &format!("/v1/events?format={}", f.as_str())).await;
        assert_eq!(s, StatusCode::OK, "{f:?}");
        assert_eq!(h[header::CONTENT_TYPE], f.media_type(), "{f:?}");
        assert_eq!(h["x-total-count"], "19", "{f:?}");
        let direct = marsad_export::to_bytes(f, &rows, marsad_export::Options::default()).expect("export");
        if f == marsad_export::Format::Parquet {
            assert!(body.starts_with(b"PAR1") && body.ends_with(b"PAR1"));
            assert!(
                h[header::CONTENT_DISPOSITION]
                    .to_str()
                    .is_ok_and(|d| d.contains("events.parquet"))
            );
            assert_eq!(body.len(), direct.len());
        } else {
            assert_eq!(
                String::from_utf8_lossy(&body),
                String::from_utf8_lossy(&direct),
                "{f:?}"
            );
        }
    }
    let (_, _, plover) = raw(&app, "/v1/events?format=plover&contested=true").await;
    let v: Value = serde_json::from_slice(&plover).expect("plover JSON");
    let records = v.as_array().expect("array");
    assert!(!records.is_empty() && records.iter().all(|r| r["contested"] == true));
    let (_, _, csv) = raw(&app, "/v1/events?format=csv&limit=3").await;
    assert_eq!(
        String::from_utf8_lossy(&csv).lines().count(),
        4,
        "header and 3 rows"
    );
    let (s, _, _) = raw(&app, "/v1/events?format=xlsx").await;
    assert_eq!(s, StatusCode::BAD_REQUEST);
}

#[tokio::test]
async fn seed_fixture_through_sqlite() {
    let dir = tempfile::tempdir().expect("temp dir");
    let app = seeded(dir.path()).await;

    let (s, v) = send(&app, get("/v1/events?category=ASSAULT&country=ARM,AZE&limit=2")).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["total"], 4);
    assert_eq!(v["next_cursor"], "2");

    let (_, v) = send(&app, get("/v1/events?contested=true")).await;
    let ids = common::event_ids(&v);
    assert!(
        ids.contains(&"seed-ar:e1") && ids.contains(&"seed-ar:e2"),
        "{ids:?}"
    );

    let (s, v) = send(&app, get("/v1/events/seed-ar:e1")).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["event"]["contested"], true);
    let claimants: Vec<&str> = v["claims"]
        .as_array()
        .expect("claims")
        .iter()
        .filter_map(|c| c["claim_by"]["country"].as_str())
        .collect();
    assert!(
        claimants.contains(&"ARM") && claimants.contains(&"AZE"),
        "{claimants:?}"
    );
    assert!(!v["disputes"].as_array().expect("disputes").is_empty());
    assert_eq!(v["documents"][0]["doc_id"], "seed-ar");

    let (_, v) = send(&app, get("/v1/stats")).await;
    assert_eq!(v["documents"], 1);
    assert!(v["contested"].as_u64().is_some_and(|n| n >= 1), "{v}");
}
