-- Statements of thidua/scope.py, each under its name (thidua.db.named_statements).

-- name: make_scope_units
CREATE TABLE scope_units (unit_name VARCHAR COLLATE vi);

-- name: add_scope_unit
INSERT INTO scope_units VALUES (?);

-- name: source_tables
SELECT table_name FROM duckdb_tables() WHERE database_name = 'src';
