//! Request bodies that carry documents: `/v1/extract` (one JSON object) and `/v1/documents` (one
//! object, an array, or JSONL).

use crate::error::ApiError;
use marsad_model::{DocOutput, InputDoc};
use serde::Deserialize;

/// A document as the API takes it: the fields of [`InputDoc`] with the same aliases, and no others.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DocRequest {
    /// Document id; derived from the text when absent.
    #[serde(default, alias = "doc_id")]
    pub id: Option<String>,
    /// The article text.
    #[serde(alias = "content")]
    pub text: String,
    /// Headline.
    #[serde(default)]
    pub title: Option<String>,
    /// Publication date or date-time.
    #[serde(default, alias = "date_extracted", alias = "date")]
    pub published: Option<String>,
    /// Where it came from.
    #[serde(default)]
    pub url: Option<String>,
    /// Outlet.
    #[serde(default)]
    pub source: Option<String>,
    /// ISO 639-1 language.
    #[serde(default)]
    pub lang: Option<String>,
    /// Events already coded elsewhere (`marsad extract` output for this text): stored as given
    /// instead of extracting again. Only `/v1/documents` takes it.
    #[serde(default)]
    pub output: Option<DocOutput>,
}

impl DocRequest {
    /// Splits into the input document (with its id settled) and any pre-coded output.
    pub fn into_parts(self) -> (InputDoc, Option<DocOutput>) {
        let id = self
            .id
            .clone()
            .or_else(|| self.output.as_ref().map(|o| o.doc_id.clone()))
            .unwrap_or_else(|| content_id(&self.text));
        let input = InputDoc {
            id: Some(id),
            text: self.text,
            title: self.title,
            published: self.published,
            url: self.url,
            source: self.source,
            lang: self.lang,
        };
        (input, self.output)
    }
}

/// A stable id from the text: `doc-` and 16 hex digits of its FNV-1a hash.
pub fn content_id(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("doc-{h:016x}")
}

/// Maps a serde_json error: syntax → 400, schema → 422; `line` names the JSONL line.
fn json_error(e: &serde_json::Error, line: Option<usize>) -> ApiError {
    let at = line.map(|l| format!("line {l}: ")).unwrap_or_default();
    match e.classify() {
        serde_json::error::Category::Data => ApiError::Invalid(format!("{at}{e}")),
        _ => ApiError::BadJson(format!("{at}{e}")),
    }
}

/// Parses one JSON document request.
pub fn parse_one(body: &[u8]) -> Result<DocRequest, ApiError> {
    serde_json::from_slice(body).map_err(|e| json_error(&e, None))
}

/// Parses an ingest body: JSONL when `jsonl`, else one object or an array of objects.
pub fn parse_many(body: &[u8], jsonl: bool) -> Result<Vec<DocRequest>, ApiError> {
    let text = std::str::from_utf8(body).map_err(|e| ApiError::BadJson(format!("body is not UTF-8: {e}")))?;
    let docs = if jsonl {
        let mut out = Vec::new();
        for (i, line) in text.lines().enumerate() {
            if !line.trim().is_empty() {
                out.push(serde_json::from_str(line).map_err(|e| json_error(&e, Some(i + 1)))?);
            }
        }
        out
    } else {
        let v: serde_json::Value = serde_json::from_str(text).map_err(|e| json_error(&e, None))?;
        match v {
            serde_json::Value::Array(items) => items
                .into_iter()
                .map(|it| serde_json::from_value(it).map_err(|e| json_error(&e, None)))
                .collect::<Result<_, _>>()?,
            obj => vec![serde_json::from_value(obj).map_err(|e| json_error(&e, None))?],
        }
    };
    if docs.is_empty() {
        return Err(ApiError::Invalid("no documents in the body".into()));
    }
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unknown_field_is_invalid_and_syntax_is_bad_json() {
        assert!(matches!(
            parse_one(br#"{"text":"x","colour":1}"#),
            Err(ApiError::Invalid(_))
        ));
        assert!(matches!(parse_one(br#"{"text":"#), Err(ApiError::BadJson(_))));
        assert!(
            matches!(parse_one(br#"{"content":"x","doc_id":"a"}"#), Ok(d) if d.id.as_deref() == Some("a"))
        );
    }

    #[test]
    fn many_forms() {
        let one = parse_many(br#"{"text":"a"}"#, false).expect("object");
        assert_eq!(one.len(), 1);
        let arr = parse_many(br#"[{"text":"a"},{"text":"b"}]"#, false).expect("array");
        assert_eq!(arr.len(), 2);
        let lines = parse_many(b"{\"text\":\"a\"}\n\n{\"text\":\"b\"}\n", true).expect("jsonl");
        assert_eq!(lines.len(), 2);
        match parse_many(b"{\"text\":\"a\"}\n{oops\n", true) {
            Err(ApiError::BadJson(m)) => assert!(m.starts_with("line 2")),
            other => panic!("expected bad JSON, got {other:?}"),
        }
        assert!(matches!(parse_many(b"[]", false), Err(ApiError::Invalid(_))));
    }

    #[test]
    fn ids_are_stable() {
        let (a, _) = parse_one(r#"{"text":"نص"}"#.as_bytes())
            .expect("doc")
            .into_parts();
        let (b, _) = parse_one(r#"{"text":"نص"}"#.as_bytes())
            .expect("doc")
            .into_parts();
        assert_eq!(a.id, b.id);
        assert!(a.id.as_deref().is_some_and(|i| i.starts_with("doc-")));
    }
}
