-- Every year's rank of the units that are in the bloc in the chosen year.
SELECT r.year, r.unit_name, r.rank, r.total_score, r.bloc_name
FROM bloc_results AS r
WHERE r.bloc_name = $bloc
  AND r.unit_name IN (SELECT unit_name FROM bloc_results WHERE year = $year AND bloc_name = $bloc)
ORDER BY r.year, r.rank
