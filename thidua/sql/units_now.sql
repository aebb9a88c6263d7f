-- Each unit's name and the unit it is now (the one definition: _units_now.sql).
SELECT name, unit_now FROM ({units_now})
