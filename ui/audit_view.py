"""The audit trail on the Quản trị page, by kind of change, with an .xlsx."""

from __future__ import annotations

import polars as pl
import streamlit as st

from thidua import audit
from thidua.access import Account, actor_name
from thidua.access_file import AccessStore
from thidua.formatting import TIME_HEADER, local_time
from thidua.warehouse import Warehouse
from ui.layout import no_data
from ui.tables import download_table, show_table


def audit_tab(master: Warehouse, store: AccessStore, account: Account) -> None:
    action = st.selectbox("Loại thay đổi", [None, *audit.ACTIONS], key="log_action",
                          format_func=lambda a: "Tất cả" if a is None else audit.ACTIONS[a])  # fmt: skip
    entries = audit.audit_log(store, limit=2000, action=action)
    if not entries:
        no_data("Chưa có mục nào.", filtered=False)
    else:
        log = pl.DataFrame(
            {
                "at": [local_time(e.at, seconds=True) for e in entries],
                "who": [actor_name(e.who) for e in entries],
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
