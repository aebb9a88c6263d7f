-- The rows of each pre-aggregated table, restricted to {years} / {people} (everything for a
-- whole build; the touched years and people for a refresh). Sections are split on "-- ==".
-- == award_counts
SELECT year, unit_name, form_code, award_type, recipient_kind, is_leader, gender, campaign_code,
       count(*) AS n
FROM award
WHERE {years}
GROUP BY ALL
-- == recipients
SELECT a.recipient_name, a.unit_name, any_value(a.recipient_kind) AS recipient_kind,
       count(*) AS awards, min(a.year) AS first_year, max(a.year) AS last_year,
       replace(strip_accents(lower(a.recipient_name)), 'đ', 'd') AS name_folded
FROM award AS a
{people}
GROUP BY a.recipient_name, a.unit_name
-- == decision_counts
-- The awards of each decision per date and unit: what a dossier's decision granted its unit
-- is looked up here (dossier_rows.sql), among ~1 row per 3 awards instead of every award.
SELECT year, decision_no, decision_date, unit_name, count(*) AS n
FROM award
WHERE decision_no IS NOT NULL AND {years}
GROUP BY ALL
-- == unit_outcomes
-- What each unit received for a year's achievement as a collective (flags, certificates of
-- merit): the bloc ranking's last column. unit_name is the awarding row's unit, as in `award`.
SELECT DISTINCT a.year, a.recipient_name, coalesce(a.achievement_year, a.year - 1) AS achievement_year,
       a.unit_name, f.name_vi AS outcome
FROM award AS a
JOIN ref_award_form AS f ON f.code = a.form_code
WHERE a.recipient_kind = 'collective' AND a.form_code IN ('CO_CP', 'CO_TINH', 'BK_TTG', 'BK_TINH')
  AND {years}
