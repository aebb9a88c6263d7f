-- An award counts for the bloc its unit belonged to in the award's year.
SELECT m.bloc_name, any_value(g.bloc_kind) AS bloc_kind, {counts}
FROM award_counts AS a
JOIN bloc_members AS m ON m.year = a.year AND m.unit_name = a.unit_name
JOIN blocs AS g ON g.year = m.year AND g.bloc_name = m.bloc_name
WHERE {filters}
GROUP BY m.bloc_name
ORDER BY m.bloc_name COLLATE vi
