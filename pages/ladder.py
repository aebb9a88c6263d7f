"""Đề nghị theo tiêu chuẩn: who meets the eligibility ladder for a proposal year — with the
awards that make each run — and the check of a draft proposal list, row by row."""

from __future__ import annotations

import functools

import streamlit as st

from thidua import ladder, metrics, queries, warehouse
from ui import ladder_panels as panels
from ui.data import connection, options
from ui.guard import allowed, require_page
from ui.layout import from_url, to_url

require_page("names")
con = connection()
st.title("Đề nghị khen thưởng theo tiêu chuẩn")
st.caption(
    "Từ lịch sử khen thưởng đã nhập: ai đủ chuỗi danh hiệu để được đề nghị trong năm chọn. Một "
    "người được nhận ra theo họ tên (không kể dấu, hoa thường) và đơn vị (đơn vị đã sáp nhập tính "
    "theo đơn vị mới); trường hợp không chắc chắn được nói rõ, không tự ghép."
)
years = metrics.available_years(con)
choices = list(range((max(years) if years else 2025) + 1, (min(years) if years else 2025), -1))
left, right = st.columns(2)
year = left.selectbox("Năm đề nghị", choices, key=panels.YEAR_KEY,
                      index=from_url("nam", choices, panels.YEAR_KEY) or 0)  # fmt: skip
units = options().units
unit = right.selectbox("Đơn vị", units, index=None, key="ladder_unit", placeholder="Mọi đơn vị")
to_url("nam", year)
panels.rules_table(queries.run(con, "ladder_rules"))
found = ladder.candidates(con, int(year), unit)
earlier = [y for y in choices if y < year]
nearest = None if found.height else ladder.nearest_year_with_candidates(con, earlier, unit)
panels.candidates(found, int(year), nearest)
if allowed("import"):
    # A draft is checked against every unit's candidates: those shown, unless one unit is.
    check = functools.partial(ladder.check_proposals, con, int(year), found=None if unit else found)
    panels.draft_check(warehouse.chosen(), int(year), check)
