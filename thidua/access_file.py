"""The access file: accounts, sessions, settings and the audit trail, in a small SQLite file
beside the warehouse (one store per thing uses it: audit, accounts, sessions, app_settings).

Not in DuckDB: the dashboard must be able to sign people in and record what
they do while an import holds the warehouse, and SQLite lets several processes
(the server, the command line) write the same file safely.
"""

from __future__ import annotations

import hashlib
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, datetime
from pathlib import Path

from thidua import settings
from thidua.sql_files import named_statements, read_sql

SQL = named_statements("access/access_file.sql")  # every statement of this store

SCHEMA = read_sql("access/schema.sql")

access_path = settings.access_path


_READY: set[Path] = set()  # access files whose schema this process has already made sure of


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


@contextmanager
def connect(path: Path) -> Iterator[sqlite3.Connection]:
    """One short transaction: committed on success, rolled back on any error."""
    fresh = path not in _READY or not path.exists()
    if fresh:
        path.parent.mkdir(parents=True, exist_ok=True)
    con = sqlite3.connect(path, timeout=10)
    try:
        if fresh:  # once per file and process: the pages ask for the account many times a run
            con.execute(SQL["journal_wal"])
            con.executescript(SCHEMA)
            _add_missing_columns(con)
        with con:
            yield con
    finally:
        con.close()
    if fresh:
        _READY.add(path)
        with suppress(OSError):
            os.chmod(path, 0o600)  # password hashes: readable by the service account only


def _add_missing_columns(con: sqlite3.Connection) -> None:
    """Columns added after access files were first made (CREATE IF NOT EXISTS keeps the old
    table): a session's last step, for the idle lifetime."""
    columns = {row[1] for row in con.execute(SQL["session_columns"])}
    if "last_seen" not in columns:
        con.execute(SQL["add_last_seen"])


def token_hash(token: str) -> str:
    """Tokens and one-time codes are stored as their hash only."""
    return hashlib.sha256(token.encode()).hexdigest()


def end_sessions(con: sqlite3.Connection, username: str, keep: str | None = None) -> int:
    """End every session of `username` (but the one of token `keep`): at sign-out, a password
    change or reset, and when an account is locked."""
    return con.execute(
        SQL["end_sessions"],
        [username, token_hash(keep) if keep else ""],
    ).rowcount
