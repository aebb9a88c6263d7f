-- The awards a statistical form counts (Circular 02/2023/TT-BNV: 0602 the state-level awards,
-- 0603 the provincial ones): those of the form's level decided in the year (the year of the
-- decision is the statistical year), of one unit or all, with what the columns need.
SELECT a.form_code, a.form_detail, a.recipient_kind, a.recipient_name, a.position, a.is_leader,
       a.leader_rule, a.award_type, a.unit_name, u.kind AS unit_kind
FROM award AS a
JOIN ref_award_form AS f ON f.code = a.form_code
LEFT JOIN units AS u ON u.name = a.unit_name
WHERE a.year = $year AND f.level = $level AND ($unit IS NULL OR a.unit_name = $unit)
