-- Pre-aggregated tables, kept in the master and copied into every snapshot: the pages'
-- counts read ~1 row per 80 awards at national scale, and search reads one row per person
-- and unit with the accent-free name already computed. This file builds them whole (a new
-- or upgraded warehouse, new classification rules or reference names); an import or an undo
-- refreshes only the years and people it touched (aggregates_touched.sql). Each table's rows
-- are defined once, in _aggregate_rows.sql.
CREATE OR REPLACE TABLE award_counts AS {award_counts} ORDER BY year, unit_name;
CREATE OR REPLACE TABLE recipients AS {recipients};
CREATE OR REPLACE TABLE unit_outcomes AS {unit_outcomes};
CREATE OR REPLACE TABLE decision_counts AS {decision_counts} ORDER BY year, decision_no;
-- Delete and insert, not INSERT OR REPLACE: the lake's meta has no key (thidua/meta.py).
DELETE FROM meta WHERE key = 'aggregates';
INSERT INTO meta VALUES ('aggregates', '{aggregates_version}');
