//! What the API needs from a store: the [`Backend`] trait and the records it trades in.
//!
//! The server is written against this small trait so that any store (the in-memory one in
//! [`crate::memory`], the SQLite store of `marsad-store`, a PostgreSQL one later) plugs in through one
//! adapter. Calls are synchronous and batch-oriented; the server runs them on blocking threads.

use marsad_model::{Category, DocOutput, Event, InputDoc};
use serde::{Deserialize, Serialize};

/// A store failure. The message is logged by the server, never sent to clients.
#[derive(Debug, thiserror::Error)]
#[error("store error: {0}")]
pub struct BackendError(pub String);

impl BackendError {
    /// Wraps any displayable error.
    pub fn new(err: impl std::fmt::Display) -> Self {
        BackendError(err.to_string())
    }
}

/// One document to store: the input (its text is kept for evidence) and its extracted output.
#[derive(Debug, Clone, PartialEq)]
pub struct IngestDoc {
    /// The document as received; `id` is set.
    pub input: InputDoc,
    /// What extraction produced for it.
    pub output: DocOutput,
}

/// What an ingest did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct IngestSummary {
    /// Documents stored (new or changed).
    pub stored: usize,
    /// Documents already stored with the same content, skipped.
    pub skipped: usize,
    /// Events stored.
    pub events: usize,
}

/// A bounding box in degrees: west, south, east, north.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BBox {
    /// Minimum longitude.
    pub min_lon: f64,
    /// Minimum latitude.
    pub min_lat: f64,
    /// Maximum longitude.
    pub max_lon: f64,
    /// Maximum latitude.
    pub max_lat: f64,
}

impl BBox {
    /// True when the point lies inside (edges included).
    pub fn contains(&self, lon: f64, lat: f64) -> bool {
        (self.min_lon..=self.max_lon).contains(&lon) && (self.min_lat..=self.max_lat).contains(&lat)
    }
}

/// Filters and page of an event listing. Every filter set must match.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EventQuery {
    /// Earliest date (`YYYY-MM-DD`, or a prefix of one), inclusive.
    pub since: Option<String>,
    /// Latest date, inclusive.
    pub until: Option<String>,
    /// ISO 3166-1 alpha-3 codes (upper case): an actor, recipient or place of one of them.
    pub countries: Vec<String>,
    /// Any of these categories.
    pub categories: Vec<Category>,
    /// Only contested (true) or only uncontested (false) events.
    pub contested: Option<bool>,
    /// At least one place inside.
    pub bbox: Option<BBox>,
    /// Page size.
    pub limit: usize,
    /// Events to skip.
    pub offset: usize,
}

impl EventQuery {
    /// True when `rec` passes every filter (the page is not considered).
    pub fn matches(&self, rec: &EventRecord) -> bool {
        let ev = &rec.event;
        if !self.categories.is_empty() && !self.categories.contains(&ev.event) {
            return false;
        }
        if self.contested.is_some_and(|c| c != rec.contested) {
            return false;
        }
        if (self.since.is_some() || self.until.is_some()) && !self.date_matches(ev.date.as_deref()) {
            return false;
        }
        if !self.countries.is_empty() && !event_countries(ev).any(|c| self.countries.iter().any(|q| q == c)) {
            return false;
        }
        if let Some(b) = self.bbox {
            let inside = ev.places.iter().any(|p| match (p.lon, p.lat) {
                (Some(lon), Some(lat)) => b.contains(lon, lat),
                _ => false,
            });
            if !inside {
                return false;
            }
        }
        true
    }

    /// A partial date (`YYYY` or `YYYY-MM`) matches when the period it names overlaps the range.
    fn date_matches(&self, date: Option<&str>) -> bool {
        let Some(d) = date else { return false };
        // '~' sorts after every digit and '-': "2022-09~" is the end of September 2022.
        let end = format!("{d}~");
        self.since.as_deref().is_none_or(|s| end.as_str() >= s)
            && self.until.as_deref().is_none_or(|u| d <= u)
    }
}

/// Every country code an event names: actors, recipients and places.
pub fn event_countries(ev: &Event) -> impl Iterator<Item = &str> {
    ev.actor
        .iter()
        .chain(&ev.recipient)
        .filter_map(|e| e.country.as_deref())
        .chain(ev.places.iter().filter_map(|p| p.country.as_deref()))
}

/// One stored event as the API lists it: the contract's event plus where it came from and whether it
/// is part of a contested fused event.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventRecord {
    /// The event, with every contract field (its `id` is the record's id).
    #[serde(flatten)]
    pub event: Event,
    /// The document it was extracted from.
    pub doc_id: String,
    /// The fused event it belongs to, when fusion linked it to others.
    #[serde(default)]
    pub fused_id: Option<String>,
    /// True when the fused event's reports disagree (figures, blame, or asserted vs negated).
    #[serde(default)]
    pub contested: bool,
}

/// A stored document, with the text its spans point into.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct DocumentView {
    /// Document id.
    pub doc_id: String,
    /// Headline.
    pub title: Option<String>,
    /// Where it came from.
    pub url: Option<String>,
    /// Outlet.
    pub source: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// ISO 639-1 language.
    pub lang: Option<String>,
    /// The original text: every span of its events indexes it in code points.
    pub text: String,
}

/// One event with everything behind it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct EventDetail {
    /// The event asked for.
    pub event: EventRecord,
    /// Every claim about the same real event (this one included), each with its `claim_by`.
    pub claims: Vec<EventRecord>,
    /// The documents of the event and of its claims.
    pub documents: Vec<DocumentView>,
    /// What the claims disagree on (`dead`, `injured`, `blame`, `status`); empty when uncontested.
    #[serde(default)]
    pub disputes: Vec<String>,
}

/// Counts for `/v1/stats`.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Stats {
    /// Documents stored.
    pub documents: usize,
    /// Events stored.
    pub events: usize,
    /// Fused events (several reports of one real event).
    pub fused: usize,
    /// Of which contested.
    pub contested: usize,
    /// Events by PLOVER category.
    pub by_category: std::collections::BTreeMap<String, usize>,
    /// Events by country (actors, recipients and places; an event counts once per country).
    pub by_country: std::collections::BTreeMap<String, usize>,
    /// Earliest and latest event dates.
    pub date_range: Option<(String, String)>,
}

/// A page of events.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct EventPage {
    /// Events matching the filters, in date order (newest first), at most `limit`.
    pub events: Vec<EventRecord>,
    /// Events matching the filters, over all pages.
    pub total: usize,
}

/// A page of events with what the export formats need: the documents' metadata and the fused events.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ExportPage {
    /// Events matching the filters, in listing order, at most `limit`.
    pub events: Vec<marsad_store::StoredEvent>,
    /// The fused events of those events.
    pub fused: Vec<marsad_fuse::FusedEvent>,
    /// Events matching the filters, over all pages.
    pub total: usize,
}

/// The storage the API runs on.
pub trait Backend: Send + Sync + 'static {
    /// Stores a batch of extracted documents (one transaction where the store has them).
    fn ingest(&self, docs: Vec<IngestDoc>) -> Result<IngestSummary, BackendError>;
    /// Lists events matching `query`.
    fn events(&self, query: &EventQuery) -> Result<EventPage, BackendError>;
    /// Lists events matching `query` for the export formats (`GET /v1/events?format=plover` and the
    /// others).
    fn export(&self, query: &EventQuery) -> Result<ExportPage, BackendError>;
    /// One event with its claims and documents; `None` when there is no such id.
    fn event(&self, id: &str) -> Result<Option<EventDetail>, BackendError>;
    /// Counts.
    fn stats(&self) -> Result<Stats, BackendError>;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(date: Option<&str>) -> EventRecord {
        let mut event = Event::new("d:e1", Category::Assault);
        event.date = date.map(str::to_string);
        EventRecord {
            event,
            doc_id: "d".into(),
            fused_id: None,
            contested: false,
        }
    }

    #[test]
    fn partial_dates_overlap_ranges() {
        let q = EventQuery {
            since: Some("2022-09-13".into()),
            until: Some("2022-09-20".into()),
            ..EventQuery::default()
        };
        assert!(q.matches(&rec(Some("2022-09"))));
        assert!(q.matches(&rec(Some("2022-09-13"))));
        assert!(q.matches(&rec(Some("2022"))));
        assert!(!q.matches(&rec(Some("2022-09-12"))));
        assert!(!q.matches(&rec(Some("2022-09-21"))));
        assert!(!q.matches(&rec(None)));
        assert!(EventQuery::default().matches(&rec(None)));
    }

    #[test]
    fn bbox_contains_edges() {
        let b = BBox {
            min_lon: 44.0,
            min_lat: 38.0,
            max_lon: 47.0,
            max_lat: 42.0,
        };
        assert!(b.contains(44.0, 42.0));
        assert!(!b.contains(43.9, 40.0));
    }
}
