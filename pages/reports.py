"""Báo cáo thống kê: the yearly forms of Circular 02/2023/TT-BNV — 0601 (campaigns), 0602
(state-level awards), 0603 (provincial awards) — for the province or one unit, previewed as
they will be sent, and downloaded as .xlsx."""

from __future__ import annotations

import streamlit as st

from thidua import form_xlsx, metrics, statistics_forms
from thidua.form_xlsx import REPORTER
from ui import report_panels as panels
from ui.data import connection, options
from ui.layout import from_url, no_data, to_url

con = connection()
st.title("Báo cáo thống kê thi đua, khen thưởng")
st.caption(
    "Các biểu báo cáo năm theo Thông tư 02/2023/TT-BNV (hạn gửi 15/12). Năm báo cáo là năm quyết "
    "định khen thưởng. Mọi con số đếm từ cùng dữ liệu các trang khác đang hiển thị."
)
years = metrics.available_years(con)
if not years:
    no_data("Chưa có khen thưởng nào trong kho để lập biểu.", filtered=False)
    st.stop()
# In the circular's order; the provincial awards' form (the one most sent) opens first.
FORMS = {"0601": "0601 — Phong trào thi đua", "0602": "0602 — Khen thưởng cấp Nhà nước",
         "0603": "0603 — Khen thưởng cấp tỉnh"}  # fmt: skip
linked = from_url("bieu", list(FORMS), "report_form")
left, middle, right = st.columns(3)
form = left.selectbox("Biểu", list(FORMS), format_func=FORMS.__getitem__, key="report_form",
                      index=list(FORMS).index("0603") if linked is None else linked)  # fmt: skip
# The newest year first, and opened: the year being reported (it opened on the oldest).
year = middle.selectbox("Năm báo cáo", years, key="report_year",
                        index=from_url("nam", years, "report_year") or 0)  # fmt: skip
unit = right.selectbox("Phạm vi", options().units, index=None, key="report_unit",
                       placeholder="Toàn tỉnh", disabled=form == "0601")  # fmt: skip
to_url("bieu", form)
to_url("nam", year)
# The table shown is the one written to the .xlsx (computed once).
if form == "0601":
    campaigns = statistics_forms.campaign_table(con, int(year))
    panels.campaign_form(campaigns)
    data = form_xlsx.campaign_form_xlsx(campaigns, int(year), REPORTER)
else:
    table = statistics_forms.form_table(con, form, int(year), unit)
    panels.award_form(table)
    data = form_xlsx.award_form_xlsx(table, unit or REPORTER)
panels.download(data, f"bieu_{form}_{year}.xlsx")
