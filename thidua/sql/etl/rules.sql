-- Statements of etl/rules.py, each under its name (thidua.db.named_statements).

-- name: individual_positions
SELECT DISTINCT position FROM award WHERE recipient_kind = 'individual' AND position IS NOT NULL;

-- name: clear_rules
DELETE FROM position_rules;

-- name: add_rule
INSERT INTO position_rules VALUES (?, ?, ?, ?, ?);

-- name: reclassify
UPDATE award SET is_leader = c.is_leader, leader_rule = c.leader_rule
               FROM classes AS c
               WHERE award.recipient_kind = 'individual' AND award.position = c.position
                 AND (award.is_leader IS DISTINCT FROM c.is_leader
                      OR award.leader_rule IS DISTINCT FROM c.leader_rule);
