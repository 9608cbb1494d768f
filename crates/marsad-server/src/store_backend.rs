//! [`Backend`] over a `marsad-store` [`Store`] (SQLite today, PostgreSQL later): writes are stored in
//! one batch and then fused incrementally (only the clusters the new documents touch); listings are
//! one filtered, paged store query plus a count.

use crate::backend::{
    Backend, BackendError, DocumentView, EventDetail, EventPage, EventQuery, EventRecord, ExportPage,
    IngestDoc, IngestSummary, Stats,
};
use marsad_fuse::{FusedEvent, FusionConfig};
use marsad_store::{EventFilter, Store, StoredDoc, StoredEvent};
use std::collections::{BTreeMap, BTreeSet};
use std::sync::Mutex;

/// The API's backend over a store.
pub struct StoreBackend {
    store: Box<dyn Store>,
    fusion: FusionConfig,
    /// Serialises ingest + fusion so two writers never fuse half of each other's batches.
    write_lock: Mutex<()>,
}

impl std::fmt::Debug for StoreBackend {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("StoreBackend")
            .field("backend", &self.store.backend())
            .finish_non_exhaustive()
    }
}

impl StoreBackend {
    /// Serves `store`, fusing with `fusion` after each write.
    pub fn new(store: Box<dyn Store>, fusion: FusionConfig) -> Self {
        StoreBackend {
            store,
            fusion,
            write_lock: Mutex::new(()),
        }
    }

    fn fused_of(&self, ev: &StoredEvent) -> Result<Option<FusedEvent>, BackendError> {
        let Some(fid) = &ev.fused_id else { return Ok(None) };
        self.store.fused_event(fid).map_err(BackendError::new)
    }

    fn document(&self, id: &str) -> Result<Option<DocumentView>, BackendError> {
        Ok(self
            .store
            .document(id)
            .map_err(BackendError::new)?
            .map(|d| DocumentView {
                doc_id: d.id,
                title: d.title,
                url: d.url,
                source: d.source,
                published: d.published,
                lang: d.lang,
                text: d.text,
            }))
    }
}

fn record(s: StoredEvent) -> EventRecord {
    EventRecord {
        contested: s.contested,
        event: s.event,
        doc_id: s.doc_id,
        fused_id: s.fused_id,
    }
}

/// The store filter of an API query: every filter and the page go to the store, as one indexed query.
pub fn store_filter(q: &EventQuery) -> EventFilter {
    EventFilter {
        since: q.since.clone(),
        until: q.until.clone(),
        countries: q.countries.clone(),
        bbox: q.bbox.map(|b| marsad_store::BBox {
            min_lon: b.min_lon,
            min_lat: b.min_lat,
            max_lon: b.max_lon,
            max_lat: b.max_lat,
        }),
        categories: q.categories.clone(),
        contested: q.contested,
        limit: Some(q.limit),
        offset: q.offset,
        ..EventFilter::default()
    }
}

impl Backend for StoreBackend {
    fn ingest(&self, docs: Vec<IngestDoc>) -> Result<IngestSummary, BackendError> {
        let batch: Vec<StoredDoc> = docs
            .into_iter()
            .map(|d| StoredDoc::new(&d.input, d.output))
            .collect();
        let _guard = self
            .write_lock
            .lock()
            .map_err(|_| BackendError::new("write lock poisoned"))?;
        let r = self.store.write_batch(&batch).map_err(BackendError::new)?;
        marsad_store::fusion::update(self.store.as_ref(), &self.fusion).map_err(BackendError::new)?;
        Ok(IngestSummary {
            stored: r.inserted + r.replaced,
            skipped: r.unchanged + r.duplicates,
            events: r.events,
        })
    }

    fn events(&self, query: &EventQuery) -> Result<EventPage, BackendError> {
        let filter = store_filter(query);
        let total = self.store.count_events(&filter).map_err(BackendError::new)?;
        let events = self.store.events(&filter).map_err(BackendError::new)?;
        Ok(EventPage {
            total: usize::try_from(total).unwrap_or(usize::MAX),
            events: events.into_iter().map(record).collect(),
        })
    }

    fn export(&self, query: &EventQuery) -> Result<ExportPage, BackendError> {
        let filter = store_filter(query);
        let total = self.store.count_events(&filter).map_err(BackendError::new)?;
        let events = self.store.events(&filter).map_err(BackendError::new)?;
        let fused_ids: BTreeSet<String> = events.iter().filter_map(|e| e.fused_id.clone()).collect();
        let fused = if fused_ids.is_empty() {
            Vec::new()
        } else {
            let by_id = EventFilter {
                fused_ids: fused_ids.into_iter().collect(),
                ..EventFilter::default()
            };
            self.store.fused_events(&by_id).map_err(BackendError::new)?
        };
        Ok(ExportPage {
            events,
            fused,
            total: usize::try_from(total).unwrap_or(usize::MAX),
        })
    }

    fn event(&self, id: &str) -> Result<Option<EventDetail>, BackendError> {
        let Some(ev) = self.store.event(id).map_err(BackendError::new)? else {
            return Ok(None);
        };
        let fused = self.fused_of(&ev)?;
        let mut claims = Vec::new();
        let mut disputes = Vec::new();
        match &fused {
            Some(f) => {
                disputes = f
                    .disputes
                    .iter()
                    .filter_map(|d| serde_json::to_value(d).ok()?.as_str().map(str::to_string))
                    .collect();
                for c in &f.claims {
                    if let Some(s) = self.store.event(&c.event_id).map_err(BackendError::new)? {
                        claims.push(record(s));
                    }
                }
            }
            None => claims.push(record(ev.clone())),
        }
        let doc_ids: BTreeSet<String> = claims
            .iter()
            .map(|c| c.doc_id.clone())
            .chain([ev.doc_id.clone()])
            .collect();
        let mut documents = Vec::new();
        for d in doc_ids {
            documents.extend(self.document(&d)?);
        }
        Ok(Some(EventDetail {
            event: record(ev),
            claims,
            documents,
            disputes,
        }))
    }

    fn stats(&self) -> Result<Stats, BackendError> {
        let s = self.store.stats().map_err(BackendError::new)?;
        let to_map = |v: Vec<(String, u64)>| -> BTreeMap<String, usize> {
            v.into_iter()
                .map(|(k, n)| (k, usize::try_from(n).unwrap_or(usize::MAX)))
                .collect()
        };
        let n = |x: u64| usize::try_from(x).unwrap_or(usize::MAX);
        Ok(Stats {
            documents: n(s.documents),
            events: n(s.events),
            fused: n(s.fused),
            contested: n(s.contested),
            by_category: to_map(s.by_category),
            by_country: to_map(s.by_country),
            date_range: None,
        })
    }
}
