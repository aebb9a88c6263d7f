-- Statements of thidua/meta.py, each under its name (thidua.sql_files.named_statements).
-- A fact is replaced by a delete and an insert, not INSERT OR REPLACE: the lake's tables
-- have no keys (thidua/lake_schema.py), and both engines take this form.

-- name: drop_fact
DELETE FROM meta WHERE key = ?;

-- name: add_fact
INSERT INTO meta VALUES (?, ?);

-- name: fact
SELECT value FROM meta WHERE key = ?;
