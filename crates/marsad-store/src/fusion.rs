//! Keeping fusion results in step with the stored events, through any [`Store`].
//!
//! [`update`] is incremental: it takes the documents written since the last fusion (the store's
//! pending list), finds the category and day ranges their events can link into
//! ([`marsad_fuse::slices`]), loads only the events there plus every member of the fused events they
//! touch, links them again and swaps the old fused events for the new ones in one transaction.
//! Ceasefires are recomputed from the ceasefire openings and the attacks inside their windows only.
//! [`recompute`] does everything from scratch (after a change of thresholds).

use crate::{EventFilter, Result, Store, StoredEvent};
use marsad_fuse::{Ceasefire, FusionConfig, Report};
use marsad_model::Category;
use std::collections::{BTreeMap, BTreeSet};

/// Documents per query when loading the events of pending documents.
const CHUNK: usize = 500;

/// What a fusion pass did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct FusionCounts {
    /// Documents taken off the pending list.
    pub documents: usize,
    /// Events looked at.
    pub events: usize,
    /// Fused events written.
    pub fused: usize,
    /// Of which contested.
    pub contested: usize,
    /// Ceasefires.
    pub ceasefires: usize,
}

/// The fusion view of stored events.
pub(crate) fn reports(events: &[StoredEvent]) -> Vec<Report<'_>> {
    events
        .iter()
        .map(|s| Report {
            doc_id: &s.doc_id,
            published: s.published.as_deref(),
            event: &s.event,
        })
        .collect()
}

/// Recomputes every fused event and ceasefire over all stored events.
pub fn recompute(store: &dyn Store, cfg: &FusionConfig) -> Result<FusionCounts> {
    let events = store.events(&EventFilter::default())?;
    let fusion = marsad_fuse::fuse(&reports(&events), cfg);
    store.replace_fusion(&fusion)?;
    Ok(FusionCounts {
        documents: 0,
        events: events.len(),
        fused: fusion.fused.len(),
        contested: fusion.fused.iter().filter(|f| f.contested).count(),
        ceasefires: fusion.ceasefires.len(),
    })
}

/// Adds the events `filter` selects to `by_id`, keyed by event id.
fn load(store: &dyn Store, filter: &EventFilter, by_id: &mut BTreeMap<String, StoredEvent>) -> Result<()> {
    by_id.extend(store.events(filter)?.into_iter().map(|e| (e.event.id.clone(), e)));
    Ok(())
}

/// Fuses the documents written since the last fusion (a no-op when there are none).
pub fn update(store: &dyn Store, cfg: &FusionConfig) -> Result<FusionCounts> {
    let pending = store.pending_fusion()?;
    if pending.is_empty() {
        return Ok(FusionCounts::default());
    }
    let mut by_id: BTreeMap<String, StoredEvent> = BTreeMap::new();
    for chunk in pending.chunks(CHUNK) {
        let filter = EventFilter {
            doc_ids: chunk.to_vec(),
            ..EventFilter::default()
        };
        load(store, &filter, &mut by_id)?;
    }
    let fresh: Vec<StoredEvent> = by_id.values().cloned().collect();
    for s in marsad_fuse::slices(&reports(&fresh), cfg) {
        let filter = EventFilter {
            categories: vec![s.category],
            since: Some(s.since),
            until: Some(s.until),
            ..EventFilter::default()
        };
        load(store, &filter, &mut by_id)?;
    }
    let touched: Vec<String> = by_id
        .values()
        .filter_map(|e| e.fused_id.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    for chunk in touched.chunks(CHUNK) {
        let filter = EventFilter {
            fused_ids: chunk.to_vec(),
            ..EventFilter::default()
        };
        load(store, &filter, &mut by_id)?;
    }
    let events: Vec<StoredEvent> = by_id.into_values().collect();
    let fused = marsad_fuse::link(&reports(&events), cfg);
    store.update_fused(&touched, &fused, &pending)?;
    let ceasefires = update_ceasefires(store, cfg)?;
    Ok(FusionCounts {
        documents: pending.len(),
        events: events.len(),
        fused: fused.len(),
        contested: fused.iter().filter(|f| f.contested).count(),
        ceasefires: ceasefires.len(),
    })
}

/// Recomputes the ceasefires from their possible openings and the attacks inside their windows.
fn update_ceasefires(store: &dyn Store, cfg: &FusionConfig) -> Result<Vec<Ceasefire>> {
    let openers = store.events(&EventFilter {
        categories: vec![Category::Retreat, Category::Agree],
        ..EventFilter::default()
    })?;
    let windows = marsad_fuse::ceasefires(&reports(&openers), cfg);
    let mut attacks: BTreeMap<String, StoredEvent> = BTreeMap::new();
    for c in &windows {
        let filter = EventFilter {
            categories: vec![Category::Assault],
            since: Some(c.date.clone()),
            until: marsad_fuse::add_days(&c.date, cfg.ceasefire_window_days),
            countries: c.parties.clone(),
            ..EventFilter::default()
        };
        attacks.extend(
            store
                .events(&filter)?
                .into_iter()
                .map(|e| (e.event.id.clone(), e)),
        );
    }
    let mut all = openers;
    all.extend(attacks.into_values());
    let ceasefires = marsad_fuse::ceasefires(&reports(&all), cfg);
    store.replace_ceasefires(&ceasefires)?;
    Ok(ceasefires)
}
