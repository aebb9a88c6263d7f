SELECT f.level, a.form_code, f.name_vi AS form_name, a.award_type, coalesce(t.name_vi, 'Chưa rõ loại hình') AS type_name,
       a.recipient_kind, sum(a.n)::BIGINT AS awards
FROM award_counts AS a
JOIN ref_award_form AS f ON f.code = a.form_code
LEFT JOIN ref_award_type AS t ON t.code = a.award_type
WHERE {filters}
GROUP BY ALL
-- An order of its own: the treemap's tiles and colours must not depend on how the engine
-- (a file or a lake) happened to group.
ORDER BY f.level, a.form_code, a.award_type NULLS LAST, a.recipient_kind
