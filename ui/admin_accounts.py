"""Accounts on the Quản trị page: the list, a new account, changes (role, scope, lock, password)."""

from __future__ import annotations

import polars as pl
import streamlit as st

from etl import upload
from thidua import access, accounts
from thidua.access import Account, PermissionDenied
from thidua.access_file import AccessStore
from thidua.literal import markdown as md
from thidua.warehouse import Warehouse
from ui.notices import done
from ui.tables import show_table

UNSET = ""  # the select value for "no unit": the account sees nothing until given one


def _scope_choices(master: Warehouse) -> list[str]:
    return [access.PROVINCE, *upload.unit_names(master), UNSET]


def _scope_name(value: str) -> str:
    return {access.PROVINCE: "Toàn tỉnh", UNSET: "(chưa gán — không xem được gì)"}.get(value, value)


def accounts_tab(master: Warehouse, store: AccessStore, account: Account) -> None:
    people = accounts.users(store)
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
        choices = _scope_choices(master)
        # Deny by default: a new viewer sees nothing until the admin picks its scope.
        scope = st.selectbox("Phạm vi xem (người xem)", choices, index=choices.index(UNSET), format_func=_scope_name,
                             key="new_scope", help="Chuyên viên và quản trị viên luôn xem toàn tỉnh.")  # fmt: skip
        email = st.text_input(
            "Thư điện tử (đăng nhập qua tài khoản của tỉnh, nếu có)", key="new_email"
        )
        password = st.text_input("Mật khẩu", type="password", key="new_password")
        if st.form_submit_button("Tạo tài khoản", type="primary"):
            try:
                made = accounts.add_user(store, account, username.strip().lower(), password, role,
                                      scope or None, name.strip(), email.strip() or None)  # fmt: skip
            except (ValueError, PermissionDenied) as problem:
                st.error(md(problem))
            else:
                done(f"Đã tạo tài khoản «{made.username}».")
    if people:
        with right.container(border=True):
            st.markdown("**Sửa tài khoản**")
            chosen = st.selectbox("Tài khoản", [u.username for u in people], key="edit_user")
            user = next(u for u in people if u.username == chosen)
            new_role = st.selectbox("Vai trò", access.ROLES, index=access.ROLES.index(user.role),
                                    format_func=access.ROLE_NAMES.__getitem__, key=f"edit_role_{chosen}")  # fmt: skip
            current = user.unit or UNSET
            # A unit no longer in the list stays offered as it is, never silently widened.
            choices = [*dict.fromkeys([*_scope_choices(master), current])]
            new_scope = st.selectbox("Phạm vi xem", choices, index=choices.index(current),
                                     format_func=_scope_name, key=f"edit_scope_{chosen}")  # fmt: skip
            active = st.checkbox("Đang dùng", value=user.active, key=f"edit_active_{chosen}")
            new_password = st.text_input("Mật khẩu mới (để trống nếu không đổi)", type="password",
                                         key=f"edit_password_{chosen}")  # fmt: skip
            if st.button("Lưu thay đổi", key="edit_save"):
                try:
                    accounts.update_user(
                        store, account, chosen, role=new_role, unit=new_scope or None, active=active
                    )
                    if new_password:
                        accounts.set_password(store, account, chosen, new_password)
                except (ValueError, PermissionDenied) as problem:
                    st.error(md(problem))
                else:
                    done(f"Đã lưu tài khoản «{chosen}».")
