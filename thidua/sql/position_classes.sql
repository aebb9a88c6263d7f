-- How the positions of individual awards were classed, so a share can be explained.
SELECT a.position, a.is_leader, a.leader_rule, r.label AS rule_label,
       a.is_leader IS NULL AS unclassified, count(*) AS awards
FROM award AS a
LEFT JOIN position_rules AS r ON r.rule_id = a.leader_rule
WHERE a.recipient_kind = 'individual' AND {filters}
GROUP BY a.position, a.is_leader, a.leader_rule, r.label
ORDER BY unclassified DESC, awards DESC, a.position COLLATE vi
