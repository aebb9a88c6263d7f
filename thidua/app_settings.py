"""The settings an admin changes on the Quản trị page (settings.ADMIN_SETTINGS), kept in the
access file and audited; until changed, each is its environment default."""

from __future__ import annotations

from pathlib import Path

from thidua import settings
from thidua.access import Account
from thidua.access_file import connect, now
from thidua.audit import checked, record
from thidua.sql_files import named_statements

SQL = named_statements("access/app_settings.sql")  # every statement of this store


def setting(path: Path, key: str) -> str:
    """The admin's value of settings.ADMIN_SETTINGS[key], else its environment default."""
    if path.exists():
        with connect(path) as con:
            row = con.execute(SQL["setting"], [key]).fetchone()
        if row:
            return str(row[0])
    return settings.ADMIN_SETTINGS[key].value()


def set_setting(path: Path, actor: Account | None, key: str, value: str) -> None:
    actor = checked(path, actor, "manage", f"đổi cài đặt {key}")
    if key not in settings.ADMIN_SETTINGS:
        raise ValueError(f"Không có cài đặt «{key}».")
    before = setting(path, key)
    with connect(path) as con:
        con.execute(
            SQL["set_setting"],
            [key, value, now(), actor.signature],
        )
        record(con, actor, "setting_change", key, before=before, after=value)


def non_leader_target(path: Path) -> float:
    """The share of individual awards that should go to direct workers ("trên 59%" in reports)."""
    try:
        value = float(setting(path, "non_leader_target"))
    except ValueError:
        return 0.6
    return min(max(value, 0.0), 1.0)


def anonymous_allowed(path: Path) -> bool:
    return setting(path, "anonymous").strip().lower() in {"1", "true", "yes", "co", "có"}
