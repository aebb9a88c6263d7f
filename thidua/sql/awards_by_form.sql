SELECT
    f.code AS form_code, f.name_vi AS form_name, f.level, f.sort_order,
    count(a.award_id) FILTER (a.year = $year)                                        AS awards,
    count(a.award_id) FILTER (a.year = $year AND a.recipient_kind = 'individual')    AS individuals,
    count(a.award_id) FILTER (a.year = $year AND a.recipient_kind <> 'individual')   AS collectives,
    count(a.award_id) FILTER (a.year = $year - 1)                                    AS awards_previous
FROM ref_award_form AS f
LEFT JOIN (SELECT * FROM award AS a WHERE a.year IN ($year, $year - 1) AND {filters}) AS a
    ON a.form_code = f.code
GROUP BY ALL
HAVING count(a.award_id) > 0
ORDER BY awards DESC, f.sort_order
