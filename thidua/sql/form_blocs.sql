-- Form 0601: the blocs and clusters that ran their yearly emulation in the year.
SELECT DISTINCT bloc_name FROM bloc_members WHERE year = $year
UNION
SELECT DISTINCT bloc_name FROM bloc_scores WHERE year = $year
