SELECT DISTINCT year, bloc_name, bloc_kind FROM bloc_results ORDER BY year DESC, bloc_kind, bloc_name COLLATE vi
