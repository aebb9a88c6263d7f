"""The distribution page's panels, one per tab: the composition treemap, the most awarded
units, awards by year and by type (each chart's click opens its awards), the award list."""

from __future__ import annotations

import duckdb
import polars as pl
import streamlit as st

from thidua import charts, reports
from thidua.filters import Filters
from thidua.literal import markdown as md
from ui.drilldown import award_list_panel
from ui.figures import chart, merged_units_note
from ui.tables import show_table


def composition(view: reports.Distribution, filters: Filters) -> None:
    chart(charts.composition_treemap, view.composition, filters.scope(), key="treemap")
    small = charts.small_tiles(view.composition)
    if small:
        st.caption(f"Các ô nhỏ, dưới 6% tổng số (rê chuột vào ô để xem): {md(small)}")


def by_type(view: reports.Distribution, total: int) -> None:
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


def award_list(con: duckdb.DuckDBPyConnection, filters: Filters, total: int) -> None:
    award_list_panel(con, filters, reports.Selection(), "theo bộ lọc đang chọn",
                     key="dist_list", total=total)  # fmt: skip


def top_units(con: duckdb.DuckDBPyConnection, filters: Filters, view: reports.Distribution) -> None:
    # Drill-down: the awards of a clicked unit bar.
    clicked = chart(
        charts.top_units_bars, view.top_units, filters.scope(), key="top_units", on_select=True
    )
    if clicked:
        unit = charts.clicked(clicked[0])
        award_list_panel(con, filters, reports.Selection(unit_name=unit), unit, key="unit_list")
    else:
        st.caption("Bấm vào một cột đơn vị để xem danh sách khen thưởng của đơn vị đó.")
    merged_units_note(view.top_units["unit_name"].to_list())


def by_year(con: duckdb.DuckDBPyConnection, filters: Filters, view: reports.Distribution) -> None:
    # Drill-down: the awards of a clicked year, of one level in that year.
    chosen = chart(charts.trend_bars, view.trend, filters.scope(), key="trend", on_select=True)
    if chosen:
        year = int(str(chosen[0].get("x")))
        level = str(chosen[0].get("customdata") or "")
        known = level in charts.LEVEL_NAMES
        selection = reports.Selection(year=year, form_level=level if known else None)
        title = f"{charts.LEVEL_NAMES[level]}, năm {year}" if known else f"năm {year}"
        award_list_panel(con, filters, selection, title, key="year_list")
    else:
        st.caption(
            "Bấm vào một đoạn cột để xem danh sách khen thưởng của năm, cấp đó; rê chuột lên "
            "đoạn cột để xem các hình thức trong đó."
        )
