"""Accounts: who may sign in, with which role and unit; passwords (scrypt) and the throttle
that slows wrong sign-ins."""

from __future__ import annotations

import math
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

from thidua import access
from thidua.access import Account
from thidua.access_file import AccessStore, Connection, connect, end_sessions, exists, now
from thidua.audit import audit, checked, record
from thidua.sql_files import named_statements

SQL = named_statements("access/accounts.sql")  # every statement of this store

# Wrong sign-ins are counted per user name and client address: the first FREE_TRIES cost
# nothing, then each waits twice as long as the one before, up to MAX_WAIT. A stranger can
# slow only their own guesses, never lock a user out from the user's own address; a
# success clears the count, and one untouched for FORGET_AFTER is forgotten.
FREE_TRIES = 3
MAX_WAIT = timedelta(minutes=15)
FORGET_AFTER = timedelta(days=1)
# And per address whatever the name: a guesser cycling through made-up names gets three free
# tries for each, and each costs a full scrypt (0.6 s of a core) — the load test saw one
# such client hold a core. ADDRESS_FREE_TRIES wrong tries of any names from one address,
# then growing waits capped low at ADDRESS_MAX_WAIT: an office behind one NAT address shares
# this count, so an attacker among them slows their sign-ins by at most a minute, never
# locks them out. A quiet ADDRESS_FORGET clears it; a success does not (a guesser holding one
# account could otherwise reset it at will). Kept in sign_in_throttle under ANY_NAME, which
# no user name can be (access.USERNAME).
ADDRESS_FREE_TRIES = 20
ADDRESS_MAX_WAIT = timedelta(minutes=1)
ADDRESS_FORGET = timedelta(minutes=15)
ANY_NAME = "*"


@dataclass(frozen=True)
class User:
    username: str
    display_name: str
    role: str
    unit: str | None
    email: str | None
    active: bool

    def account(self) -> Account:
        return Account(self.username, self.role, self.unit, self.display_name)


def _user(row: tuple[Any, ...] | None) -> User | None:
    if row is None:
        return None
    return User(row[0], row[1], row[2], row[3], row[4], bool(row[5]))


def user_in(con: Connection, username: str) -> User | None:
    """The user as the open access file says now (sessions read it on every click)."""
    return _user(con.execute(SQL["user_by_name"], [username]).fetchone())


def users(store: AccessStore) -> list[User]:
    with connect(store) as con:
        rows = con.execute(SQL["users_by_name"]).fetchall()
    return [u for u in map(_user, rows) if u is not None]


def has_users(store: AccessStore) -> bool:
    if not exists(store):
        return False
    with connect(store) as con:
        return con.execute(SQL["any_user"]).fetchone() is not None


def _check_fields(role: str, unit: str | None) -> None:
    if role not in access.ROLES:
        raise ValueError(f"Vai trò «{role}» không có; chọn một trong: {', '.join(access.ROLES)}.")
    if role != "viewer" and unit != access.PROVINCE:
        # Analysts and admins import and correct the province's files: they see all of it.
        raise ValueError("Chuyên viên và quản trị viên làm việc trên số liệu toàn tỉnh.")


def add_user(
    store: AccessStore,
    actor: Account | None,
    username: str,
    password: str | None,
    role: str,
    unit: str | None = None,
    display_name: str = "",
    email: str | None = None,
) -> User:
    """Create an account. The very first account may only be an admin, made from the command line."""
    problem = access.username_problem(username) or (
        access.password_problem(password) if password is not None else None
    )
    if problem:
        raise ValueError(problem)
    unit = access.PROVINCE if role != "viewer" and unit is None else unit
    _check_fields(role, unit)
    if has_users(store):
        checked(store, actor, "manage", f"tạo tài khoản {username}")
    elif role != "admin":
        raise ValueError("Tài khoản đầu tiên phải là quản trị viên (--role admin).")
    with connect(store) as con:
        if con.execute(SQL["user_exists"], [username]).fetchone():
            raise ValueError(f"Tên đăng nhập «{username}» đã có.")
        who = actor.signature if actor else "dòng lệnh"
        con.execute(
            SQL["add_user"],
            [username, display_name, role, unit, email or None,
             access.hash_password(password) if password else None, now(), who],
        )  # fmt: skip
        record(con, who, "user_add", username, role=role, unit=unit, email=email)
    found = get_user(store, username)
    assert found is not None
    return found


def get_user(store: AccessStore, username: str) -> User | None:
    with connect(store) as con:
        return _user(con.execute(SQL["user_by_name"], [username]).fetchone())


def update_user(
    store: AccessStore,
    actor: Account | None,
    username: str,
    *,
    role: str | None = None,
    unit: str | None | bool = False,  # False: leave as it is; None: take the unit away
    display_name: str | None = None,
    active: bool | None = None,
) -> User:
    actor = checked(store, actor, "manage", f"sửa tài khoản {username}")
    current = get_user(store, username)
    if current is None:
        raise ValueError(f"Không có tài khoản «{username}».")
    new_role = role or current.role
    new_unit = current.unit if unit is False else unit
    new_unit = access.PROVINCE if new_role != "viewer" else new_unit
    _check_fields(new_role, new_unit if isinstance(new_unit, str) or new_unit is None else None)
    if username == actor.username and (new_role != "admin" or active is False):
        raise ValueError("Không thể tự hạ quyền hay tự khóa tài khoản quản trị đang dùng.")
    changes = {
        "role": new_role,
        "unit": new_unit,
        "display_name": current.display_name if display_name is None else display_name,
        "active": current.active if active is None else active,
    }
    with connect(store) as con:
        con.execute(
            SQL["update_user"],
            [
                changes["role"],
                changes["unit"],
                changes["display_name"],
                int(bool(changes["active"])),
                username,
            ],
        )
        before = {"role": current.role, "unit": current.unit, "active": current.active}
        if active is False:
            end_sessions(con, username)
        record(con, actor, "user_remove" if active is False else "user_update", username,
               before=before, after=changes)  # fmt: skip
    found = get_user(store, username)
    assert found is not None
    return found


def set_password(
    store: AccessStore, actor: Account | None, username: str, password: str, keep: str | None = None
) -> None:
    """An admin resets anyone's password; everybody may change their own. Every session of
    that person ends (but the one of token `keep`: the browser that changed its own)."""
    if actor is None or actor.username != username:
        checked(store, actor, "manage", f"đổi mật khẩu {username}")
    problem = access.password_problem(password)
    if problem:
        raise ValueError(problem)
    with connect(store) as con:
        done = con.execute(
            SQL["set_password_hash"],
            [access.hash_password(password), username],
        ).rowcount
        if not done:
            raise ValueError(f"Không có tài khoản «{username}».")
        ended = end_sessions(con, username, keep)
        record(con, actor.signature if actor else "dòng lệnh", "password_change", username,
               sessions_ended=ended)  # fmt: skip


def change_own_password(
    store: AccessStore, account: Account, old: str, new: str, keep: str | None = None
) -> None:
    """A signed-in person changes their own password, proving they know the current one;
    their other sessions end (`keep`: this browser's token)."""
    with connect(store) as con:
        row = con.execute(SQL["active_password_hash"], [account.username]).fetchone()
    if row is None or not access.verify_password(old, row[0]):
        audit(
            store, account, "denied", f"đổi mật khẩu {account.username}", reason="sai mật khẩu cũ"
        )
        raise ValueError("Mật khẩu hiện tại không đúng.")
    set_password(store, account, account.username, new, keep)


class TooSoon(Exception):
    """Too many wrong sign-ins from this address for this name (or, `whole_address`, for any
    names): wait `seconds`."""

    def __init__(self, seconds: int, whole_address: bool = False) -> None:
        super().__init__(f"wait {seconds} s")
        self.seconds = seconds
        self.whole_address = whole_address


def _doubling(failures: int, free: int, most: timedelta) -> timedelta:
    """0 for the first `free` wrong tries, then 1 s, 2 s, 4 s… up to `most`."""
    if failures < free:
        return timedelta(0)
    return min(timedelta(seconds=2 ** min(failures - free, 20)), most)


def wait_after(failures: int) -> timedelta:
    """How long after the last wrong try for a name the next one is heard."""
    return _doubling(failures, FREE_TRIES, MAX_WAIT)


def address_wait_after(failures: int) -> timedelta:
    """The same for one address's wrong tries of any names."""
    return _doubling(failures, ADDRESS_FREE_TRIES, ADDRESS_MAX_WAIT)


# One sign-in at a time in this process: the throttle's check, the password's check and the
# count's update are one step, so parallel tries cannot slip past the count (and only one
# 128 MiB hash is made at a time).
_SIGNING_IN = threading.Lock()


def sign_in(store: AccessStore, username: str, password: str, address: str = "?") -> Account | None:
    """The account for a correct user name and password; None (and an audit row) otherwise.
    Raises TooSoon while wrong tries from `address` for this name must wait. Fields longer
    than a user name or a password can be are refused before anything reads them."""
    too_long = len(username) > access.MAX_USERNAME or len(password) > access.MAX_PASSWORD
    name = username[: access.MAX_USERNAME].strip().lower()
    address = address[:64]
    with _SIGNING_IN:
        with connect(store) as con:
            _forget_quiet(con)
            wait = _wait_left(con, name, address, wait_after)
            address_wait = _wait_left(con, ANY_NAME, address, address_wait_after)
            row = None if too_long else con.execute(SQL["user_by_name"], [name]).fetchone()
        if wait > 0 or address_wait > 0:
            raise TooSoon(max(wait, address_wait), whole_address=address_wait > wait)
        user = _user(row)
        stored = row[6] if row is not None and user is not None and user.active else None
        # The same work for every refusal: an unknown name is checked against a decoy.
        ok = not too_long and access.verify_password(password, stored) and user is not None
        # Made before the write below, not while it holds the file.
        rehashed = access.hash_password(password) if ok and access.needs_rehash(stored) else None
        with connect(store) as con:
            if not ok or user is None:
                failures = _count_failure(con, name, address)
                _count_failure(con, ANY_NAME, address)
                record(con, name or "?", "sign_in_failed", name, address=address,
                       failures=failures, too_long=too_long or None)  # fmt: skip
                return None
            con.execute(SQL["clear_throttle"], [name, address])
            if rehashed:
                con.execute(SQL["set_password_hash"], [rehashed, name])
            record(con, user.account(), "sign_in", name, address=address)
        return user.account()


def _wait_left(
    con: Connection,
    username: str,
    address: str,
    waits: Callable[[int], timedelta],
) -> int:
    """Whole seconds before this name (ANY_NAME: any) may be tried again from this address."""
    row = con.execute(
        SQL["throttle_of"],
        [username, address],
    ).fetchone()
    if row is None:
        return 0
    heard_at = datetime.fromisoformat(row[1]) + waits(int(row[0]))
    return max(0, math.ceil((heard_at - datetime.now(UTC)).total_seconds()))


def _forget_quiet(con: Connection) -> None:
    """Counts untouched for FORGET_AFTER (an address's: ADDRESS_FORGET) are dropped."""
    now = datetime.now(UTC)
    con.execute(
        SQL["forget_quiet_throttles"],
        [(now - FORGET_AFTER).isoformat(timespec="seconds"), ANY_NAME,
         (now - ADDRESS_FORGET).isoformat(timespec="seconds")],
    )  # fmt: skip


def _count_failure(con: Connection, username: str, address: str) -> int:
    row = con.execute(
        SQL["count_failure"],
        [username, address, datetime.now(UTC).isoformat()],  # to the microsecond: waits are short
    ).fetchone()
    return int(row[0])


def account_for_email(store: AccessStore, email: str | None, verified: bool) -> Account | None:
    """OIDC: the identity provider says who it is; our user list says what they may do. An
    e-mail the provider has not verified proves nothing (anyone can type one into a
    self-service account) and matches no account."""
    if not email or verified is not True:
        return None
    with connect(store) as con:
        user = _user(
            con.execute(
                SQL["user_by_email"],
                [email],
            ).fetchone()
        )
    return user.account() if user and user.active else None


def current(store: AccessStore, username: str) -> Account | None:
    """The account as the user list says now (None when locked or gone)."""
    user = get_user(store, username)
    return user.account() if user and user.active else None
