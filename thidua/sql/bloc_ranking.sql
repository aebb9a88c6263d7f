-- One bloc in one year, best first, with what the unit received for that year when known:
-- a collective award to the unit itself (Cờ thi đua, Bằng khen) for the year's achievement
-- (unit_outcomes, pre-aggregated in each snapshot).
SELECT
    r.rank, r.unit_name, r.role, r.self_score, r.bloc_score, r.bonus, r.penalty, r.total_score,
    (SELECT string_agg(DISTINCT o.outcome, '; ' ORDER BY o.outcome)
       FROM unit_outcomes AS o
      WHERE o.recipient_name = r.unit_name AND o.achievement_year = r.year) AS outcome
FROM bloc_results AS r
WHERE r.year = $year AND r.bloc_name = $bloc
ORDER BY r.rank
