SELECT a.award_id, a.year, a.form_name, a.form_detail, a.position, a.unit_name, a.decision_no, a.decision_date,
       coalesce(t.name_vi, 'Chưa rõ loại hình') AS type_name
FROM awards AS a
LEFT JOIN ref_award_type AS t ON t.code = a.award_type
WHERE a.recipient_name = $name AND a.unit_name IS NOT DISTINCT FROM $unit
ORDER BY a.year, a.decision_date
