-- Statements of thidua/app_settings.py, each under its name (thidua.db.named_statements).

-- name: setting
SELECT value FROM app_settings WHERE key = ?;

-- name: set_setting
INSERT INTO app_settings (key, value, changed_at, changed_by) VALUES (?, ?, ?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value, changed_at = excluded.changed_at, changed_by = excluded.changed_by;
