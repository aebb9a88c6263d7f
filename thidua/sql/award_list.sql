-- The underlying awards of any figure: the shared filters plus the figure's own selection.
SELECT a.year, a.recipient_name, r.name_vi AS kind_name, a.position,
       a.is_leader AS leader_class,  -- in words by thidua.reports (reference.LEADER_CLASS_NAMES)
       a.unit_name, a.form_name, a.form_detail, a.decision_no, a.decision_date, a.source_file, a.source_row
FROM awards AS a
JOIN ref_recipient_kind AS r ON r.code = a.recipient_kind
WHERE {filters} AND {selection}
  AND a.year >= $from_year  -- the oldest year the list can reach (reports.award_list)
ORDER BY a.year DESC, a.decision_date DESC NULLS LAST, a.recipient_name COLLATE vi
LIMIT $limit
