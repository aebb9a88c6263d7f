"""The campaigns page's panels, one per tab besides the timeline: awards per campaign (a
clicked bar lists them) and the table of campaigns with its .xlsx."""

from __future__ import annotations

import duckdb
import polars as pl
import streamlit as st

from thidua import charts, reference, reports
from thidua.filters import Filters
from ui.drilldown import award_list_panel
from ui.figures import chart
from ui.layout import no_data
from ui.tables import download_table, show_table

HEADERS = {
    "campaign_code": "Số kế hoạch", "name": "Tên phong trào", "kind_name": "Loại", "start_date": "Bắt đầu",
    "end_date": "Kết thúc", "registration_deadline": "Hạn đăng ký", "slogan": "Khẩu hiệu",
    "awards": "Số lượt khen",
}  # fmt: skip
# Campaign names run to 90 characters: they wrap on two lines beside pixel-wide columns so
# that every column fits a 1366 px laptop; the slogan is only in the .xlsx.
WIDTHS = {"campaign_code": 105, "name": 330, "kind_name": 100, "start_date": 86, "end_date": 86,
          "registration_deadline": 92, "awards": 96}  # fmt: skip
_DATES = ("start_date", "end_date", "registration_deadline")


def awards(con: duckdb.DuckDBPyConnection, filters: Filters, campaigns: pl.DataFrame) -> None:
    """Awards per campaign; a clicked bar lists that campaign's awards."""
    if campaigns.filter(pl.col("awards") > 0).height == 0:
        no_data("Không có khen thưởng nào gắn với phong trào khớp với bộ lọc đang chọn.")
        return
    clicked = chart(
        charts.campaign_awards_bars,
        campaigns,
        filters.scope(),
        key="campaign_awards",
        on_select=True,
    )
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


def table(filters: Filters, campaigns: pl.DataFrame) -> None:
    """Every campaign with its kind, dates and awards; the .xlsx adds the slogan."""
    named = campaigns.with_columns(
        kind_name=pl.col("kind").replace_strict(reference.CAMPAIGN_KIND_NAMES, default=None)
    )
    dated = named.with_columns(pl.col(c).dt.strftime("%d/%m/%Y") for c in _DATES)
    on_screen = {c: h for c, h in HEADERS.items() if c != "slogan"}
    show_table(dated, on_screen, {"awards": 0}, widths=WIDTHS, lines=2)
    download_table(named, HEADERS, "phong_trao_thi_dua.xlsx", key="campaigns_xlsx",
                   title="Phong trào thi đua", filters=filters, decimals={"awards": 0})  # fmt: skip
