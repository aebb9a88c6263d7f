-- Statements of etl/demo_import.py, each under its name (thidua.db.named_statements).

-- name: batch_count
SELECT count(*) FROM import_batches;
