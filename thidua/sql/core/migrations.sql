-- Statements of thidua/migrations.py, each under its name (thidua.db.named_statements).

-- name: schema_version
SELECT value FROM meta WHERE key = 'schema_version';

-- name: set_schema_version
INSERT OR REPLACE INTO meta VALUES ('schema_version', ?);

-- name: views_fingerprint
SELECT value FROM meta WHERE key = 'views';

-- name: set_views_fingerprint
INSERT OR REPLACE INTO meta VALUES ('views', ?);
