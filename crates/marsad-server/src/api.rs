//! The `/v1` handlers and the router that serves them with the web page.

use crate::backend::{Backend, IngestDoc};
use crate::docs::{DocRequest, parse_many, parse_one};
use crate::error::{ApiError, error_body};
use crate::query::{EventsParams, Format};
use crate::{ServerConfig, assets};
use axum::body::Bytes;
use axum::extract::rejection::{BytesRejection, QueryRejection};
use axum::extract::{DefaultBodyLimit, Path, Query, Request, State};
use axum::http::{HeaderMap, StatusCode, header};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use marsad_extract::{Extractor, Options};
use marsad_model::DocOutput;
use serde_json::json;
use std::sync::Arc;
use tower_http::timeout::TimeoutLayer;

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    backend: Arc<dyn Backend>,
    extractor: Arc<Extractor>,
    config: Arc<ServerConfig>,
}

impl std::fmt::Debug for AppState {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("AppState")
            .field("writes_enabled", &self.config.token.is_some())
            .finish_non_exhaustive()
    }
}

/// The whole application: API, OpenAPI document and web page.
pub fn router(backend: Arc<dyn Backend>, config: ServerConfig) -> Router {
    let limit = config.body_limit;
    let timeout = config.timeout;
    let state = AppState {
        backend,
        extractor: Arc::new(Extractor::new()),
        config: Arc::new(config),
    };
    let writes = Router::new()
        .route("/v1/documents", post(ingest))
        .route_layer(middleware::from_fn_with_state(state.clone(), require_token));
    let api = Router::new()
        .route("/v1/extract", post(extract))
        .route("/v1/events", get(list_events))
        .route("/v1/events/{id}", get(get_event))
        .route("/v1/health", get(health))
        .route("/v1/stats", get(stats))
        .route("/openapi.json", get(openapi))
        .merge(writes)
        .layer(DefaultBodyLimit::max(limit))
        .with_state(state);
    assets::routes()
        .merge(api)
        .fallback(not_found)
        .method_not_allowed_fallback(method_not_allowed)
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            timeout,
        ))
}

/// Refuses writes without the configured bearer token (or when none is configured).
async fn require_token(State(st): State<AppState>, req: Request, next: Next) -> Response {
    let Some(expected) = st.config.token.as_deref() else {
        return ApiError::WritesDisabled.into_response();
    };
    let given = req
        .headers()
        .get(header::AUTHORIZATION)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.strip_prefix("Bearer "))
        .map(str::trim);
    match given {
        Some(t) if constant_time_eq(t.as_bytes(), expected.as_bytes()) => next.run(req).await,
        _ => ApiError::Unauthorized.into_response(),
    }
}

/// Compares without stopping at the first difference.
fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

fn body_or_error(body: Result<Bytes, BytesRejection>, limit: usize) -> Result<Bytes, ApiError> {
    body.map_err(|rej| {
        if rej.status() == StatusCode::PAYLOAD_TOO_LARGE {
            ApiError::TooLarge { limit }
        } else {
            ApiError::BadJson(rej.body_text())
        }
    })
}

fn media_type(headers: &HeaderMap) -> String {
    headers
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
        .map(|v| v.trim().to_ascii_lowercase())
        .unwrap_or_default()
}

/// Runs blocking work (extraction, the store) off the async threads.
async fn blocking<T: Send + 'static>(
    f: impl FnOnce() -> Result<T, ApiError> + Send + 'static,
) -> Result<T, ApiError> {
    tokio::task::spawn_blocking(f)
        .await
        .map_err(|e| ApiError::Internal(format!("worker thread failed: {e}")))?
}

/// `POST /v1/extract`: one document in, its extraction out; nothing stored.
async fn extract(
    State(st): State<AppState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<Json<DocOutput>, ApiError> {
    let body = body_or_error(body, st.config.body_limit)?;
    let mt = media_type(&headers);
    if mt != "application/json" {
        return Err(ApiError::UnsupportedMedia(format!(
            "expected application/json, got {mt:?}"
        )));
    }
    let req = parse_one(&body)?;
    if req.output.is_some() {
        return Err(ApiError::Invalid(
            "`output` is only accepted by POST /v1/documents".into(),
        ));
    }
    let (doc, _) = req.into_parts();
    let out = blocking(move || Ok(st.extractor.extract(&doc, Options::default()))).await?;
    Ok(Json(out))
}

/// `POST /v1/documents`: documents in (JSON object, array, or JSONL), extracted, stored and fused.
async fn ingest(
    State(st): State<AppState>,
    headers: HeaderMap,
    body: Result<Bytes, BytesRejection>,
) -> Result<(StatusCode, Json<serde_json::Value>), ApiError> {
    let body = body_or_error(body, st.config.body_limit)?;
    let jsonl = match media_type(&headers).as_str() {
        "application/json" => false,
        "application/x-ndjson" | "application/jsonl" | "application/x-jsonlines" => true,
        other => {
            return Err(ApiError::UnsupportedMedia(format!(
                "expected application/json or application/x-ndjson, got {other:?}"
            )));
        }
    };
    let reqs = parse_many(&body, jsonl)?;
    let (ids, summary) = blocking(move || {
        let docs: Vec<IngestDoc> = reqs.into_iter().map(|r| code(&st.extractor, r)).collect();
        let ids: Vec<String> = docs.iter().map(|d| d.output.doc_id.clone()).collect();
        Ok((ids, st.backend.ingest(docs)?))
    })
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(json!({"documents": ids, "summary": summary})),
    ))
}

/// Extracts one request's document, or takes its pre-coded output under the request's id.
fn code(extractor: &Extractor, req: DocRequest) -> IngestDoc {
    let (input, output) = req.into_parts();
    let output = match output {
        Some(mut o) => {
            o.doc_id = input.id.clone().unwrap_or(o.doc_id);
            o
        }
        None => extractor.extract(&input, Options::default()),
    };
    IngestDoc { input, output }
}

/// `GET /v1/events`: filtered, paginated, in the format asked for.
async fn list_events(
    State(st): State<AppState>,
    params: Result<Query<EventsParams>, QueryRejection>,
) -> Result<Response, ApiError> {
    let Query(params) = params.map_err(|e| ApiError::BadQuery(e.body_text()))?;
    let (q, format) = params.parse()?;
    let (limit, offset) = (q.limit, q.offset);
    let next =
        move |shown: usize, total: usize| (offset + shown < total).then(|| (offset + shown).to_string());
    let export = match format {
        Format::Export(f) => f,
        Format::Json | Format::Jsonl => {
            let page = blocking(move || Ok(st.backend.events(&q)?)).await?;
            let next = next(page.events.len(), page.total);
            return Ok(if format == Format::Json {
                Json(json!({
                    "events": page.events, "total": page.total, "limit": limit, "next_cursor": next,
                }))
                .into_response()
            } else {
                let mut out = String::new();
                for e in &page.events {
                    out.push_str(&serde_json::to_string(e).map_err(|e| ApiError::Internal(e.to_string()))?);
                    out.push('\n');
                }
                paged(out.into_bytes(), "application/x-ndjson", page.total, next)
            });
        }
    };
    let (bytes, total, shown) = blocking(move || {
        let page = st.backend.export(&q)?;
        let rows = marsad_export::rows(&page.events, &page.fused);
        let bytes = marsad_export::to_bytes(export, &rows, marsad_export::Options::default())
            .map_err(|e| ApiError::Internal(e.to_string()))?;
        Ok((bytes, page.total, page.events.len()))
    })
    .await?;
    let mut resp = paged(bytes, export.media_type(), total, next(shown, total));
    if export.is_binary() {
        let disposition = format!("attachment; filename=\"events.{}\"", export.extension());
        if let Ok(v) = header::HeaderValue::from_str(&disposition) {
            resp.headers_mut().insert(header::CONTENT_DISPOSITION, v);
        }
    }
    Ok(resp)
}

/// A body of `media` type with the listing's total (`X-Total-Count`) and next cursor (`X-Next-Cursor`).
fn paged(body: Vec<u8>, media: &'static str, total: usize, next: Option<String>) -> Response {
    let mut resp = ([(header::CONTENT_TYPE, media)], body).into_response();
    let h = resp.headers_mut();
    h.insert("x-total-count", header::HeaderValue::from(total));
    if let Some(n) = next.and_then(|n| header::HeaderValue::from_str(&n).ok()) {
        h.insert("x-next-cursor", n);
    }
    resp
}

/// `GET /v1/events/{id}`: one event with its claims and documents.
async fn get_event(State(st): State<AppState>, Path(id): Path<String>) -> Result<Response, ApiError> {
    let key = id.clone();
    match blocking(move || Ok(st.backend.event(&key)?)).await? {
        Some(detail) => Ok(Json(detail).into_response()),
        None => Err(ApiError::NotFound(format!("no event {id:?}"))),
    }
}

/// `GET /v1/health`.
async fn health(State(st): State<AppState>) -> Json<serde_json::Value> {
    Json(json!({
        "status": "ok",
        "version": env!("CARGO_PKG_VERSION"),
        "schema_version": marsad_model::SCHEMA_VERSION,
        "writes_enabled": st.config.token.is_some(),
    }))
}

/// `GET /v1/stats`.
async fn stats(State(st): State<AppState>) -> Result<Response, ApiError> {
    let s = blocking(move || Ok(st.backend.stats()?)).await?;
    Ok(Json(s).into_response())
}

/// `GET /openapi.json`.
async fn openapi() -> impl IntoResponse {
    ([(header::CONTENT_TYPE, "application/json")], crate::OPENAPI)
}

async fn not_found() -> Response {
    error_body(
        StatusCode::NOT_FOUND,
        "not_found",
        "no such route; see /openapi.json",
    )
}

async fn method_not_allowed() -> Response {
    error_body(
        StatusCode::METHOD_NOT_ALLOWED,
        "method_not_allowed",
        "method not allowed on this route",
    )
}

#[cfg(test)]
mod tests {
    use super::constant_time_eq;

    #[test]
    fn token_comparison() {
        assert!(constant_time_eq(b"abc", b"abc"));
        assert!(!constant_time_eq(b"abc", b"abd"));
        assert!(!constant_time_eq(b"abc", b"abcd"));
    }
}
