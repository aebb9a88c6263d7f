-- Statements of etl/ladder_rules.py: the admins' eligibility ladder (read with the named
-- query ladder_rules, as thidua.ladder reads it).

-- name: clear_ladder
DELETE FROM ladder_rules;

-- name: add_ladder_rule
INSERT INTO ladder_rules VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?);
