-- Statements of thidua/migrations.py, each under its name (thidua.db.named_statements).

-- name: schema_version
SELECT value FROM meta WHERE key = 'schema_version';

-- name: views_fingerprint
SELECT value FROM meta WHERE key = 'views';

