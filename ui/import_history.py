"""The history of imports (file, checksum, who, when, rows, state) and the undo of a whole
batch; owns the widget keys undo_pick, undo_sure, undo."""

from __future__ import annotations

import polars as pl
import streamlit as st

from etl import upload
from thidua import reference
from thidua.access import Account, actor_name
from thidua.formatting import TIME_HEADER, local_time
from thidua.warehouse import Warehouse
from ui.layout import no_data, writing_from_page
from ui.notices import say_next_run
from ui.tables import download_table, show_table

HEADERS = {
    "batch_id": "Lần nhập", "when": TIME_HEADER, "file_name": "Tệp", "kind": "Loại",
    "rows": "Số dòng", "imported_by": "Người nhập", "state": "Trạng thái",
    "replaced_by": "Thay bằng lần", "undone_by": "Người hủy", "undone": "Hủy lúc (giờ Việt Nam)",
    "sha256": "Mã kiểm tra (SHA-256)",
}  # fmt: skip
ON_SCREEN = ("batch_id", "when", "file_name", "kind", "rows", "imported_by", "state")
WIDTHS = {"batch_id": 80, "when": 165, "file_name": 165, "kind": 155, "rows": 65,
          "imported_by": 100, "state": 160}  # fmt: skip


def _actor(column: str) -> pl.Expr:
    return pl.col(column).map_elements(actor_name, return_dtype=pl.String)


def _state() -> pl.Expr:
    """«đang dùng», «đã được thay thế bằng lần #7», «đã hủy (chuyenvien)»: the state with
    what replaced or undid it, in one column."""
    name = pl.col("status").replace_strict(reference.BATCH_STATUS_NAMES, default=None)
    return (
        pl.when((pl.col("status") == "replaced") & pl.col("replaced_by").is_not_null())
        .then(pl.format("{} bằng lần #{}", name, pl.col("replaced_by")))
        .when((pl.col("status") == "undone") & pl.col("undone_by").is_not_null())
        .then(pl.format("{} ({})", name, _actor("undone_by")))
        .otherwise(name)
    )


def import_history(master: Warehouse, account: Account) -> None:
    st.subheader("Lịch sử nhập")
    past = upload.history(master)
    if past.height == 0:
        no_data("Chưa có lần nhập nào.", filtered=False)
    else:
        shown = past.with_columns(
            state=_state(),
            imported_by=_actor("imported_by"),
            undone_by=_actor("undone_by"),
            when=pl.col("imported_at").map_elements(local_time, return_dtype=pl.String),
            undone=pl.col("undone_at").map_elements(local_time, return_dtype=pl.String),
            kind=pl.col("layout").replace_strict(reference.LAYOUT_NAMES, default=pl.col("layout")),
        )
        # Seven columns fit a 1366 px laptop (the state says what replaced or undid a batch),
        # long file names, kinds and states on two lines; the .xlsx keeps every field, the
        # file's whole checksum too.
        show_table(shown, {c: HEADERS[c] for c in ON_SCREEN}, {"rows": 0}, height=400,
                   widths=WIDTHS, lines=2)  # fmt: skip
        download_table(shown, HEADERS, "lich_su_nhap.xlsx", key="history_xlsx",
                       title="Lịch sử nhập dữ liệu", decimals={"rows": 0})  # fmt: skip
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
