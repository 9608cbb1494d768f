//! Reads: events with filters, documents, search, fusion results, statistics.

use crate::{Document, EventFilter, Result, SearchHit, Stats, StoredEvent};
use marsad_fuse::{Ceasefire, FusedEvent};
use rusqlite::types::Value;
use rusqlite::{Connection, OptionalExtension, Row, params_from_iter};

/// `?, ?, ?` for `n` parameters.
fn marks(n: usize) -> String {
    vec!["?"; n].join(", ")
}

/// The WHERE clause and parameters of `filter` over `events AS e`.
fn filter_sql(filter: &EventFilter) -> (String, Vec<Value>) {
    let mut conds: Vec<String> = Vec::new();
    let mut params: Vec<Value> = Vec::new();
    if let Some(since) = &filter.since {
        conds.push("e.date_end >= ?".into());
        params.push(Value::Text(since.clone()));
    }
    if let Some(until) = &filter.until {
        // '~' sorts after digits and '-': "2022-09~" is past every day of September 2022.
        conds.push("e.date_start <= ?".into());
        params.push(Value::Text(format!("{until}~")));
    }
    if !filter.categories.is_empty() {
        conds.push(format!("e.category IN ({})", marks(filter.categories.len())));
        params.extend(
            filter
                .categories
                .iter()
                .map(|c| Value::Text(c.as_str().to_string())),
        );
    }
    if let Some(c) = filter.contested {
        conds.push("e.contested = ?".into());
        params.push(Value::Integer(i64::from(c)));
    }
    if !filter.doc_ids.is_empty() {
        conds.push(format!("e.doc_id IN ({})", marks(filter.doc_ids.len())));
        params.extend(filter.doc_ids.iter().cloned().map(Value::Text));
    }
    if !filter.fused_ids.is_empty() {
        conds.push(format!("e.fused_id IN ({})", marks(filter.fused_ids.len())));
        params.extend(filter.fused_ids.iter().cloned().map(Value::Text));
    }
    if !filter.countries.is_empty() {
        conds.push(format!(
            "e.id IN (SELECT ec.event_id FROM event_countries ec WHERE ec.country IN ({}))",
            marks(filter.countries.len())
        ));
        params.extend(filter.countries.iter().map(|c| Value::Text(c.to_uppercase())));
    }
    if let Some(b) = &filter.bbox {
        conds.push(
            "e.id IN (SELECT p.event_id FROM event_places_rtree r JOIN event_places p ON p.num = r.id
               WHERE r.min_lon >= ? AND r.max_lon <= ? AND r.min_lat >= ? AND r.max_lat <= ?)"
                .into(),
        );
        params.extend([b.min_lon, b.max_lon, b.min_lat, b.max_lat].map(Value::Real));
    }
    let clause = if conds.is_empty() {
        String::new()
    } else {
        format!("WHERE {}", conds.join(" AND "))
    };
    (clause, params)
}

/// `LIMIT n OFFSET m` of the filter (SQLite needs a LIMIT before an OFFSET: -1 is none).
fn page_sql(filter: &EventFilter) -> String {
    match (filter.limit, filter.offset) {
        (None, 0) => String::new(),
        (limit, offset) => format!(
            " LIMIT {} OFFSET {offset}",
            limit.map_or(-1, |n| i64::try_from(n).unwrap_or(i64::MAX))
        ),
    }
}

const EVENT_COLUMNS: &str = "e.doc_id, d.published, d.url, d.source, e.fused_id, e.contested, e.json
    FROM events e JOIN documents d ON d.id = e.doc_id";

fn stored_event(row: &Row<'_>) -> rusqlite::Result<(StoredEvent, String)> {
    let json: String = row.get(6)?;
    let placeholder = marsad_model::Event::new(String::new(), marsad_model::Category::Assault);
    Ok((
        StoredEvent {
            doc_id: row.get(0)?,
            published: row.get(1)?,
            url: row.get(2)?,
            source: row.get(3)?,
            fused_id: row.get(4)?,
            contested: row.get(5)?,
            event: placeholder,
        },
        json,
    ))
}

fn finish(rows: Vec<(StoredEvent, String)>) -> Result<Vec<StoredEvent>> {
    rows.into_iter()
        .map(|(mut s, json)| {
            s.event = serde_json::from_str(&json)?;
            Ok(s)
        })
        .collect()
}

/// Events matching the filter, newest last day first (undated last), then by id: one query on the
/// `events_order` (or `events_contested`) index, paged in SQL.
pub(super) fn events(conn: &Connection, filter: &EventFilter) -> Result<Vec<StoredEvent>> {
    let (clause, params) = filter_sql(filter);
    let sql = format!(
        "SELECT {EVENT_COLUMNS} {clause} ORDER BY e.date_end DESC, e.id{}",
        page_sql(filter)
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt
        .query_map(params_from_iter(params), stored_event)?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    finish(rows)
}

/// How many events match the filter (its page ignored).
pub(super) fn count_events(conn: &Connection, filter: &EventFilter) -> Result<u64> {
    let (clause, params) = filter_sql(filter);
    let sql = format!("SELECT count(*) FROM events e {clause}");
    let n: i64 = conn
        .prepare_cached(&sql)?
        .query_row(params_from_iter(params), |r| r.get(0))?;
    Ok(n.max(0) as u64)
}

pub(super) fn event(conn: &Connection, id: &str) -> Result<Option<StoredEvent>> {
    let sql = format!("SELECT {EVENT_COLUMNS} WHERE e.id = ?1");
    let row = conn
        .prepare_cached(&sql)?
        .query_row([id], stored_event)
        .optional()?;
    Ok(finish(row.into_iter().collect())?.pop())
}

pub(super) fn document(conn: &Connection, id: &str) -> Result<Option<Document>> {
    let row = conn
        .query_row(
            "SELECT id, url, title, published, source, lang, content_hash, text, warnings FROM documents WHERE id = ?1",
            [id],
            |r| {
                Ok((
                    Document {
                        id: r.get(0)?,
                        url: r.get(1)?,
                        title: r.get(2)?,
                        published: r.get(3)?,
                        source: r.get(4)?,
                        lang: r.get(5)?,
                        content_hash: r.get(6)?,
                        text: r.get(7)?,
                        warnings: Vec::new(),
                    },
                    r.get::<_, String>(8)?,
                ))
            },
        )
        .optional()?;
    row.map(|(mut d, w)| {
        d.warnings = serde_json::from_str(&w)?;
        Ok(d)
    })
    .transpose()
}

pub(super) fn search(conn: &Connection, query: &str, limit: usize) -> Result<Vec<SearchHit>> {
    let mut stmt = conn.prepare_cached(
        "SELECT d.id, d.title, d.published, snippet(documents_fts, 1, '[', ']', '…', 12), bm25(documents_fts)
         FROM documents_fts JOIN documents d ON d.num = documents_fts.rowid
         WHERE documents_fts MATCH ?1 ORDER BY bm25(documents_fts), d.id LIMIT ?2",
    )?;
    let hits = stmt
        .query_map(rusqlite::params![query, limit as i64], |r| {
            Ok(SearchHit {
                id: r.get(0)?,
                title: r.get(1)?,
                published: r.get(2)?,
                snippet: r.get(3)?,
                rank: r.get(4)?,
            })
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(hits)
}

pub(super) fn fused_events(conn: &Connection, filter: &EventFilter) -> Result<Vec<FusedEvent>> {
    let (clause, params) = filter_sql(filter);
    let member = if clause.is_empty() {
        "WHERE e.fused_id IS NOT NULL".to_string()
    } else {
        format!("{clause} AND e.fused_id IS NOT NULL")
    };
    let sql = format!(
        "SELECT f.json FROM fused f WHERE f.id IN (SELECT e.fused_id FROM events e {member})
         ORDER BY f.date DESC, f.id{}",
        page_sql(filter)
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt
        .query_map(params_from_iter(params), |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.iter().map(|j| Ok(serde_json::from_str(j)?)).collect()
}

pub(super) fn fused_event(conn: &Connection, id: &str) -> Result<Option<FusedEvent>> {
    let json: Option<String> = conn
        .prepare_cached("SELECT json FROM fused WHERE id = ?1")?
        .query_row([id], |r| r.get(0))
        .optional()?;
    json.map(|j| Ok(serde_json::from_str(&j)?)).transpose()
}

pub(super) fn pending_fusion(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached("SELECT doc_id FROM fusion_pending ORDER BY doc_id")?;
    let rows = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub(super) fn ceasefires(conn: &Connection) -> Result<Vec<Ceasefire>> {
    let mut stmt = conn.prepare_cached("SELECT json FROM ceasefires ORDER BY date DESC, id")?;
    let rows = stmt
        .query_map([], |r| r.get::<_, String>(0))?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    rows.iter().map(|j| Ok(serde_json::from_str(j)?)).collect()
}

fn count(conn: &Connection, sql: &str) -> Result<u64> {
    let n: i64 = conn.query_row(sql, [], |r| r.get(0))?;
    Ok(n.max(0) as u64)
}

fn grouped(conn: &Connection, sql: &str) -> Result<Vec<(String, u64)>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt
        .query_map([], |r| {
            Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?.max(0) as u64))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows)
}

pub(super) fn stats(conn: &Connection) -> Result<Stats> {
    Ok(Stats {
        documents: count(conn, "SELECT count(*) FROM documents")?,
        aliases: count(conn, "SELECT count(*) FROM document_aliases")?,
        events: count(conn, "SELECT count(*) FROM events")?,
        mentions: count(conn, "SELECT count(*) FROM mentions")?,
        fused: count(conn, "SELECT count(*) FROM fused")?,
        contested: count(conn, "SELECT count(*) FROM fused WHERE contested")?,
        ceasefires: count(conn, "SELECT count(*) FROM ceasefires")?,
        by_category: grouped(
            conn,
            "SELECT category, count(*) AS n FROM events GROUP BY category ORDER BY n DESC, category",
        )?,
        by_country: grouped(
            conn,
            "SELECT country, count(DISTINCT event_id) AS n FROM event_countries WHERE role = 'place'
             GROUP BY country ORDER BY n DESC, country",
        )?,
    })
}
