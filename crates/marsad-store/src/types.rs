//! Values the store takes and returns.

use marsad_model::{Category, DocOutput, Event, InputDoc};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

/// A stored document: its metadata and original text.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    /// Document id (the input's id, URL or `file:line`).
    pub id: String,
    /// Where it came from.
    pub url: Option<String>,
    /// Headline.
    pub title: Option<String>,
    /// Publication date, `YYYY-MM-DD`.
    pub published: Option<String>,
    /// Outlet.
    pub source: Option<String>,
    /// ISO 639-1 language.
    pub lang: Option<String>,
    /// [`content_hash`] of the input.
    pub content_hash: String,
    /// The original text, which every span points into.
    pub text: String,
    /// The extraction's warnings.
    #[serde(default)]
    pub warnings: Vec<String>,
}

/// The content hash of an input document: SHA-256 (hex) over its title, publication date and text.
/// Two inputs with the same hash are the same document.
pub fn content_hash(doc: &InputDoc) -> String {
    let mut h = Sha256::new();
    for part in [
        doc.title.as_deref(),
        doc.published.as_deref(),
        Some(doc.text.as_str()),
    ] {
        let part = part.unwrap_or("");
        h.update((part.len() as u64).to_le_bytes());
        h.update(part.as_bytes());
    }
    h.finalize().iter().map(|b| format!("{b:02x}")).collect()
}

/// A document and what extraction made of it, ready to be written.
#[derive(Debug, Clone, PartialEq)]
pub struct StoredDoc {
    /// The document (its `id` must equal `output.doc_id`).
    pub doc: Document,
    /// The extraction output.
    pub output: DocOutput,
}

impl StoredDoc {
    /// Pairs an input document (with its id set) and its extraction output.
    pub fn new(input: &InputDoc, output: DocOutput) -> Self {
        let doc = Document {
            id: output.doc_id.clone(),
            url: input.url.clone(),
            title: input.title.clone(),
            published: output.published.clone(),
            source: input.source.clone(),
            lang: output.lang.clone(),
            content_hash: content_hash(input),
            text: input.text.clone(),
            warnings: output.warnings.clone(),
        };
        StoredDoc { doc, output }
    }
}

/// A document id and its content hash, to ask the store what it knows.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct DocKey {
    /// Document id.
    pub id: String,
    /// [`content_hash`].
    pub hash: String,
}

/// What the store knows of a document key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocState {
    /// Never seen: extract and write it.
    New,
    /// Stored with the same content: skip it.
    Unchanged,
    /// Stored with other content: extract again and replace.
    Changed,
    /// Its content is stored under another id (given): skip it.
    Duplicate(String),
}

/// What one [`crate::Store::write_batch`] did.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BatchReport {
    /// New documents stored.
    pub inserted: usize,
    /// Changed documents replaced.
    pub replaced: usize,
    /// Unchanged documents skipped.
    pub unchanged: usize,
    /// Duplicates (same content, another id) skipped.
    pub duplicates: usize,
    /// Events written.
    pub events: usize,
}

impl std::ops::AddAssign for BatchReport {
    fn add_assign(&mut self, o: Self) {
        self.inserted += o.inserted;
        self.replaced += o.replaced;
        self.unchanged += o.unchanged;
        self.duplicates += o.duplicates;
        self.events += o.events;
    }
}

/// A bounding box in degrees: `[min_lon, min_lat, max_lon, max_lat]` (GeoJSON order).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct BBox {
    /// Western edge.
    pub min_lon: f64,
    /// Southern edge.
    pub min_lat: f64,
    /// Eastern edge.
    pub max_lon: f64,
    /// Northern edge.
    pub max_lat: f64,
}

impl std::str::FromStr for BBox {
    type Err = String;

    /// Parses `minlon,minlat,maxlon,maxlat`.
    fn from_str(s: &str) -> Result<Self, String> {
        let v: Vec<f64> = s
            .split(',')
            .map(|p| {
                p.trim()
                    .parse::<f64>()
                    .map_err(|e| format!("bad bbox number {p:?}: {e}"))
            })
            .collect::<Result<_, _>>()?;
        let [min_lon, min_lat, max_lon, max_lat] = v[..] else {
            return Err(format!(
                "bbox needs 4 numbers minlon,minlat,maxlon,maxlat, got {s:?}"
            ));
        };
        if min_lon > max_lon || min_lat > max_lat {
            return Err(format!("bbox {s:?}: minimum above maximum"));
        }
        Ok(BBox {
            min_lon,
            min_lat,
            max_lon,
            max_lat,
        })
    }
}

/// Which events to return. Every field narrows; the default returns everything.
///
/// Dates may be `YYYY`, `YYYY-MM` or `YYYY-MM-DD`: `since` keeps events that can fall on or after the
/// first day it names, `until` those that can fall on or before the last day it names.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct EventFilter {
    /// Events whose date can fall on or after this day; undated events are excluded.
    pub since: Option<String>,
    /// Events whose date can fall on or before this day; undated events are excluded.
    pub until: Option<String>,
    /// Events with one of these ISO 3166-1 alpha-3 codes (upper case) on a place, the actor or the
    /// recipient side.
    pub countries: Vec<String>,
    /// Events with a place inside this box.
    pub bbox: Option<BBox>,
    /// Only these categories.
    pub categories: Vec<Category>,
    /// Only events of a contested fused event (`true`) or only the others (`false`).
    pub contested: Option<bool>,
    /// Only events of these documents.
    pub doc_ids: Vec<String>,
    /// Only members of these fused events.
    pub fused_ids: Vec<String>,
    /// At most this many.
    pub limit: Option<usize>,
    /// Skip this many first (with the order of [`crate::Store::events`]).
    pub offset: usize,
}

/// A stored event with its document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StoredEvent {
    /// The document it was extracted from.
    pub doc_id: String,
    /// The document's publication date.
    pub published: Option<String>,
    /// The document's URL.
    pub url: Option<String>,
    /// The document's outlet.
    pub source: Option<String>,
    /// The fused event it belongs to, if fusion linked it.
    pub fused_id: Option<String>,
    /// True when that fused event is contested.
    #[serde(default)]
    pub contested: bool,
    /// The event, as extracted.
    pub event: Event,
}

/// A document found by full-text search.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SearchHit {
    /// Document id.
    pub id: String,
    /// Headline.
    pub title: Option<String>,
    /// Publication date.
    pub published: Option<String>,
    /// A short excerpt with the matches.
    pub snippet: String,
    /// BM25 rank (lower is better).
    pub rank: f64,
}

/// Counts over the whole store.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize)]
pub struct Stats {
    /// Stored documents.
    pub documents: u64,
    /// Documents skipped as duplicates of stored ones.
    pub aliases: u64,
    /// Stored events.
    pub events: u64,
    /// Mentions.
    pub mentions: u64,
    /// Fused events.
    pub fused: u64,
    /// Contested fused events.
    pub contested: u64,
    /// Ceasefires.
    pub ceasefires: u64,
    /// Events by category, sorted by count (descending) then name.
    pub by_category: Vec<(String, u64)>,
    /// Events by place country, sorted by count (descending) then code.
    pub by_country: Vec<(String, u64)>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bbox_parses_and_rejects() {
        let b: BBox = "44,38,47,42".parse().expect("valid bbox");
        assert_eq!(b.min_lon, 44.0);
        assert_eq!(b.max_lat, 42.0);
        assert!("1,2,3".parse::<BBox>().is_err());
        assert!("5,2,3,4".parse::<BBox>().is_err());
        assert!("a,2,3,4".parse::<BBox>().is_err());
    }

    #[test]
    fn hash_depends_on_every_part() {
        let a = InputDoc {
            text: "نص".into(),
            ..Default::default()
        };
        let mut b = a.clone();
        b.title = Some("عنوان".into());
        assert_ne!(content_hash(&a), content_hash(&b));
        assert_eq!(content_hash(&a), content_hash(&a.clone()));
        assert_eq!(content_hash(&a).len(), 64);
    }
}
