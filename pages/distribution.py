"""Cơ cấu khen thưởng: headline counts, then one tab at a time — composition by level and
award, the top units, the yearly trend, award types, the award list."""

from __future__ import annotations

import polars as pl
import streamlit as st

from thidua import charts, metrics, reports
from thidua import formatting as fmt
from thidua.literal import markdown as md
from ui.data import cached, connection
from ui.drilldown import award_list_panel
from ui.figures import chart
from ui.filters import FORM_NAMES, current_filters
from ui.kpis import Kpi, kpi_row
from ui.layout import no_data, open_tab
from ui.tables import show_table

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
    ]
)

COMPOSITION, TOP_UNITS, YEARS, TYPES, LIST = (
    "Cơ cấu theo cấp, hình thức",
    "Đơn vị được khen nhiều nhất",
    "Theo năm",
    "Theo loại hình",
    "Danh sách khen thưởng",
)
shown, panel = open_tab([COMPOSITION, TOP_UNITS, YEARS, TYPES, LIST], key="dist_tab")
with panel:
    if shown == COMPOSITION:
        chart(charts.composition_treemap, view.composition, key="treemap")
        small = charts.small_tiles(view.composition)
        if small:
            st.caption(f"Ô nhỏ không ghi chữ (rê chuột vào ô để xem): {md(small)}")
    elif shown == TYPES:
        by_type = (
            view.composition.group_by("type_name")
            .agg(pl.col("awards").sum())
            .sort("awards", descending=True)
            .with_columns(share=pl.col("awards") / total)
        )
        show_table(
            by_type,
            {"type_name": "Loại hình", "awards": "Số lượt", "share": "Tỷ lệ"},
            {"awards": 0, "share": -1},
        )
    elif shown == LIST:
        award_list_panel(con, filters, reports.Selection(), "theo bộ lọc đang chọn",
                         key="dist_list", total=total)  # fmt: skip
    elif shown == TOP_UNITS:
        # Drill-down: the awards of a clicked unit bar.
        clicked = chart(charts.top_units_bars, view.top_units, key="top_units", on_select=True)
        if clicked:
            unit = charts.clicked(clicked[0])
            award_list_panel(con, filters, reports.Selection(unit_name=unit), unit, key="unit_list")
        else:
            st.caption("Bấm vào một cột đơn vị để xem danh sách khen thưởng của đơn vị đó.")
    else:
        # Drill-down: the awards of a clicked year, or of one award in that year.
        chosen = chart(charts.trend_bars, view.trend, key="trend", on_select=True)
        if chosen:
            year = int(str(chosen[0].get("x")))
            code = str(chosen[0].get("customdata") or "")
            selection = reports.Selection(year=year, form_code=code if code in FORM_NAMES else None)
            title = f"{FORM_NAMES[code]}, năm {year}" if code in FORM_NAMES else f"năm {year}"
            award_list_panel(con, filters, selection, title, key="year_list")
        else:
            st.caption("Bấm vào một đoạn cột để xem danh sách khen thưởng của năm, hình thức đó.")
