"""Quản trị: accounts, unit aliases, settings and the audit trail (admins only)."""

from __future__ import annotations

import polars as pl
import streamlit as st

from etl import upload
from thidua import access, accounts, app_settings, audit, settings
from thidua.access import PermissionDenied
from thidua.formatting import TIME_HEADER, local_time
from thidua.literal import markdown as md
from ui.account import access_db
from ui.guard import require_page
from ui.layout import no_data, writing_from_page
from ui.notices import say_last_run, say_next_run
from ui.tables import download_table, show_table
from ui.widget_texts import vietnamese_widget_texts

account = require_page("manage")
master = settings.db_path()
path = access_db()
st.title("Quản trị")
vietnamese_widget_texts()
say_last_run()  # they quote names, units and aliases as typed

UNSET = ""  # the select value for "no unit": the account sees nothing until given one


def _done(message: str) -> None:
    say_next_run(message)
    st.rerun()


def _scope_choices() -> list[str]:
    return [access.PROVINCE, *upload.unit_names(master), UNSET]


def _scope_name(value: str) -> str:
    return {access.PROVINCE: "Toàn tỉnh", UNSET: "(chưa gán — không xem được gì)"}.get(value, value)


users_tab, aliases_tab, rules_tab, settings_tab, log_tab = st.tabs(
    ["Tài khoản", "Tên gọi đơn vị", "Quy tắc phân loại chức vụ", "Cài đặt", "Nhật ký thay đổi"]
)

with users_tab:
    people = accounts.users(path)
    show_table(
        pl.DataFrame(
            {
                "username": [u.username for u in people],
                "name": [u.display_name for u in people],
                "role": [access.ROLE_NAMES[u.role] for u in people],
                "scope": [u.account().scope_label() for u in people],
                "email": [u.email for u in people],
                "state": ["đang dùng" if u.active else "đã khóa" for u in people],
            },
            schema={c: pl.String for c in ("username", "name", "role", "scope", "email", "state")},
        ),
        {"username": "Tên đăng nhập", "name": "Họ tên", "role": "Vai trò", "scope": "Phạm vi",
         "email": "Thư điện tử", "state": "Trạng thái"},
    )  # fmt: skip
    left, right = st.columns(2)
    with left.form("user_add", clear_on_submit=True):
        st.markdown("**Tạo tài khoản**")
        username = st.text_input("Tên đăng nhập", key="new_username")
        name = st.text_input("Họ tên", key="new_name")
        role = st.selectbox(
            "Vai trò", access.ROLES, format_func=access.ROLE_NAMES.__getitem__, key="new_role"
        )
        choices = _scope_choices()
        # Deny by default: a new viewer sees nothing until the admin picks its scope.
        scope = st.selectbox("Phạm vi xem (người xem)", choices, index=choices.index(UNSET), format_func=_scope_name,
                             key="new_scope", help="Chuyên viên và quản trị viên luôn xem toàn tỉnh.")  # fmt: skip
        email = st.text_input(
            "Thư điện tử (đăng nhập qua tài khoản của tỉnh, nếu có)", key="new_email"
        )
        password = st.text_input("Mật khẩu", type="password", key="new_password")
        if st.form_submit_button("Tạo tài khoản", type="primary"):
            try:
                made = accounts.add_user(path, account, username.strip().lower(), password, role,
                                      scope or None, name.strip(), email.strip() or None)  # fmt: skip
            except (ValueError, PermissionDenied) as problem:
                st.error(md(problem))
            else:
                _done(f"Đã tạo tài khoản «{made.username}».")
    if people:
        with right.container(border=True):
            st.markdown("**Sửa tài khoản**")
            chosen = st.selectbox("Tài khoản", [u.username for u in people], key="edit_user")
            user = next(u for u in people if u.username == chosen)
            new_role = st.selectbox("Vai trò", access.ROLES, index=access.ROLES.index(user.role),
                                    format_func=access.ROLE_NAMES.__getitem__, key=f"edit_role_{chosen}")  # fmt: skip
            current = user.unit or UNSET
            # A unit no longer in the list stays offered as it is, never silently widened.
            choices = [*dict.fromkeys([*_scope_choices(), current])]
            new_scope = st.selectbox("Phạm vi xem", choices, index=choices.index(current),
                                     format_func=_scope_name, key=f"edit_scope_{chosen}")  # fmt: skip
            active = st.checkbox("Đang dùng", value=user.active, key=f"edit_active_{chosen}")
            new_password = st.text_input("Mật khẩu mới (để trống nếu không đổi)", type="password",
                                         key=f"edit_password_{chosen}")  # fmt: skip
            if st.button("Lưu thay đổi", key="edit_save"):
                try:
                    accounts.update_user(
                        path, account, chosen, role=new_role, unit=new_scope or None, active=active
                    )
                    if new_password:
                        accounts.set_password(path, account, chosen, new_password)
                except (ValueError, PermissionDenied) as problem:
                    st.error(md(problem))
                else:
                    _done(f"Đã lưu tài khoản «{chosen}».")

with aliases_tab:
    st.caption(
        "Tên gọi khác của một đơn vị trong danh mục (viết tắt, tên cũ, lỗi gõ thường gặp): "
        "các lần nhập sau sẽ ghi nhận đúng đơn vị."
    )
    aliases = upload.unit_aliases(master)
    if aliases.height == 0:
        no_data("Chưa có tên gọi nào.")
    else:
        show_table(aliases.with_columns(pl.col("created_at").map_elements(local_time, return_dtype=pl.String)),
                   {"alias": "Tên gọi", "unit_name": "Đơn vị", "created_by": "Người thêm", "created_at": TIME_HEADER})  # fmt: skip
    left, right = st.columns(2)
    with left.form("alias_add", clear_on_submit=True):
        typed = st.text_input("Tên gọi (như gõ trong tệp)", key="alias_text")
        unit = st.selectbox("Là đơn vị", upload.unit_names(master), key="alias_unit", index=None,
                            placeholder="Chọn đơn vị")  # fmt: skip
        if st.form_submit_button("Thêm tên gọi") and typed.strip() and unit:
            with writing_from_page():
                added = upload.add_alias(master, typed.strip(), unit, account)
            _done(added)
    if aliases.height:
        with right.form("alias_remove"):
            gone = st.selectbox("Tên gọi", aliases["alias"].to_list(), key="alias_gone")
            if st.form_submit_button("Xóa tên gọi"):
                with writing_from_page():
                    removed = upload.remove_alias(master, gone, account)
                _done(removed)

with rules_tab:
    st.caption(
        "Mỗi chức vụ được so với các mẫu theo thứ tự (chữ thường, không dấu, từng cụm giữa dấu phẩy); "
        "mẫu đầu tiên khớp quyết định. Có bất kỳ chức vụ lãnh đạo nào thì người đó là lãnh đạo. "
        "Lưu xong, mọi lượt khen cá nhân đã nhập được phân loại lại."
    )
    edited = st.data_editor(
        upload.current_rules(master),
        num_rows="dynamic",
        hide_index=True,
        width="stretch",
        key="rules_editor",
        column_config={
            "rule_id": st.column_config.TextColumn("Mã quy tắc", required=True),
            "is_leader": st.column_config.CheckboxColumn("Lãnh đạo", default=False),
            "pattern": st.column_config.TextColumn(
                "Mẫu chức vụ (biểu thức chính quy)", required=True
            ),
            "label": st.column_config.TextColumn("Giải thích"),
        },
    )
    if st.button("Lưu quy tắc và phân loại lại", key="rules_save"):
        with writing_from_page():
            result = upload.save_rules(
                master,
                pl.from_pandas(edited) if not isinstance(edited, pl.DataFrame) else edited,
                account,
            )
        if result.problems:
            st.error(md(result.message) + "\n\n" + "\n".join(f"- {md(p)}" for p in result.problems))
        else:
            _done(result.message)

with settings_tab:
    target = st.number_input(
        settings.ADMIN_SETTINGS["non_leader_target"].label + " (%)", 0, 100,
        round(app_settings.non_leader_target(path) * 100), step=1, key="set_target",
    )  # fmt: skip
    anonymous = st.checkbox(
        settings.ADMIN_SETTINGS["anonymous"].label,
        value=app_settings.anonymous_allowed(path),
        key="set_anon",
    )
    if st.button("Lưu cài đặt", key="settings_save"):
        changed = []
        if round(app_settings.non_leader_target(path) * 100) != target:
            app_settings.set_setting(path, account, "non_leader_target", str(target / 100))
            changed.append("chỉ tiêu")
        if app_settings.anonymous_allowed(path) != anonymous:
            app_settings.set_setting(path, account, "anonymous", "1" if anonymous else "0")
            changed.append("xem không đăng nhập")
        _done("Đã lưu: " + ", ".join(changed) + "." if changed else "Không có gì thay đổi.")

with log_tab:
    action = st.selectbox("Loại thay đổi", [None, *audit.ACTIONS], key="log_action",
                          format_func=lambda a: "Tất cả" if a is None else audit.ACTIONS[a])  # fmt: skip
    entries = audit.audit_log(path, limit=2000, action=action)
    if not entries:
        no_data("Chưa có mục nào.")
    else:
        log = pl.DataFrame(
            {
                "at": [local_time(e.at, seconds=True) for e in entries],
                "who": [e.who for e in entries],
                "action": [audit.ACTIONS.get(e.action, e.action) for e in entries],
                "target": [e.target for e in entries],
                "detail": [audit.describe_detail(e.detail) for e in entries],
            }
        )
        headers = {
            "at": TIME_HEADER,
            "who": "Người thực hiện",
            "action": "Việc",
            "target": "Đối tượng",
            "detail": "Chi tiết",
        }
        show_table(log, headers, height=420)
        download_table(
            log, headers, "nhat_ky_thay_doi.xlsx", key="log_xlsx", title="Nhật ký thay đổi"
        )
