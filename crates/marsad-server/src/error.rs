//! The API's one error type and its mapping to status codes and JSON bodies.
//!
//! Every error answers `{"error": {"code": "...", "message": "..."}}`. Internal failures are logged with
//! their cause and answered with a generic message.

use axum::Json;
use axum::extract::rejection::JsonRejection;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde_json::json;

/// Everything a request can fail with.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The body is not well-formed JSON (or JSONL).
    #[error("malformed JSON: {0}")]
    BadJson(String),
    /// The JSON is well-formed but does not fit the schema (unknown or missing fields, wrong types).
    #[error("invalid document: {0}")]
    Invalid(String),
    /// The body is over the size limit.
    #[error("request body is larger than {limit} bytes")]
    TooLarge {
        /// The limit, in bytes.
        limit: usize,
    },
    /// The content type is not one the route takes.
    #[error("unsupported content type: {0}")]
    UnsupportedMedia(String),
    /// A query parameter is wrong.
    #[error("bad query parameter: {0}")]
    BadQuery(String),
    /// No bearer token, or the wrong one.
    #[error("missing or wrong bearer token")]
    Unauthorized,
    /// The server was started without `MARSAD_TOKEN`: writes are off.
    #[error("writes are disabled: start the server with MARSAD_TOKEN set to enable them")]
    WritesDisabled,
    /// No such resource.
    #[error("not found: {0}")]
    NotFound(String),
    /// Something broke inside; the cause is logged, not sent.
    #[error("internal error")]
    Internal(String),
}

impl ApiError {
    /// The HTTP status of this error.
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::BadJson(_) | ApiError::BadQuery(_) => StatusCode::BAD_REQUEST,
            ApiError::Invalid(_) => StatusCode::UNPROCESSABLE_ENTITY,
            ApiError::TooLarge { .. } => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::UnsupportedMedia(_) => StatusCode::UNSUPPORTED_MEDIA_TYPE,
            ApiError::Unauthorized => StatusCode::UNAUTHORIZED,
            ApiError::WritesDisabled => StatusCode::FORBIDDEN,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }

    /// The stable machine-readable code sent in the body.
    pub fn code(&self) -> &'static str {
        match self {
            ApiError::BadJson(_) => "malformed_json",
            ApiError::Invalid(_) => "invalid_document",
            ApiError::TooLarge { .. } => "body_too_large",
            ApiError::UnsupportedMedia(_) => "unsupported_media_type",
            ApiError::BadQuery(_) => "bad_query",
            ApiError::Unauthorized => "unauthorized",
            ApiError::WritesDisabled => "writes_disabled",
            ApiError::NotFound(_) => "not_found",
            ApiError::Internal(_) => "internal",
        }
    }

    /// Maps an axum JSON extraction failure, given the body limit for the message.
    pub fn from_json_rejection(rej: &JsonRejection, limit: usize) -> Self {
        match rej {
            JsonRejection::JsonDataError(e) => ApiError::Invalid(e.body_text()),
            JsonRejection::JsonSyntaxError(e) => ApiError::BadJson(e.body_text()),
            JsonRejection::MissingJsonContentType(_) => {
                ApiError::UnsupportedMedia("expected Content-Type: application/json".into())
            }
            other if other.status() == StatusCode::PAYLOAD_TOO_LARGE => ApiError::TooLarge { limit },
            other => ApiError::BadJson(other.body_text()),
        }
    }
}

impl From<crate::backend::BackendError> for ApiError {
    fn from(e: crate::backend::BackendError) -> Self {
        ApiError::Internal(e.0)
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let message = match &self {
            ApiError::Internal(cause) => {
                tracing::error!(%cause, "internal error");
                "internal error; see the server log".to_string()
            }
            other => other.to_string(),
        };
        let body = json!({"error": {"code": self.code(), "message": message}});
        let mut resp = (self.status(), Json(body)).into_response();
        if matches!(self, ApiError::Unauthorized) {
            resp.headers_mut().insert(
                axum::http::header::WWW_AUTHENTICATE,
                axum::http::HeaderValue::from_static("Bearer"),
            );
        }
        resp
    }
}

/// Answers a rejected request (404 route, 405 method, timeout) in the API's JSON error shape.
pub fn error_body(status: StatusCode, code: &str, message: &str) -> Response {
    (status, Json(json!({"error": {"code": code, "message": message}}))).into_response()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn internal_cause_is_not_sent() {
        let e = ApiError::Internal("disk on fire at /secret/path".into());
        assert_eq!(e.status(), StatusCode::INTERNAL_SERVER_ERROR);
        assert!(!e.to_string().contains("secret"));
    }
}
