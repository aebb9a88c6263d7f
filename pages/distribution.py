"""Cơ cấu khen thưởng: headline counts, then one tab at a time — composition by level and
award, the top units, the yearly trend, award types, the award list."""

from __future__ import annotations

import polars as pl
import streamlit as st

from thidua import formatting as fmt
from thidua import metrics, reports
from ui import distribution_panels
from ui.data import cached, connection
from ui.filters import current_filters
from ui.kpis import Kpi, kpi_row
from ui.layout import no_data, open_tab

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
state = by_level.get("state", 0)
kpi_row(
    [
        Kpi("Tổng số lượt khen thưởng", fmt.number(total)),
        Kpi(
            "Khen cá nhân",
            fmt.number(people),
            f"{fmt.percent(metrics.ratio(people, total))} tổng số",
            "off",
        ),
        Kpi(
            "Khen tập thể, hộ gia đình",
            fmt.number(total - people),
            f"{fmt.percent(metrics.ratio(total - people, total))} tổng số",
            "off",
        ),
        Kpi(
            "Khen thưởng cấp Nhà nước",
            fmt.number(state),
            f"{fmt.percent(metrics.ratio(state, total))} tổng số",
            "off",
        ),
    ],
    about=filters.describe(),
)

COMPOSITION, TOP_UNITS, YEARS, TYPES, LIST = (
    "Cơ cấu theo cấp, hình thức",
    "Đơn vị được khen nhiều nhất",
    "Theo năm",
    "Theo loại hình",
    "Danh sách khen thưởng",
)
draw = {
    COMPOSITION: lambda: distribution_panels.composition(view, filters),
    TOP_UNITS: lambda: distribution_panels.top_units(con, filters, view),
    YEARS: lambda: distribution_panels.by_year(con, filters, view),
    TYPES: lambda: distribution_panels.by_type(view, total),
    LIST: lambda: distribution_panels.award_list(con, filters, total),
}
shown, panel = open_tab(list(draw), key="dist_tab", url="the")
with panel:
    draw[shown]()
