"""The eligibility ladder's rules on the Quản trị page: a changed rule is a row."""

from __future__ import annotations

import polars as pl
import streamlit as st

from etl import upload
from thidua import reference
from thidua.access import Account
from thidua.access_file import AccessStore
from thidua.literal import markdown as md
from thidua.warehouse import Warehouse
from ui.layout import writing_from_page
from ui.notices import done


def ladder_tab(master: Warehouse, store: AccessStore, account: Account) -> None:
    st.caption(
        "Mỗi dòng: danh hiệu đã đạt bao nhiêu lần liên tục (mỗi lần cách nhau bao nhiêu năm) thì "
        "được đề nghị hình thức nào, điều kiện thêm và căn cứ pháp lý. Lưu xong, trang «Đề nghị "
        "theo tiêu chuẩn» xét theo quy tắc mới."
    )
    forms = list(reference.FORM_NAMES)
    edited = st.data_editor(
        upload.current_ladder(master), num_rows="dynamic", hide_index=True, width="stretch",
        key="ladder_editor",
        column_config={
            "rule_id": st.column_config.TextColumn("Mã quy tắc", required=True),
            "target_form": st.column_config.SelectboxColumn("Đề nghị", options=forms, required=True),
            "source_form": st.column_config.SelectboxColumn("Từ danh hiệu", options=forms, required=True),
            "recipient_kind": st.column_config.SelectboxColumn("Đối tượng", options=["individual", "collective"]),
            "times": st.column_config.NumberColumn("Số lần", min_value=1, max_value=10, step=1),
            "step_years": st.column_config.NumberColumn("Năm mỗi lần", min_value=1, max_value=10, step=1),
            "condition": st.column_config.SelectboxColumn("Điều kiện thêm", options=["initiative", "led_bloc"]),
            "source": st.column_config.TextColumn("Căn cứ", required=True, width="large"),
        },
    )  # fmt: skip
    if st.button("Lưu quy tắc xét đề nghị", key="ladder_save"):
        frame = edited if isinstance(edited, pl.DataFrame) else pl.from_pandas(edited)
        with writing_from_page():
            message, problems = upload.save_ladder(master, frame, account)
        if problems:
            st.error(md(message) + "\n\n" + "\n".join(f"- {md(p)}" for p in problems))
        else:
            done(message)
