//! What every export format shares: the rows to export and the country table.

use marsad_fuse::FusedEvent;
use marsad_model::{Count, Entity, Event, Place};
use marsad_store::StoredEvent;
use std::collections::{BTreeMap, HashMap};
use std::sync::LazyLock;

/// One country of `data/export/countries.tsv`.
#[derive(Debug, Clone)]
pub struct Country {
    /// ISO 3166 numeric code.
    pub numeric: u32,
    /// English name.
    pub name: String,
    /// ACLED-style region.
    pub region: String,
}

/// ISO3 → country, from `data/export/countries.tsv` (GeoNames, CC BY 4.0).
pub static COUNTRIES: LazyLock<HashMap<String, Country>> = LazyLock::new(|| {
    include_str!("../../../data/export/countries.tsv")
        .lines()
        .filter(|l| !l.starts_with('#'))
        .skip(1)
        .filter_map(|l| {
            let f: Vec<&str> = l.split('\t').collect();
            let [iso3, numeric, name, region] = f[..] else {
                return None;
            };
            Some((
                iso3.to_string(),
                Country {
                    numeric: numeric.parse().ok()?,
                    name: name.to_string(),
                    region: region.to_string(),
                },
            ))
        })
        .collect()
});

/// An event to export, with its document's metadata and its fused event (if any).
#[derive(Debug)]
pub struct Row<'a> {
    /// The stored event.
    pub stored: &'a StoredEvent,
    /// The fused event it belongs to.
    pub fused: Option<&'a FusedEvent>,
}

impl Row<'_> {
    /// The event.
    pub fn event(&self) -> &Event {
        &self.stored.event
    }

    /// True when fusion marked its group contested.
    pub fn contested(&self) -> bool {
        self.stored.contested || self.fused.is_some_and(|f| f.contested)
    }
}

/// Pairs events with their fused events.
pub fn rows<'a>(events: &'a [StoredEvent], fused: &'a [FusedEvent]) -> Vec<Row<'a>> {
    let by_id: BTreeMap<&str, &FusedEvent> = fused.iter().map(|f| (f.id.as_str(), f)).collect();
    events
        .iter()
        .map(|s| Row {
            stored: s,
            fused: s.fused_id.as_deref().and_then(|id| by_id.get(id).copied()),
        })
        .collect()
}

/// `a; b; c` of the entities' words.
pub fn texts(list: &[Entity]) -> String {
    list.iter()
        .map(|e| e.text.as_str())
        .collect::<Vec<_>>()
        .join("; ")
}

/// `AZE; ARM` of the entities' countries (unique, in order).
pub fn countries(list: &[Entity]) -> String {
    let mut out: Vec<&str> = Vec::new();
    for c in list.iter().filter_map(|e| e.country.as_deref()) {
        if !out.contains(&c) {
            out.push(c);
        }
    }
    out.join("; ")
}

/// `MIL; GOV` of the entities' sectors (unique, in order).
pub fn sectors(list: &[Entity]) -> String {
    let mut out: Vec<&str> = Vec::new();
    for s in list.iter().filter_map(|e| e.sector.map(|s| s.as_str())) {
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out.join("; ")
}

/// A count as text: the number, `unknown`, or empty.
pub fn count(c: Option<Count>) -> String {
    match c {
        Some(Count::Number(n)) => n.to_string(),
        Some(Count::Unknown(_)) => "unknown".into(),
        None => String::new(),
    }
}

/// The places of an event that have coordinates.
pub fn located(e: &Event) -> impl Iterator<Item = (usize, &Place, f64, f64)> {
    e.places
        .iter()
        .enumerate()
        .filter_map(|(i, p)| Some((i, p, p.lat?, p.lon?)))
}

/// A serde value's string form (`"at_least"` for `Qualifier::AtLeast`), empty for `None`.
pub fn tag<T: serde::Serialize>(v: Option<T>) -> String {
    v.and_then(|v| serde_json::to_value(v).ok())
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}
