"""Lãnh đạo và người lao động trực tiếp: the non-leader share against the target, then one
tab at a time — by year (the share alone; the women's and ad-hoc shares beside it on
request), by unit, by bloc, how positions were classed, the award list."""

from __future__ import annotations

import polars as pl
import streamlit as st

from thidua import formatting as fmt
from thidua import metrics, reports
from ui import leader_panels
from ui.data import cached, connection, options
from ui.filters import current_filters
from ui.kpis import Kpi, kpi_row
from ui.layout import no_data, open_tab
from ui.target import tried_target

con = connection()
filters = current_filters()
st.title("Lãnh đạo và người lao động trực tiếp")
target = tried_target()  # the province's, unless the reader tries another
view = cached(reports.leader_shares, filters, target)
if view.by_year.height == 0 or int(view.by_year["individuals"].sum()) == 0:
    no_data("Không có khen thưởng cá nhân nào khớp với bộ lọc đang chọn.")
    st.stop()

people = int(view.by_year["individuals"].sum())
direct = int(view.by_year["direct_workers"].sum())
unclassified = int(view.by_year["unclassified"].sum())
below = view.by_unit.filter(pl.col("below_target"))
kpi_row(
    [
        Kpi("Khen cá nhân", fmt.number(people)),
        Kpi(
            "Tỷ lệ người lao động trực tiếp",
            # The one definition (metrics), written so it agrees with the target beside it.
            metrics.share_against_target(metrics.ratio(direct, people), target),
            f"mục tiêu {fmt.percent(target, 0)}",
            "off",
        ),
        Kpi("Đơn vị dưới mục tiêu", f"{below.height}/{view.by_unit.height}"),
        Kpi(
            "Lượt khen chưa phân loại chức vụ",
            fmt.number(unclassified),
            help="Không tính là người lao động trực tiếp; xem bảng phân loại bên dưới.",
        ),
    ],
    about=filters.describe(),
)

YEARS, UNITS, BLOCS, POSITIONS, LIST = (
    "Qua các năm",
    "Theo đơn vị",
    "Theo khối, cụm",
    "Phân loại chức vụ",
    "Danh sách khen thưởng",
)
tabs = [YEARS, UNITS, *([BLOCS] if options().blocs else []), POSITIONS, LIST]
draw = {
    YEARS: lambda: leader_panels.by_year(view, target),
    UNITS: lambda: leader_panels.by_unit(con, filters, view, target),
    BLOCS: lambda: leader_panels.by_bloc(filters, target),
    POSITIONS: lambda: leader_panels.by_position(filters),
    LIST: lambda: leader_panels.award_list(con, filters, view),
}
shown, panel = open_tab(tabs, key="leaders_tab", url="the")
with panel:
    draw[shown]()
