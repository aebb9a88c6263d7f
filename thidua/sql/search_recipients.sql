-- Accent-insensitive search (đ = d): the folded name contains the folded query.
-- Namesakes in different units are different people. `recipients` is pre-aggregated
-- per person and unit in every snapshot (aggregates.sql).
SELECT r.recipient_name, r.unit_name, r.recipient_kind, r.awards, r.first_year, r.last_year
FROM recipients AS r
WHERE r.name_folded LIKE '%' || $query || '%'
ORDER BY r.awards DESC, r.recipient_name COLLATE vi, r.unit_name COLLATE vi
LIMIT 50
