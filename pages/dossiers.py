"""Hồ sơ đề nghị: the dossiers through the one-stop desk — the on-time rate and how long they
took, then one tab at a time: by year, by unit, by award form, the refusals and their
reasons, and the list of late and open dossiers (its choice kept in the link, .xlsx)."""

from __future__ import annotations

import streamlit as st

from thidua import dossiers
from ui import dossier_panels as panels
from ui.as_of import judged_on
from ui.data import cached
from ui.filters import current_filters
from ui.layout import no_data, open_tab

filters = current_filters()
today = judged_on()  # on a past day of a lake («Số liệu tại ngày»): open as they were then
st.title("Hồ sơ đề nghị khen thưởng")
rows = cached(dossiers.dossier_rows, filters, today)
if rows.height == 0:
    no_data(
        "Chưa có hồ sơ đề nghị nào khớp với bộ lọc đang chọn. Chuyên viên nhập sổ theo dõi hồ sơ "
        "(số hồ sơ, đơn vị, ngày nhận, ngày hẹn trả, ngày trả, trạng thái) ở trang Tải dữ liệu."
    )
    st.stop()

total = cached(dossiers.dossier_figures, filters, today)
panels.headline(total, filters, today)
YEARS, UNITS, FORMS, REFUSED, LIST = (
    "Qua các năm",
    "Theo đơn vị",
    "Theo hình thức",
    "Không đủ điều kiện",
    "Trễ hạn và đang xử lý",
)
shown, panel = open_tab([YEARS, UNITS, FORMS, REFUSED, LIST], key="dossier_tab", url="xem")
with panel:
    if shown == YEARS:
        panels.by_year(cached(dossiers.dossiers_by, filters, today, "year"), filters)
    elif shown == UNITS:
        panels.by_unit(cached(dossiers.dossiers_by, filters, today, "unit"), filters)
    elif shown == FORMS:
        panels.by_form(cached(dossiers.dossiers_by, filters, today, "form"), filters)
    elif shown == REFUSED:
        panels.refusals(rows, total, filters)
    else:
        panels.late_and_open(rows, filters)
