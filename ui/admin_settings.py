"""The admin's settings (settings.ADMIN_SETTINGS): the target and anonymous viewing."""

from __future__ import annotations

import streamlit as st

from thidua import app_settings, settings
from thidua.access import Account
from thidua.access_file import AccessStore
from thidua.warehouse import Warehouse
from ui.notices import done


def settings_tab(master: Warehouse, store: AccessStore, account: Account) -> None:
    target = st.number_input(
        settings.ADMIN_SETTINGS["non_leader_target"].label + " (%)", 0, 100,
        round(app_settings.non_leader_target(store) * 100), step=1, key="set_target",
    )  # fmt: skip
    anonymous = st.checkbox(
        settings.ADMIN_SETTINGS["anonymous"].label,
        value=app_settings.anonymous_allowed(store),
        key="set_anon",
    )
    if st.button("Lưu cài đặt", key="settings_save"):
        changed = []
        if round(app_settings.non_leader_target(store) * 100) != target:
            app_settings.set_setting(store, account, "non_leader_target", str(target / 100))
            changed.append("chỉ tiêu")
        if app_settings.anonymous_allowed(store) != anonymous:
            app_settings.set_setting(store, account, "anonymous", "1" if anonymous else "0")
            changed.append("xem không đăng nhập")
        done("Đã lưu: " + ", ".join(changed) + "." if changed else "Không có gì thay đổi.")
