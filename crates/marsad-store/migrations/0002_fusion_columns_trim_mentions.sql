-- Marsad store, schema version 2.
-- 1. Each event carries its fused id and contested flag, indexed, so that listing events (with the
--    contested filter) is one indexed query without joins; fusion keeps them up to date.
-- 2. Listing order (newest day first, undated last, then id) has its own index.
-- 3. Mentions keep what provenance needs (kind, span, words, resolved value), not a JSON copy each.

ALTER TABLE events ADD COLUMN fused_id TEXT;
ALTER TABLE events ADD COLUMN contested INTEGER NOT NULL DEFAULT 0;
UPDATE events SET fused_id = (SELECT m.fused_id FROM fused_members m WHERE m.event_id = events.id);
UPDATE events SET contested = COALESCE((SELECT f.contested FROM fused f WHERE f.id = events.fused_id), 0);
CREATE INDEX events_order ON events(date_end DESC, id);
CREATE INDEX events_contested ON events(contested, date_end DESC, id);
CREATE INDEX events_fused ON events(fused_id) WHERE fused_id IS NOT NULL;
CREATE INDEX event_countries_lookup ON event_countries(country, event_id);
CREATE INDEX fused_date ON fused(date DESC, id);

ALTER TABLE mentions ADD COLUMN value TEXT;
UPDATE mentions SET value = CASE kind
    WHEN 'actor' THEN nullif(concat_ws('/', json_extract(json, '$.country'), json_extract(json, '$.sector')), '')
    WHEN 'place' THEN coalesce(CAST(json_extract(json, '$.geonameid') AS TEXT), json_extract(json, '$.name'))
    WHEN 'date' THEN nullif(concat_ws(' ', json_extract(json, '$.value'), json_extract(json, '$.time'), json_extract(json, '$.tz')), '')
    WHEN 'number' THEN CAST(json_extract(json, '$.value') AS TEXT)
    END;
ALTER TABLE mentions DROP COLUMN json;

-- 4. Documents written since fusion last looked at them: incremental fusion takes them from here, in
--    the same transaction as its results, so a run stopped between a write and its fusion loses nothing.
CREATE TABLE fusion_pending (
    doc_id TEXT PRIMARY KEY
) WITHOUT ROWID;
