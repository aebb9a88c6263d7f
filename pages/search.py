"""Tra cứu: a person or collective by name (accent-insensitive, đ = d) and their award history."""

from __future__ import annotations

import polars as pl
import streamlit as st

from thidua import doubles, reports
from thidua.exports import file_part
from thidua.literal import markdown as md
from thidua.reference import KIND_NAMES
from ui.data import connection
from ui.guard import require_page
from ui.layout import no_data
from ui.tables import download_table, same_for_all, show_table
from ui.widget_texts import vietnamese_widget_texts

require_page("names")
con = connection()
st.title("Tra cứu cá nhân, tập thể")
vietnamese_widget_texts()
text = st.text_input(
    "Họ tên hoặc tên tập thể (gõ có dấu hay không dấu đều được)",
    key="search_text",
    placeholder="ví dụ: nguyen van an, Trường THPT…",
)
if len(text.strip()) < 2:
    st.caption("Nhập ít nhất 2 ký tự.")
    st.stop()
found = reports.search_recipients(con, text)
if found.height == 0:
    no_data(f"Không tìm thấy ai có tên chứa «{md(text)}».")
    st.stop()
labels = [
    f"{name} — {unit or 'không rõ đơn vị'} ({KIND_NAMES.get(kind, kind)}, {n} lượt, "
    + (f"{first})" if first == last else f"{first}–{last})")  # «2019», not «2019–2019»
    for name, unit, kind, n, first, last in found.iter_rows()
]
st.caption(f"{found.height} kết quả" + (" (50 đầu tiên)" if found.height >= 50 else ""))
index: int = st.selectbox(
    "Chọn người hoặc tập thể",
    range(len(labels)),
    format_func=lambda i: labels[i],
    key="search_pick",
)
name, unit = found.row(index)[0], found.row(index)[1]
history = reports.recipient_history(con, name, unit)
marked, doubt = doubles.history_pairs(con, name, unit)
if marked.height:
    history = history.join(marked, on="award_id", how="left", maintain_order="left")
history = history.drop("award_id")
st.subheader(f"Quá trình khen thưởng: {md(name)}" + (f" — {md(unit)}" if unit else ""))
# «Năm QĐ», the decision's year (the doubles page pairs by the achievement's, one earlier).
headers = {
    "year": "Năm QĐ", "form_name": "Hình thức", "form_detail": "Chi tiết", "position": "Chức vụ", "unit_name": "Đơn vị",
    "decision_no": "Số quyết định", "decision_date": "Ngày quyết định", "type_name": "Loại hình", "pair": "Cặp khen trùng",
}  # fmt: skip
# What every award shares (the unit chosen above, a single decision) is said once, so the
# columns that differ fit a 1366 px screen, long award names and posts on two lines; the
# .xlsx keeps them all.
listed, same = same_for_all(history)
if doubt:
    st.warning(md(doubt), icon=":material/group:")
if same:
    st.caption(md(same))
formats = {"decision_date": pl.col("decision_date").dt.strftime("%d/%m/%Y"),
           "year": pl.col("year").cast(pl.String)}  # fmt: skip
show_table(listed.with_columns(f for c, f in formats.items() if c in listed.columns), headers,
           widths={"year": 70, "form_name": 170, "form_detail": 180, "position": 150, "pair": 120}, lines=2)  # fmt: skip
download_table(
    history,
    headers,
    f"qua_trinh_khen_thuong_{file_part(name)}.xlsx",
    key="history_xlsx",
    title=f"Quá trình khen thưởng: {name}, {unit}",
    capability="names",
)
if history.height == 0:
    no_data("Không có khen thưởng.")
