//! [`Backend`] over a `marsad-store` [`Store`] (SQLite today, PostgreSQL later): writes are stored in
//! one batch and then fused again with `marsad-fuse`; reads push the filters the store understands
//! down and check the rest here.

use crate::backend::{
    Backend, BackendError, DocumentView, EventDetail, EventPage, EventQuery, EventRecord, IngestDoc,
    IngestSummary, Stats,
};
use marsad_fuse::{FusedEvent, FusionConfig, Report};
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

    /// Recomputes fusion over every stored event.
    fn refuse(&self) -> Result<(), BackendError> {
        let events = self
            .store
            .events(&EventFilter::default())
            .map_err(BackendError::new)?;
        let reports: Vec<Report<'_>> = events
            .iter()
            .map(|s| Report {
                doc_id: &s.doc_id,
                published: s.published.as_deref(),
                event: &s.event,
            })
            .collect();
        let fusion = marsad_fuse::fuse(&reports, &self.fusion);
        self.store.replace_fusion(&fusion).map_err(BackendError::new)
    }

    fn contested_ids(&self, filter: &EventFilter) -> Result<BTreeSet<String>, BackendError> {
        let fused = self.store.fused_events(filter).map_err(BackendError::new)?;
        Ok(fused.into_iter().filter(|f| f.contested).map(|f| f.id).collect())
    }

    fn fused_of(&self, ev: &StoredEvent) -> Result<Option<FusedEvent>, BackendError> {
        let Some(fid) = &ev.fused_id else { return Ok(None) };
        let filter = EventFilter {
            doc_id: Some(ev.doc_id.clone()),
            ..EventFilter::default()
        };
        let fused = self.store.fused_events(&filter).map_err(BackendError::new)?;
        Ok(fused.into_iter().find(|f| &f.id == fid))
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

fn record(s: StoredEvent, contested: &BTreeSet<String>) -> EventRecord {
    EventRecord {
        contested: s.fused_id.as_ref().is_some_and(|f| contested.contains(f)),
        event: s.event,
        doc_id: s.doc_id,
        fused_id: s.fused_id,
    }
}

/// The part of `q` the store can apply itself (the rest is checked by [`EventQuery::matches`]).
fn pushdown(q: &EventQuery) -> EventFilter {
    let full_date = |d: &Option<String>| d.clone().filter(|d| d.len() == 10);
    EventFilter {
        since: full_date(&q.since),
        until: full_date(&q.until),
        country: (q.countries.len() == 1).then(|| q.countries[0].clone()),
        bbox: q.bbox.map(|b| marsad_store::BBox {
            min_lon: b.min_lon,
            min_lat: b.min_lat,
            max_lon: b.max_lon,
            max_lat: b.max_lat,
        }),
        category: (q.categories.len() == 1).then(|| q.categories[0]),
        doc_id: None,
        limit: None,
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
        self.refuse()?;
        Ok(IngestSummary {
            stored: r.inserted + r.replaced,
            skipped: r.unchanged + r.duplicates,
            events: r.events,
        })
    }

    fn events(&self, query: &EventQuery) -> Result<EventPage, BackendError> {
        let filter = pushdown(query);
        let stored = self.store.events(&filter).map_err(BackendError::new)?;
        let contested = self.contested_ids(&filter)?;
        let matching: Vec<EventRecord> = stored
            .into_iter()
            .map(|s| record(s, &contested))
            .filter(|r| query.matches(r))
            .collect();
        Ok(EventPage {
            total: matching.len(),
            events: matching
                .into_iter()
                .skip(query.offset)
                .take(query.limit)
                .collect(),
        })
    }

    fn event(&self, id: &str) -> Result<Option<EventDetail>, BackendError> {
        let Some(ev) = self.store.event(id).map_err(BackendError::new)? else {
            return Ok(None);
        };
        let fused = self.fused_of(&ev)?;
        let contested: BTreeSet<String> = fused
            .iter()
            .filter(|f| f.contested)
            .map(|f| f.id.clone())
            .collect();
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
                        claims.push(record(s, &contested));
                    }
                }
            }
            None => claims.push(record(ev.clone(), &contested)),
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
            event: record(ev, &contested),
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
