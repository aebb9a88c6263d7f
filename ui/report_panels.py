"""The statistical forms' page parts: the form's table as it will be sent, what its check
columns hold, which class rule placed how many individuals, and the .xlsx."""

from __future__ import annotations

import polars as pl
import streamlit as st

from thidua.individual_classes import CLASS_NAMES
from thidua.statistics_forms import COLUMNS, DURATIONS, METHODS, FormTable
from ui.tables import show_table

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _wide(columns: int) -> None:
    # A statutory form has more columns than any screen: its first column stays in place.
    st.caption(f"Biểu có {columns} cột: kéo ngang bảng để xem đủ, cột đầu đứng yên.")


def award_form(table: FormTable) -> None:
    totals = pl.DataFrame([{"label": "Tổng cộng", "is_detail": False, **table.totals}])
    shown = pl.concat([table.rows, totals], how="vertical_relaxed")
    _wide(len(COLUMNS) + 1)
    show_table(shown, {"label": "Hình thức khen thưởng", **COLUMNS}, {k: 0 for k in COLUMNS},
               widths={"label": 260}, pinned=("label",))  # fmt: skip
    for check in table.checks:
        st.warning(f"Kiểm tra: {check}", icon=":material/rule:")
    if table.class_rules.height:
        with st.expander("Cá nhân được xếp vào từng nhóm theo quy tắc nào"):
            rules = table.class_rules.with_columns(
                name=pl.col("individual_class").replace_strict(CLASS_NAMES, default=None)
            )
            show_table(rules, {"name": "Nhóm", "class_rule": "Quy tắc", "individuals": "Số lượt"},
                       {"individuals": 0})  # fmt: skip


def campaign_form(table: pl.DataFrame) -> None:
    headers = {"label": "Cấp phát động", "total": "Tổng số", **DURATIONS,
               "duration_unknown": "Kiểm tra: chưa rõ thời gian", **METHODS}  # fmt: skip
    _wide(len(headers))
    show_table(table, headers, {k: 0 for k in headers if k != "label"}, widths={"label": 260},
               pinned=("label",))  # fmt: skip


def download(data: bytes, name: str) -> None:
    st.download_button("Tải biểu (.xlsx)", data=data, file_name=name, mime=XLSX,
                       key="report_xlsx", icon=":material/download:")  # fmt: skip
