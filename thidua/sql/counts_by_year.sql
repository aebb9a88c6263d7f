SELECT a.year, {counts}
FROM award_counts AS a
WHERE {filters}
GROUP BY a.year
ORDER BY a.year
