-- Migration 4.
-- Times of imports, undos, remembered mappings and aliases are stored as UTC (each write
-- says timezone('UTC', current_timestamp)): before, a bare current_timestamp was stored in
-- the server's own zone, so the same upload read 06:27 in the history (a UTC server) and
-- 13:27 in the audit trail. Values written before are read in the zone of the server that
-- wrote them (this session's) and turned to UTC; pages show Vietnam time, labelled.
UPDATE import_batches SET
    imported_at = timezone('UTC', imported_at::TIMESTAMPTZ),
    undone_at = timezone('UTC', undone_at::TIMESTAMPTZ);
UPDATE column_mappings SET saved_at = timezone('UTC', saved_at::TIMESTAMPTZ);
UPDATE unit_aliases SET created_at = timezone('UTC', created_at::TIMESTAMPTZ);
