SELECT a.year, a.form_code, f.name_vi AS form_name, f.level, f.sort_order, sum(a.n)::BIGINT AS awards
FROM award_counts AS a JOIN ref_award_form AS f ON f.code = a.form_code
WHERE {filters}
GROUP BY ALL
ORDER BY a.year, f.sort_order
