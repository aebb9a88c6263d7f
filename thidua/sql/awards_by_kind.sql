SELECT
    a.year, a.recipient_kind, k.name_vi AS kind_name, sum(a.n)::BIGINT AS awards,
    CASE a.recipient_kind WHEN 'individual' THEN 1 WHEN 'collective' THEN 2 ELSE 3 END AS kind_order
FROM award_counts AS a
JOIN ref_recipient_kind AS k ON k.code = a.recipient_kind
WHERE a.year IN ($year, $year - 1) AND {filters}
GROUP BY ALL
ORDER BY a.year, kind_order
