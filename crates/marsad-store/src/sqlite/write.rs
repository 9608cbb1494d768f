//! Writes: document batches and fusion results.

use crate::{BatchReport, DocKey, DocState, Result, StoredDoc};
use marsad_fuse::{Ceasefire, FusedEvent, Fusion};
use marsad_model::{Count, Entity, Event, Mention, Span};
use rusqlite::{Connection, OptionalExtension, Transaction, params};
use std::collections::BTreeSet;

/// What the store knows of each key.
pub(super) fn doc_states(conn: &Connection, keys: &[DocKey]) -> Result<Vec<DocState>> {
    let mut by_id = conn.prepare_cached("SELECT content_hash FROM documents WHERE id = ?1")?;
    let mut alias = conn.prepare_cached("SELECT content_hash FROM document_aliases WHERE id = ?1")?;
    let mut by_hash =
        conn.prepare_cached("SELECT id FROM documents WHERE content_hash = ?1 ORDER BY num LIMIT 1")?;
    let mut out = Vec::with_capacity(keys.len());
    for key in keys {
        let stored: Option<String> = by_id.query_row([&key.id], |r| r.get(0)).optional()?;
        let state = match stored {
            Some(h) if h == key.hash => DocState::Unchanged,
            Some(_) => DocState::Changed,
            None => {
                let aliased: Option<String> = alias.query_row([&key.id], |r| r.get(0)).optional()?;
                let other: Option<String> = by_hash.query_row([&key.hash], |r| r.get(0)).optional()?;
                match (aliased, other) {
                    (_, Some(other)) => DocState::Duplicate(other),
                    (Some(_), None) => DocState::Changed,
                    (None, None) => DocState::New,
                }
            }
        };
        out.push(state);
    }
    Ok(out)
}

/// Writes a batch in one transaction.
pub(super) fn write_batch(conn: &mut Connection, docs: &[StoredDoc]) -> Result<BatchReport> {
    let tx = conn.transaction()?;
    let mut report = BatchReport::default();
    for d in docs {
        let key = DocKey {
            id: d.doc.id.clone(),
            hash: d.doc.content_hash.clone(),
        };
        let state = doc_states(&tx, std::slice::from_ref(&key))?
            .pop()
            .unwrap_or(DocState::New);
        match state {
            DocState::Unchanged => report.unchanged += 1,
            DocState::Duplicate(canonical) => {
                tx.execute(
                    "INSERT OR REPLACE INTO document_aliases (id, canonical_id, content_hash) VALUES (?1, ?2, ?3)",
                    params![key.id, canonical, key.hash],
                )?;
                report.duplicates += 1;
            }
            DocState::Changed => {
                tx.execute("DELETE FROM document_aliases WHERE id = ?1", [&key.id])?;
                unfuse_document(&tx, &key.id)?;
                tx.execute("DELETE FROM events WHERE doc_id = ?1", [&key.id])?;
                tx.execute("DELETE FROM mentions WHERE doc_id = ?1", [&key.id])?;
                upsert_document(&tx, d)?;
                report.events += insert_output(&tx, d)?;
                mark_pending(&tx, &key.id)?;
                report.replaced += 1;
            }
            DocState::New => {
                upsert_document(&tx, d)?;
                report.events += insert_output(&tx, d)?;
                mark_pending(&tx, &key.id)?;
                report.inserted += 1;
            }
        }
    }
    tx.commit()?;
    Ok(report)
}

/// Queues a document for incremental fusion.
fn mark_pending(tx: &Transaction<'_>, doc_id: &str) -> Result<()> {
    tx.prepare_cached("INSERT OR IGNORE INTO fusion_pending (doc_id) VALUES (?1)")?
        .execute([doc_id])?;
    Ok(())
}

/// Before a document's events are replaced: drops the fused events they belong to, and queues the
/// documents of the other members so that fusion links them again.
fn unfuse_document(tx: &Transaction<'_>, doc_id: &str) -> Result<()> {
    tx.prepare_cached(
        "INSERT OR IGNORE INTO fusion_pending (doc_id)
         SELECT DISTINCT o.doc_id FROM events o WHERE o.fused_id IN
           (SELECT e.fused_id FROM events e WHERE e.doc_id = ?1 AND e.fused_id IS NOT NULL)",
    )?
    .execute([doc_id])?;
    tx.prepare_cached(
        "DELETE FROM fused WHERE id IN (SELECT fused_id FROM events WHERE doc_id = ?1 AND fused_id IS NOT NULL)",
    )?
    .execute([doc_id])?;
    tx.prepare_cached(
        "UPDATE events SET fused_id = NULL, contested = 0
         WHERE fused_id IS NOT NULL AND fused_id NOT IN (SELECT id FROM fused)",
    )?
    .execute([])?;
    Ok(())
}

fn upsert_document(tx: &Transaction<'_>, d: &StoredDoc) -> Result<()> {
    let doc = &d.doc;
    tx.prepare_cached(
        "INSERT INTO documents (id, url, title, published, source, lang, content_hash, text, warnings, marsad_version)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)
         ON CONFLICT(id) DO UPDATE SET url = excluded.url, title = excluded.title,
           published = excluded.published, source = excluded.source, lang = excluded.lang,
           content_hash = excluded.content_hash, text = excluded.text, warnings = excluded.warnings,
           marsad_version = excluded.marsad_version",
    )?
    .execute(params![
        doc.id,
        doc.url,
        doc.title,
        doc.published,
        doc.source,
        doc.lang,
        doc.content_hash,
        doc.text,
        serde_json::to_string(&doc.warnings)?,
        d.output.marsad_version,
    ])?;
    Ok(())
}

/// Inserts the events and mentions of one output; returns the number of events.
fn insert_output(tx: &Transaction<'_>, d: &StoredDoc) -> Result<usize> {
    let doc_id = &d.doc.id;
    for (seq, e) in d.output.events.iter().enumerate() {
        insert_event(tx, doc_id, seq, e)?;
    }
    let mut stmt = tx.prepare_cached(
        "INSERT OR REPLACE INTO mentions (doc_id, idx, kind, start, end, text, value) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
    )?;
    for (idx, m) in d.output.entities.iter().enumerate() {
        let span = m.span();
        let (text, value) = mention_text_value(m);
        let kind = serde_json::to_value(m.kind())?;
        stmt.execute(params![
            doc_id,
            idx as i64,
            kind.as_str().unwrap_or("other"),
            span.map(|s| s.start as i64),
            span.map(|s| s.end as i64),
            text,
            value,
        ])?;
    }
    Ok(d.output.events.len())
}

/// The words of a mention and what they were resolved to: `country/sector` of an actor, the GeoNames
/// id (else the name) of a place, `date time zone` of a date, the value of a number.
fn mention_text_value(m: &Mention) -> (&str, Option<String>) {
    let joined = |parts: &[Option<&str>], sep: &str| {
        let v: Vec<&str> = parts.iter().flatten().copied().collect();
        (!v.is_empty()).then(|| v.join(sep))
    };
    match m {
        Mention::Actor(e) => (
            e.text.as_str(),
            joined(&[e.country.as_deref(), e.sector.map(|s| s.as_str())], "/"),
        ),
        Mention::Place(p) => (
            p.text.as_str(),
            p.geonameid.map(|g| g.to_string()).or_else(|| p.name.clone()),
        ),
        Mention::Date(x) => (
            x.text.as_str(),
            joined(&[x.value.as_deref(), x.time.as_deref(), x.tz.as_deref()], " "),
        ),
        Mention::Number(n) => (n.text.as_str(), Some(n.value.to_string())),
    }
}

/// First and last day a `YYYY`, `YYYY-MM` or `YYYY-MM-DD` date can mean, as comparable strings.
pub(super) fn date_range(date: &str) -> (String, String) {
    match date.len() {
        4 => (format!("{date}-01-01"), format!("{date}-12-31")),
        7 => (format!("{date}-01"), format!("{date}-31")),
        _ => (date.to_string(), date.to_string()),
    }
}

fn insert_event(tx: &Transaction<'_>, doc_id: &str, seq: usize, e: &Event) -> Result<()> {
    let (start, end) = e.date.as_deref().map(date_range).unzip();
    let (dead, dead_unknown) = match e.dead {
        Some(Count::Number(n)) => (Some(n as i64), false),
        Some(Count::Unknown(_)) => (None, true),
        None => (None, false),
    };
    tx.prepare_cached(
        "INSERT OR REPLACE INTO events (id, doc_id, seq, category, date, date_start, date_end, time, tz, status,
           claim_country, dead, dead_unknown, confidence, json)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15)",
    )?
    .execute(params![
        e.id,
        doc_id,
        seq as i64,
        e.event.as_str(),
        e.date,
        start,
        end,
        e.time,
        e.tz,
        e.status.as_str(),
        e.claim_by.as_ref().and_then(|c| c.country.clone()),
        dead,
        dead_unknown,
        f64::from(e.confidence),
        serde_json::to_string(e)?,
    ])?;
    insert_countries(tx, e)?;
    let mut place = tx.prepare_cached(
        "INSERT INTO event_places (event_id, idx, text, name, country, lat, lon, precision)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
    )?;
    for (i, p) in e.places.iter().enumerate() {
        let precision = p.precision.map(serde_json::to_value).transpose()?;
        place.execute(params![
            e.id,
            i as i64,
            p.text,
            p.name,
            p.country,
            p.lat,
            p.lon,
            precision.as_ref().and_then(|v| v.as_str()),
        ])?;
    }
    insert_provenance(tx, e)
}

fn insert_countries(tx: &Transaction<'_>, e: &Event) -> Result<()> {
    let mut rows = BTreeSet::new();
    let ents = |role: &'static str, list: &[Entity]| {
        list.iter()
            .filter_map(move |x| x.country.clone().map(|c| (role, c)))
            .collect::<Vec<_>>()
    };
    rows.extend(ents("actor", &e.actor));
    rows.extend(ents("recipient", &e.recipient));
    rows.extend(
        e.places
            .iter()
            .filter_map(|p| p.country.clone().map(|c| ("place", c))),
    );
    rows.extend(
        e.claim_by
            .iter()
            .filter_map(|x| x.country.clone().map(|c| ("claim", c))),
    );
    let mut stmt = tx.prepare_cached(
        "INSERT OR IGNORE INTO event_countries (event_id, role, country) VALUES (?1, ?2, ?3)",
    )?;
    for (role, country) in rows {
        stmt.execute(params![e.id, role, country])?;
    }
    Ok(())
}

/// Records the span of every part of the event that has one.
fn insert_provenance(tx: &Transaction<'_>, e: &Event) -> Result<()> {
    let mut rows: Vec<(&str, usize, Span, Option<&str>)> = Vec::new();
    if let Some(s) = e.sentence {
        rows.push(("sentence", 0, s, None));
    }
    if let Some(t) = &e.trigger {
        rows.push(("trigger", 0, t.span, Some(&t.text)));
    }
    if let Some(t) = &e.claim_verb {
        rows.push(("claim_verb", 0, t.span, Some(&t.text)));
    }
    if let Some(c) = &e.claim_by
        && let Some(s) = c.span
    {
        rows.push(("claim_by", 0, s, Some(&c.text)));
    }
    for (role, list) in [("actor", &e.actor), ("recipient", &e.recipient)] {
        for (i, x) in list.iter().enumerate() {
            if let Some(s) = x.span {
                rows.push((role, i, s, Some(&x.text)));
            }
        }
    }
    for (i, p) in e.places.iter().enumerate() {
        if let Some(s) = p.span {
            rows.push(("place", i, s, Some(&p.text)));
        }
    }
    let mut stmt = tx.prepare_cached(
        "INSERT OR REPLACE INTO provenance (event_id, role, idx, start, end, text) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for (role, idx, span, text) in rows {
        stmt.execute(params![
            e.id,
            role,
            idx as i64,
            span.start as i64,
            span.end as i64,
            text
        ])?;
    }
    Ok(())
}

/// Replaces the fusion tables in one transaction.
pub(super) fn replace_fusion(conn: &mut Connection, fusion: &Fusion) -> Result<()> {
    let tx = conn.transaction()?;
    tx.execute_batch(
        "DELETE FROM fused_members; DELETE FROM fused; DELETE FROM fusion_pending;
         UPDATE events SET fused_id = NULL, contested = 0 WHERE fused_id IS NOT NULL;",
    )?;
    insert_fused(&tx, &fusion.fused)?;
    write_ceasefires(&tx, &fusion.ceasefires)?;
    tx.commit()?;
    Ok(())
}

/// Drops the fused events `drop` (their members become unfused), inserts `add` and takes the documents
/// `done` off the fusion queue, in one transaction.
pub(super) fn update_fused(
    conn: &mut Connection,
    drop: &[String],
    add: &[FusedEvent],
    done: &[String],
) -> Result<()> {
    let tx = conn.transaction()?;
    {
        let mut clear = tx.prepare_cached("DELETE FROM fusion_pending WHERE doc_id = ?1")?;
        for d in done {
            clear.execute([d])?;
        }
        let mut unlink =
            tx.prepare_cached("UPDATE events SET fused_id = NULL, contested = 0 WHERE fused_id = ?1")?;
        let mut delete = tx.prepare_cached("DELETE FROM fused WHERE id = ?1")?;
        for id in drop {
            unlink.execute([id])?;
            delete.execute([id])?;
        }
    }
    insert_fused(&tx, add)?;
    tx.commit()?;
    Ok(())
}

/// Replaces every ceasefire in one transaction.
pub(super) fn replace_ceasefires(conn: &mut Connection, ceasefires: &[Ceasefire]) -> Result<()> {
    let tx = conn.transaction()?;
    write_ceasefires(&tx, ceasefires)?;
    tx.commit()?;
    Ok(())
}

fn insert_fused(tx: &Transaction<'_>, fused: &[FusedEvent]) -> Result<()> {
    let mut insert = tx.prepare_cached(
        "INSERT OR REPLACE INTO fused (id, category, date, contested, json) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut member =
        tx.prepare_cached("INSERT OR REPLACE INTO fused_members (event_id, fused_id) VALUES (?1, ?2)")?;
    let mut flag = tx.prepare_cached("UPDATE events SET fused_id = ?2, contested = ?3 WHERE id = ?1")?;
    for f in fused {
        insert.execute(params![
            f.id,
            f.event.as_str(),
            f.date,
            f.contested,
            serde_json::to_string(f)?
        ])?;
        for c in &f.claims {
            member.execute(params![c.event_id, f.id])?;
            flag.execute(params![c.event_id, f.id, f.contested])?;
        }
    }
    Ok(())
}

fn write_ceasefires(tx: &Transaction<'_>, ceasefires: &[Ceasefire]) -> Result<()> {
    tx.execute_batch("DELETE FROM ceasefire_violations; DELETE FROM ceasefires;")?;
    let mut cf = tx.prepare_cached(
        "INSERT INTO ceasefires (id, event_id, date, start_utc, json) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    let mut viol = tx.prepare_cached(
        "INSERT OR REPLACE INTO ceasefire_violations (ceasefire_id, event_id, certainty) VALUES (?1, ?2, ?3)",
    )?;
    for c in ceasefires {
        cf.execute(params![
            c.id,
            c.event_id,
            c.date,
            c.start_utc,
            serde_json::to_string(c)?
        ])?;
        for v in &c.violations {
            let certainty = serde_json::to_value(v.certainty)?;
            viol.execute(params![c.id, v.event_id, certainty.as_str()])?;
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::date_range;

    #[test]
    fn date_ranges() {
        assert_eq!(date_range("2020"), ("2020-01-01".into(), "2020-12-31".into()));
        assert_eq!(date_range("2020-11"), ("2020-11-01".into(), "2020-11-31".into()));
        assert_eq!(
            date_range("2022-09-13"),
            ("2022-09-13".into(), "2022-09-13".into())
        );
    }
}
