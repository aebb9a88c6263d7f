SELECT a.unit_name,
       count(*) AS awards,
       count(*) FILTER (a.recipient_kind = 'individual') AS individuals,
       count(*) FILTER (a.recipient_kind <> 'individual') AS collectives
FROM award AS a
WHERE a.unit_name IS NOT NULL AND {filters}
GROUP BY a.unit_name
ORDER BY awards DESC, a.unit_name COLLATE vi
LIMIT $limit
