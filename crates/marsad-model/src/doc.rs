//! Input documents and output documents.

use crate::event::{Entity, Event, Place, Qualifier};
use crate::plover::DatePrecision;
use crate::span::Span;
use serde::{Deserialize, Serialize};

/// One input document, as read from JSONL, a file or the API.
///
/// Only `text` is required. `content` is accepted for `text` (SaudiNewsNet's field name) and
/// `date_extracted` for `published`.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct InputDoc {
    /// Document id; the reader fills it in (file name, line number) when absent.
    #[serde(default, alias = "doc_id")]
    pub id: Option<String>,
    /// The article text.
    #[serde(alias = "content")]
    pub text: String,
    /// Headline.
    #[serde(default)]
    pub title: Option<String>,
    /// Publication date or date-time (`YYYY-MM-DD…`); the date part is used.
    #[serde(default, alias = "date_extracted", alias = "date")]
    pub published: Option<String>,
    /// Where it came from.
    #[serde(default)]
    pub url: Option<String>,
    /// Outlet name.
    #[serde(default)]
    pub source: Option<String>,
    /// ISO 639-1 language, when the caller knows it.
    #[serde(default)]
    pub lang: Option<String>,
}

/// What kind of thing a mention is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MentionKind {
    /// An actor.
    Actor,
    /// A place.
    Place,
    /// A date or time expression.
    Date,
    /// A number.
    Number,
}

/// A number found in the text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NumberMention {
    /// As written, qualifier included.
    pub text: String,
    /// Where.
    pub span: Span,
    /// Its value.
    pub value: f64,
    /// How it is qualified.
    pub qualifier: Qualifier,
    /// True for ordinals ("التاسعة", "third").
    #[serde(default)]
    pub ordinal: bool,
}

/// A date or time expression found in the text, resolved when possible.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DateMention {
    /// As written.
    pub text: String,
    /// Where.
    pub span: Span,
    /// `YYYY-MM-DD`, `YYYY-MM` or `YYYY`, when resolved.
    pub value: Option<String>,
    /// `HH:MM`, when a clock time is given.
    #[serde(default)]
    pub time: Option<String>,
    /// IANA zone of `time`.
    #[serde(default)]
    pub tz: Option<String>,
    /// What it pins down.
    pub precision: Option<DatePrecision>,
}

/// Every recognised mention in a document, tagged by `kind`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "lowercase")]
pub enum Mention {
    /// An actor mention.
    Actor(Entity),
    /// A place mention.
    Place(Place),
    /// A date or time.
    Date(DateMention),
    /// A number.
    Number(NumberMention),
}

impl Mention {
    /// The kind tag.
    pub fn kind(&self) -> MentionKind {
        match self {
            Mention::Actor(_) => MentionKind::Actor,
            Mention::Place(_) => MentionKind::Place,
            Mention::Date(_) => MentionKind::Date,
            Mention::Number(_) => MentionKind::Number,
        }
    }

    /// The mention's span, if it has one.
    pub fn span(&self) -> Option<Span> {
        match self {
            Mention::Actor(e) => e.span,
            Mention::Place(p) => p.span,
            Mention::Date(d) => Some(d.span),
            Mention::Number(n) => Some(n.span),
        }
    }
}

/// Marsad's output for one document: one JSONL line of `marsad extract`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocOutput {
    /// The document id.
    pub doc_id: String,
    /// ISO 639-1 language as identified (or given).
    pub lang: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Headline.
    #[serde(default)]
    pub title: Option<String>,
    /// Where it came from.
    #[serde(default)]
    pub url: Option<String>,
    /// Outlet.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    /// Version of Marsad that wrote this.
    pub marsad_version: String,
    /// Version of this contract ([`crate::SCHEMA_VERSION`]).
    pub schema_version: u32,
    /// The events.
    #[serde(default)]
    pub events: Vec<Event>,
    /// Every recognised mention.
    #[serde(default)]
    pub entities: Vec<Mention>,
    /// Things the reader should know (lossy decoding, truncated text, unknown language…).
    #[serde(default)]
    pub warnings: Vec<String>,
}

impl DocOutput {
    /// An empty output for `doc_id`, stamped with this crate's version and the schema version.
    pub fn new(doc_id: impl Into<String>) -> Self {
        DocOutput {
            doc_id: doc_id.into(),
            lang: None,
            published: None,
            title: None,
            url: None,
            source: None,
            marsad_version: env!("CARGO_PKG_VERSION").to_string(),
            schema_version: crate::SCHEMA_VERSION,
            events: Vec::new(),
            entities: Vec::new(),
            warnings: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn input_accepts_aliases() {
        let d: InputDoc =
            serde_json::from_str(r#"{"doc_id":"a","content":"نص","date_extracted":"2015-07-21 02:51:32"}"#)
                .unwrap_or_default();
        assert_eq!(d.id.as_deref(), Some("a"));
        assert_eq!(d.text, "نص");
        assert_eq!(d.published.as_deref(), Some("2015-07-21 02:51:32"));
    }

    #[test]
    fn mention_is_tagged_by_kind() {
        let m = Mention::Number(NumberMention {
            text: "49".into(),
            span: Span::new(0, 2),
            value: 49.0,
            qualifier: Qualifier::Exact,
            ordinal: false,
        });
        let v = serde_json::to_value(&m).unwrap_or_default();
        assert_eq!(v["kind"], "number");
        assert_eq!(v["span"], serde_json::json!([0, 2]));
    }
}
