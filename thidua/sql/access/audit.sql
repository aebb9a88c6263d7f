-- Statements of thidua/audit.py, each under its name (thidua.db.named_statements).

-- name: add_entry
INSERT INTO audit (at, who, action, target, detail) VALUES (?, ?, ?, ?, ?);

-- name: entries
SELECT at, who, action, target, detail FROM audit WHERE CAST(? AS TEXT) IS NULL OR action = ? ORDER BY id DESC LIMIT ?;
