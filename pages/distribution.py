"""Cơ cấu khen thưởng: composition by level and award, the yearly trend, the top units."""

from __future__ import annotations

import polars as pl
import streamlit as st

from pages._common import (
    FORM_NAMES,
    award_list_panel,
    cached,
    chart,
    connection,
    current_filters,
    no_data,
    show_table,
)
from thidua import charts, reports
from thidua import formatting as fmt

con = connection()
filters = current_filters()
st.title("Cơ cấu khen thưởng")
view = cached(reports.distribution, filters)
total = int(view.composition["awards"].sum())
if total == 0:
    no_data("Không có khen thưởng nào khớp với bộ lọc đang chọn.")
    st.stop()

people = int(view.composition.filter(pl.col("recipient_kind") == "individual")["awards"].sum())
by_level = dict(view.composition.group_by("level").agg(pl.col("awards").sum()).iter_rows())
cols = st.columns(4)
cols[0].metric("Tổng số lượt khen thưởng", fmt.number(total))
cols[1].metric(
    "Khen cá nhân",
    fmt.number(people),
    f"{fmt.percent(people / total)} tổng số",
    delta_color="off",
    delta_arrow="off",
)
cols[2].metric(
    "Khen tập thể, hộ gia đình",
    fmt.number(total - people),
    f"{fmt.percent((total - people) / total)} tổng số",
    delta_color="off",
    delta_arrow="off",
)
state = by_level.get("state", 0)
cols[3].metric(
    "Khen thưởng cấp Nhà nước",
    fmt.number(state),
    f"{fmt.percent(state / total)} tổng số",
    delta_color="off",
    delta_arrow="off",
)

left, right = st.columns([5, 4])
with left:
    chart(charts.composition_treemap(view.composition), key="treemap")
with right:
    clicked = chart(charts.top_units_bars(view.top_units), key="top_units", on_select=True)
chosen_trend = chart(charts.trend_bars(view.trend), key="trend", on_select=True)

by_type = (
    view.composition.group_by("type_name")
    .agg(pl.col("awards").sum())
    .sort("awards", descending=True)
)
by_type = by_type.with_columns(share=pl.col("awards") / total)
st.markdown("#### Theo loại hình khen thưởng")
show_table(
    by_type,
    {"type_name": "Loại hình", "awards": "Số lượt", "share": "Tỷ lệ"},
    {"awards": 0, "share": -1},
)

# Drill-down: a clicked unit bar or a clicked year/award segment, else the chosen award.
selection = reports.Selection()
title = "theo bộ lọc đang chọn"
if clicked:
    unit = str(clicked[0].get("y"))
    selection, title = reports.Selection(unit_name=unit), unit
elif chosen_trend:
    year, code = int(str(chosen_trend[0].get("x"))), str(chosen_trend[0].get("customdata") or "")
    selection = reports.Selection(year=year, form_code=code if code in FORM_NAMES else None)
    title = f"{FORM_NAMES[code]}, năm {year}" if code in FORM_NAMES else f"năm {year}"
st.caption("Bấm vào một cột đơn vị hoặc một đoạn cột năm để xem danh sách khen thưởng tương ứng.")
award_list_panel(con, filters, selection, title, key="dist_list",
                 total=None if clicked or chosen_trend else total)  # fmt: skip
