"""Rà soát khen trùng: awards that look given twice — the same award to the same recipient
(name, unit) for the same achievement year in two decisions or two files — for an analyst to
review, and mark a pair «two different recipients» (namesakes)."""

from __future__ import annotations

import polars as pl
import streamlit as st

from thidua import doubles, warehouse
from ui import double_panels as panels
from ui.data import cached
from ui.filters import current_filters
from ui.guard import require_page
from ui.kpis import Kpi, kpi_row
from ui.notices import say_last_run

account = require_page("import")
filters = current_filters()
st.title("Rà soát khen thưởng trùng")
say_last_run()
st.caption(
    f"{filters.describe()}. Một cặp: cùng họ tên (không kể dấu, hoa thường), cùng đối tượng và "
    "đơn vị, cùng hình thức, loại hình và phong trào, cùng năm thành tích (khi cả hai dòng ghi; "
    "nếu không, cùng năm quyết định), ở hai quyết định hoặc hai tệp khác nhau."
)
pairs = cached(doubles.award_doubles, filters)
waiting = pairs.filter(~pl.col("reviewed"))
kpi_row(
    [Kpi("Cặp cần xem", str(waiting.height)), Kpi("Đã rà soát", str(pairs.height - waiting.height))]
)
master = warehouse.chosen()
panels.open_pairs(waiting, master, account, filters)
panels.reviewed_pairs(pairs.filter(pl.col("reviewed")), master, account)
