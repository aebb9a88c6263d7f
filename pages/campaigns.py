"""Phong trào thi đua, one tab at a time: the campaigns' periods and registration deadlines,
their awards, the table of campaigns."""

from __future__ import annotations

import streamlit as st

from thidua import charts, reports
from thidua.dossiers import vietnam_today
from ui import campaign_panels
from ui.data import cached, connection
from ui.figures import chart
from ui.filters import current_filters
from ui.layout import no_data, open_tab

con = connection()
filters = current_filters()
st.title("Phong trào thi đua")
# As the other chart pages: what the figures count, where they are (every campaign is
# listed; its awards are those the filters keep).
st.caption(f"Số lượt khen của mỗi phong trào: {filters.describe()}.")
campaigns = cached(reports.campaigns, filters)
if campaigns.height == 0:
    no_data(
        "Chưa có phong trào thi đua nào trong kho. Chuyên viên nhập danh sách phong trào (số kế hoạch, tên, loại, ngày bắt đầu, ngày kết thúc) ở trang Tải dữ liệu.",
        filtered=False,
    )
    st.stop()

TIMELINE, AWARDS, TABLE = (
    "Thời gian và hạn đăng ký",
    "Khen thưởng theo phong trào",
    "Bảng phong trào",
)
shown, panel = open_tab([TIMELINE, AWARDS, TABLE], key="campaign_tab", url="the")
with panel:
    if shown == TIMELINE:
        chart(charts.campaign_timeline, campaigns, vietnam_today(), key="timeline")
    elif shown == AWARDS:
        campaign_panels.awards(con, filters, campaigns)
    else:
        campaign_panels.table(filters, campaigns)
