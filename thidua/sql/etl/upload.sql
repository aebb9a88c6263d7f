-- Statements of etl/upload.py, each under its name (thidua.db.named_statements).

-- name: history
SELECT batch_id, imported_at, file_name, layout, rows, imported_by, status, replaced_by, undone_by, undone_at, sha256 FROM import_batches ORDER BY batch_id DESC;

-- name: unit_names
SELECT name FROM units ORDER BY name COLLATE vi;

-- name: unit_aliases
SELECT alias, unit_name, created_by, created_at FROM unit_aliases ORDER BY created_at DESC;
