-- Pre-aggregated tables, kept in the master and copied into every snapshot: the pages'
-- counts read ~1 row per 80 awards at national scale, and search reads one row per person
-- and unit with the accent-free name already computed. This file builds them whole (a new
-- or upgraded warehouse, a change of classification rules); an import or an undo refreshes
-- only the years and people it touched (aggregates_touched.sql).
CREATE OR REPLACE TABLE award_counts AS
SELECT year, unit_name, form_code, award_type, recipient_kind, is_leader, gender, campaign_code,
       count(*) AS n
FROM award
GROUP BY ALL
ORDER BY year, unit_name;

CREATE OR REPLACE TABLE recipients AS
SELECT recipient_name, unit_name, any_value(recipient_kind) AS recipient_kind,
       count(*) AS awards, min(year) AS first_year, max(year) AS last_year,
       replace(strip_accents(lower(recipient_name)), 'đ', 'd') AS name_folded
FROM award
GROUP BY recipient_name, unit_name;

-- What each unit received for a year's achievement as a collective (flags, certificates of
-- merit): the bloc ranking's last column. unit_name is the awarding row's unit, as in `award`.
CREATE OR REPLACE TABLE unit_outcomes AS
SELECT DISTINCT a.year, a.recipient_name, coalesce(a.achievement_year, a.year - 1) AS achievement_year,
       a.unit_name, f.name_vi AS outcome
FROM award AS a
JOIN ref_award_form AS f ON f.code = a.form_code
WHERE a.recipient_kind = 'collective' AND a.form_code IN ('CO_CP', 'CO_TINH', 'BK_TTG', 'BK_TINH');

INSERT OR REPLACE INTO meta VALUES ('aggregates', 'current');
