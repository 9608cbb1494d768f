//! `geojson`: a FeatureCollection with one Point feature per located event place.

use crate::ExportError;
use crate::common::{Row, count, countries, located, texts};
use serde_json::json;

/// Writes the FeatureCollection.
pub fn write(rows: &[Row<'_>], mut out: impl std::io::Write) -> Result<(), ExportError> {
    let mut features = Vec::new();
    for r in rows {
        let e = r.event();
        for (i, p, lat, lon) in located(e) {
            features.push(json!({
                "type": "Feature",
                "id": format!("{}#{i}", e.id),
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {
                    "event_id": e.id, "doc_id": r.stored.doc_id, "event": e.event, "modes": e.modes,
                    "date": e.date, "place": p.name.clone().unwrap_or_else(|| p.text.clone()),
                    "place_text": p.text, "country": p.country, "precision": p.precision,
                    "actor": texts(&e.actor), "actor_country": countries(&e.actor),
                    "recipient": texts(&e.recipient), "recipient_country": countries(&e.recipient),
                    "dead": count(e.dead), "claim_by": e.claim_by.as_ref().map(|c| &c.text),
                    "status": e.status, "fused_id": r.stored.fused_id, "contested": r.contested(),
                    "evidence": e.evidence, "url": r.stored.url,
                }
            }));
        }
    }
    serde_json::to_writer(
        &mut out,
        &json!({"type": "FeatureCollection", "features": features}),
    )?;
    writeln!(out)?;
    Ok(())
}
