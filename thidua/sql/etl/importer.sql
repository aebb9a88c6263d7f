-- Statements of etl/importer.py, each under its name (thidua.db.named_statements).

-- name: remembered_mappings
SELECT header_key, mapping FROM column_mappings;

-- name: active_batch_of_file
SELECT batch_id FROM import_batches WHERE sha256 = ? AND status = 'active';

-- name: batch_of_decision
-- Only the batches holding one of the file's decisions are grouped (grouping every batch's
-- rows cost 0,1 s at 1M rows, a tenth of an import).
SELECT batch_id FROM award JOIN import_batches USING (batch_id)
           WHERE status = 'active'
             AND batch_id IN (SELECT DISTINCT batch_id FROM award WHERE list_contains(?, decision_no))
           GROUP BY batch_id
           HAVING list_sort(list_distinct(list(decision_no))) = ?
           ORDER BY batch_id DESC LIMIT 1;

-- name: sheets_in_force
SELECT DISTINCT s.bloc_name, s.year, b.batch_id, b.file_name
               FROM bloc_scores AS s JOIN import_batches AS b USING (batch_id)
               JOIN scored AS k ON k.bloc_name = s.bloc_name AND k.year = s.year
               WHERE b.status = 'active' ORDER BY s.year, s.bloc_name, b.batch_id;
