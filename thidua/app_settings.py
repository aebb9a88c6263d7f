"""The settings an admin changes on the Quản trị page (settings.ADMIN_SETTINGS), kept in the
access file and audited; until changed, each is its environment default."""

from __future__ import annotations

from thidua import settings
from thidua.access import Account
from thidua.access_file import AccessStore, connect, exists, now
from thidua.audit import checked, record
from thidua.sql_files import named_statements

SQL = named_statements("access/app_settings.sql")  # every statement of this store


def setting(store: AccessStore, key: str) -> str:
    """The admin's value of settings.ADMIN_SETTINGS[key], else its environment default."""
    if exists(store):
        with connect(store) as con:
            row = con.execute(SQL["setting"], [key]).fetchone()
        if row:
            return str(row[0])
    return settings.ADMIN_SETTINGS[key].value()


def set_setting(store: AccessStore, actor: Account | None, key: str, value: str) -> None:
    actor = checked(store, actor, "manage", f"đổi cài đặt {key}")
    if key not in settings.ADMIN_SETTINGS:
        raise ValueError(f"Không có cài đặt «{key}».")
    before = setting(store, key)
    with connect(store) as con:
        con.execute(
            SQL["set_setting"],
            [key, value, now(), actor.signature],
        )
        record(con, actor, "setting_change", key, before=before, after=value)


def non_leader_target(store: AccessStore) -> float:
    """The share of individual awards that should go to direct workers ("trên 59%" in reports)."""
    try:
        value = float(setting(store, "non_leader_target"))
    except ValueError:
        return 0.6
    return min(max(value, 0.0), 1.0)


def anonymous_allowed(store: AccessStore) -> bool:
    return setting(store, "anonymous").strip().lower() in {"1", "true", "yes", "co", "có"}
