//! `csv`: one row per event with Marsad's own fields, flattened; also the columns of the Parquet export.

use crate::ExportError;
use crate::common::{Row, count, countries, sectors, tag, texts};

/// The columns, in order.
pub const HEADER: &[&str] = &[
    "id",
    "doc_id",
    "date",
    "time",
    "tz",
    "date_precision",
    "event",
    "quad",
    "modes",
    "contexts",
    "actor",
    "actor_country",
    "actor_sector",
    "recipient",
    "recipient_country",
    "recipient_sector",
    "place",
    "place_country",
    "lat",
    "lon",
    "dead",
    "dead_qualifier",
    "injured",
    "injured_qualifier",
    "claim_by",
    "claim_country",
    "status",
    "confidence",
    "acled_event_type",
    "acled_sub_event_type",
    "cameo",
    "fused_id",
    "contested",
    "trigger",
    "evidence",
    "published",
    "source",
    "url",
];

/// Index of the float columns (`lat`, `lon`, `confidence`) in [`HEADER`].
pub const FLOAT_COLUMNS: &[usize] = &[18, 19, 27];

/// The record of one event (first located place gives `lat`/`lon`; every place name is listed).
pub fn record(r: &Row<'_>) -> Vec<String> {
    let e = r.event();
    let s = r.stored;
    let join = |v: Vec<String>| v.join("; ");
    let first = e.places.iter().find(|p| p.lat.is_some() && p.lon.is_some());
    let opt = |v: Option<&String>| v.cloned().unwrap_or_default();
    vec![
        e.id.clone(),
        s.doc_id.clone(),
        opt(e.date.as_ref()),
        opt(e.time.as_ref()),
        opt(e.tz.as_ref()),
        tag(e.date_precision),
        e.event.to_string(),
        e.event.quad().to_string(),
        join(e.modes.iter().map(|m| m.to_string()).collect()),
        e.contexts.join("; "),
        texts(&e.actor),
        countries(&e.actor),
        sectors(&e.actor),
        texts(&e.recipient),
        countries(&e.recipient),
        sectors(&e.recipient),
        join(
            e.places
                .iter()
                .map(|p| p.name.clone().unwrap_or_else(|| p.text.clone()))
                .collect(),
        ),
        join(e.places.iter().filter_map(|p| p.country.clone()).collect()),
        first
            .and_then(|p| p.lat)
            .map(|v| v.to_string())
            .unwrap_or_default(),
        first
            .and_then(|p| p.lon)
            .map(|v| v.to_string())
            .unwrap_or_default(),
        count(e.dead),
        tag(e.dead_qualifier),
        count(e.injured),
        tag(e.injured_qualifier),
        e.claim_by.as_ref().map(|c| c.text.clone()).unwrap_or_default(),
        opt(e.claim_by.as_ref().and_then(|c| c.country.as_ref())),
        e.status.to_string(),
        format!("{:.3}", e.confidence),
        opt(e.acled.as_ref().map(|a| &a.event_type)),
        opt(e.acled.as_ref().map(|a| &a.sub_event_type)),
        opt(e.cameo.as_ref()),
        opt(s.fused_id.as_ref()),
        if r.contested() {
            "true".into()
        } else {
            String::new()
        },
        opt(e.trigger.as_ref().map(|t| &t.text)),
        e.evidence.clone(),
        opt(s.published.as_ref()),
        opt(s.source.as_ref()),
        opt(s.url.as_ref()),
    ]
}

/// Writes the flat CSV.
pub fn write(rows: &[Row<'_>], out: impl std::io::Write) -> Result<(), ExportError> {
    let mut w = csv::Writer::from_writer(out);
    w.write_record(HEADER)?;
    for r in rows {
        w.write_record(record(r))?;
    }
    w.flush()?;
    Ok(())
}
