"""The eligibility ladder's rules on the Quản trị page: a changed rule is a row."""

from __future__ import annotations

from collections.abc import Callable

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


def _named(names: dict[str, str]) -> Callable[[object], str]:
    """A code as the editor shows it: its name (a code without one as it is)."""
    return lambda code: names.get(str(code), str(code))


def ladder_tab(master: Warehouse, store: AccessStore, account: Account) -> None:
    st.caption(
        "Mỗi dòng: danh hiệu đã đạt bao nhiêu lần liên tục (mỗi lần cách nhau bao nhiêu năm) thì "
        "được đề nghị hình thức nào, điều kiện thêm và căn cứ pháp lý. Lưu xong, trang «Đề nghị "
        "theo tiêu chuẩn» xét theo quy tắc mới."
    )
    forms = reference.FORM_NAMES
    kinds = {k: reference.KIND_NAMES[k] for k in ("individual", "collective")}
    conditions = reference.LADDER_CONDITION_NAMES
    # Codes stay the stored values; the editor shows their names. Eight columns of names
    # are wider than a laptop: the rule's code stays in place while the rest scrolls.
    edited = st.data_editor(
        upload.current_ladder(master), num_rows="dynamic", hide_index=True, width="stretch",
        key="ladder_editor",
        column_config={
            "rule_id": st.column_config.TextColumn("Mã quy tắc", required=True, width=170, pinned=True),
            "target_form": st.column_config.SelectboxColumn(
                "Đề nghị", options=list(forms), format_func=_named(forms), required=True, width=200),
            "source_form": st.column_config.SelectboxColumn(
                "Từ danh hiệu", options=list(forms), format_func=_named(forms), required=True, width=200),
            "recipient_kind": st.column_config.SelectboxColumn(
                "Đối tượng", options=list(kinds), format_func=_named(kinds), width=85),
            "times": st.column_config.NumberColumn("Số lần", min_value=1, max_value=10, step=1, width=65),
            "step_years": st.column_config.NumberColumn(
                "Năm mỗi lần", min_value=1, max_value=10, step=1, width=95),
            "condition": st.column_config.SelectboxColumn(
                "Điều kiện thêm", options=list(conditions), format_func=_named(conditions), width=190),
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
