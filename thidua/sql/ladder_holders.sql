-- The awards the eligibility ladder starts from (the source forms of ladder_rules), each with
-- the year it counts for (its achievement year; the year of decision when the list gives
-- none, said as such) and its unit as it is now: a unit merged away in 2025 is followed to
-- its successor (units.successor_code), so a person's run of titles survives the merger.
WITH now AS ({units_now})
SELECT a.award_id, a.recipient_kind, a.recipient_name, a.position, a.unit_name,
       coalesce(n.unit_now, a.unit_name) AS unit_now, a.form_code,
       coalesce(a.achievement_year, a.year) AS counts_for,
       a.achievement_year IS NULL AS year_from_decision,
       a.year, a.decision_no, a.decision_date, b.file_name, a.source_row
FROM award AS a
JOIN import_batches AS b ON b.batch_id = a.batch_id
LEFT JOIN now AS n ON n.name = a.unit_name
WHERE a.form_code IN (SELECT source_form FROM ladder_rules)
  AND a.unit_name IS NOT NULL
  AND ($unit IS NULL OR coalesce(n.unit_now, a.unit_name) = $unit)
ORDER BY a.recipient_name, counts_for
