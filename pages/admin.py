"""Quản trị: accounts, unit aliases, settings and the audit trail (admins only)."""

from __future__ import annotations

import streamlit as st

from thidua import warehouse
from ui.account import access_db
from ui.admin_accounts import accounts_tab
from ui.admin_aliases import aliases_tab
from ui.admin_ladder import ladder_tab
from ui.admin_rules import rules_tab
from ui.admin_settings import settings_tab
from ui.audit_view import audit_tab
from ui.guard import require_page
from ui.layout import open_tab
from ui.notices import say_last_run
from ui.widget_texts import vietnamese_widget_texts

account = require_page("manage")
master = warehouse.chosen()  # on a lake: accounts, settings and the trail are in its PostgreSQL
store = access_db()
st.title("Quản trị")
vietnamese_widget_texts()
say_last_run()  # they quote names, units and aliases as typed

tabs = ["Tài khoản", "Tên gọi đơn vị", "Quy tắc phân loại chức vụ", "Quy tắc xét đề nghị", "Cài đặt",
        "Nhật ký thay đổi"]  # fmt: skip
parts = (accounts_tab, aliases_tab, rules_tab, ladder_tab, settings_tab, audit_tab)
draw = dict(zip(tabs, parts, strict=True))
# Only the open tab is drawn (the audit trail reads 2,000 rows; the rules editor is heavy).
label, tab = open_tab(tabs, key="admin_tab", url="the")
with tab:
    draw[label](master, store, account)
