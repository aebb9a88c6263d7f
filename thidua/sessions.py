"""Sessions: a signed-in browser is remembered by a random token in a cookie."""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta

from thidua.access import Account
from thidua.access_file import AccessStore, connect, end_sessions, exists, token_hash
from thidua.accounts import user_in
from thidua.sql_files import named_statements

SQL = named_statements("access/sessions.sql")  # every statement of this store

# A session ends SESSION_HOURS after sign-in however busy it is, after SESSION_IDLE with no
# step, at sign-out (every session of that person), at a password change or reset, and
# when the account is locked — checked on every run of the app (session_account).
SESSION_HOURS = 12  # a working day; then the person signs in again
SESSION_COOKIE = "thidua_phien"  # set HttpOnly by the server (asgi.py), holds the token
SESSION_IDLE = timedelta(hours=1)
_SEEN_EVERY = timedelta(minutes=1)  # a step is written at most this often


def open_session(store: AccessStore, account: Account) -> str:
    """A new random token for the browser's cookie; only its hash is stored."""
    token = secrets.token_urlsafe(32)
    now = datetime.now(UTC)
    stamp = now.isoformat(timespec="seconds")
    with connect(store) as con:
        con.execute(SQL["drop_expired_sessions"], [stamp])
        con.execute(
            SQL["add_session"],
            [token_hash(token), account.username, stamp,
             (now + timedelta(hours=SESSION_HOURS)).isoformat(timespec="seconds"), stamp],
        )  # fmt: skip
    return token


def session_account(store: AccessStore, token: str | None) -> Account | None:
    """The account of a live session token, read afresh: a locked account or a changed role
    takes effect at once; an expired or idle session is ended here."""
    if not token or not exists(store):
        return None
    now = datetime.now(UTC)
    with connect(store) as con:
        row = con.execute(
            SQL["session_by_token"],
            [token_hash(token)],
        ).fetchone()
        if row is None:
            return None
        username, expires_at, last_seen = row
        if expires_at < _stamp(now) or last_seen < _stamp(now - SESSION_IDLE):
            con.execute(SQL["drop_session"], [token_hash(token)])
            return None
        if last_seen < _stamp(now - _SEEN_EVERY):
            con.execute(
                SQL["session_seen"],
                [_stamp(now), token_hash(token)],
            )
        # Read in the same visit to the file: this runs on every click.
        user = user_in(con, username)
    return user.account() if user and user.active else None


HANDOFF_SECONDS = 60


def handoff(store: AccessStore, token: str) -> str:
    """A one-time code (a minute, single use) for which the server sets `token` as the
    browser's HttpOnly cookie (asgi.py, /phien/vao): the token never travels in an address."""
    code = secrets.token_urlsafe(24)
    now = datetime.now(UTC)
    with connect(store) as con:
        con.execute(SQL["drop_expired_handoffs"], [_stamp(now)])
        con.execute(
            SQL["add_handoff"],
            [token_hash(code), token, _stamp(now + timedelta(seconds=HANDOFF_SECONDS))],
        )
    return code


def take_handoff(store: AccessStore, code: str) -> str | None:
    """The session token a code stands for — once, within its minute — else None."""
    if not code or not exists(store):
        return None
    with connect(store) as con:
        row = con.execute(
            SQL["take_handoff"],
            [token_hash(code)],
        ).fetchone()
    if row is None or row[1] < _stamp(datetime.now(UTC)):
        return None
    return str(row[0])


def _stamp(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


def close_session(store: AccessStore, token: str | None) -> int:
    """Sign-out: every session of the person this token is theirs ends, in every browser.
    Returns how many ended."""
    if not token:
        return 0
    with connect(store) as con:
        row = con.execute(SQL["session_owner"], [token_hash(token)]).fetchone()
        return end_sessions(con, row[0]) if row else 0
