"""The audit trail: every change made through the access stores, and every data change
elsewhere (imports, undo, aliases, rules), leaves a row — who, when, what — and so does
every refusal of a right."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from thidua import access, formatting, reference
from thidua.access import Account, PermissionDenied, require
from thidua.access_file import AccessStore, Connection, connect, now
from thidua.sql_files import named_statements

SQL = named_statements("access/audit.sql")  # every statement of this store

ACTIONS = {
    "import": "Nhập tệp",
    "undo": "Hủy lần nhập",
    "alias_add": "Thêm tên gọi đơn vị",
    "alias_remove": "Xóa tên gọi đơn vị",
    "rules_change": "Sửa quy tắc phân loại chức vụ",
    "ladder_change": "Sửa quy tắc xét đề nghị",
    "double_reviewed": "Rà soát khen trùng: hai người khác nhau",
    "double_reopened": "Rà soát khen trùng: bỏ ghi nhận",
    "setting_change": "Đổi cài đặt",
    "user_add": "Tạo tài khoản",
    "user_update": "Sửa tài khoản",
    "user_remove": "Khóa tài khoản",
    "password_change": "Đổi mật khẩu",
    "sign_in": "Đăng nhập",
    "sign_in_failed": "Đăng nhập sai",
    "denied": "Bị từ chối quyền",
    "write_refused": "Không ghi được (ổ đĩa đầy)",
    "publish_failed": "Chưa công bố được bản cho trang xem",
}
# What each detail of an audit row is, as readers see it (English keys never reach a page).
DETAIL_NAMES = {
    "rows": "số dòng", "layout": "loại bảng", "replaced_batch": "thay lần nhập", "role": "vai trò",
    "unit": "đơn vị", "email": "e-mail", "before": "trước", "after": "sau", "reason": "lý do",
    "address": "địa chỉ máy", "via": "qua", "too_long": "trường quá dài",
    "sessions_ended": "số phiên bị kết thúc", "rows_removed": "số dòng gỡ",
    "reclassified": "số lượt phân loại lại", "failures": "số lần sai liên tiếp", "error": "lỗi",
    "capability": "quyền cần", "restored": "dùng lại lần nhập",
}  # fmt: skip


def describe_detail(detail: dict[str, Any]) -> str:
    """An audit row's details in words: «số dòng: 52, loại bảng: danh sách khen thưởng»,
    «vai trò: Chuyên viên, đơn vị: toàn tỉnh» — not «rows: 52, layout: awards»."""
    parts = []
    for key, value in detail.items():
        if value in (None, ""):
            continue
        if key == "role":
            value = access.ROLE_NAMES.get(str(value), value)
        elif key == "unit" and value == access.PROVINCE:
            value = "toàn tỉnh"
        elif key == "layout":
            value = reference.LAYOUT_NAMES.get(str(value), value)
        elif value is True:
            value = "có"
        elif isinstance(value, int) and not isinstance(value, bool):
            value = formatting.number(value)
        parts.append(f"{DETAIL_NAMES.get(key, key)}: {value}")
    return ", ".join(parts)


def record(
    con: Connection, who: Account | str, action: str, target: str = "", **detail: Any
) -> None:
    if action not in ACTIONS:
        raise ValueError(f"unknown audit action {action!r}")
    name = who.signature if isinstance(who, Account) else who
    con.execute(
        SQL["add_entry"],
        [now(), name, action, target, json.dumps(detail, ensure_ascii=False, default=str)],
    )


def audit(
    store: AccessStore, who: Account | str, action: str, target: str = "", **detail: Any
) -> None:
    with connect(store) as con:
        record(con, who, action, target, **detail)


def checked(store: AccessStore, actor: Account | None, capability: str, what: str) -> Account:
    """require(), with the refusal itself written to the audit trail."""
    try:
        return require(actor, capability)
    except PermissionDenied:
        audit(
            store,
            actor.signature if actor else "chưa đăng nhập",
            "denied",
            what,
            capability=capability,
        )
        raise


@dataclass(frozen=True)
class AuditEntry:
    at: datetime
    who: str
    action: str
    target: str
    detail: dict[str, Any]


def audit_log(store: AccessStore, limit: int = 1000, action: str | None = None) -> list[AuditEntry]:
    with connect(store) as con:
        rows = con.execute(
            SQL["entries"],
            [action, action, limit],
        ).fetchall()
    return [
        AuditEntry(datetime.fromisoformat(r[0]), r[1], r[2], r[3], json.loads(r[4])) for r in rows
    ]
