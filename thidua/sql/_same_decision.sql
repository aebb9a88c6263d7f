-- The award `a` is of the dossier `d`'s decision: decision numbers start again each year,
-- so it is the one of that number made between the dossier's first receipt and its answer
-- (a list without decision dates: in the year of the answer).
coalesce(a.decision_date BETWEEN d.first_received AND d.returned_on, a.year = year(d.returned_on))
