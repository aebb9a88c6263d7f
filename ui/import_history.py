"""The history of imports (file, checksum, who, when, rows, state) and the undo of a whole
batch; owns the widget keys undo_pick, undo_sure, undo."""

from __future__ import annotations

import polars as pl
import streamlit as st

from etl import upload
from thidua import reference
from thidua.access import Account
from thidua.formatting import TIME_HEADER, local_time
from thidua.warehouse import Warehouse
from ui.layout import no_data, writing_from_page
from ui.notices import say_next_run
from ui.tables import show_table


def import_history(master: Warehouse, account: Account) -> None:
    st.subheader("Lịch sử nhập")
    past = upload.history(master)
    if past.height == 0:
        no_data("Chưa có lần nhập nào.")
    else:
        shown = past.with_columns(
            state=pl.col("status").replace_strict(reference.BATCH_STATUS_NAMES, default=None),
            when=pl.col("imported_at").map_elements(local_time, return_dtype=pl.String),
            kind=pl.col("layout").replace_strict(reference.LAYOUT_NAMES, default=pl.col("layout")),
            short=pl.col("sha256").str.slice(0, 12),
        )
        show_table(
            shown,
            {
                "batch_id": "Lần nhập",
                "when": TIME_HEADER,
                "file_name": "Tệp",
                "kind": "Loại",
                "rows": "Số dòng",
                "imported_by": "Người nhập",
                "state": "Trạng thái",
                "replaced_by": "Thay bằng lần",
                "undone_by": "Người hủy",
                "short": "Mã kiểm tra",
            },
            {"rows": 0},
            height=300,
        )
        active = past.filter(pl.col("status") == "active")
        if active.height:
            with st.expander("Hủy một lần nhập"):
                choice = st.selectbox(
                    "Lần nhập", active["batch_id"].to_list(), key="undo_pick",
                    format_func=lambda b: f"#{b} — {active.filter(pl.col('batch_id') == b)['file_name'].item()}",
                )  # fmt: skip
                sure = st.checkbox(
                    "Tôi chắc chắn muốn gỡ toàn bộ dữ liệu của lần nhập này", key="undo_sure"
                )
                if st.button("Hủy lần nhập", disabled=not sure, key="undo"):
                    with writing_from_page():
                        undone = upload.undo_batch(master, int(choice), account)
                    say_next_run(undone)
                    st.rerun()
