SELECT a.year, {counts}
FROM award AS a
WHERE {filters}
GROUP BY a.year
ORDER BY a.year
