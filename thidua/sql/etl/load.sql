-- Statements of etl/load.py, each under its name (thidua.db.named_statements); those
-- that name a table from its fixed list stay in the module. Each runs on an embedded
-- warehouse and on a lake alike: no ON CONFLICT, INSERT OR REPLACE or UPDATE … RETURNING
-- (a lake's tables have no keys; thidua/lake_schema.py).

-- name: add_batch
INSERT INTO import_batches (batch_id, file_name, sha256, layout, sheet, encoding, rows, imported_by, imported_at) VALUES (nextval('batch_seq'), ?, ?, ?, ?, ?, ?, ?, timezone('UTC', current_timestamp)) RETURNING batch_id;

-- name: add_active_file
INSERT INTO active_files VALUES (?, ?);

-- name: next_batch_id
SELECT coalesce(max(batch_id), 0) + 1 FROM import_batches;

-- name: add_numbered_batch
INSERT INTO import_batches (batch_id, file_name, sha256, layout, sheet, encoding, rows, imported_by, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, timezone('UTC', current_timestamp));

-- name: active_batch_of_file
SELECT batch_id FROM active_files WHERE sha256 = ?;

-- name: batch_in_force
SELECT batch_id FROM import_batches WHERE batch_id = ? AND status = 'active';

-- name: replace_batch
UPDATE import_batches SET status = 'replaced', replaced_by = ? WHERE batch_id = ? AND status = 'active';

-- name: drop_active_file
DELETE FROM active_files WHERE batch_id = ?;

-- name: forget_mapping
DELETE FROM column_mappings WHERE header_key = ?;

-- name: remember_mapping
INSERT INTO column_mappings (header_key, mapping, saved_by, saved_at) VALUES (?, ?, ?, timezone('UTC', current_timestamp));

-- name: replaced_by_batch
SELECT batch_id, sha256, file_name FROM import_batches WHERE replaced_by = ? AND status = 'replaced';

-- name: reactivate_replaced
UPDATE import_batches SET status = 'active', replaced_by = NULL WHERE replaced_by = ? AND status = 'replaced';

-- name: add_active_file_again
INSERT INTO active_files SELECT $sha256, $batch WHERE NOT EXISTS (SELECT 1 FROM active_files WHERE sha256 = $sha256);

-- name: shelved_bloc_years
SELECT year FROM shelved_blocs WHERE shelved_by = $batch;

-- name: restore_blocs
INSERT INTO blocs SELECT DISTINCT s.year, s.bloc_name, s.bloc_kind FROM shelved_blocs AS s WHERE s.shelved_by = ? AND NOT EXISTS (SELECT 1 FROM blocs AS b WHERE b.year = s.year AND b.bloc_name = s.bloc_name);

-- name: clear_shelved_blocs
DELETE FROM shelved_blocs WHERE shelved_by = ?;

-- name: batch_state
SELECT file_name, status FROM import_batches WHERE batch_id = ?;

-- name: mark_undone
UPDATE import_batches SET status = 'undone', undone_by = ?, undone_at = timezone('UTC', current_timestamp) WHERE batch_id = ?;

-- name: add_bloc_scores
INSERT INTO bloc_scores SELECT year, bloc_name, unit_name, self_score, bloc_score, bonus, penalty, total_score, rank, ?, source_row FROM incoming;

-- name: add_new_blocs
INSERT INTO blocs SELECT DISTINCT i.year, i.bloc_name, i.bloc_kind FROM incoming AS i WHERE NOT EXISTS (SELECT 1 FROM blocs AS b WHERE b.year = i.year AND b.bloc_name = i.bloc_name);

-- name: add_blocs
INSERT INTO blocs SELECT DISTINCT year, bloc_name, bloc_kind FROM incoming;

-- name: add_members
INSERT INTO bloc_members SELECT year, bloc_name, unit_name, role, ?, source_row FROM incoming;

-- name: add_campaigns
INSERT INTO campaigns SELECT campaign_code, issued_on, name, kind, start_date, end_date, registration_deadline, slogan, ?, source_row FROM incoming;

-- name: add_dossiers
INSERT INTO dossiers SELECT dossier_no, submission, unit_name, received_on, due_on, returned_on, status, reason, form_codes, forms_text, recipients, decision_no, ?, source_row FROM incoming;

-- name: unit_exists
SELECT 1 FROM units WHERE name = ?;

-- name: add_alias
INSERT INTO unit_aliases (alias, unit_name, created_by, created_at) VALUES (?, ?, ?, timezone('UTC', current_timestamp));

-- name: alias_unit
SELECT unit_name FROM unit_aliases WHERE alias = ?;

-- name: drop_alias
DELETE FROM unit_aliases WHERE alias = ?;

-- name: drop_orphan_blocs
DELETE FROM blocs AS b
WHERE NOT EXISTS (SELECT 1 FROM bloc_members AS m WHERE m.year = b.year AND m.bloc_name = b.bloc_name)
  AND NOT EXISTS (SELECT 1 FROM bloc_scores AS s WHERE s.year = b.year AND s.bloc_name = b.bloc_name);
