-- Pre-aggregated tables, rebuilt in every published snapshot (thidua.db.publish_snapshot):
-- the pages' counts read ~1 row per 80 awards at national scale, and search reads one row
-- per person and unit with the accent-free name already computed.
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
