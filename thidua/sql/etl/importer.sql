-- Statements of etl/importer.py, each under its name (thidua.db.named_statements).

-- name: remembered_mappings
SELECT header_key, mapping FROM column_mappings;

-- name: active_batch_of_file
SELECT batch_id FROM import_batches WHERE sha256 = ? AND status = 'active';

-- name: batches_with_decisions
-- The active batches holding any of a file's decisions, newest first (etl.importer
-- _replaced_batch then checks each: grouping every batch's decisions cost 1 s at 10M rows).
SELECT DISTINCT batch_id FROM award JOIN import_batches USING (batch_id)
           WHERE status = 'active' AND list_contains(?, decision_no)
           ORDER BY batch_id DESC;

-- name: batch_has_other_decision
SELECT 1 FROM award WHERE batch_id = ? AND NOT list_contains(?, decision_no) LIMIT 1;

-- name: batch_decisions_of
SELECT count(DISTINCT decision_no) FROM award WHERE batch_id = ? AND list_contains(?, decision_no);

-- name: sheets_in_force
SELECT DISTINCT s.bloc_name, s.year, b.batch_id, b.file_name
               FROM bloc_scores AS s JOIN import_batches AS b USING (batch_id)
               JOIN scored AS k ON k.bloc_name = s.bloc_name AND k.year = s.year
               WHERE b.status = 'active' ORDER BY s.year, s.bloc_name, b.batch_id;

-- name: dossiers_known
SELECT count(DISTINCT dossier_no) FROM dossiers WHERE dossier_no IN (SELECT unnest(?::VARCHAR[]));
