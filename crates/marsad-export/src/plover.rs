//! `plover`: a JSON array of events in the shape of PLOVER's data fields (the PLOVER manual and its
//! gold-standard records: `id`, `date`, `event`, `mode`, `context`, `source`/`target` actors with
//! `actorText`, `code` and `sector`, `eventText`, `eventLoc`, `dead`, `injured`, `text`, `language`,
//! `publication`), with Marsad's extras (`actor`/`recipient` named as in PLOVER 2021, claims, status,
//! fusion) alongside.

use crate::ExportError;
use crate::common::Row;
use marsad_model::Entity;
use serde_json::{Value, json};

fn actors(list: &[Entity]) -> Value {
    list.iter()
        .map(|e| json!({"actorText": e.text, "name": e.name, "code": e.country, "sector": e.sector}))
        .collect()
}

/// The PLOVER record of one event.
pub fn record(r: &Row<'_>) -> Value {
    let e = r.event();
    let s = r.stored;
    let places: Vec<Value> = e
        .places
        .iter()
        .map(|p| {
            json!({"name": p.name.clone().unwrap_or_else(|| p.text.clone()), "text": p.text,
                   "country code": p.country, "admin1": p.admin1, "lat": p.lat, "lon": p.lon,
                   "geonameid": p.geonameid, "precision": p.precision})
        })
        .collect();
    json!({
        "id": e.id,
        "date": e.date,
        "time": e.time,
        "tz": e.tz,
        "event": e.event,
        "quad": e.event.quad(),
        "mode": e.modes.first(),
        "modes": e.modes,
        "context": e.contexts.first(),
        "contexts": e.contexts,
        "source": actors(&e.actor),
        "target": actors(&e.recipient),
        "actor": actors(&e.actor),
        "recipient": actors(&e.recipient),
        "eventText": e.trigger.as_ref().map(|t| &t.text),
        "eventLoc": places.first(),
        "location": places,
        "dead": e.dead,
        "dead_qualifier": e.dead_qualifier,
        "injured": e.injured,
        "claim_by": e.claim_by.as_ref().map(|c| json!({"actorText": c.text, "code": c.country, "sector": c.sector})),
        "status": e.status,
        "confidence": e.confidence,
        "text": e.evidence,
        "publication": s.source,
        "url": s.url,
        "doc_id": s.doc_id,
        "published": s.published,
        "acled": e.acled,
        "cameo": e.cameo,
        "fused_id": s.fused_id,
        "contested": r.contested(),
    })
}

/// Writes the JSON array, one event a line.
pub fn write(rows: &[Row<'_>], mut out: impl std::io::Write) -> Result<(), ExportError> {
    writeln!(out, "[")?;
    for (i, r) in rows.iter().enumerate() {
        let sep = if i + 1 < rows.len() { "," } else { "" };
        writeln!(out, "{}{sep}", serde_json::to_string(&record(r))?)?;
    }
    writeln!(out, "]")?;
    Ok(())
}
