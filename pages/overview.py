"""Tổng quan: for a chosen year, awards by recipient kind and by award, and the
three headline shares, each against the previous year."""

from __future__ import annotations

import streamlit as st

from thidua import charts, metrics, reports
from thidua import formatting as fmt
from ui.data import cached, connection
from ui.drilldown import award_list_panel
from ui.figures import chart
from ui.filters import current_filters
from ui.kpis import Kpi, kpi_row
from ui.layout import no_data, open_tab

con = connection()
filters = current_filters()
st.title("Tổng quan thi đua – khen thưởng")
if filters.year_to is None:
    no_data("Chưa có khen thưởng nào trong kho. Hãy nhập danh sách khen thưởng.")
    st.stop()
year = filters.year_to
view = cached(metrics.overview, year, filters)
now, before = view.current, view.previous
if now.awards == 0:
    no_data(f"Không có khen thưởng nào năm {year} khớp với bộ lọc đang chọn.")
    st.stop()
st.caption(f"Năm {year} (năm cuối của khoảng năm ở thanh bên), so với năm {year - 1}.")
than = f"so với {year - 1}"


def _delta_points(a: float | None, b: float | None) -> str | None:
    text = fmt.points(metrics.change(a, b))
    return f"{text} {than}" if text else None


kpi_row(
    [
        Kpi(
            "Tổng số lượt khen thưởng",
            fmt.number(now.awards),
            f"{fmt.signed(metrics.change(now.awards, before.awards))} {than}" if before else None,
            help="Mọi hình thức, cá nhân, tập thể và hộ gia đình, theo năm ra quyết định.",
        ),
        Kpi(
            "Tỷ lệ khen người lao động trực tiếp",
            fmt.percent(now.non_leader_share),
            _delta_points(now.non_leader_share, before.non_leader_share) if before else None,
            help="Số lượt khen cá nhân không giữ chức vụ lãnh đạo (từ Phó Trưởng phòng trở lên) "
            "÷ tổng số lượt khen cá nhân. Tập thể và hộ gia đình không tính.",
        ),
        Kpi(
            "Tỷ lệ nữ trong khen thưởng cá nhân",
            fmt.percent(now.women_share),
            _delta_points(now.women_share, before.women_share) if before else None,
            help="Số lượt khen cá nhân là nữ ÷ số lượt khen cá nhân có ghi giới tính.",
        ),
        Kpi(
            "Tỷ lệ khen thưởng đột xuất",
            fmt.percent(now.adhoc_share),
            _delta_points(now.adhoc_share, before.adhoc_share) if before else None,
            help="Số lượt khen đột xuất ÷ số lượt khen có ghi loại hình (thường xuyên, đột xuất); "
            "danh sách không có cột loại hình không tính.",
        ),
    ]
)
notes = [
    f"{fmt.number(now.individuals)} cá nhân, {fmt.number(now.collectives)} tập thể, "
    f"{fmt.number(now.households)} hộ gia đình",
    f"{fmt.number(now.direct_workers)} lượt khen người lao động trực tiếp, {fmt.number(now.leaders)} lượt khen lãnh đạo",
]
if now.unclassified:
    notes.append(
        f"{fmt.number(now.unclassified)} lượt khen cá nhân chưa xác định được chức vụ (không tính là người lao động trực tiếp)"
    )
if now.individuals and now.with_gender < now.individuals:
    notes.append(
        f"{fmt.number(now.individuals - now.with_gender)} lượt khen cá nhân không ghi giới tính"
    )
if now.with_type < now.awards:
    # The ad-hoc share is read over the awards whose list says regular or ad hoc.
    notes.append(f"{fmt.number(now.awards - now.with_type)} lượt khen không ghi loại hình")
if before is None:
    notes.append(f"chưa có dữ liệu năm {year - 1} để so sánh")
st.caption(" · ".join(notes))

shown, panel = open_tab(["Theo hình thức khen thưởng", "Theo đối tượng"], key="overview_tab")
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
