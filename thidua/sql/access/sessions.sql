-- Statements of thidua/sessions.py, each under its name (thidua.db.named_statements).

-- name: drop_expired_sessions
DELETE FROM sessions WHERE expires_at < ?;

-- name: add_session
INSERT INTO sessions (token_sha256, username, created_at, expires_at, last_seen) VALUES (?, ?, ?, ?, ?);

-- name: session_by_token
SELECT username, expires_at, coalesce(last_seen, created_at) FROM sessions WHERE token_sha256 = ?;

-- name: drop_session
DELETE FROM sessions WHERE token_sha256 = ?;

-- name: session_seen
UPDATE sessions SET last_seen = ? WHERE token_sha256 = ?;

-- name: drop_expired_handoffs
DELETE FROM session_handoffs WHERE expires_at < ?;

-- name: add_handoff
INSERT INTO session_handoffs VALUES (?, ?, ?);

-- name: take_handoff
DELETE FROM session_handoffs WHERE code_sha256 = ? RETURNING token, expires_at;

-- name: session_owner
SELECT username FROM sessions WHERE token_sha256 = ?;
