//! The API over the real store: SQLite through [`StoreBackend`], fused by `marsad-fuse`.

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use marsad_fuse::FusionConfig;
use marsad_server::{ServerConfig, StoreBackend, router};
use marsad_store::SqliteStore;
use serde_json::Value;
use std::sync::Arc;
use tower::ServiceExt;

const TOKEN: &str = "t0ken";
const FIXTURE: &str = include_str!("../../../web/tests/fixtures/seed-ar.ingest.jsonl");

async fn send(app: &Router, req: Request<Body>) -> (StatusCode, Value) {
    let resp = app.clone().oneshot(req).await.expect("infallible service");
    let status = resp.status();
    let bytes = resp.into_body().collect().await.expect("body").to_bytes();
    (status, serde_json::from_slice(&bytes).unwrap_or(Value::Null))
}

fn get(uri: &str) -> Request<Body> {
    Request::get(uri).body(Body::empty()).expect("request")
}

#[tokio::test]
async fn seed_fixture_through_sqlite() {
    let dir = tempfile::tempdir().expect("temp dir");
    let store = SqliteStore::open(dir.path().join("t.db")).expect("open store");
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

    let (s, v) = send(&app, get("/v1/events?category=ASSAULT&country=ARM,AZE&limit=2")).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["total"], 4);
    assert_eq!(v["next_cursor"], "2");

    let (_, v) = send(&app, get("/v1/events?contested=true")).await;
    let ids: Vec<&str> = v["events"]
        .as_array()
        .expect("events")
        .iter()
        .filter_map(|e| e["id"].as_str())
        .collect();
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
