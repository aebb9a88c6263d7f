-- `recipients` after an import that only added rows (batch_recipients: the batch's own rows
-- counted by the recipients query, thidua.db.refresh_touched): each person's row merged with
-- what the batch adds — not counted again from every award of theirs (a 5,000-row list of
-- people with many awards each recounted 2.9M rows of a 10M-row warehouse: 0,2 s).
CREATE TEMP TABLE merged_recipients AS
SELECT b.recipient_name, b.unit_name,
       coalesce(r.recipient_kind, b.recipient_kind) AS recipient_kind,
       b.awards + coalesce(r.awards, 0) AS awards,
       least(b.first_year, r.first_year) AS first_year,
       greatest(b.last_year, r.last_year) AS last_year,
       b.name_folded
FROM batch_recipients AS b
LEFT JOIN recipients AS r
  ON r.recipient_name = b.recipient_name AND r.unit_name IS NOT DISTINCT FROM b.unit_name;
DELETE FROM recipients AS r
USING batch_recipients AS b
WHERE r.recipient_name = b.recipient_name AND r.unit_name IS NOT DISTINCT FROM b.unit_name;
INSERT INTO recipients (recipient_name, unit_name, recipient_kind, awards, first_year, last_year, name_folded)
SELECT recipient_name, unit_name, recipient_kind, awards, first_year, last_year, name_folded
FROM merged_recipients;
DROP TABLE merged_recipients;
DROP TABLE batch_recipients;
DROP TABLE touched_recipients;
