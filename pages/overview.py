"""Tổng quan: for a chosen year, awards by recipient kind and by award, and the
three headline shares, each against the previous year."""

from __future__ import annotations

import streamlit as st

from thidua import charts, metrics, reports
from ui.data import cached, connection
from ui.drilldown import award_list_panel
from ui.figures import chart
from ui.filters import current_filters
from ui.layout import no_data, open_tab
from ui.overview_panels import headline

con = connection()
filters = current_filters()
st.title("Tổng quan thi đua – khen thưởng")
if filters.year_to is None:
    no_data("Chưa có khen thưởng nào trong kho. Hãy nhập danh sách khen thưởng.", filtered=False)
    st.stop()
year = filters.year_to
view = cached(metrics.overview, year, filters)
now, before = view.current, view.previous
if now.awards == 0:
    no_data(f"Không có khen thưởng nào năm {year} khớp với bộ lọc đang chọn.")
    st.stop()
# «so với» only when there is a year before to compare with (the walk read «so với năm
# 2017» above «chưa có dữ liệu năm 2017 để so sánh»).
compared = f", so với năm {year - 1}" if before is not None else ""
st.caption(f"Năm {year} (năm cuối của khoảng năm ở thanh bên){compared}.")
headline(now, before, year)

shown, panel = open_tab(
    ["Theo hình thức khen thưởng", "Theo đối tượng"], key="overview_tab", url="the"
)
with panel:
    clicked = []
    if shown == "Theo đối tượng":
        chart(charts.kind_bars, view.by_kind, year, key="kinds")
    else:
        clicked = chart(charts.form_bars, view.by_form, year, key="forms", on_select=True)
        st.caption("Bấm vào một cột hình thức khen thưởng để xem danh sách khen thưởng tương ứng.")
    if clicked:
        code = str((clicked[0].get("customdata") or [None, None])[1])  # type: ignore[index]
        name = charts.clicked(clicked[0])
        award_list_panel(
            con,
            filters,
            reports.Selection(year=year, form_code=code),
            f"{name}, năm {year}",
            key="overview_list",
        )
