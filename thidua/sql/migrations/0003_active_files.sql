-- Migration 3.
-- The checksum of every file whose batch is in force, each once: the same file confirmed
-- twice at the same moment (two sessions, two analysts) cannot both be written — the
-- second insert breaks this key inside its own transaction, which is rolled back and the
-- file reported as already imported. An undone or replaced batch gives its file back.
CREATE TABLE IF NOT EXISTS active_files (
    sha256    VARCHAR PRIMARY KEY,
    batch_id  BIGINT NOT NULL
);
INSERT OR IGNORE INTO active_files
SELECT sha256, min(batch_id) FROM import_batches WHERE status = 'active' GROUP BY sha256;
