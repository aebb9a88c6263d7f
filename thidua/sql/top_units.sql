SELECT a.unit_name,
       sum(a.n)::BIGINT AS awards,
       coalesce(sum(a.n) FILTER (a.recipient_kind = 'individual'), 0)::BIGINT AS individuals,
       coalesce(sum(a.n) FILTER (a.recipient_kind <> 'individual'), 0)::BIGINT AS collectives
FROM award_counts AS a
WHERE a.unit_name IS NOT NULL AND {filters}
GROUP BY a.unit_name
ORDER BY awards DESC, a.unit_name COLLATE vi
LIMIT $limit
