//! The canonical dump: every table's content as sorted JSON lines, row ids left out.

use crate::Result;
use rusqlite::Connection;
use rusqlite::types::ValueRef;

/// Tables and the columns that identify their content (internal row ids are not content).
const TABLES: &[(&str, &str)] = &[
    (
        "documents",
        "id, url, title, published, source, lang, content_hash, text, warnings, marsad_version",
    ),
    ("document_aliases", "id, canonical_id, content_hash"),
    (
        "events",
        "id, doc_id, seq, category, date, date_start, date_end, time, tz, status, claim_country, dead, dead_unknown, confidence, fused_id, contested, json",
    ),
    ("event_countries", "event_id, role, country"),
    (
        "event_places",
        "event_id, idx, text, name, country, lat, lon, precision",
    ),
    ("provenance", "event_id, role, idx, start, end, text"),
    ("mentions", "doc_id, idx, kind, start, end, text, value"),
    ("fused", "id, category, date, contested, json"),
    ("fused_members", "event_id, fused_id"),
    ("ceasefires", "id, event_id, date, start_utc, json"),
    ("ceasefire_violations", "ceasefire_id, event_id, certainty"),
];

fn cell(v: ValueRef<'_>) -> serde_json::Value {
    match v {
        ValueRef::Null => serde_json::Value::Null,
        ValueRef::Integer(i) => i.into(),
        ValueRef::Real(f) => f.into(),
        ValueRef::Text(t) => String::from_utf8_lossy(t).into_owned().into(),
        ValueRef::Blob(b) => b.iter().map(|x| format!("{x:02x}")).collect::<String>().into(),
    }
}

pub(super) fn dump(conn: &Connection) -> Result<String> {
    let mut out = String::new();
    for (table, cols) in TABLES {
        let n = cols.split(',').count();
        let order: Vec<String> = (1..=n).map(|i| i.to_string()).collect();
        let sql = format!("SELECT {cols} FROM {table} ORDER BY {}", order.join(", "));
        let mut stmt = conn.prepare(&sql)?;
        let mut rows = stmt.query([])?;
        while let Some(row) = rows.next()? {
            let vals: Vec<serde_json::Value> = (0..n)
                .map(|i| row.get_ref(i).map(cell))
                .collect::<Result<_, _>>()?;
            out.push_str(table);
            out.push('\t');
            out.push_str(&serde_json::Value::Array(vals).to_string());
            out.push('\n');
        }
    }
    Ok(out)
}
