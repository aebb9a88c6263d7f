-- Headline counts per decision year; the shares are computed in thidua.metrics.
SELECT
    year,
    count(*)                                                                   AS awards,
    count(*) FILTER (recipient_kind = 'individual')                            AS individuals,
    count(*) FILTER (recipient_kind = 'collective')                            AS collectives,
    count(*) FILTER (recipient_kind = 'household')                             AS households,
    count(*) FILTER (recipient_kind = 'individual' AND is_leader = false)      AS direct_workers,
    count(*) FILTER (recipient_kind = 'individual' AND is_leader = true)       AS leaders,
    count(*) FILTER (recipient_kind = 'individual' AND is_leader IS NULL)      AS unclassified,
    count(*) FILTER (recipient_kind = 'individual' AND gender = 'F')           AS women,
    count(*) FILTER (recipient_kind = 'individual' AND gender IS NOT NULL)     AS with_gender,
    count(*) FILTER (award_type = 'adhoc')                                     AS adhoc
FROM awards
WHERE year IN ($year, $year - 1)
GROUP BY year
