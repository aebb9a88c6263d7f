-- Statements of thidua/db.py, each under its name (thidua.db.named_statements): the
-- warehouse's bookkeeping (reference seeding, the aggregates' state, what an import touched).

-- name: any_position_rule
SELECT 1 FROM position_rules LIMIT 1;

-- name: any_ladder_rule
SELECT 1 FROM ladder_rules LIMIT 1;

-- name: make_touched_years
CREATE TEMP TABLE IF NOT EXISTS touched_years (year INTEGER);

-- name: make_touched_recipients
CREATE TEMP TABLE IF NOT EXISTS touched_recipients (recipient_name VARCHAR, unit_name VARCHAR COLLATE vi);

-- name: touch_years_of_batch
INSERT INTO touched_years SELECT DISTINCT year FROM award WHERE batch_id = ?;

-- name: touch_recipients_of_batch
INSERT INTO touched_recipients SELECT DISTINCT recipient_name, unit_name FROM award WHERE batch_id = ?;

-- name: make_batch_recipients
CREATE TEMP TABLE batch_recipients AS {rows};

-- name: anything_touched
SELECT 1 FROM duckdb_tables() WHERE table_name = 'touched_years' AND temporary;

-- name: aggregates_exist
SELECT count(*) = len($1) FROM duckdb_tables() WHERE list_contains($1, table_name);
