SELECT a.year, {counts}
FROM awards AS a
WHERE {filters}
GROUP BY a.year
ORDER BY a.year
