-- The pre-aggregated tables (aggregates.sql) brought up to date for the years and the
-- people an import or an undo touched (touched_years, touched_recipients: temporary tables
-- filled by thidua.db.mark_touched before the rows changed), in the writer's transaction.
-- The people's rows: aggregates_recipients_touched.sql, or aggregates_recipients_appended.sql.
DELETE FROM award_counts WHERE year IN (SELECT year FROM touched_years);
INSERT INTO award_counts {award_counts};

DELETE FROM unit_outcomes WHERE year IN (SELECT year FROM touched_years);
INSERT INTO unit_outcomes {unit_outcomes};

DELETE FROM decision_counts WHERE year IN (SELECT year FROM touched_years);
INSERT INTO decision_counts {decision_counts};

DROP TABLE touched_years;
