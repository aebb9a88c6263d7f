-- Statements of thidua/positions.py, each under its name (thidua.db.named_statements).

-- name: rules_in_order
SELECT rule_id, is_leader, pattern, label FROM position_rules ORDER BY sort_order;
