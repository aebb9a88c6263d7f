-- The documented views (README "SQL views"): analysts' stable interface to the tables,
-- replaced whenever this file changes (thidua/migrations.py).
CREATE OR REPLACE VIEW awards AS
SELECT
    a.award_id, a.year, a.decision_no, a.decision_date,
    a.form_code, f.name_vi AS form_name, f.level AS form_level, a.form_detail, a.form_text,
    a.award_type, a.recipient_kind, a.recipient_name, a.position, a.is_leader, a.leader_rule,
    a.gender, a.unit_name, a.achievement_year, a.campaign_code,
    b.file_name AS source_file, a.source_row, a.batch_id
FROM award AS a
JOIN ref_award_form AS f ON f.code = a.form_code
JOIN import_batches AS b ON b.batch_id = a.batch_id;

CREATE OR REPLACE VIEW bloc_results AS
SELECT
    s.year, s.bloc_name, coalesce(g.bloc_kind, CASE WHEN s.bloc_name ILIKE 'Cụm%' THEN 'cluster' ELSE 'bloc' END) AS bloc_kind,
    s.unit_name, m.role, s.self_score, s.bloc_score, s.bonus, s.penalty, s.total_score, s.rank,
    s.batch_id
FROM bloc_scores AS s
LEFT JOIN blocs AS g ON g.year = s.year AND g.bloc_name = s.bloc_name
LEFT JOIN bloc_members AS m
    ON m.year = s.year AND m.bloc_name = s.bloc_name AND m.unit_name = s.unit_name;
