-- The units first of their bloc or cluster, each year (the Government flag's ladder).
SELECT year, unit_name, bloc_name FROM bloc_scores WHERE rank = 1
