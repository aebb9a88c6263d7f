-- The leading unit of every bloc and cluster in a year.
SELECT r.bloc_name, r.bloc_kind, r.unit_name, r.total_score,
       (SELECT count(*) FROM bloc_results AS x WHERE x.year = r.year AND x.bloc_name = r.bloc_name) AS members
FROM bloc_results AS r
WHERE r.year = $year AND r.rank = 1
ORDER BY r.bloc_kind, r.bloc_name COLLATE vi
