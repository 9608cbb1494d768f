//! The API in-process: every route, every bad-request case, against the in-memory backend and the
//! seed fixture (`web/tests/fixtures/seed-ar.ingest.jsonl`).

use axum::Router;
use axum::body::Body;
use axum::http::{Request, StatusCode, header};
use http_body_util::BodyExt;
use marsad_server::{MemoryBackend, ServerConfig, router};
use serde_json::Value;
use std::sync::Arc;
use tower::ServiceExt;

mod common;
use common::{get, send};

const TOKEN: &str = "test-token";
const FIXTURE: &str = include_str!("../../../web/tests/fixtures/seed-ar.ingest.jsonl");

fn app(token: Option<&str>) -> Router {
    let config = ServerConfig {
        token: token.map(str::to_string),
        ..ServerConfig::default()
    };
    router(Arc::new(MemoryBackend::new()), config)
}

fn post(uri: &str, ctype: &str, token: Option<&str>, body: impl Into<Body>) -> Request<Body> {
    let mut b = Request::post(uri).header(header::CONTENT_TYPE, ctype);
    if let Some(t) = token {
        b = b.header(header::AUTHORIZATION, format!("Bearer {t}"));
    }
    b.body(body.into()).expect("request")
}

fn assert_error(status: StatusCode, body: &Value, want: StatusCode, code: &str) {
    assert_eq!(status, want, "body: {body}");
    assert_eq!(body["error"]["code"], code, "body: {body}");
    assert!(body["error"]["message"].as_str().is_some_and(|m| !m.is_empty()));
}

async fn seeded() -> Router {
    let app = app(Some(TOKEN));
    let (s, v) = send(
        &app,
        post("/v1/documents", "application/x-ndjson", Some(TOKEN), FIXTURE),
    )
    .await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    assert_eq!(v["summary"]["events"], 19);
    app
}

#[tokio::test]
async fn extract_returns_the_contract() {
    let app = app(None);
    let body = r#"{"id":"t1","text":"قصف الجيش بلدة غوريس","published":"2022-09-13"}"#;
    let (s, v) = send(&app, post("/v1/extract", "application/json", None, body)).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["doc_id"], "t1");
    assert_eq!(v["published"], "2022-09-13");
    assert_eq!(v["schema_version"], 1);
    assert!(v["events"].is_array());
}

#[tokio::test]
async fn extract_bad_requests() {
    let app = app(None);
    let (s, v) = send(
        &app,
        post("/v1/extract", "application/json", None, r#"{"text": "x""#),
    )
    .await;
    assert_error(s, &v, StatusCode::BAD_REQUEST, "malformed_json");
    let (s, v) = send(
        &app,
        post(
            "/v1/extract",
            "application/json",
            None,
            r#"{"text":"x","colour":"red"}"#,
        ),
    )
    .await;
    assert_error(s, &v, StatusCode::UNPROCESSABLE_ENTITY, "invalid_document");
    assert!(
        v["error"]["message"]
            .as_str()
            .is_some_and(|m| m.contains("colour"))
    );
    let (s, v) = send(
        &app,
        post("/v1/extract", "application/json", None, r#"{"title":"no text"}"#),
    )
    .await;
    assert_error(s, &v, StatusCode::UNPROCESSABLE_ENTITY, "invalid_document");
    let (s, v) = send(&app, post("/v1/extract", "text/plain", None, r#"{"text":"x"}"#)).await;
    assert_error(
        s,
        &v,
        StatusCode::UNSUPPORTED_MEDIA_TYPE,
        "unsupported_media_type",
    );
    let big = vec![b' '; 50 * 1024 * 1024];
    let (s, v) = send(&app, post("/v1/extract", "application/json", None, big)).await;
    assert_error(s, &v, StatusCode::PAYLOAD_TOO_LARGE, "body_too_large");
}

#[tokio::test]
async fn writes_need_a_configured_token() {
    let doc = r#"{"text":"x"}"#;
    let (s, v) = send(
        &app(None),
        post("/v1/documents", "application/json", Some(TOKEN), doc),
    )
    .await;
    assert_error(s, &v, StatusCode::FORBIDDEN, "writes_disabled");
    let app = app(Some(TOKEN));
    let (s, v) = send(&app, post("/v1/documents", "application/json", None, doc)).await;
    assert_error(s, &v, StatusCode::UNAUTHORIZED, "unauthorized");
    let (s, v) = send(
        &app,
        post("/v1/documents", "application/json", Some("wrong"), doc),
    )
    .await;
    assert_error(s, &v, StatusCode::UNAUTHORIZED, "unauthorized");
    let big = vec![b' '; 50 * 1024 * 1024];
    let (s, v) = send(&app, post("/v1/documents", "application/json", None, big.clone())).await;
    assert_error(s, &v, StatusCode::UNAUTHORIZED, "unauthorized");
    let (s, v) = send(&app, post("/v1/documents", "application/json", Some(TOKEN), big)).await;
    assert_error(s, &v, StatusCode::PAYLOAD_TOO_LARGE, "body_too_large");
    let (s, v) = send(
        &app,
        post(
            "/v1/documents",
            "application/x-ndjson",
            Some(TOKEN),
            "{\"text\":\"a\"}\n{bad\n",
        ),
    )
    .await;
    assert_error(s, &v, StatusCode::BAD_REQUEST, "malformed_json");
    let (s, v) = send(
        &app,
        post(
            "/v1/documents",
            "application/json",
            Some(TOKEN),
            r#"[{"text":"a"},{"txt":"b"}]"#,
        ),
    )
    .await;
    assert_error(s, &v, StatusCode::UNPROCESSABLE_ENTITY, "invalid_document");
    let (s, v) = send(&app, post("/v1/documents", "application/json", Some(TOKEN), doc)).await;
    assert_eq!(s, StatusCode::CREATED, "{v}");
    assert_eq!(v["summary"]["stored"], 1);
    let (_, v) = send(&app, post("/v1/documents", "application/json", Some(TOKEN), doc)).await;
    assert_eq!(v["summary"]["skipped"], 1);
}

#[tokio::test]
async fn events_list_filters_and_pages() {
    let app = seeded().await;
    let (s, v) = send(&app, get("/v1/events")).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["total"], 19);
    assert_eq!(v["next_cursor"], Value::Null);
    let (_, v) = send(&app, get("/v1/events?category=ASSAULT&country=ARM")).await;
    assert_eq!(v["total"], 4);
    let (_, v) = send(&app, get("/v1/events?contested=true")).await;
    let ids = common::event_ids(&v);
    assert_eq!(ids, ["seed-ar:e1", "seed-ar:e2"]);
    let (_, v) = send(&app, get("/v1/events?since=2022-09-13&until=2022-09-13")).await;
    assert_eq!(v["total"], 14);
    let (_, v) = send(&app, get("/v1/events?bbox=45.5,40.0,46.0,40.3")).await;
    assert_eq!(
        v["total"], 1,
        "Vardenis/Sotk area: only the shelling of Armenian villages"
    );
    let (_, v) = send(&app, get("/v1/events?limit=5")).await;
    assert_eq!(v["events"].as_array().map(Vec::len), Some(5));
    assert_eq!(v["next_cursor"], "5");
    let (_, v2) = send(&app, get("/v1/events?limit=5&cursor=5")).await;
    assert_ne!(v["events"][0]["id"], v2["events"][0]["id"]);
    for bad in [
        "since=yesterday",
        "country=Armenia",
        "category=BOMB",
        "bbox=1,2",
        "limit=0",
        "format=xml",
        "colour=red",
    ] {
        let (s, v) = send(&app, get(&format!("/v1/events?{bad}"))).await;
        assert_error(s, &v, StatusCode::BAD_REQUEST, "bad_query");
    }
}

#[tokio::test]
async fn events_as_geojson() {
    let app = seeded().await;
    let resp = app
        .clone()
        .oneshot(get("/v1/events?format=geojson&category=ASSAULT"))
        .await
        .expect("response");
    assert_eq!(resp.headers()[header::CONTENT_TYPE], "application/geo+json");
    let bytes = resp.into_body().collect().await.expect("body").to_bytes();
    let v: Value = serde_json::from_slice(&bytes).expect("geojson");
    assert_eq!(v["type"], "FeatureCollection");
    let goris = v["features"]
        .as_array()
        .expect("features")
        .iter()
        .find(|f| f["properties"]["place"] == "Goris")
        .expect("Goris");
    assert_eq!(
        goris["geometry"]["coordinates"],
        serde_json::json!([46.34, 39.51])
    );
}

#[tokio::test]
async fn one_event_with_claims_and_documents() {
    let app = seeded().await;
    let (s, v) = send(&app, get("/v1/events/seed-ar%3Ae2")).await;
    assert_eq!(s, StatusCode::OK, "{v}");
    assert_eq!(v["event"]["contested"], true);
    let claims = v["claims"].as_array().expect("claims");
    assert_eq!(claims.len(), 2);
    let text: Vec<char> = v["documents"][0]["text"]
        .as_str()
        .expect("text")
        .chars()
        .collect();
    let span = &v["event"]["sentence"];
    let (a, b) = (
        span[0].as_u64().expect("start") as usize,
        span[1].as_u64().expect("end") as usize,
    );
    assert_eq!(
        text[a..b].iter().collect::<String>(),
        v["event"]["evidence"].as_str().expect("evidence")
    );
    let (s, v) = send(&app, get("/v1/events/nope")).await;
    assert_error(s, &v, StatusCode::NOT_FOUND, "not_found");
}

#[tokio::test]
async fn health_stats_and_unknown_routes() {
    let app = seeded().await;
    let (s, v) = send(&app, get("/v1/health")).await;
    assert_eq!((s, &v["status"]), (StatusCode::OK, &Value::from("ok")));
    let (_, v) = send(&app, get("/v1/stats")).await;
    assert_eq!(v["documents"], 1);
    assert_eq!(v["by_category"]["ASSAULT"], 4);
    let (s, v) = send(&app, get("/v2/nothing")).await;
    assert_error(s, &v, StatusCode::NOT_FOUND, "not_found");
    let (s, v) = send(
        &app,
        Request::delete("/v1/events")
            .body(Body::empty())
            .expect("request"),
    )
    .await;
    assert_error(s, &v, StatusCode::METHOD_NOT_ALLOWED, "method_not_allowed");
}

#[tokio::test]
async fn openapi_documents_every_route() {
    let app = seeded().await;
    let (s, v) = send(&app, get("/openapi.json")).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["openapi"], "3.1.0");
    let mut paths: Vec<&str> = v["paths"]
        .as_object()
        .expect("paths")
        .keys()
        .map(String::as_str)
        .collect();
    paths.sort_unstable();
    let mut routes = [
        "/openapi.json",
        "/v1/documents",
        "/v1/events",
        "/v1/events/{id}",
        "/v1/extract",
        "/v1/health",
        "/v1/stats",
    ];
    routes.sort_unstable();
    assert_eq!(paths, routes);
    // Every documented path and method is routed (answers something other than the 404/405 fallbacks).
    for (path, item) in v["paths"].as_object().expect("paths") {
        for method in item.as_object().expect("item").keys() {
            let uri = path.replace("{id}", "seed-ar:e1");
            let req = Request::builder()
                .method(method.to_uppercase().as_str())
                .uri(uri.as_str())
                .header(header::CONTENT_TYPE, "application/json")
                .header(header::AUTHORIZATION, format!("Bearer {TOKEN}"))
                .body(Body::from(r#"{"text":"x"}"#))
                .expect("request");
            let (s, body) = send(&app, req).await;
            assert!(
                s != StatusCode::NOT_FOUND && s != StatusCode::METHOD_NOT_ALLOWED,
                "{method} {path}: {s} {body}"
            );
        }
    }
}

#[tokio::test]
async fn the_page_and_its_files_are_served() {
    let app = app(None);
    for path in [
        "/",
        "/app.js",
        "/panel.js",
        "/timeline.js",
        "/style.css",
        "/vendor/leaflet/leaflet.js",
    ] {
        let resp = app.clone().oneshot(get(path)).await.expect("response");
        assert_eq!(resp.status(), StatusCode::OK, "{path}");
    }
    let (_, page) = send(&app, get("/")).await;
    assert!(page.as_str().is_some_and(|p| p.contains("<div id=\"map\"")));
}
