"""The leader / direct-worker rules on the Quản trị page; saving reclassifies every award."""

from __future__ import annotations

import polars as pl
import streamlit as st

from etl import upload
from thidua.access import Account
from thidua.access_file import AccessStore
from thidua.literal import markdown as md
from thidua.reference import LEADER_CLASS_NAMES
from thidua.warehouse import Warehouse
from ui.layout import writing_from_page
from ui.notices import done
from ui.tables import row_px


def rules_tab(master: Warehouse, store: AccessStore, account: Account) -> None:
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
        # Explanations wrap on two lines beside pixel-wide columns: every column fits a
        # 1366 px laptop.
        row_height=row_px(2),
        column_config={
            "rule_id": st.column_config.TextColumn("Mã quy tắc", required=True, width=170),
            "is_leader": st.column_config.CheckboxColumn(
                LEADER_CLASS_NAMES[True], default=False, width=85
            ),
            "pattern": st.column_config.TextColumn(
                "Mẫu chức vụ (biểu thức chính quy)", required=True, width=330
            ),
            "label": st.column_config.TextColumn("Giải thích", width=270),
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
            done(result.message)
