SELECT
    f.code AS form_code, f.name_vi AS form_name, f.level, f.sort_order,
    coalesce(sum(a.n) FILTER (a.year = $year), 0)::BIGINT                                        AS awards,
    coalesce(sum(a.n) FILTER (a.year = $year - 1), 0)::BIGINT                                    AS awards_previous
FROM ref_award_form AS f
LEFT JOIN (SELECT * FROM award_counts AS a WHERE a.year IN ($year, $year - 1) AND {filters}) AS a
    ON a.form_code = f.code
GROUP BY ALL
HAVING sum(a.n) > 0
ORDER BY awards DESC, f.sort_order
