"""Unit aliases on the Quản trị page: other names of a unit in the catalogue, used by later imports."""

from __future__ import annotations

import polars as pl
import streamlit as st

from etl import upload
from thidua.access import Account
from thidua.access_file import AccessStore
from thidua.formatting import TIME_HEADER, local_time
from thidua.warehouse import Warehouse
from ui.layout import no_data, writing_from_page
from ui.notices import done
from ui.tables import show_table


def aliases_tab(master: Warehouse, store: AccessStore, account: Account) -> None:
    st.caption(
        "Tên gọi khác của một đơn vị trong danh mục (viết tắt, tên cũ, lỗi gõ thường gặp): "
        "các lần nhập sau sẽ ghi nhận đúng đơn vị."
    )
    aliases = upload.unit_aliases(master)
    if aliases.height == 0:
        no_data("Chưa có tên gọi nào.", filtered=False)
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
            done(added)
    if aliases.height:
        with right.form("alias_remove"):
            gone = st.selectbox("Tên gọi", aliases["alias"].to_list(), key="alias_gone")
            if st.form_submit_button("Xóa tên gọi"):
                with writing_from_page():
                    removed = upload.remove_alias(master, gone, account)
                done(removed)
