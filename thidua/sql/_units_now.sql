-- Each unit's name and the unit it is now: itself, or the successor it was merged into (a
-- fragment: ladder_holders and units_now put it in).
WITH RECURSIVE line(name, code, hops) AS (
    SELECT name, unit_code, 0 FROM units
    UNION ALL
    SELECT l.name, u.successor_code, l.hops + 1
    FROM line AS l JOIN units AS u ON u.unit_code = l.code
    WHERE u.successor_code IS NOT NULL AND l.hops < 8
)
SELECT l.name, arg_max(u.name, l.hops) AS unit_now
FROM line AS l JOIN units AS u ON u.unit_code = l.code
GROUP BY l.name
