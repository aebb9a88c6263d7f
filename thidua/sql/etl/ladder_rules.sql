-- Statements of etl/ladder_rules.py: the admins' eligibility ladder.

-- name: current_ladder
SELECT rule_id, target_form, source_form, recipient_kind, times, step_years, condition, source
FROM ladder_rules ORDER BY sort_order;

-- name: clear_ladder
DELETE FROM ladder_rules;

-- name: add_ladder_rule
INSERT INTO ladder_rules VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?);
