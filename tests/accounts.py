"""Accounts the tests act as (injected into the session, as a signed-in user would be)."""

from __future__ import annotations

from thidua.access import PROVINCE, Account

OPERATOR = Account("cli:test", "admin", PROVINCE, "Người chạy lệnh")
ADMIN = Account("quantri", "admin", PROVINCE, "Lê Quản Trị")
ANALYST = Account("chuyenvien", "analyst", PROVINCE, "Nguyễn Thị Phân Tích")
VIEWER = Account("lanhdao", "viewer", PROVINCE, "Trần Lãnh Đạo")
NO_UNIT = Account("chuagan", "viewer", None, "Chưa Gán")


def unit_viewer(unit: str) -> Account:
    return Account("donvi", "viewer", unit, f"Cán bộ {unit}")
