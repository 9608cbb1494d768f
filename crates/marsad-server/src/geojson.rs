//! Event records as a GeoJSON FeatureCollection (RFC 7946): one Point feature per geocoded place.

use crate::backend::EventRecord;
use serde_json::{Value, json};

/// The collection for `records`; events without coordinates have no feature.
pub fn feature_collection(records: &[EventRecord]) -> Value {
    let features: Vec<Value> = records.iter().flat_map(features).collect();
    json!({"type": "FeatureCollection", "features": features})
}

fn features(rec: &EventRecord) -> impl Iterator<Item = Value> + '_ {
    let ev = &rec.event;
    ev.places.iter().filter_map(move |p| {
        let (lon, lat) = (p.lon?, p.lat?);
        Some(json!({
            "type": "Feature",
            "id": format!("{}@{}", ev.id, p.name.as_deref().unwrap_or(&p.text)),
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": {
                "event_id": ev.id,
                "doc_id": rec.doc_id,
                "event": ev.event,
                "modes": ev.modes,
                "date": ev.date,
                "dead": ev.dead,
                "dead_qualifier": ev.dead_qualifier,
                "injured": ev.injured,
                "status": ev.status,
                "contested": rec.contested,
                "fused_id": rec.fused_id,
                "actor": ev.actor.iter().map(|a| a.country.as_deref()).collect::<Vec<_>>(),
                "recipient": ev.recipient.iter().map(|a| a.country.as_deref()).collect::<Vec<_>>(),
                "claim_by": ev.claim_by.as_ref().map(|c| &c.text),
                "place": p.text,
                "place_name": p.name,
                "country": p.country,
                "precision": p.precision,
            }
        }))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use marsad_model::{Category, Event, Place};

    #[test]
    fn one_feature_per_geocoded_place() {
        let mut event = Event::new("d:e1", Category::Assault);
        event.places = vec![
            Place {
                text: "غوريس".into(),
                name: Some("Goris".into()),
                lat: Some(39.51),
                lon: Some(46.34),
                ..Place::default()
            },
            Place {
                text: "مكان".into(),
                ..Place::default()
            },
        ];
        let rec = EventRecord {
            event,
            doc_id: "d".into(),
            fused_id: None,
            contested: false,
        };
        let fc = feature_collection(&[rec]);
        assert_eq!(fc["features"].as_array().map(Vec::len), Some(1));
        assert_eq!(
            fc["features"][0]["geometry"]["coordinates"],
            json!([46.34, 39.51])
        );
        assert_eq!(fc["features"][0]["properties"]["event"], "ASSAULT");
    }
}
