-- The units with the most awards, with the headline counts (_counts.sql) of each.
SELECT a.unit_name, {counts}
FROM award_counts AS a
WHERE a.unit_name IS NOT NULL AND {filters}
GROUP BY a.unit_name
ORDER BY awards DESC, a.unit_name COLLATE vi
LIMIT $limit
