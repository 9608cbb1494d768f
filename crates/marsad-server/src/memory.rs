//! An in-memory [`Backend`]: for tests, fixtures and `marsad serve` without a database.
//!
//! Its fusion is a stand-in for `marsad-fuse`: events of the same category and day between the same
//! set of countries are linked, and the link is contested when their claimants or death figures differ.

use crate::backend::{
    Backend, BackendError, DocumentView, EventDetail, EventPage, EventQuery, EventRecord, ExportPage,
    IngestDoc, IngestSummary, Stats, event_countries,
};
use marsad_model::{Count, Event, InputDoc};
use marsad_store::StoredEvent;
use std::collections::{BTreeMap, BTreeSet};
use std::sync::RwLock;

#[derive(Debug, Default)]
struct Inner {
    docs: BTreeMap<String, InputDoc>,
    langs: BTreeMap<String, Option<String>>,
    events: Vec<EventRecord>,
}

/// Documents and events held in memory, lost at exit.
#[derive(Debug, Default)]
pub struct MemoryBackend {
    inner: RwLock<Inner>,
}

impl MemoryBackend {
    /// An empty store.
    pub fn new() -> Self {
        Self::default()
    }

    fn read(&self) -> Result<std::sync::RwLockReadGuard<'_, Inner>, BackendError> {
        self.inner
            .read()
            .map_err(|_| BackendError::new("memory store lock poisoned"))
    }
}

impl Backend for MemoryBackend {
    fn ingest(&self, docs: Vec<IngestDoc>) -> Result<IngestSummary, BackendError> {
        let mut inner = self
            .inner
            .write()
            .map_err(|_| BackendError::new("memory store lock poisoned"))?;
        let mut sum = IngestSummary::default();
        for d in docs {
            let id = d.output.doc_id.clone();
            if inner.docs.get(&id).is_some_and(|old| old.text == d.input.text) {
                sum.skipped += 1;
                continue;
            }
            inner.events.retain(|e| e.doc_id != id);
            sum.stored += 1;
            sum.events += d.output.events.len();
            inner
                .events
                .extend(d.output.events.into_iter().map(|event| EventRecord {
                    event,
                    doc_id: id.clone(),
                    fused_id: None,
                    contested: false,
                }));
            inner.langs.insert(id.clone(), d.output.lang);
            inner.docs.insert(id, d.input);
        }
        fuse(&mut inner.events);
        inner.events.sort_by(|a, b| {
            b.event
                .date
                .cmp(&a.event.date)
                .then_with(|| a.event.id.cmp(&b.event.id))
        });
        Ok(sum)
    }

    fn events(&self, query: &EventQuery) -> Result<EventPage, BackendError> {
        let inner = self.read()?;
        let matching: Vec<&EventRecord> = inner.events.iter().filter(|r| query.matches(r)).collect();
        Ok(EventPage {
            total: matching.len(),
            events: matching
                .into_iter()
                .skip(query.offset)
                .take(query.limit)
                .cloned()
                .collect(),
        })
    }

    fn export(&self, query: &EventQuery) -> Result<ExportPage, BackendError> {
        let page = self.events(query)?;
        let inner = self.read()?;
        let events = page
            .events
            .into_iter()
            .map(|r| {
                let doc = inner.docs.get(&r.doc_id);
                StoredEvent {
                    published: doc.and_then(|d| d.published.clone()),
                    url: doc.and_then(|d| d.url.clone()),
                    source: doc.and_then(|d| d.source.clone()),
                    doc_id: r.doc_id,
                    fused_id: r.fused_id,
                    contested: r.contested,
                    event: r.event,
                }
            })
            .collect();
        Ok(ExportPage {
            events,
            fused: Vec::new(),
            total: page.total,
        })
    }

    fn event(&self, id: &str) -> Result<Option<EventDetail>, BackendError> {
        let inner = self.read()?;
        let Some(rec) = inner.events.iter().find(|r| r.event.id == id) else {
            return Ok(None);
        };
        let claims: Vec<EventRecord> = match &rec.fused_id {
            Some(f) => inner
                .events
                .iter()
                .filter(|r| r.fused_id.as_ref() == Some(f))
                .cloned()
                .collect(),
            None => vec![rec.clone()],
        };
        let doc_ids: BTreeSet<&str> = claims.iter().map(|c| c.doc_id.as_str()).collect();
        let documents = doc_ids
            .into_iter()
            .filter_map(|d| {
                let input = inner.docs.get(d)?;
                Some(document_view(d, input, inner.langs.get(d).cloned().flatten()))
            })
            .collect();
        Ok(Some(EventDetail {
            disputes: disputes(&claims),
            event: rec.clone(),
            claims,
            documents,
        }))
    }

    fn stats(&self) -> Result<Stats, BackendError> {
        let inner = self.read()?;
        let mut st = Stats {
            documents: inner.docs.len(),
            events: inner.events.len(),
            ..Stats::default()
        };
        let mut dates = BTreeSet::new();
        let fused: BTreeSet<(&str, bool)> = inner
            .events
            .iter()
            .filter_map(|r| Some((r.fused_id.as_deref()?, r.contested)))
            .collect();
        st.fused = fused.len();
        st.contested = fused.iter().filter(|f| f.1).count();
        for r in &inner.events {
            *st.by_category.entry(r.event.event.to_string()).or_default() += 1;
            let countries: BTreeSet<&str> = event_countries(&r.event).collect();
            for c in countries {
                *st.by_country.entry(c.to_string()).or_default() += 1;
            }
            dates.extend(r.event.date.clone());
        }
        st.date_range = dates.first().cloned().zip(dates.last().cloned());
        Ok(st)
    }
}

/// The API view of a stored input document.
pub fn document_view(doc_id: &str, input: &InputDoc, lang: Option<String>) -> DocumentView {
    DocumentView {
        doc_id: doc_id.to_string(),
        title: input.title.clone(),
        url: input.url.clone(),
        source: input.source.clone(),
        published: input
            .published
            .as_deref()
            .and_then(marsad_extract::published_date)
            .or_else(|| input.published.clone()),
        lang: lang.or_else(|| input.lang.clone()),
        text: input.text.clone(),
    }
}

/// What the claims of one fused event disagree on.
fn disputes(claims: &[EventRecord]) -> Vec<String> {
    let Some(first) = claims.first() else {
        return Vec::new();
    };
    let mut out = Vec::new();
    if claims.iter().any(|c| c.event.dead != first.event.dead) {
        out.push("dead".to_string());
    }
    let claimant = |c: &EventRecord| c.event.claim_by.as_ref().and_then(|e| e.country.clone());
    if claims.iter().any(|c| claimant(c) != claimant(first)) {
        out.push("blame".to_string());
    }
    out
}

/// The key under which the stand-in fusion links events.
fn fusion_key(ev: &Event) -> Option<(String, String, BTreeSet<String>)> {
    let date = ev.date.clone()?;
    let sides: BTreeSet<String> = ev
        .actor
        .iter()
        .chain(&ev.recipient)
        .filter_map(|e| match e.country.as_deref()? {
            // Each international organisation or NGO is a side of its own.
            c @ ("IGO" | "NGO" | "UNK") => Some(format!("{c}:{}", e.name.as_deref().unwrap_or(&e.text))),
            c => Some(c.to_string()),
        })
        .collect();
    (!sides.is_empty()).then(|| (ev.event.to_string(), date, sides))
}

/// Links events under [`fusion_key`]; a group whose claimants or figures differ is contested.
fn fuse(events: &mut [EventRecord]) {
    let mut groups: BTreeMap<(String, String, BTreeSet<String>), Vec<usize>> = BTreeMap::new();
    for (i, r) in events.iter().enumerate() {
        if let Some(k) = fusion_key(&r.event) {
            groups.entry(k).or_default().push(i);
        }
    }
    for r in events.iter_mut() {
        r.fused_id = None;
        r.contested = false;
    }
    for members in groups.into_values().filter(|m| m.len() > 1) {
        let claimants: BTreeSet<Option<&str>> = members
            .iter()
            .map(|&i| {
                events[i]
                    .event
                    .claim_by
                    .as_ref()
                    .and_then(|c| c.country.as_deref())
            })
            .collect();
        let first_dead: Option<Count> = events[members[0]].event.dead;
        let figures_differ = members.iter().any(|&i| events[i].event.dead != first_dead);
        let contested = claimants.len() > 1 || figures_differ;
        let fused = format!("fused:{}", events[members[0]].event.id);
        for i in members {
            events[i].fused_id = Some(fused.clone());
            events[i].contested = contested;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use marsad_model::{Category, DocOutput, Entity};

    fn side(country: &str) -> Entity {
        Entity {
            text: country.into(),
            country: Some(country.into()),
            ..Entity::default()
        }
    }

    fn doc(id: &str, text: &str, events: Vec<Event>) -> IngestDoc {
        let mut output = DocOutput::new(id);
        output.events = events;
        IngestDoc {
            input: InputDoc {
                id: Some(id.into()),
                text: text.into(),
                ..InputDoc::default()
            },
            output,
        }
    }

    fn assault(id: &str, a: &str, r: &str, claim: &str) -> Event {
        let mut e = Event::new(id, Category::Assault);
        e.date = Some("2022-09-13".into());
        e.actor = vec![side(a)];
        e.recipient = vec![side(r)];
        e.claim_by = Some(side(claim));
        e
    }

    #[test]
    fn mirror_claims_are_contested_and_reingest_is_skipped() {
        let b = MemoryBackend::new();
        let d = doc(
            "a",
            "text",
            vec![
                assault("a:e1", "AZE", "ARM", "ARM"),
                assault("a:e2", "ARM", "AZE", "AZE"),
            ],
        );
        let s = b.ingest(vec![d.clone()]).expect("ingest");
        assert_eq!((s.stored, s.events), (1, 2));
        assert_eq!(b.ingest(vec![d]).expect("ingest").skipped, 1);
        let detail = b.event("a:e1").expect("event").expect("present");
        assert!(detail.event.contested);
        assert_eq!(detail.claims.len(), 2);
        assert_eq!(detail.documents.len(), 1);
        assert_eq!(b.stats().expect("stats").contested, 1);
        assert_eq!(detail.disputes, ["blame"]);
        assert!(b.event("nope").expect("event").is_none());
    }
}
