"""The drill-down: the awards behind a clicked figure, as a list and an .xlsx (owns the
keys <key>_show and _<key>_in_view)."""

from __future__ import annotations

from typing import Any

import duckdb
import polars as pl
import streamlit as st

from thidua import reports
from thidua.exports import file_part
from thidua.filters import Filters
from thidua.literal import markdown as md
from thidua.reference import LEADER_CLASS_NAMES, LEADER_CLASS_SHORT
from ui.guard import allowed
from ui.layout import no_data
from ui.tables import dashed, download_table, list_note, row_px, same_for_all, table_height

# Above this many awards the default list (nothing clicked) is loaded only on request.
AUTO_LIST_LIMIT = 2_000


def award_list_panel(
    con: duckdb.DuckDBPyConnection,
    filters: Filters,
    selection: object,
    title: str,
    key: str,
    total: int | None = None,
) -> None:
    """The drill-down: the awards behind a figure, as a table and an .xlsx. `total` is how
    many awards the selection holds when known: a long list waits for the reader's request.
    `title` names what was clicked (a unit, an award) as plain text."""
    from thidua.exports import AWARD_LIST_HEADERS
    from thidua.formatting import number

    assert isinstance(selection, reports.Selection)
    st.markdown(f"#### Danh sách khen thưởng: {md(title)}")
    _into_view_once(key, selection, reports.Selection())
    if not allowed("names"):
        st.caption("Danh sách từng người, từng tập thể chỉ hiện khi đã đăng nhập.")
        return
    if (
        total is not None
        and total > AUTO_LIST_LIMIT
        and not st.toggle(f"Hiện danh sách ({number(total)} lượt)", key=f"{key}_show")
    ):
        st.caption(
            "Danh sách dài chỉ được tải khi bật «Hiện danh sách». Muốn xem một phần: bấm vào một "
            "cột ở thẻ biểu đồ, hoặc thu hẹp năm, đơn vị trong «Bộ lọc»."
        )
        return
    rows = reports.award_list(con, filters, selection)
    if rows.height == 0:
        no_data("Không có khen thưởng nào khớp với lựa chọn này.")
        return
    listed, same = same_for_all(rows)
    st.caption(
        list_note(rows.height, total, reports.DRILL_LIMIT) + (f" · {md(same)}" if same else "")
    )
    # On the page the list's columns fit a 1366 px screen: short headers for the decision
    # (full names when the pointer rests on them, as the .xlsx writes them), «NLĐ trực
    # tiếp» for the direct workers' class, an award's detail in place of its form (the
    # detail names it: «Huân chương Lao động hạng Ba»), widths for what is left; a long
    # name, position, unit or award on up to three lines rather than cut.
    listed = _form_or_detail(listed)
    headers = {k: _SHORT.get(k, v) for k, v in AWARD_LIST_HEADERS.items() if k in listed.columns}
    shown = dashed(listed)
    if "leader_class" in shown.columns:
        shown = shown.with_columns(pl.col("leader_class").replace(_SHORT_CLASSES))
    st.dataframe(shown.rename(headers), hide_index=True, width="stretch",
                 row_height=row_px(3), height=table_height(shown.height, 520, row_px(3)),
                 column_config=_list_columns(headers))  # fmt: skip
    st.caption("Tệp nguồn và dòng của từng khen thưởng: bật ở «Hiện/ẩn cột» trên bảng, hoặc "
               "xem trong tệp .xlsx tải về.")  # fmt: skip
    download_table(rows, AWARD_LIST_HEADERS, f"danh_sach_khen_thuong_{file_part(title)}.xlsx",
                   key=f"{key}_xlsx", title=f"Danh sách khen thưởng: {title}", filters=filters,
                   capability="names")  # fmt: skip


_SHORT = {"decision_no": "Số QĐ", "decision_date": "Ngày QĐ", "form_name": "Hình thức"}
_FULL = {"decision_no": "Số quyết định", "decision_date": "Ngày quyết định",
         "form_name": "Hình thức khen thưởng; chi tiết (hạng, tên danh hiệu) khi tệp có ghi"}  # fmt: skip
_SHORT_CLASSES = {LEADER_CLASS_NAMES[False]: LEADER_CLASS_SHORT[False]}
# A list of one award form and year (a click on the overview) shows seven of these: they
# fit 904 px beside the sidebar. A list showing more (a unit's list: every form, its
# detail, the kinds) narrows the columns whose text wraps — not the year, decision number
# and date, each one word — until all fit (a unit's list read 1005 px in 904).
_WIDTHS = {"year": 50, "recipient_name": 180, "kind_name": 90, "position": 115, "leader_class": 100,
           "unit_name": 175, "form_name": 150, "form_detail": 150, "decision_no": 110,
           "decision_date": 90}  # fmt: skip
# Kept at their width: one word each, or «Cá nhân» / «Tập thể» under «Đối tượng» (narrowed,
# its header was cut).
_ONE_WORD = ("year", "kind_name", "decision_no", "decision_date")
_ROOM_PX = 880


def _form_or_detail(listed: pl.DataFrame) -> pl.DataFrame:
    """One column for the award on the page: its detail where the file gave one (it names
    the award and its degree), else its form. The .xlsx keeps both."""
    if not {"form_name", "form_detail"} <= set(listed.columns):
        return listed
    return listed.with_columns(form_name=pl.coalesce("form_detail", "form_name")).drop(
        "form_detail"
    )


def _fitted_widths(keys: list[str]) -> dict[str, int]:
    """The widths of the columns shown, those that wrap narrowed alike to fit _ROOM_PX."""
    widths = {k: _WIDTHS[k] for k in keys if k in _WIDTHS}
    fixed = sum(w for k, w in widths.items() if k in _ONE_WORD)
    wrapping = sum(w for k, w in widths.items() if k not in _ONE_WORD)
    if fixed + wrapping <= _ROOM_PX or not wrapping:
        return widths
    scale = (_ROOM_PX - fixed) / wrapping
    return {k: w if k in _ONE_WORD else int(w * scale) for k, w in widths.items()}


def _list_columns(headers: dict[str, str]) -> dict[str, Any]:
    """The list's column settings by shown header: widths, the full name of a short header,
    dates as 25/01/2020, years without a thousands dot; where each award came from hidden
    at first (the toolbar's «Hiện/ẩn cột» shows it; always in the .xlsx), for the analyst
    checking a figure."""
    config: dict[str, Any] = {}
    fitted = _fitted_widths(list(headers))  # the source's columns have no width: hidden
    for key, shown in headers.items():
        width, full = fitted.get(key), _FULL.get(key) if key in _SHORT else None
        if key == "decision_date":
            config[shown] = st.column_config.DateColumn(format="DD/MM/YYYY", width=width, help=full)
        elif key == "year":
            config[shown] = st.column_config.NumberColumn(format="%d", width=width)
        elif key in ("source_file", "source_row"):
            config[shown] = None
        elif width or full:
            config[shown] = st.column_config.Column(width=width, help=full)
    return config


# Scrolls the page to the element drawn just before it (the list's heading), once drawn —
# or to the top of the container it sits in when that is a DRILL_AREA (what the list's
# caller drew above its heading: the bloc page's choice of the decisions' year and its note).
DRILL_AREA = "drill_area_"
_SCROLL_TO_HEADING = """<style>.stElementContainer:has(.thidua-into-view) { display: none; }</style>
<script class="thidua-into-view">
(() => {
  const box = document.currentScript && document.currentScript.closest('.stElementContainer');
  const area = box && box.closest('[class*="st-key-DRILL_AREA"]');
  const top = area || (box && box.previousElementSibling);
  // Clear of Streamlit's fixed top bar: scrolled to the very top, the heading (or the bloc
  // page's choice of year) was under it.
  if (top) top.style.scrollMarginTop = '96px';
  if (top) setTimeout(() => top.scrollIntoView({ block: 'start', behavior: 'smooth' }), 250);
})();
</script>""".replace("DRILL_AREA", DRILL_AREA)


def _into_view_once(key: str, selection: object, nothing: object) -> None:
    """A list opened by a click on a tall chart is drawn below the whole chart, far from
    the bar clicked: the page scrolls to it — once per new click, not on every rerun, and
    not for a tab's own list (nothing clicked)."""
    seen = f"_{key}_in_view"
    if selection == nothing or st.session_state.get(seen) == selection:
        return
    st.session_state[seen] = selection
    st.html(_SCROLL_TO_HEADING, unsafe_allow_javascript=True)
