-- Statements of thidua/units.py, each under its name (thidua.db.named_statements).

-- name: unit_names
SELECT name FROM units;

-- name: aliases
SELECT alias, unit_name FROM unit_aliases;
