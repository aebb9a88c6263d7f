-- Statements of thidua/accounts.py, each under its name (thidua.db.named_statements).

-- name: user_by_name
SELECT username, display_name, role, unit, email, active, password_hash FROM users WHERE username = ?;

-- name: user_by_email
SELECT username, display_name, role, unit, email, active, password_hash FROM users WHERE lower(email) = lower(?);

-- name: users_by_name
SELECT username, display_name, role, unit, email, active, password_hash FROM users ORDER BY username;

-- name: any_user
SELECT 1 FROM users LIMIT 1;

-- name: user_exists
SELECT 1 FROM users WHERE username = ?;

-- name: add_user
INSERT INTO users (username, display_name, role, unit, email, password_hash, created_at, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?);

-- name: update_user
UPDATE users SET role = ?, unit = ?, display_name = ?, active = ? WHERE username = ?;

-- name: set_password_hash
UPDATE users SET password_hash = ? WHERE username = ?;

-- name: active_password_hash
SELECT password_hash FROM users WHERE username = ? AND active <> 0;

-- name: clear_throttle
DELETE FROM sign_in_throttle WHERE username = ? AND address = ?;

-- name: throttle_of
SELECT failures, last_at FROM sign_in_throttle WHERE username = ? AND address = ?;

-- name: forget_quiet_throttles
DELETE FROM sign_in_throttle WHERE last_at < ? OR (username = ? AND last_at < ?);

-- name: count_failure
INSERT INTO sign_in_throttle (username, address, failures, last_at) VALUES (?, ?, 1, ?) ON CONFLICT (username, address) DO UPDATE SET failures = sign_in_throttle.failures + 1, last_at = excluded.last_at RETURNING failures;
