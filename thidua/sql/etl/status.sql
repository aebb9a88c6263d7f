-- Statements of etl/status.py, each under its name (thidua.db.named_statements).

-- name: batches
SELECT batch_id, imported_at, file_name, layout, rows, coalesce(encoding, ''), coalesce(status, 'active'), coalesce(imported_by, '') FROM import_batches ORDER BY batch_id;

-- name: row_counts
SELECT (SELECT count(*) FROM award), (SELECT count(*) FROM bloc_scores), (SELECT count(*) FROM bloc_members), (SELECT count(*) FROM campaigns), (SELECT count(DISTINCT dossier_no) FROM dossiers);
