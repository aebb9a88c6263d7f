-- Headline counts for a year and the one before; shares are computed in thidua.metrics.
SELECT a.year, {counts}
FROM award_counts AS a
WHERE a.year IN ($year, $year - 1) AND {filters}
GROUP BY a.year
