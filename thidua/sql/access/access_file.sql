-- Statements of thidua/access_file.py, each under its name (thidua.db.named_statements).

-- name: journal_wal
PRAGMA journal_mode=WAL;

-- name: session_columns
PRAGMA table_info(sessions);

-- name: add_last_seen
ALTER TABLE sessions ADD COLUMN last_seen TEXT;

-- name: end_sessions
DELETE FROM sessions WHERE username = ? AND token_sha256 != ?;

-- name: schema_turn
SELECT pg_advisory_xact_lock(hashtext(?));

-- name: make_schema
CREATE SCHEMA IF NOT EXISTS {};
