SELECT r.bloc_name, r.bloc_kind, r.unit_name, r.role, r.total_score, r.rank
FROM bloc_results AS r
WHERE r.year = $year
ORDER BY r.bloc_kind, r.bloc_name COLLATE vi, r.rank
