-- Awards that look given twice (issue 23): the same recipient (name folded — accents, đ,
-- case and spaces aside — kind and unit), the same award (code and degree), of the same type
-- and campaign, for the same achievement year (when both rows give it; else the same year of
-- decision), in two decisions or two files. One row per pair, both sources beside each
-- other; `reviewed`: an analyst said they are two different recipients. (Within one list the
-- importer refuses a person named twice for one award.) The shared filters choose both
-- awards of a pair (years of decision, unit, bloc, award, type, recipient kind).
WITH listed AS (
    SELECT a.award_id, a.batch_id, a.source_row, a.year, a.decision_no, a.decision_date,
           a.form_code, a.form_detail, a.award_type, a.campaign_code, a.recipient_kind,
           a.recipient_name, a.position, a.unit_name, a.achievement_year, b.file_name,
           regexp_replace(replace(strip_accents(lower(trim(a.recipient_name))), 'đ', 'd'),
                          '\s+', ' ', 'g') AS folded
    FROM award AS a
    JOIN import_batches AS b ON b.batch_id = a.batch_id
    WHERE {filters}
),
pairs AS (
    SELECT x.recipient_kind, x.recipient_name, x.unit_name, x.form_code, x.form_detail,
           x.award_type,
           coalesce(x.achievement_year, y.achievement_year) AS achievement_year,
           x.achievement_year IS NOT NULL AND y.achievement_year IS NOT NULL AS by_achievement,
           x.year AS year_a, x.decision_no AS decision_a, x.decision_date AS date_a,
           x.file_name AS file_a, x.source_row AS row_a, x.position AS position_a,
           y.recipient_name AS name_b, y.year AS year_b, y.decision_no AS decision_b,
           y.decision_date AS date_b, y.file_name AS file_b, y.source_row AS row_b,
           y.position AS position_b, x.award_id AS award_a, y.award_id AS award_b,
           md5(concat_ws('|', x.folded, x.recipient_kind, coalesce(x.unit_name, ''), x.form_code,
                         coalesce(x.form_detail, ''), coalesce(x.decision_no, ''), x.year,
                         coalesce(y.decision_no, ''), y.year)) AS pair_key
    FROM listed AS x
    JOIN listed AS y
      ON y.folded = x.folded AND y.recipient_kind = x.recipient_kind
     AND y.unit_name IS NOT DISTINCT FROM x.unit_name
     AND y.form_code = x.form_code AND y.form_detail IS NOT DISTINCT FROM x.form_detail
     AND y.award_type IS NOT DISTINCT FROM x.award_type
     AND y.campaign_code IS NOT DISTINCT FROM x.campaign_code
     AND (x.decision_no IS DISTINCT FROM y.decision_no OR x.batch_id <> y.batch_id)
     AND CASE WHEN x.achievement_year IS NOT NULL AND y.achievement_year IS NOT NULL
              THEN x.achievement_year = y.achievement_year
              ELSE x.year = y.year END
     -- each pair once, the earlier decision first
     AND (coalesce(x.decision_date, DATE '1900-01-01'), coalesce(x.decision_no, ''), x.award_id)
       < (coalesce(y.decision_date, DATE '1900-01-01'), coalesce(y.decision_no, ''), y.award_id)
)
SELECT p.*, r.pair_key IS NOT NULL AS reviewed, r.reviewed_by, r.reviewed_at, r.note
FROM pairs AS p
LEFT JOIN award_pair_reviews AS r ON r.pair_key = p.pair_key
ORDER BY p.year_a DESC, p.unit_name, p.recipient_name, p.decision_a, p.decision_b
