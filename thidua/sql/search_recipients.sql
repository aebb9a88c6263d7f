-- Accent-insensitive search (đ = d): the folded name contains the folded query.
-- Namesakes in different units are different people.
SELECT a.recipient_name, a.unit_name, any_value(a.recipient_kind) AS recipient_kind,
       count(*) AS awards, min(a.year) AS first_year, max(a.year) AS last_year
FROM award AS a
WHERE replace(strip_accents(lower(a.recipient_name)), 'đ', 'd') LIKE '%' || $query || '%'
GROUP BY a.recipient_name, a.unit_name
ORDER BY awards DESC, a.recipient_name COLLATE vi, a.unit_name COLLATE vi
LIMIT 50
