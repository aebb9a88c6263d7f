-- Statements of thidua/lake_schema.py and thidua/lake_writer.py, each under its name.

-- name: embedded_columns
SELECT c.table_name, c.column_name, c.data_type, NOT c.is_nullable, c.column_default
FROM duckdb_columns() AS c
JOIN duckdb_tables() AS t
    ON t.database_name = c.database_name AND t.schema_name = c.schema_name AND t.table_name = c.table_name
WHERE c.database_name = current_database() AND c.schema_name = 'main'
ORDER BY c.table_name, c.column_index;

-- name: lake_columns
SELECT table_name, column_name, data_type
FROM duckdb_columns()
WHERE database_name = current_database() AND schema_name = 'main'
ORDER BY table_name, column_index;

-- name: turns_taken
SELECT count(*) FROM writer_turn;

-- name: first_turn
INSERT INTO writer_turn SELECT coalesce(max(batch_id), 0), NULL, NULL FROM import_batches;

-- name: take_turn
UPDATE writer_turn SET turn = turn + 1, holder = NULL, held_until = NULL;

-- name: lease
SELECT holder, held_until > now(), turn FROM writer_turn;

-- name: claim_lease
UPDATE writer_turn SET holder = $holder, held_until = now() + to_seconds($seconds);

-- name: release_lease
UPDATE writer_turn SET holder = NULL, held_until = NULL WHERE holder = $holder;

-- name: current_database
SELECT current_database();

-- The lake as thidua.warehouse's readers attach it (as `src`).
-- name: data_version
SELECT (SELECT max(snapshot_id) FROM ducklake_snapshots('src')),
       (SELECT count(*) > 0 FROM duckdb_tables() WHERE database_name = 'src' AND table_name = 'import_batches');

-- name: snapshot_at
-- The newest snapshot committed at or before a moment (thidua.warehouse.as_of).
SELECT max(snapshot_id) FROM ducklake_snapshots('src') WHERE snapshot_time <= ?;

-- name: has_batches
SELECT count(*) > 0 FROM import_batches;

-- name: allow_directory
SET allowed_directories = ?;

-- Upkeep (python -m etl maintain): the lake's catalog is attached as __ducklake_metadata_lake.
-- name: live_files
SELECT count(*) FROM __ducklake_metadata_lake.ducklake_data_file WHERE end_snapshot IS NULL;

-- name: snapshots_kept
SELECT count(*) FROM __ducklake_metadata_lake.ducklake_snapshot;

-- name: merge_files
CALL ducklake_merge_adjacent_files('lake');

-- name: expire_snapshots
CALL ducklake_expire_snapshots('lake', older_than => now() - to_days($days));

-- name: remove_old_files
CALL ducklake_cleanup_old_files('lake', older_than => now() - to_days($days));

-- name: mirrored_tables
SELECT view_name FROM duckdb_views() WHERE database_name = 'memory' AND NOT internal;

-- A SQLite catalog's own mode (thidua/lake.py, through Python's sqlite3).
-- name: catalog_wal
PRAGMA journal_mode=WAL;
