SELECT kind, value FROM (
    SELECT 'year' AS kind, CAST(year AS VARCHAR) AS value FROM (SELECT DISTINCT year FROM award_counts)
    UNION ALL
    SELECT 'bloc', bloc_name FROM (SELECT DISTINCT bloc_name FROM blocs)
    UNION ALL
    SELECT 'unit', unit_name FROM (SELECT DISTINCT unit_name FROM award_counts WHERE unit_name IS NOT NULL)
)
ORDER BY kind, value COLLATE vi
