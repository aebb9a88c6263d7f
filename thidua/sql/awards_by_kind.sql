SELECT a.year, a.recipient_kind, k.name_vi AS kind_name, count(*) AS awards
FROM awards AS a
JOIN ref_recipient_kind AS k ON k.code = a.recipient_kind
WHERE a.year IN ($year, $year - 1)
GROUP BY ALL
ORDER BY a.year, a.recipient_kind
