-- One bloc in one year, best first, with what the unit received for that year when known:
-- a collective award to the unit itself (Cờ thi đua, Bằng khen) for the year's achievement.
SELECT
    r.rank, r.unit_name, r.role, r.self_score, r.bloc_score, r.bonus, r.penalty, r.total_score,
    (SELECT string_agg(DISTINCT f.name_vi, '; ')
       FROM award AS a JOIN ref_award_form AS f ON f.code = a.form_code
      WHERE a.recipient_kind = 'collective'
        AND a.form_code IN ('CO_CP', 'CO_TINH', 'BK_TTG', 'BK_TINH')
        AND a.recipient_name = r.unit_name
        AND coalesce(a.achievement_year, a.year - 1) = r.year) AS outcome
FROM bloc_results AS r
WHERE r.year = $year AND r.bloc_name = $bloc
ORDER BY r.rank
