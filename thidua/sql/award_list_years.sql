-- How many awards of a drill-down fall in each year, newest first (from the aggregates):
-- the list is ordered by year first, so only the newest years that fill it need reading.
SELECT a.year, sum(a.n)::BIGINT AS awards
FROM award_counts AS a
WHERE {filters} AND {selection}
GROUP BY a.year
ORDER BY a.year DESC
