"""Phong trào thi đua, one tab at a time: the campaigns' periods and registration deadlines,
their awards, the table of campaigns."""

from __future__ import annotations

import duckdb
import polars as pl
import streamlit as st

from thidua import charts, reference, reports
from thidua.filters import Filters
from ui.data import cached, connection
from ui.drilldown import award_list_panel
from ui.figures import chart
from ui.filters import current_filters
from ui.layout import no_data, open_tab
from ui.tables import download_table, show_table


def _awards(con: duckdb.DuckDBPyConnection, filters: Filters, campaigns: pl.DataFrame) -> None:
    """Awards per campaign; a clicked bar lists that campaign's awards."""
    if campaigns.filter(pl.col("awards") > 0).height == 0:
        no_data("Không có khen thưởng nào gắn với phong trào khớp với bộ lọc đang chọn.")
        return
    clicked = chart(charts.campaign_awards_bars, campaigns, key="campaign_awards", on_select=True)
    if not clicked:
        st.caption("Bấm vào một cột phong trào để xem danh sách khen thưởng của phong trào đó.")
        return
    code = charts.campaign_code_of(str(clicked[0].get("y")), campaigns)
    if code is None:  # a click from before the data changed
        return
    award_list_panel(
        con,
        filters,
        reports.Selection(campaign_code=code),
        f"phong trào {code}",
        key="campaign_list",
    )


con = connection()
filters = current_filters()
st.title("Phong trào thi đua")
campaigns = cached(reports.campaigns, filters)
if campaigns.height == 0:
    no_data(
        "Chưa có phong trào thi đua nào trong kho. Chuyên viên nhập danh sách phong trào (số kế hoạch, tên, loại, ngày bắt đầu, ngày kết thúc) ở trang Tải dữ liệu."
    )
    st.stop()

TIMELINE, AWARDS, TABLE = (
    "Thời gian và hạn đăng ký",
    "Khen thưởng theo phong trào",
    "Bảng phong trào",
)
shown, panel = open_tab([TIMELINE, AWARDS, TABLE], key="campaign_tab")
with panel:
    if shown == TIMELINE:
        chart(charts.campaign_timeline, campaigns, key="timeline")
    elif shown == AWARDS:
        _awards(con, filters, campaigns)
    else:
        table = campaigns.with_columns(
            kind_name=pl.col("kind").replace_strict(reference.CAMPAIGN_KIND_NAMES, default=None)
        )
        headers = {
            "campaign_code": "Số kế hoạch", "name": "Tên phong trào", "kind_name": "Loại", "start_date": "Bắt đầu",
            "end_date": "Kết thúc", "registration_deadline": "Hạn đăng ký", "slogan": "Khẩu hiệu",
            "awards": "Số lượt khen",
        }  # fmt: skip
        dates = ("start_date", "end_date", "registration_deadline")
        dated = table.with_columns(pl.col(c).dt.strftime("%d/%m/%Y") for c in dates)
        show_table(dated, headers, {"awards": 0})
        download_table(table, headers, "phong_trao_thi_dua.xlsx", key="campaigns_xlsx",
                       title="Phong trào thi đua", filters=filters, decimals={"awards": 0})  # fmt: skip
